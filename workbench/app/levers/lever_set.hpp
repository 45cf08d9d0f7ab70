// Lever state: the installed plugins (from plugins/host, as plain descriptors), which are on and with what
// params, and the scenarios beside the open model. Layer: workbench/app/levers, built only with the plugin
// host. No ImGui, GLFW, GL or Lua headers, so tests drive it without a window.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plugins/host/plugin_descriptor.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::app {

// The folders plugins are read from: the shipped plugins/levers, then SDW_PLUGIN_PATH (colon-separated).
std::vector<std::string> pluginDirectories();

// One plugin as the panel shows it.
struct Lever {
    const plugins::PluginDescriptor* plugin = nullptr;  // owned by the library
    bool on = false;
    std::map<std::string, double> values;  // param name -> slider value (starts at the default)
    int order = 0;                         // when it was switched on: plugins apply in that order
};

class LeverSet {
  public:
    // Reads every plugin in `pluginDirs` (a refused one becomes a diagnostic naming its file and line, and is
    // left out) and every scenario in <model folder>/scenarios. With `keepOn` (the same model reopened) the
    // levers on stay on with their params; otherwise every lever starts off at its defaults.
    void load(const std::vector<std::string>& pluginDirs, const std::string& modelPath, bool keepOn = false);

    std::shared_ptr<const plugins::PluginLibrary> library() const { return m_library; }
    std::vector<Lever>& levers() { return m_levers; }
    const std::vector<Lever>& levers() const { return m_levers; }
    const std::vector<plugins::Scenario>& scenarios() const { return m_scenarios; }
    // Problems found while loading plugins and scenarios (E4xx, with file and line).
    const diag::Diagnostics& diagnostics() const { return m_diagnostics; }

    // Read <model folder>/scenarios again (a scenario was saved there): the active one stays active.
    void reloadScenarios(const std::string& modelPath);
    // Make the scenario read from `file` the active one (the one just saved from these settings).
    void markActive(const std::string& file);

    Lever* find(const std::string& id);
    void setOn(Lever& lever, bool on);
    void resetParams(Lever& lever);
    void allOff();
    bool anyOn() const;
    // The first variable a lever changes that `model` lacks ("" when the lever applies to it). A lever that
    // does not apply would fail the run (E407): the panel does not offer it.
    static std::string missingTarget(const plugins::PluginDescriptor& lever, const model::Model& model);
    // Switch off the levers that do not apply to `model` (say, after a variable they change was deleted).
    void dropInapplicable(const model::Model& model);
    // The levers on, in the order they were switched on, with the params that differ from the defaults.
    std::vector<plugins::PluginSelection> selections() const;
    // "Expand short-term services, Prevention": for naming kept runs.
    std::string summary() const;
    // Each lever on with every param's value, for an export's provenance: "Expand short-term services:
    // uplift=1.4, ...".
    std::vector<std::string> settings() const;

    // Switch to a scenario: its plugins on with its params, every other lever off. Its constants and sim
    // specs are returned by scenarioConstants() / applySpec() until another scenario is picked or cleared.
    bool applyScenario(size_t index);
    void clearScenario();
    int activeScenario() const { return m_activeScenario; }
    const std::vector<std::pair<std::string, double>>& scenarioConstants() const;
    // The active scenario's start/stop/dt/saveper/method/seed over a run spec.
    void applySpec(sim::RunSpec& spec) const;

  private:
    std::shared_ptr<plugins::PluginLibrary> m_library;
    std::vector<Lever> m_levers;
    std::vector<plugins::Scenario> m_scenarios;
    diag::Diagnostics m_diagnostics;
    int m_activeScenario = -1;
    int m_nextOrder = 1;
};

}  // namespace sdw::app
