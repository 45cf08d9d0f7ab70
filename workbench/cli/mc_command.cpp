// `sdw mc MODEL --runs N --seed S --vary NAME=DIST ... --vars a,b --percentiles 5,50,95 --out F.csv`: Monte
// Carlo over model constants and plugin params, percentile bands over time as CSV. Layer: workbench/cli.
// No GUI, no Lua (plugin params go through the plugin host's trial runner).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "solver/analysis/constants.hpp"
#include "solver/analysis/monte_carlo.hpp"
#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

struct McOptions {
    std::string model, vars, percentiles = "5,50,95", out = "-", samples;
    std::vector<std::string> vary, correlate;
    size_t runs = 200;
    uint64_t seed = 1;
    bool random = false;
    BaseRunOptions base;
};

// "NAME=DIST" or "NAME" (the model's own distribution).
bool parseVary(const std::string& text, analysis::TrialRunner& runner, analysis::UncertainInput& out) {
    const auto eq = text.find('=');
    out.name = text.substr(0, eq);
    if (auto why = runner.checkInput(out.name); !why.empty()) {
        std::fprintf(stderr, "sdw mc: --vary %s: %s\n", text.c_str(), why.c_str());
        return false;
    }
    if (eq == std::string::npos) {
        auto d = runner.ownDistribution(out.name);
        if (!d) {
            std::fprintf(stderr,
                         "sdw mc: --vary %s: the model gives '%s' no plausible range; write --vary %s=DIST, "
                         "e.g. %s=uniform(lo,hi)\n",
                         text.c_str(), out.name.c_str(), out.name.c_str(), out.name.c_str());
            return false;
        }
        out.distribution = *d;
        return true;
    }
    std::string error;
    auto d = analysis::parseDistribution(text.substr(eq + 1), error);
    if (!d) {
        std::fprintf(stderr, "sdw mc: --vary %s: %s\n", text.c_str(), error.c_str());
        return false;
    }
    out.distribution = *d;
    return true;
}

// "A,B=rho" with A and B among the varied inputs.
bool parseCorrelation(const std::string& text, const std::vector<analysis::UncertainInput>& inputs,
                      analysis::RankCorrelation& out) {
    const auto eq = text.rfind('='), comma = text.find(',');
    auto index = [&](const std::string& n) -> std::optional<size_t> {
        for (size_t i = 0; i < inputs.size(); ++i)
            if (model::canonicalName(inputs[i].name) == model::canonicalName(n)) return i;
        return std::nullopt;
    };
    if (eq == std::string::npos || comma == std::string::npos || comma > eq) {
        std::fprintf(stderr, "sdw mc: --correlate %s: write A,B=rho (for example a,b=0.5)\n", text.c_str());
        return false;
    }
    const auto a = index(text.substr(0, comma)), b = index(text.substr(comma + 1, eq - comma - 1));
    char* end = nullptr;
    const std::string rho = text.substr(eq + 1);
    out.rho = std::strtod(rho.c_str(), &end);
    if (!a || !b || rho.empty() || *end) {
        std::fprintf(stderr, "sdw mc: --correlate %s: %s\n", text.c_str(),
                     !a || !b ? "both names must also be given with --vary" : "rho must be a number");
        return false;
    }
    out.i = *a;
    out.j = *b;
    return true;
}

bool parsePercentiles(const std::string& text, std::vector<double>& out) {
    out.clear();
    for (const auto& p : splitVars(text)) {
        char* end = nullptr;
        const double v = std::strtod(p.c_str(), &end);
        if (p.empty() || *end || !(v >= 0 && v <= 100)) {
            std::fprintf(stderr, "sdw mc: --percentiles: '%s' is not a number from 0 to 100\n", p.c_str());
            return false;
        }
        out.push_back(v);
    }
    return !out.empty();
}

void writeSamples(const std::string& path, const analysis::MonteCarloResult& r) {
    std::ofstream out(path);
    if (!out || r.samples.empty()) return;
    out << "run";
    for (const auto& [n, v] : r.samples.front()) out << "," << n;
    out << ",status\n";
    for (size_t i = 0; i < r.samples.size(); ++i) {
        out << i + 1;
        for (const auto& [n, v] : r.samples[i]) out << "," << numberText(v);
        out << "," << (r.runs[i].ok() ? "ok" : "failed") << "\n";
    }
}

void reportFailures(const analysis::MonteCarloResult& r) {
    for (const auto& f : r.failures) {
        std::string inputs;
        for (const auto& [n, v] : f.inputs) inputs += (inputs.empty() ? "" : ", ") + n + "=" + numberText(v);
        std::fprintf(stderr, "sdw mc: run %zu failed and is left out (%s): %s\n", f.run + 1, inputs.c_str(),
                     f.message.c_str());
    }
}

