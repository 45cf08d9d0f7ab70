// Editing a constant's uncertainty in the workbench: its plausible range and distribution, saved in the model
// file as <sdw:uncertainty min max distribution/> (what `sdw constants` lists and Monte Carlo draws from),
// checked before it reaches the model, one undo step; and an observed series' weight in a calibration. Layer:
// workbench/app. No ImGui, GLFW, GL or Lua.
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

// The weight of variable `name`'s observed series in a calibration (saved in the model file as
// <sdw:calibration weight="W"/>): 1 when the model gives none.
double seriesWeight(const model::Project& project, const std::string& name);
// Sets it (one undo step; 1 removes the element). False with a message, the model unchanged, when `name` is
// not a variable of the model or the weight is not a number of 0 or more.
bool setSeriesWeight(Document& doc, const std::string& name, double weight, std::string& error);

}  // namespace sdw::app
