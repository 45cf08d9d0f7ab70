// Opening any model file sdw reads, XMILE or Vensim .mdl, chosen by the file's content.
// Layer: solver. Depends on the XMILE reader (solver/xmile/) and the Vensim reader (solver/mdl/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::io {

struct LoadOptions {
    // Data files for a Vensim model's data variables (see mdl::ReadOptions); XMILE models have none.
    std::vector<std::string> dataFiles;
};

// XMILE (.xmile, .xml, .stmx, .itmx) or Vensim (.mdl), chosen by its content and extension (a text file
// named .xmile is refused as not XML), then checked for structure (model::checkStructure). E100 when the
// file cannot be opened.
std::optional<model::Project> loadModelFile(const std::string& path, diag::Diagnostics& diags,
                                            const LoadOptions& options = {});

// The extension of a model file's name (".xmile", ".xml", ".stmx", ".itmx" or ".mdl", lower case), or "" for
// another name: a file sdw writes (results, charts, scores) is never given one (it would replace a model).
std::string modelExtension(const std::string& path);

}  // namespace sdw::io
