// The causal graph behind loop analysis: element inputs from the compiler's dependency walk, nodes (a
// variable's elements, or one internal element of it across its elements), their links with signs, and the
// links between the user's variables through a variable's internal nodes. Layer: solver (analysis).
#include "solver/analysis/loop_graph.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>

#include "solver/analysis/link_polarity.hpp"
#include "solver/compile/order.hpp"

namespace sdw::analysis::detail {

using compile::detail::Element;
using compile::detail::ElementKind;
using compile::detail::Phase;

namespace {

// An element that never changes during a run, or holds a table only: no node of the graph.
bool inert(const Element& s) {
    if (s.isConstant || !s.defined) return true;
    if (s.kind == ElementKind::Stock || s.kind == ElementKind::State) return false;
    return s.expr.empty();
}

class GraphBuilder {
  public:
    GraphBuilder(const ExpandedModel& model, const Resolver& resolver)
        : m_model(model), m_resolver(resolver) {}

    LoopGraph run() {
        const size_t n = m_model.elements.size();
        m_g.stateInput.assign(n, -1);
        for (const auto& link : m_model.states) m_g.stateInput[static_cast<size_t>(link.state)] = link.input;
        m_inputs.resize(n);
        for (size_t e = 0; e < n; ++e)
            m_inputs[e] = elementInputs(m_model, m_resolver, m_g.stateInput, static_cast<int>(e));
        groups();
        edges();
        varEdges();
        return std::move(m_g);
    }

  private:
    void groups();
    void edges();
    void varEdges();
    void pathsInto(int var, int group, std::vector<int>& path, std::vector<bool>& onPath,
                   std::map<int, VarEdge>& found);
    void nodes(const std::map<std::pair<int, int>, VarEdge>& all);

