// Finding feedback loops: Tarjan's components, Johnson's circuits, Oliva's shortest independent loop set and
// the strongest-path search. Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/loop_search.hpp"

#include <algorithm>
#include <deque>
#include <set>

namespace sdw::analysis::detail {

namespace {

int target(const LoopGraph& g, int edge) {
    return g.nodeOf[static_cast<size_t>(g.varEdges[static_cast<size_t>(edge)].to)];
}

void sortUnique(std::vector<Cycle>& cycles) {
    for (auto& c : cycles) c = canonicalRotation(std::move(c));
    std::sort(cycles.begin(), cycles.end(), cycleLess);
    cycles.erase(std::unique(cycles.begin(), cycles.end()), cycles.end());
}

// Johnson (1975): circuits through `s` among nodes >= s of one component, with blocking so each is found
// once.
class Johnson {
  public:
    Johnson(const LoopGraph& g, const std::vector<int>& comp, size_t limit, size_t budget)
        : m_g(g), m_comp(comp), m_limit(limit), m_budget(budget) {
        const size_t n = g.nodes.size();
        m_blocked.assign(n, false);
        m_b.assign(n, {});
    }

    std::vector<Cycle> run(bool& exhausted) {
        for (size_t s = 0; s < m_g.nodes.size() && !done(); ++s) {
            m_s = static_cast<int>(s);
            for (size_t v = s; v < m_g.nodes.size(); ++v)
                if (m_comp[v] == m_comp[s]) {
                    m_blocked[v] = false;
                    m_b[v].clear();
                }
            circuit(m_s);
        }
        exhausted = m_steps > m_budget;
        return std::move(m_found);
    }

  private:
    bool done() const { return m_found.size() > m_limit || m_steps > m_budget; }
    bool inside(int w) const {
        return w >= m_s && m_comp[static_cast<size_t>(w)] == m_comp[static_cast<size_t>(m_s)];
    }

    void unblock(int u) {
        std::vector<int> todo = {u};
        while (!todo.empty()) {
            const int x = todo.back();
            todo.pop_back();
            if (!m_blocked[static_cast<size_t>(x)]) continue;
            m_blocked[static_cast<size_t>(x)] = false;
            for (int w : m_b[static_cast<size_t>(x)]) todo.push_back(w);
            m_b[static_cast<size_t>(x)].clear();
        }
    }

    bool circuit(int v) {
        bool found = false;
        m_stack.push_back(v);
        m_blocked[static_cast<size_t>(v)] = true;
        for (int k : m_g.out[static_cast<size_t>(v)]) {
            if (done()) break;
            ++m_steps;
            const int w = target(m_g, k);
            if (!inside(w)) continue;
            if (w == m_s) {
                m_found.push_back(m_stack);
                found = true;
            } else if (!m_blocked[static_cast<size_t>(w)] && circuit(w)) {
                found = true;
            }
        }
        if (found) {
            unblock(v);
        } else {
            for (int k : m_g.out[static_cast<size_t>(v)]) {
                const int w = target(m_g, k);
                if (!inside(w)) continue;
                auto& bw = m_b[static_cast<size_t>(w)];
                if (std::find(bw.begin(), bw.end(), v) == bw.end()) bw.push_back(v);
            }
        }
        m_stack.pop_back();
        return found;
    }

