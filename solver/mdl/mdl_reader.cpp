// The Vensim .mdl reader: classifies entries (control section, subscript ranges, macros, variables), builds
// the symbols the translator needs, then the variables, the sim specs and the views. Layer: solver. Depends
// on model/ and diag/ only; never throws out of readString/readFile.
#include "solver/mdl/mdl_reader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "solver/mdl/mdl_internal.hpp"

namespace sdw::mdl {
namespace {

using namespace detail;
using model::canonicalName;

struct Lhs {
    std::string name;
    std::vector<std::string> subs;
    std::string op;         // "=", "(", ":", "<->", ":=", "==", "" (no equation), or "?" (unreadable)
    std::string rest;       // right-hand side; for "(" the table including its '('
    size_t restOffset = 0;  // where `rest` starts in the equation
};

Lhs parseLhs(const std::string& eq) {
    Lhs l;
    size_t i = 0;
    if (!eq.empty() && eq[0] == '"') {
        const size_t close = closingQuote(eq, 0);
        if (close == std::string::npos) return l.op = "?", l;
        l.name = unquoteName(eq.substr(0, close + 1));
        i = close + 1;
    } else {
        while (i < eq.size() && std::string("[=(:<").find(eq[i]) == std::string::npos) ++i;
        l.name = squeeze(eq.substr(0, i));
    }
    while (i < eq.size() && std::isspace((unsigned char)eq[i])) ++i;
    if (i < eq.size() && eq[i] == '[') {
        const size_t close = eq.find(']', i);
        if (close == std::string::npos) return l.op = "?", l;
        for (const std::string& s : splitTopLevel(eq.substr(i + 1, close - i - 1), ','))
            l.subs.push_back(squeeze(s));
        i = close + 1;
        while (i < eq.size() && std::isspace((unsigned char)eq[i])) ++i;
    }
    const std::string rest = eq.substr(i);
    for (const char* op : {"==", ":=", "<->", "=", "(", ":"})
        if (rest.rfind(op, 0) == 0) {
            l.op = op;
            size_t at = i + (l.op == "(" ? 0 : l.op.size());
            while (at < eq.size() && std::isspace((unsigned char)eq[at])) ++at;
            l.rest = trim(eq.substr(at));
            l.restOffset = at;
            return l;
        }
    l.op = rest.empty() ? "" : "?";
    return l;
}

struct DimDef {
    std::string name;
    std::vector<std::string> items;
    std::vector<std::string> maps;
    std::vector<std::pair<std::string, std::string>> orderedMaps;  // target, "(target: e1, e2...)" as written
    int line = 0;
};

// "(a1-a5)" -> a1, a2, a3, a4, a5. Empty when it is not such a range; `count` is how many it names (set
// before anything is made, so that the caller can refuse "(a1-a999999999)").
std::vector<std::string> numberedRange(const std::string& item, size_t room, long& count) {
    count = 0;
    if (item.size() < 5 || item.front() != '(' || item.back() != ')') return {};
    const size_t dash = item.find('-');
    if (dash == std::string::npos) return {};
    auto splitNum = [](const std::string& s, std::string& prefix, long& n) {
        size_t k = s.size();
        while (k > 0 && std::isdigit((unsigned char)s[k - 1])) --k;
        if (k == s.size() || s.size() - k > 9) return false;
        prefix = s.substr(0, k);
        n = std::stol(s.substr(k));
        return true;
    };
    std::string p1, p2;
    long lo = 0, hi = 0;
    if (!splitNum(trim(item.substr(1, dash - 1)), p1, lo) ||
        !splitNum(trim(item.substr(dash + 1, item.size() - dash - 2)), p2, hi) || p1 != p2 || hi < lo)
        return {};
    count = hi - lo + 1;
    if (static_cast<size_t>(count) > room) return {};
    std::vector<std::string> out;
    for (long n = lo; n <= hi; ++n) out.push_back(p1 + std::to_string(n));
    return out;
}

class Reader {
  public:
    Reader(diag::Diagnostics& d, const std::string& source, const ReadOptions& options)
        : m_diags(d), m_source(source), m_data(source, options.dataFiles) {}

