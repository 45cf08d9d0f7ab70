// One run as every layer asks for it (the CLI, experiment scripts, scenarios, the workbench's run service):
// the engine's spec and the levers switched on. Plain data: the plugin host (plugins/host) runs the levers,
// the engine never looks inside them. Layer: solver/sim. No GUI, no Lua.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "solver/sim/simulate.hpp"

namespace sdw::sim {

// A lever (a plugin) switched on for a run, with the params that differ from its defaults.
struct PluginSelection {
    std::string id;
    std::map<std::string, double> params;
};

struct RunRequest {
    std::string label;  // names the run in comparisons and reports
    // Times, method, seed; and spec.sets, the one way to set a constant (or a stock's initial value) for a
    // run: with levers on it is the value the levers start from (a lever scaling a constant scales it).
    RunSpec spec;
    std::vector<PluginSelection> plugins;  // the levers on, in the order they apply; empty = a plain run
};

}  // namespace sdw::sim
