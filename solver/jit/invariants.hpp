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
// override or array function) whose operands are slots the loop never writes (a state's value, which the
// loop sets at each step's end, counts as written) or results of earlier such
// instructions, write a slot nothing else in the step writes, and not be read before it is written in the
// step (which would read the previous step's value).
std::vector<bool> loopInvariant(const compile::CompiledModel& cm);

// By instruction of cm.m_stepProgram: true when the native Euler loop need compute it only at the steps it
// saves. Its value is wanted only in saved rows: not a stock, a derivative, a state's input, a random
// draw's, a value checked for NaN each step (a variable the user sees), nor read by the derivatives'
// program or by an instruction computed at every step. It must be a pure operation (as above) writing a
// slot nothing else writes, and read only slots written before it in the step (so computing it after the
// rest of the step reads the same values). Loop invariants (`once`) are not. A model's own variables are
// checked, so this is for values nobody checks: the link-score elements of loop scoring (at each saved
// time, not at each step in between).
std::vector<bool> savedOnly(const compile::CompiledModel& cm, const std::vector<bool>& once);

}  // namespace sdw::jit::detail
