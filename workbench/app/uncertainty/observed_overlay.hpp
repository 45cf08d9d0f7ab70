// Observed data beside the model on the workbench's charts: a CSV (Time in model units, then columns named
// like model variables, gaps allowed; analysis::readObservedCsv's format, the one `sdw calibrate --data`
// reads) matched to the open model's variables by name. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/calibrate.hpp"
#include "solver/model/model.hpp"

namespace sdw::app {

struct ObservedOverlay {
    std::string path;
    std::vector<analysis::ObservedSeries>
        series;                          // the columns that name a model variable, its name as written
    std::vector<std::string> unmatched;  // the others, each with a hint ("delayd beds: no variable ...")
    // The series of variable `var` (any spelling), or null.
    const analysis::ObservedSeries* find(const std::string& var) const;
};

// Reads and matches; nullopt with `error` naming the line (and the column) of a malformed file. A file none
// of whose columns names a variable is an error too.
std::optional<ObservedOverlay> readObservedOverlay(const std::string& text, const model::Model& model,
                                                   std::string& error);
// The same from a file: errors begin with its name.
std::optional<ObservedOverlay> loadObservedOverlay(const std::string& path, const model::Model& model,
                                                   std::string& error);

}  // namespace sdw::app
