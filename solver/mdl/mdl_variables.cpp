// Vensim definitions -> model::Variable: apply-to-all and element-by-element equations, number lists,
// lookups, WITH LOOKUP, and stocks with their flows. Layer: solver. Depends on model/ and diag/ only.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "solver/mdl/mdl_internal.hpp"
#include "solver/model/text_origin.hpp"

namespace sdw::mdl::detail {
namespace {

using model::canonicalName;

struct Body {
    bool ok = true;
    bool stock = false;
    std::string equation;  // the initial value for a stock
    std::optional<model::GraphicalFunction> gf;
    std::string rateRaw;                          // the Vensim rate of a stock
    std::string rate;                             // its XMILE translation
    std::optional<model::TextOrigin> origin;      // where `equation` came from in the file
    std::optional<model::TextOrigin> rateOrigin;  // where `rate` came from
};

// A stock whose flows are settled once every variable of the model is known.
struct PendingStock {
    std::string name;
    std::string rateRaw;  // apply-to-all stocks only; empty when the stock is defined element by element
    std::vector<std::string> lhsSubs;  // canonical
    std::string rate;                  // apply-to-all rate (XMILE)
    std::vector<model::ElementEquation> elementRates;
    model::TextOrigins rateOrigins;  // keyed as Variable::origins
    int line = 0;
};

size_t matchParen(const std::string& s, size_t open) {
    int depth = 0;
    bool quoted = false;
    for (size_t k = open; k < s.size(); ++k) {
        if (quoted && s[k] == '\\' && k + 1 < s.size() && s[k + 1] == '"') {
            ++k;
            continue;
        }
        if (s[k] == '"') quoted = !quoted;
        if (quoted) continue;
        if (s[k] == '(') ++depth;
        if (s[k] == ')' && --depth == 0) return k;
    }
    return std::string::npos;
}

// The arguments when `rhs` is exactly one call of `fn` (upper case, single spaces), e.g. "INTEG (a, b)".
std::optional<std::vector<std::string>> wholeCall(const std::string& rhs, const std::string& fn) {
    const size_t open = rhs.find('(');
    if (open == std::string::npos || upper(squeeze(rhs.substr(0, open))) != fn) return std::nullopt;
    const size_t close = matchParen(rhs, open);
    if (close == std::string::npos || !trim(rhs.substr(close + 1)).empty()) return std::nullopt;
    return splitTopLevel(rhs.substr(open + 1, close - open - 1), ',');
}

bool isNumber(const std::string& s) {
    const std::string t = trim(s);
    if (t.empty()) return false;
    char* e = nullptr;
    std::strtod(t.c_str(), &e);
    return *e == '\0';
}

// "1, 2, 3", "1, 2; 3, 4;" or TABBED ARRAY(1 <tab> 2 <newline> 3 <tab> 4) -> the numbers in order; nullopt
// when it is not a list of two or more numbers.
std::optional<std::vector<std::string>> numberList(const std::string& rhs) {
    std::vector<std::string> out;
    if (auto tabbed = wholeCall(rhs, "TABBED ARRAY")) {
        if (tabbed->size() != 1) return std::nullopt;
        std::string item;
        for (char c : tabbed->front() + " ") {
            if (!std::isspace((unsigned char)c)) {
                item += c;
            } else if (!item.empty()) {
                if (!isNumber(item)) return std::nullopt;
                out.push_back(item);
                item.clear();
            }
        }
        return out.size() < 2 ? std::nullopt : std::optional(out);
    }
    for (const std::string& row : splitTopLevel(rhs, ';')) {
        if (row.empty()) continue;
        for (const std::string& item : splitTopLevel(row, ',')) {
            if (!isNumber(item)) return std::nullopt;
            out.push_back(trim(item));
        }
    }
    if (out.size() < 2) return std::nullopt;
    return out;
}

class Builder {
  public:
    // Vensim reads a lookup's points in order of x whatever order they are written in (test-models
    // subscripted_lookups: (2,-3),(1,-7),(0,-1) gives -1 at 0 and -7 at 1). True when they had to be sorted.
    static bool sortPoints(model::GraphicalFunction& gf) {
        if (gf.xs.size() != gf.ys.size() || std::is_sorted(gf.xs.begin(), gf.xs.end())) return false;
        std::vector<std::pair<double, double>> points;
        for (size_t k = 0; k < gf.xs.size(); ++k) points.emplace_back(gf.xs[k], gf.ys[k]);
        std::stable_sort(points.begin(), points.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t k = 0; k < points.size(); ++k) gf.xs[k] = points[k].first, gf.ys[k] = points[k].second;
        return true;
    }

