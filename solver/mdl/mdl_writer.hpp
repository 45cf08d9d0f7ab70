// Vensim .mdl text written from sdw's model, so that a Vensim user can take a model back: equations
// translated from XMILE's language to Vensim's, stocks as INTEG, graphical functions as lookups, subscript
// ranges, expression macros, the control section and a sketch of the variables. Layer: solver. Depends on
// model/, diag/ and the equation parser; no GUI, no Lua.
#pragma once

#include <optional>
#include <string>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::mdl {

// The model as Vensim text. What Vensim cannot express (modules, STDDEV, subscript ranges, @n...) is an E140
// error naming the variable, and then nothing is returned; what it expresses only approximately (XMILE's
// floor INT as Vensim's truncating INTEGER, non-negative stocks...) is a W141 warning saying how it differs.
std::optional<std::string> writeString(const model::Project& project, diag::Diagnostics& diags);
// Writes the text atomically (a temporary file beside the target, renamed over it). False with diagnostics.
bool writeFile(const model::Project& project, const std::string& path, diag::Diagnostics& diags);

}  // namespace sdw::mdl
