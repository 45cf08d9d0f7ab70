// Compile stage 8, assembly: the CompiledModel the simulator runs, from the program and the layout, with the
// result columns (time, then every user-visible element in model order), slot names and initial values.
// Input: the ExpandedModel, SlotLayout and Program; output: a CompiledModel. Layer: solver.
// Not part of the public API.
#pragma once

#include <memory>

#include "solver/compile/layout.hpp"
#include "solver/compile/program.hpp"

namespace sdw::compile::detail {

std::shared_ptr<CompiledModel> assemble(const ExpandedModel& model, const SlotLayout& layout, Program program,
                                        const model::Project& project);

}  // namespace sdw::compile::detail
