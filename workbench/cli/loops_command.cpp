// `sdw loops MODEL`: a model's feedback loops (id, polarity, length, variables), and with --scores their
// Loops that Matter relative scores over a run as CSV, with which loop dominates when.
// Layer: workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include "solver/analysis/loops.hpp"
#include "solver/analysis/run_options.hpp"
#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

struct LoopsOptions {
    std::string model, out, links, method, engine = "auto";
    bool scores = false;
    std::optional<double> dt, stop, saveper;
    size_t maxLoops = 1000;
    int bench = 0;
    std::vector<std::string> names, descriptions;  // "ID=TEXT"
    std::vector<std::string> sets;                 // "NAME=VALUE", as sdw run takes them
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
        if (!l.description.empty()) std::fprintf(out, "%-22s %s\n", "", l.description.c_str());
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

bool runSpec(const LoopsOptions& o, const model::Project& project, sim::RunSpec& spec,
             analysis::LoopOptions& lo) {
    if (!o.method.empty() && !(spec.method = sim::parseMethod(o.method))) {
        std::fprintf(stderr, "sdw loops: unknown method '%s' (use euler, rk4 or rk45)\n", o.method.c_str());
        return false;
    }
    spec.dt = o.dt;
    spec.stop = o.stop;
    spec.saveper = o.saveper;
    // As sdw run checks them: a save interval that is not a positive whole multiple of dt was taken as dt.
    if (const auto why =
            analysis::checkSaveperOverride(o.dt, o.saveper, project.specs.dt, project.specs.saveper);
        !why.empty()) {
        std::fprintf(stderr, "sdw loops: %s\n", why.c_str());
        return false;
    }
    spec.engine = *sim::parseEngine(o.engine);  // checked by the option's validator
    return applySets("sdw loops", o.sets, project, spec, lo.compile);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// CPU time of this process, milliseconds: steadier than the wall clock on a shared machine (all of it here is
// on this thread).
double cpuMs() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// --bench N: CPU times, interleaved, medians. A plain run as `sdw run` makes it (building its native code)
// and as the workbench repeats it (a Simulator kept, the code built once); the first scoring (its native code
// built), the second (for a model whose loops are cut to the strongest: the model scoring only the loops the
// first kept, built) and then N scorings of the same model (the code kept, as the Loops tab re-scores an open
// model), and the scoring model's run alone. Ratios: first scoring to a `sdw run` run, and repeated scoring
// to a repeated run.
int bench(const LoopsOptions& o, const model::Project& project, analysis::LoopOptions lo) {
    sim::RunSpec spec;
    if (!runSpec(o, project, spec, lo)) return kExitUsage;
    diag::Diagnostics diags;
    const auto plain = compile::compileModel(project, diags, lo.compile);
    const auto scored = analysis::prepareScores(project, diags, lo);
    if (!plain || !scored) return kExitModelError;
    sim::Simulator kept(*plain);
    sim::Simulator keptScoring(analysis::compiledWithScores(*scored));
    double t = cpuMs();
    const auto lap = [&t] {
        const double now = cpuMs(), d = now - t;
        t = now;
        return d;
    };
    bool ok = analysis::scoreLoops(*scored, spec, diags).has_value();
    const double first = lap();
    // A model whose loops are cut to the strongest: the second scoring builds the model scoring only the
    // kept loops' links, which every scoring after it runs.
    ok = ok && analysis::scoreLoops(*scored, spec, diags).has_value();
    const double second = lap();
    ok = ok && kept.run(spec).ok() && keptScoring.run(spec).ok();  // their native code built
    lap();
    std::vector<double> cold, warm, run, on;
    for (int i = 0; i < o.bench && ok; ++i) {
        ok = sim::simulate(*plain, spec).ok();
        cold.push_back(lap());
        ok = ok && kept.run(spec).ok();
        warm.push_back(lap());
        ok = ok && keptScoring.run(spec).ok();
        run.push_back(lap());
        ok = ok && analysis::scoreLoops(*scored, spec, diags).has_value();
        on.push_back(lap());
    }
    if (!ok) return kExitModelError;
    std::printf(
        "model=%s runs=%d cpu_ms: run_cold=%.2f run_warm=%.2f scoring_first=%.2f scoring_second=%.2f "
        "scoring_run=%.2f scoring=%.2f ratio_first=%.2f ratio_warm=%.2f\n",
        o.model.c_str(), o.bench, median(cold), median(warm), first, second, median(run), median(on),
        first / median(cold), median(on) / median(warm));
    return kExitOk;
}

int scores(const LoopsOptions& o, const model::Project& project, analysis::LoopOptions lo) {
    sim::RunSpec spec;
    if (!runSpec(o, project, spec, lo)) return kExitUsage;
    diag::Diagnostics diags;
    const auto s = analysis::scoreLoops(project, spec, diags, lo);
    for (const auto& d : diags.items())  // the model's own warnings were printed when it was loaded
        if (d.severity == diag::Severity::Error || d.code.rfind("W7", 0) == 0)
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

// "B3=the spiral" -> {"B3", "the spiral"}; nullopt (after saying why) without an '='.
std::optional<std::pair<std::string, std::string>> idAndText(const std::string& arg, const char* option) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) {
        std::fprintf(stderr,
                     "sdw loops: %s takes ID=TEXT (e.g. %s B3=\"the delayed-discharge spiral\"), not '%s'\n",
                     option, option, arg.c_str());
        return std::nullopt;
    }
    return std::make_pair(arg.substr(0, eq), arg.substr(eq + 1));
}

// Applies one --name or --describe to `project`; false (after saying why) when the id is not a listed loop's.
bool nameOne(const LoopsOptions& o, model::Project& project, const analysis::LoopList& list,
             const std::string& arg, bool describe) {
    const auto it = idAndText(arg, describe ? "--describe" : "--name");
    if (!it) return false;
    const std::string& id = it->first;
    const std::string& text = it->second;
    const auto loop = std::find_if(list.loops.begin(), list.loops.end(), [&](const analysis::Loop& l) {
        return l.id == id ||
               (l.id.size() == id.size() && std::equal(id.begin(), id.end(), l.id.begin(),
                                                       [](char a, char b) { return std::toupper(a) == b; }));
    });
    if (loop == list.loops.end()) {
        std::fprintf(stderr, "sdw loops: %s has no loop '%s' (`sdw loops %s` lists its loops)\n",
                     o.model.c_str(), id.c_str(), o.model.c_str());
        return false;
    }
    if (describe && loop->name.empty()) {
        std::fprintf(stderr, "sdw loops: loop %s has no name to describe: give it one with --name %s=NAME\n",
                     loop->id.c_str(), loop->id.c_str());
        return false;
    }
    analysis::nameLoop(project, *loop, describe ? loop->name : text, describe ? text : loop->description);
    return true;
}

// --name ID=NAME and --describe ID=TEXT: store the names in the model file (XMILE) and list the loops.
int nameLoops(const LoopsOptions& o, model::Project project, const analysis::LoopOptions& lo) {
    if (o.model.size() >= 4 && o.model.compare(o.model.size() - 4, 4, ".mdl") == 0) {
        std::fprintf(stderr,
                     "sdw loops: loop names are stored in XMILE; convert the model first (sdw convert %s "
                     "MODEL.xmile) and name its loops there\n",
                     o.model.c_str());
        return kExitUsage;
    }
    diag::Diagnostics diags;
    for (size_t pass = 0; pass < 2; ++pass)  // names first, so a description may follow a new name
        for (const auto& arg : pass == 0 ? o.names : o.descriptions) {
            const auto list = analysis::listLoops(project, diags, lo);
            if (!list) return kExitModelError;
            if (!nameOne(o, project, *list, arg, pass == 1)) return kExitUsage;
        }
    std::string err;
    if (!xmile::writeFile(project, o.model, err)) {
        std::fprintf(stderr, "sdw loops: %s\n", err.c_str());
        return kExitModelError;
    }
    const auto list = analysis::listLoops(project, diags, lo);
    if (!list) return kExitModelError;
    printList(stdout, o.model, *list);
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
    app.add_option("--set", o.sets,
                   "NAME=VALUE for --scores and --bench: change a constant, a stock's initial value or an "
                   "equation, as sdw run does (a scenario's constants)");
    app.add_option("--engine", o.engine,
                   "interp, compiled (native code, optimised by the system C compiler) or auto, for --scores "
                   "and --bench (both sides)")
        ->check(CLI::IsMember({"interp", "compiled", "auto"}));
    app.add_option("--max-loops", o.maxLoops,
                   "list every loop up to this many; past it, the shortest independent loop set")
        ->check(wholeIn(1, 1'000'000));
    app.add_option("--bench", o.bench,
                   "time N runs without and N with loop scores (interleaved, CPU time) and print the medians")
        ->check(wholeIn(1, 100'000));
    app.add_option(
        "--name", o.names,
        "name a loop and save the name in the model file: --name B3=\"the delayed-discharge spiral\" "
        "(an empty name removes it); repeatable");
    app.add_option("--describe", o.descriptions,
                   "save a sentence on what a named loop does: --describe B3=\"...\"; repeatable");
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("loops", "--out", o.out, o.model) ||
        !outputPathOk("loops", "--links", o.links, o.model))
        return kExitUsage;
    const bool naming = !o.names.empty() || !o.descriptions.empty();
    if (naming && (o.scores || o.bench > 0)) {
        std::fprintf(stderr,
                     "sdw loops: --name and --describe save names; run --scores or --bench separately\n");
        return kExitUsage;
    }
    if (!o.scores && (!o.out.empty() || !o.links.empty() || (!o.sets.empty() && o.bench == 0))) {
        std::fprintf(stderr, "sdw loops: --out, --links and --set go with --scores\n");
        return kExitUsage;
    }
    // A listing runs nothing: run settings given with it were silently ignored.
    if (!o.scores && o.bench == 0 && (!o.method.empty() || o.dt || o.stop || o.saveper)) {
        std::fprintf(stderr, "sdw loops: --method, --dt, --stop and --saveper go with --scores or --bench\n");
        return kExitUsage;
    }
    int rc = kExitOk;
    const auto project = loadChecked(o.model, rc);
    if (!project) return rc;
    analysis::LoopOptions lo;
    lo.maxLoops = o.maxLoops;
    if (naming) return nameLoops(o, *project, lo);
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
