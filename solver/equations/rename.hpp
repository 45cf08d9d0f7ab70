// Renaming a variable inside equation text, token by token: the rest of the text (spacing, comments, other
// names) is kept byte for byte. Layer: solver. Depends on equations/ (tokenizer, built-ins) and model/ names.
#pragma once

#include <string>
#include <vector>

#include "solver/model/model.hpp"

namespace sdw::equations {

// `equation` with every reference to the variable `oldName` written as `newName` (names compare as XMILE
// names do: case, spaces and underscores). Left alone: names inside [ ] (array elements and dimensions, even
// one spelled like the variable), a built-in function or one of the `macros` called by name (the call is the
// function's, as the compiler reads it), other names that merely contain the old one, and comments. A quoted
// reference stays quoted; an unquoted one takes the new name with spaces written as underscores.
std::string renameInEquation(const std::string& equation, const std::string& oldName,
                             const std::string& newName, const std::vector<model::Macro>& macros = {});

}  // namespace sdw::equations
