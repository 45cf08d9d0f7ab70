// Lowering of Vensim's array functions (VECTOR SELECT, ELM MAP, SORT ORDER, RANK and REORDER, ALLOCATE
// AVAILABLE, ALLOCATE BY PRIORITY, INVERT MATRIX): each element of the variable being defined gets one
// ArrayFn instruction over the whole vector, which sim/array_functions evaluates. Layer: solver.
#include <algorithm>
#include <cmath>

#include "solver/compile/array_args.hpp"
#include "solver/compile/lower.hpp"

namespace sdw::compile::detail {

using equations::Expr;
using equations::Node;

std::vector<uint32_t> Lowerer::lowerWhole(Site& at, int arg, int trailing) {
    Expr whole;
    if (!wholeArray(m_model.symbols, m_model.element(at.element), at.e, arg, trailing, whole)) return {};
    std::vector<uint32_t> slots;
    for (const auto& combo : m_resolver.wildcardCombos(at.element, whole, whole.root, at.extra)) {
        Site inner{at.element, whole, at.phase, at.prog, combo};
        slots.push_back(expr(inner, whole.root));
    }
    return slots;
}

int Lowerer::definedPosition(int element, int trailing) const {
    const std::vector<Binding>& ctx = m_model.element(element).ctx;
    if (static_cast<int>(ctx.size()) < trailing) return -1;
    int pos = 0;
    for (size_t k = ctx.size() - static_cast<size_t>(trailing); k < ctx.size(); ++k)
        pos = pos * static_cast<int>(m_model.symbols.dim(ctx[k].dim).elems.size()) + ctx[k].elem;
    return pos;
}

// A dimension named as a value (Vensim `position[d] = d`): the 1-based number of the element the equation is
// computed for, counted in the first dimension declared with that element, as Vensim's output shows: a
// subrange counts in its full dimension (test-models subscript_definition), and a dimension listing another's
// elements in another order compares equal on the same element (subscript_logicals: d1 = d3 at [B, B]); a
// full dimension is looked in before a subrange declared ahead of it. An element named on its own is its
// number too (test-models conditional_subscripts). 0 when the name is neither a dimension bound here nor an
// element.
int Lowerer::dimensionValue(const Site& at, const std::string& name) const {
    const SymbolTable& st = m_model.symbols;
    const int d = st.findDim(name);
    std::string element = name;  // an element named on its own (Vensim's dimA = B) is that element's number
    if (d >= 0) {
        const int elem =
            m_resolver.bindingFor(d, m_resolver.visibleBindings(m_model.element(at.element), at.extra));
        if (elem < 0) return 0;
        element = st.dim(d).elems[static_cast<size_t>(elem)];
    }
    for (const bool fullOnly : {true, false})  // a full dimension before a subrange declared ahead of it
        for (const DimInfo& first : st.dims) {
            if (fullOnly && first.parent >= 0) continue;
            const auto it = std::find(first.elems.begin(), first.elems.end(), element);
            if (it != first.elems.end()) return static_cast<int>(it - first.elems.begin()) + 1;
        }
    return 0;
}

// VECTOR SELECT(selection[d!], values[d!], missing, action, error action): a reduction over the wildcards of
// both vectors together; over different dimensions (selection[a!], values[b!]) every pair is visited, as
// Vensim does (test-models vector_select: a sum of selection x value over both).
std::vector<uint32_t> Lowerer::vectorSelectList(Site& at, const Node& n) {
    std::vector<uint32_t> sel, x;
    const std::vector<Binding> around = at.extra;
    for (const auto& combo : m_resolver.wildcardCombos(at.element, at.e, {n.args[0], n.args[1]}, around)) {
        at.extra = combo;
        sel.push_back(arg(at, n, 0));
        x.push_back(arg(at, n, 1));
    }
    at.extra = around;
    std::vector<uint32_t> list = {arg(at, n, 2), arg(at, n, 3), arg(at, n, 4)};
    list.insert(list.end(), sel.begin(), sel.end());
    list.insert(list.end(), x.begin(), x.end());
    return list;
}

// The operand list of one array function over vector `v` (the first argument made whole), for the element
// at `pos` of the variable being defined; empty after reporting why it cannot be computed.
std::vector<uint32_t> Lowerer::arrayOperands(Site& at, const Node& n, const std::vector<uint32_t>& v, int pos,
                                             Fn& fn) {
    const std::string& f = n.name;
    auto fail = [&](const std::string& why) {
        error(at.element, diag::code::kBadArgument, n.text + ": " + why, n.pos);
        return std::vector<uint32_t>{};
    };
    const int trailing = trailingOf(f);
    std::vector<uint32_t> list;
    if (f == "vector_elm_map") {
        const uint32_t start = arg(at, n, 0);
        size_t base = 0;
        while (base < v.size() && v[base] != start) ++base;
        if (base == v.size()) return fail("the first argument must name one element of the vector");
        fn = Fn::VectorElmMap;
        list = {m_out.constant(static_cast<double>(base)), arg(at, n, 1)};
    } else if (pos < 0 || pos >= static_cast<int>(v.size())) {
        return fail(std::string("it defines an array over the ") +
                    (trailing == 2 ? "matrix's last two dimensions" : "vector's dimension") +
                    "; this variable has no such dimension");
    } else if (f == "vector_sort_order" || f == "vector_rank") {
        fn = f == "vector_rank" ? Fn::VectorRank : Fn::VectorSortOrder;
        list = {m_out.constant(pos), arg(at, n, 1)};
    } else if (f == "allocate_available") {
        const std::vector<uint32_t> pp = lowerWhole(at, n.args[1], 2);
        if (pp.size() != 4 * v.size())
            return fail(
                "the priority profile must give ptype, ppriority, pwidth and pextra for each request");
        fn = Fn::AllocateAvailable;
        list = {m_out.constant(pos), arg(at, n, 2)};
        list.insert(list.end(), v.begin(), v.end());
        list.insert(list.end(), pp.begin(), pp.end());
        return list;
    } else if (f == "allocate_by_priority" || f == "vector_reorder") {
        const std::vector<uint32_t> second = lowerWhole(at, n.args[1], 1);
        if (second.size() != v.size()) return fail("its two vectors must match one for one");
        fn = f == "vector_reorder" ? Fn::VectorReorder : Fn::AllocateByPriority;
        list = {m_out.constant(pos)};
        if (fn == Fn::AllocateByPriority) list.insert(list.end(), {arg(at, n, 3), arg(at, n, 4)});
        list.insert(list.end(), v.begin(), v.end());
        list.insert(list.end(), second.begin(), second.end());
        return list;
    } else {  // invert_matrix
        const size_t side = static_cast<size_t>(std::lround(std::sqrt(static_cast<double>(v.size()))));
        if (side * side != v.size()) return fail("the matrix must be square");
        fn = Fn::InvertMatrix;
        list = {m_out.constant(pos)};
    }
    list.insert(list.end(), v.begin(), v.end());
    return list;
}

uint32_t Lowerer::arrayFunction(Site& at, int node) {
    const Node& n = at.e.at(node);
    std::vector<uint32_t> list;
    Fn fn = Fn::VectorSelect;
    if (n.name == "vector_select") {
        list = vectorSelectList(at, n);
    } else {
        const int trailing = trailingOf(n.name);
        const std::vector<uint32_t> v = lowerWhole(at, n.args[0], trailing);
        if (v.empty()) {
            error(at.element, diag::code::kBadArgument,
                  n.text + ": the first argument must be an arrayed variable", n.pos);
            return m_out.constant(0);
        }
        list = arrayOperands(at, n, v, definedPosition(at.element, trailing), fn);
        if (list.empty()) return m_out.constant(0);
    }
    return m_out.emit(at.prog, Op::ArrayFn, m_out.list(list), 0, static_cast<uint32_t>(list.size()), fn);
}

}  // namespace sdw::compile::detail
