// `sdw run`, `sdw check`, `sdw convert`, `sdw bench`: the headless engine commands. Output CSV follows the
// SDXorg test-models harness contract: a Time column, then every variable under its name as written.
// Layer: workbench/cli. No GUI, no Lua (scenarios go through cli::scenarioRunner()).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "solver/analysis/run_options.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/io/load_model.hpp"
#include "solver/io/local_profile.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/format.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

void printDiagnostics(const diag::Diagnostics& diags, const std::string& file) {
    for (const auto& d : diags.items())
        std::fprintf(stderr, "%s: %s\n", file.c_str(), diag::format(d).c_str());
}

std::optional<model::Project> load(const std::string& path, diag::Diagnostics& diags) {
    auto project = io::loadModelFile(path, diags);
    return project;
}

std::string number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string csvField(const std::string& s, char sep) {
    if (s.find(sep) == std::string::npos && s.find('"') == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void writeTable(std::ostream& out, const sim::RunResult& r, char sep, const std::string& prefix = "") {
    for (size_t c = 0; c < r.cols(); ++c) {
        if (c) out << sep;
        out << csvField(c == 0 || prefix.empty() ? r.names[c] : prefix + r.names[c], sep);
    }
    out << '\n';
    std::string line;
    for (size_t row = 0; row < r.rows(); ++row) {
        line.clear();
        for (size_t c = 0; c < r.cols(); ++c) {
            if (c) line += sep;
            line += number(r.at(row, c));
        }
        line += '\n';
        out << line;
    }
}

void writeSummary(std::ostream& out, const sim::RunResult& r, const std::string& label) {
    if (!label.empty()) out << "== " << label << " ==\n";
    out << "run " << r.start << " to " << r.stop << ", dt " << r.dt << ", " << sim::methodName(r.method)
        << "\n";
    size_t width = 8;
    for (size_t c = 1; c < r.cols(); ++c) width = std::max(width, r.names[c].size());
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-*s %14s %14s %14s %14s\n", static_cast<int>(width), "variable", "start",
                  "end", "min", "max");
    out << buf;
    for (size_t c = 1; c < r.cols(); ++c) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t row = 0; row < r.rows(); ++row) {
            lo = std::min(lo, r.at(row, c));
            hi = std::max(hi, r.at(row, c));
        }
        std::snprintf(buf, sizeof buf, "%-*s %14.6g %14.6g %14.6g %14.6g\n", static_cast<int>(width),
                      r.names[c].c_str(), r.at(0, c), r.at(r.rows() - 1, c), lo, hi);
        out << buf;
    }
}

// The comparison a strategy lead reads: each measure's value at the end of the run under the baseline, then
// the change each scenario makes, as a percentage; scenarios are numbered in the header and named below.
void writeComparison(std::ostream& out, const std::vector<sim::RunResult>& results,
                     const std::vector<std::string>& labels, const std::vector<std::string>& files,
                     const std::vector<std::string>& hidden) {
    const sim::RunResult& base = results.front();
    size_t width = 24;
    for (size_t c = 1; c < base.cols(); ++c) width = std::max(width, base.names[c].size());
    char buf[512];
    out << "Values at the end of the run (time " << base.stop
        << "): the baseline, then each scenario's change "
        << "from it.\n\n";
    std::snprintf(buf, sizeof buf, "%-*s %14s", static_cast<int>(width), "measure", "baseline");
    out << buf;
    for (size_t k = 1; k < results.size(); ++k) {
        std::snprintf(buf, sizeof buf, " %9s", ("[" + std::to_string(k) + "]").c_str());
        out << buf;
    }
    out << "\n";
    for (size_t c = 1; c < base.cols(); ++c) {
        if (std::find(hidden.begin(), hidden.end(), base.names[c]) != hidden.end()) continue;
        const double b = base.at(base.rows() - 1, c);
        std::snprintf(buf, sizeof buf, "%-*s %14s", static_cast<int>(width), base.names[c].c_str(),
                      app::readableNumber(b).c_str());
        out << buf;
        for (size_t k = 1; k < results.size(); ++k) {
            const auto v = results[k].finalValue(base.names[c]);
            if (!v)
                std::snprintf(buf, sizeof buf, " %9s", "-");
            else if (std::fabs(b) < 1e-9 && std::fabs(*v) < 1e-9)
                std::snprintf(buf, sizeof buf, " %9s", "0");
            else if (std::fabs(b) < 1e-9)
                std::snprintf(buf, sizeof buf, " %9s", "new");
            else
                std::snprintf(buf, sizeof buf, " %+8.1f%%", (*v - b) / std::fabs(b) * 100);
            out << buf;
        }
        out << "\n";
    }
    out << "\n";
    for (size_t k = 1; k < results.size(); ++k)
        out << "[" << k << "] " << labels[k] << "  (" << files[k - 1] << ")\n";
}

