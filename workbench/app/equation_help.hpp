// Help while typing an equation: the built-in function the cursor is inside, with its arguments and what it
// does ("SMTH1(input, averaging time [, initial]): ..."), for every function the engine knows
// (equations::allBuiltins). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

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

// Completing the name being typed: the word before `cursor` (letters, digits, underscores) from byte `start`,
// and what it could become: the model's variables as an equation writes them (spaces as underscores), those
// beginning with it first, then built-in functions beginning with it ("SMTH1(", with its opening
// parenthesis, so the help for its arguments shows at once), then variables containing it; each group in
// alphabetical order, at most `max` in all. None when the word is empty, starts with a digit, or is already a
// whole name of `names`.
struct Completion {
    size_t start = 0;
    std::string word;
    std::vector<std::string> names;  // what Tab would put in the word's place
    std::vector<std::string> shown;  // how each reads in the help: a function with its arguments
};
Completion completeAt(const std::vector<std::string>& names, const std::string& equation, size_t cursor,
                      size_t max = 6);

// The help line for a completion: "Tab: SMTH1(input, averaging time [, initial])  or SMTH3, SMTHN" (the first
// as `shown`, the others by name); "" when there is nothing to complete.
std::string completionLine(const Completion& c);

}  // namespace sdw::app
