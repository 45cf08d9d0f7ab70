// Monte Carlo, sensitivity and calibration for the `sdw` Python module, on solver/analysis (the code the
// CLI's `sdw mc`, `sdw sensitivity` and `sdw calibrate` run): the same seed gives the same numbers. Layer:
// python. No GUI, no pybind11.
#include "python/src/analysis.hpp"

#include <algorithm>
#include <cmath>

#include "solver/analysis/calibrate.hpp"
#include "solver/analysis/constants.hpp"
#include "solver/analysis/monte_carlo.hpp"
#include "solver/analysis/sensitivity.hpp"

namespace sdw::python {
namespace {

AnalysisOutput failed(const char* code, std::string where, std::string message) {
    AnalysisOutput out;
    out.errorCode = code;
    out.errorWhere = std::move(where);
    out.error = std::move(message);
    return out;
}

std::string inputsText(const analysis::Inputs& inputs) {
    std::string s;
    char buf[64];
    for (const auto& [n, v] : inputs) {
        std::snprintf(buf, sizeof buf, "%.17g", v);
        s += (s.empty() ? "" : ", ") + n + "=" + buf;
    }
    return s;
}

void addFailures(AnalysisOutput& out, const std::vector<analysis::FailedRun>& failures) {
    for (const auto& f : failures)
        out.failures.push_back("run " + std::to_string(f.run) + " (" + inputsText(f.inputs) +
                               "): " + f.message);
}

// The model's own runner for checks and single trials; batches of trials go through `dispatch` (a cluster).
class DispatchingRunner : public analysis::TrialRunner {
  public:
    // `vars`: what a batch asking for every column needs (a calibration's observed series), so less travels.
    DispatchingRunner(std::unique_ptr<analysis::TrialRunner> local, TrialDispatch dispatch, uint64_t seed,
                      bool finalOnly, std::vector<std::string> vars)
        : m_local(std::move(local)),
          m_dispatch(std::move(dispatch)),
          m_seed(seed),
          m_finalOnly(finalOnly),
          m_vars(std::move(vars)) {}
    std::vector<sim::RunResult> run(const std::vector<analysis::Inputs>& trials,
                                    const analysis::TrialOptions& options) override {
        if (trials.size() < 2) return m_local->run(trials, options);  // a round trip would only add latency
        if (options.cancel && options.cancel->load()) {
            std::vector<sim::RunResult> out(trials.size());
            for (auto& r : out) r.status = sim::RunStatus::Cancelled;
            return out;
        }
        return m_dispatch({trials, options.vars.empty() ? m_vars : options.vars, m_seed, options.seed,
                           options.firstTrial, m_finalOnly, pluginsNamed(trials)});
    }
    std::string checkInput(const std::string& name) const override { return m_local->checkInput(name); }
    std::string checkOutput(const std::string& name) const override { return m_local->checkOutput(name); }
    std::optional<double> baseValue(const std::string& name) const override {
        return m_local->baseValue(name);
    }
    std::optional<analysis::Distribution> ownDistribution(const std::string& name) const override {
        return m_local->ownDistribution(name);
    }

  private:
    // The plugin ids the trials name ("plugin_id.param"), in the order the plugin host's runner meets them.
    static std::vector<std::string> pluginsNamed(const std::vector<analysis::Inputs>& trials) {
        std::vector<std::string> ids, out;
        for (const auto& p : pluginInfo()) ids.push_back(p.id);
        for (const auto& t : trials)
            for (const auto& [name, v] : t) {
                const auto dot = name.find('.');
                const std::string id = dot == std::string::npos ? "" : name.substr(0, dot);
                if (std::find(ids.begin(), ids.end(), id) != ids.end() &&
                    std::find(out.begin(), out.end(), id) == out.end())
                    out.push_back(id);
            }
        return out;
    }

