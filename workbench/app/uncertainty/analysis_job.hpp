// A long analysis (a Monte Carlo, a calibration) on a worker thread for the workbench: progress with an ETA,
// cancel, never blocking the UI thread. The work is a function given the engine's trial options (progress and
// cancel already wired). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
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

// An AnalysisJob whose work fills a result of type R: the result is kept once the work succeeds (a failed
// or cancelled job leaves the last one in place).
template <class R>
class ResultJob {
  public:
    using Work = std::function<std::string(const analysis::TrialOptions&, R&)>;
    bool start(Work work, size_t total) {
        if (m_job.running()) return false;
        auto pending = std::make_shared<R>();
        m_pending = pending;
        return m_job.start(
            [pending, work = std::move(work)](const analysis::TrialOptions& o) { return work(o, *pending); },
            total);
    }
    void cancel() { m_job.cancel(); }
    // The frame's work: true once when the job finished (error() says how).
    bool poll() {
        if (!m_job.poll()) return false;
        adopt();
        return true;
    }
    bool wait(std::chrono::milliseconds timeout) {
        if (!m_job.wait(timeout)) return false;
        adopt();
        return true;
    }
    // Cancel and wait for any job, and forget the result.
    void reset() {
        m_job.cancel();
        m_job.wait(std::chrono::hours(1));
        m_pending.reset();
        m_result.reset();
    }
    const AnalysisJob& job() const { return m_job; }
    const std::string& error() const { return m_job.error(); }
    std::shared_ptr<const R> result() const { return m_result; }

  private:
    void adopt() {
        if (m_pending && m_job.error().empty()) m_result = m_pending;
        m_pending.reset();
    }
    AnalysisJob m_job;
    std::shared_ptr<R> m_pending;
    std::shared_ptr<const R> m_result;
};

}  // namespace sdw::app
