// Units checking (placeholder replaced below in this session's later commit). Layer: solver.
#include "solver/compile/compiler_impl.hpp"

namespace sdw::compile::detail {
void Compiler::checkUnits() {}
}  // namespace sdw::compile::detail
