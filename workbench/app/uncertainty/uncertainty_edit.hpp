// Editing a constant's uncertainty in the workbench: its plausible range and distribution, saved in the model
// file as <sdw:uncertainty min max distribution/> (what `sdw constants` lists and Monte Carlo draws from),
// checked before it reaches the model, one undo step. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <string>

#include "workbench/app/document.hpp"

namespace sdw::app {

// Sets variable `name`'s range [min, max] and distribution ("" = uniform over the range; otherwise the text
// `sdw mc --vary` takes, e.g. "triangular(0.1,0.2,0.4)"), truncated at the range. False with a message, the
// model unchanged, when `name` is not a constant, min is not below max, the distribution cannot be read or
// puts no weight inside the range. Other attributes of the element are kept.
bool setUncertainty(Document& doc, const std::string& name, double min, double max,
                    const std::string& distribution, std::string& error);
// Removes it (one undo step); false when there was none.
bool clearUncertainty(Document& doc, const std::string& name);

}  // namespace sdw::app
