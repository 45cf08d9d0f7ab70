// Lowering calls: graphical functions called by name, and each kind of built-in: math, conditionals, time
// functions held across RK sub-steps, random draws, INIT / ACTIVE INITIAL, LOOKUP and array reductions.
// Layer: solver.
#include <cmath>
#include <limits>

#include "solver/compile/lower.hpp"

namespace sdw::compile::detail {

using equations::BuiltinKind;
using equations::Node;
using equations::NodeKind;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The interpreter's function code of each one-argument math built-in.
const std::pair<const char*, Fn> kMathFunctions[] = {
    {"abs", Fn::Abs},     {"exp", Fn::Exp},       {"ln", Fn::Ln},       {"log10", Fn::Log10},
    {"sqrt", Fn::Sqrt},   {"sin", Fn::Sin},       {"cos", Fn::Cos},     {"tan", Fn::Tan},
    {"arcsin", Fn::Asin}, {"arccos", Fn::Acos},   {"arctan", Fn::Atan}, {"sign", Fn::Sign},
    {"round", Fn::Round}, {"int", Fn::Int},       {"sinh", Fn::Sinh},   {"cosh", Fn::Cosh},
    {"tanh", Fn::Tanh},   {"integer", Fn::Trunc},  // Vensim's INTEGER truncates; XMILE's INT rounds down
};

Fn mathFunction(const std::string& name) {
    for (const auto& [n, fn] : kMathFunctions)
        if (name == n) return fn;
    return Fn::Int;
}

std::string plural(int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

RandomSite::Dist distribution(const std::string& f) {
    return f == "normal"       ? RandomSite::Dist::Normal
           : f == "lognormal"  ? RandomSite::Dist::LogNormal
           : f == "exprnd"     ? RandomSite::Dist::Exponential
           : f == "poisson"    ? RandomSite::Dist::Poisson
           : f == "triangular" ? RandomSite::Dist::Triangular
                               : RandomSite::Dist::Uniform;
}

}  // namespace

uint32_t Lowerer::arg(Site& at, const Node& n, int k) {
    return expr(at, n.args[static_cast<size_t>(k)]);
}

uint32_t Lowerer::call(Site& at, int node) {
    const Node& n = at.e.at(node);
    const int argc = static_cast<int>(n.args.size());
    const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
    if (const int var = m_model.symbols.findVar(n.name, m_model.element(at.element).scope); var >= 0 && !b)
        return graphicalCall(at, node, var);
    if (!b) {
        error(at.element, diag::code::kUnknownFunction, "unknown function '" + n.text + "'", n.pos);
        return m_out.constant(0);
    }
    if (argc < b->minArgs || (b->maxArgs >= 0 && argc > b->maxArgs)) {
        const std::string want = b->minArgs == b->maxArgs ? plural(b->minArgs, "argument")
                                 : b->maxArgs < 0
                                     ? "at least " + plural(b->minArgs, "argument")
                                     : std::to_string(b->minArgs) + " to " + plural(b->maxArgs, "argument");
        error(at.element, diag::code::kArgCount,
              n.text + " takes " + want + " but is given " + std::to_string(argc), n.pos);
        return m_out.constant(0);
    }
    switch (b->kind) {
        case BuiltinKind::Math1:
        case BuiltinKind::Math2:
        case BuiltinKind::Constant:
            return math(at, n, b->kind);
        case BuiltinKind::MinMax:
            if (argc == 1) return reduce(at, n);
            {
                uint32_t acc = arg(at, n, 0);
                for (int k = 1; k < argc; ++k)
                    acc = m_out.emit(at.prog, Op::Fn2, acc, arg(at, n, k), 0,
                                     n.name == "min" ? Fn::Min2 : Fn::Max2);
                return acc;
            }
        case BuiltinKind::Reduce:
            return reduce(at, n);
        case BuiltinKind::Conditional:
            return conditionalCall(at, n);
        case BuiltinKind::TimeFn:
            return timeFunction(at, n);
        case BuiltinKind::Random:
            return random(at, n, node);
        case BuiltinKind::Init:
            return initial(at, n, node);
        case BuiltinKind::Lookup:
            return lookup(at, n);
        case BuiltinKind::ArrayFn:
            return arrayFunction(at, node);
        case BuiltinKind::Stateful:
            error(at.element, diag::code::kUnsupported, n.text + " could not be expanded here", n.pos);
            return m_out.constant(0);
    }
    return m_out.constant(0);
}

// table(x): the variable's lookup table, the element's own when it is arrayed with one table per element.
uint32_t Lowerer::graphicalCall(Site& at, int node, int var) {
    const Node& n = at.e.at(node);
    const auto r = m_resolver.resolve(at.element, at.e, node, at.extra);
    const int target = r.size() == 1 ? r[0] : m_model.symbols.var(var).firstElement;
    const int table = target >= 0 ? m_model.element(target).table : -1;
    if (table < 0) {
        error(at.element, diag::code::kUnknownFunction,
              "'" + n.text + "' is a variable, not a function or graphical function", n.pos);
        return m_out.constant(0);
    }
    if (n.args.size() != 1) {
        error(at.element, diag::code::kArgCount,
              "graphical function '" + n.text + "' takes 1 argument, not " + std::to_string(n.args.size()),
              n.pos);
        return m_out.constant(0);
    }
    return m_out.emit(at.prog, Op::Lookup, arg(at, n, 0), static_cast<uint32_t>(table));
}

uint32_t Lowerer::math(Site& at, const Node& n, BuiltinKind kind) {
    if (kind == BuiltinKind::Math1) {
        const uint32_t a = arg(at, n, 0);
        return m_out.emit(at.prog, Op::Fn1, a, 0, 0, mathFunction(n.name));
    }
    if (kind == BuiltinKind::Math2) {
        const uint32_t a = arg(at, n, 0), c = arg(at, n, 1);
        if (n.name == "log") return m_out.emit(at.prog, Op::Fn2, a, c, 0, Fn::LogN);
        if (n.name == "power") return m_out.emit(at.prog, Op::Pow, a, c);
        if (n.name == "quantum") return m_out.emit(at.prog, Op::Fn2, a, c, 0, Fn::Quantum);
        if (n.name == "modulo") return m_out.emit(at.prog, Op::Fn2, a, c, 0, Fn::Modulo);
        return m_out.emit(at.prog, Op::Mod, a, c);
    }
    // PI(), INF(), TIME(), DT(), STARTTIME(), STOPTIME()
    if (n.name == "pi") return m_out.constant(M_PI);
    if (n.name == "inf") return m_out.constant(kInf);
    if (n.name == "time") return CompiledModel::kTimeSlot;
    if (n.name == "dt") return CompiledModel::kDtSlot;
    if (n.name == "starttime") return CompiledModel::kStartSlot;
    return CompiledModel::kStopSlot;
}

uint32_t Lowerer::conditionalCall(Site& at, const Node& n) {
    if (n.name == "if_then_else") {
        const uint32_t c = arg(at, n, 0), a = arg(at, n, 1), d = arg(at, n, 2);
        return m_out.emit(at.prog, Op::Select, c, a, d);
    }
    const uint32_t a = arg(at, n, 0), d = arg(at, n, 1);
    if (n.name == "zidz") return m_out.emit(at.prog, Op::Fn2, a, d, 0, Fn::Zidz);
    if (n.args.size() == 2) return m_out.emit(at.prog, Op::Fn2, a, d, 0, Fn::SafeDiv2);
    const uint32_t c = arg(at, n, 2);
    return m_out.emit(at.prog, Op::Fn3, a, d, c, Fn::Xidz);
}

// STEP, RAMP, PULSE, PULSE_WIDTH and PULSE_TRAIN: the interpreter holds them across RK sub-steps.
uint32_t Lowerer::timeFunction(Site& at, const Node& n) {
    const size_t argc = n.args.size();
    if (n.name == "step") {
        const uint32_t h = arg(at, n, 0), t = arg(at, n, 1);
        return m_out.emit(at.prog, Op::Step, h, t);
    }
    if (n.name == "ramp") {
        const uint32_t s = arg(at, n, 0), t0 = arg(at, n, 1);
        const uint32_t t1 = argc > 2 ? arg(at, n, 2) : m_out.constant(kInf);
        return m_out.emit(at.prog, Op::Ramp, s, t0, t1);
    }
    if (n.name == "pulse") {
        const uint32_t m = arg(at, n, 0);
        const uint32_t first = argc > 1 ? arg(at, n, 1) : CompiledModel::kStartSlot;
        const uint32_t every = argc > 2 ? arg(at, n, 2) : m_out.constant(0);
        return m_out.emit(at.prog, Op::Pulse, m, first, every);
    }
    // PULSE_WIDTH(start, width) and PULSE_TRAIN(start, width, interval, end): operands in a list, placed
    // after the operands are lowered (a SUM among them adds a list of its own).
    std::vector<uint32_t> ops = {arg(at, n, 0), arg(at, n, 1)};
    if (n.name == "pulse_train") {
        ops.push_back(arg(at, n, 2));
        ops.push_back(arg(at, n, 3));
    } else {
        ops.push_back(m_out.constant(kInf));
        ops.push_back(m_out.constant(kInf));
    }
    return m_out.emit(at.prog, Op::PulseTrain, m_out.list(ops), 0, 4);
}

// The initial and the per-step programs each get a site (each reads its own arguments), but the two hold
// their draw in one slot: the value drawn while initialising is the start-time row's value, which the
// per-step program keeps until it draws at the next step.
uint32_t Lowerer::random(Site& at, const Node& n, int node) {
    std::string key = std::to_string(at.element) + ':' + std::to_string(node);
    for (const auto& bd : at.extra) key += ',' + std::to_string(bd.dim) + '=' + std::to_string(bd.elem);
    RandomSite site;
    site.dist = distribution(n.name);
    for (size_t k = 0; k < n.args.size(); ++k) site.args.push_back(arg(at, n, static_cast<int>(k)));
    auto held = m_randomSlots.find(key);
    site.valueSlot = held != m_randomSlots.end() ? held->second : m_out.temp();
    m_randomSlots[key] = site.valueSlot;
    auto& randoms = m_out.program().randoms;
    randoms.push_back(site);
    return m_out.emit(at.prog, Op::Random, static_cast<uint32_t>(randoms.size() - 1), site.valueSlot);
}

// INIT(x): x captured while initialising, in a pinned slot the per-step program reads. ACTIVE INITIAL(a, i):
// i while initialising, a afterwards.
uint32_t Lowerer::initial(Site& at, const Node& n, int node) {
    if (n.name == "active_initial") return arg(at, n, at.phase == Phase::Init ? 1 : 0);
    const uint64_t key = (static_cast<uint64_t>(at.element) << 32) | static_cast<uint32_t>(node);
    if (at.phase == Phase::Init) {
        const uint32_t v = arg(at, n, 0);
        const uint32_t keep = m_out.temp();
        at.prog.push_back(Instr{Op::Copy, Fn::Abs, keep, v, 0, 0});
        m_initCapture[key] = keep;
        m_out.pin(keep);
        return keep;
    }
    auto it = m_initCapture.find(key);
    if (it == m_initCapture.end()) {
        error(at.element, diag::code::kUnsupported, "INIT() could not be resolved here", n.pos);
        return m_out.constant(0);
    }
    return it->second;
}

uint32_t Lowerer::lookup(Site& at, const Node& n) {
    const Node& t = at.e.at(n.args[0]);
    Problem problem;
    const auto r = t.kind == NodeKind::Name
                       ? m_resolver.resolve(at.element, at.e, n.args[0], at.extra, &problem)
                       : std::vector<int>{};
    if (problem.code) error(at.element, problem.code, problem.message, problem.pos);
    const int table = r.size() == 1 ? m_model.element(r[0]).table : -1;
    if (table < 0) {
        error(at.element, diag::code::kBadArgument,
              "the first argument of " + n.text + " must be a graphical function", t.pos);
        return m_out.constant(0);
    }
    const uint32_t read = n.name == "lookup" ? static_cast<uint32_t>(table) : derivedTable(table, n.name);
    return m_out.emit(at.prog, Op::Lookup, arg(at, n, 1), read);
}

// The model's table `table` made to read as Vensim's LOOKUP EXTRAPOLATE, FORWARD or BACKWARD read it, so the
// interpreter and the native code read it with the ordinary lookup. EXTRAPOLATE goes straight on past both
// ends along the end segments; BACKWARD holds each point's y until the next point (XMILE's discrete table).
// FORWARD gives, for x in (x[i-1], x[i]], the y of x[i]: a discrete table whose steps start just above each
// earlier point (the next double up), so that x exactly at a point still reads that point's own y.
uint32_t Lowerer::derivedTable(int table, const std::string& function) {
    const std::string key = std::to_string(table) + ":" + function;
    if (auto it = m_derivedTables.find(key); it != m_derivedTables.end()) return it->second;
    using Kind = model::GraphicalFunction::Kind;
    LookupTable t = m_model.tables[static_cast<size_t>(table)];
    if (function == "lookup_extrapolate") {
        t.kind = Kind::Extrapolate;
    } else {
        t.kind = Kind::Discrete;
        if (function == "lookup_forward")
            for (size_t i = t.xs.size(); i-- > 1;) t.xs[i] = std::nextafter(t.xs[i - 1], kInf);
    }
    auto& derived = m_out.program().derivedTables;
    derived.push_back(std::move(t));
    const auto index = static_cast<uint32_t>(m_model.tables.size() + derived.size() - 1);
    m_derivedTables.emplace(key, index);
    return index;
}

// SUM, PROD, MIN, MAX, MEAN, STDDEV and SIZE over every element their argument ranges over (or MEAN over its
// arguments); SIZE(dim) counts a dimension named bare, unless a variable has that name.
uint32_t Lowerer::reduce(Site& at, const Node& n) {
    if (n.name == "size" && n.args.size() == 1) {
        const Node& a = at.e.at(n.args[0]);
        const std::string& scope = m_model.element(at.element).scope;
        if (a.kind == NodeKind::Name && !a.subscripted && m_model.symbols.findVar(a.name, scope) < 0) {
            if (const int d = m_model.symbols.findDim(a.name); d >= 0)
                return m_out.constant(static_cast<double>(m_model.symbols.dim(d).elems.size()));
        }
    }
    std::vector<uint32_t> slots;
    if (n.args.size() > 1) {
        for (int a : n.args) slots.push_back(expr(at, a));
    } else {
        const std::vector<Binding> around = at.extra;
        for (const auto& combo : m_resolver.wildcardCombos(at.element, at.e, n.args[0], around)) {
            at.extra = combo;
            slots.push_back(expr(at, n.args[0]));
        }
        at.extra = around;
    }
    if (n.name == "size") return m_out.constant(static_cast<double>(slots.size()));
    const Op op = n.name == "prod"     ? Op::Prod
                  : n.name == "min"    ? Op::MinN
                  : n.name == "max"    ? Op::MaxN
                  : n.name == "mean"   ? Op::Mean
                  : n.name == "stddev" ? Op::Stddev
                                       : Op::Sum;
    if (slots.size() == 1 && op != Op::Stddev) return slots[0];
    return m_out.emit(at.prog, op, m_out.list(slots), 0, static_cast<uint32_t>(slots.size()));
}

}  // namespace sdw::compile::detail