    Builder(const Symbols& s, model::Model& out, DataSources& data, diag::Diagnostics& d)
        : m_sym(s), m_out(out), m_data(data), m_diags(d) {}

    void group(const std::vector<Def>& defs) {
        const Def& first = defs.front();
        model::Variable v;
        v.name = first.name;
        v.line = first.entry ? first.entry->line : 0;
        for (const Def& d : defs) {
            if (!d.entry) continue;
            if (v.units.empty() && !v.range) splitUnits(d.entry->units, v.units, v.range);
            if (v.doc.empty()) v.doc = cleanDoc(d.entry->doc);
        }
        const bool numbers =
            defs.size() == 1 && !first.subs.empty() && first.op == '=' && numberList(first.rhs);
        // Values from files are read element by element.
        bool expand =
            defs.size() > 1 || numbers || (!first.subs.empty() && isDataDef(first)) || !first.except.empty();
        std::set<std::string> parents;  // over one range at two positions: each gets its own range
        for (const Def& d : defs)
            for (const std::string& s : d.subs)
                if (!m_sym.dims.count(canonicalName(s))) expand = true;
        for (const std::string& s : first.subs)
            if (!parents.insert(parentDimension(s, m_sym)).second) expand = true;
        if (defs.size() > 1)
            for (const Def& d : defs)
                if (d.subs.empty()) {
                    syntax(v.name, v.line, "'" + v.name + "' is defined more than once");
                    return;
                }
        PendingStock p;
        p.name = v.name;
        p.line = v.line;
        bool ok = expand ? expanded(defs, v, p) : applyToAll(first, v, p);
        if (!ok) {  // keep the variable so references resolve; the diagnostic says why it is empty
            v.equation.clear();
            v.elements.clear();
        }
        if (v.kind == model::VarKind::Stock && ok) m_pending.push_back(p);
        m_out.add(std::move(v));
    }

    void finish() {
        for (size_t k = 0; k < m_out.variables.size(); ++k)
            m_index[canonicalName(m_out.variables[k].name)] = k;
        for (const PendingStock& p : m_pending) settleStock(p);
    }

  private:
    static std::string cleanDoc(const std::string& doc) {
        std::string d = doc;
        const size_t at = upper(d).find(":SUPPLEMENTARY");
        if (at != std::string::npos) d.erase(at, 14);
        return squeeze(d);
    }

    void syntax(const std::string& where, int line, const std::string& msg) {
        m_diags.error(diag::code::kMdlSyntax, where, msg, 0, line);
    }

    Body body(const Def& d, const std::map<std::string, std::string>& subst) {
        Body b;
        TranslateContext ctx;
        ctx.symbols = &m_sym;
        ctx.subst = subst;
        ctx.where = d.name;
        ctx.line = d.entry ? d.entry->line : 0;
        ctx.diags = &m_diags;
        ctx.entry = d.entry;
        size_t searchFrom = 0;  // pieces of the right-hand side are found in it in order
        auto tr = [&](const std::string& text, std::optional<model::TextOrigin>* origin = nullptr) {
            const size_t at = d.rhs.find(text, searchFrom);
            if (at != std::string::npos) searchFrom = at + text.size();
            ctx.offset = d.rhsOffset + (at == std::string::npos ? 0 : at);
            auto r = translateExpr(text, ctx);
            if (!r) b.ok = false;
            if (r && origin && d.entry) *origin = translatedOrigin(*r, text, *d.entry, ctx.offset);
            return r.value_or("");
        };
        auto table = [&](const std::string& text) {
            std::string err;
            b.gf = parseLookup(text, err);
            if (!b.gf) b.ok = false, syntax(d.name, ctx.line, err);
            if (b.gf && sortPoints(*b.gf))
                m_diags.warning(diag::code::kMdlTableSorted, d.name,
                                "the lookup's points are not in order of x: they are sorted by x, as Vensim "
                                "does",
                                0, ctx.line);
        };
        if (d.op == '(') {
            table(d.rhs);
        } else if (auto a = wholeCall(d.rhs, "INTEG")) {
            if (a->size() != 2) {
                syntax(d.name, ctx.line, "INTEG expects (rate, initial value)");
                b.ok = false;
                return b;
            }
            b.stock = true;
            b.rateRaw = (*a)[0];
            b.rate = tr((*a)[0], &b.rateOrigin);
            b.equation = tr((*a)[1], &b.origin);
        } else if (auto w = wholeCall(d.rhs, "WITH LOOKUP")) {
            if (w->size() != 2) {
                syntax(d.name, ctx.line, "WITH LOOKUP expects (input, table)");
                b.ok = false;
                return b;
            }
            b.equation = tr((*w)[0], &b.origin);
            table((*w)[1]);
        } else {
            b.equation = tr(d.rhs, &b.origin);
        }
        return b;
    }

