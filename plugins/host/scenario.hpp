// Scenario files: Lua data (run with an empty environment, under the sandbox's limits) naming the plugins a
// run enables with their params, constant overrides, sim-spec overrides and a seed. Layer: plugins/host.
#pragma once

#include <optional>
#include <string>

#include "plugins/host/plugin_descriptor.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/diag/diagnostics.hpp"

namespace sdw::plugins {

// Reads and checks a scenario file. When `library` is given, plugin ids and params are checked against it.
std::optional<Scenario> loadScenario(const std::string& path, diag::Diagnostics& diags,
                                     const PluginLibrary* library = nullptr,
                                     const SandboxLimits& limits = {});
// The same for scenario text already in memory; `sourceName` names it in diagnostics.
std::optional<Scenario> loadScenarioText(const std::string& text, const std::string& sourceName,
                                         diag::Diagnostics& diags, const PluginLibrary* library = nullptr,
                                         const SandboxLimits& limits = {});

}  // namespace sdw::plugins
