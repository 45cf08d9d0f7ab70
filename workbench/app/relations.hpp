// Causes and uses of a variable, as Stella's and Vensim's causes/uses trees show them: the variables its
// equation reads (and, for a stock, its inflows and outflows), and the variables that read it (and, for a
// flow, the stocks it fills or drains). Layer: workbench/app. Depends on solver/ (model, equation parser);
// no ImGui, GLFW, GL or Lua.
#pragma once

#include <string>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::app {

struct Relations {
    std::vector<std::string> causes, uses;  // variable names as written, each once, sorted by display name
};

// Of the variable `name` (any spelling) in `model`; empty when there is no such variable. An equation that
// does not parse contributes what could be read before the error (none).
Relations relationsOf(const model::Model& model, const std::string& name);

// The variables `name`'s equation reads that the diagram shows but draws no connector from (from the
// variable or an alias of it) to `name` or an alias of it: Stella and Vensim warn about these and offer to
// draw them. Names as written, sorted as relationsOf; empty when `name` is not on the diagram.
std::vector<std::string> unlinkedCauses(const model::Model& model, const model::View& view,
                                        const std::string& name);

}  // namespace sdw::app
