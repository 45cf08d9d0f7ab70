// Name resolution: apply-to-all and per-element references, explicit and implied wildcards, @n positions,
// transposes, mapped dimensions and subranges. Layer: solver.
#include "solver/compile/resolve.hpp"

#include <algorithm>
#include <cmath>

#include "solver/diag/near_name.hpp"
#include "solver/equations/builtins.hpp"

namespace sdw::compile::detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

namespace {

void fail(Problem* problem, const char* code, std::string message, int pos) {
    if (problem && !problem->code) *problem = {code, std::move(message), pos};
}

}  // namespace

// What choosing the elements of one reference needs: the element being computed, the variable referred to,
// the reference node, and the bindings it sees.
struct Resolver::Site {
    const Element& self;
    const VarInfo& var;
    const Expr& e;
    const Node& n;
    const std::vector<Binding>& extra;
    std::vector<Binding> bindings;
    bool transposed;  // x': its j-th subscript or position is dimension n-1-j
};

std::vector<int> Resolver::resolve(int element, const Expr& e, int node, const std::vector<Binding>& extra,
                                   Problem* problem) const {
    const Node& n = e.at(node);
    const Element& s = m_model.element(element);
    if (n.kind == NodeKind::ElementRef) {
        if (n.subscripted)
            fail(problem, diag::code::kBadSubscript,
                 "'" + n.text + "' is not an array but is given a subscript", n.pos);
        return {static_cast<int>(n.value)};
    }
    if (n.name == "self") return {element};
    const int var = m_symbols.findVar(n.name, s.scope);
    if (var < 0) {
        if (problem) {
            const std::string near = suggest(n.name, s.scope);
            fail(problem, diag::code::kUnknownName,
                 "unknown name '" + n.text + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"),
                 n.pos);
        }
        return {};
    }
    const VarInfo& v = m_symbols.var(var);
    if (v.kind == model::VarKind::Module) {
        fail(problem, diag::code::kUnknownName,
             "'" + n.text + "' is a module; refer to one of its outputs as " + n.text + ".name", n.pos);
        return {};
    }
    if (v.dims.empty()) {
        if (n.subscripted)
            fail(problem, diag::code::kBadSubscript,
                 "'" + n.text + "' is not an array but is given a subscript", n.pos);
        return {v.firstElement};
    }
    if (n.subscripted && n.args.size() != v.dims.size()) {
        fail(problem, diag::code::kBadSubscript,
             "'" + n.text + "' has " + std::to_string(v.dims.size()) + " dimensions but is given " +
                 std::to_string(n.args.size()) + " subscripts",
             n.pos);
        return {};
    }
    const Site site{s, v, e, n, extra, visibleBindings(s, extra), n.op == '\''};
    std::vector<std::vector<int>> choice(v.dims.size());
    for (size_t k = 0; k < v.dims.size(); ++k)
        if (!choose(site, k, choice[k], problem)) return {};
    // Cartesian product in row-major order.
    std::vector<int> out = {0};
    for (size_t k = 0; k < v.dims.size(); ++k) {
        const int size = static_cast<int>(m_symbols.dim(v.dims[k]).elems.size());
        std::vector<int> next;
        for (int base : out)
            for (int c : choice[k]) next.push_back(base * size + c);
        out.swap(next);
    }
    for (auto& o : out) o += v.firstElement;
    return out;
}