    const LoopGraph& m_g;
    const std::vector<int>& m_comp;
    size_t m_limit, m_budget, m_steps = 0;
    int m_s = 0;
    std::vector<bool> m_blocked;
    std::vector<std::vector<int>> m_b;
    std::vector<int> m_stack;
    std::vector<Cycle> m_found;
};

// The shortest path from `from` to every node of its component (breadth first, links in node order):
// parent by node, -1 where not reached.
std::vector<int> shortestPaths(const LoopGraph& g, const std::vector<int>& comp, int from) {
    std::vector<int> parent(g.nodes.size(), -1);
    std::vector<bool> seen(g.nodes.size(), false);
    std::deque<int> queue = {from};
    seen[static_cast<size_t>(from)] = true;
    while (!queue.empty()) {
        const int v = queue.front();
        queue.pop_front();
        for (int k : g.out[static_cast<size_t>(v)]) {
            const int w = target(g, k);
            if (seen[static_cast<size_t>(w)] ||
                comp[static_cast<size_t>(w)] != comp[static_cast<size_t>(from)])
                continue;
            seen[static_cast<size_t>(w)] = true;
            parent[static_cast<size_t>(w)] = v;
            queue.push_back(w);
        }
    }
    return parent;
}

// A link as the strongest-path walk follows it: its weight and the node it leads to, side by side (looking
// each up through the link's index was most of the walk's time).
struct Arc {
    double weight;
    int to;
};

// The strongest-path walk from one start node (Eberlein and Schoenberg 2020), along each node's arcs in
// order of weight.
class StrongestWalk {
  public:
    StrongestWalk(size_t nodes, const std::vector<std::vector<Arc>>& ordered, size_t budget)
        : m_ordered(ordered), m_budget(budget), m_best(nodes), m_visiting(nodes) {}

    void from(int start, CycleSet& found) {
        std::fill(m_best.begin(), m_best.end(), 0.0);
        std::fill(m_visiting.begin(), m_visiting.end(), char{0});
        m_steps = 0;
        m_target = start;
        visit(start, 1.0, found);
    }

  private:
    void visit(int v, double score, CycleSet& found) {
        if (++m_steps > m_budget) return;
        const auto vi = static_cast<size_t>(v);
        if (m_visiting[vi]) {
            if (v == m_target) record(found);
            return;
        }
        if (score < m_best[vi]) return;
        m_best[vi] = score;
        m_visiting[vi] = 1;
        m_stack.push_back(v);
        for (const Arc& a : m_ordered[vi]) {
            if (!(a.weight > 0)) break;  // sorted by weight: the rest are inactive links
            visit(a.to, score * a.weight, found);
        }
        m_stack.pop_back();
        m_visiting[vi] = 0;
    }

    // The loop on the stack, rotated to start from its smallest node, into `found` unless it is there.
    void record(CycleSet& found) {
        m_rotated.assign(m_stack.begin(), m_stack.end());
        std::rotate(m_rotated.begin(), std::min_element(m_rotated.begin(), m_rotated.end()), m_rotated.end());
        if (!found.count(m_rotated)) found.insert(m_rotated);
    }