struct RunOptions {
    std::string model;
    std::string profile;
    std::string method;
    std::optional<double> dt, start, stop, saveper;
    std::vector<std::string> sets;
    std::string vars;
    std::string out;
    std::string format = "csv";
    std::vector<std::string> scenarios;
    bool summary = false;
    bool compare = false;
    uint64_t seed = 1;
};

// Builds the run spec and the compile options from the command line. Returns false on a usage error.
bool buildSpec(const RunOptions& o, const model::Project& project, sim::RunSpec& spec,
               compile::CompileOptions& copts) {
    if (!o.method.empty()) {
        auto m = sim::parseMethod(o.method);
        if (!m) {
            std::fprintf(stderr, "sdw run: unknown method '%s' (use euler, rk4 or rk45)\n", o.method.c_str());
            return false;
        }
        spec.method = m;
    }
    spec.dt = o.dt;
    spec.start = o.start;
    spec.stop = o.stop;
    spec.saveper = o.saveper;
    if (o.saveper || o.dt) {  // the model's own specs are checked when it is read
        const double dt = o.dt.value_or(project.specs.dt);
        const auto why = analysis::checkSaveper(dt, o.saveper.value_or(project.specs.saveper.value_or(dt)));
        if (!why.empty()) {
            std::fprintf(stderr, "sdw run: %s\n", why.c_str());
            return false;
        }
    }
    spec.seed = o.seed;
    spec.vars = splitVars(o.vars);
    for (const auto& s : o.sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::fprintf(stderr, "sdw run: --set needs NAME=VALUE, got '%s'\n", s.c_str());
            return false;
        }
        const std::string name = s.substr(0, eq), value = s.substr(eq + 1);
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        const model::Variable* var = project.main().find(name);
        if (!var) {
            std::fprintf(stderr, "sdw run: --set %s: the model has no variable '%s'\n", s.c_str(),
                         name.c_str());
            return false;
        }
        if (end && *end == '\0' && !value.empty() && var->kind != model::VarKind::Stock) {
            copts.equationOverrides[name] = value;  // a constant: recompiled as that number
        } else if (end && *end == '\0' && !value.empty()) {
            spec.sets.push_back({name, v});  // a stock's initial value
        } else {
            copts.equationOverrides[name] = value;  // an equation
        }
    }
    return true;
}

