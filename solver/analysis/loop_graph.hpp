// The causal graph behind loop analysis, built from the compiler's expanded model: which element each value
// is computed from (auxiliary links, flow-to-stock links, a smooth's or delay's internal stocks), grouped
// into nodes, and the variables' graph that loops are found in. Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "solver/compile/resolve.hpp"

namespace sdw::analysis::detail {

using compile::detail::ExpandedModel;
using compile::detail::Resolver;

// The sign of an effect: none (no effect), positive, negative, or one that cannot be told from the equation.
enum class Sign : uint8_t { None, Positive, Negative, Unknown };
Sign combine(Sign a, Sign b);  // two effects on one value added together
Sign times(Sign a, Sign b);    // one effect passed through another
Sign flip(Sign a);

// A node of the causal graph: the elements of one variable (ordinal -1; an arrayed variable is one node, its
// elements aggregated), or one internal element of it that its SMOOTH, DELAY, TREND or macro made (the
// ordinal-th found from its equation; the same ordinal in every element of an arrayed variable).
struct Group {
    int var = -1;
    int ordinal = -1;
    std::vector<int> elements;
};

// `to`'s elements that read `from`'s (targets), and the sign of the effect.
struct GroupEdge {
    int from = -1, to = -1;
    Sign sign = Sign::None;
    std::vector<int> targets;
};

// A link between two of the user's variables: one or more chains of group edges (through the internal nodes
// of `to`), each a way `from` reaches `to`.
struct VarEdge {
    int from = -1, to = -1;  // variable indices (SymbolTable::vars)
    Sign sign = Sign::None;
    std::vector<std::vector<int>> paths;  // group edge indices, from `from` to `to`
    bool truncated = false;               // more paths than kMaxPaths: the first ones kept
};

struct LoopGraph {
    static constexpr size_t kMaxPaths = 64;

    std::vector<Group> groups;
    std::vector<int> groupOf;     // by element; -1 for constants, tables and unused internal elements
    std::vector<int> stateInput;  // by element: the input a DELAY or PREVIOUS state records, else -1
    std::vector<GroupEdge> edges;
    std::vector<VarEdge> varEdges;      // by (from, to) in node order
    std::vector<int> nodes;             // the variables with links, sorted by canonical name
    std::vector<int> nodeOf;            // by variable: its index in nodes, or -1
    std::vector<std::vector<int>> out;  // by node: its var edges, by target node

    int varEdge(int fromNode, int toNode) const;  // index in varEdges, or -1
};

// The elements element `e`'s value is computed from during a run (not its initial value): its equation's
// references, a stock's flows or net flow, a state's input. Constants and `e` itself are left out.
std::vector<int> elementInputs(const ExpandedModel& model, const Resolver& resolver,
                               const std::vector<int>& stateInput, int e);

LoopGraph buildLoopGraph(const ExpandedModel& model, const Resolver& resolver);

}  // namespace sdw::analysis::detail
