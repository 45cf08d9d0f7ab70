// Checks of the options people give for runs, shared by the CLI and the Lua experiment API: a save interval
// that is not a whole number of time steps. (Near-miss names: solver/diag/near_name.hpp.) Layer: solver
// (analysis). Standard library only.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sdw::analysis {

// Empty when saveper is a positive whole multiple of dt (to 1e-9 relative), else the message, e.g.
// "saveper 0.3 is not a multiple of dt 0.25 (try 0.25 or 0.5)".
std::string checkSaveper(double dt, double saveper);

// The same check for a run that may override the model's dt and saveper: empty when it overrides neither
// (the model's own specs are checked when it is read), else checkSaveper of the values the run would use.
std::string checkSaveperOverride(std::optional<double> dt, std::optional<double> saveper, double modelDt,
                                 std::optional<double> modelSaveper);

}  // namespace sdw::analysis
