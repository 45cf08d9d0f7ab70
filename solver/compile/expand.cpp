// Expansion of stateful built-ins and macros into internal variables, before ordering. Smooths and material
// delays become internal stocks; DELAY (the fixed pipeline), PREVIOUS and SAMPLE IF TRUE become state slots
// updated only at step boundaries; macros are inlined. Internal names start with '#', which no user name can.
// Layer: solver.
#include <cmath>

#include "solver/equations/builtins.hpp"
#include "solver/compile/compiler_impl.hpp"
#include "solver/equations/parser.hpp"

namespace sdw::compile {
namespace detail {

using equations::Expr;
using equations::Node;
using equations::NodeKind;
using model::canonicalName;

// Terms one equation may grow to while macros are inlined into it (a parsed equation has at most a few
// hundred thousand: the parser refuses text past 1 MB).
constexpr size_t kMaxExpandedNodes = 1'000'000;
constexpr int kMaxExpandedDepth = 3 * equations::kMaxDepth;
// Macro instances one model may inline: each is a few internal variables of a few hundred bytes. Real models
// have hundreds (thousands with arrays); a body that calls its macro twice would reach 2^20.
constexpr size_t kMaxMacroInstances = 100'000;

int Compiler::exprName(Expr& e, const std::string& canonical, int pos) {
    Node n;
    n.kind = NodeKind::Name;
    n.name = canonical;
    n.text = canonical;
    n.pos = pos;
    return e.add(std::move(n));
}

int Compiler::exprNum(Expr& e, double v) {
    Node n;
    n.kind = NodeKind::Number;
    n.value = v;
    return e.add(std::move(n));
}

int Compiler::exprBin(Expr& e, char op, int a, int b) {
    Node n;
    n.kind = NodeKind::Binary;
    n.op = op;
    n.args = {a, b};
    return e.add(std::move(n));
}

int Compiler::exprCall(Expr& e, const std::string& fn, std::vector<int> args) {
    Node n;
    n.kind = NodeKind::Call;
    n.name = fn;
    n.text = fn;
    n.args = std::move(args);
    return e.add(std::move(n));
}

// Copies a subtree; safe when dst and src are the same arena (nodes are re-read after every append).
int Compiler::copyInto(Expr& dst, const Expr& src, int node) {
    Node n = src.at(node);
    for (auto& a : n.args) a = copyInto(dst, src, a);
    return dst.add(std::move(n));
}

int Compiler::newHidden(const std::string& base, ScalarKind kind, int parent) {
    const Scalar& p = m_scalars[static_cast<size_t>(parent)];
    Scalar s;
    s.canonical = "#" + std::to_string(m_hiddenCounter++) + "_" + base;
    // Named after the user's variable, not after a hidden parent: the names of hidden variables made from
    // hidden variables once grew with every generation (a recursive macro body took gigabytes in names).
    const std::string& owner =
        !p.visible && p.var >= 0 ? m_vars[static_cast<size_t>(p.var)].display : p.display;
    s.display = owner + " (" + base + ")";
    s.macroDepth = p.macroDepth;
    s.kind = kind;
    s.visible = false;
    s.var = p.var;
    s.ctx = p.ctx;
    s.scope = p.scope;
    s.line = p.line;
    VarInfo info;
    info.canonical = s.canonical;
    info.display = s.display;
    info.kind = kind == ScalarKind::Stock ? model::VarKind::Stock : model::VarKind::Aux;
    info.scope = p.scope;
    info.firstScalar = static_cast<int>(m_scalars.size());
    info.scalarCount = 1;
    m_varByName[s.canonical] = static_cast<int>(m_vars.size());
    m_vars.push_back(info);
    m_scalars.push_back(std::move(s));
    return static_cast<int>(m_scalars.size()) - 1;
}

int Compiler::hiddenAux(int parent, const Expr& src, int node, const std::string& base) {
    const Node& n = src.at(node);
    if (n.kind == NodeKind::Name && n.name == "self") return parent;
    const int h = newHidden(base, ScalarKind::Aux, parent);
    Expr e;
    e.root = copyInto(e, src, node);
    m_scalars[static_cast<size_t>(h)].expr = std::move(e);
    return h;
}

void Compiler::expandAll() {
    for (size_t i = 0; i < m_scalars.size(); ++i) {
        if (m_tooLarge) break;
        if (m_scalars[i].expr.empty()) continue;
        Expr e = m_scalars[i].expr;
        expandNode(static_cast<int>(i), e, e.root, m_scalars[i].macroDepth);
        m_scalars[i].expr = std::move(e);
    }
    // State sites hold scalar ids until slots are laid out (see Compiler::run).
}

void Compiler::expandNode(int scalar, Expr& e, int node, int macroDepth) {
    // Lowering walks the tree recursively: refuse an inlined equation deeper than the stack safely takes.
    struct Guard {
        int& depth;
        explicit Guard(int& d) : depth(++d) {}
        ~Guard() { --depth; }
    } guard(m_expandDepth);
    if (m_tooLarge) return;
    if (m_expandDepth > kMaxExpandedDepth) {
        m_tooLarge = true;
        error(scalar, diag::code::kTooDeep,
              "with its macros inlined the equation nests more than " + std::to_string(kMaxExpandedDepth) +
                  " levels deep",
              e.at(node).pos);
        return;
    }
    const std::vector<int> args = e.at(node).args;
    for (int a : args) expandNode(scalar, e, a, macroDepth);
    const Node n = e.at(node);
    if (n.kind != NodeKind::Call) return;
    // Macros that call each other twice, or DELAY N of order 1000 over a large array, multiply: stop at
    // the size guard with the variable named, rather than after minutes and gigabytes.
    if (m_scalars.size() >= m_options.maxElements || e.nodes.size() >= kMaxExpandedNodes) {
        m_tooLarge = true;
        error(scalar, diag::code::kTooLarge,
              "expanding '" + n.text + "' takes the model past its size limit (" +
                  (e.nodes.size() >= kMaxExpandedNodes
                       ? std::to_string(kMaxExpandedNodes) + " terms in one equation"
                       : std::to_string(m_options.maxElements) + " values") +
                  "); a macro that calls itself or others several times multiplies",
              n.pos);
        return;
    }
    if (const model::Macro* m = m_project.findMacro(n.name); m && !findBuiltin(n.name)) {
        if (macroDepth > 20) {
            error(scalar, diag::code::kCircular, "macro '" + n.text + "' calls itself more than 20 deep",
                  n.pos);
            return;
        }
        if (++m_macroInstances > kMaxMacroInstances) {
            m_tooLarge = true;
            error(scalar, diag::code::kTooLarge,
                  "more than " + std::to_string(kMaxMacroInstances) + " macro calls to inline (reached at '" +
                      n.text + "'); a macro that calls itself or others several times multiplies",
                  n.pos);
            return;
        }
        expandMacro(scalar, e, node, *m, macroDepth);
        return;
    }
    const BuiltinInfo* b = findBuiltin(n.name);
    if (!b || b->kind != BuiltinKind::Stateful) return;
    const int argc = static_cast<int>(n.args.size());
    if (argc < b->minArgs || (b->maxArgs >= 0 && argc > b->maxArgs)) return;  // reported when lowering
    expandStateful(scalar, e, node);
}

void Compiler::expandStateful(int scalar, Expr& e, int node) {
    const Node call = e.at(node);
    const std::string& fn = call.name;
    const auto& a = call.args;
    auto copyArg = [&](Expr& dst, int k) { return copyInto(dst, e, a[static_cast<size_t>(k)]); };
    auto replaceWith = [&](int newRoot) {
        Node repl = e.at(newRoot);
        repl.pos = call.pos;
        e.nodes[static_cast<size_t>(node)] = repl;
    };

    if (fn == "smth1" || fn == "smth3" || fn == "smthn" || fn == "delay1" || fn == "delay3" ||
        fn == "delayn") {
        const bool isDelay = fn[0] == 'd';
        int order = fn.back() == '3' ? 3 : 1;
        int initArg = fn.back() == 'n' ? 3 : 2;
        if (fn.back() == 'n') {
            const Node& on = e.at(a[2]);
            double v = 0;
            if (on.kind == NodeKind::Number) {
                v = on.value;
            } else if (on.kind == NodeKind::Name) {
                const int var = findVar(on.name, m_scalars[static_cast<size_t>(scalar)].scope);
                if (var >= 0 &&
                    m_scalars[static_cast<size_t>(m_vars[static_cast<size_t>(var)].firstScalar)].isConstant)
                    v = m_scalars[static_cast<size_t>(m_vars[static_cast<size_t>(var)].firstScalar)]
                            .constantValue;
            }
            if (!(v >= 1 && v <= 1000)) {
                error(scalar, diag::code::kBadArgument,
                      "the order of " + call.text + " must be a constant between 1 and 1000", call.pos);
                return;
            }
            order = static_cast<int>(std::lround(v));
        }
        const bool hasInit = static_cast<int>(a.size()) > initArg;
        std::vector<int> stages;
        for (int k = 0; k < order; ++k)
            stages.push_back(newHidden(fn + "_" + std::to_string(k + 1), ScalarKind::Stock, scalar));
        // Stage time = T / order. Smooth stages hold the level; delay stages hold level = rate * stage time.
        for (int k = 0; k < order; ++k) {
            Scalar& st = m_scalars[static_cast<size_t>(stages[static_cast<size_t>(k)])];
            Expr init;
            int iv = hasInit ? copyArg(init, initArg) : copyArg(init, 0);
            if (isDelay)
                iv = exprBin(init, '*', iv, exprBin(init, '/', copyArg(init, 1), exprNum(init, order)));
            init.root = iv;
            st.expr = std::move(init);
            Expr rate;
            const int stageTime = exprBin(rate, '/', copyArg(rate, 1), exprNum(rate, order));
            int inflow;
            if (k == 0) {
                inflow = copyArg(rate, 0);
            } else {
                const Scalar& prev = m_scalars[static_cast<size_t>(stages[static_cast<size_t>(k - 1)])];
                const int prevName = exprName(rate, prev.canonical, call.pos);
                inflow = isDelay ? exprBin(rate, '/', prevName, copyInto(rate, rate, stageTime)) : prevName;
            }
            const int self = exprName(
                rate, m_scalars[static_cast<size_t>(stages[static_cast<size_t>(k)])].canonical, call.pos);
            if (isDelay) {
                rate.root = exprBin(rate, '-', inflow, exprBin(rate, '/', self, stageTime));
            } else {
                rate.root = exprBin(rate, '/', exprBin(rate, '-', inflow, self), stageTime);
            }
            m_scalars[static_cast<size_t>(stages[static_cast<size_t>(k)])].rate = std::move(rate);
        }
        const std::string last = m_scalars[static_cast<size_t>(stages.back())].canonical;
        Expr out;
        int r = exprName(out, last, call.pos);
        if (isDelay) r = exprBin(out, '/', r, exprBin(out, '/', copyArg(out, 1), exprNum(out, order)));
        // Graft the result into e.
        out.root = r;
        replaceWith(copyInto(e, out, out.root));
        return;
    }

    if (fn == "trend" || fn == "forcst") {
        // average = SMTH1(input, T, input / (1 + initial trend * T)); trend = ZIDZ(input - average,
        // T*|average|).
        const int avg = newHidden(fn + "_average", ScalarKind::Stock, scalar);
        const int initTrendArg = fn == "trend" ? 2 : 3;
        Expr init;
        if (static_cast<int>(a.size()) > initTrendArg) {
            init.root = exprBin(init, '/', copyArg(init, 0),
                                exprBin(init, '+', exprNum(init, 1),
                                        exprBin(init, '*', copyArg(init, initTrendArg), copyArg(init, 1))));
        } else {
            init.root = copyArg(init, 0);
        }
        m_scalars[static_cast<size_t>(avg)].expr = std::move(init);
        const std::string avgName = m_scalars[static_cast<size_t>(avg)].canonical;
        Expr rate;
        rate.root =
            exprBin(rate, '/', exprBin(rate, '-', copyArg(rate, 0), exprName(rate, avgName, call.pos)),
                    copyArg(rate, 1));
        m_scalars[static_cast<size_t>(avg)].rate = std::move(rate);
        const int avgRef = exprName(e, avgName, call.pos);
        const int trend =
            exprCall(e, "zidz",
                     {exprBin(e, '-', copyArg(e, 0), avgRef),
                      exprBin(e, '*', copyArg(e, 1), exprCall(e, "abs", {exprName(e, avgName, call.pos)}))});
        if (fn == "trend") {
            replaceWith(trend);
        } else {
            replaceWith(exprBin(e, '*', copyArg(e, 0),
                                exprBin(e, '+', exprNum(e, 1), exprBin(e, '*', trend, copyArg(e, 2)))));
        }
        return;
    }

    if (fn == "delay" || fn == "previous" || fn == "sample_if_true") {
        const int state = newHidden(fn, ScalarKind::State, scalar);
        StateSite site;
        Expr init;
        if (fn == "delay") {
            site.kind = StateSite::Kind::Pipeline;
            site.inputSlot = static_cast<uint32_t>(hiddenAux(scalar, e, a[0], "delay_input"));
            site.delaySlot = static_cast<uint32_t>(hiddenAux(scalar, e, a[1], "delay_time"));
            init.root = a.size() > 2 ? copyArg(init, 2) : copyArg(init, 0);
        } else if (fn == "previous") {
            site.kind = StateSite::Kind::Previous;
            site.inputSlot = static_cast<uint32_t>(hiddenAux(scalar, e, a[0], "previous_input"));
            if (a.size() > 1)
                init.root = copyArg(init, 1);
            else if (e.at(a[0]).kind == NodeKind::Name && e.at(a[0]).name == "self")
                init.root = exprNum(init, 0);
            else
                init.root = copyArg(init, 0);
        } else {
            site.kind = StateSite::Kind::Previous;
            init.root = copyArg(init, 2);
        }
        m_scalars[static_cast<size_t>(state)].expr = std::move(init);
        const std::string stateName = m_scalars[static_cast<size_t>(state)].canonical;
        if (fn == "sample_if_true") {
            // result = IF cond THEN input ELSE held; held takes the result at each step boundary.
            const int result = newHidden("sample_if_true_value", ScalarKind::Aux, scalar);
            Expr r;
            Node ifn;
            ifn.kind = NodeKind::If;
            ifn.args = {copyArg(r, 0), copyArg(r, 1), exprName(r, stateName, call.pos)};
            r.root = r.add(std::move(ifn));
            m_scalars[static_cast<size_t>(result)].expr = std::move(r);
            site.inputSlot = static_cast<uint32_t>(result);
            replaceWith(exprName(e, m_scalars[static_cast<size_t>(result)].canonical, call.pos));
        } else {
            replaceWith(exprName(e, stateName, call.pos));
        }
        site.outSlot = static_cast<uint32_t>(state);
        site.initSlot = static_cast<uint32_t>(state);
        m_scalars[static_cast<size_t>(state)].stateSite = static_cast<int>(m_out->m_states.size());
        m_out->m_states.push_back(site);
        return;
    }
}

void Compiler::expandMacro(int scalar, Expr& e, int node, const model::Macro& macro, int macroDepth) {
    const Node call = e.at(node);
    if (call.args.size() > macro.params.size()) {
        error(scalar, diag::code::kArgCount,
              "macro '" + macro.name + "' takes " + std::to_string(macro.params.size()) +
                  " arguments but is given " + std::to_string(call.args.size()),
              call.pos);
        return;
    }
    const int k = m_hiddenCounter++;
    const std::string scope = "#m" + std::to_string(k) + ".";
    // Parameters become internal variables of the instance, computed in the caller's context.
    const Scalar parent = m_scalars[static_cast<size_t>(scalar)];
    for (size_t p = 0; p < macro.params.size(); ++p) {
        const std::string pname = scope + canonicalName(macro.params[p]);
        Expr pe;
        if (p < call.args.size()) {
            pe.root = copyInto(pe, e, call.args[p]);
        } else if (p < macro.paramDefaults.size() && macro.paramDefaults[p]) {
            diag::Diagnostics local;
            pe = equations::parse(*macro.paramDefaults[p], macro.name, local);
            if (local.hasErrors()) {
                m_diags.append(local);
                m_failed = true;
                return;
            }
        } else {
            error(scalar, diag::code::kArgCount,
                  "macro '" + macro.name + "' needs a value for '" + macro.params[p] + "'", call.pos);
            return;
        }
        const int h = newHidden("macro_" + canonicalName(macro.params[p]), ScalarKind::Aux, scalar);
        Scalar& hs = m_scalars[static_cast<size_t>(h)];
        hs.macroDepth = macroDepth + 1;  // a default value is expanded later, inside this instance
        m_varByName.erase(hs.canonical);
        hs.canonical = pname;
        hs.expr = std::move(pe);
        m_varByName[pname] = static_cast<int>(m_vars.size()) - 1;
        m_vars.back().canonical = pname;
    }
    // Body variables, in the instance's scope.
    std::string resultName;
    for (const auto& v : macro.body.variables) {
        const int h =
            newHidden("macro_" + canonicalName(v.name),
                      v.kind == model::VarKind::Stock ? ScalarKind::Stock : ScalarKind::Aux, scalar);
        Scalar& hs = m_scalars[static_cast<size_t>(h)];
        hs.macroDepth = macroDepth + 1;
        m_varByName.erase(hs.canonical);
        hs.canonical = scope + canonicalName(v.name);
        hs.scope = scope;
        hs.ctx.clear();
        hs.nonNegative = v.nonNegative;
        m_varByName[hs.canonical] = static_cast<int>(m_vars.size()) - 1;
        m_vars.back().canonical = hs.canonical;
        m_vars.back().scope = scope;
        m_vars.back().src = &v;
        diag::Diagnostics local;
        hs.expr = equations::parse(v.equation, macro.name + "." + v.name, local);
        if (local.hasErrors()) {
            m_diags.append(local);
            m_failed = true;
        }
        if (canonicalName(v.name) == canonicalName(macro.name)) resultName = hs.canonical;
    }
    for (const auto& v : macro.body.variables) {
        if (v.kind != model::VarKind::Stock) continue;
        const int si = m_vars[static_cast<size_t>(findVar(canonicalName(v.name), scope))].firstScalar;
        for (const auto& f : v.inflows)
            if (int fv = findVar(canonicalName(f), scope); fv >= 0)
                m_scalars[static_cast<size_t>(si)].inflows.push_back(
                    m_vars[static_cast<size_t>(fv)].firstScalar);
        for (const auto& f : v.outflows)
            if (int fv = findVar(canonicalName(f), scope); fv >= 0)
                m_scalars[static_cast<size_t>(si)].outflows.push_back(
                    m_vars[static_cast<size_t>(fv)].firstScalar);
    }
    // The macro's value: its expression body, or the body variable named after the macro.
    int newRoot = -1;
    if (!macro.equation.empty() && macro.equation.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto it = m_macroBodies.find(macro.name);
        if (it == m_macroBodies.end()) {
            diag::Diagnostics local;
            Expr body = equations::parse(macro.equation, macro.name, local);
            if (local.hasErrors()) {
                m_diags.append(local);
                m_failed = true;
                return;
            }
            it = m_macroBodies.emplace(macro.name, std::move(body)).first;
        }
        // Names in the body are the instance's: prefix them with the instance scope.
        Expr body = it->second;
        for (auto& n : body.nodes)
            if (n.kind == NodeKind::Name && findVar(n.name, scope) >= 0) n.name = scope + n.name;
        newRoot = copyInto(e, body, body.root);
    } else if (!resultName.empty()) {
        newRoot = exprName(e, resultName, call.pos);
    } else {
        error(scalar, diag::code::kMissingEquation,
              "macro '" + macro.name +
                  "' has no result (no equation and no "
                  "variable named after it)",
              call.pos);
        return;
    }
    (void)parent;
    Node repl = e.at(newRoot);
    e.nodes[static_cast<size_t>(node)] = repl;
    expandNode(scalar, e, node, macroDepth + 1);
}

}  // namespace detail
}  // namespace sdw::compile
