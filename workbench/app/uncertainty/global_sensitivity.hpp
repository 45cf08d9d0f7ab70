// "Which assumptions matter" over the whole of the model's ranges: Morris screening (mean absolute elementary
// effect, in the outcome's own units: how far the outcome moves when a constant crosses its range) and Sobol
// indices (the share of the outcome's spread each constant accounts for, alone and with the others), from
// the session's last run, on a worker. The runs and numbers are analysis::morris / analysis::sobol through
// analysis::ModelScorer, what `sdw sensitivity --analysis morris|sobol` runs, so a seed gives the CLI's
// numbers. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "workbench/app/uncertainty/tornado.hpp"

namespace sdw::app {

enum class GlobalMethod { Morris, Sobol };

struct GlobalOptions {
    TornadoOptions where;  // outcome and time, as for the tornado
    GlobalMethod method = GlobalMethod::Morris;
    size_t trajectories = 10;  // Morris: r (r x (inputs + 1) runs)
    size_t samples = 128;      // Sobol: N base samples (N x (inputs + 2) runs)
    uint64_t seed = 1;
};

struct GlobalSetup {
    TornadoSetup base;  // the run, outcome, time and constants (in the model's order), as the tornado's
    GlobalMethod method = GlobalMethod::Morris;
    size_t trajectories = 10, samples = 128;
    uint64_t seed = 1;
    size_t runs() const;
};

// Nullopt with a reason (no run yet, no constant with a range, a budget of zero).
std::optional<GlobalSetup> globalSetupFor(const Session& s, const GlobalOptions& o, std::string& error);
// The `sdw sensitivity` command line that gives the same numbers (when no slider, lever or profile is set).
std::string globalCommandLine(const GlobalSetup& setup, const std::string& modelPath);

// One constant's result, ranked by `score`.
struct GlobalBar {
    std::string parameter;
    size_t input = 0;     // its place in setup.base.inputs
    double score = 0;     // Morris: mu* (outcome units); Sobol: the total index (0..1)
    double second = 0;    // Morris: sigma of the effects (outcome units); Sobol: the first-order index
    double signedMu = 0;  // Morris: mu (outcome units; its sign says which way the outcome moves); Sobol: 0
};

struct GlobalResult {
    GlobalSetup setup;
    std::vector<GlobalBar> bars;  // largest score first; a constant with no finished effect is left out
    double mean = 0, spread = 0;  // the outcome over the draws (Sobol's base samples; Morris's points)
    std::vector<analysis::FailedRun> failures;
    std::vector<std::string> failureLines;  // "x = 0.4: why"
    size_t runs = 0;
    double seconds = 0;
    std::string unitsOf(const std::string& parameter) const;
};

bool runGlobal(const GlobalSetup& setup, const analysis::TrialOptions& options, GlobalResult& out,
               std::string& error);

class GlobalSensitivity {
  public:
    bool start(const Session& s, const GlobalOptions& o, std::string& error);
    void cancel() { m_job.cancel(); }
    bool poll() { return m_job.poll(); }
    bool wait(std::chrono::milliseconds timeout) { return m_job.wait(timeout); }
    const AnalysisJob& job() const { return m_job.job(); }
    const std::string& error() const { return m_job.error(); }
    std::shared_ptr<const GlobalResult> result() const { return m_job.result(); }
    std::shared_ptr<const GlobalResult> current(const Session& s) const;
    void reset() { m_job.reset(); }

  private:
    ResultJob<GlobalResult> m_job;
};

}  // namespace sdw::app
