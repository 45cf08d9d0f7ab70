// Compile stage 4: Kahn's algorithm over the elements each phase computes; a cycle is reported with every
// name on it. Layer: solver.
#include "solver/compile/order.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "solver/compile/array_args.hpp"
#include "solver/equations/builtins.hpp"

namespace sdw::compile::detail {
namespace {

using equations::NodeKind;

bool computedIn(const Element& s, Phase phase) {
    return phase == Phase::Init || (s.kind != ElementKind::Stock && s.kind != ElementKind::State);
}

std::vector<int> dependencies(const ExpandedModel& model, const Resolver& resolver, int element,
                              Phase phase) {
    std::vector<int> deps;
    const Element& s = model.element(element);
    if (!s.expr.empty()) collectDependencies(resolver, element, s.expr, s.expr.root, phase, {}, deps);
    return deps;
}

// The names on one cycle among the elements Kahn's algorithm could not order, for the message.
std::string cycleNames(const ExpandedModel& model, const Resolver& resolver, const std::vector<int>& pending,
                       Phase phase, int& start) {
    std::set<int> stuck;
    for (size_t i = 0; i < pending.size(); ++i)
        if (pending[i] > 0) stuck.insert(static_cast<int>(i));
    // Walk from a pending element along pending dependencies until an element repeats.
    int cur = *stuck.begin();
    std::vector<int> path;
    std::map<int, size_t> seen;
    while (!seen.count(cur)) {
        seen[cur] = path.size();
        path.push_back(cur);
        int next = -1;
        for (int d : dependencies(model, resolver, cur, phase))
            if (stuck.count(d)) next = d;
        if (next < 0) break;
        cur = next;
    }
    start = cur;
    std::string names, first;
    for (size_t k = seen.count(cur) ? seen[cur] : 0; k < path.size(); ++k) {
        const Element& s = model.element(path[k]);
        const std::string nm = !s.internal || s.var < 0 ? s.display : model.symbols.var(s.var).display;
        if (!names.empty()) names += " -> ";
        names += nm;
        if (first.empty()) first = nm;
    }
    return names + " -> " + first;
}

std::optional<std::vector<int>> order(const ExpandedModel& model, const Resolver& resolver, Phase phase,
                                      Reporter& report) {
    const size_t n = model.elements.size();
    std::vector<std::vector<int>> users(n);
    std::vector<int> pending(n, 0);
    size_t active = 0;
    for (size_t i = 0; i < n; ++i) {
        const Element& s = model.elements[i];
        if (!computedIn(s, phase)) continue;
        ++active;
        std::vector<int> deps = dependencies(model, resolver, static_cast<int>(i), phase);
        std::sort(deps.begin(), deps.end());
        deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
        for (int d : deps) {
            if (d == static_cast<int>(i)) {
                report.addOnce(problemAt(model.symbols, s, diag::code::kCircular,
                                         "'" + s.display + "' is defined in terms of itself"));
                return std::nullopt;
            }
            if (!computedIn(model.element(d), phase)) continue;
            users[static_cast<size_t>(d)].push_back(static_cast<int>(i));
            ++pending[i];
        }
    }
    std::vector<int> ready, out;
    for (size_t i = n; i-- > 0;)
        if (computedIn(model.elements[i], phase) && pending[i] == 0) ready.push_back(static_cast<int>(i));
    while (!ready.empty()) {
        const int i = ready.back();
        ready.pop_back();
        out.push_back(i);
        for (int u : users[static_cast<size_t>(i)])
            if (--pending[static_cast<size_t>(u)] == 0) ready.push_back(u);
    }
    if (out.size() == active) return out;
    int start = -1;
    const std::string names = cycleNames(model, resolver, pending, phase, start);
    report.addOnce(problemAt(model.symbols, model.element(start), diag::code::kCircular,
                             std::string(phase == Phase::Init ? "initial values form a loop: "
                                                              : "algebraic loop (no stock on it): ") +
                                 names + ". Break it with a stock or a delay."));
    return std::nullopt;
}

}  // namespace

void collectDependencies(const Resolver& resolver, int element, const equations::Expr& e, int node,
                         Phase phase, const std::vector<Binding>& extra, std::vector<int>& out) {
    const equations::Node& n = e.at(node);
    auto each = [&](const std::vector<Binding>& bindings) {
        for (int a : n.args) collectDependencies(resolver, element, e, a, phase, bindings, out);
    };
    switch (n.kind) {
        case NodeKind::Number:
        case NodeKind::DimPosition:
        case NodeKind::SubStar:
            return;
        case NodeKind::Name:
        case NodeKind::ElementRef:
            for (int s : resolver.resolve(element, e, node, extra)) out.push_back(s);
            return;
        case NodeKind::Call:
            break;
        default:
            return each(extra);
    }
    const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
    if (!b) return each(extra);
    if (n.name == "init") {
        if (phase == Phase::Init && !n.args.empty())
            collectDependencies(resolver, element, e, n.args[0], phase, extra, out);
    } else if (n.name == "active_initial" && n.args.size() == 2) {
        collectDependencies(resolver, element, e, n.args[phase == Phase::Init ? 1 : 0], phase, extra, out);
    } else if (b->kind == equations::BuiltinKind::Reduce ||
               (b->kind == equations::BuiltinKind::MinMax && n.args.size() == 1)) {
        if (n.args.empty()) return;
        for (const auto& combo : resolver.wildcardCombos(element, e, n.args[0], extra))
            collectDependencies(resolver, element, e, n.args[0], phase, combo, out);
    } else if (b->kind == equations::BuiltinKind::Lookup) {  // LOOKUP and its Vensim readings
        if (n.args.size() == 2) collectDependencies(resolver, element, e, n.args[1], phase, extra, out);
    } else if (b->kind == equations::BuiltinKind::ArrayFn) {
        collectArrayDependencies(resolver, resolver.model(), element, e, node, phase, extra, out);
    } else {
        each(extra);
    }
}

std::optional<Ordering> orderEquations(const ExpandedModel& model, const Resolver& resolver,
                                       Reporter& report) {
    Ordering ordering;
    auto init = order(model, resolver, Phase::Init, report);
    if (!init) return std::nullopt;
    auto flow = order(model, resolver, Phase::Flow, report);
    if (!flow) return std::nullopt;
    ordering.init = std::move(*init);
    ordering.flow = std::move(*flow);
    return ordering;
}

Ordering unorderedForChecks(const ExpandedModel& model) {
    Ordering all;
    for (size_t i = 0; i < model.elements.size(); ++i) {
        all.init.push_back(static_cast<int>(i));
        if (computedIn(model.elements[i], Phase::Flow)) all.flow.push_back(static_cast<int>(i));
    }
    return all;
}

}  // namespace sdw::compile::detail
