// The desktop workbench's entry points: `sdw` with no arguments, `sdw open FILE`, `sdw shot MODEL --out PNG`.
// Layer: workbench/ui. Callers (workbench/main.cpp) see no ImGui, GLFW or GL type here.
#pragma once

namespace sdw::ui {

// Adds `open` and `shot` to the CLI registry (workbench/cli/commands.hpp).
void registerGuiCommands();
// Open the workbench on the default model; with no display, say so and run the default model headless.
int runDefault();

}  // namespace sdw::ui
