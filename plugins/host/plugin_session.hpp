// One run's plugins: a single Lua state holding every enabled plugin, their overrides applied to a copy of
// the project before compiling, and their on_start/on_step/events called through sim::StepHooks at step
// boundaries (never inside the integrator). Layer: plugins/host. No ImGui, no GLFW.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "plugins/host/lua_sandbox.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::plugins {

class PluginSession : public sim::StepHooks {
  public:
    explicit PluginSession(uint64_t seed, SandboxLimits limits = {});
    ~PluginSession() override;

    // Loads the plugin into this session's state with the selection's params (checked against their ranges).
    bool add(const PluginDescriptor& d, const PluginSelection& sel, diag::Diagnostics& diags);
    // Applies every plugin's overrides to `project` (in the order added: each sees the value the previous one
    // left as `base`) and lists what on_step may set in opts.hookWritable.
    bool applyOverrides(model::Project& project, compile::CompileOptions& opts, diag::Diagnostics& diags);
    bool needsHooks() const;

    bool onStart(sim::StepContext& ctx, std::string& error) override;
    bool onStep(sim::StepContext& ctx, std::string& error) override;

    // The E5xx diagnostic of the call that stopped the run, if any.
    const diag::Diagnostics& callDiagnostics() const { return m_callDiags; }
    uint64_t stepCalls() const { return m_stepCalls; }
    void setCancelFlag(const std::atomic<bool>* cancel) { m_box.setCancelFlag(cancel); }

    // Used by the ctx methods (C callbacks).
    struct Active;
    int slotOf(const std::string& name);
    sim::StepContext* current() { return m_ctx; }
    Active* activePlugin() {
        return m_activeIndex < m_active.size() ? m_active[m_activeIndex].get() : nullptr;
    }
    const char* m_pendingCode = nullptr;  // set by a ctx method before it raises, to pick the E5xx code

  private:
    bool callPlugin(Active& a, int fnRef, const char* what, sim::StepContext& ctx, std::string& error);
    bool fireEvents(Active& a, sim::StepContext& ctx, std::string& error);
    bool evalOverride(Active& a, const char* group, const std::string& name, int valueType,
                      model::Variable& var, diag::Diagnostics& diags);
    Sandbox m_box;
    std::vector<std::unique_ptr<Active>> m_active;
    size_t m_activeIndex = 0;
    sim::StepContext* m_ctx = nullptr;
    std::unordered_map<std::string, int> m_slotCache;
    diag::Diagnostics m_callDiags;
    uint64_t m_stepCalls = 0;
};

// Runs a request: constants (spec.sets) changed, then the plugins' overrides over them, compiled, simulated.
// Never throws; failures come back as a Failed result with diagnostics (E4xx/E5xx from plugins, E2xx from the
// compiler, E3xx from the run).
sim::RunResult runRequest(const model::Project& project, const PluginLibrary& library,
                          const RunRequest& request, const std::atomic<bool>* cancel = nullptr);

}  // namespace sdw::plugins