    model::Project run(const std::string& text) {
        SplitFile file = splitFile(text);
        prependLibraryMacros(file);
        m_project.sourcePath = m_source;
        m_project.name = stem(m_source);
        m_project.models.emplace_back();
        m_groups.emplace_back();
        m_groupIndex.emplace_back();
        for (const Entry& e : file.entries) entry(e);
        if (m_macro >= 0)
            syntax(m_project.macros.back().name, 0, "a :MACRO: is never closed by :END OF MACRO:");
        resolveDimensions();
        for (const auto& groups : m_groups)
            for (model::Dimension& d : aliasRepeatedDimensions(groups, m_symbols, m_diags))
                m_project.dimensions.push_back(std::move(d));
        readControl(m_groups[0], m_symbols, m_project.specs, m_diags);
        for (size_t m = 0; m < m_groups.size(); ++m) {
            model::Model& target = m == 0 ? m_project.main() : m_project.macros[m - 1].body;
            buildVariables(m_groups[m], m_symbols, target, m_data, m_diags);
        }
        finishMacros();
        std::map<std::string, model::VarKind> kinds;
        for (const model::Variable& v : m_project.main().variables) kinds[canonicalName(v.name)] = v.kind;
        if (!file.sketch.empty()) m_project.main().views = readSketch(file.sketch, kinds);
        return std::move(m_project);
    }

  private:
    static std::string stem(const std::string& path) {
        const size_t slash = path.find_last_of("/\\");
        std::string s = slash == std::string::npos ? path : path.substr(slash + 1);
        const size_t dot = s.rfind('.');
        return dot == std::string::npos || dot == 0 ? s : s.substr(0, dot);
    }

    void syntax(const std::string& where, int line, const std::string& msg) {
        m_diags.error(diag::code::kMdlSyntax, where, msg, 0, line);
    }
    void unsupported(const std::string& where, int line, const std::string& msg) {
        m_diags.error(diag::code::kUnsupported, where, msg, 0, line);
    }

    void entry(const Entry& e) {
        if (e.kind == Entry::Kind::MacroBegin) return macroBegin(e);
        if (e.kind == Entry::Kind::MacroEnd) {
            if (m_macro < 0) syntax(":END OF MACRO:", e.line, ":END OF MACRO: without a :MACRO:");
            m_macro = -1;
            return;
        }
        if (e.equation.empty() || e.equation[0] == '*') return;  // group headers "****** .name ******"
        if (!e.terminated) syntax(m_source, e.line, "the file ends inside an equation (no closing '|')");
        const Lhs l = parseLhs(e.equation);
        const std::string where = l.name.empty() ? m_source : l.name;
        if (l.op == "?" || l.name.empty())
            return syntax(where, e.line,
                          "cannot read this equation: '" + squeeze(e.equation.substr(0, 60)) + "'");
        if (l.op == ":") {
            const std::string keyword = upper(squeeze(l.rest.substr(0, l.rest.find(':') + 1)));
            if (keyword == "THE CONDITION:" || keyword == "TEST INPUT:")
                return m_diags.warning(diag::code::kMdlIgnored, where,
                                       "reality checks (:" + keyword +
                                           ") are not run by sdw: this entry is left out of the model",
                                       0, e.line);
            if (upper(l.rest).rfind("EXCEPT:", 0) == 0) return except(l, e);
            if (keyword == "INTERPOLATE:" || keyword == "RAW:" || keyword == "HOLD BACKWARD:" ||
                keyword == "LOOK FORWARD:") {  // a data variable: `x:HOLD BACKWARD:` or `... := equation`
                std::string rest = trim(l.rest.substr(l.rest.find(':') + 1));
                const size_t skipped = l.rest.size() - rest.size();
                const size_t eq = rest.rfind(":=", 0) == 0 ? 2 : rest.rfind("=", 0) == 0 ? 1 : 0;
                Lhs data = l;
                data.rest = trim(rest.substr(eq));
                data.restOffset = l.restOffset + skipped + eq + (rest.size() - eq - data.rest.size());
                return definition(data, e, data.rest.empty() ? 'd' : '=',
                                  keyword.substr(0, keyword.size() - 1));
            }
            return dimension(l, e.line);
        }
        if (l.op == "<->") {
            m_dimDefs.push_back({l.name, {l.rest}, {}, {}, e.line});
            return;
        }
        if (l.op.empty() && e.sections == 1)
            return syntax(where, e.line,
                          "cannot read '" + squeeze(e.equation.substr(0, 60)) +
                              "': a Vensim entry is 'name = equation ~ units ~ comment |'");
        // A data variable: no equation (its series from a data file), or `:=` with a data function or an
        // expression of other data (read as an ordinary equation: data are functions of time).
        if (l.op.empty() || (l.op == ":=" && l.rest.empty())) return definition(l, e, 'd', "");
        // `==` is an unchangeable constant: a constant Vensim's games and SyntheSim may not change. sdw reads
        // it as any other constant.
        definition(l, e, l.op == "(" ? '(' : '=', "");
    }

