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
// Where sdw keeps its state: $XDG_STATE_HOME/sdw, else ~/.local/state/sdw, else /tmp/sdw-state (created).
std::string stateDirectory();

}  // namespace sdw::app