// The elements of the variable's k-th dimension that the reference picks; false (with the problem) when the
// subscript cannot be used.
bool Resolver::choose(const Site& site, size_t k, std::vector<int>& choice, Problem* problem) const {
    const int D = site.var.dims[k];
    const DimInfo& dim = m_symbols.dim(D);
    const int count = static_cast<int>(dim.elems.size());
    const size_t pos = site.transposed ? site.var.dims.size() - 1 - k : k;
    auto all = [&] {
        for (int i = 0; i < count; ++i) choice.push_back(i);
    };
    const std::vector<Binding>& ctx = site.self.ctx;
    if (!site.n.subscripted) {
        int b = bindingFor(D, site.bindings);
        // Transposed, with no dimension in common by name: match the element's dimensions by position.
        if (b < 0 && site.transposed && pos < ctx.size() &&
            m_symbols.dim(ctx[pos].dim).elems.size() == dim.elems.size())
            b = ctx[pos].elem;
        b >= 0 ? choice.push_back(b) : all();
        return true;
    }
    const Node& sub = site.e.at(site.n.args[pos]);
    switch (sub.kind) {
        case NodeKind::DimPosition: {
            // @p: the element of the p-th dimension of the variable being defined, by position.
            const size_t p = static_cast<size_t>(sub.value) - 1;
            const int elem = p < ctx.size() ? ctx[p].elem : -1;
            if (elem >= 0 && elem < count) {
                choice.push_back(elem);
                return true;
            }
            fail(problem, diag::code::kBadSubscript,
                 p >= ctx.size()
                     ? "@" + std::to_string(p + 1) + " names a dimension position, but '" +
                           m_symbols.var(site.self.var).display + "' has " + std::to_string(ctx.size()) +
                           " dimension(s)"
                     : "@" + std::to_string(p + 1) + " is element " + std::to_string(elem + 1) +
                           " here, outside " + dim.display + " (1.." + std::to_string(count) + ")",
                 sub.pos);
            return false;
        }
        case NodeKind::SubStar:
            return chooseStar(site, k, sub, choice, problem);
        case NodeKind::Number: {
            const int idx = static_cast<int>(std::lround(sub.value)) - 1;
            if (idx >= 0 && idx < count) {
                choice.push_back(idx);
                return true;
            }
            fail(problem, diag::code::kBadSubscript,
                 "subscript " + sub.text + " is outside " + dim.display + " (1.." + std::to_string(count) +
                     ")",
                 sub.pos);
            return false;
        }
        case NodeKind::Name:
            if (!sub.subscripted) return chooseName(site, k, sub, choice, problem);
            break;
        case NodeKind::SubRange:
            fail(problem, diag::code::kUnsupported,
                 "subscript ranges such as '" + equations::toString(site.e, site.n.args[pos]) + "' in '" +
                     site.n.text + "' are not supported; use a subrange dimension or *",
                 sub.pos);
            return false;
        default:
            break;
    }
    fail(problem, diag::code::kBadSubscript,
         "subscripts must be element names, numbers, dimension names or *; computed subscripts are not "
         "supported",
         sub.pos);
    return false;
}

// `*` (this dimension, or a reduction's binding of it) or `*:dim` (a subrange of it).
bool Resolver::chooseStar(const Site& site, size_t k, const Node& sub, std::vector<int>& choice,
                          Problem* problem) const {
    const int D = site.var.dims[k];
    const int count = static_cast<int>(m_symbols.dim(D).elems.size());
    int b = -1;
    if (const int named = sub.name.empty() ? -1 : m_symbols.findDim(sub.name); named >= 0) {
        const DimInfo& sd = m_symbols.dim(named);
        // Another dimension than the place's own pairs by position, so it must have as many elements.
        if (named != D && sd.parent != D && sd.elems.size() != m_symbols.dim(D).elems.size()) {
            fail(problem, diag::code::kBadSubscript,
                 "'*:" + sd.display + "' ranges over " + std::to_string(sd.elems.size()) +
                     " elements where '" + site.n.text + "' has " + std::to_string(count) + " (" +
                     m_symbols.dim(D).display + ")",
                 sub.pos);
            return false;
        }
        auto pick = [&](const Binding& bd) {
            b = sd.parent == D ? sd.parentIndex[static_cast<size_t>(bd.elem)] : bd.elem;
        };
        // A reduction's own binding of this * first; outside a reduction, the element's context.
        for (const auto& bd : site.extra)
            if (bd.dim == named) pick(bd);
        if (b < 0)
            for (const auto& bd : site.bindings)
                if (bd.dim == named) pick(bd);
        if (b < 0 && sd.parent == D) {
            choice = sd.parentIndex;
            return true;
        }
    } else if (sub.name.empty()) {
        for (const auto& bd : site.extra)
            if (bd.dim == D) b = bd.elem;
    }
    if (b >= 0) {
        choice.push_back(b);
    } else {
        for (int i = 0; i < count; ++i) choice.push_back(i);
    }
    return true;
}

