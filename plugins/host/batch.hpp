// Batches of runs on every core (each run its own compiled model and its own lua_State), Latin hypercube
// sampling, and a progress bar on stderr. Layer: plugins/host. No ImGui, no GLFW.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "plugins/host/plugin_descriptor.hpp"
#include "plugins/host/plugin_library.hpp"
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

// `samples` points in [0,1)^dims, one per stratum in every dimension. The same seed gives the same points on
// every machine (our own generator and shuffle, not the standard library's unspecified ones).
std::vector<std::vector<double>> latinHypercube(size_t samples, size_t dims, uint64_t seed);

// A small, portable generator (splitmix64).
class SplitMix64 {
  public:
    explicit SplitMix64(uint64_t seed) : m_state(seed) {}
    uint64_t next();
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0,1)

  private:
    uint64_t m_state;
};

}  // namespace sdw::plugins
