// Compile stage 8, assembly: ExpandedModel + SlotLayout + Program -> CompiledModel, with the result columns,
// slot names and initial values. Layer: solver (compile internals; not public API).
#pragma once

#include <memory>

#include "solver/compile/layout.hpp"
#include "solver/compile/program.hpp"

// Columns: time, then every user-visible element in model order; internal elements are neither columns nor
// names a caller can look up.
namespace sdw::compile::detail {

std::shared_ptr<CompiledModel> assemble(const ExpandedModel& model, const SlotLayout& layout, Program program,
                                        const model::Project& project);

}  // namespace sdw::compile::detail
