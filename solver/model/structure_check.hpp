// Structural checks every model must pass whichever reader made it: what a reader can see without compiling
// (a stock's inflows and outflows are flows). Layer: solver (model). Depends on model/ and diag/ only.
#pragma once

#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"

namespace sdw::model {

// Adds an E207 error for each stock that lists, as an inflow or outflow, a variable of its model that is not
// a flow (an auxiliary, a stock, a module), naming both. A name the model lacks is left to the compiler,
// which reports it (also E207).
void checkStructure(const Project& project, diag::Diagnostics& diags);

}  // namespace sdw::model
