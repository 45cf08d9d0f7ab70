// Compile stage 6, the program: each element's equation lowered in dependency order into the initial and
// the per-step programs, the non-negative clamps and hook overrides, each stock's net flow, then fused.
// Input: the ExpandedModel, its Ordering and SlotLayout (read only); output: a Program. Layer: solver.
// Not part of the public API.
#pragma once

#include "solver/compile/lower.hpp"

namespace sdw::compile::detail {

Program emitProgram(const ExpandedModel& model, const Resolver& resolver, const Ordering& ordering,
                    const SlotLayout& layout, const CompileOptions& options, Reporter& report);

}  // namespace sdw::compile::detail
