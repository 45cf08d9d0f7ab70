// Vensim's data functions resolved at read time: GET DIRECT CONSTANTS become numbers, GET DIRECT LOOKUPS
// graphical functions, GET DIRECT DATA graphical functions of Time; the GET XLS forms read the same way, from
// a workbook (.xlsx or .xls; cells or .xlsx named ranges) or a CSV export of its sheet. Every value that
// cannot be read is an E130 naming the file, sheet, cell, row and column. Layer: solver. Depends on model/,
// diag/.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "solver/mdl/mdl_internal.hpp"
#include "solver/mdl/mdl_workbook.hpp"

namespace sdw::mdl::detail {
namespace {

std::string extension(const std::string& name) {
    const size_t dot = name.rfind('.');
    return dot == std::string::npos ? "" : lower(name.substr(dot));
}

// The delimiter of a text file: the 'tab' argument of a GET DIRECT function when it is one character, else
// a comma for .csv and a tab for anything else (as Vensim does).
char delimiterFor(const GetCall& call) {
    const std::string& tab = call.args.size() > 1 ? call.args[1] : "";
    if (call.function.find("DIRECT") != std::string::npos && tab.size() == 1) return tab[0];
    if (tab == "\\t") return '\t';
    return extension(call.args[0]) == ".csv" ? ',' : '\t';
}

class Reader {
  public:
    Reader(const GetCall& call, const Table& t, std::string label, const std::string& where, int line,
           diag::Diagnostics& d)
        : m_call(call), m_t(t), m_label(std::move(label)), m_where(where), m_line(line), m_diags(d) {}

    // A number at (row, col); reports and returns nullopt when empty (unless `blankOk`) or not a number.
    std::optional<double> number(size_t row, size_t col, bool blankOk = false) {
        const std::string& cell = m_t.at(row, col);
        if (auto v = cellNumber(cell)) return v;
        if (cell.empty() && blankOk) return std::nullopt;
        fail(row, col, cell.empty() ? "is empty" : "holds '" + cell.substr(0, 24) + "', not a number");
        return std::nullopt;
    }

    void fail(size_t row, size_t col, const std::string& what) {
        m_failed = true;
        m_diags.error(diag::code::kDataFile, m_where, describe(row, col) + " " + what, 0, m_line);
    }
    // A series point whose cell holds text: skipped, as Vensim reads it; one warning per series names the
    // first such cell and counts the rest.
    void skip(size_t row, size_t col) {
        if (m_skipped++ == 0) m_firstSkipped = {row, col};
    }
    void reportSkipped() {
        if (m_skipped == 0) return;
        const auto [row, col] = m_firstSkipped;
        m_diags.warning(
            diag::code::kMdlCellSkipped, m_where,
            describe(row, col) + " holds '" + m_t.at(row, col).substr(0, 24) +
                "', not a number: read as a missing point" +
                (m_skipped > 1 ? " (and " + std::to_string(m_skipped - 1) + " more such cells)" : ""),
            0, m_line);
        m_skipped = 0;
    }
    bool failed() const { return m_failed; }
    const Table& table() const { return m_t; }

