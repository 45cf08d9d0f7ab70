// Lowering of function calls: math, conditionals, time functions held across RK sub-steps, random draws,
// INIT / ACTIVE INITIAL, graphical-function look-ups and array reductions. Layer: solver.
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

Fn math1(const std::string& name) {
    if (name == "abs") return Fn::Abs;
    if (name == "exp") return Fn::Exp;
    if (name == "ln") return Fn::Ln;
    if (name == "log10") return Fn::Log10;
    if (name == "sqrt") return Fn::Sqrt;
    if (name == "sin") return Fn::Sin;
    if (name == "cos") return Fn::Cos;
    if (name == "tan") return Fn::Tan;
    if (name == "arcsin") return Fn::Asin;
    if (name == "arccos") return Fn::Acos;
    if (name == "arctan") return Fn::Atan;
    if (name == "sign") return Fn::Sign;
    if (name == "round") return Fn::Round;
    return Fn::Int;  // int, integer
}

std::string plural(int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

uint32_t Compiler::lowerCall(int scalar, const Expr& e, int node, Phase phase, std::vector<Instr>& prog) {
    const Node& n = e.at(node);
    const int argc = static_cast<int>(n.args.size());
    auto arg = [&](int k) { return lower(scalar, e, n.args[static_cast<size_t>(k)], phase, prog); };
    const Scalar& self = m_scalars[static_cast<size_t>(scalar)];

    // A graphical function called by name: table(x).
    if (const int var = n.name[0] == '#' ? -1 : findVar(n.name, self.scope);
        var >= 0 && !findBuiltin(n.name)) {
        const auto r = resolve(scalar, e, node, m_extra, false);
        const int target = r.size() == 1 ? r[0] : m_vars[static_cast<size_t>(var)].firstScalar;
        const int table = target >= 0 ? m_scalars[static_cast<size_t>(target)].table : -1;
        if (table < 0) {
            error(scalar, diag::code::kUnknownFunction,
                  "'" + n.text +
                      "' is a variable, not a function or "
                      "graphical function",
                  n.pos);
            return constSlot(0);
        }
        if (argc != 1) {
            error(scalar, diag::code::kArgCount,
                  "graphical function '" + n.text + "' takes 1 argument, not " + std::to_string(argc), n.pos);
            return constSlot(0);
        }
        return emit(prog, Op::Lookup, arg(0), static_cast<uint32_t>(table));
    }
    const BuiltinInfo* b = findBuiltin(n.name);
    if (!b) {
        error(scalar, diag::code::kUnknownFunction, "unknown function '" + n.text + "'", n.pos);
        return constSlot(0);
    }
    if (argc < b->minArgs || (b->maxArgs >= 0 && argc > b->maxArgs)) {
        std::string want = b->minArgs == b->maxArgs ? plural(b->minArgs, "argument")
                           : b->maxArgs < 0
                               ? "at least " + plural(b->minArgs, "argument")
                               : std::to_string(b->minArgs) + " to " + plural(b->maxArgs, "argument");
        error(scalar, diag::code::kArgCount,
              n.text + " takes " + want + " but is given " + std::to_string(argc), n.pos);
        return constSlot(0);
    }
    switch (b->kind) {
        case BuiltinKind::Math1: {
            const uint32_t a = arg(0);
            return emit(prog, Op::Fn1, a, 0, 0, math1(n.name));
        }
        case BuiltinKind::Math2: {
            const uint32_t a = arg(0), c = arg(1);
            if (n.name == "log") return emit(prog, Op::Fn2, a, c, 0, Fn::LogN);
            if (n.name == "power") return emit(prog, Op::Pow, a, c);
            return emit(prog, Op::Mod, a, c);
        }
        case BuiltinKind::Constant: {
            if (n.name == "pi") return constSlot(M_PI);
            if (n.name == "inf") return constSlot(std::numeric_limits<double>::infinity());
            if (n.name == "time") return CompiledModel::kTimeSlot;
            if (n.name == "dt") return CompiledModel::kDtSlot;
            if (n.name == "starttime") return CompiledModel::kStartSlot;
            return CompiledModel::kStopSlot;
        }
        case BuiltinKind::MinMax: {
            if (argc == 1) return lowerReduce(scalar, e, node, phase, prog);
            uint32_t acc = arg(0);
            for (int k = 1; k < argc; ++k)
                acc = emit(prog, Op::Fn2, acc, arg(k), 0, n.name == "min" ? Fn::Min2 : Fn::Max2);
            return acc;
        }
        case BuiltinKind::Reduce:
            return lowerReduce(scalar, e, node, phase, prog);
        case BuiltinKind::Conditional: {
            if (n.name == "if_then_else") {
                const uint32_t c = arg(0), a = arg(1), d = arg(2);
                return emit(prog, Op::Select, c, a, d);
            }
            const uint32_t a = arg(0), d = arg(1);
            if (n.name == "zidz") return emit(prog, Op::Fn2, a, d, 0, Fn::Zidz);
            if (argc == 2) return emit(prog, Op::Fn2, a, d, 0, Fn::SafeDiv2);
            return emit(prog, Op::Fn3, a, d, arg(2), Fn::Xidz);
        }
        case BuiltinKind::TimeFn: {
            if (n.name == "step") {
                const uint32_t h = arg(0), t = arg(1);
                return emit(prog, Op::Step, h, t);
            }
            if (n.name == "ramp") {
                const uint32_t s = arg(0), t0 = arg(1);
                const uint32_t t1 = argc > 2 ? arg(2) : constSlot(std::numeric_limits<double>::infinity());
                return emit(prog, Op::Ramp, s, t0, t1);
            }
            if (n.name == "pulse") {
                const uint32_t m = arg(0);
                const uint32_t first = argc > 1 ? arg(1) : CompiledModel::kStartSlot;
                const uint32_t every = argc > 2 ? arg(2) : constSlot(0);
                return emit(prog, Op::Pulse, m, first, every);
            }
            // PULSE_WIDTH(start, width) and PULSE_TRAIN(start, width, interval, end): operands in a list.
            const uint32_t offset = static_cast<uint32_t>(m_out->m_lists.size());
            std::vector<uint32_t> ops = {arg(0), arg(1)};
            if (n.name == "pulse_train") {
                ops.push_back(arg(2));
                ops.push_back(arg(3));
            } else {
                ops.push_back(constSlot(std::numeric_limits<double>::infinity()));
                ops.push_back(constSlot(std::numeric_limits<double>::infinity()));
            }
            m_out->m_lists.insert(m_out->m_lists.end(), ops.begin(), ops.end());
            return emit(prog, Op::PulseTrain, offset, 0, 4);
        }
        case BuiltinKind::Random: {
            // The initial and the per-step programs each get a site (each reads its own arguments), but the
            // two hold their draw in one slot: the value drawn while initialising is the start-time row's
            // value, which the per-step program keeps until it draws at the next step.
            std::string key = std::to_string(scalar) + ':' + std::to_string(node);
            for (const auto& bd : m_extra)
                key += ',' + std::to_string(bd.dim) + '=' + std::to_string(bd.elem);
            RandomSite site;
            const std::string& f = n.name;
            site.dist = f == "normal"       ? RandomSite::Dist::Normal
                        : f == "lognormal"  ? RandomSite::Dist::LogNormal
                        : f == "exprnd"     ? RandomSite::Dist::Exponential
                        : f == "poisson"    ? RandomSite::Dist::Poisson
                        : f == "triangular" ? RandomSite::Dist::Triangular
                                            : RandomSite::Dist::Uniform;
            for (int k = 0; k < argc; ++k) site.args.push_back(arg(k));
            auto held = m_randomSlots.find(key);
            site.valueSlot = held != m_randomSlots.end() ? held->second : tempSlot();
            m_randomSlots[key] = site.valueSlot;
            const uint32_t index = static_cast<uint32_t>(m_out->m_randoms.size());
            m_out->m_randoms.push_back(site);
            return emit(prog, Op::Random, index, site.valueSlot);
        }
        case BuiltinKind::Init: {
            if (n.name == "active_initial") return arg(phase == Phase::Init ? 1 : 0);
            const uint64_t key = (static_cast<uint64_t>(scalar) << 32) | static_cast<uint32_t>(node);
            if (phase == Phase::Init) {
                const uint32_t v = arg(0);
                const uint32_t keep = tempSlot();
                prog.push_back(Instr{Op::Copy, Fn::Abs, keep, v, 0, 0});
                m_initCapture[key] = keep;
                if (m_pinned.size() <= keep) m_pinned.resize(keep + 1, false);
                m_pinned[keep] = true;
                return keep;
            }
            auto it = m_initCapture.find(key);
            if (it == m_initCapture.end()) {
                error(scalar, diag::code::kUnsupported, "INIT() could not be resolved here", n.pos);
                return constSlot(0);
            }
            return it->second;
        }
        case BuiltinKind::Lookup: {
            const Node& t = e.at(n.args[0]);
            const auto r =
                t.kind == NodeKind::Name ? resolve(scalar, e, n.args[0], m_extra, true) : std::vector<int>{};
            const int table = r.size() == 1 ? m_scalars[static_cast<size_t>(r[0])].table : -1;
            if (table < 0) {
                error(scalar, diag::code::kBadArgument,
                      "the first argument of LOOKUP must be a graphical function", t.pos);
                return constSlot(0);
            }
            return emit(prog, Op::Lookup, arg(1), static_cast<uint32_t>(table));
        }
        case BuiltinKind::Stateful:
            error(scalar, diag::code::kUnsupported, n.text + " could not be expanded here", n.pos);
            return constSlot(0);
    }
    return constSlot(0);
}

uint32_t Compiler::lowerReduce(int scalar, const Expr& e, int node, Phase phase, std::vector<Instr>& prog) {
    const Node& n = e.at(node);
    if (n.name == "size" && n.args.size() == 1) {
        // SIZE(dim): the number of elements of a dimension named bare (Vensim's ELMCOUNT), unless a variable
        // has that name.
        const Node& a = e.at(n.args[0]);
        const Scalar& self = m_scalars[static_cast<size_t>(scalar)];
        if (a.kind == NodeKind::Name && !a.subscripted && findVar(a.name, self.scope) < 0) {
            auto d = m_dimByName.find(a.name);
            if (d != m_dimByName.end())
                return constSlot(static_cast<double>(m_dims[static_cast<size_t>(d->second)].elems.size()));
        }
    }
    std::vector<uint32_t> slots;
    const auto saved = m_extra;
    if (n.args.size() > 1) {  // MEAN(a, b, c): the mean of its arguments
        for (int a : n.args) slots.push_back(lower(scalar, e, a, phase, prog));
    } else {
        for (const auto& combo : wildcardCombos(scalar, e, n.args[0])) {
            m_extra = combo;
            slots.push_back(lower(scalar, e, n.args[0], phase, prog));
        }
    }
    m_extra = saved;
    if (n.name == "size") return constSlot(static_cast<double>(slots.size()));
    Op op = Op::Sum;
    if (n.name == "prod")
        op = Op::Prod;
    else if (n.name == "min")
        op = Op::MinN;
    else if (n.name == "max")
        op = Op::MaxN;
    else if (n.name == "mean")
        op = Op::Mean;
    else if (n.name == "stddev")
        op = Op::Stddev;
    if (slots.size() == 1 && op != Op::Stddev) return slots[0];
    const uint32_t offset = static_cast<uint32_t>(m_out->m_lists.size());
    m_out->m_lists.insert(m_out->m_lists.end(), slots.begin(), slots.end());
    return emit(prog, op, offset, 0, static_cast<uint32_t>(slots.size()));
}

}  // namespace detail
}  // namespace sdw::compile
