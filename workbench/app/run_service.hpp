// Background runs: a worker compiles (when the model changed) and simulates, the newest request winning;
// results come back as immutable shared pointers; with levers on, through the plugin host (a fresh Lua state
// per run). The interpreter serves a new model's first runs while a helper thread builds its native code.
// Layer: workbench/app. No ImGui, GLFW, GL or Lua headers.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "solver/compile/compiled_model.hpp"
#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/run_request.hpp"
#include "solver/sim/simulate.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "plugins/host/plugin_library.hpp"
#endif

namespace sdw::app {

using Clock = std::chrono::steady_clock;

// A piece of work for the service: a run request (solver/sim/run_request.hpp, the one type every layer asks
// for runs with) on a snapshot of the model, or a live equation check; with the service's bookkeeping.
struct RunJob {
    std::shared_ptr<const model::Project> project;  // a snapshot: the UI keeps editing its own copy
    uint64_t revision = 0;            // document revision: the worker recompiles only when it changes
    sim::RunRequest request;          // spec (spec.sets = slider values) and the levers on
    compile::CompileOptions options;  // equation overrides for live checking
    bool compileOnly = false;         // live equation check: no simulation
    uint64_t tag = 0;                 // caller's id, returned in the outcome
    Clock::time_point requestedAt = Clock::now();  // when the user acted (for the slider-to-screen figure)
#if defined(SDW_HAVE_PLUGINS)
    // The installed levers, for a request with levers on (request.plugins): the run goes through the
    // plugin host, the slider values (request.spec.sets) the base the levers work from.
    std::shared_ptr<const plugins::PluginLibrary> library;
#endif
};

struct RunOutcome {
    uint64_t tag = 0;
    uint64_t revision = 0;
    std::string label;
    diag::Diagnostics compileDiagnostics;
    std::shared_ptr<const compile::CompiledModel> compiled;  // null when compilation failed
    std::shared_ptr<const sim::RunResult> result;            // null for compile-only or failed compile
    double compileMs = 0, simulateMs = 0;
    Clock::time_point requestedAt, finishedAt;
};

class RunService {
  public:
    RunService();
    ~RunService();
    RunService(const RunService&) = delete;
    RunService& operator=(const RunService&) = delete;

    // Queue a request; any pending or running one is cancelled (the newest wins).
    void submit(RunJob job);
    // Results that arrived since the last call (UI thread). Usually zero or one.
    std::optional<RunOutcome> poll();
    // Block until the current work is done (tests, screenshots). False on timeout.
    bool waitIdle(std::chrono::milliseconds timeout);
    bool busy() const { return m_busy.load(); }
    // True once native code for the current model's runs is built (or found unbuildable): from then on
    // slider runs use it; before, the interpreter serves them while a helper thread builds it.
    bool nativeReady() const;

  private:
    void loop();
    RunOutcome execute(const RunJob& job);
    sim::RunResult simulatePlain(const RunJob& job,
                                 const std::shared_ptr<const compile::CompiledModel>& model);
    void startPreparing(const sim::RunSpec& spec);

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_idleCv;
    std::optional<RunJob> m_pending;
    std::deque<RunOutcome> m_done;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_busy{false};
    bool m_stop = false;
    // Worker-owned: the compiled model of the last revision (each worker compiles its own).
    uint64_t m_cachedRevision = 0;
    std::shared_ptr<const compile::CompiledModel> m_cached;
    diag::Diagnostics m_cachedDiags;
    // Worker-owned: the simulator of the cached model (its buffers and native code kept between runs). One
    // helper thread at a time builds the native code of the newest cached model; runs never wait for it.
    std::unique_ptr<sim::Simulator> m_sim;
    std::shared_ptr<const compile::CompiledModel> m_simModel;
    std::thread m_prep;
    std::atomic<bool> m_prepRunning{false};
    mutable std::mutex m_prepMutex;
    std::shared_ptr<const compile::CompiledModel> m_prepared;  // guarded by m_prepMutex: built for this one
    std::shared_ptr<const compile::CompiledModel> m_current;   // guarded by m_prepMutex: m_simModel's copy
    std::thread m_thread;  // last: it starts in the constructor and uses every member above
};

}  // namespace sdw::app
