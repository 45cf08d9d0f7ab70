// "Which assumptions matter": one-at-a-time runs of each constant with a plausible range, low and high,
// from the true baseline (the session's last run; only the varied constant changes), on a worker, as tornado
// bars sorted by swing. The runs are analysis::oneAtATime's, what `sdw sensitivity --method oat` runs.
// Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/sensitivity.hpp"
#include "workbench/app/uncertainty/analysis_job.hpp"
#include "workbench/app/uncertainty/trial_base.hpp"

namespace sdw::app {

class Session;

struct TornadoOptions {
    std::string outcome;       // empty: the model's first outcome measure (else the first charted variable)
    std::optional<double> at;  // the model time the outcome is read at; empty: the end of the run
};

// The outcomes a tornado can be drawn for: the model's outcome measures, else the charted variables.
std::vector<std::string> tornadoOutcomes(const Session& s);
// The model times a tornado can be read at: the end of each whole year of the run, and the run's end.
std::vector<double> tornadoTimes(const Session& s);
// "2029" (the calendar year a time ends, when the model has a calendar), else "year 4" or "t = 4".
std::string tornadoTimeLabel(const Session& s, double t);

struct TornadoSetup {
    TrialBase base;                          // the session's last run, stopped at `at`
    std::vector<analysis::OatInput> inputs;  // low and high: the ends of each one's plausible range
    std::vector<std::string> inputUnits;     // per input, as the model writes them
    std::vector<analysis::Distribution> distributions;  // per input: its own (Morris and Sobol draw from it)
    std::string outcome, outcomeUnits;
    double at = 0;
    std::vector<std::string> held;  // constants with a range that a slider or scenario set: not varied
};

std::optional<TornadoSetup> tornadoSetupFor(const Session& s, const TornadoOptions& o, std::string& error);
// The `sdw sensitivity` command line that runs the same bars (when no slider, lever or profile is set).
std::string tornadoCommandLine(const TornadoSetup& setup, const std::string& modelPath);

struct TornadoResult {
    TornadoSetup setup;
    std::vector<analysis::TornadoBar> bars;  // widest swing first; a bar with a failed run is left out
    std::vector<analysis::FailedRun> failures;
    std::vector<std::string> failureLines;  // "x = 0.4: why", naming the constant and value
    double seconds = 0;
    // The units of a bar's constant.
    std::string unitsOf(const std::string& parameter) const;
};

// Runs a setup on the calling thread (what the worker does). False with `error`.
bool runTornado(const TornadoSetup& setup, const analysis::TrialOptions& options, TornadoResult& out,
                std::string& error);

// Each failed run as "x = 0.4, y = 2: why" (the constants and values it ran with), "the baseline: why" for
// none.
std::vector<std::string> failureLinesOf(const std::vector<analysis::FailedRun>& failures);

// A value of the outcome as the workbench writes it (money as £ with k/m/bn, people with their noun).
std::string tornadoValue(double v, const std::string& units, bool sign = false);

class Tornado {
  public:
    bool start(const Session& s, const TornadoOptions& o, std::string& error);
    void cancel() { m_job.cancel(); }
    bool poll() { return m_job.poll(); }
    bool wait(std::chrono::milliseconds timeout) { return m_job.wait(timeout); }
    const AnalysisJob& job() const { return m_job.job(); }
    const std::string& error() const { return m_job.error(); }
    std::shared_ptr<const TornadoResult> result() const { return m_job.result(); }
    // The result, when it belongs to the session's current model and settings.
    std::shared_ptr<const TornadoResult> current(const Session& s) const;
    void reset() { m_job.reset(); }

  private:
    ResultJob<TornadoResult> m_job;
};

}  // namespace sdw::app
