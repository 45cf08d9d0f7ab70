// Fan charts: the workbench's Monte Carlo (see fan_charts.hpp). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua.
#include "workbench/app/uncertainty/fan_charts.hpp"

#include <algorithm>
#include <chrono>

#include "solver/analysis/constants.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

using model::canonicalName;

std::optional<FanSetup> fanSetupFor(const Session& s, const FanOptions& o, std::string& error) {
    auto base = trialBaseFor(s);
    if (!base) {
        error = "the model has not run yet";
        return std::nullopt;
    }
    if (o.runs < 2 || o.runs > kFanMaxRuns) {
        error = "runs must be from 2 to " + std::to_string(kFanMaxRuns);
        return std::nullopt;
    }
    FanSetup f;
    f.base = std::move(*base);
    f.spec.runs = o.runs;
    f.spec.seed = o.seed;
    f.spec.percentiles = kFanPercentiles;
    f.spec.vars = s.chartedVariables();
    if (f.spec.vars.empty()) {
        error = "no variable is charted: add one to a chart first";
        return std::nullopt;
    }
    auto set = [&](const std::string& name) {
        return std::any_of(f.base.request.spec.sets.begin(), f.base.request.spec.sets.end(),
                           [&](auto& kv) { return canonicalName(kv.first) == canonicalName(name); });
    };
    for (const auto& c : analysis::listConstants(*f.base.project)) {
        const auto* v = f.base.project->main().find(c.name);
        auto d = v ? analysis::modelDistribution(*v) : std::nullopt;
        if (!d) continue;
        if (set(c.name))
            f.held.push_back(c.name);
        else
            f.spec.inputs.push_back({c.name, *d});
    }
    if (f.spec.inputs.empty()) {
        error = f.held.empty()
                    ? "no constant of the model has a plausible range or a distribution: give some "
                      "in Properties"
                    : "every constant with a range is set by a slider or scenario";
        return std::nullopt;
    }
    return f;
}

std::string fanCommandLine(const FanSetup& setup, const std::string& modelPath) {
    std::string cmd = "sdw mc " + (modelPath.empty() ? std::string("MODEL") : modelPath) + " --runs " +
                      std::to_string(setup.spec.runs) + " --seed " + std::to_string(setup.spec.seed);
    for (const auto& in : setup.spec.inputs) cmd += " --vary " + canonicalName(in.name);
    cmd += " --vars ";
    for (size_t i = 0; i < setup.spec.vars.size(); ++i)
        cmd += (i ? "," : "") + canonicalName(setup.spec.vars[i]);
    return cmd + " --percentiles 5,25,50,75,95";
}

std::optional<FanBands> FanResult::bands(const std::string& var) const {
    const size_t np = setup.spec.percentiles.size();
    const std::string want = canonicalName(var);
    const auto& cols = mc.columns;
    for (size_t c = 1; c + np <= cols.size(); c += np) {
        const std::string name = cols[c].substr(0, cols[c].rfind('['));  // "a[p5]" -> "a"
        if (canonicalName(name) != want) continue;
        FanBands b;
        std::vector<double>* out[] = {&b.p5, &b.p25, &b.p50, &b.p75, &b.p95};
        const size_t rows = mc.rows();
        b.t.reserve(rows);
        for (size_t r = 0; r < rows; ++r) {
            b.t.push_back(mc.data[r * cols.size()]);
            for (size_t k = 0; k < np && k < 5; ++k) out[k]->push_back(mc.data[r * cols.size() + c + k]);
        }
        return b;
    }
    return std::nullopt;
}

bool runFan(const FanSetup& setup, const analysis::TrialOptions& options, FanResult& out,
            std::string& error) {
    const auto t0 = std::chrono::steady_clock::now();
    out.setup = setup;
    auto runner = makeTrialRunner(setup.base, error);
    if (!runner) return false;
    const bool ok = analysis::runMonteCarlo(setup.spec, *runner, options, out.mc, error);
    out.mc.runs.clear();  // the bands are made: every run's series would only hold memory
    out.mc.runs.shrink_to_fit();
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return ok;
}

bool FanCharts::start(const Session& s, const FanOptions& o, std::string& error) {
    if (m_job.job().running()) {
        error = "a Monte Carlo is running: cancel it first";
        return false;
    }
    auto setup = fanSetupFor(s, o, error);
    if (!setup) return false;
    return m_job.start(
        [setup = std::move(*setup)](const analysis::TrialOptions& options, FanResult& out) {
            std::string error;
            runFan(setup, options, out, error);
            return error;
        },
        o.runs);
}

std::shared_ptr<const FanResult> FanCharts::current(const Session& s) const {
    const auto r = m_job.result();
    return r && r->setup.base.matches(s) ? r : nullptr;
}

}  // namespace sdw::app