    const std::vector<std::vector<Arc>>& m_ordered;
    size_t m_budget, m_steps = 0;
    Cycle m_rotated;
    int m_target = 0;
    std::vector<double> m_best;
    std::vector<char> m_visiting;
    std::vector<int> m_stack;
};

}  // namespace

Cycle canonicalRotation(Cycle c) {
    if (!c.empty()) std::rotate(c.begin(), std::min_element(c.begin(), c.end()), c.end());
    return c;
}

bool cycleLess(const Cycle& a, const Cycle& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::vector<int> components(const LoopGraph& g) {
    const size_t n = g.nodes.size();
    std::vector<int> index(n, -1), low(n, 0), comp(n, -1), stack;
    std::vector<bool> onStack(n, false);
    int counter = 0, comps = 0;
    // (node, next out-edge position) frames instead of recursion: a long chain must not exhaust the stack.
    std::vector<std::pair<int, size_t>> frames;
    for (size_t root = 0; root < n; ++root) {
        if (index[root] >= 0) continue;
        frames.push_back({static_cast<int>(root), 0});
        while (!frames.empty()) {
            auto& [v, pos] = frames.back();
            const auto vi = static_cast<size_t>(v);
            if (pos == 0 && index[vi] < 0) {
                index[vi] = low[vi] = counter++;
                stack.push_back(v);
                onStack[vi] = true;
            }
            if (pos < g.out[vi].size()) {
                const int w = target(g, g.out[vi][pos++]);
                const auto wi = static_cast<size_t>(w);
                if (index[wi] < 0)
                    frames.push_back({w, 0});
                else if (onStack[wi])
                    low[vi] = std::min(low[vi], index[wi]);
                continue;
            }
            if (low[vi] == index[vi]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[static_cast<size_t>(w)] = false;
                    comp[static_cast<size_t>(w)] = comps;
                } while (w != v);
                ++comps;
            }
            const int done = v;
            frames.pop_back();
            if (!frames.empty()) {
                const auto p = static_cast<size_t>(frames.back().first);
                low[p] = std::min(low[p], low[static_cast<size_t>(done)]);
            }
        }
    }
    return comp;
}

std::vector<Cycle> allCycles(const LoopGraph& g, size_t limit, size_t budget, bool& exhausted) {
    const std::vector<int> comp = components(g);
    std::vector<Cycle> cycles = Johnson(g, comp, limit, budget).run(exhausted);
    sortUnique(cycles);
    return cycles;
}

std::vector<Cycle> shortestIndependentLoops(const LoopGraph& g) {
    const std::vector<int> comp = components(g);
    std::vector<Cycle> candidates;
    for (size_t v = 0; v < g.nodes.size(); ++v) {
        const std::vector<int> parent = shortestPaths(g, comp, static_cast<int>(v));
        // For each link u -> v inside the component: the loop u -> v -> ... -> u.
        for (size_t u = 0; u < g.nodes.size(); ++u) {
            if (comp[u] != comp[v] || g.varEdge(static_cast<int>(u), static_cast<int>(v)) < 0) continue;
            if (u != v && parent[u] < 0) continue;
            Cycle c;
            for (int x = static_cast<int>(u); x != static_cast<int>(v); x = parent[static_cast<size_t>(x)])
                c.push_back(x);
            c.push_back(static_cast<int>(v));
            std::reverse(c.begin(), c.end());  // v ... u, then back to v
            candidates.push_back(std::move(c));
        }
    }
    sortUnique(candidates);
    std::set<std::pair<int, int>> covered;
    std::vector<Cycle> kept;
    for (const Cycle& c : candidates) {
        bool adds = false;
        for (size_t k = 0; k < c.size(); ++k) adds |= !covered.count({c[k], c[(k + 1) % c.size()]});
        if (!adds) continue;
        for (size_t k = 0; k < c.size(); ++k) covered.insert({c[k], c[(k + 1) % c.size()]});
        kept.push_back(c);
    }
    return kept;
}

void strongestLoopsInto(const LoopGraph& g, const std::vector<double>& weight, const std::vector<bool>& start,
                        size_t budget, CycleSet& found) {
    std::vector<std::vector<Arc>> ordered(g.nodes.size());
    for (size_t v = 0; v < g.nodes.size(); ++v) {
        for (int k : g.out[v]) ordered[v].push_back({weight[static_cast<size_t>(k)], target(g, k)});
        std::stable_sort(ordered[v].begin(), ordered[v].end(),
                         [](const Arc& a, const Arc& b) { return a.weight > b.weight; });
    }
    StrongestWalk walk(g.nodes.size(), ordered, budget);
    for (size_t s = 0; s < g.nodes.size(); ++s)
        if (start[s]) walk.from(static_cast<int>(s), found);
}

bool scoresMoved(const std::vector<double>& now, const std::vector<double>& before, double factor) {
    if (now.size() != before.size()) return true;
    for (size_t k = 0; k < now.size(); ++k) {
        const double a = now[k], b = before[k];
        if ((a == 0) != (b == 0) || factor * std::min(a, b) < std::max(a, b)) return true;
    }
    return false;
}

std::vector<Cycle> strongestLoops(const LoopGraph& g, const std::vector<double>& weight,
                                  const std::vector<bool>& start, size_t budget) {
    CycleSet found;
    strongestLoopsInto(g, weight, start, budget, found);
    std::vector<Cycle> out(found.begin(), found.end());
    std::sort(out.begin(), out.end(), cycleLess);
    return out;
}

}  // namespace sdw::analysis::detail
