// Workbooks for Vensim's spreadsheet functions: the format chosen by the file's first bytes, .xls sheets read
// with freexl (Debian libfreexl, BIFF5/BIFF8; it gives no named ranges), sheets and named ranges looked up as
// Vensim does (exact name first, then ignoring case). Layer: solver (mdl). Depends on freexl and
// mdl_workbook.hpp.
#include "solver/mdl/mdl_workbook.hpp"

#include <freexl.h>

#include <cstdio>
#include <fstream>

namespace sdw::mdl::detail {
namespace {

constexpr size_t kMaxRows = 1'048'576, kMaxColumns = 16'384;  // Excel's own limits

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

struct XlsHandle {
    const void* h = nullptr;
    ~XlsHandle() {
        if (h) freexl_close(h);
    }
};

std::optional<std::string> xlsCell(const void* h, unsigned row, unsigned short col) {
    FreeXL_CellValue v;
    if (freexl_get_cell_value(h, row, col, &v) != FREEXL_OK) return std::nullopt;
    switch (v.type) {
        case FREEXL_CELL_INT:
            return std::to_string(v.value.int_value);
        case FREEXL_CELL_DOUBLE:
            return number(v.value.double_value);
        case FREEXL_CELL_NULL:
            return std::string();
        default:
            return trim(v.value.text_value ? v.value.text_value : "");
    }
}

}  // namespace

bool putCell(Table& t, size_t& used, size_t row, size_t col, std::string text) {
    if (row >= kMaxRows || col >= kMaxColumns) return false;
    if (t.rows.size() <= row) t.rows.resize(row + 1);
    auto& r = t.rows[row];
    if (r.size() <= col) {
        used += col + 1 - r.size();
        if (used > kMaxSheetCells) return false;
        r.resize(col + 1);
    }
    r[col] = std::move(text);
    return true;
}

std::optional<Workbook> readXls(const std::string& path, std::string& error) {
    XlsHandle x;
    const int rc = freexl_open(path.c_str(), &x.h);
    if (rc != FREEXL_OK) {
        error = "is not a readable .xls workbook (freexl error " + std::to_string(rc) + ")";
        return std::nullopt;
    }
    unsigned password = 0;
    if (freexl_get_info(x.h, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
        password == FREEXL_BIFF_OBFUSCATED) {
        error = "is protected by a password";
        return std::nullopt;
    }
    unsigned count = 0;
    freexl_get_info(x.h, FREEXL_BIFF_SHEET_COUNT, &count);
    Workbook out;
    size_t used = 0;  // grid cells of every sheet so far: the limit is the workbook's
    for (unsigned s = 0; s < count && s < 1024; ++s) {
        const char* name = nullptr;
        if (freexl_get_worksheet_name(x.h, static_cast<unsigned short>(s), &name) != FREEXL_OK ||
            freexl_select_active_worksheet(x.h, static_cast<unsigned short>(s)) != FREEXL_OK) {
            error = "its sheet " + std::to_string(s + 1) + " cannot be read";
            return std::nullopt;
        }
        unsigned rows = 0;
        unsigned short cols = 0;
        freexl_worksheet_dimensions(x.h, &rows, &cols);
        if (used + static_cast<size_t>(rows) * cols > kMaxSheetCells) {
            error = "its sheets have more than " + std::to_string(kMaxSheetCells) + " cells (at sheet '" +
                    std::string(name ? name : "") + "')";
            return std::nullopt;
        }
        Table t;
        for (unsigned r = 0; r < rows; ++r)
            for (unsigned short c = 0; c < cols; ++c) {
                auto text = xlsCell(x.h, r, c);
                if (text && !text->empty()) putCell(t, used, r, c, std::move(*text));
            }
        out.sheets.emplace_back(name ? name : "", std::move(t));
    }
    return out;
}

std::optional<Workbook> readWorkbook(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K') return readXlsx(path, error);
    if (in.gcount() == 4 && static_cast<unsigned char>(magic[0]) == 0xD0 &&
        static_cast<unsigned char>(magic[1]) == 0xCF)
        return readXls(path, error);
    error = "is neither an .xlsx nor an .xls workbook";
    return std::nullopt;
}

bool parseRangeRef(const std::string& text, std::string& sheet, CellRange& out) {
    std::string ref = trim(text);
    sheet.clear();
    if (const size_t bang = ref.rfind('!'); bang != std::string::npos) {
        sheet = ref.substr(0, bang);
        ref = ref.substr(bang + 1);
        if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
            sheet = sheet.substr(1, sheet.size() - 2);
            for (size_t k = sheet.find("''"); k != std::string::npos; k = sheet.find("''", k + 1))
                sheet.erase(k, 1);
        }
    }
    std::string plain;
    for (char c : ref)
        if (c != '$') plain += c;
    const size_t colon = plain.find(':');
    const std::string a = plain.substr(0, colon),
                      b = colon == std::string::npos ? a : plain.substr(colon + 1);
    if (!parseCellName(a, out.row0, out.col0) || !parseCellName(b, out.row1, out.col1)) return false;
    if (out.row1 < out.row0) std::swap(out.row0, out.row1);
    if (out.col1 < out.col0) std::swap(out.col0, out.col1);
    return true;
}

const Table* Workbook::sheet(const std::string& name) const {
    for (const auto& [n, t] : sheets)
        if (n == name) return &t;
    for (const auto& [n, t] : sheets)
        if (lower(n) == lower(name)) return &t;
    return nullptr;
}

const NamedRange* Workbook::range(const std::string& name, const std::string& sheetName) const {
    if (auto it = names.find(lower(sheetName) + "!" + lower(name)); it != names.end()) return &it->second;
    if (auto it = names.find(lower(name)); it != names.end()) return &it->second;
    return nullptr;
}

std::string Workbook::sheetList() const {
    std::string out;
    for (const auto& [n, t] : sheets) out += (out.empty() ? "'" : ", '") + n + "'";
    return out.empty() ? "none" : out;
}

}  // namespace sdw::mdl::detail
