// XMILE reading and writing (pugixml). Accepts the standard and pre-standard namespaces, Stella .stmx with
// isee: extensions, and CR, CRLF or LF line endings; keeps what it does not understand for the round trip.
// Layer: solver. Depends on model/ and diag/.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// The members of a named XMILE group kept among the model's <variables> (<group name="..."><entity
// name="..."/>...</group>), in file order; empty when the model has no such group. Names compare as XMILE
// names do (case, spaces and underscores). A model lists its outcome measures in a group named
// "Outcome measures"; headless comparisons and the workbench show those first.
std::vector<std::string> groupMembers(const model::Model& model, const std::string& groupName);
inline constexpr const char* kOutcomeGroup = "Outcome measures";

}  // namespace sdw::xmile