    bool applyToAll(const Def& d, model::Variable& v, PendingStock& p) {
        for (const std::string& s : d.subs) v.dimensions.push_back(squeeze(s));
        if (isDataDef(d)) {  // a scalar from a file: its one value or table
            std::vector<model::ElementEquation> one;
            if (!dataElements(d, {{}}, m_sym, m_data, m_diags, one) || one.empty()) return false;
            v.equation = one.front().equation;
            v.gf = one.front().gf;
            return true;
        }
        Body b = body(d, {});
        v.equation = b.equation;
        v.gf = b.gf;
        if (b.origin) v.origins[""] = std::move(*b.origin);
        if (b.stock) {
            v.kind = model::VarKind::Stock;
            p.rateRaw = b.rateRaw;
            p.rate = b.rate;
            if (b.rateOrigin) p.rateOrigins[""] = std::move(*b.rateOrigin);
            for (const std::string& s : d.subs) p.lhsSubs.push_back(canonicalName(s));
        }
        return b.ok;
    }

    // A dimension mapped to (or from) `dim` stands, in the equation of dim's element number `at`, for its own
    // element number `at` (Vensim `->`: `aging[PREVIOUS COHORT]` in POPULATION[ALL BUT YOUNGEST]). Dimensions
    // on the left-hand side keep their own binding.
    void bindMapped(const std::string& dim, size_t at, const std::set<std::string>& lhsDims,
                    std::map<std::string, std::string>& subst) const {
        auto maps = m_sym.maps.find(dim);
        if (maps == m_sym.maps.end()) return;
        for (const std::string& other : maps->second) {
            auto elems = m_sym.dims.find(other);
            if (lhsDims.count(other) || elems == m_sym.dims.end() || at >= elems->second.size()) continue;
            subst[other] = elems->second[at];
        }
    }

    // Every combination of elements an equation covers, first subscript slowest, with the dimension ->
    // element substitution that reads the equation for that combination.
    bool combinations(const Def& d, const std::string& var, std::vector<std::vector<std::string>>& combos,
                      std::vector<std::map<std::string, std::string>>& substs) {
        combos = {{}};
        substs = {{}};
        std::set<std::string> lhsDims;
        for (const std::string& s : d.subs) lhsDims.insert(canonicalName(s));
        for (const std::string& s : d.subs) {
            const std::string c = canonicalName(s);
            auto dim = m_sym.dims.find(c);
            if (dim == m_sym.dims.end() && !m_sym.elementDim.count(c)) {
                syntax(var, d.entry ? d.entry->line : 0, "unknown subscript '" + s + "'");
                return false;
            }
            std::vector<std::vector<std::string>> next;
            std::vector<std::map<std::string, std::string>> nextSubst;
            const std::vector<std::string> elems =
                dim == m_sym.dims.end() ? std::vector{squeeze(s)} : dim->second;
            if (combos.size() * std::max<size_t>(1, elems.size()) > model::kMaxDimensionElements) {
                syntax(var, d.entry ? d.entry->line : 0,
                       "this equation of '" + var + "' covers more than " +
                           std::to_string(model::kMaxDimensionElements) + " elements");
                return false;
            }
            for (size_t k = 0; k < combos.size(); ++k)
                for (size_t at = 0; at < elems.size(); ++at) {
                    next.push_back(combos[k]);
                    next.back().push_back(elems[at]);
                    nextSubst.push_back(substs[k]);
                    if (dim == m_sym.dims.end()) continue;
                    nextSubst.back()[c] = elems[at];
                    bindMapped(c, at, lhsDims, nextSubst.back());
                }
            combos = std::move(next);
            substs = std::move(nextSubst);
        }
        leaveOut(d, combos, substs);
        return true;
    }

    // The elements of subscript `s` (an element, a dimension or a sub-range), canonical.
    std::set<std::string> elementsOf(const std::string& s) const {
        const std::string c = canonicalName(s);
        auto dim = m_sym.dims.find(c);
        if (dim == m_sym.dims.end()) return {c};
        std::set<std::string> out;
        for (const std::string& e : dim->second) out.insert(canonicalName(e));
        return out;
    }

