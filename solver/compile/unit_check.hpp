// The unit check, beside the stages: ExpandedModel (through a Resolver) -> W220/W221 warnings.
// Layer: solver (compile internals; not public API).
#pragma once

#include <string>

#include "solver/compile/resolve.hpp"

// Every user equation's units against the variable's declared units, and every stock's flows against the
// stock's units per time unit; numbers are unit-flexible, as in Stella and Vensim.
namespace sdw::compile::detail {

void checkUnits(const ExpandedModel& model, const Resolver& resolver, const std::string& timeUnits,
                Reporter& report);

}  // namespace sdw::compile::detail