int cmdRun(int argc, char** argv) {
    CLI::App app{"Simulate a model and print its time series as CSV (Time, then every variable)", "sdw run"};
    RunOptions o;
    app.add_option("model", o.model, "model file (.xmile, .stmx, .mdl)")->required();
    app.add_option("--method", o.method, "integration method: euler, rk4 or rk45 (adaptive)");
    app.add_option("--dt", o.dt, "time step");
    app.add_option("--start", o.start, "start time");
    app.add_option("--stop", o.stop, "stop time");
    app.add_option("--saveper", o.saveper, "save interval (a multiple of dt)");
    app.add_option("--set", o.sets, "NAME=VALUE: change a constant, a stock's initial value or an equation")
        ->take_all();
    app.add_option("--vars", o.vars, "comma-separated variables to output (default: all)");
    app.add_option("--out", o.out, "write to this file instead of standard output");
    app.add_option("--format", o.format, "csv or tsv")->check(CLI::IsMember({"csv", "tsv"}));
    app.add_option("--scenario", o.scenarios, "scenario file (.lua); repeat to compare scenarios");
    app.add_option("--profile", o.profile,
                   "local profile (CSV: name,value,units,source) setting the inputs that make the model a "
                   "particular council; applied before --set and every scenario");
    app.add_option("--seed", o.seed, "seed for random built-ins");
    app.add_flag("--summary", o.summary,
                 "print start, end, min and max of each output instead of the series");
    app.add_flag("--compare", o.compare,
                 "run the baseline and each --scenario; print each measure's final value and the scenarios' "
                 "changes (measures: --vars, else the model's \"Outcome measures\" group, else all)");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = load(o.model, diags);
    if (!project) {
        printDiagnostics(diags, o.model);
        return kExitModelError;
    }
    if (!o.profile.empty()) {
        const auto entries = io::readProfileFile(o.profile, diags);
        if (!entries || !io::applyProfile(*project, *entries, diags, o.profile)) {
            printDiagnostics(diags, o.model);
            return kExitModelError;
        }
    }
    if (o.compare && o.vars.empty()) {
        const auto measures = xmile::groupMembers(project->main(), xmile::kOutcomeGroup);
        for (const auto& m : measures) o.vars += (o.vars.empty() ? "" : ",") + m;
    }
    std::vector<std::string>
        ledgers;  // ledgers the business case needs that --vars leaves out: run, not shown
    if (o.compare && !o.vars.empty()) {
        const auto shown = splitVars(o.vars);
        for (const auto& l : xmile::groupMembers(project->main(), kBusinessCaseGroup)) {
            const bool listed = std::any_of(shown.begin(), shown.end(), [&](const std::string& v) {
                return model::canonicalName(v) == model::canonicalName(l);
            });
            if (!listed) ledgers.push_back(l);
        }
    }
    sim::RunSpec spec;
    compile::CompileOptions copts;
    if (!buildSpec(o, *project, spec, copts)) return kExitUsage;
    for (const auto& l : ledgers) spec.vars.push_back(l);

    std::vector<sim::RunResult> results;
    std::vector<std::string> labels;
    if (o.compare) {  // the baseline first
        auto compiled = compile::compileModel(*project, diags, copts);
        if (!compiled) {
            printDiagnostics(diags, o.model);
            return kExitModelError;
        }
        results.push_back(sim::simulate(*compiled, spec));
        labels.push_back("baseline");
    }
    if (!o.scenarios.empty()) {
        if (!scenarioRunner()) {
            std::fprintf(stderr,
                         "sdw run: --scenario needs the Lua plugin host, which this build does not have\n");
            return kExitUsage;
        }
        for (const auto& [name, eq] : copts.equationOverrides) {
            for (auto& v : project->main().variables)
                if (model::canonicalName(v.name) == model::canonicalName(name)) v.equation = eq;
        }
        std::vector<sim::RunResult> scenarioResults;
        std::vector<std::string> scenarioLabels;
        if (!scenarioRunner()(*project, o.scenarios, spec, scenarioResults, scenarioLabels, diags)) {
            printDiagnostics(diags, o.model);
            return kExitModelError;
        }
        for (auto& r : scenarioResults) results.push_back(std::move(r));
        for (auto& l : scenarioLabels) labels.push_back(std::move(l));
    } else if (!o.compare) {
        auto compiled = compile::compileModel(*project, diags, copts);
        if (!compiled) {
            printDiagnostics(diags, o.model);
            return kExitModelError;
        }
        results.push_back(sim::simulate(*compiled, spec));
        labels.push_back("");
    }
    printDiagnostics(diags, o.model);  // warnings
    bool failed = false;
    for (const auto& r : results)
        if (!r.ok()) {
            printDiagnostics(r.diagnostics, o.model);
            failed = true;
        }
    if (failed) return kExitModelError;

    std::ofstream file;
    if (!o.out.empty()) {
        file.open(o.out);
        if (!file) {
            std::fprintf(stderr, "sdw run: cannot write '%s'\n", o.out.c_str());
            return kExitUsage;
        }
    }
    std::ostream& out = o.out.empty() ? std::cout : file;
    const char sep = o.format == "tsv" ? '\t' : ',';
    if (o.compare) {
        writeComparison(out, results, labels, o.scenarios, ledgers);
        writeBusinessCases(out, *project, results, labels);
        return kExitOk;
    }
    for (size_t i = 0; i < results.size(); ++i) {
        if (o.summary)
            writeSummary(out, results[i], labels[i]);
        else
            writeTable(out, results[i], sep, results.size() > 1 ? labels[i] + ":" : "");
    }
    return kExitOk;
}