    const ExpandedModel& m_model;
    const Resolver& m_resolver;
    std::vector<std::vector<int>> m_inputs;
    std::vector<std::vector<int>> m_inEdges;  // by group: edge indices
    LoopGraph m_g;
};

// The user's variables each make one group of their elements; the internal elements an element's equation
// reaches (breadth first through its inputs) make groups numbered in the order they are met, the same in
// every element of an arrayed variable.
void GraphBuilder::groups() {
    const auto& syms = m_model.symbols;
    m_g.groupOf.assign(m_model.elements.size(), -1);
    std::map<std::pair<int, int>, int> byKey;
    for (size_t v = 0; v < syms.vars.size(); ++v) {
        const auto& var = syms.vars[v];
        if (var.internal || var.elementCount <= 0) continue;
        Group g{static_cast<int>(v), -1, {}};
        for (int k = 0; k < var.elementCount; ++k)
            if (!inert(m_model.element(var.firstElement + k))) g.elements.push_back(var.firstElement + k);
        if (g.elements.empty()) continue;
        for (int e : g.elements) m_g.groupOf[static_cast<size_t>(e)] = static_cast<int>(m_g.groups.size());
        m_g.groups.push_back(std::move(g));
    }
    const size_t users = m_g.groups.size();
    for (size_t u = 0; u < users; ++u) {
        for (int root : std::vector<int>(m_g.groups[u].elements)) {
            int ordinal = 0;
            std::deque<int> queue(m_inputs[static_cast<size_t>(root)].begin(),
                                  m_inputs[static_cast<size_t>(root)].end());
            while (!queue.empty()) {
                const int d = queue.front();
                queue.pop_front();
                const Element& s = m_model.element(d);
                if (!s.internal || m_g.groupOf[static_cast<size_t>(d)] >= 0) continue;
                const std::pair<int, int> key{m_g.groups[u].var, ordinal++};
                auto [it, added] = byKey.emplace(key, static_cast<int>(m_g.groups.size()));
                if (added) m_g.groups.push_back(Group{key.first, key.second, {}});
                m_g.groups[static_cast<size_t>(it->second)].elements.push_back(d);
                m_g.groupOf[static_cast<size_t>(d)] = it->second;
                for (int i : m_inputs[static_cast<size_t>(d)]) queue.push_back(i);
            }
        }
    }
}

// One edge per pair of groups an element links, with the elements of the target that read the source and
// the sign of the effect (combined over those elements: an array whose elements disagree is unknown).
void GraphBuilder::edges() {
    std::map<std::pair<int, int>, int> byPair;
    for (size_t t = 0; t < m_inputs.size(); ++t) {
        const int to = m_g.groupOf[t];
        if (to < 0) continue;
        for (int d : m_inputs[t]) {
            const int from = m_g.groupOf[static_cast<size_t>(d)];
            if (from < 0 || from == to) continue;
            auto [it, added] = byPair.emplace(std::pair{from, to}, static_cast<int>(m_g.edges.size()));
            if (added) m_g.edges.push_back(GroupEdge{from, to, Sign::None, {}});
            auto& targets = m_g.edges[static_cast<size_t>(it->second)].targets;
            if (targets.empty() || targets.back() != static_cast<int>(t))
                targets.push_back(static_cast<int>(t));
        }
    }
    m_inEdges.assign(m_g.groups.size(), {});
    for (size_t k = 0; k < m_g.edges.size(); ++k) {
        GroupEdge& edge = m_g.edges[k];
        const auto isSource = [&](int el) { return m_g.groupOf[static_cast<size_t>(el)] == edge.from; };
        for (int t : edge.targets)
            edge.sign = combine(edge.sign, elementSign(m_model, m_resolver, m_g.stateInput, t, isSource));
        if (edge.sign == Sign::None) edge.sign = Sign::Unknown;  // read, but to no effect we can tell
        m_inEdges[static_cast<size_t>(edge.to)].push_back(static_cast<int>(k));
    }
}

// Every way into variable `var`'s own group from another variable's (or its own) group, through `var`'s
// internal groups: depth first backwards from `group`.
void GraphBuilder::pathsInto(int var, int group, std::vector<int>& path, std::vector<bool>& onPath,
                             std::map<int, VarEdge>& found) {
    for (int k : m_inEdges[static_cast<size_t>(group)]) {
        const Group& from = m_g.groups[static_cast<size_t>(m_g.edges[static_cast<size_t>(k)].from)];
        path.push_back(k);
        if (from.ordinal < 0) {
            VarEdge& ve = found[from.var];
            ve.from = from.var;
            ve.to = var;
            if (ve.paths.size() < LoopGraph::kMaxPaths) {
                Sign s = Sign::Positive;
                for (int p : path) s = times(s, m_g.edges[static_cast<size_t>(p)].sign);
                ve.sign = ve.paths.empty() ? s : combine(ve.sign, s);
                ve.paths.emplace_back(path.rbegin(), path.rend());
            } else {
                ve.truncated = true;
            }
        } else if (from.var == var && !onPath[static_cast<size_t>(m_g.edges[static_cast<size_t>(k)].from)]) {
            const int f = m_g.edges[static_cast<size_t>(k)].from;
            onPath[static_cast<size_t>(f)] = true;
            pathsInto(var, f, path, onPath, found);
            onPath[static_cast<size_t>(f)] = false;
        }
        path.pop_back();
    }
}

void GraphBuilder::varEdges() {
    std::map<std::pair<int, int>, VarEdge> all;
    std::vector<bool> onPath(m_g.groups.size(), false);
    for (size_t g = 0; g < m_g.groups.size(); ++g) {
        if (m_g.groups[g].ordinal >= 0) continue;
        std::map<int, VarEdge> found;
        std::vector<int> path;
        onPath[g] = true;
        pathsInto(m_g.groups[g].var, static_cast<int>(g), path, onPath, found);
        onPath[g] = false;
        for (auto& [from, ve] : found) all[{from, ve.to}] = std::move(ve);
    }
    nodes(all);
}

// Nodes in the order of their canonical names, so that what follows from them does not depend on the
// order of the model file.
void GraphBuilder::nodes(const std::map<std::pair<int, int>, VarEdge>& all) {
    const auto& syms = m_model.symbols;
    std::vector<bool> linked(syms.vars.size(), false);
    for (const auto& [key, ve] : all)
        linked[static_cast<size_t>(key.first)] = linked[static_cast<size_t>(key.second)] = true;
    for (size_t v = 0; v < syms.vars.size(); ++v)
        if (linked[v]) m_g.nodes.push_back(static_cast<int>(v));
    std::sort(m_g.nodes.begin(), m_g.nodes.end(),
              [&](int a, int b) { return syms.var(a).canonical < syms.var(b).canonical; });
    m_g.nodeOf.assign(syms.vars.size(), -1);
    for (size_t i = 0; i < m_g.nodes.size(); ++i)
        m_g.nodeOf[static_cast<size_t>(m_g.nodes[i])] = static_cast<int>(i);
    std::vector<const VarEdge*> sorted;
    for (const auto& [key, ve] : all) sorted.push_back(&ve);
    std::sort(sorted.begin(), sorted.end(), [&](const VarEdge* a, const VarEdge* b) {
        const int af = m_g.nodeOf[static_cast<size_t>(a->from)],
                  bf = m_g.nodeOf[static_cast<size_t>(b->from)];
        return af != bf ? af < bf
                        : m_g.nodeOf[static_cast<size_t>(a->to)] < m_g.nodeOf[static_cast<size_t>(b->to)];
    });
    m_g.out.assign(m_g.nodes.size(), {});
    for (const VarEdge* ve : sorted) {
        m_g.out[static_cast<size_t>(m_g.nodeOf[static_cast<size_t>(ve->from)])].push_back(
            static_cast<int>(m_g.varEdges.size()));
        m_g.varEdges.push_back(*ve);
    }
}

}  // namespace

int LoopGraph::varEdge(int fromNode, int toNode) const {
    for (int k : out[static_cast<size_t>(fromNode)])
        if (nodeOf[static_cast<size_t>(varEdges[static_cast<size_t>(k)].to)] == toNode) return k;
    return -1;
}

std::vector<int> elementInputs(const ExpandedModel& model, const Resolver& resolver,
                               const std::vector<int>& stateInput, int e) {
    const Element& s = model.element(e);
    std::vector<int> in;
    if (inert(s)) return in;
    if (s.kind == ElementKind::Stock) {
        if (!s.rate.empty()) {
            compile::detail::collectDependencies(resolver, e, s.rate, s.rate.root, Phase::Flow, {}, in);
        } else {
            in = s.inflows;
            in.insert(in.end(), s.outflows.begin(), s.outflows.end());
        }
    } else if (s.kind == ElementKind::State) {
        if (stateInput[static_cast<size_t>(e)] >= 0) in.push_back(stateInput[static_cast<size_t>(e)]);
    } else {
        compile::detail::collectDependencies(resolver, e, s.expr, s.expr.root, Phase::Flow, {}, in);
    }
    std::sort(in.begin(), in.end());
    in.erase(std::unique(in.begin(), in.end()), in.end());
    std::erase_if(in, [&](int d) { return d == e || inert(model.element(d)); });
    return in;
}

LoopGraph buildLoopGraph(const ExpandedModel& model, const Resolver& resolver) {
    return GraphBuilder(model, resolver).run();
}

}  // namespace sdw::analysis::detail
