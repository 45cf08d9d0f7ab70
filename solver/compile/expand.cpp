// Compile stage 3: the walk that rebuilds each equation with its stateful built-ins and macro calls
// expanded, the size guards that stop a model which multiplies, internal elements, and macro inlining.
// Layer: solver.
#include "solver/compile/expand.hpp"

#include "solver/compile/expand_internal.hpp"
#include "solver/equations/builtins.hpp"
#include "solver/equations/parser.hpp"

namespace sdw::compile::detail {

using model::canonicalName;

namespace {

// Terms one equation may grow to while macros are inlined into it (a parsed equation has at most a few
// hundred thousand: the parser refuses text past 1 MB).
constexpr size_t kMaxExpandedNodes = 1'000'000;
constexpr int kMaxExpandedDepth = 3 * equations::kMaxDepth;
// Macro instances one model may inline: each is a few internal elements of a few hundred bytes. Real models
// have hundreds (thousands with arrays); a body that calls its macro twice would reach 2^20.
constexpr size_t kMaxMacroInstances = 100'000;
constexpr int kMaxMacroDepth = 20;

}  // namespace

int exprNum(Expr& e, double v) {
    Node n;
    n.kind = NodeKind::Number;
    n.value = v;
    return e.add(std::move(n));
}

int exprBin(Expr& e, char op, int a, int b) {
    Node n;
    n.kind = NodeKind::Binary;
    n.op = op;
    n.args = {a, b};
    return e.add(std::move(n));
}

int exprCall(Expr& e, const std::string& fn, std::vector<int> args) {
    Node n;
    n.kind = NodeKind::Call;
    n.name = fn;
    n.text = fn;
    n.args = std::move(args);
    return e.add(std::move(n));
}

int exprRef(Expr& e, int target, const std::string& text, int pos) {
    Node n;
    n.kind = NodeKind::ElementRef;
    n.value = target;
    n.text = text;
    n.pos = pos;
    return e.add(std::move(n));
}

int copyInto(Expr& dst, const Expr& src, int node) {
    Node n = src.at(node);
    for (auto& a : n.args) a = copyInto(dst, src, a);
    return dst.add(std::move(n));
}

Expander::Expander(ElementModel in, const model::Project& project, const CompileOptions& options,
                   Reporter& report)
    : m_project(project), m_options(options), m_report(report) {
    m_out.symbols = std::move(in.symbols);
    m_out.elements = std::move(in.elements);
    m_out.tables = std::move(in.tables);
}

ExpandedModel Expander::run() {
    // Elements made while expanding join the end of the list and are expanded in their turn.
    for (size_t i = 0; i < m_out.elements.size() && !m_tooLarge; ++i) {
        if (m_out.elements[i].expr.empty()) continue;
        if (!changes(m_out.elements[i].expr))
            continue;  // most equations: nothing to expand, kept as they are
        const Expr in = std::move(m_out.elements[i].expr);
        Expr out;
        out.nodes.reserve(in.nodes.size());
        out.root = node(static_cast<int>(i), in, in.root, out, m_out.elements[i].macroDepth);
        m_out.elements[i].expr = std::move(out);
    }
    return std::move(m_out);
}

// Whether walking `e` would change it: it calls a macro or a stateful built-in, or a size guard would stop
// at one of its calls. The walk of any other equation rebuilds the same tree.
bool Expander::changes(const Expr& e) const {
    if (m_out.elements.size() >= m_options.maxElements || e.nodes.size() >= kMaxExpandedNodes) return true;
    for (const Node& n : e.nodes) {
        if (n.kind != NodeKind::Call) continue;
        const equations::BuiltinInfo* b = equations::findBuiltin(n.name);
        if (b ? b->kind == equations::BuiltinKind::Stateful : m_project.findMacro(n.name) != nullptr)
            return true;
    }
    return false;
}

void Expander::error(int element, const char* code, const std::string& message, int pos) {
    m_report.addOnce(problemAt(m_out.symbols, at(element), code, message, pos));
}

// Node `n` of `in`, rebuilt into `out` with its arguments first; returns its index in `out`.
int Expander::node(int element, const Expr& in, int n, Expr& out, int macroDepth) {
    // Lowering walks the tree recursively: refuse an inlined equation deeper than the stack safely takes.
    struct Guard {
        int& depth;
        explicit Guard(int& d) : depth(++d) {}
        ~Guard() { --depth; }
    } guard(m_depth);
    Node copy = in.at(n);
    if (!m_tooLarge && m_depth > kMaxExpandedDepth) {
        m_tooLarge = true;
        error(element, diag::code::kTooDeep,
              "with its macros inlined the equation nests more than " + std::to_string(kMaxExpandedDepth) +
                  " levels deep",
              copy.pos);
    }
    if (m_tooLarge) return copyInto(out, in, n);
    for (auto& a : copy.args) a = node(element, in, a, out, macroDepth);
    if (copy.kind != NodeKind::Call || overLimit(element, out, copy)) return out.add(std::move(copy));
    const equations::BuiltinInfo* b = equations::findBuiltin(copy.name);
    if (const model::Macro* m = m_project.findMacro(copy.name); m && !b) {
        if (macroDepth > kMaxMacroDepth) {
            error(element, diag::code::kCircular, "macro '" + copy.text + "' calls itself more than 20 deep",
                  copy.pos);
            return out.add(std::move(copy));
        }
        if (++m_macroInstances > kMaxMacroInstances) {
            m_tooLarge = true;
            error(element, diag::code::kTooLarge,
                  "more than " + std::to_string(kMaxMacroInstances) + " macro calls to inline (reached at '" +
                      copy.text + "'); a macro that calls itself or others several times multiplies",
                  copy.pos);
            return out.add(std::move(copy));
        }
        return macro(element, out, copy, *m, macroDepth);
    }
    if (!b || b->kind != equations::BuiltinKind::Stateful) return out.add(std::move(copy));
    const int argc = static_cast<int>(copy.args.size());
    if (argc < b->minArgs || (b->maxArgs >= 0 && argc > b->maxArgs))
        return out.add(std::move(copy));  // reported when lowering
    return stateful(element, out, copy);
}

// Macros that call each other twice, or DELAY N of order 1000 over a large array, multiply: stop at the
// size guard with the variable named, rather than after minutes and gigabytes.
bool Expander::overLimit(int element, const Expr& out, const Node& call) {
    if (m_out.elements.size() < m_options.maxElements && out.nodes.size() < kMaxExpandedNodes) return false;
    m_tooLarge = true;
    error(element, diag::code::kTooLarge,
          "expanding '" + call.text + "' takes the model past its size limit (" +
              (out.nodes.size() >= kMaxExpandedNodes
                   ? std::to_string(kMaxExpandedNodes) + " terms in one equation"
                   : std::to_string(m_options.maxElements) + " values") +
              "); a macro that calls itself or others several times multiplies",
          call.pos);
    return true;
}

int Expander::newInternal(const std::string& base, ElementKind kind, int parent) {
    const Element& p = at(parent);
    Element s;
    // Named after the user's variable, not after an internal parent: the names of internal elements made from
    // internal elements once grew with every generation (a recursive macro body took gigabytes in names).
    const std::string& owner = p.internal && p.var >= 0 ? m_out.symbols.var(p.var).display : p.display;
    s.display = owner + " (" + base + ")";
    s.macroDepth = p.macroDepth;
    s.kind = kind;
    s.internal = true;
    s.var = p.var;
    s.ctx = p.ctx;
    s.scope = p.scope;
    s.line = p.line;
    m_out.elements.push_back(std::move(s));
    return static_cast<int>(m_out.elements.size()) - 1;
}

// An internal auxiliary computing a copy of `node` in the parent's context (`self` is the parent itself).
int Expander::internalAux(int parent, const Expr& src, int node, const std::string& base) {
    const Node& n = src.at(node);
    if (n.kind == NodeKind::Name && n.name == "self") return parent;
    const int h = newInternal(base, ElementKind::Aux, parent);
    Expr e;
    e.root = copyInto(e, src, node);
    at(h).expr = std::move(e);
    return h;
}

// A macro call inlined: its parameters and body variables become internal elements of one instance,
// with its own scope; the call becomes the macro's value.
int Expander::macro(int element, Expr& out, const Node& call, const model::Macro& m, int macroDepth) {
    if (call.args.size() > m.params.size()) {
        error(element, diag::code::kArgCount,
              "macro '" + m.name + "' takes " + std::to_string(m.params.size()) + " arguments but is given " +
                  std::to_string(call.args.size()),
              call.pos);
        return out.add(call);
    }
    // A scope no user name can take: canonical names never hold a double quote.
    const std::string scope = "\"macro " + std::to_string(m_instances++) + "\".";
    if (!macroParameters(element, out, call, m, scope, macroDepth)) return out.add(call);
    const int result = macroBody(element, m, scope, macroDepth);
    return macroValue(element, out, call, m, scope, result, macroDepth);
}

// Parameters are computed in the caller's context: the call's arguments, or the defaults.
bool Expander::macroParameters(int element, const Expr& out, const Node& call, const model::Macro& m,
                               const std::string& scope, int macroDepth) {
    for (size_t p = 0; p < m.params.size(); ++p) {
        Expr pe;
        if (p < call.args.size()) {
            pe.root = copyInto(pe, out, call.args[p]);
        } else if (p < m.paramDefaults.size() && m.paramDefaults[p]) {
            diag::Diagnostics local;
            pe = equations::parse(*m.paramDefaults[p], m.name, local);
            m_report.append(local);
            if (local.hasErrors()) return false;
        } else {
            error(element, diag::code::kArgCount,
                  "macro '" + m.name + "' needs a value for '" + m.params[p] + "'", call.pos);
            return false;
        }
        const int h = instanceVariable(element, m.params[p], ElementKind::Aux, scope);
        at(h).macroDepth = macroDepth + 1;  // a default value is expanded later, inside this instance
        at(h).expr = std::move(pe);
    }
    return true;
}

// Body variables, in the instance's scope; returns the element named after the macro (its value), or -1.
int Expander::macroBody(int element, const model::Macro& m, const std::string& scope, int macroDepth) {
    int result = -1;
    for (const auto& v : m.body.variables) {
        const int h = instanceVariable(
            element, v.name, v.kind == model::VarKind::Stock ? ElementKind::Stock : ElementKind::Aux, scope);
        Element& hs = at(h);
        hs.macroDepth = macroDepth + 1;
        hs.scope = scope;
        hs.ctx.clear();
        hs.nonNegative = v.nonNegative;
        diag::Diagnostics local;
        hs.expr = equations::parse(v.equation, m.name + "." + v.name, local);
        m_report.append(local);
        if (canonicalName(v.name) == canonicalName(m.name)) result = h;
    }
    const SymbolTable& st = m_out.symbols;
    for (const auto& v : m.body.variables) {
        if (v.kind != model::VarKind::Stock) continue;
        Element& stock = at(st.var(st.findVar(canonicalName(v.name), scope)).firstElement);
        for (const auto& f : v.inflows)
            if (int fv = st.findVar(canonicalName(f), scope); fv >= 0)
                stock.inflows.push_back(st.var(fv).firstElement);
        for (const auto& f : v.outflows)
            if (int fv = st.findVar(canonicalName(f), scope); fv >= 0)
                stock.outflows.push_back(st.var(fv).firstElement);
    }
    return result;
}

// An internal element that names can reach inside the instance's scope.
int Expander::instanceVariable(int element, const std::string& name, ElementKind kind,
                               const std::string& scope) {
    const int h = newInternal("macro_" + canonicalName(name), kind, element);
    VarInfo info;
    info.canonical = scope + canonicalName(name);
    info.display = at(h).display;
    info.kind = kind == ElementKind::Stock ? model::VarKind::Stock : model::VarKind::Aux;
    info.scope = scope;
    info.firstElement = h;
    info.elementCount = 1;
    info.internal = true;
    at(h).canonical = info.canonical;
    m_out.symbols.varByName[info.canonical] = static_cast<int>(m_out.symbols.vars.size());
    m_out.symbols.vars.push_back(std::move(info));
    return h;
}

// The macro's value: its expression body (names of the instance's variables made references to them), or
// the body variable named after the macro. The value is expanded in turn, one macro level deeper.
int Expander::macroValue(int element, Expr& out, const Node& call, const model::Macro& m,
                         const std::string& scope, int result, int macroDepth) {
    if (m.equation.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto it = m_macroBodies.find(m.name);
        if (it == m_macroBodies.end()) {
            diag::Diagnostics local;
            Expr body = equations::parse(m.equation, m.name, local);
            m_report.append(local);
            if (local.hasErrors()) return out.add(call);
            it = m_macroBodies.emplace(m.name, std::move(body)).first;
        }
        Expr body = it->second;
        for (auto& n : body.nodes) {
            const int v = n.kind == NodeKind::Name ? m_out.symbols.findVar(n.name, scope) : -1;
            if (v < 0) continue;
            n.kind = NodeKind::ElementRef;
            n.value = m_out.symbols.var(v).firstElement;
        }
        return node(element, body, body.root, out, macroDepth + 1);
    }
    if (result >= 0) return exprRef(out, result, at(result).display, call.pos);
    error(element, diag::code::kMissingEquation,
          "macro '" + m.name + "' has no result (no equation and no variable named after it)", call.pos);
    return out.add(call);
}

ExpandedModel expandBuiltins(ElementModel model, const model::Project& project, const CompileOptions& options,
                             Reporter& report) {
    return Expander(std::move(model), project, options, report).run();
}

}  // namespace sdw::compile::detail
