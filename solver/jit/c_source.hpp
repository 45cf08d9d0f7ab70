// The compiled path's first half: a compiled model's per-step program written as C, one statement per
// instruction, with the same operations in the same order as the interpreter (no contraction, helpers
// shared with it for everything past one arithmetic operation). Layer: solver (jit internals).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/jit/native_code.hpp"

namespace sdw::jit::detail {

struct CSource {
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> rowHomes;  // (slot, column): values the loop keeps in the row
    std::string error;  // why there is no C (an operation the writer does not know); text is then empty
    size_t units = 1;   // translation units it can be compiled as (-DSDW_UNIT=0, 1, ...), in parallel
};

// The C for `options`: sdw_eval(slots, rt) or sdw_loop(loop, end), and a global `sdw_api` for the loader
// to point at the helpers (native_code.cpp). Lookup tables and random sites are read through rt's model.
CSource writeC(const compile::CompiledModel& cm, const NativeOptions& options);

}  // namespace sdw::jit::detail
