// The Lua-backed commands of `sdw`: `plugins list|check`, `script`, and the runner behind `run --scenario`.
// Layer: workbench/cli (built only with the plugin host). Includes no Lua, ImGui or GLFW header.
#pragma once

#include <string>
#include <vector>

namespace sdw::cli {

// Registers `plugins` and `script`, and installs cli::scenarioRunner().
void registerPluginCommands();

}  // namespace sdw::cli
