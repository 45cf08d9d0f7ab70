// Vensim .mdl text models read into sdw's editable model: equations translated to XMILE expression text,
// the control section into SimSpecs, subscripts into dimensions, macros, and the sketch into views.
// Layer: solver. Depends on model/ and diag/ only (no GUI, no Lua).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::mdl {

struct ReadOptions {
    // Files holding the series of the model's data variables (those with no equation): Vensim's text .dat
    // format, or CSV/tab tables with a Time column or a Time row. A later file's series replaces an earlier
    // one's. Files the model's own data functions name are found relative to the model's folder.
    std::vector<std::string> dataFiles;
};

// Parse Vensim text. Never throws: malformed entries give E120 (diag::code::kMdlSyntax), functions sdw cannot
// run yet (Excel files, :EXCEPT:...) give E211 (kUnsupported) naming the function, and the rest of the model
// is still read. Returns nullopt only when nothing at all could be read.
std::optional<model::Project> readString(const std::string& text, diag::Diagnostics& diags,
                                         const std::string& sourceName = "<string>",
                                         const ReadOptions& options = {});
// Read a file (E100 when it cannot be opened).
std::optional<model::Project> readFile(const std::string& path, diag::Diagnostics& diags,
                                       const ReadOptions& options = {});

}  // namespace sdw::mdl
