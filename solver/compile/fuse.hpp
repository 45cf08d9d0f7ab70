// Peephole fusion of two arithmetic instructions through a single-use temporary. Layer: solver.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::compile {

// Rewrites the programs in place; slots at or above firstTemp are temporaries, `pinned` ones keep their value
// across evaluations and are never fused away. Returns how many pairs were fused.
size_t fuseArithmetic(CompiledModel& cm, uint32_t firstTemp, const std::vector<bool>& pinned,
                      const std::vector<std::vector<Instr>*>& programs);

}  // namespace sdw::compile
