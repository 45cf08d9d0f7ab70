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
    if (m_prep.joinable()) m_prep.join();  // a build in flight finishes (the worker starts no other)
}

bool RunService::nativeReady() const {
    std::lock_guard lock(m_prepMutex);  // called from other threads: m_cached and m_simModel are the worker's
    return m_prepared && m_prepared == m_current;
}

// Plain runs (no levers) of the cached model go through one Simulator, so its native code, once a helper
// thread has built it, serves every later run; until then the interpreter runs (same numbers).
sim::RunResult RunService::simulatePlain(const RunJob& job,
                                         const std::shared_ptr<const compile::CompiledModel>& model) {
    sim::RunSpec spec = job.request.spec;
    spec.cancel = &m_cancel;
    if (model != m_cached) return sim::simulate(*model, spec);  // a one-off (equation overrides)
    if (m_simModel != model) {
        m_sim = std::make_unique<sim::Simulator>(*model);
        m_simModel = model;
    }
    bool ready = false;
    {
        std::lock_guard lock(m_prepMutex);
        m_current = model;
        ready = m_prepared == model;
    }
    if (spec.engine == sim::Engine::Auto && !ready) spec.engine = sim::Engine::Interpreter;
    sim::RunResult result = m_sim->run(spec);
    if (!ready && job.request.spec.engine == sim::Engine::Auto) startPreparing(job.request.spec);
    return result;
}

void RunService::startPreparing(const sim::RunSpec& spec) {
    if (m_prepRunning.load()) return;  // one build at a time: the next run starts the newest model's
    if (m_prep.joinable()) m_prep.join();
    m_prepRunning = true;
    std::shared_ptr<sim::Simulator> sibling = m_sim->sibling();
    m_prep = std::thread([this, sibling, model = m_simModel, spec] {
        std::string error;  // a model the compiled engine cannot take: its runs stay interpreted
        sibling->prepare(spec, false, error, false);
        {
            std::lock_guard lock(m_prepMutex);
            m_prepared = model;
        }
        m_prepRunning = false;
    });
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
#if defined(SDW_HAVE_PLUGINS)
            if (!req.request.plugins.empty() && req.library)  // levers: through the plugin host
                out.result = std::make_shared<const sim::RunResult>(
                    plugins::runRequest(*req.project, *req.library, req.request, &m_cancel));
#endif
            if (!out.result)
                out.result = std::make_shared<const sim::RunResult>(simulatePlain(req, out.compiled));
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
