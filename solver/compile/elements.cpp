// Compile stage 2: every variable's elements with parsed equations (per-element definitions, equation
// overrides and module inputs applied), lookup tables checked, literal constants marked, stocks linked to
// their flows. Layer: solver.
#include "solver/compile/elements.hpp"

#include <cmath>
#include <sstream>

#include "solver/equations/parser.hpp"

namespace sdw::compile::detail {
namespace {

using model::canonicalName;

LookupTable tableFrom(const model::GraphicalFunction& gf) {
    LookupTable t;
    t.kind = gf.kind;
    t.ys = gf.ys;
    if (!gf.xs.empty()) {
        t.xs = gf.xs;
    } else if (gf.xscale && gf.ys.size() > 1) {
        for (size_t i = 0; i < gf.ys.size(); ++i)
            t.xs.push_back(gf.xscale->first + (gf.xscale->second - gf.xscale->first) *
                                                  static_cast<double>(i) /
                                                  static_cast<double>(gf.ys.size() - 1));
    } else if (gf.ys.size() == 1) {
        t.xs = {gf.xscale ? gf.xscale->first : 0.0};
    }
    return t;
}

// What is wrong with a table, or "" when it can be used. Lookups bisect x, so x must be finite and never
// decrease; a NaN or an unsorted x once sent the bisection past the end of the table.
std::string tableProblem(const LookupTable& t) {
    if (t.xs.size() != t.ys.size() || t.xs.empty())
        return "graphical function has " + std::to_string(t.xs.size()) + " x points and " +
               std::to_string(t.ys.size()) + " y points";
    for (size_t i = 0; i < t.xs.size(); ++i) {
        if (!std::isfinite(t.xs[i]) || !std::isfinite(t.ys[i]))
            return "graphical function point " + std::to_string(i + 1) + " is not a finite number";
        if (i > 0 && t.xs[i] < t.xs[i - 1]) {
            std::ostringstream msg;
            msg << "graphical function x points must not decrease, but point " << i + 1 << " (x = " << t.xs[i]
                << ") comes after x = " << t.xs[i - 1];
            return msg.str();
        }
    }
    return "";
}

bool literalValue(const equations::Expr& e, double& v) {
    if (e.empty()) return false;
    const auto& n = e.at(e.root);
    if (n.kind == equations::NodeKind::Number) {
        v = n.value;
        return true;
    }
    if (n.kind == equations::NodeKind::Unary && n.op == '-' &&
        e.at(n.args[0]).kind == equations::NodeKind::Number) {
        v = -e.at(n.args[0]).value;
        return true;
    }
    return false;
}

bool blank(const std::string& t) {
    return t.find_first_not_of(" \t\r\n") == std::string::npos;
}

ElementKind elementKind(model::VarKind k) {
    return k == model::VarKind::Stock  ? ElementKind::Stock
           : k == model::VarKind::Flow ? ElementKind::Flow
                                       : ElementKind::Aux;
}

// What Vensim means by the XMILE it writes: INT for its INTEGER (toward zero; XMILE's INT rounds down) and
// MOD for its MODULO (the dividend's sign; XMILE's MOD takes the divisor's). -9.9 gives -9 and -0.9 mod 3.
void vensimMeaning(equations::Expr& e) {
    for (auto& n : e.nodes) {
        if (n.kind == equations::NodeKind::Call && n.name == "int") n.name = "integer";
        if (n.kind == equations::NodeKind::Call && n.name == "mod") n.name = "modulo";
        if (n.kind == equations::NodeKind::Binary && n.op == '%') {
            n.kind = equations::NodeKind::Call;
            n.op = 0;
            n.name = "modulo";
        }
    }
}

class ElementBuilder {
  public:
    ElementBuilder(SymbolTable symbols, const CompileOptions& options, Reporter& report, bool vensimDialect)
        : m_options(options), m_report(report), m_vensimDialect(vensimDialect) {
        m_out.symbols = std::move(symbols);
        for (const auto& [name, eq] : options.equationOverrides) m_overrides[canonicalName(name)] = eq;
    }

    ElementModel run() {
        for (size_t vi = 0; vi < m_out.symbols.vars.size(); ++vi) {
            if (m_out.symbols.vars[vi].kind == model::VarKind::Module) continue;
            if (!addVariable(static_cast<int>(vi))) {
                m_out.complete = false;
                break;
            }
        }
        linkStocks();
        return std::move(m_out);
    }

  private:
    // The equation every element shares, unless one has its own, and the scope it is read in.
    struct Shared {
        std::string text;
        bool overridden = false;
        equations::Expr expr;
        bool parsed = false;
        bool unreadable = false;  // the parser reported an error in it
    };

    bool addVariable(int vi);
    int addTable(const model::GraphicalFunction& gf, const std::string& where, int line, bool warnOnePoint);
    bool fits(const VarInfo& var, int n);
    std::unordered_map<std::string, const model::ElementEquation*> definitions(const VarInfo& var) const;
    Element element(int vi, int flat, Shared& shared,
                    const std::unordered_map<std::string, const model::ElementEquation*>& defs);
    equations::Expr parsed(const std::string& text, const std::string& where, int line);
    void linkStocks();
    void link(int element, const std::vector<std::string>& flows, std::vector<int>& out);

