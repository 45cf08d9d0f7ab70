// The arguments of Vensim's array functions (VECTOR SELECT / ELM MAP / SORT ORDER / RANK / REORDER, ALLOCATE
// AVAILABLE / BY PRIORITY, INVERT MATRIX) as whole vectors, shared by the order and program stages.
// Layer: solver (compile internals; not public API).
#pragma once

#include <string>
#include <vector>

#include "solver/compile/order.hpp"

namespace sdw::compile::detail {

// How many trailing dimensions of the first argument make the vector: Vensim works along the last subscript,
// INVERT MATRIX along the last two.
int trailingOf(const std::string& function);

// `arg` (a variable reference) with its last `trailing` subscripts made wildcards, into `out`: the whole
// vector or matrix it names, row by row. False when `arg` is no arrayed variable of that many dimensions.
bool wholeArray(const SymbolTable& symbols, const Element& element, const equations::Expr& e, int arg,
                int trailing, equations::Expr& out);

// The elements an array function call (node `node`) reads: its vectors whole, its other arguments as usual.
void collectArrayDependencies(const Resolver& resolver, const ExpandedModel& model, int element,
                              const equations::Expr& e, int node, Phase phase,
                              const std::vector<Binding>& extra, std::vector<int>& out);

}  // namespace sdw::compile::detail
