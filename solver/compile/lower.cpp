// Lowering equations to instructions: name and subscript resolution (apply-to-all, per-element, wildcards,
// mapped dimensions and subranges), built-in calls, array reductions and constant folding. Layer: solver.
#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/equations/builtins.hpp"
#include "solver/compile/compiler_impl.hpp"

namespace sdw::compile {
namespace detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;

namespace {

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool pureFold(Op op, double a, double b, double& out) {
    switch (op) {
        case Op::Add:
            out = a + b;
            return true;
        case Op::Sub:
            out = a - b;
            return true;
        case Op::Mul:
            out = a * b;
            return true;
        case Op::Div:
            out = a / b;
            return true;
        case Op::Pow:
            out = std::pow(a, b);
            return true;
        case Op::Neg:
            out = -a;
            return true;
        default:
            return false;
    }
}

}  // namespace

uint32_t Compiler::emit(std::vector<Instr>& prog, Op op, uint32_t a, uint32_t b, uint32_t c, Fn fn) {
    double folded = 0;
    if (isConstSlot(a) && (op == Op::Neg || isConstSlot(b)) &&
        pureFold(op, m_constValue[a], op == Op::Neg ? 0.0 : m_constValue[b], folded))
        return constSlot(folded);
    const uint32_t dst = tempSlot();
    prog.push_back(Instr{op, fn, dst, a, b, c});
    return dst;
}

std::string Compiler::suggest(const std::string& canonical, const std::string& scope) const {
    std::string best;
    size_t bestD = std::max<size_t>(2, canonical.size() / 3) + 1;
    for (const auto& v : m_vars) {
        if (v.canonical.empty() || v.canonical[0] == '#' || v.scope != scope) continue;
        const size_t d = editDistance(canonical, v.canonical.substr(scope.size()));
        if (d < bestD) {
            bestD = d;
            best = v.display;
        }
    }
    return best;
}

int Compiler::bindingFor(int dim, const std::vector<Binding>& bindings) const {
    for (auto it = bindings.rbegin(); it != bindings.rend(); ++it)
        if (it->dim == dim) return it->elem;
    const DimInfo& d = m_dims[static_cast<size_t>(dim)];
    for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
        const DimInfo& b = m_dims[static_cast<size_t>(it->dim)];
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

std::vector<int> Compiler::resolve(int scalar, const Expr& e, int node, const std::vector<Binding>& extra,
                                   bool report) {
    const Node& n = e.at(node);
    const Scalar& s = m_scalars[static_cast<size_t>(scalar)];
    if (n.name == "self") return {scalar};
    int var = -1;
    if (!n.name.empty() && n.name[0] == '#') {
        auto it = m_varByName.find(n.name);
        var = it == m_varByName.end() ? -1 : it->second;
    } else {
        var = findVar(n.name, s.scope);
    }
    if (var < 0) {
        if (report) {
            const std::string near = suggest(n.name, s.scope);
            error(scalar, diag::code::kUnknownName,
                  "unknown name '" + n.text + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"),
                  n.pos);
        }
        return {};
    }
    const VarInfo& v = m_vars[static_cast<size_t>(var)];
    if (v.kind == model::VarKind::Module) {
        if (report)
            error(scalar, diag::code::kUnknownName,
                  "'" + n.text +
                      "' is a module; refer to one of its "
                      "outputs as " +
                      n.text + ".name",
                  n.pos);
        return {};
    }
    if (v.dims.empty()) {
        if (n.subscripted && report)
            error(scalar, diag::code::kBadSubscript,
                  "'" + n.text + "' is not an array but is given a subscript", n.pos);
        return {v.firstScalar};
    }
    const std::vector<Binding> bindings = visibleBindings(s, extra);
    std::vector<std::vector<int>> choice(v.dims.size());
    if (n.subscripted && n.args.size() != v.dims.size()) {
        if (report)
            error(scalar, diag::code::kBadSubscript,
                  "'" + n.text + "' has " + std::to_string(v.dims.size()) + " dimensions but is given " +
                      std::to_string(n.args.size()) + " subscripts",
                  n.pos);
        return {};
    }
    // x' (transposed) lists its dimensions in reverse: its j-th subscript or position is dimension n-1-j.
    const bool transposed = n.op == '\'';
    const size_t nd = v.dims.size();
    for (size_t k = 0; k < nd; ++k) {
        const int D = v.dims[k];
        const DimInfo& dim = m_dims[static_cast<size_t>(D)];
        const int count = static_cast<int>(dim.elems.size());
        const size_t pos = transposed ? nd - 1 - k : k;
        auto all = [&] {
            for (int i = 0; i < count; ++i) choice[k].push_back(i);
        };
        if (!n.subscripted) {
            int b = bindingFor(D, bindings);
            // Transposed, with no dimension in common by name: match the element's dimensions by position.
            if (b < 0 && transposed && pos < s.ctx.size() &&
                m_dims[static_cast<size_t>(s.ctx[pos].dim)].elems.size() == dim.elems.size())
                b = s.ctx[pos].elem;
            if (b >= 0)
                choice[k].push_back(b);
            else
                all();
            continue;
        }
        const Node& sub = e.at(n.args[pos]);
        if (sub.kind == NodeKind::DimPosition) {
            // @p: the element of the p-th dimension of the variable being defined, by position.
            const size_t p = static_cast<size_t>(sub.value) - 1;
            const int elem = p < s.ctx.size() ? s.ctx[p].elem : -1;
            if (elem < 0 || elem >= count) {
                if (report)
                    error(scalar, diag::code::kBadSubscript,
                          p >= s.ctx.size()
                              ? "@" + std::to_string(p + 1) + " names a dimension position, but '" +
                                    m_vars[static_cast<size_t>(s.var)].display + "' has " +
                                    std::to_string(s.ctx.size()) + " dimension(s)"
                              : "@" + std::to_string(p + 1) + " is element " + std::to_string(elem + 1) +
                                    " here, outside " + dim.display + " (1.." + std::to_string(count) + ")",
                          sub.pos);
                return {};
            }
            choice[k].push_back(elem);
            continue;
        }
        if (sub.kind == NodeKind::SubStar) {
            int b = -1;
            if (!sub.name.empty()) {
                auto it = m_dimByName.find(sub.name);
                if (it != m_dimByName.end()) {
                    const DimInfo& sd = m_dims[static_cast<size_t>(it->second)];
                    auto pick = [&](const Binding& bd) {
                        b = sd.parent == D ? sd.parentIndex[static_cast<size_t>(bd.elem)] : bd.elem;
                    };
                    // A reduction's own binding of this * first; outside a reduction, the element's context.
                    for (const auto& bd : extra)
                        if (bd.dim == it->second) pick(bd);
                    if (b < 0)
                        for (const auto& bd : bindings)
                            if (bd.dim == it->second) pick(bd);
                    if (b < 0) {
                        if (sd.parent == D)
                            choice[k] = sd.parentIndex;
                        else
                            all();
                        continue;
                    }
                }
            } else {
                for (const auto& bd : extra)
                    if (bd.dim == D) b = bd.elem;
            }
            if (b >= 0)
                choice[k].push_back(b);
            else
                all();
        } else if (sub.kind == NodeKind::Number) {
            const int idx = static_cast<int>(std::lround(sub.value)) - 1;
            if (idx < 0 || idx >= count) {
                if (report)
                    error(scalar, diag::code::kBadSubscript,
                          "subscript " + sub.text + " is outside " + dim.display + " (1.." +
                              std::to_string(count) + ")",
                          sub.pos);
                return {};
            }
            choice[k].push_back(idx);
        } else if (sub.kind == NodeKind::Name && !sub.subscripted) {
            auto el = std::find(dim.elems.begin(), dim.elems.end(), sub.name);
            // "Dim.elem" written with the dimension's name in front.
            if (el == dim.elems.end() && sub.name.rfind(dim.canonical + ".", 0) == 0)
                el = std::find(dim.elems.begin(), dim.elems.end(), sub.name.substr(dim.canonical.size() + 1));
            if (el != dim.elems.end()) {
                choice[k].push_back(static_cast<int>(el - dim.elems.begin()));
                continue;
            }
            auto dn = m_dimByName.find(sub.name);
            if (dn == m_dimByName.end()) {
                if (report)
                    error(scalar, diag::code::kBadSubscript,
                          "'" + sub.text + "' is neither an element of " + dim.display + " nor a dimension",
                          sub.pos);
                return {};
            }
            const int X = dn->second;
            const DimInfo& xd = m_dims[static_cast<size_t>(X)];
            int b = -1;
            for (auto it = bindings.rbegin(); it != bindings.rend() && b < 0; ++it)
                if (it->dim == X) b = it->elem;
            if (b < 0) {
                // The subscript names a dimension that the context binds only through a mapping, or that maps
                // onto D or relates to it as a subrange.
                const int viaD = bindingFor(X, bindings);
                if (viaD >= 0) b = viaD;
            }
            if (b >= 0) {
                if (X == D)
                    choice[k].push_back(b);
                else if (xd.parent == D)
                    choice[k].push_back(xd.parentIndex[static_cast<size_t>(b)]);
                else if (b < count)
                    choice[k].push_back(b);
            } else if (xd.parent == D) {
                choice[k] = xd.parentIndex;  // the whole subrange
            } else {
                all();  // a wildcard over D (used inside SUM and friends)
            }
        } else if (sub.kind == NodeKind::SubRange) {
            if (report)
                error(scalar, diag::code::kUnsupported,
                      "subscript ranges such as '" + equations::toString(e, n.args[pos]) + "' in '" + n.text +
                          "' are not supported; use a subrange dimension or *",
                      sub.pos);
            return {};
        } else {
            if (report)
                error(scalar, diag::code::kBadSubscript,
                      "subscripts must be element names, numbers, "
                      "dimension names or *; computed subscripts are not supported",
                      sub.pos);
            return {};
        }
    }
    // Cartesian product in row-major order.
    std::vector<int> out = {0};
    for (size_t k = 0; k < v.dims.size(); ++k) {
        const int size = static_cast<int>(m_dims[static_cast<size_t>(v.dims[k])].elems.size());
        std::vector<int> next;
        for (int base : out)
            for (int c : choice[k]) next.push_back(base * size + c);
        out.swap(next);
    }
    for (auto& o : out) o += v.firstScalar;
    return out;
}

std::vector<Binding> Compiler::visibleBindings(const Scalar& s, const std::vector<Binding>& extra) const {
    std::vector<Binding> out = s.ctx;
    for (const auto& b : extra) {
        const bool shadowed = b.star && std::any_of(s.ctx.begin(), s.ctx.end(),
                                                    [&](const Binding& c) { return c.dim == b.dim; });
        if (!shadowed) out.push_back(b);
    }
    return out;
}

// The dimensions a reduction's argument ranges over: every explicit * (always a wildcard of this reduction,
// even over a dimension the element's context binds), and every dimension named or implied by an
// unsubscripted array that nothing binds yet. Nested reductions range over their own dimensions.
void Compiler::wildcardDims(int scalar, const Expr& e, int node, std::vector<Binding>& dims) {
    const Node& n = e.at(node);
    if (n.kind == NodeKind::Call) {
        const BuiltinInfo* b = findBuiltin(n.name);
        if (b && (b->kind == BuiltinKind::Reduce || (b->kind == BuiltinKind::MinMax && n.args.size() == 1)))
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
    if (n.kind == NodeKind::Name) {
        const Scalar& s = m_scalars[static_cast<size_t>(scalar)];
        const int var = n.name.empty() || n.name[0] == '#' ? -1 : findVar(n.name, s.scope);
        if (var >= 0) {
            const VarInfo& v = m_vars[static_cast<size_t>(var)];
            const std::vector<Binding> bindings = visibleBindings(s, m_extra);
            const size_t nd = v.dims.size();
            for (size_t k = 0; k < nd; ++k) {
                int D = v.dims[k];
                const size_t pos = n.op == '\'' ? nd - 1 - k : k;
                if (n.subscripted && pos < n.args.size()) {
                    const Node& sub = e.at(n.args[pos]);
                    if (sub.kind == NodeKind::SubStar) {
                        if (!sub.name.empty() && m_dimByName.count(sub.name)) D = m_dimByName[sub.name];
                        add(D, true);
                        continue;
                    }
                    if (sub.kind == NodeKind::Name && m_dimByName.count(sub.name)) {
                        D = m_dimByName[sub.name];
                    } else {
                        continue;
                    }
                }
                const bool byPosition = n.op == '\'' && !n.subscripted && pos < s.ctx.size() &&
                                        m_dims[static_cast<size_t>(s.ctx[pos].dim)].elems.size() ==
                                            m_dims[static_cast<size_t>(D)].elems.size();
                if (bindingFor(D, bindings) < 0 && !byPosition) add(D, false);
            }
        }
        return;
    }
    for (int a : n.args) wildcardDims(scalar, e, a, dims);
}

std::vector<std::vector<Binding>> Compiler::wildcardCombos(int scalar, const Expr& e, int node) {
    std::vector<Binding> dims;
    wildcardDims(scalar, e, node, dims);
    std::vector<std::vector<Binding>> combos = {m_extra};
    for (const Binding& w : dims) {
        std::vector<std::vector<Binding>> next;
        const int size = static_cast<int>(m_dims[static_cast<size_t>(w.dim)].elems.size());
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

void Compiler::collectDeps(int scalar, const Expr& e, int node, Phase phase, std::vector<int>& out) {
    const Node& n = e.at(node);
    switch (n.kind) {
        case NodeKind::Number:
        case NodeKind::DimPosition:
        case NodeKind::SubStar:
            return;
        case NodeKind::Name: {
            for (int s : resolve(scalar, e, node, m_extra, false)) out.push_back(s);
            return;
        }
        case NodeKind::Call: {
            const BuiltinInfo* b = findBuiltin(n.name);
            if (b && n.name == "init") {
                if (phase == Phase::Init && !n.args.empty()) collectDeps(scalar, e, n.args[0], phase, out);
                return;
            }
            if (b && n.name == "active_initial" && n.args.size() == 2) {
                collectDeps(scalar, e, n.args[phase == Phase::Init ? 1 : 0], phase, out);
                return;
            }
            if (b &&
                (b->kind == BuiltinKind::Reduce || (b->kind == BuiltinKind::MinMax && n.args.size() == 1))) {
                if (n.args.empty()) return;
                const auto saved = m_extra;
                for (const auto& combo : wildcardCombos(scalar, e, n.args[0])) {
                    m_extra = combo;
                    collectDeps(scalar, e, n.args[0], phase, out);
                }
                m_extra = saved;
                return;
            }
            if (b && n.name == "lookup") {
                if (n.args.size() == 2) collectDeps(scalar, e, n.args[1], phase, out);
                return;
            }
            for (int a : n.args) collectDeps(scalar, e, a, phase, out);
            return;
        }
        default:
            for (int a : n.args) collectDeps(scalar, e, a, phase, out);
    }
}

uint32_t Compiler::lower(int scalar, const Expr& e, int node, Phase phase, std::vector<Instr>& prog) {
    const Node& n = e.at(node);
    switch (n.kind) {
        case NodeKind::Number:
            return constSlot(n.value);
        case NodeKind::Name: {
            if (!n.subscripted &&
                (n.name[0] == '#' || findVar(n.name, m_scalars[static_cast<size_t>(scalar)].scope) < 0)) {
                if (n.name == "time") return CompiledModel::kTimeSlot;
                if (n.name == "dt" || n.name == "time_step") return CompiledModel::kDtSlot;
                if (n.name == "starttime" || n.name == "initial_time") return CompiledModel::kStartSlot;
                if (n.name == "stoptime" || n.name == "final_time") return CompiledModel::kStopSlot;
                if (n.name == "pi") return constSlot(M_PI);
                if (n.name == "inf") return constSlot(std::numeric_limits<double>::infinity());
                if (n.name == "true") return constSlot(1);
                if (n.name == "false") return constSlot(0);
            }
            const std::vector<int> r = resolve(scalar, e, node, m_extra, true);
            if (r.empty()) return constSlot(0);
            if (r.size() > 1) {
                error(scalar, diag::code::kBadSubscript,
                      "'" + n.text +
                          "' is an array here, where one value is "
                          "needed; give it a subscript or sum it with SUM(" +
                          n.text + "[*])",
                      n.pos);
                return constSlot(0);
            }
            const Scalar& target = m_scalars[static_cast<size_t>(r[0])];
            if (target.expr.empty() && target.table >= 0 && target.kind != ScalarKind::Stock) {
                error(scalar, diag::code::kBadArgument,
                      "'" + n.text +
                          "' is a graphical function: call it with an "
                          "input, as " +
                          n.text + "(x)",
                      n.pos);
                return constSlot(0);
            }
            return target.slot;
        }
        case NodeKind::Unary: {
            const uint32_t a = lower(scalar, e, n.args[0], phase, prog);
            if (n.op == '+') return a;
            return emit(prog, n.op == '-' ? Op::Neg : Op::Not, a);
        }
        case NodeKind::Binary: {
            const uint32_t a = lower(scalar, e, n.args[0], phase, prog);
            const uint32_t b = lower(scalar, e, n.args[1], phase, prog);
            Op op = Op::Add;
            switch (n.op) {
                case '+':
                    op = Op::Add;
                    break;
                case '-':
                    op = Op::Sub;
                    break;
                case '*':
                    op = Op::Mul;
                    break;
                case '/':
                    op = Op::Div;
                    break;
                case '^':
                    op = Op::Pow;
                    break;
                case '%':
                    op = Op::Mod;
                    break;
                case '<':
                    op = Op::Lt;
                    break;
                case '>':
                    op = Op::Gt;
                    break;
                case 'l':
                    op = Op::Le;
                    break;
                case 'g':
                    op = Op::Ge;
                    break;
                case '=':
                    op = Op::Eq;
                    break;
                case 'n':
                    op = Op::Ne;
                    break;
                case '&':
                    op = Op::And;
                    break;
                case '|':
                    op = Op::Or;
                    break;
                default:
                    break;
            }
            return emit(prog, op, a, b);
        }
        case NodeKind::If: {
            const uint32_t c = lower(scalar, e, n.args[0], phase, prog);
            if (isConstSlot(c)) return lower(scalar, e, n.args[m_constValue[c] != 0 ? 1 : 2], phase, prog);
            const uint32_t a = lower(scalar, e, n.args[1], phase, prog);
            const uint32_t b = lower(scalar, e, n.args[2], phase, prog);
            return emit(prog, Op::Select, c, a, b);
        }
        case NodeKind::Call:
            return lowerCall(scalar, e, node, phase, prog);
        case NodeKind::SubStar:
        case NodeKind::SubRange:
        case NodeKind::DimPosition:
            error(scalar, diag::code::kBadSubscript, "a subscript range, * or @n is only allowed inside [ ]",
                  n.pos);
            return constSlot(0);
    }
    return constSlot(0);
}

}  // namespace detail
}  // namespace sdw::compile
