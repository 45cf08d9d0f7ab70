// The run an analysis in the workbench starts from: the session's last run as it was asked for (the model
// snapshot, sliders, levers, a loaded profile's computed inputs), and the engine's trial runner over it
// (model constants; with levers on, through the plugin host). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "solver/analysis/trials.hpp"
#include "solver/sim/run_request.hpp"

namespace sdw::plugins {
class PluginLibrary;
}

namespace sdw::app {

class Session;

struct TrialBase {
    std::shared_ptr<const model::Project> project;  // a snapshot; a profile's computed inputs as equations
    uint64_t revision = 0;                          // the document revision it was taken at
    sim::RunRequest request;                        // spec.sets: the sliders; plugins: the levers on
    std::shared_ptr<const plugins::PluginLibrary> library;  // set when levers are on
    bool profile = false;                                   // a loaded profile changed equations
    // The same model, sliders and levers as the session's last run asked for now.
    bool matches(const Session& s) const;
};

// Nullopt before the session's first run. Runs that produce NaN stop and fail (as in `sdw mc`).
std::optional<TrialBase> trialBaseFor(const Session& s);

// The engine's runner for the base (null with the first compile error in `error`). It refers to
// base.project: keep the base alive while it is used.
std::unique_ptr<analysis::TrialRunner> makeTrialRunner(const TrialBase& base, std::string& error);

}  // namespace sdw::app
