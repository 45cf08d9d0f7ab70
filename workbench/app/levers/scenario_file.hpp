// Saving what a lead has set as a scenario file: the levers on with their params and the sliders moved from
// the model's values, named and described, in the Lua data format the plugin host reads
// (plugins/host/scenario), so it reopens in the workbench and runs with `sdw run --scenario`.
// Layer: workbench/app/levers, built only with the plugin host. No ImGui, GLFW, GL or Lua headers.
#pragma once

#include <string>

#include "plugins/host/plugin_descriptor.hpp"

namespace sdw::app {

class Session;

// The scenario as Lua data text.
std::string scenarioText(const plugins::Scenario& scenario);
// The session's levers (in the order they were switched on, params that differ from the defaults) and the
// sliders that differ from the model's values.
plugins::Scenario currentScenario(const Session& session, const std::string& name,
                                  const std::string& description);
// Where a scenario named `name` is saved beside a model: <model folder>/scenarios/<name as a file>.lua.
std::string scenarioFileFor(const std::string& modelPath, const std::string& name);
// Writes the scenario (atomically: a temporary file renamed over `path`). False with a reason on failure.
bool saveScenarioFile(const plugins::Scenario& scenario, const std::string& path, std::string& error);

}  // namespace sdw::app
