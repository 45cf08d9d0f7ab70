// The XMILE equation language: recursive-descent parser (over tokenizer.hpp) with positions for diagnostics.
// Layer: solver. Depends on diag/ only.
#pragma once

#include <string>

#include "solver/diag/diagnostics.hpp"
#include "solver/equations/ast.hpp"

namespace sdw::equations {

inline constexpr int kMaxDepth = 1000;                // nesting beyond this is refused (E113)
inline constexpr size_t kMaxEquationBytes = 1 << 20;  // 1 MiB; longer equations are refused (E114)

// Parse `text`. Errors go to diags naming `where` (the variable) with 1-based columns; returns an empty Expr
// (root < 0) on error.
Expr parse(const std::string& text, const std::string& where, diag::Diagnostics& diags);

}  // namespace sdw::equations
