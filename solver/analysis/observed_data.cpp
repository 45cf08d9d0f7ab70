// Reading observed series for calibration from CSV, and the payoff names. Layer: solver (analysis).
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>
#include <string_view>

#include "solver/analysis/calibrate.hpp"
#include "solver/model/model.hpp"

namespace sdw::analysis {
namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> out{""};
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    for (auto& f : out) {
        const auto b = f.find_first_not_of(" \t"), e = f.find_last_not_of(" \t");
        f = b == std::string::npos ? "" : f.substr(b, e - b + 1);
    }
    return out;
}

std::optional<double> cellNumber(const std::string& s) {
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

}  // namespace

std::optional<Payoff> parsePayoff(const std::string& name) {
    if (name == "sse") return Payoff::SumOfSquares;
    if (name == "normal") return Payoff::Normal;
    if (name == "poisson") return Payoff::Poisson;
    return std::nullopt;
}

std::optional<std::vector<ObservedSeries>> readObservedCsv(const std::string& text, std::string& error) {
    // Excel's "CSV UTF-8" starts with a byte-order mark: without this its Time column read as
    // "\xEF\xBB\xBFTime".
    const std::string_view bom = "\xEF\xBB\xBF";
    std::istringstream in(text.compare(0, bom.size(), bom) == 0 ? text.substr(bom.size()) : text);
    std::string line;
    size_t lineNo = 0, lastLine = 0;
    std::optional<double> lastTime;
    std::vector<ObservedSeries> out;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto cells = splitCsvLine(line);
        if (out.empty()) {  // the header
            if (cells.size() < 2 || model::canonicalName(cells[0]) != "time") {
                error = "line " + std::to_string(lineNo) +
                        ": the first column must be Time, then one column per "
                        "variable";
                // A semicolon or tab between the names: a spreadsheet's other CSV (decimal commas, say).
                for (const char sep : {';', '\t'})
                    if (cells.size() == 1 && line.find(sep) != std::string::npos)
                        error += std::string(" (the columns here are separated by ") +
                                 (sep == ';' ? "semicolons" : "tabs") +
                                 ": sdw reads commas, with a point in numbers; in Excel, save as CSV UTF-8 "
                                 "(comma delimited))";
                return std::nullopt;
            }
            for (size_t c = 1; c < cells.size(); ++c) {
                const std::string at = "line " + std::to_string(lineNo) + ", column " + std::to_string(c + 1);
                if (cells[c].empty()) {
                    error = at + ": the column has no name (name it like the model variable it holds)";
                    return std::nullopt;
                }
                for (const auto& seen : out)
                    if (model::canonicalName(seen.name) == model::canonicalName(cells[c])) {
                        error = at + ": '" + cells[c] + "' is a second column for " + seen.name;
                        return std::nullopt;
                    }
                out.push_back({cells[c], {}, {}});
            }
            continue;
        }
        if (cells.size() > out.size() + 1) {
            error = "line " + std::to_string(lineNo) + ": " + std::to_string(cells.size()) +
                    " cells, but the header names " + std::to_string(out.size() + 1) +
                    " columns (a comma inside a number? write 1250, not 1,250)";
            return std::nullopt;
        }
        const auto t = cellNumber(cells[0]);
        if (!t) {
            error = "line " + std::to_string(lineNo) + ": Time '" + cells[0] + "' is not a number";
            return std::nullopt;
        }
        // Two rows at one time would both be fitted (each counted once): which is the observation?
        if (lastTime && *t <= *lastTime) {
            error = "line " + std::to_string(lineNo) + ": Time " + cells[0] +
                    (*t == *lastTime ? " again (line " + std::to_string(lastLine) + " has it)"
                                     : " comes before line " + std::to_string(lastLine) + "'s") +
                    ": the rows must run forward in time, one row a time";
            return std::nullopt;
        }
        lastTime = *t;
        lastLine = lineNo;
        for (size_t c = 1; c < cells.size() && c <= out.size(); ++c) {
            if (cells[c].empty() || cells[c] == "NA" || cells[c] == "na") continue;  // a gap
            const auto v = cellNumber(cells[c]);
            if (!v) {
                error = "line " + std::to_string(lineNo) + ", column " + out[c - 1].name + ": '" + cells[c] +
                        "' is not a number (leave the cell empty for a gap)";
                return std::nullopt;
            }
            out[c - 1].times.push_back(*t);
            out[c - 1].values.push_back(*v);
        }
    }
    if (out.empty()) {
        error = "no header line (Time, then one column per variable)";
        return std::nullopt;
    }
    return out;
}

}  // namespace sdw::analysis
