// XMILE reading and writing (pugixml). Accepts the standard and pre-standard namespaces, Stella .stmx with
// isee: extensions, and CR, CRLF or LF line endings; keeps what it does not understand for the round trip.
// Layer: solver. Depends on model/ and diag/.
#pragma once

#include <optional>
#include <string>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::xmile {

// Parse XMILE text. On failure returns nullopt with the reason in diags (E101 malformed, E102 not XMILE).
std::optional<model::Project> readString(const std::string& text, diag::Diagnostics& diags,
                                         const std::string& sourceName = "<string>");
std::optional<model::Project> readFile(const std::string& path, diag::Diagnostics& diags);

std::string writeString(const model::Project& project);
// Atomic: writes a temporary file beside the target, then renames it over the target.
bool writeFile(const model::Project& project, const std::string& path, std::string& error);

}  // namespace sdw::xmile

namespace sdw::model {
// Open any model file sdw reads: XMILE (.xmile, .xml, .stmx, .itmx) or Vensim (.mdl), chosen by content.
std::optional<Project> loadModelFile(const std::string& path, diag::Diagnostics& diags);
}  // namespace sdw::model