// An element of the dimension ("north" or "Region.north"), or a dimension name: the element the context
// binds it to (directly, by a mapping or as a subrange), else every element (a wildcard inside SUM and
// friends) or the subrange's elements.
bool Resolver::chooseName(const Site& site, size_t k, const Node& sub, std::vector<int>& choice,
                          Problem* problem) const {
    const int D = site.var.dims[k];
    const DimInfo& dim = m_symbols.dim(D);
    const int count = static_cast<int>(dim.elems.size());
    auto el = std::find(dim.elems.begin(), dim.elems.end(), sub.name);
    if (el == dim.elems.end() && sub.name.rfind(dim.canonical + ".", 0) == 0)
        el = std::find(dim.elems.begin(), dim.elems.end(), sub.name.substr(dim.canonical.size() + 1));
    if (el != dim.elems.end()) {
        choice.push_back(static_cast<int>(el - dim.elems.begin()));
        return true;
    }
    const int X = m_symbols.findDim(sub.name);
    if (X < 0) {
        fail(problem, diag::code::kBadSubscript,
             "'" + sub.text + "' is neither an element of " + dim.display + " nor a dimension", sub.pos);
        return false;
    }
    const DimInfo& xd = m_symbols.dim(X);
    int b = -1;
    for (auto it = site.bindings.rbegin(); it != site.bindings.rend() && b < 0; ++it)
        if (it->dim == X) b = it->elem;
    // The subscript names a dimension that the context binds only through a mapping, or that maps onto D or
    // relates to it as a subrange.
    if (b < 0) b = bindingFor(X, site.bindings);
    if (b >= 0) {
        if (X == D)
            choice.push_back(b);
        else if (xd.parent == D)
            choice.push_back(xd.parentIndex[static_cast<size_t>(b)]);
        else if (b < count)
            choice.push_back(b);
    } else if (xd.parent == D) {
        choice = xd.parentIndex;  // the whole subrange
    } else {
        for (int i = 0; i < count; ++i)
            choice.push_back(i);  // a wildcard over D (used inside SUM and friends)
    }
    return true;
}

int Resolver::bindingFor(int dim, const std::vector<Binding>& bindings) const {
    for (auto it = bindings.rbegin(); it != bindings.rend(); ++it)
        if (it->dim == dim) return it->elem;
    const DimInfo& d = m_symbols.dim(dim);
    for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
        const DimInfo& b = m_symbols.dim(it->dim);
        const bool mapped = std::find(b.mapsTo.begin(), b.mapsTo.end(), dim) != b.mapsTo.end() ||
                            std::find(d.mapsTo.begin(), d.mapsTo.end(), it->dim) != d.mapsTo.end();
        if (mapped && it->elem < static_cast<int>(d.elems.size())) return it->elem;
        if (b.parent == dim)
            return b.parentIndex[static_cast<size_t>(it->elem)];  // subrange element in parent
        if (d.parent == it->dim) {                                // dim is a subrange of the bound dimension
            auto pos = std::find(d.parentIndex.begin(), d.parentIndex.end(), it->elem);
            if (pos != d.parentIndex.end()) return static_cast<int>(pos - d.parentIndex.begin());
        }
    }
    return -1;
}

// The bindings a name sees: the element's context, then the reduction bindings not shadowed by it.
std::vector<Binding> Resolver::visibleBindings(const Element& s, const std::vector<Binding>& extra) const {
    std::vector<Binding> out = s.ctx;
    for (const auto& b : extra) {
        const bool shadowed = b.star && std::any_of(s.ctx.begin(), s.ctx.end(),
                                                    [&](const Binding& c) { return c.dim == b.dim; });
        if (!shadowed) out.push_back(b);
    }
    return out;
}

