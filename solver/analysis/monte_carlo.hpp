// Monte Carlo over uncertain inputs: Latin hypercube (or plain random) draws from each input's distribution,
// optionally rank-correlated, run as one batch, and summarised as percentile bands over time. Failed runs are
// reported with their inputs and left out of the bands. Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "solver/analysis/distribution.hpp"
#include "solver/analysis/sampling.hpp"
#include "solver/analysis/trials.hpp"

namespace sdw::analysis {

struct UncertainInput {
    std::string name;  // a model constant or "plugin_id.param"
    Distribution distribution;
};

struct MonteCarloSpec {
    std::vector<UncertainInput> inputs;
    std::vector<RankCorrelation> correlations;  // indices into inputs
    size_t runs = 100;
    // The draws of the inputs and each run's own noise: run i's random built-ins draw from
    // trialSeed(seed, i) (trials.hpp), whatever seed the base run has.
    uint64_t seed = 1;
    bool latin = true;                           // Latin hypercube; false: independent draws
    std::vector<std::string> vars;               // the outputs to summarise
    std::vector<double> percentiles{5, 50, 95};  // 0..100
};

struct FailedRun {
    size_t run = 0;  // 0-based
    Inputs inputs;
    std::string message;
};

struct MonteCarloResult {
    std::vector<std::string> columns;  // "Time", then "a[p5]", "a[p50]", ... ("a[north][p5]" for elements)
    std::vector<double> data;          // row-major, rows x columns
    std::vector<Inputs> samples;       // every run's inputs, in run order
    // Each run's status, diagnostics and values of the summarised vars: every row when the runner made the
    // runs one by one (plugins on), the last row only (the final values) from an engine batch, whose series
    // are summarised where they lie rather than copied run by run.
    std::vector<sim::RunResult> runs;
    std::vector<FailedRun> failures;
    size_t okRuns = 0;

    size_t rows() const { return columns.empty() ? 0 : data.size() / columns.size(); }
};

// The inputs of every run: run i gets sample i. Deterministic for a seed, whatever runs them. Returns false
// with a reason in `error` (a correlation that cannot hold, ...).
bool drawSamples(const MonteCarloSpec& spec, std::vector<Inputs>& samples, std::string& error);

// Draws, runs and summarises. Returns false with `error` when nothing can be summarised (bad spec, every
// run failed, a variable no run has).
bool runMonteCarlo(const MonteCarloSpec& spec, TrialRunner& runner, const TrialOptions& options,
                   MonteCarloResult& out, std::string& error);

// The bands of runs already made (`out.samples` and `out.runs` filled, run i from sample i): what
// runMonteCarlo does after running, for runs made elsewhere (chunks on a cluster). False when every run
// failed. Percentiles of each row are computed on every core, the same numbers on any number.
bool summariseRuns(const MonteCarloSpec& spec, MonteCarloResult& out, std::string& error);

// "a" and 5 -> "a[p5]"; 2.5 -> "a[p2.5]".
std::string percentileColumn(const std::string& var, double p);

}  // namespace sdw::analysis