int cmdCheck(int argc, char** argv) {
    CLI::App app{"Check a model: parse, resolve names, order equations, check units; print every diagnostic",
                 "sdw check"};
    std::string path;
    app.add_option("model", path, "model file")->required();
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = load(path, diags);
    if (project) compile::compileModel(*project, diags);
    for (const auto& d : diags.items()) std::printf("%s: %s\n", path.c_str(), diag::format(d).c_str());
    std::printf("%s: %zu error(s), %zu warning(s)\n", path.c_str(), diags.errorCount(), diags.warningCount());
    return diags.hasErrors() ? kExitModelError : kExitOk;
}

int cmdConvert(int argc, char** argv) {
    CLI::App app{"Convert a model (XMILE, Stella .stmx or Vensim .mdl) to XMILE", "sdw convert"};
    std::string in, out;
    app.add_option("input", in, "model to read")->required();
    app.add_option("output", out, "XMILE file to write")->required();
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = load(in, diags);
    printDiagnostics(diags, in);
    if (!project) return kExitModelError;
    std::string err;
    if (!xmile::writeFile(*project, out, err)) {
        std::fprintf(stderr, "sdw convert: %s\n", err.c_str());
        return kExitModelError;
    }
    return kExitOk;
}

int cmdBench(int argc, char** argv) {
    CLI::App app{"Time a model: compile once, run it N times in-process, print the median", "sdw bench"};
    std::string path;
    int runs = 200;
    app.add_option("model", path, "model file")->required();
    app.add_option("--runs", runs, "number of runs")->check(CLI::Range(1, 10'000'000));
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = load(path, diags);
    if (!project) {
        printDiagnostics(diags, path);
        return kExitModelError;
    }
    const auto c0 = std::chrono::steady_clock::now();
    auto compiled = compile::compileModel(*project, diags);
    const auto c1 = std::chrono::steady_clock::now();
    if (!compiled) {
        printDiagnostics(diags, path);
        return kExitModelError;
    }
    std::vector<double> us;
    us.reserve(static_cast<size_t>(runs));
    size_t rows = 0;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        sim::RunResult r = sim::simulate(*compiled);
        const auto b = std::chrono::steady_clock::now();
        if (!r.ok()) {
            printDiagnostics(r.diagnostics, path);
            return kExitModelError;
        }
        rows = r.rows();
        us.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
    std::sort(us.begin(), us.end());
    std::printf(
        "model=%s variables=%zu rows=%zu runs=%d compile_ms=%.2f median_us_per_run=%.2f min_us=%.2f\n",
        path.c_str(), compiled->columns.size() - 1, rows, runs,
        std::chrono::duration<double, std::milli>(c1 - c0).count(), us[us.size() / 2], us.front());
    return kExitOk;
}

}  // namespace

std::vector<std::string> splitVars(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : s) {
        if (c == '[') ++depth;
        if (c == ']') --depth;
        if (c == ',' && depth == 0) {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    for (auto& v : out) {
        v.erase(0, v.find_first_not_of(' '));
        v.erase(v.find_last_not_of(' ') + 1);
    }
    return out;
}

void registerEngineCommands() {
    registerCommand({"run", "simulate a model and print CSV (see sdw run --help)", cmdRun});
    registerCommand({"check", "print a model's diagnostics; exit 1 on errors", cmdCheck});
    registerCommand({"convert", "write a model (XMILE, .stmx, .mdl) as XMILE", cmdConvert});
    registerCommand({"bench", "time N runs of a model in-process", cmdBench});
}

}  // namespace sdw::cli