    // `x[d] :EXCEPT: [d1], [d2] = equation`: the equation for every element but those listed.
    void except(const Lhs& l, const Entry& e) {
        std::vector<std::vector<std::string>> lists;
        size_t i = l.rest.find(':') + 1;
        const std::string& r = l.rest;
        while (true) {
            while (i < r.size() && (std::isspace((unsigned char)r[i]) || r[i] == ',')) ++i;
            if (i >= r.size() || r[i] != '[') break;
            const size_t close = r.find(']', i);
            if (close == std::string::npos) break;
            lists.emplace_back();
            for (const std::string& s : splitTopLevel(r.substr(i + 1, close - i - 1), ','))
                lists.back().push_back(squeeze(s));
            if (lists.back().size() != l.subs.size())
                return syntax(l.name, e.line,
                              ":EXCEPT: lists need one subscript for each of '" + l.name + "'s");
            i = close + 1;
        }
        if (lists.empty() || i >= r.size() || r[i] != '=' || l.subs.empty())
            return syntax(l.name, e.line, "cannot read this :EXCEPT: equation (x[d] :EXCEPT: [d1] = ...)");
        size_t at = i + 1;
        while (at < r.size() && std::isspace((unsigned char)r[at])) ++at;
        Lhs def = l;
        def.rest = trim(r.substr(at));
        def.restOffset = l.restOffset + at;
        definition(def, e, '=', "", lists);
    }

    void definition(const Lhs& l, const Entry& e, char op, const std::string& method,
                    const std::vector<std::vector<std::string>>& except = {}) {
        Def d{l.name, l.subs, op, l.rest, &e, l.restOffset, method, except};
        if (op == '(' || (op == '=' && parseGetCall(l.rest) && parseGetCall(l.rest)->what == "LOOKUPS"))
            m_symbols.lookups.insert(canonicalName(l.name));
        const size_t m = static_cast<size_t>(m_macro + 1);
        const std::string key = canonicalName(l.name);
        if (!m_symbols.defined.count(key)) {
            std::vector<std::string>& subs = m_symbols.defined[key];
            for (const auto& s : l.subs) subs.push_back(canonicalName(s));
        }
        auto it = m_groupIndex[m].find(key);
        if (it == m_groupIndex[m].end()) {
            it = m_groupIndex[m].emplace(key, m_groups[m].size()).first;
            m_groups[m].emplace_back();
        }
        m_groups[m][it->second].push_back(d);
    }

    void macroBegin(const Entry& e) {
        model::Macro macro;
        const size_t open = e.equation.find('(');
        macro.name = squeeze(e.equation.substr(0, open));
        if (open != std::string::npos) {
            const size_t close = e.equation.rfind(')');
            std::string params = e.equation.substr(
                open + 1, (close == std::string::npos ? e.equation.size() : close) - open - 1);
            if (const size_t colon = params.find(':'); colon != std::string::npos) {
                m_diags.warning(diag::code::kUnsupported, macro.name,
                                "macro output parameters (after ':') are ignored", 0, e.line);
                params.resize(colon);
            }
            for (const std::string& p : splitTopLevel(params, ','))
                if (!p.empty()) macro.params.push_back(squeeze(p));
        }
        macro.paramDefaults.assign(macro.params.size(), std::nullopt);
        macro.body.name = macro.name;
        if (macro.name.empty()) syntax(":MACRO:", e.line, "a :MACRO: needs a name");
        m_symbols.macros.insert(canonicalName(macro.name));
        m_project.macros.push_back(std::move(macro));
        m_groups.emplace_back();
        m_groupIndex.emplace_back();
        m_macro = static_cast<int>(m_project.macros.size()) - 1;
    }

