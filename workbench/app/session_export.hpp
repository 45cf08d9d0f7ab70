// What the workbench's exports record about the runs they hold (the provenance `sdw run` writes too): the
// model file and its hash, each run's scenario, levers and sliders moved. Layer: workbench/app. No ImGui,
// GLFW, GL or Lua.
#pragma once

#include <vector>

#include "workbench/app/export.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

// The open model's provenance with one settings line per run ("Baseline: no levers; sliders as the model"),
// and the scenario files applied.
Provenance provenanceOf(const Session& session, const std::vector<KeptRun>& runs);

}  // namespace sdw::app
