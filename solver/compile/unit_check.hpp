// The unit check, run after the program stage: every user equation's units against the variable's declared
// units, and every stock's flows against the stock's units per time unit. Mismatches are warnings (W220)
// that name the variable; numbers are unit-flexible, as in Stella and Vensim. Input: the ExpandedModel
// (through a Resolver); output: warnings only. Layer: solver. Not part of the public API.
#pragma once

#include <string>

#include "solver/compile/resolve.hpp"

namespace sdw::compile::detail {

void checkUnits(const ExpandedModel& model, const Resolver& resolver, const std::string& timeUnits,
                Reporter& report);

}  // namespace sdw::compile::detail
