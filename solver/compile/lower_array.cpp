// Lowering of Vensim's array functions (VECTOR SELECT, ELM MAP, SORT ORDER, RANK and REORDER,
// ALLOCATE AVAILABLE, ALLOCATE BY PRIORITY, INVERT MATRIX): each element of the variable being defined gets
// one ArrayFn instruction over the whole vector, which sim/array_functions evaluates. Layer: solver.
#include <cmath>

#include "solver/compile/compiler_impl.hpp"

namespace sdw::compile::detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

namespace {

// How many trailing dimensions of the first argument (and of the second, for the allocations) make the
// vector: Vensim works along the last subscript, INVERT MATRIX along the last two.
int trailingOf(const std::string& f) {
    return f == "invert_matrix" ? 2 : 1;
}

}  // namespace

bool Compiler::wholeArray(int scalar, const Expr& e, int arg, int trailing, Expr& out) {
    const Node& n = e.at(arg);
    if (n.kind != NodeKind::Name || n.name.empty() || n.name[0] == '#') return false;
    const int var = findVar(n.name, m_scalars[static_cast<size_t>(scalar)].scope);
    if (var < 0) return false;
    const std::vector<int> dims = m_vars[static_cast<size_t>(var)].dims;
    if (static_cast<int>(dims.size()) < trailing || (n.subscripted && n.args.size() != dims.size()))
        return false;
    out.root = copyInto(out, e, arg);
    Node root = out.at(out.root);
    if (!root.subscripted) {  // a bare name: its own dimensions, bound by the equation's
        root.subscripted = true;
        for (int d : dims) {
            Node sub;
            sub.kind = NodeKind::Name;
            sub.name = m_dims[static_cast<size_t>(d)].canonical;
            sub.text = m_dims[static_cast<size_t>(d)].display;
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
        if (sub.kind == NodeKind::Name && m_dimByName.count(sub.name)) star.name = sub.name;  // *:dim
        root.args[k] = out.add(star);
    }
    out.nodes[static_cast<size_t>(out.root)] = root;
    return true;
}

std::vector<uint32_t> Compiler::lowerWhole(int scalar, const Expr& e, int arg, int trailing, Phase phase,
                                           std::vector<Instr>& prog) {
    Expr whole;
    if (!wholeArray(scalar, e, arg, trailing, whole)) return {};
    std::vector<uint32_t> slots;
    const auto saved = m_extra;
    for (const auto& combo : wildcardCombos(scalar, whole, whole.root)) {
        m_extra = combo;
        slots.push_back(lower(scalar, whole, whole.root, phase, prog));
    }
    m_extra = saved;
    return slots;
}

int Compiler::definedPosition(int scalar, int trailing) const {
    const std::vector<Binding>& ctx = m_scalars[static_cast<size_t>(scalar)].ctx;
    if (static_cast<int>(ctx.size()) < trailing) return -1;
    int pos = 0;
    for (size_t k = ctx.size() - static_cast<size_t>(trailing); k < ctx.size(); ++k)
        pos = pos * static_cast<int>(m_dims[static_cast<size_t>(ctx[k].dim)].elems.size()) + ctx[k].elem;
    return pos;
}

void Compiler::collectArrayDeps(int scalar, const Expr& e, int node, Phase phase, std::vector<int>& out) {
    const Node& n = e.at(node);
    const auto saved = m_extra;
    auto whole = [&](int k, int trailing) {
        Expr w;
        if (!wholeArray(scalar, e, n.args[static_cast<size_t>(k)], trailing, w)) return;
        for (const auto& combo : wildcardCombos(scalar, w, w.root)) {
            m_extra = combo;
            collectDeps(scalar, w, w.root, phase, out);
        }
        m_extra = saved;
    };
    size_t first = 1;
    if (n.name == "vector_select") {  // selection and values, element by element over the wildcards
        for (const auto& combo : wildcardCombos(scalar, e, n.args[0])) {
            m_extra = combo;
            collectDeps(scalar, e, n.args[0], phase, out);
            collectDeps(scalar, e, n.args[1], phase, out);
        }
        m_extra = saved;
        first = 2;
    } else {
        whole(0, trailingOf(n.name));
        if (n.name == "allocate_available" || n.name == "allocate_by_priority" ||
            n.name == "vector_reorder") {
            whole(1, n.name == "allocate_available" ? 2 : 1);
            first = 2;
        }
    }
    for (size_t k = first; k < n.args.size(); ++k) collectDeps(scalar, e, n.args[k], phase, out);
}

// VECTOR SELECT(selection[d!], values[d!], missing, action, error action): a reduction over the wildcards.
std::vector<uint32_t> Compiler::vectorSelectList(int scalar, const Expr& e, int node, Phase phase,
                                                 std::vector<Instr>& prog) {
    const Node& n = e.at(node);
    auto arg = [&](size_t k) { return lower(scalar, e, n.args[k], phase, prog); };
    std::vector<uint32_t> sel, x;
    const auto saved = m_extra;
    for (const auto& combo : wildcardCombos(scalar, e, n.args[0])) {
        m_extra = combo;
        sel.push_back(arg(0));
        x.push_back(arg(1));
    }
    m_extra = saved;
    std::vector<uint32_t> list = {arg(2), arg(3), arg(4)};
    list.insert(list.end(), sel.begin(), sel.end());
    list.insert(list.end(), x.begin(), x.end());
    return list;
}

uint32_t Compiler::lowerArrayFn(int scalar, const Expr& e, int node, Phase phase, std::vector<Instr>& prog) {
    const Node& n = e.at(node);
    const std::string& f = n.name;
    auto fail = [&](const std::string& why) {
        error(scalar, diag::code::kBadArgument, n.text + ": " + why, n.pos);
        return constSlot(0);
    };
    auto arg = [&](int k) { return lower(scalar, e, n.args[static_cast<size_t>(k)], phase, prog); };
    std::vector<uint32_t> list;
    Fn fn = Fn::VectorSelect;
    if (f == "vector_select") {
        fn = Fn::VectorSelect;
        list = vectorSelectList(scalar, e, node, phase, prog);
    } else {
        const int trailing = trailingOf(f);
        const std::vector<uint32_t> v = lowerWhole(scalar, e, n.args[0], trailing, phase, prog);
        if (v.empty()) return fail("the first argument must be an arrayed variable");
        const int pos = definedPosition(scalar, trailing);
        if (f == "vector_elm_map") {
            const uint32_t start = arg(0);
            size_t base = 0;
            while (base < v.size() && v[base] != start) ++base;
            if (base == v.size()) return fail("the first argument must name one element of the vector");
            fn = Fn::VectorElmMap;
            list = {constSlot(static_cast<double>(base)), arg(1)};
        } else if (pos < 0 || pos >= static_cast<int>(v.size())) {
            return fail(std::string("it defines an array over the ") +
                        (trailing == 2 ? "matrix's last two dimensions" : "vector's dimension") +
                        "; this variable has no such dimension");
        } else if (f == "vector_sort_order" || f == "vector_rank") {
            fn = f == "vector_rank" ? Fn::VectorRank : Fn::VectorSortOrder;
            list = {constSlot(pos), arg(1)};
        } else if (f == "allocate_available") {
            const std::vector<uint32_t> pp = lowerWhole(scalar, e, n.args[1], 2, phase, prog);
            if (pp.size() != 4 * v.size())
                return fail(
                    "the priority profile must give ptype, ppriority, pwidth and pextra for each request");
            fn = Fn::AllocateAvailable;
            list = {constSlot(pos), arg(2)};
            list.insert(list.end(), v.begin(), v.end());
            list.insert(list.end(), pp.begin(), pp.end());
        } else if (f == "allocate_by_priority" || f == "vector_reorder") {
            const std::vector<uint32_t> second = lowerWhole(scalar, e, n.args[1], 1, phase, prog);
            if (second.size() != v.size()) return fail("its two vectors must match one for one");
            fn = f == "vector_reorder" ? Fn::VectorReorder : Fn::AllocateByPriority;
            list = {constSlot(pos)};
            if (fn == Fn::AllocateByPriority) list.insert(list.end(), {arg(3), arg(4)});
            list.insert(list.end(), v.begin(), v.end());
            list.insert(list.end(), second.begin(), second.end());
        } else {  // invert_matrix
            const size_t side = static_cast<size_t>(std::lround(std::sqrt(static_cast<double>(v.size()))));
            if (side * side != v.size()) return fail("the matrix must be square");
            fn = Fn::InvertMatrix;
            list = {constSlot(pos)};
        }
        if (fn != Fn::AllocateAvailable && fn != Fn::AllocateByPriority && fn != Fn::VectorReorder)
            list.insert(list.end(), v.begin(), v.end());
    }
    const uint32_t offset = static_cast<uint32_t>(m_out->m_lists.size());
    m_out->m_lists.insert(m_out->m_lists.end(), list.begin(), list.end());
    return emit(prog, Op::ArrayFn, offset, 0, static_cast<uint32_t>(list.size()), fn);
}

}  // namespace sdw::compile::detail
