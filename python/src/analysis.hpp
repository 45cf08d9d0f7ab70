// Monte Carlo, sensitivity and calibration for the `sdw` Python module: thin calls into solver/analysis (the
// same code as `sdw mc`, `sdw sensitivity` and `sdw calibrate`), in plain C++ types. Layer: python. Uses the
// solver and, when built, the plugin host's trial runner; no GUI, no pybind11.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "python/src/engine.hpp"
#include "solver/analysis/trials.hpp"

namespace sdw::python {

namespace code {
inline constexpr const char* kBadDistribution = "E904";  // distribution text the engine cannot read
inline constexpr const char* kAnalysisFailed = "E905";   // an analysis that could not give a result
inline constexpr const char* kClusterFailed = "E906";    // a batch of trials sent to a Dask cluster failed
}  // namespace code

// A batch of trials to run elsewhere (a Dask cluster): trial i draws from analysis::trialSeed(*trialSeed,
// first + i) when trialSeed is set (Monte Carlo), else every trial from seed (the base run's); `finalOnly`
// keeps each run's last row (what the analysis reads), so less travels back.
struct RemoteTrials {
    std::vector<analysis::Inputs> trials;
    std::vector<std::string> vars;
    uint64_t seed = 1;
    std::optional<uint64_t> trialSeed;
    size_t first = 0;
    bool finalOnly = false;
    std::vector<std::string> plugins;  // plugin ids the whole batch names: on in every trial of every share
};
// Runs a remote batch and gives one result per trial, in order (a failed trial Failed with diagnostics).
using TrialDispatch = std::function<std::vector<sim::RunResult>(const RemoteTrials&)>;

// An uncertain input: a constant or "plugin_id.param" and its distribution's text ("" = the model's own).
struct InputSpec {
    std::string name, distribution;
};

// A table of results: text label columns, then number columns, row by row; or an error.
struct AnalysisOutput {
    std::string errorCode, errorWhere, error;  // errorCode empty = it worked
    std::vector<std::string> labelColumns, columns;
    std::vector<std::vector<std::string>> labels;  // rows x labelColumns
    std::vector<double> data;                      // rows x columns
    std::vector<std::string> sampleNames;          // Monte Carlo: each run's inputs
    std::vector<double> samples;                   // runs x sampleNames
    std::vector<std::string> failures;             // failed runs, with their inputs
    std::vector<std::pair<std::string, double>> stats;
    std::string note;
    std::vector<size_t> runRows, failedRuns;  // Monte Carlo chunks: each run's rows; the runs that failed
};

struct McRequest {
    std::vector<InputSpec> inputs;
    std::vector<std::tuple<std::string, std::string, double>> correlations;
    size_t runs = 200;
    uint64_t seed = 1;
    bool latin = true;
    std::vector<std::string> vars;  // empty: the outcome measures
    std::vector<double> percentiles{5, 50, 95};
};

struct SensitivityRequest {
    std::string method = "oat";     // oat, morris, sobol
    std::vector<InputSpec> inputs;  // empty: every constant with a plausible range
    std::vector<std::string> vars;
    size_t samples = 512, trajectories = 10;
    uint64_t seed = 1;
};

struct CalibrationRequest {
    std::vector<std::tuple<std::string, double, double>> fit;  // name, lo, hi
    std::vector<std::tuple<std::string, std::vector<double>, std::vector<double>>>
        data;  // name, times, values
    std::string payoff = "sse";
    std::vector<std::pair<std::string, double>> weights;
};

AnalysisOutput monteCarlo(const ModelHandle& model, const McRequest& request, const Options& options);
// Runs [first, first + count) of a Monte Carlo (each run's inputs and seed as in the whole): `columns` the
// names, `data` the runs' tables one after another (`runRows` rows each; failed runs none, in `failedRuns`
// with their messages in `failures`). For chunks spread over a cluster.
AnalysisOutput monteCarloChunk(const ModelHandle& model, const McRequest& request, size_t first, size_t count,
                               const Options& options);
// The bands of a Monte Carlo whose runs were made in chunks (their outputs joined in run order): the same
// numbers as monteCarlo() for the same request.
AnalysisOutput monteCarloBands(const ModelHandle& model, const McRequest& request, const Options& options,
                               const AnalysisOutput& runs);
// With `dispatch`, every batch of two or more trials runs through it (spread over a cluster); single trials
// (a calibration's search steps) run here. Each trial is the same computation wherever it runs.
AnalysisOutput sensitivity(const ModelHandle& model, const SensitivityRequest& request,
                           const Options& options, const TrialDispatch& dispatch = {});
AnalysisOutput calibrate(const ModelHandle& model, const CalibrationRequest& request, const Options& options,
                         const TrialDispatch& dispatch = {});
// A remote batch's share, run here (on a Dask worker) by the runner the analyses use.
std::vector<sim::RunResult> runTrials(const ModelHandle& model, const RemoteTrials& remote,
                                      const Options& options);

}  // namespace sdw::python