    std::unique_ptr<analysis::TrialRunner> m_local;
    TrialDispatch m_dispatch;
    uint64_t m_seed;
    bool m_finalOnly;
    std::vector<std::string> m_vars;
};

// The runner every analysis uses (through `dispatch` when given), or an error naming why the model cannot
// run.
std::unique_ptr<analysis::TrialRunner> runnerFor(const ModelHandle& model, const Options& options,
                                                 AnalysisOutput& error, const TrialDispatch& dispatch = {},
                                                 bool finalOnly = false, std::vector<std::string> vars = {}) {
    diag::Diagnostics diags;
    std::unique_ptr<analysis::TrialRunner> runner = model.trialRunner(options, diags);
    if (runner && dispatch)
        runner = std::make_unique<DispatchingRunner>(std::move(runner), dispatch,
                                                     options.seed.value_or(sim::RunSpec{}.seed), finalOnly,
                                                     std::move(vars));
    if (!runner) {
        const diag::Diagnostic* first = nullptr;
        for (const auto& d : diags.items())
            if (!first && d.severity == diag::Severity::Error) first = &d;
        error = failed(first ? first->code.c_str() : code::kAnalysisFailed, first ? first->where : "",
                       first ? first->message : "the model does not compile");
    }
    return runner;
}

// Each input's distribution: its own text, or the model's (a bare name). False with `error` set.
bool resolveInputs(const std::vector<InputSpec>& specs, const analysis::TrialRunner& runner,
                   std::vector<analysis::UncertainInput>& inputs, AnalysisOutput& error) {
    for (const auto& s : specs) {
        if (auto why = runner.checkInput(s.name); !why.empty()) {
            error = failed(diag::code::kUnknownName, s.name, why);
            return false;
        }
        std::optional<analysis::Distribution> d;
        std::string why;
        if (s.distribution.empty()) {
            d = runner.ownDistribution(s.name);
            if (!d)
                why = "the model gives '" + s.name + "' no plausible range; give its distribution, e.g. {'" +
                      s.name + "': 'uniform(lo,hi)'}";
        } else {
            d = analysis::parseDistribution(s.distribution, why);
            if (!d) why = "'" + s.distribution + "': " + why;
        }
        if (!d) {
            error = failed(code::kBadDistribution, s.name, why);
            return false;
        }
        inputs.push_back({s.name, *d});
    }
    return true;
}

std::vector<std::string> varsOr(const ModelHandle& model, const std::vector<std::string>& vars) {
    return vars.empty() ? model.outcomeMeasures() : vars;
}

analysis::TrialOptions trialOptions(const Options& options) {
    analysis::TrialOptions to;
    to.threads = options.threads;
    to.cancel = options.cancel;
    return to;
}

// The Monte Carlo spec of a request, its inputs' distributions resolved; null after setting `error`.
std::unique_ptr<analysis::TrialRunner> prepare(const ModelHandle& model, const McRequest& request,
                                               const Options& options, analysis::MonteCarloSpec& spec,
                                               AnalysisOutput& error) {
    auto runner = runnerFor(model, options, error);
    if (!runner) return nullptr;
    spec.runs = request.runs;
    spec.seed = request.seed;
    spec.latin = request.latin;
    spec.percentiles = request.percentiles;
    spec.vars = varsOr(model, request.vars);
    if (spec.vars.empty()) {
        error =
            failed(code::kBadParameter, "vars", "give vars (the model has no \"Outcome measures\" group)");
        return nullptr;
    }
    if (!resolveInputs(request.inputs, *runner, spec.inputs, error)) return nullptr;
    for (const auto& [a, b, rho] : request.correlations) {
        analysis::RankCorrelation c{spec.inputs.size(), spec.inputs.size(), rho};
        for (size_t i = 0; i < spec.inputs.size(); ++i) {
            if (model::canonicalName(spec.inputs[i].name) == model::canonicalName(a)) c.i = i;
            if (model::canonicalName(spec.inputs[i].name) == model::canonicalName(b)) c.j = i;
        }
        if (c.i == spec.inputs.size() || c.j == spec.inputs.size()) {
            error = failed(code::kBadParameter, a + "," + b, "correlate: both names must also be in vary");
            return nullptr;
        }
        spec.correlations.push_back(c);
    }
    return runner;
}

AnalysisOutput bandsOf(const analysis::MonteCarloSpec& spec, analysis::MonteCarloResult& r, bool ok,
                       const std::string& error) {
    AnalysisOutput out;
    addFailures(out, r.failures);
    if (!ok) {
        auto f = failed(code::kAnalysisFailed, "mc", error);
        f.failures = out.failures;
        return f;
    }
    out.columns = std::move(r.columns);
    out.data = std::move(r.data);
    for (const auto& in : spec.inputs) out.sampleNames.push_back(in.name);
    for (const auto& s : r.samples)
        for (const auto& [n, v] : s) out.samples.push_back(v);
    out.stats = {{"runs", static_cast<double>(spec.runs)}, {"ok_runs", static_cast<double>(r.okRuns)}};
    return out;
}

}  // namespace

AnalysisOutput monteCarlo(const ModelHandle& model, const McRequest& request, const Options& options) {
    AnalysisOutput out;
    analysis::MonteCarloSpec spec;
    auto runner = prepare(model, request, options, spec, out);
    if (!runner) return out;
    analysis::MonteCarloResult r;
    std::string error;
    const bool ok = analysis::runMonteCarlo(spec, *runner, trialOptions(options), r, error);
    return bandsOf(spec, r, ok, error);
}

AnalysisOutput monteCarloChunk(const ModelHandle& model, const McRequest& request, size_t first, size_t count,
                               const Options& options) {
    AnalysisOutput out;
    analysis::MonteCarloSpec spec;
    auto runner = prepare(model, request, options, spec, out);
    if (!runner) return out;
    std::vector<analysis::Inputs> samples;
    std::string error;
    if (!analysis::drawSamples(spec, samples, error)) return failed(code::kAnalysisFailed, "mc", error);
    first = std::min(first, samples.size());
    count = std::min(count, samples.size() - first);
    std::vector<analysis::Inputs> slice(samples.begin() + static_cast<std::ptrdiff_t>(first),
                                        samples.begin() + static_cast<std::ptrdiff_t>(first + count));
    auto to = trialOptions(options);  // run i draws from trialSeed(seed, i), wherever it runs
    to.vars = spec.vars;
    to.seed = spec.seed;
    to.firstTrial = first;
    auto runs = runner->run(slice, to);
    for (size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i].ok()) {
            out.failedRuns.push_back(first + i);
            out.failures.push_back(analysis::failureMessage(runs[i]));
            out.runRows.push_back(0);
            continue;
        }
        if (out.columns.empty()) out.columns = runs[i].names;
        out.runRows.push_back(runs[i].rows());
        out.data.insert(out.data.end(), runs[i].data.begin(), runs[i].data.end());
    }
    return out;
}

