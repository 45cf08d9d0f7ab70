// Loops found again in the optimised C: a run of statements that repeats a block of the same shape with
// every slot or row index moving by a fixed stride (a model of many alike units: ages, places, a chain) is
// written as one C loop over the block. Same statements in the same order, so the same bits, in a fraction
// of the code (straight-line code of ten thousand statements runs from L2, not the instruction cache, and
// takes gcc seconds). Layer: solver (jit internals). No GUI, no Lua.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace sdw::jit::detail {

// The statements (each the C of one instruction, as c_source.cpp writes it: indices only as R[n] and S[n])
// with every run of at least kMinRepeats alike blocks (of at most kMaxBlock statements) replaced by one
// `for` statement over the block. `temporary` (when given) says which slots nothing outside these statements
// reads: one written in a block and read only after it in the same copy becomes a local of the loop's body
// (a register, not a store).
constexpr size_t kMinRepeats = 4;
constexpr size_t kMaxBlock = 64;
std::vector<std::string> reroll(const std::vector<std::string>& statements,
                                const std::function<bool(long)>& temporary = {});

}  // namespace sdw::jit::detail
