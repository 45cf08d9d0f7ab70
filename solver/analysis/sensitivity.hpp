// Sensitivity analysis: one-at-a-time swings from the true baseline (tornado data), Morris elementary-effects
// screening, and Sobol first-order and total indices (Saltelli's estimators). Each works on a function from
// points in the unit cube to outcome values, so it can be tested on functions with known answers; ModelScorer
// turns model runs into such a function. Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "solver/analysis/monte_carlo.hpp"

namespace sdw::analysis {

// Outcome values for each point (outer: points; inner: outcomes). A point whose run failed gets NaNs.
using PointFunction =
    std::function<std::vector<std::vector<double>>(const std::vector<std::vector<double>>&)>;

// --- one at a time -----------------------------------------------------------------------------------------
struct TornadoBar {
    std::string parameter, outcome;
    double low = 0, high = 0;                // the parameter's two values
    double outcomeLow = 0, outcomeHigh = 0;  // the outcome with the parameter at each (NaN: that run failed)
    double baseline = 0;                     // the outcome in the baseline run (every parameter as it is)
    double swing = 0;                        // |outcomeHigh - outcomeLow|
};
struct OatInput {
    std::string name;
    double low = 0, high = 0;
};
// Runs the baseline and two runs per input (only that input changed); bars per outcome, widest swing first.
// Outcomes are final values. False with `error` when the baseline itself fails.
bool oneAtATime(const std::vector<OatInput>& inputs, const std::vector<std::string>& outcomes,
                TrialRunner& runner, const TrialOptions& options, std::vector<TornadoBar>& bars,
                std::vector<FailedRun>& failures, std::string& error);

// --- Morris ------------------------------------------------------------------------------------------------
struct MorrisIndex {
    double mu = 0, muStar = 0, sigma = 0;  // of the elementary effects, per unit of the input's [0,1] scale
    size_t effects = 0;                    // trajectories that finished
};
// r trajectories on a p-level grid (p even; jump p/(2(p-1))); k inputs; r(k+1) points. Result
// [outcome][input].
std::vector<std::vector<MorrisIndex>> morris(size_t inputs, size_t outcomes, size_t trajectories,
                                             size_t levels, uint64_t seed, const PointFunction& f);

// --- Sobol -------------------------------------------------------------------------------------------------
struct SobolIndex {
    double first = 0, total = 0;
};
// Saltelli (2010) first-order and Jansen total indices from N base samples: N(k+2) points. Result
// [outcome][input]; rows with a failed point are dropped.
std::vector<std::vector<SobolIndex>> sobol(size_t inputs, size_t outcomes, size_t samples, uint64_t seed,
                                           const PointFunction& f);

// Turns unit-cube points into runs of a model: input k's value is its distribution's quantile at u (infinite
// tails cut at 0.1% and 99.9%); outcomes are final values. Failed runs are recorded.
class ModelScorer {
  public:
    ModelScorer(std::vector<UncertainInput> inputs, std::vector<std::string> outcomes, TrialRunner& runner,
                TrialOptions options)
        : m_inputs(std::move(inputs)),
          m_outcomes(std::move(outcomes)),
          m_runner(runner),
          m_options(std::move(options)) {}
    std::vector<std::vector<double>> operator()(const std::vector<std::vector<double>>& points);
    PointFunction function() {
        return [this](const std::vector<std::vector<double>>& p) { return (*this)(p); };
    }
    const std::vector<FailedRun>& failures() const { return m_failures; }
    size_t runs() const { return m_runs; }

  private:
    std::vector<UncertainInput> m_inputs;
    std::vector<std::string> m_outcomes;
    TrialRunner& m_runner;
    TrialOptions m_options;
    std::vector<FailedRun> m_failures;
    size_t m_runs = 0;
};

// The value of a distribution at u in [0,1], with infinite tails cut at 0.1% and 99.9%.
double scaledValue(const Distribution& d, double u);

}  // namespace sdw::analysis