    void finishMacros() {
        // A macro whose body is the single equation `name = expression` is an expression macro.
        for (model::Macro& m : m_project.macros) {
            auto& vars = m.body.variables;
            if (vars.size() == 1 && canonicalName(vars[0].name) == canonicalName(m.name) &&
                vars[0].kind == model::VarKind::Aux && !vars[0].gf && vars[0].dimensions.empty()) {
                m.equation = vars[0].equation;
                m.doc = vars[0].doc;
                vars.clear();
            }
        }
    }

    void dimension(const Lhs& l, int line) {
        DimDef d;
        d.name = l.name;
        d.line = line;
        std::string items = l.rest;
        if (const size_t arrow = items.find("->"); arrow != std::string::npos) {
            for (const std::string& m : splitTopLevel(items.substr(arrow + 2), ',')) {
                std::string name = m;
                if (!name.empty() && name[0] == '(') {  // (target: e1, e2...): elements in another order
                    name = name.substr(1, name.find(':') - 1);
                    d.orderedMaps.push_back({squeeze(name), m});
                }
                if (!trim(name).empty()) d.maps.push_back(squeeze(name));
            }
            items.resize(arrow);
        }
        if (upper(squeeze(items)).rfind("GET ", 0) == 0) {  // elements named in a file's cells
            const auto call = parseGetCall(trim(items));
            if (!call || call->what != "SUBSCRIPT")
                return unsupported(d.name, line,
                                   "'" + squeeze(items.substr(0, items.find('('))) +
                                       "' does not name a range's elements: use GET DIRECT SUBSCRIPT or "
                                       "GET XLS SUBSCRIPT, or list them");
            const auto names = resolveSubscript(*call, d.name, line, m_data, m_diags);
            if (!names) return;
            d.items = *names;
            m_dimDefs.push_back(std::move(d));
            return;
        }
        for (const std::string& it : splitTopLevel(items, ','))
            if (!it.empty()) d.items.push_back(squeeze(it));
        if (d.items.empty()) syntax(d.name, line, "subscript range '" + d.name + "' has no elements");
        m_dimDefs.push_back(std::move(d));
    }

    // A range's elements, with numbered ranges and ranges named inside it expanded. At most
    // model::kMaxDimensionElements: past that (a typo such as (a1-a100000000), or ranges listing each other
    // several times, which multiplies) it reports E120 and stops.
    std::vector<std::string> expandItems(const DimDef& d, int depth, const DimDef& top, bool& tooBig) {
        std::vector<std::string> out;
        for (const std::string& item : d.items) {
            if (tooBig) break;
            const size_t room =
                model::kMaxDimensionElements - std::min(out.size(), model::kMaxDimensionElements);
            long count = 0;
            if (auto range = numberedRange(item, room, count); !range.empty()) {
                out.insert(out.end(), range.begin(), range.end());
                continue;
            }
            if (count > 0) {
                tooBig = true;
                syntax(top.name, top.line,
                       "subscript range '" + top.name + "' would have more than " +
                           std::to_string(model::kMaxDimensionElements) + " elements (" + item +
                           " alone names " + std::to_string(count) + ")");
                break;
            }
            const DimDef* other = nullptr;
            for (const DimDef& o : m_dimDefs)
                if (&o != &d && canonicalName(o.name) == canonicalName(item)) other = &o;
            if (other && depth < 8) {
                auto sub = expandItems(*other, depth + 1, top, tooBig);
                out.insert(out.end(), sub.begin(), sub.end());
            } else {
                out.push_back(item);
            }
            if (out.size() > model::kMaxDimensionElements && !tooBig) {
                tooBig = true;
                syntax(top.name, top.line,
                       "subscript range '" + top.name + "' has more than " +
                           std::to_string(model::kMaxDimensionElements) + " elements");
            }
        }
        if (tooBig) out.clear();
        return out;
    }

