// A local profile: the inputs that make a model a particular council (population, budget, beds, workforce,
// unit costs), kept in a CSV file a finance team can open in a spreadsheet: a header
// `name,value,units,source`, then one input a row. Reading it checks every row against the model; applying it
// sets those inputs. Layer: solver (io). Depends on model/ and diag/ only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::io {

// The XMILE group of a model that lists its local profile inputs, in the order a council fills them in.
inline constexpr const char* kProfileGroup = "Local profile";

struct ProfileEntry {
    std::string name;    // a variable of the model, as written in the file
    double value = 0;    // in the model's units for that variable
    std::string units;   // as written in the file (may be empty)
    std::string source;  // where the number comes from (free text)
    int line = 0;        // line in the file
};

// Parses profile CSV text. Accepts a UTF-8 byte-order mark, CRLF line ends, quoted fields ("" for a quote),
// blank rows, and values written as a spreadsheet might show them: 435,000 or "435,000", GBP 24.10 as £24.10,
// 53% as 0.53. On any bad row returns nullopt with an error naming the file, the line and the problem.
std::optional<std::vector<ProfileEntry>> parseProfile(const std::string& text, diag::Diagnostics& diags,
                                                      const std::string& sourceName);
std::optional<std::vector<ProfileEntry>> readProfileFile(const std::string& path, diag::Diagnostics& diags);

// Sets each entry's variable in the main model to its value (the equation becomes that number). Refuses, with
// an error naming the file and line, a name the model does not have, a stock or flow (set the input it starts
// from), and units that differ from the model's. Returns false when anything was refused (nothing is
// changed).
bool applyProfile(model::Project& project, const std::vector<ProfileEntry>& entries, diag::Diagnostics& diags,
                  const std::string& sourceName);

// The named variables as profile CSV, value from `values` (same order; the model's equation when nullopt),
// units and the variable's documentation as the source.
std::string writeProfileCsv(const model::Model& model, const std::vector<std::string>& names,
                            const std::vector<std::optional<double>>& values);

}  // namespace sdw::io
