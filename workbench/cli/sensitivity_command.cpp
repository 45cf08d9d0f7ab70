// `sdw sensitivity MODEL --analysis oat|morris|sobol --vary NAME[=DIST|=LO:HI] ... --vars a,b --out F.csv`:
// tornado data from the true baseline, Morris screening or Sobol indices over the inputs' ranges.
// Layer: workbench/cli. No GUI, no Lua.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "solver/analysis/constants.hpp"
#include "solver/analysis/sensitivity.hpp"
#include "workbench/cli/analysis_support.hpp"
#include "workbench/cli/commands.hpp"

namespace sdw::cli {
namespace {

struct Options {
    std::string model, method = "oat", vars, out = "-";
    std::vector<std::string> vary;
    size_t samples = 512, trajectories = 10;
    uint64_t seed = 1;
    BaseRunOptions base;
};

// NAME (its own distribution), NAME=LO:HI (uniform) or NAME=DIST.
bool parseInput(const std::string& text, analysis::TrialRunner& runner, analysis::UncertainInput& out) {
    const auto eq = text.find('=');
    out.name = text.substr(0, eq);
    if (auto why = runner.checkInput(out.name); !why.empty()) {
        std::fprintf(stderr, "sdw sensitivity: --vary %s: %s\n", text.c_str(), why.c_str());
        return false;
    }
    std::string error;
    std::optional<analysis::Distribution> d;
    if (eq == std::string::npos) {
        d = runner.ownDistribution(out.name);
        if (!d) error = "the model gives it no plausible range; write " + out.name + "=LO:HI";
    } else if (const auto rest = text.substr(eq + 1); rest.find('(') == std::string::npos) {
        const auto colon = rest.find(':');
        d = analysis::parseDistribution(
            "uniform(" + (colon == std::string::npos ? rest : rest.substr(0, colon)) + "," +
                (colon == std::string::npos ? "" : rest.substr(colon + 1)) + ")",
            error);
        if (!d) error = "write NAME=LO:HI with LO below HI, or NAME=DIST (" + error + ")";
    } else {
        d = analysis::parseDistribution(rest, error);
    }
    if (!d) {
        std::fprintf(stderr, "sdw sensitivity: --vary %s: %s\n", text.c_str(), error.c_str());
        return false;
    }
    out.distribution = *d;
    return true;
}

void writeRows(std::ostream& out, const std::string& header,
               const std::vector<std::vector<std::string>>& rows) {
    out << header << "\n";
    for (const auto& r : rows) {
        for (size_t c = 0; c < r.size(); ++c) out << (c ? "," : "") << r[c];
        out << "\n";
    }
}

int cmdSensitivity(int argc, char** argv) {
    CLI::App app{
        "Sensitivity: one-at-a-time swings from the baseline (tornado), Morris screening, Sobol indices",
        "sdw sensitivity"};
    Options o;
    app.add_option("model", o.model, "model file")->required();
    app.add_option("--analysis", o.method, "oat (one at a time: tornado data, the default), morris or sobol")
        ->check(CLI::IsMember({"oat", "morris", "sobol"}));
    app.add_option(
        "--vary", o.vary,
        "NAME (its plausible range and distribution), NAME=LO:HI or NAME=DIST; default: every constant "
        "with a plausible range");
    app.add_option("--vars", o.vars,
                   "comma-separated outcomes, final values (default: the outcome measures)");
    app.add_option("--out", o.out, "CSV to write (default: standard output)");
    app.add_option("--samples", o.samples, "Sobol base samples N (N x (inputs + 2) runs)");
    app.add_option("--trajectories", o.trajectories, "Morris trajectories r (r x (inputs + 1) runs)");
    app.add_option("--seed", o.seed, "seed for Morris and Sobol points");
    o.base.add(app);
    if (int rc; !parseCommandLine(app, argc, argv, rc)) return rc;
    if (!outputPathOk("sensitivity", "--out", o.out, o.model)) return kExitUsage;
    auto project = loadForCommand(o.model);
    if (!project) return kExitModelError;
    sim::RunSpec base;
    if (!o.base.toSpec(*project, "sensitivity", base)) return kExitUsage;
    auto runner = makeRunner(*project, base, o.model, o.base.scenario);
    if (!runner) return kExitModelError;
    if (o.vary.empty())
        for (const auto& c : analysis::listConstants(*project))
            if (c.min && c.max && *c.min < *c.max) o.vary.push_back(c.name);
    std::vector<analysis::UncertainInput> inputs(o.vary.size());
    for (size_t i = 0; i < o.vary.size(); ++i)
        if (!parseInput(o.vary[i], *runner, inputs[i])) return kExitUsage;
    const auto outcomes = varsOrOutcomes(o.vars, *project);
    if (inputs.empty() || outcomes.empty()) {
        std::fprintf(stderr, "sdw sensitivity: give --vary and --vars\n");
        return kExitUsage;
    }
    if (auto why = analysis::checkOutputs(*runner, outcomes); !why.empty()) {
        std::fprintf(stderr, "sdw sensitivity: --vars %s\n", why.c_str());
        return kExitUsage;
    }
    ProgressBar bar(o.method);
    analysis::TrialOptions to;
    to.threads = o.base.threads;
    to.progress = bar.callback();
    std::ofstream file;
    if (o.out != "-") file.open(o.out);
    std::ostream& out = o.out == "-" ? std::cout : file;
    if (!out) {
        std::fprintf(stderr, "sdw sensitivity: cannot write '%s'\n", o.out.c_str());
        return kExitUsage;
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<analysis::FailedRun> failures;
    if (o.method == "oat") {
        std::vector<analysis::OatInput> oat;
        for (const auto& in : inputs)
            oat.push_back({in.name, analysis::scaledValue(in.distribution, 0),
                           analysis::scaledValue(in.distribution, 1)});
        std::vector<analysis::TornadoBar> bars;
        std::string error;
        const bool ok = analysis::oneAtATime(oat, outcomes, *runner, to, bars, failures, error);
        if (!ok) {
            std::fprintf(stderr, "sdw sensitivity: %s\n", error.c_str());
            return kExitModelError;
        }
        for (const auto& b : bars)
            rows.push_back({b.parameter, b.outcome, numberText(b.low), numberText(b.high),
                            numberText(b.baseline), numberText(b.outcomeLow), numberText(b.outcomeHigh),
                            numberText(b.swing)});
        writeRows(out, "parameter,outcome,low,high,baseline,outcome_low,outcome_high,swing", rows);
    } else {
        analysis::ModelScorer scorer(inputs, outcomes, *runner, to);
        if (o.method == "morris") {
            const auto m = analysis::morris(inputs.size(), outcomes.size(), o.trajectories, 4, o.seed,
                                            scorer.function());
            for (size_t k = 0; k < outcomes.size(); ++k)
                for (size_t i = 0; i < inputs.size(); ++i)
                    rows.push_back({inputs[i].name, outcomes[k], numberText(m[k][i].mu),
                                    numberText(m[k][i].muStar), numberText(m[k][i].sigma),
                                    std::to_string(m[k][i].effects)});
            writeRows(out, "parameter,outcome,mu,mu_star,sigma,effects", rows);
        } else {
            const auto s =
                analysis::sobol(inputs.size(), outcomes.size(), o.samples, o.seed, scorer.function());
            for (size_t k = 0; k < outcomes.size(); ++k)
                for (size_t i = 0; i < inputs.size(); ++i)
                    rows.push_back(
                        {inputs[i].name, outcomes[k], numberText(s[k][i].first), numberText(s[k][i].total)});
            writeRows(out, "parameter,outcome,first_order,total", rows);
        }
        failures = scorer.failures();
    }
    for (const auto& f : failures) {
        std::string in;
        for (const auto& [n, v] : f.inputs) in += (in.empty() ? "" : ", ") + n + "=" + numberText(v);
        std::fprintf(stderr, "sdw sensitivity: run %zu failed and is left out (%s): %s\n", f.run + 1,
                     in.c_str(), f.message.c_str());
    }
    return kExitOk;
}

}  // namespace

void registerSensitivityCommand() {
    registerCommand(
        {"sensitivity", "tornado (one at a time), Morris screening or Sobol indices", cmdSensitivity});
}

}  // namespace sdw::cli
