// Calibration in the workbench: fit chosen constants of the open model (as the session runs it: sliders,
// levers, a loaded profile) to observed data, on a worker with progress and cancel, then the run at the
// fitted values for the charts. The fit is analysis::calibrate's, the code `sdw calibrate` runs, so the same
// data, parameters, bounds and payoff give the same table. Applying a fit sets the constants' equations in
// one undo step. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/calibrate.hpp"
#include "workbench/app/uncertainty/analysis_job.hpp"
#include "workbench/app/uncertainty/observed_overlay.hpp"
#include "workbench/app/uncertainty/trial_base.hpp"

namespace sdw::app {

class Session;

// A constant the user may fit, with the range the model declares for it (its plausible range), if any.
struct FitCandidate {
    std::string name, units;
    double value = 0;
    std::optional<double> lo, hi;
};
std::vector<FitCandidate> fitCandidates(const model::Project& project);

struct FitSetup {
    TrialBase base;
    analysis::CalibrationSpec spec;
};

// The setup for the session's last run; nullopt with a reason (no run yet, no parameter, bad bounds).
std::optional<FitSetup> fitSetupFor(const Session& s, const ObservedOverlay& data,
                                    const std::vector<analysis::FitParameter>& parameters,
                                    analysis::Payoff payoff, std::string& error);
// The `sdw calibrate` command line that makes the same fit (when no slider, lever or profile is set).
std::string calibrateCommandLine(const FitSetup& setup, const std::string& modelPath,
                                 const std::string& dataPath);

struct FitOutcome {
    analysis::CalibrationResult fit;
    FitSetup setup;
    std::shared_ptr<const sim::RunResult> fitted;  // the run at the fitted values, every variable
    double seconds = 0;
};

// Fits (on the calling thread): what the worker does. False with `error` ("cancelled" after a cancel).
bool runCalibration(const FitSetup& setup, const analysis::TrialOptions& options, FitOutcome& out,
                    std::string& error);

class Calibration {
  public:
    bool start(const Session& s, const ObservedOverlay& data,
               const std::vector<analysis::FitParameter>& parameters, analysis::Payoff payoff,
               std::string& error);
    void cancel() { m_job.cancel(); }
    bool poll() { return m_job.poll(); }
    bool wait(std::chrono::milliseconds timeout) { return m_job.wait(timeout); }
    const AnalysisJob& job() const { return m_job.job(); }
    const std::string& error() const { return m_job.error(); }
    std::shared_ptr<const FitOutcome> result() const { return m_job.result(); }
    void reset() { m_job.reset(); }

  private:
    ResultJob<FitOutcome> m_job;
};

// Sets each fitted constant's equation to its fitted value, as one undo step, and re-runs. False with a
// reason when the model changed so that a parameter is no longer a constant of it.
bool applyFit(Session& s, const FitOutcome& fit, std::string& error);

}  // namespace sdw::app
