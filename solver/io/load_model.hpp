// Opening any model file sdw reads, XMILE or Vensim .mdl, chosen by the file's content.
// Layer: solver. Depends on the XMILE reader (solver/xmile/) and the Vensim reader (solver/mdl/).
#pragma once

#include <optional>
#include <string>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::io {

// XMILE (.xmile, .xml, .stmx, .itmx) when the first character after an optional UTF-8 byte order mark and
// blanks is '<'; otherwise Vensim .mdl. E100 when the file cannot be opened.
std::optional<model::Project> loadModelFile(const std::string& path, diag::Diagnostics& diags);

}  // namespace sdw::io
