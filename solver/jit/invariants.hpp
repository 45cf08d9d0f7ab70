// Which instructions of the per-step program give the same value at every step of the native Euler loop
// (only constants and other such values in, no time, no random draw), so the loop computes them once when it
// starts instead of at every step: the same operation on the same operands, so the same bits.
// Layer: solver (jit internals). No GUI, no Lua.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/compile/compiled_model.hpp"

namespace sdw::jit::detail {

// By instruction of cm.m_stepProgram: true when it can run once before the loop. It must be a pure
// operation (arithmetic, built-in function, look-up, clamp, reduction: no time function, random draw,
// override or array function) whose operands are slots the loop never writes or results of earlier such
// instructions, write a slot nothing else in the step writes, and not be read before it is written in the
// step (which would read the previous step's value).
std::vector<bool> loopInvariant(const compile::CompiledModel& cm);

}  // namespace sdw::jit::detail
