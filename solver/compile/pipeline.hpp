// The compiler's stages in two halves, for callers that transform the expanded model in between (the loop
// analysis adds its link-score elements there): the front (symbols -> elements -> expansion) and the back
// (order -> layout -> program -> assembly, with the unit check). Layer: solver. Not part of the public API.
#pragma once

#include <memory>
#include <optional>

#include "solver/compile/expand.hpp"

namespace sdw::compile::detail {

// The project's expanded model; nullopt when a stage reported an error (the sim specs' checks included).
// With keepGoing, a model whose only errors are in single equations is still returned (those elements stand
// as 0) so that the back half can look for more; `report.failed()` then says it must not be run.
std::optional<ExpandedModel> expandProject(const model::Project& project, const CompileOptions& options,
                                           Reporter& report, bool keepGoing = false);

// The compiled model of an expanded one; null when a stage reported an error.
std::shared_ptr<const CompiledModel> compileExpanded(const ExpandedModel& model,
                                                     const model::Project& project,
                                                     const CompileOptions& options, Reporter& report);

}  // namespace sdw::compile::detail
