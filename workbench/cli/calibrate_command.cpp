// `sdw calibrate MODEL --data DATA.csv --fit NAME=LO:HI ... [--payoff sse|normal|poisson] [--weight VAR=W]
// --out FIT.csv`: fits constants to observed series; FIT.csv has exactly parameter,value,low95,high95 and the
// fit's statistics go to standard output. Layer: workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "solver/analysis/calibrate.hpp"
#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

std::optional<double> number(const std::string& s) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end) return std::nullopt;
    return v;
}

bool parseFit(const std::string& text, analysis::FitParameter& out) {
    const auto eq = text.find('='), colon = text.find(':', eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || colon == std::string::npos) {
        std::fprintf(stderr, "sdw calibrate: --fit %s: write NAME=LO:HI (for example k=0.01:1)\n",
                     text.c_str());
        return false;
    }
    out.name = text.substr(0, eq);
    const auto lo = number(text.substr(eq + 1, colon - eq - 1)), hi = number(text.substr(colon + 1));
    if (!lo || !hi || !(*lo < *hi)) {
        std::fprintf(stderr, "sdw calibrate: --fit %s: LO and HI must be numbers with LO below HI\n",
                     text.c_str());
        return false;
    }
    out.lo = *lo;
    out.hi = *hi;
    return true;
}

bool readData(const std::string& path, std::vector<analysis::ObservedSeries>& out) {
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "sdw calibrate: cannot read '%s'\n", path.c_str());
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    auto data = analysis::readObservedCsv(text.str(), error);
    if (!data) {
        std::fprintf(stderr, "sdw calibrate: %s: %s\n", path.c_str(), error.c_str());
        return false;
    }
    out = std::move(*data);
    return true;
}

int cmdCalibrate(int argc, char** argv) {
    CLI::App app{"Fit constants to observed data (NLopt: DIRECT-L, then BOBYQA, within bounds)",
                 "sdw calibrate"};
    std::string modelPath, dataPath, payoff = "sse", out = "-";
    std::vector<std::string> fits, weights;
    size_t globalEvals = 0, localEvals = 0;
    BaseRunOptions base;
    app.add_option("model", modelPath, "model file")->required();
    app.add_option("--data", dataPath, "CSV: Time (model units), then columns named like model variables")
        ->required();
    app.add_option("--fit", fits, "NAME=LO:HI: a constant to fit, with its bounds")->required();
    app.add_option("--payoff", payoff, "sse (sum of squares), normal or poisson")
        ->check(CLI::IsMember({"sse", "normal", "poisson"}));
    app.add_option("--weight", weights, "VAR=W: weight of a series in the payoff (default 1)");
    app.add_option("--out", out, "FIT.csv: parameter,value,low95,high95 (default: standard output)");
    app.add_option("--global-evaluations", globalEvals,
                   "budget of the global search (default 150 per parameter)");
    app.add_option("--local-evaluations", localEvals,
                   "budget of the local polish (default 200 per parameter)");
    base.add(app);
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("calibrate", "--out", out, modelPath)) return kExitUsage;
    auto project = loadForCommand(modelPath);
    if (!project) return kExitModelError;
    analysis::CalibrationSpec spec;
    spec.payoff = *analysis::parsePayoff(payoff);
    spec.globalEvaluations = globalEvals;
    spec.localEvaluations = localEvals;
    spec.parameters.resize(fits.size());
    for (size_t i = 0; i < fits.size(); ++i)
        if (!parseFit(fits[i], spec.parameters[i])) return kExitUsage;
    for (const auto& w : weights) {
        const auto eq = w.find('=');
        const auto v = eq == std::string::npos ? std::nullopt : number(w.substr(eq + 1));
        if (!v || *v < 0) {
            std::fprintf(stderr, "sdw calibrate: --weight %s: write VAR=W with W a number >= 0\n", w.c_str());
            return kExitUsage;
        }
        spec.weights[model::canonicalName(w.substr(0, eq))] = *v;
    }
    if (!readData(dataPath, spec.data)) return kExitUsage;
    for (const auto& [name, w] : spec.weights)
        if (std::none_of(spec.data.begin(), spec.data.end(),
                         [&name = name](const auto& s) { return model::canonicalName(s.name) == name; })) {
            std::fprintf(stderr, "sdw calibrate: --weight %s=%g: %s has no column '%s'\n", name.c_str(), w,
                         dataPath.c_str(), name.c_str());
            return kExitUsage;
        }
    const auto weightsUsed = analysis::resolveWeights(project->main(), spec);  // --weight, else the model's
    sim::RunSpec runSpec;
    if (!base.toSpec(*project, "calibrate", runSpec)) return kExitUsage;
    auto runner = makeRunner(*project, runSpec, modelPath, base.scenario);
    if (!runner) return kExitModelError;
    ProgressBar bar("calibrate (evaluations)");
    analysis::TrialOptions to;
    to.threads = base.threads;
    to.progress = bar.callback();
    analysis::CalibrationResult r;
    std::string error;
    const auto t0 = std::chrono::steady_clock::now();
    if (!analysis::calibrate(spec, *runner, to, r, error)) {
        std::fprintf(stderr, "sdw calibrate: %s\n", error.c_str());
        return kExitModelError;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ofstream file;
    if (out != "-") file.open(out);
    std::ostream& csv = out == "-" ? std::cout : file;
    csv << "parameter,value,low95,high95\n";
    for (const auto& row : r.rows)
        csv << row.parameter << "," << numberText(row.value) << "," << numberText(row.low95) << ","
            << numberText(row.high95) << "\n";
    {  // the statistics on standard output; on standard error when the CSV goes there
        FILE* st = out == "-" ? stderr : stdout;
        std::fprintf(
            st,
            "fit: %s payoff %.6g (at the model's own values %.6g), %zu observed values, %zu evaluations "
            "in %.2f s\n",
            payoff.c_str(), r.payoff, r.payoffAtStart, r.points, r.evaluations, seconds);
        std::fprintf(st, "weights: %s\n", analysis::weightsText(weightsUsed, "--weight").c_str());
        for (const auto& [name, rmse] : r.rmse)
            std::fprintf(st, "  %s: root mean square error %.6g\n", name.c_str(), rmse);
        for (const auto& row : r.rows)
            std::fprintf(st, "  %s = %.6g (95%%: %.6g to %.6g)\n", row.parameter.c_str(), row.value,
                         row.low95, row.high95);
        std::fprintf(st, "intervals: %s\n", r.intervalMethod.c_str());
        if (r.atBound)
            std::fprintf(st, "warning: a parameter ended on its bound; widen its range or check the data\n");
    }
    return kExitOk;
}

}  // namespace

void registerCalibrateCommand() {
    registerCommand(
        {"calibrate", "fit constants to observed data (NLopt), with 95% intervals", cmdCalibrate});
}

}  // namespace sdw::cli
