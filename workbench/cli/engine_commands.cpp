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
#include "solver/jit/native_code.hpp"
#include "solver/mdl/mdl_writer.hpp"
#include "solver/model/text_origin.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/app/export.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

void printDiagnostics(const diag::Diagnostics& diags, const std::string& file) {
    for (const auto& d : diags.items())
        std::fprintf(stderr, "%s: %s\n", file.c_str(), diag::format(d).c_str());
}

constexpr const char* kDataHelp =
    "FILE: series for a Vensim model's data variables (.dat, or CSV/tab with a Time column or row); repeat "
    "for more";

// Reads a model for a command that acts on it (run, bench, convert): any error, even one the reader read
// past, refuses the model, so these commands never say yes where `sdw check` says no. The diagnostics are
// printed.
std::optional<model::Project> loadOrRefuse(const std::string& path, diag::Diagnostics& diags,
                                           const std::vector<std::string>& dataFiles = {}) {
    auto project = io::loadModelFile(path, diags, {dataFiles});
    if (project && !diags.hasErrors()) return project;
    if (project) compile::compileModel(*project, diags);  // report all that `sdw check` would
    printDiagnostics(diags, path);
    return std::nullopt;
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

// The harness CSV; a Date column (ISO days) follows Time when the model has a calendar start.
void writeTable(std::ostream& out, const sim::RunResult& r, char sep, const std::optional<app::Calendar>& cal,
                const std::string& prefix = "") {
    for (size_t c = 0; c < r.cols(); ++c) {
        if (c) out << sep;
        out << csvField(c == 0 || prefix.empty() ? r.names[c] : prefix + r.names[c], sep);
        if (c == 0 && cal) out << sep << "Date";
    }
    out << '\n';
    std::string line;
    for (size_t row = 0; row < r.rows(); ++row) {
        line.clear();
        for (size_t c = 0; c < r.cols(); ++c) {
            if (c) line += sep;
            line += number(r.at(row, c));
            if (c == 0 && cal) line += sep + isoDate(cal->dateAt(r.at(row, 0)));
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
    std::vector<std::string> data;
    std::string at;
    double discountPercent = analysis::kGreenBookDiscountRate * 100;
    bool summary = false;
    bool compare = false;
    uint64_t seed = 1;
    std::string engine = "auto";
};

// The kind of file --out names, by its extension: .csv, .tsv, .txt (--summary, --compare) or .xlsx. Anything
// else is refused before the runs, rather than written as CSV under a name that says otherwise.
std::optional<std::string> outputKind(const RunOptions& o) {
    if (o.out.empty()) return o.format;
    const auto dot = o.out.rfind('.');
    std::string ext = dot == std::string::npos ? "" : o.out.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool text = o.summary || o.compare;
    if (ext == "xlsx" && !o.summary) return ext;
    if ((ext == "csv" || ext == "tsv") && !text) return ext;
    if (ext == "txt" && text) return ext;
    std::fprintf(stderr, "sdw run: --out %s: sdw writes %s; name the file with one of those extensions\n",
                 o.out.c_str(),
                 o.summary   ? "a summary as .txt"
                 : o.compare ? "a comparison as .txt, or its runs as .xlsx"
                             : ".csv, .tsv or .xlsx (an Excel workbook)");
    return std::nullopt;
}

app::Provenance provenance(const RunOptions& o, const model::Project& project) {
    app::Provenance p = app::provenanceOf(o.model, project);
    p.scenarios = o.scenarios;
    if (!o.profile.empty()) p.settings.push_back("--profile " + o.profile);
    for (const auto& s : o.sets) p.settings.push_back("--set " + s);
    p.seed = o.seed;
    return p;
}

int writeOutputs(const RunOptions& o, const model::Project& project,
                 const std::vector<sim::RunResult>& results, const std::vector<std::string>& labels,
                 const std::vector<std::string>& ledgers, std::optional<double> at) {
    const std::string kind = *outputKind(o);
    if (kind == "xlsx") {
        std::string error;
        std::vector<std::string> names = labels;
        if (names.size() == 1 && names.front().empty()) names.front() = "results";
        if (!app::writeWorkbook(o.out, project, results, names, provenance(o, project), error)) {
            std::fprintf(stderr, "sdw run: --out %s: %s\n", o.out.c_str(), error.c_str());
            return kExitUsage;
        }
        return kExitOk;
    }
    std::ofstream file;
    if (!o.out.empty()) {
        file.open(o.out);
        std::ofstream side(o.out + ".provenance.txt");
        side << app::provenanceText(provenance(o, project));
        if (!file || !side) {
            std::fprintf(stderr, "sdw run: cannot write '%s'\n", o.out.c_str());
            return kExitUsage;
        }
    }
    std::ostream& out = o.out.empty() ? std::cout : file;
    const char sep = kind == "tsv" ? '\t' : ',';
    if (o.compare) {
        const sim::RunResult& base = results.front();
        if (at && (*at < base.start - 1e-9 || *at > base.stop + 1e-9)) {
            std::fprintf(stderr, "sdw run: --at %s: the run covers %s to %s\n", o.at.c_str(),
                         app::describeTime(project.specs, base.start).c_str(),
                         app::describeTime(project.specs, base.stop).c_str());
            return kExitUsage;
        }
        std::vector<std::string> measures;
        for (size_t c = 1; c < base.cols(); ++c)
            if (std::find(ledgers.begin(), ledgers.end(), base.names[c]) == ledgers.end())
                measures.push_back(base.names[c]);
        writeComparison(out, project, results, labels, o.scenarios, measures, at);
        writeBusinessCases(out, project, results, labels, o.discountPercent / 100);
        return kExitOk;
    }
    for (size_t i = 0; i < results.size(); ++i) {
        if (o.summary)
            writeSummary(out, results[i], labels[i]);
        else
            writeTable(out, results[i], sep, app::Calendar::of(project.specs),
                       results.size() > 1 ? labels[i] + ":" : "");
    }
    return kExitOk;
}

// The equations --set gave (in `copts`) written into the project's variables, every element of an array
// as the override would, each with its origin: a diagnostic in one names the option, not a file line. The
// scenarios and the compiler then read the one project.
void setEquations(const std::vector<std::string>& sets, model::Project& project,
                  compile::CompileOptions& copts) {
    for (const auto& s : sets) {
        const std::string name = s.substr(0, s.find('='));
        auto it = copts.equationOverrides.find(name);
        model::Variable* v = project.main().find(name);
        if (it == copts.equationOverrides.end() || !v) continue;
        v->equation = it->second;
        v->elements.clear();
        v->origins.clear();
        v->origins[""] = model::suppliedOrigin(it->second, "--set " + s);
        copts.equationOverrides.erase(it);
    }
}

// Builds the run spec and the compile options from the command line. Returns false on a usage error.
bool buildSpec(const RunOptions& o, model::Project& project, sim::RunSpec& spec,
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
    if (const auto why =
            analysis::checkSaveperOverride(o.dt, o.saveper, project.specs.dt, project.specs.saveper);
        !why.empty()) {
        std::fprintf(stderr, "sdw run: %s\n", why.c_str());
        return false;
    }
    spec.seed = o.seed;
    spec.engine = *sim::parseEngine(o.engine);  // checked by the option's validator
    spec.quickFirst = true;  // compiled: libtcc's code at once, cc's optimised build behind it
    spec.vars = splitVars(o.vars);
    if (!applySets("sdw run", o.sets, project, spec, copts)) return false;
    setEquations(o.sets, project, copts);
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
    app.add_option("--out", o.out,
                   "write to this file instead of standard output: .csv, .tsv or .xlsx (a sheet per run, row "
                   "2 the units), .txt for --summary or --compare; a CSV or TSV file gets its provenance "
                   "beside it (FILE.provenance.txt)");
    app.add_option("--format", o.format, "csv or tsv")->check(CLI::IsMember({"csv", "tsv"}));
    app.add_option("--scenario", o.scenarios, "scenario file (.lua); repeat to compare scenarios");
    app.add_option("--profile", o.profile,
                   "local profile (CSV: name,value,units,source) setting the inputs that make the model a "
                   "particular council; applied before --set and every scenario");
    app.add_option("--seed", o.seed, "seed for random built-ins");
    app.add_option("--data", o.data, kDataHelp);
    app.add_option(
           "--engine", o.engine,
           "interp (the reference interpreter), compiled (native code) or auto (compiled when the run "
           "is long enough to repay compiling)")
        ->check(CLI::IsMember({"interp", "compiled", "auto"}));
    app.add_flag("--summary", o.summary,
                 "print start, end, min and max of each output instead of the series");
    app.add_flag("--compare", o.compare,
                 "run the baseline and each --scenario; print each measure's final value and the scenarios' "
                 "changes (measures: --vars, else the model's \"Outcome measures\" group, else all)");
    app.add_option(
        "--at", o.at,
        "with --compare: read the comparison at this time: a year (2030, 1 January), a financial year "
        "(2030/31, 1 April) or a day (2030-04-01) when the model has a calendar start, else a model "
        "time (default: the end of the run)");
    app.add_option("--discount-rate", o.discountPercent,
                   "with --compare: the business case's discount rate in percent a year (default 3.5, the "
                   "HM Treasury Green Book rate)")
        ->check(numberIn(0.0, 100.0));
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputKind(o) || !outputPathOk("run", "--out", o.out, o.model)) return kExitUsage;
    diag::Diagnostics diags;
    auto project = loadOrRefuse(o.model, diags, o.data);
    if (!project) return kExitModelError;
    std::optional<double> at;
    if (!o.at.empty()) {
        std::string error;
        at = app::parseTimeChoice(project->specs, o.at, error);
        if (!o.compare) error = "--at reads a comparison: add --compare";
        if (!at || !o.compare) {
            std::fprintf(stderr, "sdw run: --at %s: %s\n", o.at.c_str(), error.c_str());
            return kExitUsage;
        }
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
        for (const auto& l : app::businessCaseLedgers(project->main())) {
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
    for (const auto& r : results) {
        printDiagnostics(r.diagnostics, o.model);  // errors, and notices such as the engine's (W601, W602)
        failed = failed || !r.ok();
    }
    if (failed) return kExitModelError;

    return writeOutputs(o, *project, results, labels, ledgers, at);
}

int cmdCheck(int argc, char** argv) {
    CLI::App app{"Check a model: parse, resolve names, order equations, check units; print every diagnostic",
                 "sdw check"};
    std::string path;
    std::vector<std::string> data;
    app.add_option("model", path, "model file")->required();
    app.add_option("--data", data, kDataHelp);
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path, diags, {data});
    if (project) compile::compileModel(*project, diags);
    for (const auto& d : diags.items()) std::printf("%s: %s\n", path.c_str(), diag::format(d).c_str());
    std::printf("%s: %zu error(s), %zu warning(s)\n", path.c_str(), diags.errorCount(), diags.warningCount());
    return diags.hasErrors() ? kExitModelError : kExitOk;
}

int cmdConvert(int argc, char** argv) {
    CLI::App app{
        "Convert a model (XMILE, Stella .stmx or Vensim .mdl) to XMILE, or to Vensim text when the output "
        "ends in .mdl",
        "sdw convert"};
    std::string in, out;
    std::vector<std::string> data;
    app.add_option("input", in, "model to read")->required();
    app.add_option("output", out, "file to write: .mdl for Vensim, anything else for XMILE")->required();
    app.add_option("--data", data, kDataHelp);
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    diag::Diagnostics diags;
    auto project = loadOrRefuse(in, diags, data);
    if (!project) return kExitModelError;
    printDiagnostics(diags, in);  // warnings
    const bool vensim = out.size() >= 4 && model::canonicalName(out.substr(out.size() - 4)) == ".mdl";
    if (vensim) {  // what Vensim cannot express is named, and then nothing is written
        diag::Diagnostics written;
        const bool ok = mdl::writeFile(*project, out, written);
        printDiagnostics(written, in);  // positions are in the model read
        return ok ? kExitOk : kExitModelError;
    }
    std::string err;
    if (!xmile::writeFile(*project, out, err)) {
        std::fprintf(stderr, "sdw convert: %s\n", err.c_str());
        return kExitModelError;
    }
    return kExitOk;
}

// The compiled engine's C for an Euler run keeping `vars` (all when empty).
bool writeNativeSource(const compile::CompiledModel& cm, const std::vector<std::string>& vars,
                       const std::string& path) {
    jit::NativeOptions o;
    o.loop = true;
    o.optimised = true;  // the form cc -O2 builds (libtcc's quick form: SDW_CC=none runs)
    if (const char* cc = std::getenv("SDW_CC"); cc && (!*cc || std::string(cc) == "none"))
        o.optimised = false;
    if (vars.empty()) {
        for (const auto& c : cm.columns) o.cols.push_back(c.slot);
    } else {
        o.cols.push_back(compile::CompiledModel::kTimeSlot);
        for (const auto& v : vars)
            if (const int c = cm.findColumn(v); c > 0)
                o.cols.push_back(cm.columns[static_cast<size_t>(c)].slot);
    }
    std::ofstream f(path);
    f << jit::nativeSource(cm, o);
    if (!f) std::fprintf(stderr, "sdw bench: cannot write '%s'\n", path.c_str());
    return static_cast<bool>(f);
}

int cmdBench(int argc, char** argv) {
    CLI::App app{"Time a model: compile once, run it N times in-process, print the median", "sdw bench"};
    std::string path, engine = "auto", vars;
    int runs = 200;
    app.add_option("model", path, "model file")->required();
    app.add_option("--runs", runs, "number of runs")->check(wholeIn(1, 10'000'000));
    app.add_option("--engine", engine, "interp, compiled or auto")
        ->check(CLI::IsMember({"interp", "compiled", "auto"}));
    app.add_option("--vars", vars, "comma-separated variables to keep (default: all)");
    std::string emitC;
    app.add_option(
        "--emit-c", emitC,
        "also write the C the compiled engine builds for these runs (the Euler loop) to this file, "
        "for timing other C compilers on it (bench/README.md)");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("bench", "--emit-c", emitC, path)) return kExitUsage;
    diag::Diagnostics diags;
    const auto c0 = std::chrono::steady_clock::now();
    auto project = loadOrRefuse(path, diags);
    if (!project) return kExitModelError;
    auto compiled = compile::compileModel(*project, diags);
    const auto c1 = std::chrono::steady_clock::now();
    if (!compiled) {
        printDiagnostics(diags, path);
        return kExitModelError;
    }
    if (!emitC.empty() && !writeNativeSource(*compiled, splitVars(vars), emitC)) return kExitUsage;
    // One Simulator for every run, as a batch has: buffers and native code are built once and reused.
    sim::Simulator simulator(*compiled);
    sim::RunSpec spec;
    spec.engine = *sim::parseEngine(engine);
    spec.vars = splitVars(vars);
    spec.quickFirst = true;  // compiled: libtcc's code first, the optimised build behind it
    sim::RunResult r;
    simulator.run(spec, r);  // the first run: native code built, result memory touched
    const auto c2 = std::chrono::steady_clock::now();
    if (!r.ok()) {
        printDiagnostics(r.diagnostics, path);
        return kExitModelError;
    }
    // The timed runs use the code later runs get: the optimised build, once the background has it.
    const std::string firstBy = simulator.nativeBuilder(spec, false);
    const std::string by = simulator.nativeBuilder(spec, false, true);
    simulator.run(spec, r);
    const auto c3 = std::chrono::steady_clock::now();
    std::vector<double> us;
    us.reserve(static_cast<size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        simulator.run(spec, r);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(us.begin(), us.end());
    std::printf(
        "model=%s variables=%zu rows=%zu runs=%d engine=%s load_compile_ms=%.2f first_results_ms=%.2f "
        "median_us_per_run=%.2f min_us=%.2f\n",
        path.c_str(), compiled->columns.size() - 1, r.rows(), runs, sim::engineName(r.engine),
        std::chrono::duration<double, std::milli>(c1 - c0).count(),
        std::chrono::duration<double, std::milli>(c2 - c0).count(), us[us.size() / 2], us.front());
    if (r.engine == sim::Engine::Compiled)
        std::printf("first_built_by=%s timed_built_by=%s timed_code_ready_ms=%.2f\n", firstBy.c_str(),
                    by.c_str(), std::chrono::duration<double, std::milli>(c3 - c0).count());
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

bool applySets(const char* command, const std::vector<std::string>& sets, const model::Project& project,
               sim::RunSpec& spec, compile::CompileOptions& copts) {
    for (const auto& s : sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::fprintf(stderr, "%s: --set needs NAME=VALUE, got '%s'\n", command, s.c_str());
            return false;
        }
        const std::string name = s.substr(0, eq), value = s.substr(eq + 1);
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        const model::Variable* var = project.main().find(name);
        if (!var) {
            std::fprintf(stderr, "%s: --set %s: the model has no variable '%s'\n", command, s.c_str(),
                         name.c_str());
            return false;
        }
        const bool number = end && *end == '\0' && !value.empty();
        if (number && !std::isfinite(v)) {
            std::fprintf(stderr, "%s: --set %s: '%s' is not a finite number\n", command, s.c_str(),
                         value.c_str());
            return false;
        }
        if (number && var->kind != model::VarKind::Stock) {
            copts.equationOverrides[name] = value;  // a constant: recompiled as that number
        } else if (number) {
            spec.sets.push_back({name, v});  // a stock's initial value
        } else {
            copts.equationOverrides[name] = value;  // an equation
        }
    }
    return true;
}

std::string isoDate(app::Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

void registerEngineCommands() {
    registerCommand({"run", "simulate a model and print CSV (see sdw run --help)", cmdRun});
    registerCommand({"check", "print a model's diagnostics; exit 1 on errors", cmdCheck});
    registerCommand(
        {"convert", "write a model (XMILE, .stmx, .mdl) as XMILE, or as Vensim .mdl", cmdConvert});
    registerCommand({"bench", "time N runs of a model in-process", cmdBench});
}

}  // namespace sdw::cli
