// Delimited text files as grids of cells, for Vensim's data functions and data files: CSV or tab (or any one
// character) separated, double-quoted cells, CR/CRLF/LF line ends, blanks around cells ignored; spreadsheet
// cell names ("B2", "AA10"). Only a regular file of at most 64 MB is opened, so a model naming a device or a
// huge file cannot hang or exhaust the reader. Layer: solver. Depends on the standard library only.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl::detail {
namespace {

constexpr std::uintmax_t kMaxTableBytes = 64u << 20;

void endCell(std::string& cell, std::vector<std::string>& row) {
    row.push_back(trim(cell));
    cell.clear();
}

}  // namespace

std::optional<std::string> readSmallTextFile(const std::string& path, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = std::filesystem::exists(path, ec) ? "'" + path + "' is not a regular file"
                                                  : "'" + path + "' does not exist";
        return std::nullopt;
    }
    if (std::filesystem::file_size(path, ec) > kMaxTableBytes) {
        error = "'" + path + "' is larger than 64 MB";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in) {
        error = "cannot read '" + path + "'";
        return std::nullopt;
    }
    return ss.str();
}

Table parseTable(const std::string& text, char delimiter) {
    Table t;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            endCell(cell, row);
        } else if (c == '\n' || c == '\r') {
            endCell(cell, row);
            t.rows.push_back(std::move(row));
            row.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            any = false;
            continue;
        } else {
            cell += c;
        }
        any = true;
    }
    if (any || !cell.empty() || !row.empty()) {
        endCell(cell, row);
        t.rows.push_back(std::move(row));
    }
    return t;
}

const std::string& Table::at(size_t row, size_t col) const {
    static const std::string kEmpty;
    if (row >= rows.size() || col >= rows[row].size()) return kEmpty;
    return rows[row][col];
}

bool parseColumnName(const std::string& letters, size_t& col) {
    if (letters.empty() || letters.size() > 3) return false;
    col = 0;
    for (char c : letters) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
        col = col * 26 + static_cast<size_t>(std::toupper(static_cast<unsigned char>(c)) - 'A' + 1);
    }
    --col;
    return true;
}

bool parseCellName(const std::string& ref, size_t& row, size_t& col) {
    size_t k = 0;
    while (k < ref.size() && std::isalpha(static_cast<unsigned char>(ref[k]))) ++k;
    if (!parseColumnName(ref.substr(0, k), col) || k == ref.size() || ref.size() - k > 7) return false;
    row = 0;
    for (size_t i = k; i < ref.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
        row = row * 10 + static_cast<size_t>(ref[i] - '0');
    }
    if (row == 0) return false;
    --row;
    return true;
}

std::string cellName(size_t row, size_t col) {
    std::string letters;
    for (size_t c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

std::optional<double> cellNumber(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace sdw::mdl::detail
