// A long analysis (a Monte Carlo, a calibration) on a worker thread for the workbench: progress with an ETA,
// cancel, never blocking the UI thread. The work is a function given the engine's trial options (progress and
// cancel already wired). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <string>

#include "solver/analysis/trials.hpp"

namespace sdw::app {

struct JobProgress {
    size_t done = 0, total = 0;
    double elapsedSeconds = 0;
    double etaSeconds = -1;  // < 0: not known yet (nothing done)
    double fraction() const { return total ? static_cast<double>(done) / static_cast<double>(total) : 0; }
};

class AnalysisJob {
  public:
    // Returns "" when done, else why it failed ("cancelled" after cancel()).
    using Work = std::function<std::string(const analysis::TrialOptions&)>;

    AnalysisJob() = default;
    ~AnalysisJob();  // cancels and waits
    AnalysisJob(const AnalysisJob&) = delete;
    AnalysisJob& operator=(const AnalysisJob&) = delete;

    // Starts `work` on a worker (false when one is still running). `total` is the work's size until the
    // engine reports its own.
    bool start(Work work, size_t total);
    void cancel() { m_cancel = true; }
    bool running() const { return m_future.valid(); }
    bool cancelling() const { return running() && m_cancel.load(); }
    JobProgress progress() const;
    // The frame's work, never blocking: true once when the job has finished (then error() says how).
    bool poll();
    // Wait for the job (tests, screenshots); false on timeout.
    bool wait(std::chrono::milliseconds timeout);
    const std::string& error() const { return m_error; }

  private:
    std::future<std::string> m_future;
    std::atomic<bool> m_cancel{false};
    std::atomic<size_t> m_done{0}, m_total{0};
    std::chrono::steady_clock::time_point m_start;
    std::string m_error;
};

}  // namespace sdw::app
