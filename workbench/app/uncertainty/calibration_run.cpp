// Calibration in the workbench (see calibration_run.hpp). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/uncertainty/calibration_run.hpp"

#include <charconv>
#include <chrono>

#include "solver/analysis/constants.hpp"
#include "workbench/app/session.hpp"
#include "workbench/app/uncertainty/uncertainty_edit.hpp"

namespace sdw::app {

using model::canonicalName;

namespace {

std::string shortest(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

// A constant its documentation calls a definition ("Definition: 365.25 days / 7.") is not uncertain: it is
// not offered for fitting (the county model's weeks per year was, with an assumed +/-50% range).
std::vector<FitCandidate> fitCandidates(const model::Project& project) {
    std::vector<FitCandidate> out;
    for (const auto& c : analysis::listConstants(project)) {
        const auto first = c.source.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && c.source.compare(first, 11, "Definition:") == 0) continue;
        out.push_back({c.name, c.units, c.value, c.min, c.max});
    }
    return out;
}

std::optional<FitSetup> fitSetupFor(const Session& s, const ObservedOverlay& data,
                                    const std::vector<analysis::FitParameter>& parameters,
                                    analysis::Payoff payoff, std::string& error) {
    auto base = trialBaseFor(s);
    if (!base) {
        error = "the model has not run yet";
        return std::nullopt;
    }
    if (parameters.empty()) {
        error = "pick at least one parameter to fit";
        return std::nullopt;
    }
    for (const auto& p : parameters)
        if (!(p.lo < p.hi)) {
            error = p.name + ": the lower bound must be below the upper";
            return std::nullopt;
        }
    FitSetup f;
    f.base = std::move(*base);
    f.spec.parameters = parameters;
    f.spec.data = data.series;
    f.spec.payoff = payoff;
    for (const auto& series : data.series)  // the weights saved with the model (Calibrate tab)
        if (const double w = seriesWeight(s.doc().project(), series.name); w != 1)
            f.spec.weights[canonicalName(series.name)] = w;
    return f;
}

std::string calibrateCommandLine(const FitSetup& setup, const std::string& modelPath,
                                 const std::string& dataPath) {
    std::string cmd = "sdw calibrate " + (modelPath.empty() ? std::string("MODEL") : modelPath) + " --data " +
                      (dataPath.empty() ? std::string("DATA.csv") : dataPath);
    for (const auto& p : setup.spec.parameters)
        cmd += " --fit " + canonicalName(p.name) + "=" + shortest(p.lo) + ":" + shortest(p.hi);
    const char* payoff = setup.spec.payoff == analysis::Payoff::Normal    ? "normal"
                         : setup.spec.payoff == analysis::Payoff::Poisson ? "poisson"
                                                                          : "sse";
    cmd += std::string(" --payoff ") + payoff;
    for (const auto& [name, w] : setup.spec.weights) cmd += " --weight " + name + "=" + shortest(w);
    return cmd;
}

bool runCalibration(const FitSetup& setup, const analysis::TrialOptions& options, FitOutcome& out,
                    std::string& error) {
    const auto t0 = std::chrono::steady_clock::now();
    out.setup = setup;
    auto runner = makeTrialRunner(setup.base, error);
    if (!runner) return false;
    if (!analysis::calibrate(setup.spec, *runner, options, out.fit, error)) return false;
    analysis::Inputs fitted;
    for (const auto& row : out.fit.rows) fitted.emplace_back(row.parameter, row.value);
    analysis::TrialOptions one;  // the fitted run, every variable, for the charts
    one.threads = 1;
    auto runs = runner->run({fitted}, one);
    if (!runs.empty() && runs.front().ok())
        out.fitted = std::make_shared<const sim::RunResult>(std::move(runs.front()));
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

bool Calibration::start(const Session& s, const ObservedOverlay& data,
                        const std::vector<analysis::FitParameter>& parameters, analysis::Payoff payoff,
                        std::string& error) {
    if (m_job.job().running()) {
        error = "a fit is running: cancel it first";
        return false;
    }
    auto setup = fitSetupFor(s, data, parameters, payoff, error);
    if (!setup) return false;
    const size_t p = parameters.size();
    return m_job.start(
        [setup = std::move(*setup)](const analysis::TrialOptions& options, FitOutcome& out) {
            std::string error;
            runCalibration(setup, options, out, error);
            return error;
        },
        350 * p);  // the default budget, until the fit reports its own
}

bool applyFit(Session& s, const FitOutcome& fit, std::string& error) {
    for (const auto& row : fit.fit.rows) {
        const auto* v = s.doc().find(row.parameter);
        if (!v || !model::literalValue(v->equation)) {
            error = "'" + row.parameter + "' is no longer a constant of the model";
            return false;
        }
    }
    s.doc().editProject([&](model::Project& p) {
        for (const auto& row : fit.fit.rows)
            if (auto* v = p.main().find(row.parameter)) v->equation = shortest(row.value);
    });
    s.rerun();
    return true;
}

}  // namespace sdw::app
