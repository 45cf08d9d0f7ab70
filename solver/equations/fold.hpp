// Constant evaluation of a parsed equation, for readers that need a number before any model is compiled
// (the Vensim control section). The same expression language as the compiler: no second parser.
// Layer: solver. Depends on equations/ast only.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "solver/equations/ast.hpp"

namespace sdw::equations {

// The value of `e` when it is built only from numbers, names whose values `names` gives (canonical names),
// unary + and -, + - * / ^ and MOD, comparisons, AND/OR/NOT, IF THEN ELSE and the pure functions ABS, INT,
// SQRT, EXP, LN, LOG10, MOD, POWER, MIN and MAX. nullopt otherwise (an unknown name, any other function such
// as a time or random one, a subscript).
std::optional<double> foldConstant(const Expr& e, const std::map<std::string, double>& names);

}  // namespace sdw::equations
