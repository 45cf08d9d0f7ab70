// Compile stage 6, the program: ExpandedModel + Ordering + SlotLayout (read only) -> Program.
// Layer: solver (compile internals; not public API).
#pragma once

#include "solver/compile/lower.hpp"

// Each element's equation is lowered in dependency order into the initial and the per-step programs, with
// the non-negative clamps and hook overrides, then each stock's net flow; the result is fused.
namespace sdw::compile::detail {

Program emitProgram(const ExpandedModel& model, const Resolver& resolver, const Ordering& ordering,
                    const SlotLayout& layout, const CompileOptions& options, Reporter& report);

}  // namespace sdw::compile::detail
