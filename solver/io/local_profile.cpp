// Local profile CSV: parse, check against the model, apply, and write. Layer: solver (model). Depends on
// model/ and diag/ only.
#include "solver/io/local_profile.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace sdw::io {
namespace {

using model::canonicalName;
using model::Model;
using model::Variable;
using model::VarKind;
using model::varKindName;

std::string trim(const std::string& s) {
    const char* ws = " \t\r\n";
    const size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Splits CSV text into rows of fields (RFC 4180 quoting), each row with its first line number. Returns false
// when a quoted field is never closed.
bool splitCsv(const std::string& text, std::vector<std::pair<int, std::vector<std::string>>>& rows,
              int& badLine) {
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    int line = 1, rowLine = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.push_back(field);
            field.clear();
            rows.emplace_back(rowLine, std::move(row));
            row.clear();
            rowLine = ++line;
        } else {
            field += c;
        }
    }
    if (quoted) {
        badLine = rowLine;
        return false;
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.emplace_back(rowLine, std::move(row));
    }
    return true;
}

// "435,000", "£24.10", "GBP 24.10", "53%", "-1.5e3": the number, or nullopt.
std::optional<double> spreadsheetNumber(std::string s) {
    s = trim(s);
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s = trim(s.substr(0, s.size() - 1));
    }
    for (const std::string prefix : {"\xC2\xA3", "GBP", "gbp"})  // £ in UTF-8, or GBP
        if (s.rfind(prefix, 0) == 0) s = trim(s.substr(prefix.size()));
    std::string digits;
    for (char c : s)
        if (c != ',') digits += c;
    if (digits.empty()) return std::nullopt;
    if (digits[0] == '+') digits.erase(0, 1);
    double v = 0;
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (r.ec != std::errc() || r.ptr != digits.data() + digits.size() || !std::isfinite(v))
        return std::nullopt;
    return percent ? v / 100 : v;
}

std::string unitKey(const std::string& u) {
    std::string out;
    for (char c : lower(u))
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string shortNumber(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

std::optional<std::vector<ProfileEntry>> parseProfile(const std::string& rawText, diag::Diagnostics& diags,
                                                      const std::string& sourceName) {
    std::string text = rawText;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // the byte-order mark spreadsheets write
    auto fail = [&](int line, const std::string& message) {
        diags.error(diag::code::kBadProfile, sourceName, message, 0, line);
        return std::nullopt;
    };
    std::vector<std::pair<int, std::vector<std::string>>> rows;
    int badLine = 0;
    if (!splitCsv(text, rows, badLine))
        return fail(badLine, "a quoted field starting on this line never closes");
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const auto& r) {
                                  return std::all_of(r.second.begin(), r.second.end(),
                                                     [](const std::string& f) { return trim(f).empty(); });
                              }),
               rows.end());
    if (rows.empty()) return fail(0, "the profile is empty: it needs the header name,value,units,source");
    const auto& header = rows.front().second;
    const char* want[] = {"name", "value", "units", "source"};
    for (size_t i = 0; i < 4; ++i)
        if (header.size() <= i || lower(trim(header[i])) != want[i])
            return fail(
                rows.front().first,
                "the first row must be the header name,value,units,source (a spreadsheet saved as CSV, "
                "comma-separated)");
    std::vector<ProfileEntry> out;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& [line, f] = rows[r];
        ProfileEntry e;
        e.line = line;
        e.name = trim(f[0]);
        if (e.name.empty()) return fail(line, "the row has no name in its first column");
        if (f.size() < 2 || trim(f[1]).empty()) return fail(line, "'" + e.name + "' has no value");
        const auto v = spreadsheetNumber(f[1]);
        if (!v) return fail(line, "'" + e.name + "': value '" + trim(f[1]) + "' is not a number");
        e.value = *v;
        if (f.size() > 2) e.units = trim(f[2]);
        if (f.size() > 3) e.source = trim(f[3]);
        for (const auto& seen : out)
            if (canonicalName(seen.name) == canonicalName(e.name))
                return fail(line, "'" + e.name + "' is given twice (first on line " +
                                      std::to_string(seen.line) + ")");
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<std::vector<ProfileEntry>> readProfileFile(const std::string& path, diag::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(diag::code::kFileUnreadable, path, "cannot open the profile '" + path + "' for reading");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseProfile(ss.str(), diags, path);
}

bool applyProfile(model::Project& project, const std::vector<ProfileEntry>& entries, diag::Diagnostics& diags,
                  const std::string& sourceName) {
    bool ok = true;
    auto refuse = [&](const ProfileEntry& e, const std::string& message) {
        diags.error(diag::code::kBadProfile, sourceName, message, 0, e.line);
        ok = false;
    };
    Model& m = project.main();
    for (const auto& e : entries) {
        const Variable* v = m.find(e.name);
        if (!v)
            refuse(e, "the model has no variable '" + e.name + "'");
        else if (v->kind == VarKind::Stock || v->kind == VarKind::Flow)
            refuse(
                e,
                "'" + e.name + "' is a " + varKindName(v->kind) +
                    ": a profile sets inputs (constants), such as the starting figure a stock begins from");
        else if (!v->dimensions.empty())
            refuse(e, "'" + e.name + "' is arrayed: a profile row sets a single number");
        else if (!e.units.empty() && !v->units.empty() && unitKey(e.units) != unitKey(v->units))
            refuse(e, "'" + e.name + "' is given in '" + e.units + "' but the model measures it in '" +
                          v->units + "'");
    }
    if (!ok) return false;
    for (const auto& e : entries) {
        Variable* v = m.find(e.name);
        v->equation = shortNumber(e.value);
        v->gf.reset();
    }
    return true;
}

std::string writeProfileCsv(const model::Model& model, const std::vector<std::string>& names,
                            const std::vector<std::optional<double>>& values) {
    std::string out = "name,value,units,source\n";
    for (size_t i = 0; i < names.size(); ++i) {
        const Variable* v = model.find(names[i]);
        if (!v) continue;
        const std::string value =
            i < values.size() && values[i] ? shortNumber(*values[i]) : trim(v->equation);
        out += csvField(v->name) + "," + csvField(value) + "," + csvField(v->units) + "," + csvField(v->doc) +
               "\n";
    }
    return out;
}

}  // namespace sdw::io