    // Drops the combinations an :EXCEPT: list names.
    void leaveOut(const Def& d, std::vector<std::vector<std::string>>& combos,
                  std::vector<std::map<std::string, std::string>>& substs) const {
        for (const auto& list : d.except) {
            std::vector<std::set<std::string>> sets;
            for (const std::string& s : list) sets.push_back(elementsOf(s));
            for (size_t k = combos.size(); k-- > 0;) {
                bool inside = combos[k].size() == sets.size();
                for (size_t p = 0; inside && p < sets.size(); ++p)
                    inside = sets[p].count(canonicalName(combos[k][p])) > 0;
                if (!inside) continue;
                combos.erase(combos.begin() + static_cast<long>(k));
                substs.erase(substs.begin() + static_cast<long>(k));
            }
        }
    }

    bool expanded(const std::vector<Def>& defs, model::Variable& v, PendingStock& p) {
        const size_t rank = defs.front().subs.size();
        for (const std::string& s : defs.front().subs)
            if (parentDimension(s, m_sym).empty()) {
                syntax(v.name, v.line, "unknown subscript '" + s + "' (not a dimension or element)");
                return false;
            }
        bool ok = true, anyStock = false, anyAux = false;
        for (const Def& d : defs) {
            const int line = d.entry ? d.entry->line : 0;
            if (d.subs.size() != rank) {
                syntax(v.name, line,
                       "the number of subscripts differs between equations of '" + v.name + "'");
                return false;
            }
            std::vector<std::vector<std::string>> combos;
            std::vector<std::map<std::string, std::string>> substs;
            if (!combinations(d, v.name, combos, substs)) return false;
            if (isDataDef(d)) {
                ok = dataElements(d, combos, m_sym, m_data, m_diags, v.elements) && ok;
                anyAux = true;
                continue;
            }
            const auto numbers = d.op == '=' ? numberList(d.rhs) : std::nullopt;
            if (numbers && numbers->size() != combos.size()) {
                syntax(v.name, line,
                       "the number list has " + std::to_string(numbers->size()) + " values for " +
                           std::to_string(combos.size()) + " elements");
                return false;
            }
            for (size_t k = 0; k < combos.size(); ++k) {
                model::ElementEquation el;
                el.subscripts = combos[k];
                if (numbers) {
                    el.equation = (*numbers)[k];
                    anyAux = true;
                } else {
                    Body b = body(d, substs[k]);
                    ok = ok && b.ok;
                    el.equation = b.equation;
                    el.gf = b.gf;
                    (b.stock ? anyStock : anyAux) = true;
                    const std::string key = model::originKey(combos[k]);
                    if (b.origin) v.origins[key] = std::move(*b.origin);
                    if (b.rateOrigin) p.rateOrigins[key] = std::move(*b.rateOrigin);
                    if (b.stock) p.elementRates.push_back({combos[k], b.rate, std::nullopt});
                }
                v.elements.push_back(std::move(el));
            }
        }
        if (anyStock && anyAux) {
            syntax(v.name, v.line, "some elements of '" + v.name + "' are stocks (INTEG) and others are not");
            return false;
        }
        if (!elementDimensions(defs, v.elements, m_sym, v.dimensions)) return false;
        if (anyStock) v.kind = model::VarKind::Stock;
        if (!anyStock) fillUndefined(v, m_sym, m_diags);  // a stock's missing elements stay E205 errors
        return ok;
    }

    // The rate as signed plain names: "a - b + c" -> {+a, -b, +c}; nullopt when it is anything else.
    std::optional<std::vector<std::pair<bool, std::string>>> plainTerms(const PendingStock& p) const {
        std::vector<std::pair<bool, std::string>> out;
        const std::string& r = p.rateRaw;
        bool positive = true;
        size_t start = 0;
        int depth = 0;
        for (size_t k = 0; k <= r.size(); ++k) {
            const char c = k < r.size() ? r[k] : '+';
            if (c == '"') {  // a quoted name may hold + and -
                const size_t close = closingQuote(r, k);
                if (close == std::string::npos) return std::nullopt;
                k = close;
                continue;
            }
            if (c == '[' || c == '(') ++depth;
            if (c == ']' || c == ')') --depth;
            if (depth != 0 || (c != '+' && c != '-')) continue;
            const std::string term = trim(r.substr(start, k - start));
            if (term.empty()) {
                if (!out.empty() || k == r.size()) return std::nullopt;  // "a + - b" or an empty rate
                positive = c == '+' ? positive : !positive;
            } else {
                std::string name;
                if (!plainName(term, p.lhsSubs, name)) return std::nullopt;
                out.push_back({positive, name});
                positive = c == '+';
            }
            start = k + 1;
        }
        return out.empty() ? std::nullopt : std::optional(out);
    }

