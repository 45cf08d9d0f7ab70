// Batches of runs on every core (each run its own compiled model and its own lua_State) with a progress bar
// on stderr. Layer: plugins/host. No ImGui, no GLFW.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "plugins/host/plugin_descriptor.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/analysis/sampling.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::plugins {

struct BatchOptions {
    unsigned threads = 0;   // 0 = every core
    bool progress = false;  // draw a progress bar on stderr
    std::string label;      // shown beside the bar
    const std::atomic<bool>* cancel = nullptr;
};

// Runs every request; results come back in request order. Never throws.
std::vector<sim::RunResult> runBatch(const model::Project& project, const PluginLibrary& library,
                                     const std::vector<RunRequest>& requests,
                                     const BatchOptions& options = {});

// Latin hypercube points and the portable generator live with the analyses (solver/analysis/sampling.hpp);
// the same seed gives the same points on every machine.
using analysis::latinHypercube;
using analysis::SplitMix64;

}  // namespace sdw::plugins