AnalysisOutput monteCarloBands(const ModelHandle& model, const McRequest& request, const Options& options,
                               const AnalysisOutput& runs) {
    AnalysisOutput out;
    analysis::MonteCarloSpec spec;
    auto runner = prepare(model, request, options, spec, out);
    if (!runner) return out;
    analysis::MonteCarloResult r;
    std::string error;
    if (!analysis::drawSamples(spec, r.samples, error)) return failed(code::kAnalysisFailed, "mc", error);
    if (runs.runRows.size() != spec.runs)
        return failed(code::kAnalysisFailed, "mc",
                      "the chunks hold " + std::to_string(runs.runRows.size()) + " runs, not " +
                          std::to_string(spec.runs));
    r.runs.resize(spec.runs);
    size_t at = 0, failure = 0;
    for (size_t i = 0; i < spec.runs; ++i) {
        auto& run = r.runs[i];
        if (failure < runs.failedRuns.size() && runs.failedRuns[failure] == i) {
            run.status = sim::RunStatus::Failed;
            run.diagnostics.error(code::kRunFailed, "run " + std::to_string(i), runs.failures[failure++]);
            continue;
        }
        run.names = runs.columns;
        const size_t values = runs.runRows[i] * runs.columns.size();
        run.data.assign(runs.data.begin() + static_cast<std::ptrdiff_t>(at),
                        runs.data.begin() + static_cast<std::ptrdiff_t>(at + values));
        at += values;
    }
    const bool ok = analysis::summariseRuns(spec, r, error);
    return bandsOf(spec, r, ok, error);
}

AnalysisOutput sensitivity(const ModelHandle& model, const SensitivityRequest& request,
                           const Options& options, const TrialDispatch& dispatch) {
    AnalysisOutput out;
    auto runner = runnerFor(model, options, out, dispatch, true);  // final values are all it reads
    if (!runner) return out;
    std::vector<InputSpec> specs = request.inputs;
    if (specs.empty())
        for (const auto& c : analysis::listConstants(model.project()))
            if (c.min && c.max && *c.min < *c.max) specs.push_back({c.name, ""});
    std::vector<analysis::UncertainInput> inputs;
    if (!resolveInputs(specs, *runner, inputs, out)) return out;
    const auto outcomes = varsOr(model, request.vars);
    if (inputs.empty() || outcomes.empty())
        return failed(code::kBadParameter, inputs.empty() ? "vary" : "vars",
                      inputs.empty() ? "give vary (the model has no constant with a plausible range)"
                                     : "give vars (the model has no \"Outcome measures\" group)");
    const auto to = trialOptions(options);
    out.labelColumns = {"parameter", "outcome"};
    if (request.method == "oat") {
        std::vector<analysis::OatInput> oat;
        for (const auto& in : inputs)
            oat.push_back({in.name, analysis::scaledValue(in.distribution, 0),
                           analysis::scaledValue(in.distribution, 1)});
        std::vector<analysis::TornadoBar> bars;
        std::vector<analysis::FailedRun> failures;
        std::string error;
        if (!analysis::oneAtATime(oat, outcomes, *runner, to, bars, failures, error))
            return failed(code::kAnalysisFailed, "sensitivity", error);
        addFailures(out, failures);
        out.columns = {"low", "high", "baseline", "outcome_low", "outcome_high", "swing"};
        for (const auto& b : bars) {
            out.labels.push_back({b.parameter, b.outcome});
            out.data.insert(out.data.end(),
                            {b.low, b.high, b.baseline, b.outcomeLow, b.outcomeHigh, b.swing});
        }
        return out;
    }
    analysis::ModelScorer scorer(inputs, outcomes, *runner, to);
    if (request.method == "morris") {
        const auto m = analysis::morris(inputs.size(), outcomes.size(), request.trajectories, 4, request.seed,
                                        scorer.function());
        out.columns = {"mu", "mu_star", "sigma", "effects"};
        for (size_t k = 0; k < outcomes.size(); ++k)
            for (size_t i = 0; i < inputs.size(); ++i) {
                out.labels.push_back({inputs[i].name, outcomes[k]});
                out.data.insert(out.data.end(), {m[k][i].mu, m[k][i].muStar, m[k][i].sigma,
                                                 static_cast<double>(m[k][i].effects)});
            }
    } else {
        const auto s =
            analysis::sobol(inputs.size(), outcomes.size(), request.samples, request.seed, scorer.function());
        out.columns = {"first_order", "total"};
        for (size_t k = 0; k < outcomes.size(); ++k)
            for (size_t i = 0; i < inputs.size(); ++i) {
                out.labels.push_back({inputs[i].name, outcomes[k]});
                out.data.insert(out.data.end(), {s[k][i].first, s[k][i].total});
            }
    }
    addFailures(out, scorer.failures());
    out.stats = {{"runs", static_cast<double>(scorer.runs())}};
    return out;
}