    void resolveDimensions() {
        for (const DimDef& d : m_dimDefs) {
            model::Dimension dim;
            dim.name = d.name;
            bool tooBig = false;
            dim.elements = expandItems(d, 0, d, tooBig);
            dim.maps = d.maps;
            const std::string c = canonicalName(d.name);
            if (m_symbols.dims.count(c)) {
                syntax(d.name, d.line, "subscript range '" + d.name + "' is defined more than once");
                continue;
            }
            m_symbols.dims[c] = dim.elements;
            m_symbols.dimNames[c] = d.name;
            m_project.dimensions.push_back(std::move(dim));
        }
        // A range whose elements all belong to a larger range is a subrange of it.
        for (const auto& [c, elems] : m_symbols.dims) {
            std::set<std::string> mine;
            for (const auto& e : elems) mine.insert(canonicalName(e));
            for (const auto& [c2, elems2] : m_symbols.dims) {
                if (c2 == c || elems2.size() <= elems.size()) continue;
                size_t found = 0;
                for (const auto& e : elems2) found += mine.count(canonicalName(e));
                if (found == mine.size()) m_symbols.subranges.insert(c);
            }
        }
        for (const model::Dimension& d : m_project.dimensions) {
            const std::string c = canonicalName(d.name);
            if (m_symbols.subranges.count(c)) continue;
            for (const auto& e : d.elements) m_symbols.elementDim.emplace(canonicalName(e), c);
        }
        for (const model::Dimension& d : m_project.dimensions)  // elements only listed in subranges
            for (const auto& e : d.elements)
                m_symbols.elementDim.emplace(canonicalName(e), canonicalName(d.name));
        checkOrderedMaps();
        for (const model::Dimension& d : m_project.dimensions)
            for (const auto& target : d.maps) {
                m_symbols.maps[canonicalName(d.name)].push_back(canonicalName(target));
                m_symbols.maps[canonicalName(target)].push_back(canonicalName(d.name));
            }
    }

    // A mapping that lists the target's elements, `A: a1, a2 -> (B: b2, b1)`, pairs a1 with b2. The model
    // (like XMILE's maps_to) pairs elements by position, so only a list in the target's own order is read.
    void checkOrderedMaps() {
        for (const DimDef& d : m_dimDefs)
            for (const auto& [target, written] : d.orderedMaps) {
                const size_t colon = written.find(':'), close = written.rfind(')');
                if (colon == std::string::npos || close == std::string::npos || close < colon) continue;
                std::vector<std::string> listed;
                for (const std::string& e : splitTopLevel(written.substr(colon + 1, close - colon - 1), ','))
                    listed.push_back(canonicalName(e));
                std::vector<std::string> own;
                if (auto it = m_symbols.dims.find(canonicalName(target)); it != m_symbols.dims.end())
                    for (const std::string& e : it->second) own.push_back(canonicalName(e));
                if (listed != own)
                    unsupported(d.name, d.line,
                                "the mapping '" + squeeze(written) +
                                    "' pairs elements in an order of its own; " +
                                    "sdw pairs mapped elements by position: list '" + target +
                                    "' in its own order, or define the mapping with a lookup");
            }
    }

    diag::Diagnostics& m_diags;
    std::string m_source;
    model::Project m_project;
    Symbols m_symbols;
    DataSources m_data;
    std::vector<DimDef> m_dimDefs;
    // Definitions grouped by variable: [0] the main model, [1 + i] the body of macro i.
    std::vector<std::vector<std::vector<Def>>> m_groups;
    std::vector<std::map<std::string, size_t>> m_groupIndex;
    int m_macro = -1;
};

}  // namespace

std::optional<model::Project> readString(const std::string& text, diag::Diagnostics& diags,
                                         const std::string& sourceName, const ReadOptions& options) {
    try {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
            diags.error(diag::code::kMdlSyntax, sourceName, "the file is empty");
            return std::nullopt;
        }
        return Reader(diags, sourceName, options).run(text);
    } catch (const std::exception& e) {  // a reader bug must not take the program down
        diags.error(diag::code::kMdlSyntax, sourceName,
                    std::string("internal error reading the model: ") + e.what());
        return std::nullopt;
    }
}

std::optional<model::Project> readFile(const std::string& path, diag::Diagnostics& diags,
                                       const ReadOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(diag::code::kFileUnreadable, path, "cannot open the file");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return readString(ss.str(), diags, path, options);
}

}  // namespace sdw::mdl
