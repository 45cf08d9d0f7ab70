// Compile stage 7, fusion: two arithmetic instructions through a single-use temporary become one.
// Input and output: a Program. Layer: solver.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/program.hpp"

namespace sdw::compile::detail {

// Rewrites the initial, per-step and derivative programs in place; slots from program.firstTemp are
// temporaries, pinned ones keep their value across evaluations and are never fused away. Returns how many
// pairs were fused.
size_t fuseArithmetic(Program& program);

}  // namespace sdw::compile::detail