AnalysisOutput calibrate(const ModelHandle& model, const CalibrationRequest& request, const Options& options,
                         const TrialDispatch& dispatch) {
    AnalysisOutput out;
    analysis::CalibrationSpec spec;
    const auto payoff = analysis::parsePayoff(request.payoff);
    if (!payoff)
        return failed(code::kBadParameter, "payoff",
                      "unknown payoff '" + request.payoff + "' (use 'sse', 'normal' or 'poisson')");
    spec.payoff = *payoff;
    for (const auto& [name, lo, hi] : request.fit) spec.parameters.push_back({name, lo, hi});
    for (const auto& [name, times, values] : request.data) spec.data.push_back({name, times, values});
    for (const auto& [name, w] : request.weights) spec.weights[model::canonicalName(name)] = w;
    const auto weights = analysis::resolveWeights(model.project().main(), spec);  // given, else the model's
    std::vector<std::string> series;  // what the fit reads of each run
    for (const auto& d : spec.data) series.push_back(d.name);
    auto runner = runnerFor(model, options, out, dispatch, false, series);
    if (!runner) return out;
    for (const auto& p : spec.parameters)
        if (auto why = runner->checkInput(p.name); !why.empty())
            return failed(diag::code::kUnknownName, p.name, why);
    analysis::CalibrationResult r;
    std::string error;
    if (!analysis::calibrate(spec, *runner, trialOptions(options), r, error))
        return failed(code::kAnalysisFailed, "calibrate", error);
    out.labelColumns = {"parameter"};
    out.columns = {"value", "low95", "high95"};
    for (const auto& row : r.rows) {
        out.labels.push_back({row.parameter});
        out.data.insert(out.data.end(), {row.value, row.low95, row.high95});
    }
    out.stats = {{"payoff", r.payoff},
                 {"payoff_at_start", r.payoffAtStart},
                 {"evaluations", static_cast<double>(r.evaluations)},
                 {"points", static_cast<double>(r.points)},
                 {"at_bound", r.atBound ? 1.0 : 0.0}};
    for (const auto& [name, rmse] : r.rmse) out.stats.push_back({"rmse[" + name + "]", rmse});
    for (const auto& w : weights) out.stats.push_back({"weight[" + w.series + "]", w.weight});
    out.note = r.intervalMethod;
    return out;
}

std::vector<sim::RunResult> runTrials(const ModelHandle& model, const RemoteTrials& remote,
                                      const Options& options) {
    Options o = options;
    o.seed = remote.seed;
    diag::Diagnostics diags;
    auto runner = model.trialRunner(o, diags, remote.plugins);
    if (!runner) {
        std::vector<sim::RunResult> out(remote.trials.size());
        for (auto& r : out) {
            r.status = sim::RunStatus::Failed;
            r.diagnostics = diags;
        }
        return out;
    }
    auto to = trialOptions(o);
    to.vars = remote.vars;
    to.seed = remote.trialSeed;
    to.firstTrial = remote.first;
    auto results = runner->run(remote.trials, to);
    if (remote.finalOnly)
        for (auto& r : results)
            if (r.ok() && r.rows() > 1)
                r.data.erase(r.data.begin(), r.data.end() - static_cast<std::ptrdiff_t>(r.cols()));
    return results;
}

}  // namespace sdw::python
