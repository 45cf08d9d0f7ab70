// `sdw script FILE.lua`: a trusted Lua script with an `sdw` module to load models, run them with scenarios,
// plugins and overrides, sweep, Monte Carlo (Latin hypercube), tornado sensitivity, and write CSV.
// Layer: plugins/host. No ImGui, no GLFW. The module is documented in plugins/README.md.
#pragma once

#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"

namespace sdw::plugins {

struct ScriptOptions {
    std::string projectRoot;              // where models/ and plugins/levers/ live
    std::vector<std::string> pluginDirs;  // plugin folders (default: <root>/plugins/levers)
    std::vector<std::string> args;        // sdw.args
    unsigned threads = 0;                 // 0 = every core
};

// Runs the script. Returns true on success; a Lua error becomes a diagnostic with file, line and traceback.
bool runScript(const std::string& path, const ScriptOptions& options, diag::Diagnostics& diags);

}  // namespace sdw::plugins
