// Fan charts for the workbench: a Monte Carlo of the open model as the session runs it (sliders, levers, a
// loaded profile) over the model's own distributions, on a worker, summarised as the 5, 25, 50, 75 and 95th
// percentiles of the charted variables over time. The draws and bands are analysis::runMonteCarlo's, so a
// seed gives `sdw mc`'s numbers. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/monte_carlo.hpp"
#include "workbench/app/uncertainty/analysis_job.hpp"
#include "workbench/app/uncertainty/trial_base.hpp"

namespace sdw::app {

class Session;

// Every run's charted series is kept until the bands are made: 2,000 runs of four weekly series of the county
// model hold about 130 MB.
inline constexpr size_t kFanMaxRuns = 2000;
inline const std::vector<double> kFanPercentiles{5, 25, 50, 75, 95};

struct FanOptions {
    size_t runs = 200;
    uint64_t seed = 1;
};

// What a fan chart run needs, prepared on the UI thread from the session's last run.
struct FanSetup {
    TrialBase base;                 // the session's last run: sliders, levers, profile
    analysis::MonteCarloSpec spec;  // every constant with a distribution of its own, the charted vars
    std::vector<std::string> held;  // constants with a distribution that a slider or scenario set: not varied
};

// The setup for the session's last run; nullopt with a reason (no run yet, no chart, no constant with a
// range, too many runs).
std::optional<FanSetup> fanSetupFor(const Session& s, const FanOptions& o, std::string& error);
// The `sdw mc` command line that draws the same runs (when no slider, lever or profile is set).
std::string fanCommandLine(const FanSetup& setup, const std::string& modelPath);

// One variable's bands over time.
struct FanBands {
    std::vector<double> t, p5, p25, p50, p75, p95;
};

struct FanResult {
    analysis::MonteCarloResult mc;  // bands (columns "Time", "a[p5]" ...), samples, failures; runs dropped
    FanSetup setup;
    double seconds = 0;
    // The bands of `var` (any spelling of its name); nullopt when it was not summarised.
    std::optional<FanBands> bands(const std::string& var) const;
};

// Runs a setup (on the calling thread): what the worker does. False with `error`.
bool runFan(const FanSetup& setup, const analysis::TrialOptions& options, FanResult& out, std::string& error);

class FanCharts {
  public:
    // Starts a Monte Carlo of the session's last run; false with a reason (nothing started).
    bool start(const Session& s, const FanOptions& o, std::string& error);
    void cancel() { m_job.cancel(); }
    // The frame's work: true once when a run finished (or failed: error()).
    bool poll() { return m_job.poll(); }
    bool wait(std::chrono::milliseconds timeout) { return m_job.wait(timeout); }
    const AnalysisJob& job() const { return m_job.job(); }
    const std::string& error() const { return m_job.error(); }
    std::shared_ptr<const FanResult> result() const { return m_job.result(); }
    // The result, when it belongs to the session's current model and settings (else the bands are stale).
    std::shared_ptr<const FanResult> current(const Session& s) const;
    void reset() { m_job.reset(); }  // another model: forget the bands (a run in flight is cancelled)

  private:
    ResultJob<FanResult> m_job;
};

}  // namespace sdw::app
