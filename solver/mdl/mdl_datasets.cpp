// The files one read of a .mdl may open: those its data functions name, relative to the model's folder, and
// the data files given for its data variables: Vensim's text .dat format (a name line, then "time value"
// lines) and CSV or tab-separated tables with a Time column (time down, a column per series, as `sdw run`
// writes them) or a Time row (time across, a row per series). Layer: solver. Depends on model/, diag/.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "solver/mdl/mdl_internal.hpp"
#include "solver/mdl/mdl_workbook.hpp"

namespace sdw::mdl::detail {
namespace {

using model::canonicalRef;

std::string extensionOf(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    return lower(ext);
}

// Adds a point to a series; points are put in time order when the file is done (a .dat may list a series
// in several pieces).
void addPoint(std::map<std::string, Series>& out, const std::string& name, double t, double v) {
    Series& s = out[canonicalRef(name)];
    s.xs.push_back(t);
    s.ys.push_back(v);
}

void fail(diag::Diagnostics& diags, const std::string& path, size_t row, const std::string& what,
          std::optional<size_t> col = std::nullopt) {
    const std::string where = col ? " cell " + cellName(row, *col) + " (row " + std::to_string(row + 1) + ")"
                                  : " line " + std::to_string(row + 1);
    diags.error(diag::code::kDataFile, path, "data file '" + path + "'" + where + ": " + what, 0,
                col ? 0 : static_cast<int>(row + 1));
}

// Vensim .dat: a series starts with its name (a comment may follow a '/'; a time base in <...> is
// ignored), then one "time value" pair per line, with anything after them a comment.
void readDat(const std::string& path, const std::string& text, std::map<std::string, Series>& out,
             diag::Diagnostics& diags) {
    std::istringstream in(text);
    std::string line, name;
    for (size_t n = 0; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::istringstream words(line);
        std::string first, second;
        words >> first >> second;
        if (first.empty()) continue;
        if (!cellNumber(first)) {  // a name line
            name = trim(line.substr(0, line.find_first_of("/<")));
            continue;
        }
        const auto t = cellNumber(first), v = cellNumber(second);
        if (!name.empty() && (second == ":NA:" || upper(second) == "NA")) continue;  // a missing point
        if (name.empty())
            fail(diags, path, n, "a time and value before any series name");
        else if (!v)
            fail(diags, path, n,
                 "'" + second.substr(0, 24) + "' after the time " + first + " is not a number");
        else
            addPoint(out, name, *t, *v);
        if (diags.errorCount() > 20) return;
    }
}

// A table with "Time" in its first cell: times across the first row, or down the first column.
void readTableSeries(const std::string& path, const Table& t, std::map<std::string, Series>& out,
                     diag::Diagnostics& diags) {
    if (t.rows.empty() || model::canonicalName(t.at(0, 0)) != "time") {
        diags.error(diag::code::kDataFile, path,
                    "data file '" + path +
                        "' must start with a cell 'Time': a Time column (a column per series) "
                        "or a Time row (a row per series)");
        return;
    }
    const bool across = cellNumber(t.at(0, 1)).has_value();
    const size_t series = across ? t.rows.size() : t.rows[0].size();
    const size_t points = across ? t.rows[0].size() : t.rows.size();
    for (size_t p = 1; p < points; ++p) {
        const size_t tr = across ? 0 : p, tc = across ? p : 0;
        const auto time = cellNumber(t.at(tr, tc));
        if (!time) {
            if (!t.at(tr, tc).empty()) fail(diags, path, tr, "the time is not a number", tc);
            continue;
        }
        for (size_t k = 1; k < series; ++k) {
            const size_t r = across ? k : p, c = across ? p : k;
            const std::string& name = across ? t.at(k, 0) : t.at(0, k);
            const std::string& cell = t.at(r, c);
            if (name.empty() || cell.empty()) continue;  // a missing point
            if (auto v = cellNumber(cell))
                addPoint(out, name, *time, *v);
            else
                fail(diags, path, r, "'" + cell.substr(0, 24) + "' is not a number", c);
            if (diags.errorCount() > 20) return;
        }
    }
}

}  // namespace

DataSources::DataSources(const std::string& modelPath, std::vector<std::string> dataFiles)
    : m_dir(std::filesystem::path(modelPath).parent_path().string()), m_dataFiles(std::move(dataFiles)) {}

std::string DataSources::resolve(const std::string& name) const {
    const std::filesystem::path p(name);
    if (p.is_absolute() || m_dir.empty()) return name;
    return (std::filesystem::path(m_dir) / p).lexically_normal().string();
}

const Table* DataSources::table(const std::string& name, char delimiter, std::string& error) {
    const std::string path = resolve(name);
    const std::string key = path + '\x1f' + delimiter;
    if (auto it = m_tables.find(key); it != m_tables.end()) return &it->second;
    auto text = readSmallTextFile(path, error);
    if (!text) return nullptr;
    return &(m_tables[key] = parseTable(*text, delimiter));
}

const Workbook* DataSources::workbook(const std::string& name, std::string& error) {
    const std::string path = resolve(name);
    auto it = m_books.find(path);
    if (it == m_books.end()) {
        std::string why;
        std::error_code ec;
        std::shared_ptr<Workbook> book;
        if (!std::filesystem::is_regular_file(path, ec))
            why = std::filesystem::exists(path, ec) ? "is not a regular file" : "does not exist";
        else if (auto wb = readWorkbook(path, why))
            book = std::make_shared<Workbook>(std::move(*wb));
        it = m_books.emplace(path, std::make_pair(book, why.empty() ? why : "'" + path + "' " + why)).first;
    }
    error = it->second.second;
    return it->second.first.get();
}

void DataSources::loadDataFiles(diag::Diagnostics& diags) {
    m_loaded = true;
    for (const std::string& path : m_dataFiles) {  // a later file's series replaces an earlier one's
        std::string error;
        auto text = readSmallTextFile(path, error);
        if (!text) {
            diags.error(diag::code::kDataFile, path, "data file: " + error);
            continue;
        }
        std::map<std::string, Series> found;
        const std::string ext = extensionOf(path);
        if (ext == ".csv" || ext == ".tab" || ext == ".tsv" || ext == ".txt")
            readTableSeries(path, parseTable(*text, ext == ".csv" ? ',' : '\t'), found, diags);
        else
            readDat(path, *text, found, diags);
        for (auto& [name, s] : found) {
            std::vector<size_t> order(s.xs.size());
            for (size_t k = 0; k < order.size(); ++k) order[k] = k;
            const std::vector<double>& xs = s.xs;  // clang before 16 cannot capture a structured binding
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return xs[a] < xs[b]; });
            Series sorted;
            for (size_t k : order) {
                if (!sorted.xs.empty() && sorted.xs.back() == s.xs[k])
                    sorted.xs.pop_back(), sorted.ys.pop_back();
                sorted.xs.push_back(s.xs[k]);
                sorted.ys.push_back(s.ys[k]);
            }
            m_series[name] = std::move(sorted);
        }
    }
}

const Series* DataSources::series(const std::string& ref, diag::Diagnostics& diags) {
    if (!m_loaded) loadDataFiles(diags);
    auto it = m_series.find(canonicalRef(ref));
    return it == m_series.end() ? nullptr : &it->second;
}

}  // namespace sdw::mdl::detail