  private:
    std::string describe(size_t row, size_t col) const {
        const std::string name = cellName(row, col),
                          column = name.substr(0, name.find_first_of("0123456789"));
        return m_call.function + ": " + m_label + " cell " + name + " (row " + std::to_string(row + 1) +
               ", column " + column + ")";
    }
    size_t m_skipped = 0;
    std::pair<size_t, size_t> m_firstSkipped;
    const GetCall& m_call;
    const Table& m_t;
    std::string m_label;  // 'file' or 'file' sheet 'name'
    std::string m_where;
    int m_line;
    diag::Diagnostics& m_diags;
    bool m_failed = false;
};

// x and y down a column or across a row: time (or x) at `axis`, values from `first` on, to the end of the row
// or column or after `most` points (the end of a named range). A point with a blank or text time or value is
// missing (Vensim reads it so; test-models get_with_missing_values_xlsx): skipped, text with a W222.
std::optional<Series> readSeries(Reader& r, bool across, size_t axis, size_t row, size_t col, size_t most) {
    Series s;
    const size_t limit =
        std::min(most, across ? (axis < r.table().rows.size() ? r.table().rows[axis].size() : 0)
                              : r.table().rows.size());
    for (size_t k = 0; k < limit; ++k) {
        const size_t xr = across ? axis : row + k, xc = across ? col + k : axis;
        const size_t yr = across ? row : row + k, yc = across ? col + k : col;
        const auto x = cellNumber(r.table().at(xr, xc)), y = cellNumber(r.table().at(yr, yc));
        if (!x && !r.table().at(xr, xc).empty()) r.skip(xr, xc);
        if (x && !y && !r.table().at(yr, yc).empty()) r.skip(yr, yc);
        if (!x || !y) continue;  // a missing point
        if (!s.xs.empty() && *x <= s.xs.back()) {
            r.fail(xr, xc, "is not after the point before it: times and x values must increase");
            return std::nullopt;
        }
        s.xs.push_back(*x);
        s.ys.push_back(*y);
    }
    r.reportSkipped();
    if (s.xs.empty()) {
        r.fail(row, col, "starts no series: there is no value with a time (or x) beside it");
        return std::nullopt;
    }
    return s;
}

model::GraphicalFunction lookupTable(const Series& s) {
    model::GraphicalFunction gf;
    gf.xs = s.xs;
    gf.ys = s.ys;
    gf.xptsWritten = true;
    gf.xscale = std::make_pair(s.xs.front(), s.xs.back());
    const auto [lo, hi] = std::minmax_element(s.ys.begin(), s.ys.end());
    gf.yscale = std::make_pair(*lo, *hi);
    return gf;
}

bool isWorkbook(const std::string& ext) {
    return ext == ".xls" || ext == ".xlsx" || ext == ".xlsm";
}

// The grid a call reads, and how errors name it.
struct Source {
    const Workbook* book = nullptr;
    const Table* table = nullptr;
    std::string label;
    // Moves to the sheet a named range is on.
    template <class Refuse>
    bool at(const NamedRange& nr, const GetCall& call, Refuse& refuse) {
        table = book->sheet(nr.sheet);
        label = "'" + call.args[0] + "' sheet '" + nr.sheet + "'";
        return table ||
               refuse(diag::code::kDataFile, "the named range '" + call.args.back() + "' is on a sheet '" +
                                                 nr.sheet + "' that the workbook lacks");
    }
};

template <class Refuse>
bool locate(const GetCall& call, DataSources& data, Source& src, Refuse& refuse) {
    const std::string& file = call.args[0];
    const std::string ext = extension(file);
    std::string error;
    if (ext == ".xlsb" || ext == ".wk1" || ext == ".123")
        return refuse(diag::code::kUnsupported,
                      "'" + file +
                          "' is a binary Excel or Lotus workbook, which sdw does not "
                          "read: save it as .xlsx (or the sheet '" +
                          call.args[1] + "' as CSV) and name that file instead");
    if (!isWorkbook(ext)) {
        src.table = data.table(file, delimiterFor(call), error);
        src.label = "'" + file + "'";
        return src.table || refuse(diag::code::kDataFile, error);
    }
    src.book = data.workbook(file, error);
    if (!src.book) return refuse(diag::code::kDataFile, error);
    src.table = src.book->sheet(call.args[1]);
    src.label = "'" + file + "' sheet '" + call.args[1] + "'";
    return src.table || refuse(diag::code::kDataFile, "'" + file + "' has no sheet '" + call.args[1] +
                                                          "' (its sheets: " + src.book->sheetList() + ")");
}

}  // namespace

std::optional<GetCall> parseGetCall(const std::string& rhs) {
    const size_t open = rhs.find('(');
    if (open == std::string::npos || trim(rhs).back() != ')') return std::nullopt;
    std::string f = upper(squeeze(rhs.substr(0, open)));
    for (char& c : f)
        if (c == '_') c = ' ';
    f = squeeze(f);
    GetCall call;
    for (const char* source : {"GET DIRECT ", "GET XLS ", "GET 123 "})
        for (const char* what : {"DATA", "CONSTANTS", "LOOKUPS", "SUBSCRIPT"})
            if (f == std::string(source) + what) call = {f, what, {}};
    if (call.what.empty()) return std::nullopt;
    // The arguments are 'literals', which may hold commas (the delimiter ',').
    const size_t close = rhs.rfind(')');
    std::string cur;
    bool literal = false;
    for (size_t k = open + 1; k < close; ++k) {
        const char c = rhs[k];
        if (c == '\'') literal = !literal;
        if (c == ',' && !literal) {
            call.args.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    call.args.push_back(trim(cur));
    for (std::string& a : call.args)
        if (a.size() >= 2 && a.front() == '\'' && a.back() == '\'') a = a.substr(1, a.size() - 2);
    return call;
}

std::optional<std::vector<std::string>> resolveSubscript(const GetCall& call, const std::string& where,
                                                         int line, DataSources& data,
                                                         diag::Diagnostics& diags) {
    auto refuse = [&](const char* code, const std::string& msg) {
        diags.error(code, where, call.function + ": " + msg, 0, line);
        return false;
    };
    if (call.args.size() != 5) {
        refuse(diag::code::kMdlSyntax,
               "expects 5 arguments ('file', 'tab', 'first cell', 'last cell', "
               "'prefix'), got " +
                   std::to_string(call.args.size()));
        return std::nullopt;
    }
    GetCall cells = call;  // the first cell where the other GET functions have their cell
    cells.args = {call.args[0], call.args[1], call.args[2]};
    Source src;
    size_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;
    if (!locate(cells, data, src, refuse)) return std::nullopt;
    if (!parseCellName(call.args[2], row0, col0)) {
        refuse(diag::code::kDataFile, "'" + call.args[2] + "' is not a cell name such as B2");
        return std::nullopt;
    }
    // No last cell: along the row to the first blank, as far as the sheet goes.
    if (call.args[3].empty()) {
        row1 = row0;
        for (col1 = col0; !src.table->at(row0, col1 + 1).empty();) ++col1;
    } else if (!parseCellName(call.args[3], row1, col1) || row1 < row0 || col1 < col0) {
        refuse(diag::code::kDataFile, "'" + call.args[3] + "' is not a cell name at or after '" +
                                          call.args[2] + "' (right of it or below it)");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (size_t r = row0; r <= row1; ++r)
        for (size_t c = col0; c <= col1; ++c) {
            if (out.size() >= model::kMaxDimensionElements) {
                refuse(diag::code::kTooLarge, "the cells from " + call.args[2] + " to " + call.args[3] +
                                                  " hold more than " +
                                                  std::to_string(model::kMaxDimensionElements) + " elements");
                return std::nullopt;
            }
            if (!src.table->at(r, c).empty()) out.push_back(call.args[4] + src.table->at(r, c));
        }
    if (out.empty()) {
        refuse(diag::code::kDataFile,
               src.label + " has no element names in the cells from " + call.args[2] + " to " + call.args[3]);
        return std::nullopt;
    }
    return out;
}

bool resolveGet(const GetCall& call, const std::string& method,
                const std::vector<std::pair<size_t, size_t>>& places, const std::string& where, int line,
                DataSources& data, diag::Diagnostics& diags, std::vector<GetValue>& out) {
    const size_t want = call.what == "CONSTANTS" ? 3 : 4;
    auto refuse = [&](const char* code, const std::string& msg) {
        diags.error(code, where, call.function + ": " + msg, 0, line);
        return false;
    };
    if (call.args.size() != want)
        return refuse(diag::code::kMdlSyntax, "expects " + std::to_string(want) +
                                                  " arguments ('file', 'tab', " +
                                                  (want == 4 ? "'time row or column', " : "") +
                                                  "'cell'), got " + std::to_string(call.args.size()));
    const std::string& file = call.args[0];
    if (!file.empty() && file[0] == '?')
        return refuse(diag::code::kUnsupported,
                      "indirect file names ('" + file + "') are not supported: name the file");
    // Where the cells are: a text file, or a sheet of a workbook (where a cell may be a named range).
    Source src;
    if (!locate(call, data, src, refuse)) return false;
    std::string cell = call.args.back();
    const bool transposed = !cell.empty() && cell.back() == '*';
    if (transposed) cell.pop_back();
    size_t row = 0, col = 0, extent = std::numeric_limits<size_t>::max();
    if (const NamedRange* nr = src.book ? src.book->range(cell, call.args[1]) : nullptr;
        nr && !parseCellName(cell, row, col)) {
        if (!src.at(*nr, call, refuse)) return false;
        row = nr->cells.row0, col = nr->cells.col0;
        extent = std::max(nr->cells.row1 - row, nr->cells.col1 - col) + 1;
    } else if (!parseCellName(cell, row, col)) {
        return refuse(diag::code::kDataFile,
                      "'" + call.args.back() + "' is not a cell name such as B2" +
                          (src.book ? " nor a named range of '" + file + "'"
                                    : std::string(" (named ranges are not read from text files)")));
    }
    Reader r(call, *src.table, src.label, where, line, diags);
    out.clear();
    if (call.what == "CONSTANTS") {
        for (auto [down, across] : places) {
            const auto v =
                transposed ? r.number(row + across, col + down) : r.number(row + down, col + across);
            out.push_back({v, std::nullopt});
        }
        return !r.failed();
    }
    // DATA and LOOKUPS: time (or x) along a row ("3") or down a column ("A"), or a named range holding the
    // times; elements the other way.
    const std::string& axisArg = call.args[2];
    size_t axis = 0, unused = 0;
    bool across = !axisArg.empty() && std::isdigit(static_cast<unsigned char>(axisArg[0]));
    if (const NamedRange* times = src.book ? src.book->range(axisArg, call.args[1]) : nullptr) {
        across = times->cells.row0 == times->cells.row1 && times->cells.col1 > times->cells.col0;
        axis = across ? times->cells.row0 : times->cells.col0;
        extent = std::min(extent, across ? times->cells.col1 - col + 1 : times->cells.row1 - row + 1);
        if ((across ? times->cells.col1 < col : times->cells.row1 < row))
            return refuse(diag::code::kDataFile,
                          "the times '" + axisArg + "' end before the values '" + cell + "' begin");
    } else if (across ? !parseCellName("A" + axisArg, axis, unused) : !parseColumnName(axisArg, axis)) {
        return refuse(diag::code::kDataFile,
                      "'" + axisArg + "' names neither a row (a number) nor a column (letters)" +
                          (src.book ? std::string(" nor a named range") : std::string()));
    }
    for (auto [down, at] : places) {
        if (down > 0)
            return refuse(diag::code::kDataFile,
                          "reads one vector of series: give each row of the "
                          "other dimension its own equation");
        auto s = across ? readSeries(r, true, axis, row + at, col, extent)
                        : readSeries(r, false, axis, row, col + at, extent);
        if (!s) return false;
        out.push_back({std::nullopt, call.what == "DATA" ? dataTable(*s, method) : lookupTable(*s)});
    }
    return true;
}

model::GraphicalFunction dataTable(const Series& s, const std::string& method) {
    if (method.empty() || method == "INTERPOLATE") return lookupTable(s);
    // Steps: a point just after each data time carries the value that holds until the next one.
    constexpr double kNa = -1e38;  // Vensim's :NA:
    Series step;
    const double inf = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < s.xs.size(); ++k) {
        if (method == "RAW" && k == 0)
            step.xs.push_back(std::nextafter(s.xs[0], -inf)), step.ys.push_back(kNa);
        step.xs.push_back(s.xs[k]);
        step.ys.push_back(s.ys[k]);
        if (method == "LOOK FORWARD" && k + 1 < s.xs.size())
            step.xs.push_back(std::nextafter(s.xs[k], inf)), step.ys.push_back(s.ys[k + 1]);
        if (method == "RAW") step.xs.push_back(std::nextafter(s.xs[k], inf)), step.ys.push_back(kNa);
    }
    model::GraphicalFunction gf = lookupTable(step);
    gf.kind = model::GraphicalFunction::Kind::Discrete;
    return gf;
}

}  // namespace sdw::mdl::detail
