// `sdw loops MODEL`: a model's feedback loops (id, polarity, length, variables), and with --scores their
// Loops that Matter relative scores over a run as CSV, with which loop dominates when.
// Layer: workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "solver/analysis/loops.hpp"
#include "solver/io/load_model.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

struct LoopsOptions {
    std::string model, out, links, method;
    bool scores = false;
    std::optional<double> dt, stop, saveper;
    size_t maxLoops = 1000;
    int bench = 0;
};

std::string shortest(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The loaded, compiled model, or the exit code of a model `sdw check` would refuse (its report printed the
// way check prints it).
std::optional<model::Project> loadChecked(const std::string& path, int& rc) {
    diag::Diagnostics diags;
    auto project = io::loadModelFile(path, diags);
    if (project) compile::compileModel(*project, diags);
    if (project && !diags.hasErrors()) {
        for (const auto& d : diags.items())
            std::fprintf(stderr, "%s: %s\n", path.c_str(), diag::format(d).c_str());
        return project;
    }
    for (const auto& d : diags.items()) std::printf("%s: %s\n", path.c_str(), diag::format(d).c_str());
    std::printf("%s: %zu error(s), %zu warning(s)\n", path.c_str(), diags.errorCount(), diags.warningCount());
    rc = kExitModelError;
    return std::nullopt;
}

void printList(FILE* out, const std::string& path, const analysis::LoopList& list) {
    if (list.loops.empty()) {
        std::fprintf(out, "%s: no feedback loops: no variable affects itself through the others\n",
                     path.c_str());
        return;
    }
    std::fprintf(out, "%s: %s, among %zu linked variables\n", path.c_str(), list.rule.c_str(),
                 list.variables);
    std::fprintf(out, "%-6s %-8s %-6s %s\n", "id", "polarity", "length",
                 "variables (each affects the next; the last, the first)");
    for (const auto& l : list.loops) {
        std::string vars;
        for (size_t k = 0; k < l.variables.size(); ++k) vars += l.variables[k] + " -(" + l.signs[k] + ")-> ";
        vars += "(" + l.variables.front() + ")";
        if (!l.name.empty()) vars += "   \"" + l.name + "\"";
        std::fprintf(out, "%-6s %-8c %-6zu %s\n", l.id.c_str(), analysis::polarityLetter(l.polarity),
                     l.length(), vars.c_str());
    }
    for (const auto& note : list.staleNames)
        std::fprintf(stderr, "%s: note: %s\n", path.c_str(), note.c_str());
}

void writeScores(std::ostream& out, const analysis::LoopScores& s) {
    out << "Time";
    for (const auto& l : s.list.loops) out << ',' << quoted(l.id);
    out << '\n';
    for (size_t row = 0; row < s.times.size(); ++row) {
        out << shortest(s.times[row]);
        for (const auto& rel : s.relative) out << ',' << shortest(rel[row]);
        out << '\n';
    }
}

void writeLinks(std::ostream& out, const analysis::LoopScores& s) {
    out << "Time";
    for (const auto& l : s.links) out << ',' << quoted(l.from + " -> " + l.to);
    out << '\n';
    for (size_t row = 0; row < s.times.size(); ++row) {
        out << shortest(s.times[row]);
        for (const auto& l : s.links) out << ',' << shortest(l.score[row]);
        out << '\n';
    }
}

void printDominance(FILE* out, const analysis::LoopScores& s) {
    const auto periods = analysis::dominance(s);
    if (periods.empty()) {
        std::fprintf(out, "no loop is active: nothing changes during the run\n");
        return;
    }
    std::fprintf(out, "dominant loop (largest share of the relative loop scores):\n");
    for (const auto& p : periods) {
        const auto& l = s.list.loops[p.loop];
        std::fprintf(out, "  time %s to %s: %s (share up to %+.2f)%s\n", shortest(p.start).c_str(),
                     shortest(p.end).c_str(), l.id.c_str(), p.peak,
                     l.name.empty() ? "" : ("  \"" + l.name + "\"").c_str());
    }
}

bool openOut(const std::string& path, std::ofstream& file) {
    file.open(path);
    if (!file) std::fprintf(stderr, "sdw loops: cannot write '%s'\n", path.c_str());
    return static_cast<bool>(file);
}

bool runSpec(const LoopsOptions& o, sim::RunSpec& spec) {
    if (!o.method.empty() && !(spec.method = sim::parseMethod(o.method))) {
        std::fprintf(stderr, "sdw loops: unknown method '%s' (use euler, rk4 or rk45)\n", o.method.c_str());
        return false;
    }
    spec.dt = o.dt;
    spec.stop = o.stop;
    spec.saveper = o.saveper;
    return true;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// --bench N: N runs of the model as `sdw run` runs it and N with loop scores (the run of the scoring model
// and the scores computed from it), interleaved; the medians and their ratio.
int bench(const LoopsOptions& o, const model::Project& project, const analysis::LoopOptions& lo) {
    sim::RunSpec spec;
    if (!runSpec(o, spec)) return kExitUsage;
    diag::Diagnostics diags;
    const auto plain = compile::compileModel(project, diags, lo.compile);
    const auto scored = analysis::prepareScores(project, diags, lo);
    if (!plain || !scored) return kExitModelError;
    using Clock = std::chrono::steady_clock;
    std::vector<double> off, on;
    for (int i = 0; i < o.bench; ++i) {
        const auto a = Clock::now();
        const bool ok1 = sim::simulate(*plain, spec).ok();
        const auto b = Clock::now();
        const bool ok2 = analysis::scoreLoops(*scored, spec, diags).has_value();
        const auto c = Clock::now();
        if (!ok1 || !ok2) return kExitModelError;
        off.push_back(std::chrono::duration<double, std::milli>(b - a).count());
        on.push_back(std::chrono::duration<double, std::milli>(c - b).count());
    }
    std::printf("model=%s runs=%d off_median_ms=%.3f on_median_ms=%.3f ratio=%.2f\n", o.model.c_str(),
                o.bench, median(off), median(on), median(on) / median(off));
    return kExitOk;
}

int scores(const LoopsOptions& o, const model::Project& project, const analysis::LoopOptions& lo) {
    sim::RunSpec spec;
    if (!runSpec(o, spec)) return kExitUsage;
    diag::Diagnostics diags;
    const auto s = analysis::scoreLoops(project, spec, diags, lo);
    for (const auto& d : diags.items())
        std::fprintf(stderr, "%s: %s\n", o.model.c_str(), diag::format(d).c_str());
    if (!s) return kExitModelError;
    std::ofstream file, linkFile;
    if ((!o.out.empty() && !openOut(o.out, file)) || (!o.links.empty() && !openOut(o.links, linkFile)))
        return kExitUsage;
    FILE* report =
        o.out.empty() ? stderr : stdout;  // the CSV alone on standard output when there is no --out
    writeScores(o.out.empty() ? std::cout : file, *s);
    if (!o.links.empty()) writeLinks(linkFile, *s);
    printList(report, o.model, s->list);
    if (!s->list.loops.empty()) printDominance(report, *s);
    return kExitOk;
}

int cmdLoops(int argc, char** argv) {
    CLI::App app{
        "List a model's feedback loops; with --scores, which loop is in charge when (Loops that Matter)",
        "sdw loops"};
    LoopsOptions o;
    app.add_option("model", o.model, "model file (.xmile, .stmx, .mdl)")->required();
    app.add_flag(
        "--scores", o.scores,
        "run the model and write each loop's relative score at each saved time as CSV: Time, then one "
        "column per loop id (signed shares whose magnitudes sum to 1 in each row)");
    app.add_option("--out", o.out, "write the scores CSV to this file (default: standard output)");
    app.add_option("--links", o.links, "also write every link's score at each saved time to this CSV file");
    app.add_option("--method", o.method, "integration method for --scores: euler, rk4 or rk45");
    app.add_option("--dt", o.dt, "time step for --scores");
    app.add_option("--stop", o.stop, "stop time for --scores");
    app.add_option("--saveper", o.saveper, "save interval for --scores (a multiple of dt)");
    app.add_option("--max-loops", o.maxLoops,
                   "list every loop up to this many; past it, the shortest independent loop set")
        ->check(CLI::Range(1, 1'000'000));
    app.add_option("--bench", o.bench,
                   "time N runs without and N with loop scores (interleaved) and print the medians")
        ->check(CLI::Range(1, 100'000));
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!o.scores && (!o.out.empty() || !o.links.empty())) {
        std::fprintf(stderr, "sdw loops: --out and --links go with --scores\n");
        return kExitUsage;
    }
    int rc = kExitOk;
    const auto project = loadChecked(o.model, rc);
    if (!project) return rc;
    analysis::LoopOptions lo;
    lo.maxLoops = o.maxLoops;
    if (o.bench > 0) return bench(o, *project, lo);
    if (o.scores) return scores(o, *project, lo);
    diag::Diagnostics diags;
    const auto list = analysis::listLoops(*project, diags, lo);
    if (!list) {
        for (const auto& d : diags.items())
            std::fprintf(stderr, "%s: %s\n", o.model.c_str(), diag::format(d).c_str());
        return kExitModelError;
    }
    printList(stdout, o.model, *list);
    return kExitOk;
}

}  // namespace

void registerLoopsCommand() {
    registerCommand({"loops", "list a model's feedback loops; --scores: which one dominates when", cmdLoops});
}

}  // namespace sdw::cli
