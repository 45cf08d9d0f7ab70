// Analyses on a worker thread (see analysis_job.hpp). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/uncertainty/analysis_job.hpp"

#include <exception>

namespace sdw::app {

AnalysisJob::~AnalysisJob() {
    if (!m_future.valid()) return;
    m_cancel = true;
    m_future.wait();
}

bool AnalysisJob::start(Work work, size_t total) {
    if (m_future.valid()) return false;
    m_cancel = false;
    m_done = 0;
    m_total = total;
    m_error.clear();
    m_start = std::chrono::steady_clock::now();
    m_future = std::async(std::launch::async, [this, work = std::move(work)]() -> std::string {
        analysis::TrialOptions options;
        options.cancel = &m_cancel;
        options.progress = [this](size_t done, size_t total) {
            m_total = total;
            m_done = done;
        };
        try {
            std::string error = work(options);
            if (m_cancel.load()) return "cancelled";
            return error;
        } catch (const std::exception& e) {  // the boundary of the worker: the UI gets a message
            return std::string("internal error: ") + e.what();
        }
    });
    return true;
}

JobProgress AnalysisJob::progress() const {
    JobProgress p;
    p.done = m_done.load();
    p.total = m_total.load();
    if (!m_future.valid() && p.total == 0) return p;
    p.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (p.done > 0 && p.total >= p.done)
        p.etaSeconds = p.elapsedSeconds * static_cast<double>(p.total - p.done) / static_cast<double>(p.done);
    return p;
}

bool AnalysisJob::poll() {
    if (!m_future.valid() || m_future.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    m_error = m_future.get();
    return true;
}

bool AnalysisJob::wait(std::chrono::milliseconds timeout) {
    if (!m_future.valid()) return true;
    if (m_future.wait_for(timeout) != std::future_status::ready) return false;
    poll();
    return true;
}

}  // namespace sdw::app