    const CompileOptions& m_options;
    Reporter& m_report;
    bool m_vensimDialect;  // an XMILE file Vensim wrote
    ElementModel m_out;
    std::unordered_map<std::string, std::string> m_overrides;  // canonical name -> equation
    bool m_unreadable = false;  // the equation of the element being built has a parse error
};

bool ElementBuilder::addVariable(int vi) {
    VarInfo& var = m_out.symbols.vars[static_cast<size_t>(vi)];
    const model::Variable& src = *var.src;
    if (src.gf) var.table = addTable(*src.gf, src.name, src.line, true);
    Shared shared;
    auto ov = m_overrides.find(var.canonical);
    auto input = m_out.symbols.inputs.find(var.canonical);
    if (input != m_out.symbols.inputs.end()) {
        var.scope = input->second.parentScope;  // an input reads the parent
        // A module input drawn as a stock (Stella's placeholder for what the parent sends) is replaced by
        // what is connected to it, every step: kept a stock, it would hold its first value for the whole run.
        if (var.kind == model::VarKind::Stock) {
            var.kind = model::VarKind::Aux;
            if (!src.inflows.empty() || !src.outflows.empty())
                m_report.warning(diag::code::kInputFlowsUnused, var.display,
                                 "'" + var.display + "' is a stock used as a module input: it takes '" +
                                     input->second.equation +
                                     "' from the parent at every step, and its own flows are not used",
                                 0, src.line);
        }
    }
    shared.overridden = ov != m_overrides.end();
    shared.text = shared.overridden                     ? ov->second
                  : input != m_out.symbols.inputs.end() ? input->second.equation
                                                        : src.equation;
    const int n = m_out.symbols.elementCount(var.dims, m_options.maxElements);
    if (!fits(var, n)) return false;
    var.firstElement = static_cast<int>(m_out.elements.size());
    var.elementCount = n;
    const auto defs = definitions(var);
    for (int flat = 0; flat < n; ++flat) m_out.elements.push_back(element(vi, flat, shared, defs));
    return true;
}

int ElementBuilder::addTable(const model::GraphicalFunction& gf, const std::string& where, int line,
                             bool warnOnePoint) {
    LookupTable t = tableFrom(gf);
    if (const std::string problem = tableProblem(t); !problem.empty()) {
        m_report.error(diag::code::kBadGraphical, where, problem, 0, line);
        return -1;
    }
    if (warnOnePoint && t.xs.size() == 1)
        m_report.warning(diag::code::kGraphicalOnePoint, where,
                         "graphical function has a single point: it is the constant " +
                             std::to_string(t.ys[0]) + " whatever its input",
                         0, line);
    m_out.tables.push_back(std::move(t));
    return static_cast<int>(m_out.tables.size()) - 1;
}

bool ElementBuilder::fits(const VarInfo& var, int n) {
    if (static_cast<size_t>(n) + m_out.elements.size() <= m_options.maxElements) return true;
    std::string dims;
    for (int d : var.dims)
        dims += (dims.empty() ? "" : " x ") + m_out.symbols.dim(d).display + " (" +
                std::to_string(m_out.symbols.dim(d).elems.size()) + ")";
    m_report.error(diag::code::kTooLarge, var.src->name,
                   "'" + var.src->name + "' would take the model past " +
                       std::to_string(m_options.maxElements) + " values" +
                       (dims.empty() ? "" : " (it is arrayed over " + dims + ")") +
                       "; use fewer or smaller dimensions",
                   0, var.src->line);
    return false;
}

// Per-element definitions by their canonical subscripts, looked up once per element (a search of the whole
// list for every element took minutes for an arrayed constant of 10^5 values). The last definition wins.
std::unordered_map<std::string, const model::ElementEquation*> ElementBuilder::definitions(
    const VarInfo& var) const {
    std::unordered_map<std::string, const model::ElementEquation*> defs;
    for (const auto& ee : var.src->elements) {
        if (ee.subscripts.size() != var.dims.size()) continue;
        std::string key;
        for (const auto& sub : ee.subscripts) key += canonicalName(sub) + '\x1f';
        defs[key] = &ee;
    }
    return defs;
}

Element ElementBuilder::element(int vi, int flat, Shared& shared,
                                const std::unordered_map<std::string, const model::ElementEquation*>& defs) {
    const SymbolTable& st = m_out.symbols;
    const VarInfo& var = st.var(vi);
    const model::Variable& src = *var.src;
    const std::vector<int> idx = st.elementIndices(var.dims, flat);
    Element s;
    s.canonical = var.canonical + st.elementSuffix(var.dims, idx, false);
    s.display = var.display + st.elementSuffix(var.dims, idx, true);
    s.kind = elementKind(var.kind);
    s.var = vi;
    s.scope = var.scope;
    s.units = src.units;
    s.line = src.line;
    s.nonNegative = src.nonNegative;
    s.table = var.table;
    std::string key;
    for (size_t k = 0; k < var.dims.size(); ++k) {
        s.ctx.push_back({var.dims[k], idx[k]});
        key += st.dim(var.dims[k]).elems[static_cast<size_t>(idx[k])] + '\x1f';
    }
    // A per-element definition, when the file gives one for this element.
    const model::ElementEquation* own = nullptr;
    if (auto it = defs.find(key); !defs.empty() && it != defs.end()) own = it->second;
    // The element's own table (an arrayed graphical function with one <gf> per element).
    if (own && own->gf && !shared.overridden) {
        const int table = addTable(*own->gf, s.display, src.line, false);
        if (table >= 0) s.table = table;
    }
    // An element without an equation of its own (only a table) takes the variable's equation, if any.
    const bool ownEquation = own && !shared.overridden && !blank(own->equation);
    const std::string& text = ownEquation ? own->equation : shared.text;
    m_unreadable = false;
    if (ownEquation) {
        s.expr = parsed(text, s.display, src.line);
    } else {
        if (!shared.parsed && !blank(text)) {
            shared.expr = parsed(text, var.display, src.line);
            shared.unreadable = m_unreadable;
        }
        shared.parsed = true;
        m_unreadable = shared.unreadable;
        // Each element has its own copy (expansion rewrites it); the last one takes the parsed tree itself.
        s.expr = flat + 1 == var.elementCount ? std::move(shared.expr) : shared.expr;
    }
    if (blank(text) && s.table < 0) {
        if (m_report.erredAt(src.name)) {  // its equation could not be read, and the reader said why
            m_report.failOnEarlierError();
        } else {
            m_report.error(diag::code::kMissingEquation, s.display,
                           std::string("the ") + model::varKindName(var.kind) +
                               " has no equation; give it a value or a formula",
                           0, src.line);
        }
        s.defined = false;
    }
    if (!s.defined || m_unreadable) {
        // The later stages still look at the rest of the model for errors (a typo elsewhere is reported
        // beside this one); for them this element is the number 0, which refers to nothing.
        s.defined = false;
        s.expr = equations::Expr();
        s.expr.root = s.expr.add(equations::Node{});
        return s;
    }
    double v = 0;
    if (s.kind != ElementKind::Stock && s.table < 0 && literalValue(s.expr, v)) {
        s.isConstant = true;
        s.constantValue = v;
    }
    return s;
}

equations::Expr ElementBuilder::parsed(const std::string& text, const std::string& where, int line) {
    diag::Diagnostics local;
    equations::Expr e = equations::parse(text, where, local);
    if (m_vensimDialect) vensimMeaning(e);
    m_unreadable = local.hasErrors();
    m_report.append(local, line);
    return e;
}

void ElementBuilder::linkStocks() {
    for (size_t si = 0; si < m_out.elements.size(); ++si) {
        const Element& s = m_out.elements[si];
        if (s.kind != ElementKind::Stock || s.var < 0) continue;
        const VarInfo& var = m_out.symbols.var(s.var);
        std::vector<int> in, out;
        link(static_cast<int>(si), var.src->inflows, in);
        link(static_cast<int>(si), var.src->outflows, out);
        m_out.elements[si].inflows = std::move(in);
        m_out.elements[si].outflows = std::move(out);
    }
}

// A stock's flows by name; an arrayed flow contributes the element that matches the stock's.
void ElementBuilder::link(int element, const std::vector<std::string>& flows, std::vector<int>& out) {
    const SymbolTable& st = m_out.symbols;
    const Element& s = m_out.elements[static_cast<size_t>(element)];
    for (const auto& fname : flows) {
        const int fv = st.findVar(canonicalName(fname), st.var(s.var).scope);
        if (fv < 0) {
            m_report.addOnce(problemAt(st, s, diag::code::kBadFlowLink,
                                       "flow '" + fname + "' connected to this stock does not exist"));
            continue;
        }
        const VarInfo& flow = st.var(fv);
        int target = flow.firstElement;
        if (flow.elementCount > 1) {
            int flat = 0;
            for (int fd : flow.dims) {
                int e = -1;
                for (const auto& b : s.ctx)
                    if (b.dim == fd) e = b.elem;
                flat = flat * static_cast<int>(st.dim(fd).elems.size()) + (e < 0 ? 0 : e);
            }
            target += flat;
        }
        if (target >= 0) out.push_back(target);
    }
}

}  // namespace

ElementModel buildElements(SymbolTable symbols, const CompileOptions& options, Reporter& report,
                           bool vensimDialect) {
    return ElementBuilder(std::move(symbols), options, report, vensimDialect).run();
}

diag::Diagnostic problemAt(const SymbolTable& symbols, const Element& element, const char* code,
                           const std::string& message, int pos) {
    diag::Diagnostic d;
    d.code = code;
    d.severity = diag::Severity::Error;
    d.message = message;
    d.where = element.internal && element.var >= 0 ? symbols.var(element.var).display : element.display;
    d.line = element.line;
    d.column = pos >= 0 ? pos + 1 : 0;
    return d;
}

}  // namespace sdw::compile::detail
