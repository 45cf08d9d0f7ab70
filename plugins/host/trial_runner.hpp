// The trial runner of the plugin host: trials may set model constants and plugin params ("plugin_id.param").
// The levers on are the base run's (a scenario's) and no others: a param varies around the base run's value
// of it, and a param of a lever the base run leaves off cannot be varied (checkInput says how to switch it
// on), so adding one never moves the baseline or another input's runs. Batches without plugins run on one
// compiled model (analysis::CompiledTrialRunner). Layer: plugins/host. No ImGui, no GLFW.
#pragma once

#include <memory>

#include "plugins/host/plugin_descriptor.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/analysis/trials.hpp"

namespace sdw::plugins {

class PluginTrialRunner : public analysis::TrialRunner {
  public:
    // `base` is the run every trial starts from (its plugins stay on, its constants set).
    PluginTrialRunner(const model::Project& project, const PluginLibrary& library, RunRequest base);
    bool ok() const { return m_compiled.ok(); }
    const diag::Diagnostics& diagnostics() const { return m_compiled.diagnostics(); }
    std::vector<sim::RunResult> run(const std::vector<analysis::Inputs>& trials,
                                    const analysis::TrialOptions& options) override;
    // One engine batch when no plugin is on (as run() does then), else nullopt.
    std::optional<sim::BatchResult> runAsOneBatch(const std::vector<analysis::Inputs>& trials,
                                                  const analysis::TrialOptions& options) override;
    std::string checkInput(const std::string& name) const override;
    std::string checkOutput(const std::string& name) const override { return m_compiled.checkOutput(name); }
    std::optional<double> baseValue(const std::string& name) const override;
    std::optional<analysis::Distribution> ownDistribution(const std::string& name) const override;

  private:
    const ParamDescriptor* param(const std::string& name, std::string* why = nullptr) const;
    const model::Project& m_project;
    const PluginLibrary& m_library;
    RunRequest m_base;
    analysis::CompiledTrialRunner m_compiled;
};

}  // namespace sdw::plugins
