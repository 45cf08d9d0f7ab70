// Morris screening and Sobol indices of one outcome from the session's last run (see global_sensitivity.hpp).
// Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/uncertainty/global_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/app/session.hpp"

namespace sdw::app {

namespace {

std::string plain(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// Mean and standard deviation of the finite values.
std::pair<double, double> meanAndSpread(const std::vector<double>& v) {
    double n = 0, mean = 0, ss = 0;
    for (double x : v) {
        if (!std::isfinite(x)) continue;
        n += 1;
        const double d = x - mean;
        mean += d / n;
        ss += d * (x - mean);
    }
    return {mean, n > 1 ? std::sqrt(ss / (n - 1)) : 0.0};
}

}  // namespace

size_t GlobalSetup::runs() const {
    const size_t k = base.inputs.size();
    return method == GlobalMethod::Morris ? trajectories * (k + 1) : samples * (k + 2);
}

std::optional<GlobalSetup> globalSetupFor(const Session& s, const GlobalOptions& o, std::string& error) {
    if ((o.method == GlobalMethod::Morris ? o.trajectories : o.samples) < 2) {
        error = o.method == GlobalMethod::Morris ? "Morris needs at least 2 trajectories"
                                                 : "Sobol needs at least 2 samples";
        return std::nullopt;
    }
    auto t = tornadoSetupFor(s, o.where, error);
    if (!t) return std::nullopt;
    GlobalSetup g;
    g.base = std::move(*t);
    g.method = o.method;
    g.trajectories = o.trajectories;
    g.samples = o.samples;
    g.seed = o.seed;
    return g;
}

std::string globalCommandLine(const GlobalSetup& setup, const std::string& modelPath) {
    const bool morris = setup.method == GlobalMethod::Morris;
    std::string cmd = "sdw sensitivity " + (modelPath.empty() ? std::string("MODEL") : modelPath) +
                      (morris ? " --analysis morris --trajectories " + std::to_string(setup.trajectories)
                              : " --analysis sobol --samples " + std::to_string(setup.samples)) +
                      " --seed " + std::to_string(setup.seed) + " --stop " + plain(setup.base.at);
    for (const auto& in : setup.base.inputs) cmd += " --vary " + model::canonicalName(in.name);
    return cmd + " --vars " + model::canonicalName(setup.base.outcome);
}

std::string GlobalResult::unitsOf(const std::string& parameter) const {
    for (size_t i = 0; i < setup.base.inputs.size(); ++i)
        if (setup.base.inputs[i].name == parameter) return setup.base.inputUnits[i];
    return "";
}

bool runGlobal(const GlobalSetup& setup, const analysis::TrialOptions& options, GlobalResult& out,
               std::string& error) {
    const auto t0 = std::chrono::steady_clock::now();
    out.setup = setup;
    auto runner = makeTrialRunner(setup.base.base, error);
    if (!runner) return false;
    const auto& ins = setup.base.inputs;
    std::vector<analysis::UncertainInput> inputs;
    for (size_t i = 0; i < ins.size(); ++i) inputs.push_back({ins[i].name, setup.base.distributions[i]});
    analysis::ModelScorer scorer(inputs, {setup.base.outcome}, *runner, options);
    std::vector<double> seen;  // the outcome at every point (Sobol: the two base matrices' only)
    const bool sobol = setup.method == GlobalMethod::Sobol;
    auto f = [&](const std::vector<std::vector<double>>& points) {
        auto v = scorer(points);
        for (size_t j = 0; j < v.size(); ++j)
            if (!sobol || j % (ins.size() + 2) < 2) seen.push_back(v[j][0]);
        return v;
    };
    if (sobol) {
        const auto s = analysis::sobol(ins.size(), 1, setup.samples, setup.seed, f);
        for (size_t i = 0; i < ins.size(); ++i)
            out.bars.push_back({ins[i].name, i, s[0][i].total, s[0][i].first});
    } else {
        const auto m = analysis::morris(ins.size(), 1, setup.trajectories, 4, setup.seed, f);
        for (size_t i = 0; i < ins.size(); ++i)
            out.bars.push_back({ins[i].name, i, m[0][i].muStar, m[0][i].sigma, m[0][i].mu});
    }
    if (options.cancel && options.cancel->load()) return false;
    std::erase_if(out.bars, [](const GlobalBar& b) { return !std::isfinite(b.score); });
    std::stable_sort(out.bars.begin(), out.bars.end(),
                     [](const GlobalBar& a, const GlobalBar& b) { return a.score > b.score; });
    std::tie(out.mean, out.spread) = meanAndSpread(seen);
    out.failures = scorer.failures();
    out.failureLines = failureLinesOf(out.failures);
    out.runs = scorer.runs();
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (out.bars.empty()) error = "every run failed: no index could be made";
    return !out.bars.empty();
}

bool GlobalSensitivity::start(const Session& s, const GlobalOptions& o, std::string& error) {
    if (m_job.job().running()) {
        error = "an analysis is running: cancel it first";
        return false;
    }
    auto setup = globalSetupFor(s, o, error);
    if (!setup) return false;
    const size_t runs = setup->runs();
    return m_job.start(
        [setup = std::move(*setup)](const analysis::TrialOptions& options, GlobalResult& out) {
            std::string error;
            runGlobal(setup, options, out, error);
            return error;
        },
        runs);
}

std::shared_ptr<const GlobalResult> GlobalSensitivity::current(const Session& s) const {
    const auto r = m_job.result();
    return r && r->setup.base.base.matches(s) ? r : nullptr;
}

}  // namespace sdw::app
