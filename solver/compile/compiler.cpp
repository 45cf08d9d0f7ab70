// The compiler's driver: dimensions, variables (modules inlined), array elements as scalars, stocks linked to
// their flows, dependency order for the initial and the per-step programs, slot layout, and emission.
// Layer: solver.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <set>
#include <sstream>

#include "solver/compile/compiler_impl.hpp"
#include "solver/equations/parser.hpp"

namespace sdw::compile {
namespace detail {

using model::canonicalName;

void Compiler::error(int scalar, const char* code, const std::string& msg, int pos) {
    m_failed = true;
    diag::Diagnostic d;
    d.code = code;
    d.severity = diag::Severity::Error;
    d.message = msg;
    if (scalar >= 0) {
        const Scalar& s = m_scalars[static_cast<size_t>(scalar)];
        d.where = s.display;
        d.line = s.line;
        // Internal variables report against the variable that made them.
        if (!s.visible && s.var >= 0) d.where = m_vars[static_cast<size_t>(s.var)].display;
    }
    d.column = pos >= 0 ? pos + 1 : 0;
    // Equations are lowered once per phase (initial and per step): report each problem once.
    if (!m_reported.insert(d.code + '|' + d.where + '|' + std::to_string(d.column) + '|' + d.message).second)
        return;
    m_diags.add(d);
}

void Compiler::warning(int scalar, const char* code, const std::string& msg) {
    diag::Diagnostic d;
    d.code = code;
    d.severity = diag::Severity::Warning;
    d.message = msg;
    if (scalar >= 0) {
        d.where = m_scalars[static_cast<size_t>(scalar)].display;
        d.line = m_scalars[static_cast<size_t>(scalar)].line;
    }
    m_diags.add(d);
}

void Compiler::collectDimensions() {
    for (const auto& d : m_project.dimensions) {
        DimInfo info;
        info.canonical = canonicalName(d.name);
        info.display = d.name;
        for (const auto& e : d.elements) {
            info.elems.push_back(canonicalName(e));
            info.elemsDisplay.push_back(e);
        }
        if (m_dimByName.count(info.canonical)) {
            m_diags.error(diag::code::kDuplicateName, d.name, "dimension '" + d.name + "' is defined twice");
            m_failed = true;
            continue;
        }
        m_dimByName[info.canonical] = static_cast<int>(m_dims.size());
        m_dims.push_back(std::move(info));
    }
    // Mappings and subranges: a dimension whose elements all belong to another is a subrange of it.
    for (size_t i = 0; i < m_project.dimensions.size() && i < m_dims.size(); ++i) {
        for (const auto& target : m_project.dimensions[i].maps) {
            auto it = m_dimByName.find(canonicalName(target));
            if (it != m_dimByName.end()) m_dims[i].mapsTo.push_back(it->second);
        }
    }
    // Element positions by name, built once per dimension (a linear search made two large dimensions take
    // hours: 10^6 x 10^6 comparisons).
    std::vector<std::unordered_map<std::string, int>> position(m_dims.size());
    for (size_t p = 0; p < m_dims.size(); ++p)
        for (size_t k = 0; k < m_dims[p].elems.size(); ++k)
            position[p].emplace(m_dims[p].elems[k], static_cast<int>(k));
    for (auto& sub : m_dims) {
        for (size_t p = 0; p < m_dims.size(); ++p) {
            const DimInfo& parent = m_dims[p];
            if (&parent == &sub || parent.elems.size() <= sub.elems.size()) continue;
            std::vector<int> idx;
            for (const auto& e : sub.elems) {
                auto it = position[p].find(e);
                if (it == position[p].end()) break;
                idx.push_back(it->second);
            }
            if (idx.size() == sub.elems.size() && !idx.empty()) {
                sub.parent = static_cast<int>(p);
                sub.parentIndex = idx;
                break;
            }
        }
    }
}

void Compiler::collectVariables(const model::Model& m, const std::string& scope, int depth) {
    if (depth > 16) {
        m_diags.error(diag::code::kCircular, m.name,
                      "modules nest more than 16 deep (a module that contains itself?)");
        m_failed = true;
        return;
    }
    for (const auto& v : m.variables) {
        if (m_tooLarge) return;
        if (m_vars.size() >= m_options.maxElements) {
            m_tooLarge = true;
            m_diags.error(diag::code::kTooLarge, m.name.empty() ? v.name : m.name,
                          "the model has more than " + std::to_string(m_options.maxElements) +
                              " variables once its modules are expanded (modules that contain several "
                              "copies of each other multiply)",
                          0, v.line);
            m_failed = true;
            return;
        }
        VarInfo info;
        info.canonical = scope + canonicalName(v.name);
        info.display = scope.empty() ? v.name : scope + v.name;
        info.kind = v.kind;
        info.src = &v;
        info.scope = scope;
        if (info.canonical.empty() || info.canonical == scope) {
            m_diags.error(diag::code::kMissingEquation, m.name, "a variable has no name", 0, v.line);
            m_failed = true;
            continue;
        }
        if (m_varByName.count(info.canonical)) {
            m_diags.error(diag::code::kDuplicateName, v.name,
                          "the name '" + v.name +
                              "' is used by two variables (names ignore case, spaces and "
                              "underscores)",
                          0, v.line);
            m_failed = true;
            continue;
        }
        for (const auto& dn : v.dimensions) {
            auto it = m_dimByName.find(canonicalName(dn));
            if (it == m_dimByName.end()) {
                m_diags.error(diag::code::kBadSubscript, v.name, "unknown dimension '" + dn + "'", 0, v.line);
                m_failed = true;
            } else if (std::find(info.dims.begin(), info.dims.end(), it->second) == info.dims.end()) {
                info.dims.push_back(it->second);  // tolerate a dimension listed twice
            }
        }
        if (v.kind == model::VarKind::Module) {
            const std::string sub = v.moduleModel.empty() ? v.name : v.moduleModel;
            const model::Model* subModel = m_project.findModel(sub);
            if (!subModel) {
                m_diags.error(diag::code::kUnknownName, v.name,
                              "module refers to a model '" + sub + "' that the file does not define", 0,
                              v.line);
                m_failed = true;
                continue;
            }
            m_varByName[info.canonical] = static_cast<int>(m_vars.size());
            m_vars.push_back(info);
            const std::string inner = info.canonical + ".";
            for (const auto& c : v.connections) {
                // <connect to="input" from="outer"/>: `to` may be written with the module's name in front.
                std::string to = canonicalName(c.to);
                if (to.rfind(canonicalName(v.name) + ".", 0) == 0)
                    to = to.substr(canonicalName(v.name).size() + 1);
                std::string from = c.from;
                if (!from.empty() && from[0] == '.') from.erase(0, 1);
                m_connections[inner + to] = {from, scope};
            }
            collectVariables(*subModel, inner, depth + 1);
            continue;
        }
        m_varByName[info.canonical] = static_cast<int>(m_vars.size());
        m_vars.push_back(std::move(info));
    }
}

int Compiler::elementCount(const std::vector<int>& dims) const {
    // Saturates rather than overflows: expandScalars refuses anything past m_options.maxElements.
    uint64_t n = 1;
    for (int d : dims) {
        n *= m_dims[static_cast<size_t>(d)].elems.size();
        if (n > m_options.maxElements) return static_cast<int>(std::min<uint64_t>(n, INT32_MAX));
    }
    return static_cast<int>(n);
}

std::vector<int> Compiler::elementIndices(const std::vector<int>& dims, int flat) const {
    std::vector<int> idx(dims.size());
    for (size_t k = dims.size(); k-- > 0;) {
        const int n = static_cast<int>(m_dims[static_cast<size_t>(dims[k])].elems.size());
        idx[k] = flat % n;
        flat /= n;
    }
    return idx;
}

std::string Compiler::elementSuffix(const std::vector<int>& dims, const std::vector<int>& idx,
                                    bool display) const {
    if (dims.empty()) return "";
    std::string s = "[";
    for (size_t k = 0; k < dims.size(); ++k) {
        if (k) s += ",";
        const DimInfo& d = m_dims[static_cast<size_t>(dims[k])];
        s += display ? d.elemsDisplay[static_cast<size_t>(idx[k])] : d.elems[static_cast<size_t>(idx[k])];
    }
    return s + "]";
}

namespace {

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

}  // namespace

void Compiler::expandScalars() {
    std::unordered_map<std::string, std::string> overrides;
    for (const auto& [name, eq] : m_options.equationOverrides) overrides[canonicalName(name)] = eq;

    for (size_t vi = 0; vi < m_vars.size(); ++vi) {
        VarInfo& var = m_vars[vi];
        if (var.kind == model::VarKind::Module) continue;
        const model::Variable& src = *var.src;
        if (src.gf) {
            LookupTable t = tableFrom(*src.gf);
            if (const std::string problem = tableProblem(t); !problem.empty()) {
                m_diags.error(diag::code::kBadGraphical, src.name, problem, 0, src.line);
                m_failed = true;
            } else {
                if (t.xs.size() == 1)
                    m_diags.warning(diag::code::kGraphicalOnePoint, src.name,
                                    "graphical function has a single point: it is the constant " +
                                        std::to_string(t.ys[0]) + " whatever its input",
                                    0, src.line);
                var.table = static_cast<int>(m_out->m_tables.size());
                m_out->m_tables.push_back(std::move(t));
            }
        }
        auto ov = overrides.find(var.canonical);
        auto conn = m_connections.find(var.canonical);
        if (conn != m_connections.end()) var.scope = conn->second.second;  // an input reads the parent
        const std::string& mainText = ov != overrides.end()         ? ov->second
                                      : conn != m_connections.end() ? conn->second.first
                                                                    : src.equation;
        equations::Expr mainExpr;
        bool mainParsed = false;
        const int n = elementCount(var.dims);
        if (static_cast<size_t>(n) + m_scalars.size() > m_options.maxElements) {
            std::string dims;
            for (int d : var.dims)
                dims += (dims.empty() ? "" : " x ") + m_dims[static_cast<size_t>(d)].display + " (" +
                        std::to_string(m_dims[static_cast<size_t>(d)].elems.size()) + ")";
            m_diags.error(diag::code::kTooLarge, src.name,
                          "'" + src.name + "' would take the model past " +
                              std::to_string(m_options.maxElements) + " values" +
                              (dims.empty() ? "" : " (it is arrayed over " + dims + ")") +
                              "; use fewer or smaller dimensions",
                          0, src.line);
            m_failed = true;
            return;
        }
        var.firstScalar = static_cast<int>(m_scalars.size());
        var.scalarCount = n;
        // Per-element definitions by their canonical subscripts, looked up once per element (a search of the
        // whole list for every element took minutes for an arrayed constant of 10^5 values). The last
        // definition of an element wins, as before.
        std::unordered_map<std::string, const model::ElementEquation*> elementDefs;
        for (const auto& ee : src.elements) {
            if (ee.subscripts.size() != var.dims.size()) continue;
            std::string key;
            for (const auto& sub : ee.subscripts) key += canonicalName(sub) + '\x1f';
            elementDefs[key] = &ee;
        }
        for (int flat = 0; flat < n; ++flat) {
            const std::vector<int> idx = elementIndices(var.dims, flat);
            Scalar s;
            s.canonical = var.canonical + elementSuffix(var.dims, idx, false);
            s.display = var.display + elementSuffix(var.dims, idx, true);
            s.kind = var.kind == model::VarKind::Stock  ? ScalarKind::Stock
                     : var.kind == model::VarKind::Flow ? ScalarKind::Flow
                                                        : ScalarKind::Aux;
            s.var = static_cast<int>(vi);
            s.scope = var.scope;
            s.units = src.units;
            s.line = src.line;
            s.nonNegative = src.nonNegative;
            s.table = var.table;
            for (size_t k = 0; k < var.dims.size(); ++k) s.ctx.push_back({var.dims[k], idx[k]});
            // A per-element definition, when the file gives one for this element.
            const model::ElementEquation* elemDef = nullptr;
            if (!elementDefs.empty()) {
                std::string key;
                for (size_t k = 0; k < idx.size(); ++k)
                    key +=
                        m_dims[static_cast<size_t>(var.dims[k])].elems[static_cast<size_t>(idx[k])] + '\x1f';
                if (auto it = elementDefs.find(key); it != elementDefs.end()) elemDef = it->second;
            }
            auto blank = [](const std::string& t) {
                return t.find_first_not_of(" \t\r\n") == std::string::npos;
            };
            if (elemDef && elemDef->gf && ov == overrides.end()) {
                // The element's own table (an arrayed graphical function with one <gf> per element).
                LookupTable t = tableFrom(*elemDef->gf);
                if (const std::string problem = tableProblem(t); problem.empty()) {
                    s.table = static_cast<int>(m_out->m_tables.size());
                    m_out->m_tables.push_back(std::move(t));
                } else {
                    m_diags.error(diag::code::kBadGraphical, s.display, problem, 0, src.line);
                    m_failed = true;
                }
            }
            // An element without an equation of its own (only a table) takes the variable's equation, if any.
            const bool ownEquation = elemDef && ov == overrides.end() && !blank(elemDef->equation);
            std::string text;
            if (ownEquation) {
                text = elemDef->equation;
                diag::Diagnostics local;
                s.expr = equations::parse(text, s.display, local);
                for (auto d : local.items()) {
                    d.line = src.line;
                    m_diags.add(d);
                    m_failed = true;
                }
            } else {
                text = mainText;
                if (!mainParsed) {
                    diag::Diagnostics local;
                    if (!blank(text)) mainExpr = equations::parse(text, var.display, local);
                    for (auto d : local.items()) {
                        d.line = src.line;
                        m_diags.add(d);
                        m_failed = true;
                    }
                    mainParsed = true;
                }
                s.expr = mainExpr;
            }
            if (blank(text) && s.table < 0) {
                m_diags.error(diag::code::kMissingEquation, s.display,
                              std::string("the ") + model::varKindName(var.kind) +
                                  " has no equation; give it a value or a formula",
                              0, src.line);
                m_failed = true;
                s.defined = false;
            }
            double v = 0;
            if (s.kind != ScalarKind::Stock && s.table < 0 && literalValue(s.expr, v)) {
                s.isConstant = true;
                s.constantValue = v;
            }
            m_scalars.push_back(std::move(s));
        }
    }
}

void Compiler::linkStocks() {
    for (size_t si = 0; si < m_scalars.size(); ++si) {
        Scalar& s = m_scalars[si];
        if (s.kind != ScalarKind::Stock || s.var < 0) continue;
        const VarInfo& var = m_vars[static_cast<size_t>(s.var)];
        auto link = [&](const std::vector<std::string>& names, std::vector<int>& out) {
            for (const auto& fname : names) {
                const int fv = findVar(canonicalName(fname), var.scope);
                if (fv < 0) {
                    error(static_cast<int>(si), diag::code::kBadFlowLink,
                          "flow '" + fname + "' connected to this stock does not exist");
                    continue;
                }
                const VarInfo& flow = m_vars[static_cast<size_t>(fv)];
                int target = flow.firstScalar;
                if (flow.scalarCount > 1) {
                    // Same element of an arrayed flow: match by dimension.
                    std::vector<int> idx;
                    for (int fd : flow.dims) {
                        int e = -1;
                        for (const auto& b : s.ctx)
                            if (b.dim == fd) e = b.elem;
                        idx.push_back(e < 0 ? 0 : e);
                    }
                    int flat = 0;
                    for (size_t k = 0; k < flow.dims.size(); ++k)
                        flat =
                            flat * static_cast<int>(m_dims[static_cast<size_t>(flow.dims[k])].elems.size()) +
                            idx[k];
                    target += flat;
                }
                if (target >= 0) out.push_back(target);
            }
        };
        link(var.src->inflows, s.inflows);
        link(var.src->outflows, s.outflows);
    }
}

int Compiler::findVar(const std::string& canonical, const std::string& scope) const {
    auto it = m_varByName.find(scope + canonical);
    if (it != m_varByName.end()) return it->second;
    return -1;
}

// Kahn's algorithm over the scalars that the phase computes; a cycle is reported with every name on it.
bool Compiler::order(Phase phase, std::vector<int>& out) {
    const size_t n = m_scalars.size();
    std::vector<std::vector<int>> users(n);
    std::vector<int> pending(n, 0);
    std::vector<bool> active(n, false);
    for (size_t i = 0; i < n; ++i) {
        const Scalar& s = m_scalars[i];
        active[i] = phase == Phase::Init || (s.kind != ScalarKind::Stock && s.kind != ScalarKind::State);
    }
    for (size_t i = 0; i < n; ++i) {
        if (!active[i]) continue;
        const Scalar& s = m_scalars[i];
        std::vector<int> deps;
        if (!s.expr.empty()) collectDeps(static_cast<int>(i), s.expr, s.expr.root, phase, deps);
        std::sort(deps.begin(), deps.end());
        deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
        for (int d : deps) {
            if (d == static_cast<int>(i) || !active[static_cast<size_t>(d)]) {
                if (d == static_cast<int>(i)) {
                    error(d, diag::code::kCircular, "'" + s.display + "' is defined in terms of itself");
                    return false;
                }
                continue;
            }
            users[static_cast<size_t>(d)].push_back(static_cast<int>(i));
            ++pending[i];
        }
    }
    std::vector<int> ready;
    for (size_t i = n; i-- > 0;)
        if (active[i] && pending[i] == 0) ready.push_back(static_cast<int>(i));
    out.clear();
    while (!ready.empty()) {
        const int i = ready.back();
        ready.pop_back();
        out.push_back(i);
        for (int u : users[static_cast<size_t>(i)])
            if (--pending[static_cast<size_t>(u)] == 0) ready.push_back(u);
    }
    size_t activeCount = static_cast<size_t>(std::count(active.begin(), active.end(), true));
    if (out.size() == activeCount) return true;
    // Find one cycle among what is left: walk from a pending node along pending dependencies.
    std::vector<int> stuck;
    for (size_t i = 0; i < n; ++i)
        if (active[i] && pending[i] > 0) stuck.push_back(static_cast<int>(i));
    std::set<int> stuckSet(stuck.begin(), stuck.end());
    int cur = stuck.front();
    std::vector<int> path;
    std::map<int, size_t> seen;
    while (!seen.count(cur)) {
        seen[cur] = path.size();
        path.push_back(cur);
        std::vector<int> deps;
        const Scalar& s = m_scalars[static_cast<size_t>(cur)];
        collectDeps(cur, s.expr, s.expr.root, phase, deps);
        int next = -1;
        for (int d : deps)
            if (stuckSet.count(d)) next = d;
        if (next < 0) break;
        cur = next;
    }
    std::string names;
    std::string first;
    for (size_t k = seen.count(cur) ? seen[cur] : 0; k < path.size(); ++k) {
        const Scalar& s = m_scalars[static_cast<size_t>(path[k])];
        const std::string nm =
            s.visible || s.var < 0 ? s.display : m_vars[static_cast<size_t>(s.var)].display;
        if (!names.empty()) names += " -> ";
        names += nm;
        if (first.empty()) first = nm;
    }
    names += " -> " + first;
    error(cur, diag::code::kCircular,
          std::string(phase == Phase::Init ? "initial values form a loop: "
                                           : "algebraic loop (no stock on it): ") +
              names + ". Break it with a stock or a delay.");
    return false;
}

}  // namespace detail
}  // namespace sdw::compile
