// Vensim's array functions evaluated at run time: VECTOR SELECT, VECTOR ELM MAP, VECTOR SORT ORDER, VECTOR
// RANK, VECTOR REORDER, ALLOCATE AVAILABLE, ALLOCATE BY PRIORITY and INVERT MATRIX. Layer: solver. Depends on
// compile/'s instruction codes only.
#pragma once

#include <cstdint>

#include "solver/compile/compiled_model.hpp"

namespace sdw::sim {

// The value of one element of `fn` (an ArrayFn code). `list` holds `count` slots of `s`, laid out as:
//   VectorSortOrder, VectorRank:  position, direction, v[0..n)
//   VectorElmMap:                 base position, offset, v[0..n)
//   VectorSelect:                 missing value, numerical action, error action, selection[0..n), x[0..n)
//   AllocateAvailable:            position, available, request[0..n), profile[0..4n) (type, priority,
//                                 width, extra for each target)
//   AllocateByPriority:           position, width, supply, request[0..n), priority[0..n)
//   VectorReorder:                position, v[0..n), order[0..n) (element pos gets v[order[pos]])
//   InvertMatrix:                 position (row * n + column), m[0..n*n) row by row
// Positions are 0-based element indices. A result Vensim would refuse (a singular matrix, an offset outside
// the vector, an unknown profile type, a selection its error action forbids) is NaN, so the run stops
// naming the variable and the time.
double arrayFunction(compile::Fn fn, const double* s, const uint32_t* list, uint32_t count);

}  // namespace sdw::sim
