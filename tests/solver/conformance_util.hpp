// The SDXorg test-models pass rule (../shared/conformance/README.md): reading reference outputs (CSV or TSV,
// CR, CRLF or LF) and comparing a run with them. Shared by the XMILE and Vensim conformance tests.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/io/load_model.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::test {

// ../shared/conformance/test-models beside the project, or SDW_CONFORMANCE_MODELS when set (tests that need
// the suite skip, saying so, when it is not there).
inline std::filesystem::path conformanceRoot() {
    if (const char* env = std::getenv("SDW_CONFORMANCE_MODELS"); env && *env) return env;
    return std::filesystem::path(SDW_SOURCE_DIR) / ".." / "shared" / "conformance" / "test-models";
}

inline bool haveConformance() {
    std::error_code ec;
    return std::filesystem::is_directory(conformanceRoot(), ec);
}

// At the top of a test that reads the suite: without it, say so and pass over the test.
#define SDW_NEEDS_CONFORMANCE()                                               \
    do {                                                                      \
        if (!::sdw::test::haveConformance()) {                                \
            WARN("SKIPPED: " << ::sdw::test::conformanceRoot()                \
                             << " does not exist, so this test did not run"); \
            return;                                                           \
        }                                                                     \
    } while (0)

// Every diagnostic, one formatted line each: for INFO() when a test fails.
inline std::string formatAll(const diag::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += diag::format(d) + "\n";
    return out;
}

// Every XMILE, STMX and ITMX file of the conformance suite, sorted.
inline std::vector<std::filesystem::path> xmileFiles() {
    std::vector<std::filesystem::path> out;
    if (!haveConformance()) return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(conformanceRoot())) {
        const auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".xmile" || ext == ".stmx" || ext == ".itmx"))
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Reference {
    std::vector<std::string> names;
    std::vector<std::vector<double>> rows;  // NaN = blank cell (not compared)
};

inline std::vector<std::string> splitCells(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == sep && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

inline std::optional<Reference> readReference(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (auto& c : text)
        if (c == '\r') c = '\n';
    std::istringstream lines(text);
    std::string line;
    Reference ref;
    char sep = 0;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        if (!sep) {
            sep = line.find('\t') != std::string::npos ? '\t' : ',';
            for (auto& n : splitCells(line, sep)) {
                n.erase(0, n.find_first_not_of(' '));
                n.erase(n.find_last_not_of(' ') + 1);
                ref.names.push_back(n);
            }
            continue;
        }
        std::vector<double> row;
        for (const auto& cell : splitCells(line, sep)) {
            char* end = nullptr;
            const double v = std::strtod(cell.c_str(), &end);
            row.push_back(end == cell.c_str() ? NAN : v);
        }
        row.resize(ref.names.size(), NAN);
        ref.rows.push_back(std::move(row));
    }
    if (ref.names.empty()) return std::nullopt;
    return ref;
}

struct Comparison {
    bool pass = false;
    size_t compared = 0;  // values compared
    std::string detail;   // the first failure
};

inline bool ignoredColumn(const std::string& name) {
    const std::string c = model::canonicalName(name);
    return c == "time" || c == "initial_time" || c == "final_time" || c == "time_step" || c == "saveper";
}

inline Comparison compare(const sim::RunResult& run, const Reference& ref) {
    Comparison c;
    const int timeCol = run.column("time");
    std::vector<std::pair<size_t, int>> cols;  // reference column -> run column
    for (size_t k = 0; k < ref.names.size(); ++k) {
        if (ignoredColumn(ref.names[k])) continue;
        const int rc = run.column(ref.names[k]);
        if (rc >= 0) cols.push_back({k, rc});
    }
    if (cols.empty()) {
        c.detail = "no reference column matches a model variable";
        return c;
    }
    size_t row = 0;
    for (const auto& refRow : ref.rows) {
        const double t = refRow[0];
        // References print times to about 6 significant digits (10.0312 for 10.03125).
        const double tolT = 1e-5 * std::max(1.0, std::fabs(t));
        while (row < run.rows() && run.at(row, static_cast<size_t>(timeCol)) < t - tolT) ++row;
        if (row >= run.rows() || std::fabs(run.at(row, static_cast<size_t>(timeCol)) - t) > tolT) {
            c.detail = "the run has no row at reference time " + std::to_string(t);
            return c;
        }
        for (auto [k, rc] : cols) {
            const double want = refRow[k];
            if (std::isnan(want)) continue;
            const double got = run.at(row, static_cast<size_t>(rc));
            ++c.compared;
            const bool nearZero = std::fabs(want) < 3e-6 && std::fabs(got) < 1e-6;
            if (nearZero || std::fabs(got - want) <= 1e-4 * std::max(std::fabs(got), std::fabs(want)))
                continue;
            std::ostringstream msg;
            msg << "'" << ref.names[k] << "' at time " << t << ": got " << got << ", reference " << want;
            c.detail = msg.str();
            return c;
        }
    }
    c.pass = c.compared > 0;
    return c;
}

// Compile and run a project (read with `diags`, which must hold no error) and compare it with the references
// in `dir`.
inline Comparison runAndCompare(const std::optional<model::Project>& project, diag::Diagnostics& diags,
                                const std::filesystem::path& dir) {
    Comparison result;
    auto firstError = [&] {
        for (const auto& d : diags.items())
            if (d.severity == diag::Severity::Error) return diag::format(d);
        return std::string("unknown error");
    };
    if (!project || diags.hasErrors()) {  // a reader error is a failure even when the rest compiles
        result.detail = "load: " + firstError();
        return result;
    }
    auto compiled = compile::compileModel(*project, diags);
    if (!compiled) {
        result.detail = "compile: " + firstError();
        return result;
    }
    const sim::RunResult run = sim::simulate(*compiled);
    if (!run.ok()) {
        result.detail = "run: " + diag::format(run.diagnostics.items().front());
        return result;
    }
    std::vector<std::filesystem::path> refs;
    for (const char* name : {"output.csv", "output.tab"})
        if (std::filesystem::exists(dir / name)) refs.push_back(dir / name);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string fn = entry.path().filename().string();
        if (fn.rfind("output_", 0) == 0 && entry.path().extension() == ".csv") refs.push_back(entry.path());
    }
    for (const auto& r : refs) {
        auto ref = readReference(r);
        if (!ref) continue;
        Comparison c = compare(run, *ref);
        if (c.pass) {
            c.detail = r.filename().string();
            return c;
        }
        if (result.detail.empty()) result.detail = r.filename().string() + ": " + c.detail;
    }
    if (refs.empty()) result.detail = "no reference output in the folder";
    return result;
}

// Load, compile, run and compare one model file with the references in its folder.
inline Comparison runConformance(const std::filesystem::path& modelPath) {
    diag::Diagnostics diags;
    auto project = io::loadModelFile(modelPath.string(), diags);
    return runAndCompare(project, diags, modelPath.parent_path());
}

}  // namespace sdw::test
