// The workbench's background runner. Layer: workbench/app. No ImGui, GLFW, GL or Lua. Exceptions from the
// engine are caught here (the UI's run-task boundary) and turned into diagnostics.
#include "workbench/app/run_service.hpp"

#include <exception>

#if defined(SDW_HAVE_PLUGINS)
#include "plugins/host/plugin_session.hpp"
#endif

namespace sdw::app {

namespace {
double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Simulate the request: plain, or (levers on) through the plugin host with its own Lua state.
sim::RunResult simulateRequest(const RunJob& job, const compile::CompiledModel& compiled,
                               const std::atomic<bool>* cancel) {
#if defined(SDW_HAVE_PLUGINS)
    if (!job.request.plugins.empty() && job.library)
        return plugins::runRequest(*job.project, *job.library, job.request, cancel);
#endif
    sim::RunSpec spec = job.request.spec;
    spec.cancel = cancel;
    return sim::simulate(compiled, spec);
}
}  // namespace

RunService::RunService() : m_thread([this] { loop(); }) {}

RunService::~RunService() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_cancel = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void RunService::submit(RunJob job) {
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(job);
        m_cancel = true;  // stop the run in flight: its result is stale
        m_busy = true;
    }
    m_cv.notify_one();
}

std::optional<RunOutcome> RunService::poll() {
    std::lock_guard lock(m_mutex);
    if (m_done.empty()) return std::nullopt;
    // Only the newest outcome matters.
    RunOutcome out = std::move(m_done.back());
    m_done.clear();
    return out;
}

bool RunService::waitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_idleCv.wait_for(lock, timeout, [&] { return !m_pending && !m_busy.load(); });
}

void RunService::loop() {
    for (;;) {
        RunJob req;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || m_pending.has_value(); });
            if (m_stop) return;
            req = std::move(*m_pending);
            m_pending.reset();
            m_cancel = false;
        }
        RunOutcome out = execute(req);
        std::lock_guard lock(m_mutex);
        const bool superseded = m_pending.has_value();
        if (!superseded) {
            m_done.push_back(std::move(out));
            m_busy = false;
            m_idleCv.notify_all();
        }
    }
}

RunOutcome RunService::execute(const RunJob& req) {
    RunOutcome out;
    out.tag = req.tag;
    out.revision = req.revision;
    out.label = req.request.label;
    out.requestedAt = req.requestedAt;
    try {
        const bool useCache = !req.compileOnly && req.options.equationOverrides.empty() && m_cached &&
                              m_cachedRevision == req.revision;
        auto t0 = Clock::now();
        if (useCache) {
            out.compiled = m_cached;
            out.compileDiagnostics = m_cachedDiags;
        } else {
            out.compiled = compile::compileModel(*req.project, out.compileDiagnostics, req.options);
            if (!req.compileOnly && req.options.equationOverrides.empty()) {
                m_cached = out.compiled;
                m_cachedDiags = out.compileDiagnostics;
                m_cachedRevision = req.revision;
            }
        }
        out.compileMs = msSince(t0);
        if (!req.compileOnly && out.compiled) {
            auto t1 = Clock::now();
            out.result =
                std::make_shared<const sim::RunResult>(simulateRequest(req, *out.compiled, &m_cancel));
            out.simulateMs = msSince(t1);
        }
    } catch (const std::exception& e) {
        out.compiled.reset();
        out.compileDiagnostics.error("E300", "", std::string("internal error while running: ") + e.what());
    }
    out.finishedAt = Clock::now();
    return out;
}

}  // namespace sdw::app
