// The one list of the workbench's panels, in the order their slots show them. Layer: workbench/ui (ImGui).
// No Lua.
#pragma once

#include <memory>
#include <vector>

#include "workbench/ui/panels/panel.hpp"

namespace sdw::ui {

std::vector<std::unique_ptr<Panel>> registeredPanels();

}  // namespace sdw::ui
