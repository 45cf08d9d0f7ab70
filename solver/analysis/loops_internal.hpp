// What listing loops and scoring them share: the model expanded as the compiler expands it, the loops found
// in its causal graph, and the list a user sees. Layer: solver (analysis). Not part of the public API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solver/analysis/loop_search.hpp"
#include "solver/analysis/loops.hpp"

namespace sdw::analysis::detail {

// The model as the compiler expands it; nullopt when it does not compile (the errors, and any warning, in
// diags: what `sdw check` reports).
std::optional<ExpandedModel> expandForLoops(const model::Project& project, diag::Diagnostics& diags,
                                            const LoopOptions& options);

struct FoundCycles {
    std::vector<Cycle> cycles;
    bool complete = true;  // false: more than options.maxLoops, cycles holds the shortest independent set
    std::string rule;
};
FoundCycles findCycles(const LoopGraph& g, const LoopOptions& options);
// When `f` is a bounded set: adds the loops `project` names that it lacks (still loops of the model), after
// the others, so a named loop is always listed and scored.
void addNamedCycles(FoundCycles& f, const ExpandedModel& m, const LoopGraph& g,
                    const model::Project& project);

// The loops as a user sees them, numbered from `firstNumber` in the order given, with the model's names.
std::vector<Loop> makeLoops(const ExpandedModel& m, const LoopGraph& g, const std::vector<Cycle>& cycles,
                            size_t firstNumber);
// Names the model stores put on the loops they name; notes on names whose loop is not listed.
void applyNames(LoopList& list, const model::Project& project);

// By node: its variable holds a stock (its own or a SMOOTH's or DELAY's).
std::vector<bool> stockNodes(const ExpandedModel& m, const LoopGraph& g);

}  // namespace sdw::analysis::detail