std::string Resolver::suggest(const std::string& canonical, const std::string& scope) const {
    std::string best;
    size_t bestD = std::max<size_t>(2, canonical.size() / 3) + 1;
    for (const auto& v : m_symbols.vars) {
        if (v.internal || v.canonical.empty() || v.scope != scope) continue;
        const size_t d = diag::editDistance(canonical, v.canonical.substr(scope.size()));
        if (d < bestD) {
            bestD = d;
            best = v.display;
        }
    }
    return best;
}

std::vector<std::vector<Binding>> Resolver::wildcardCombos(int element, const Expr& e, int node,
                                                           const std::vector<Binding>& extra) const {
    return wildcardCombos(element, e, std::vector<int>{node}, extra);
}

std::vector<std::vector<Binding>> Resolver::wildcardCombos(int element, const Expr& e,
                                                           const std::vector<int>& nodes,
                                                           const std::vector<Binding>& extra) const {
    std::vector<Binding> dims;
    for (int node : nodes) wildcardDims(element, e, node, extra, dims);
    std::vector<std::vector<Binding>> combos = {extra};
    for (const Binding& w : dims) {
        std::vector<std::vector<Binding>> next;
        const int size = static_cast<int>(m_symbols.dim(w.dim).elems.size());
        for (const auto& c : combos)
            for (int i = 0; i < size; ++i) {
                auto b = c;
                b.push_back({w.dim, i, w.star});
                next.push_back(std::move(b));
            }
        combos.swap(next);
    }
    return combos;
}

// The dimensions a reduction's argument ranges over: every explicit * (always a wildcard of this reduction,
// even over a dimension the element's context binds), and every dimension named or implied by an
// unsubscripted array that nothing binds yet. Nested reductions range over their own dimensions.
void Resolver::wildcardDims(int element, const Expr& e, int node, const std::vector<Binding>& extra,
                            std::vector<Binding>& dims) const {
    const Node& n = e.at(node);
    if (n.kind == NodeKind::ElementRef) return;
    if (n.kind == NodeKind::Call) {
        const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
        if (b && (b->kind == equations::BuiltinKind::Reduce || b->kind == equations::BuiltinKind::ArrayFn ||
                  (b->kind == equations::BuiltinKind::MinMax && n.args.size() == 1)))
            return;
    }
    if (n.kind != NodeKind::Name) {
        for (int a : n.args) wildcardDims(element, e, a, extra, dims);
        return;
    }
    auto add = [&](int D, bool star) {
        for (auto& d : dims)
            if (d.dim == D) {
                d.star = d.star || star;
                return;
            }
        dims.push_back({D, 0, star});
    };
    const Element& s = m_model.element(element);
    const int var = m_symbols.findVar(n.name, s.scope);
    if (var < 0) return;
    const VarInfo& v = m_symbols.var(var);
    const std::vector<Binding> bindings = visibleBindings(s, extra);
    const size_t nd = v.dims.size();
    for (size_t k = 0; k < nd; ++k) {
        int D = v.dims[k];
        const size_t pos = n.op == '\'' ? nd - 1 - k : k;
        if (n.subscripted && pos < n.args.size()) {
            const Node& sub = e.at(n.args[pos]);
            const int named = m_symbols.findDim(sub.name);
            if (sub.kind == NodeKind::SubStar) {
                add(!sub.name.empty() && named >= 0 ? named : D, true);
                continue;
            }
            if (sub.kind != NodeKind::Name || named < 0) continue;
            D = named;
        }
        const bool byPosition = n.op == '\'' && !n.subscripted && pos < s.ctx.size() &&
                                m_symbols.dim(s.ctx[pos].dim).elems.size() == m_symbols.dim(D).elems.size();
        if (bindingFor(D, bindings) < 0 && !byPosition) add(D, false);
    }
}

}  // namespace sdw::compile::detail
