// Finding feedback loops in the variables' graph: every loop (Johnson 1975) up to a bound, the shortest
// independent loop set (Oliva 2004) beyond it, and the strongest loops at one time by link score (Eberlein
// and Schoenberg 2020). Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <cstddef>
#include <unordered_set>
#include <vector>

#include "solver/analysis/loop_graph.hpp"

namespace sdw::analysis::detail {

// A loop as node indices in causal order (each node's variable affects the next, the last the first),
// starting from its smallest index. Nodes are numbered in the order of their canonical names, so this order
// and cycleLess() depend on the model's content only, never on the order of its file.
using Cycle = std::vector<int>;

// Rotated to start from its smallest node.
Cycle canonicalRotation(Cycle c);
// Shorter first, then by node sequence (by canonical names).
bool cycleLess(const Cycle& a, const Cycle& b);

// Strongly connected components of the variables' graph: component index by node (Tarjan, iterative).
std::vector<int> components(const LoopGraph& g);

// Every elementary circuit (Johnson's algorithm within each strongly connected component), sorted by
// cycleLess; stops after `limit` + 1 (the caller then knows there are more) or after `budget` steps of the
// search (then `exhausted` is set).
std::vector<Cycle> allCycles(const LoopGraph& g, size_t limit, size_t budget, bool& exhausted);

// The shortest independent loop set: for each link on a loop, the shortest loop through it (breadth first);
// these in cycleLess order, each kept when it has a link no loop kept before has. Every link on a loop is
// then on a kept loop. Time: one breadth-first search per node.
std::vector<Cycle> shortestIndependentLoops(const LoopGraph& g);

// The strongest-path search at one time: from each node `start` marks, a depth-first walk along links in
// order of weight (|link score|), abandoning a path weaker than the best seen at a node; every return to the
// start node is a loop. At most `budget` steps per start node. Sorted by cycleLess, without repeats.
std::vector<Cycle> strongestLoops(const LoopGraph& g, const std::vector<double>& weight,
                                  const std::vector<bool>& start, size_t budget);

// Whether link weights `now` differ from `before` enough to search again: some weight more than `factor`
// times the other or less than its 1/factor, or 0 in one and not the other (or the two differ in size).
bool scoresMoved(const std::vector<double>& now, const std::vector<double>& before, double factor);

// A loop's hash, for sets of loops in their canonical rotation.
struct CycleHash {
    size_t operator()(const Cycle& c) const {
        size_t h = c.size();
        for (int v : c) h = h * 1'000'003u ^ static_cast<size_t>(v);
        return h;
    }
};
using CycleSet = std::unordered_set<Cycle, CycleHash>;

// The same search, adding the loops it finds (in canonical rotation) to `found`: a loop found again (from
// another of its stocks, or at another time) is looked up without being copied or sorted.
void strongestLoopsInto(const LoopGraph& g, const std::vector<double>& weight, const std::vector<bool>& start,
                        size_t budget, CycleSet& found);

}  // namespace sdw::analysis::detail
