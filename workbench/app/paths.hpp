// Where sdw's files are: the project's models and plugins, and the user's state (recent files, recovery
// copies). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <string>

namespace sdw::app {

// Where the project's files live (models/, plugins/): SDW_HOME if set, else the source tree it was built
// from, else the working folder.
std::string projectRoot();
// The default adult social care model's path.
std::string defaultModelPath();
// Why a file sdw writes (results, charts, a profile, scores) must not go to `out`, where it would replace a
// model: "it is the model file" (`model`, the same file however spelt), or "it is named like a model file
// (.mdl)" (.xmile, .xml, .stmx, .itmx, .mdl). Empty when it may.
std::string outputReplacesModel(const std::string& out, const std::string& model);
// Where sdw keeps its state: $XDG_STATE_HOME/sdw, else ~/.local/state/sdw, else /tmp/sdw-state (created).
std::string stateDirectory();

}  // namespace sdw::app
