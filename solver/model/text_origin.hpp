// Positions of diagnostics in the files their equations came from: a column inside an equation's text becomes
// the line and column of the model file (through the variable's TextOrigin), or names the plugin or option
// that supplied the text. Layer: solver (model). Depends on model/ and diag/ only.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::model {

// The key of an element's equation in Variable::origins: its subscripts, canonical, joined by ','.
std::string originKey(const std::vector<std::string>& subscripts);

// A text origin for text copied verbatim from a file, starting at `line`, `column` (1-based).
TextOrigin verbatimOrigin(const std::string& text, int line, int column);
// A text origin naming what supplied the text instead of a file ("--set x=2", "plugin 'prevention'").
TextOrigin suppliedOrigin(const std::string& text, const std::string& source);

// The file line and column of `offset` (0-based) in the origin's text; {0, 0} when unknown.
std::pair<int, int> locate(const TextOrigin& origin, size_t offset);

// For diagnostics from index `from` on whose `where` names a variable of the main model (with subscripts for
// one element) and whose column is inside that variable's equation text: the line and column become those of
// the model file, or the origin names the plugin or option that supplied the text. Variables in `overridden`
// (by any spelling) had their equations replaced when compiling: their diagnostics say so instead of a line.
void placeInSource(diag::Diagnostics& diags, const Project& project,
                   const std::map<std::string, std::string>& overridden = {}, size_t from = 0);

}  // namespace sdw::model
