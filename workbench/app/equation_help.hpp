// Help while typing an equation: the built-in function the cursor is inside, with its arguments and what it
// does ("SMTH1(input, averaging time [, initial]): ..."), for every function the engine knows
// (equations::allBuiltins). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <cstddef>
#include <string>

namespace sdw::app {

struct FunctionHelp {
    const char* name;       // canonical, as the engine's table
    const char* signature;  // "SMTH1(input, averaging time [, initial])"
    const char* summary;
};

// Null when `canonical` is no built-in sdw documents.
const FunctionHelp* functionHelp(const std::string& canonical);
// "SIGNATURE: summary" of the innermost built-in call whose parentheses hold byte `cursor` of `equation`
// (or whose name the cursor is on); "" when there is none.
std::string helpAt(const std::string& equation, size_t cursor);

}  // namespace sdw::app
