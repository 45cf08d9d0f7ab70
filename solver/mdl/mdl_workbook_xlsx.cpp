// Office Open XML workbooks (.xlsx, .xlsm) as grids of cells: the zip read with libzip, its parts with
// pugixml (ECMA-376 part 1: workbook.xml, its relationships, sharedStrings.xml, worksheets/sheetN.xml).
// Numbers keep the text the file stores, so they read back exactly. Layer: solver (mdl). Depends on libzip,
// pugixml and mdl_workbook.hpp.
#include <zip.h>

#include <memory>
#include <pugixml.hpp>

#include "solver/mdl/mdl_workbook.hpp"

namespace sdw::mdl::detail {
namespace {

using Zip = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// The text of one part of the zip; nullopt when it is missing. `error` is set when it cannot be read.
std::optional<std::string> part(zip_t* z, const std::string& name, std::string& error) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name.c_str(), 0, &st) != 0) return std::nullopt;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxWorkbookPartBytes) {
        error = "its part '" + name + "' is larger than 64 MB";
        return std::nullopt;
    }
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z, name.c_str(), 0), &zip_fclose);
    std::string text(static_cast<size_t>(st.size), '\0');
    if (!f || zip_fread(f.get(), text.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
        error = "its part '" + name + "' is damaged or encrypted";
        return std::nullopt;
    }
    return text;
}

bool parseXml(pugi::xml_document& doc, const std::string& text, const std::string& name, std::string& error) {
    if (doc.load_buffer(text.data(), text.size())) return true;
    error = "its part '" + name + "' is not well-formed XML";
    return false;
}

// A shared string: its text, or its rich-text runs joined.
std::string stringItem(const pugi::xml_node& si) {
    if (auto t = si.child("t")) return t.text().get();
    std::string out;
    for (auto r : si.children("r")) out += r.child("t").text().get();
    return out;
}

// The folder-relative target of a relationship ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml").
std::string partName(const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
}

// One cell's text as the grid holds it: numbers as stored, shared and inline strings as text, booleans as
// 1 or 0, errors as written (#N/A), a formula with no stored result as "=" and its formula.
std::string cellText(const pugi::xml_node& c, const std::vector<std::string>& strings) {
    const std::string type = c.attribute("t").as_string();
    const std::string v = c.child("v").text().get();
    if (type == "s") {
        const unsigned long k = std::strtoul(v.c_str(), nullptr, 10);
        return !v.empty() && k < strings.size() ? strings[k] : "";
    }
    if (type == "inlineStr") return stringItem(c.child("is"));
    if (v.empty() && c.child("f")) return "=" + std::string(c.child("f").text().get());
    return trim(v);
}

bool readSheet(const pugi::xml_document& doc, const std::vector<std::string>& strings, Table& out,
               size_t& used, std::string& error) {
    size_t nextRow = 0;
    for (auto row : doc.child("worksheet").child("sheetData").children("row")) {
        const size_t r = row.attribute("r") ? row.attribute("r").as_ullong() - 1 : nextRow;
        nextRow = r + 1;
        size_t nextCol = 0;
        for (auto c : row.children("c")) {
            size_t cr = r, cc = nextCol;
            if (auto ref = c.attribute("r"); ref && !parseCellName(ref.as_string(), cr, cc)) {
                error = "a cell is named '" + std::string(ref.as_string()).substr(0, 16) + "'";
                return false;
            }
            nextCol = cc + 1;
            std::string text = cellText(c, strings);
            if (text.empty()) continue;
            if (!putCell(out, used, cr, cc, std::move(text))) {
                error = "its sheets have more than " + std::to_string(kMaxSheetCells) +
                        " cells in their grids, or a cell past the last row or column";
                return false;
            }
        }
    }
    return true;
}

void readNames(const pugi::xml_node& workbook, const std::vector<std::string>& sheetNames, Workbook& out) {
    for (auto dn : workbook.child("definedNames").children("definedName")) {
        std::string sheet;
        NamedRange nr;
        if (!parseRangeRef(dn.text().get(), sheet, nr.cells)) continue;  // a formula or constant
        const std::string name = lower(dn.attribute("name").as_string());
        const auto local = dn.attribute("localSheetId");
        const std::string scope =
            local && local.as_uint() < sheetNames.size() ? sheetNames[local.as_uint()] : std::string();
        nr.sheet = sheet.empty() ? scope : sheet;
        if (nr.sheet.empty()) continue;
        if (!scope.empty())
            out.names[lower(scope) + "!" + name] = nr;
        else
            out.names[name] = nr;
    }
}

// The sheet's relationship id: its r:id attribute, whatever prefix the file gives the namespace.
std::string relationshipId(const pugi::xml_node& sheet) {
    for (auto a : sheet.attributes()) {
        const std::string name = a.name();
        if (name.size() > 3 && name.compare(name.size() - 3, 3, ":id") == 0) return a.value();
    }
    return {};
}

}  // namespace

std::optional<Workbook> readXlsx(const std::string& path, std::string& error) {
    int code = 0;
    Zip z(zip_open(path.c_str(), ZIP_RDONLY, &code), &zip_discard);
    if (!z) {
        error = "is not a workbook (not a zip file)";
        return std::nullopt;
    }
    auto bookText = part(z.get(), "xl/workbook.xml", error);
    auto relsText = part(z.get(), "xl/_rels/workbook.xml.rels", error);
    if (!bookText || !relsText) {
        if (error.empty()) error = "is not an Excel workbook (no xl/workbook.xml)";
        return std::nullopt;
    }
    pugi::xml_document book, rels, shared;
    if (!parseXml(book, *bookText, "xl/workbook.xml", error) ||
        !parseXml(rels, *relsText, "xl/_rels/workbook.xml.rels", error))
        return std::nullopt;
    std::vector<std::string> strings;
    if (auto text = part(z.get(), "xl/sharedStrings.xml", error)) {
        if (!parseXml(shared, *text, "xl/sharedStrings.xml", error)) return std::nullopt;
        for (auto si : shared.child("sst").children("si")) strings.push_back(stringItem(si));
    } else if (!error.empty()) {
        return std::nullopt;
    }
    std::map<std::string, std::string> targets;  // relationship id -> part name
    for (auto r : rels.child("Relationships").children("Relationship"))
        targets[r.attribute("Id").as_string()] = partName(r.attribute("Target").as_string());
    Workbook out;
    std::vector<std::string> sheetNames;
    size_t used = 0;  // grid cells of every sheet so far: the limit is the workbook's
    const pugi::xml_node wb = book.child("workbook");
    for (auto s : wb.child("sheets").children("sheet")) {
        const std::string name = s.attribute("name").as_string();
        sheetNames.push_back(name);
        auto it = targets.find(relationshipId(s));
        if (it == targets.end()) continue;  // a chart sheet or a broken link: no cells
        auto text = part(z.get(), it->second, error);
        pugi::xml_document sheet;
        Table t;
        if (!text || !parseXml(sheet, *text, it->second, error) ||
            !readSheet(sheet, strings, t, used, error)) {
            if (error.empty()) error = "its sheet '" + name + "' is missing";
            error += " (sheet '" + name + "')";
            return std::nullopt;
        }
        out.sheets.emplace_back(name, std::move(t));
    }
    readNames(wb, sheetNames, out);
    return out;
}

}  // namespace sdw::mdl::detail