    // A name, plain or quoted, with the stock's own subscripts (if any); `name` gets it as the user reads it.
    static bool plainName(const std::string& term, const std::vector<std::string>& lhsSubs,
                          std::string& name) {
        const size_t close = term[0] == '"' ? closingQuote(term, 0) : 0;
        if (close == std::string::npos) return false;
        const size_t open = term.find('[', close);
        name = trim(term.substr(0, open));
        if (name.empty() || std::isdigit((unsigned char)name[0]) || name[0] == '.') return false;
        if (close > 0 && close + 1 != name.size()) return false;  // "quoted" followed by more than subscripts
        for (char c : close > 0 ? std::string() : name) {
            const unsigned char u = static_cast<unsigned char>(c);
            if (!(std::isalnum(u) || u >= 0x80 || c == ' ' || c == '_' || c == '\t' || c == '$' || c == '\''))
                return false;
        }
        name = unquoteName(name);
        std::vector<std::string> subs;
        if (open != std::string::npos) {
            if (term.back() != ']') return false;
            for (const std::string& s : splitTopLevel(term.substr(open + 1, term.size() - open - 2), ','))
                subs.push_back(canonicalName(s));
        }
        return subs == lhsSubs;
    }

    // Variables by canonical name (Model::find would canonicalise every name on every call).
    model::Variable* lookup(const std::string& name) {
        auto it = m_index.find(canonicalName(name));
        return it == m_index.end() ? nullptr : &m_out.variables[it->second];
    }

    bool usableFlow(const std::string& name, const model::Variable& stock) {
        const model::Variable* f = lookup(name);
        if (!f || f->kind == model::VarKind::Stock || (f->gf && f->equation.empty() && f->elements.empty()))
            return false;
        if (f->dimensions.size() != stock.dimensions.size()) return false;
        for (size_t k = 0; k < f->dimensions.size(); ++k)
            if (canonicalName(f->dimensions[k]) != canonicalName(stock.dimensions[k])) return false;
        return true;
    }

    void settleStock(const PendingStock& p) {
        model::Variable* stock = lookup(p.name);
        if (!stock) return;
        if (!p.rateRaw.empty()) {
            if (auto terms = plainTerms(p)) {
                bool usable = true;
                std::set<std::string> seen;
                for (const auto& t : *terms)
                    usable =
                        usable && usableFlow(t.second, *stock) && seen.insert(canonicalName(t.second)).second;
                if (usable) {
                    for (const auto& [positive, name] : *terms) {
                        model::Variable* f = lookup(name);
                        f->kind = model::VarKind::Flow;
                        (positive ? stock->inflows : stock->outflows).push_back(f->name);
                    }
                    return;
                }
            }
        }
        // Not a sum of plain flows: the rate becomes its own flow variable "<stock> net flow", the stock's
        // only inflow, so the model stays a stock-and-flow model XMILE tools can draw and run.
        model::Variable flow;
        flow.kind = model::VarKind::Flow;
        flow.name = p.name + " net flow";
        for (int n = 2; lookup(flow.name); ++n) flow.name = p.name + " net flow " + std::to_string(n);
        flow.dimensions = stock->dimensions;
        flow.equation = p.rate;
        flow.elements = p.elementRates;
        flow.origins = p.rateOrigins;
        flow.line = p.line;
        flow.doc = "Net rate of change of " + p.name + " (Vensim INTEG rate)";
        stock->inflows.push_back(flow.name);
        m_index[canonicalName(flow.name)] = m_out.variables.size();
        m_out.add(std::move(flow));
    }

    const Symbols& m_sym;
    model::Model& m_out;
    DataSources& m_data;
    diag::Diagnostics& m_diags;
    std::vector<PendingStock> m_pending;
    std::map<std::string, size_t> m_index;
};

}  // namespace

void buildVariables(const std::vector<std::vector<Def>>& groups, const Symbols& symbols, model::Model& out,
                    DataSources& data, diag::Diagnostics& diags) {
    Builder b(symbols, out, data, diags);
    for (const auto& g : groups)
        if (!g.empty()) b.group(g);
    b.finish();
}

}  // namespace sdw::mdl::detail