int cmdMc(int argc, char** argv) {
    CLI::App app{
        "Monte Carlo: draw uncertain inputs (Latin hypercube), run, write percentile bands over time",
        "sdw mc"};
    McOptions o;
    app.add_option("model", o.model, "model file")->required();
    app.add_option("--runs", o.runs, "number of runs")->check(wholeIn(2, 10'000'000));
    app.add_option("--seed", o.seed, "seed: the same seed gives the same runs on any machine and core count");
    app.add_option("--vary", o.vary,
                   "NAME=DIST (uniform(lo,hi), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd), "
                   "beta(a,b,lo,hi)) or NAME (the model's own); NAME a constant or plugin_id.param; default: "
                   "every constant the model gives a plausible range or distribution, as the How sure tab");
    app.add_option("--correlate", o.correlate, "A,B=rho: rank correlation between two varied inputs");
    app.add_option("--vars", o.vars, "comma-separated outputs (default: the model's outcome measures)");
    app.add_option("--percentiles", o.percentiles, "comma-separated percentiles (default 5,50,95)");
    app.add_option("--out", o.out, "CSV of the bands (default: standard output)");
    app.add_option("--samples", o.samples, "also write each run's inputs and status to this CSV");
    app.add_flag("--random", o.random, "independent random draws instead of a Latin hypercube");
    o.base.add(app);
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("mc", "--out", o.out, o.model) || !outputPathOk("mc", "--samples", o.samples, o.model))
        return kExitUsage;
    auto project = loadForCommand(o.model);
    if (!project) return kExitModelError;
    sim::RunSpec base;
    if (!o.base.toSpec(*project, "mc", base)) return kExitUsage;
    auto runner = makeRunner(*project, base, o.model, o.base.scenario);
    if (!runner) return kExitModelError;
    analysis::MonteCarloSpec spec;
    spec.runs = o.runs;
    spec.seed = o.seed;
    spec.latin = !o.random;
    spec.vars = varsOrOutcomes(o.vars, *project);
    if (spec.vars.empty()) {
        std::fprintf(stderr, "sdw mc: give --vars (the model has no \"Outcome measures\" group)\n");
        return kExitUsage;
    }
    if (!parsePercentiles(o.percentiles, spec.percentiles)) return kExitUsage;
    if (o.vary.empty()) {  // the model's own uncertain constants, as the workbench's fan chart varies them
        for (const auto& c : analysis::listConstants(*project)) {
            const auto* v = project->main().find(c.name);
            if (v && analysis::modelDistribution(*v) && runner->checkInput(c.name).empty())
                o.vary.push_back(c.name);
        }
        if (o.vary.empty()) {
            std::fprintf(stderr,
                         "sdw mc: the model gives no constant a plausible range or distribution: give --vary "
                         "NAME=DIST (e.g. --vary k=uniform(0.1,0.3))\n");
            return kExitUsage;
        }
        std::fprintf(stderr,
                     "sdw mc: varying the model's %zu uncertain constants, each by its own distribution "
                     "(--vary chooses; --samples records each run's draws)\n",
                     o.vary.size());
    }
    for (const auto& v : o.vary) {
        spec.inputs.emplace_back();
        if (!parseVary(v, *runner, spec.inputs.back())) return kExitUsage;
    }
    for (const auto& c : o.correlate) {
        spec.correlations.emplace_back();
        if (!parseCorrelation(c, spec.inputs, spec.correlations.back())) return kExitUsage;
    }
    ProgressBar bar("monte carlo");
    analysis::TrialOptions to;
    to.threads = o.base.threads;
    to.progress = bar.callback();
    analysis::MonteCarloResult result;
    std::string error;
    const auto t0 = std::chrono::steady_clock::now();
    const bool ok = analysis::runMonteCarlo(spec, *runner, to, result, error);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!o.samples.empty()) writeSamples(o.samples, result);
    reportFailures(result);
    if (!ok) {
        std::fprintf(stderr, "sdw mc: %s\n", error.c_str());
        return kExitModelError;
    }
    if (!writeCsv(o.out, result.columns, result.data, "mc", app::Calendar::of(project->specs)))
        return kExitUsage;
    std::fprintf(stderr, "sdw mc: %zu runs (%zu failed) in %.2f s: %.1f runs/s, seed %llu, %s\n", o.runs,
                 result.failures.size(), seconds, static_cast<double>(o.runs) / seconds,
                 static_cast<unsigned long long>(o.seed), spec.latin ? "Latin hypercube" : "random draws");
    return kExitOk;
}

}  // namespace

void registerMcCommand() {
    registerCommand({"mc", "Monte Carlo: percentile bands over time from uncertain inputs", cmdMc});
}

}  // namespace sdw::cli
