// Vensim's array functions' vector arguments: a reference made whole over its trailing dimensions, and what
// the call reads for dependency ordering. Layer: solver.
#include "solver/compile/array_args.hpp"

#include "solver/compile/expand_internal.hpp"

namespace sdw::compile::detail {

int trailingOf(const std::string& function) {
    return function == "invert_matrix" ? 2 : 1;
}

bool wholeArray(const SymbolTable& symbols, const Element& element, const Expr& e, int arg, int trailing,
                Expr& out) {
    const Node& n = e.at(arg);
    if (n.kind != NodeKind::Name || n.name.empty() || n.name[0] == '#') return false;
    const int var = symbols.findVar(n.name, element.scope);
    if (var < 0) return false;
    const std::vector<int> dims = symbols.var(var).dims;
    if (static_cast<int>(dims.size()) < trailing || (n.subscripted && n.args.size() != dims.size()))
        return false;
    out.root = copyInto(out, e, arg);
    Node root = out.at(out.root);
    if (!root.subscripted) {  // a bare name: its own dimensions, bound by the equation's
        root.subscripted = true;
        for (int d : dims) {
            Node sub;
            sub.kind = NodeKind::Name;
            sub.name = symbols.dim(d).canonical;
            sub.text = symbols.dim(d).display;
            root.args.push_back(out.add(sub));
        }
    }
    for (size_t k = root.args.size() - static_cast<size_t>(trailing); k < root.args.size(); ++k) {
        const Node sub = out.at(root.args[k]);
        if (sub.kind == NodeKind::SubStar) continue;
        Node star;
        star.kind = NodeKind::SubStar;
        star.text = "*";
        star.pos = sub.pos;
        if (sub.kind == NodeKind::Name && symbols.findDim(sub.name) >= 0) star.name = sub.name;  // *:dim
        root.args[k] = out.add(star);
    }
    out.nodes[static_cast<size_t>(out.root)] = root;
    return true;
}

void collectArrayDependencies(const Resolver& resolver, const ExpandedModel& model, int element,
                              const Expr& e, int node, Phase phase, const std::vector<Binding>& extra,
                              std::vector<int>& out) {
    const Node& n = e.at(node);
    // Too few arguments is reported with the function's arity when the call is lowered; here the missing
    // ones are only skipped (reading past the argument list crashed `sdw check` on a typo).
    auto whole = [&](int k, int trailing) {
        Expr w;
        if (static_cast<size_t>(k) >= n.args.size()) return;
        if (!wholeArray(model.symbols, model.element(element), e, n.args[static_cast<size_t>(k)], trailing,
                        w))
            return;
        for (const auto& combo : resolver.wildcardCombos(element, w, w.root, extra))
            collectDependencies(resolver, element, w, w.root, phase, combo, out);
    };
    size_t first = 1;
    if (n.name == "vector_select" &&
        n.args.size() >= 2) {  // selection and values, element by element over the wildcards
        for (const auto& combo : resolver.wildcardCombos(element, e, {n.args[0], n.args[1]}, extra)) {
            collectDependencies(resolver, element, e, n.args[0], phase, combo, out);
            collectDependencies(resolver, element, e, n.args[1], phase, combo, out);
        }
        first = 2;
    } else {
        whole(0, trailingOf(n.name));
        if (n.name == "allocate_available" || n.name == "allocate_by_priority" ||
            n.name == "vector_reorder") {
            whole(1, n.name == "allocate_available" ? 2 : 1);
            first = 2;
        }
    }
    for (size_t k = first; k < n.args.size(); ++k)
        collectDependencies(resolver, element, e, n.args[k], phase, extra, out);
}

}  // namespace sdw::compile::detail
