// What the diagram says when it shows nothing: an empty model invites drawing; a model whose variables have
// no places on the diagram (a Vensim file without a sketch, an XMILE file without views) says so, so that it
// is not taken for empty. Layer: application (no ImGui).
#pragma once

#include <string>

#include "solver/model/model.hpp"

namespace sdw::app {

// The hint for `view` of `model`, or "" when the view draws the symbol of any variable.
std::string emptyCanvasHint(const model::Model& model, const model::View& view);

}  // namespace sdw::app
