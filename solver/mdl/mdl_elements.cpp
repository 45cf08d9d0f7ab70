// Variables a .mdl defines element by element, or over sub-ranges: which dimensions they get, and the
// elements no equation defines. Layer: solver. Depends on model/ and diag/ only.
#include <algorithm>

#include "solver/mdl/mdl_internal.hpp"
#include "solver/model/text_origin.hpp"

namespace sdw::mdl::detail {
namespace {

using model::canonicalName;

std::set<std::string> canonicalSet(const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (const std::string& n : names) out.insert(canonicalName(n));
    return out;
}

// The dimension one position of the variable gets (canonical), or "" when a subscript is unknown.
std::string chooseDimension(const std::vector<Def>& defs, size_t position,
                            const std::set<std::string>& defined, const std::set<std::string>& used,
                            const Symbols& sym) {
    // Every equation names the same range here (a sub-range stays a sub-range: `x[sub] = 1, 2`).
    const std::string first = canonicalName(defs.front().subs[position]);
    const bool same = std::all_of(defs.begin(), defs.end(),
                                  [&](const Def& d) { return canonicalName(d.subs[position]) == first; });
    if (same && sym.dims.count(first) && !used.count(first)) return first;
    // The full range the first subscript belongs to, unless the elements defined are exactly a declared
    // range (`count[b] = ...` and `count[c] = ...` with `sub: c, b` declared: the variable is over sub).
    const std::string parent = parentDimension(first, sym);
    if (parent.empty()) return "";
    // Among ranges with the same elements (`DimB <-> DimA`), one the variable does not use at another
    // position.
    if (canonicalSet(sym.dims.at(parent)) == defined && !used.count(parent)) return parent;
    for (const auto& [name, elems] : sym.dims)
        if (canonicalSet(elems) == defined && !used.count(name)) return name;
    return parent;
}

}  // namespace

std::string parentDimension(const std::string& sub, const Symbols& sym) {
    const std::string c = canonicalName(sub);
    if (auto it = sym.dims.find(c); it != sym.dims.end()) {
        if (!sym.subranges.count(c) || it->second.empty()) return c;
        auto e = sym.elementDim.find(canonicalName(it->second.front()));
        return e == sym.elementDim.end() ? c : e->second;
    }
    auto e = sym.elementDim.find(c);
    return e == sym.elementDim.end() ? "" : e->second;
}

bool elementDimensions(const std::vector<Def>& defs, const std::vector<model::ElementEquation>& elements,
                       const Symbols& sym, std::vector<std::string>& dims) {
    const size_t rank = defs.front().subs.size();
    std::set<std::string> used;
    for (size_t p = 0; p < rank; ++p) {
        std::set<std::string> defined;
        for (const model::ElementEquation& e : elements) defined.insert(canonicalName(e.subscripts[p]));
        const std::string dim = chooseDimension(defs, p, defined, used, sym);
        if (dim.empty()) return false;
        used.insert(dim);
        dims.push_back(sym.dimNames.at(dim));
    }
    return true;
}

size_t fillUndefined(model::Variable& v, const Symbols& sym, diag::Diagnostics& diags) {
    std::set<std::string> defined;
    for (const model::ElementEquation& e : v.elements) defined.insert(model::originKey(e.subscripts));
    std::vector<std::vector<std::string>> tuples{{}};
    for (const std::string& d : v.dimensions) {
        const auto& elems = sym.dims.at(canonicalName(d));
        if (tuples.size() * elems.size() > model::kMaxDimensionElements) return 0;  // the compiler refuses it
        std::vector<std::vector<std::string>> next;
        for (const auto& t : tuples)
            for (const std::string& e : elems) {
                next.push_back(t);
                next.back().push_back(e);
            }
        tuples = std::move(next);
    }
    std::vector<std::string> missing;
    for (const auto& t : tuples) {
        if (defined.count(model::originKey(t))) continue;
        v.elements.push_back({t, "0", std::nullopt});
        std::string shown;
        for (const std::string& e : t) shown += (shown.empty() ? "" : ",") + e;
        missing.push_back(v.name + "[" + shown + "]");
    }
    if (missing.empty()) return 0;
    std::string list;
    for (size_t k = 0; k < missing.size() && k < 4; ++k) list += (k ? ", " : "") + missing[k];
    if (missing.size() > 4) list += " and " + std::to_string(missing.size() - 4) + " more";
    diags.warning(diag::code::kMdlPartialArray, v.name,
                  "no equation in the file defines " + list +
                      ": read as 0 (Vensim leaves such elements out of the model)",
                  0, v.line);
    return missing.size();
}

std::vector<model::Dimension> aliasRepeatedDimensions(const std::vector<std::vector<Def>>& groups,
                                                      Symbols& sym, diag::Diagnostics& diags) {
    std::set<std::string> taken;  // names a new range must not take: variables, ranges, elements
    for (const auto& g : groups)
        if (!g.empty()) taken.insert(canonicalName(g.front().name));
    for (const auto& [c, elems] : sym.dims) taken.insert(c);
    for (const auto& [e, d] : sym.elementDim) taken.insert(e);
    std::vector<model::Dimension> added;
    for (const auto& defs : groups) {
        if (defs.empty()) continue;
        std::map<std::string, size_t> uses;  // full range -> positions over it
        for (const std::string& s : defs.front().subs) {
            const std::string parent = parentDimension(s, sym);
            if (!parent.empty()) ++uses[parent];
        }
        for (const auto& [parent, count] : uses) {
            if (count < 2) continue;
            const std::set<std::string> elems = canonicalSet(sym.dims.at(parent));
            size_t copies = 0;  // other ranges with the same elements (`dim2 <-> dim`)
            for (const auto& [c, e] : sym.dims) copies += c != parent && canonicalSet(e) == elems;
            for (int n = 2; copies + 1 < count; ++n) {
                const std::string name = sym.dimNames.at(parent) + " " + std::to_string(n);
                if (taken.count(canonicalName(name))) continue;
                taken.insert(canonicalName(name));
                sym.dims[canonicalName(name)] = sym.dims.at(parent);
                sym.dimNames[canonicalName(name)] = name;
                added.push_back({name, sym.dims.at(parent), false, {}});
                ++copies;
                diags.warning(diag::code::kMdlRangeCopied, defs.front().name,
                              "'" + defs.front().name + "' is arrayed over '" + sym.dimNames.at(parent) +
                                  "' at " + std::to_string(count) + " positions: a later position uses '" +
                                  name + "', a range with the same elements (as if the file said '" + name +
                                  " <-> " + sym.dimNames.at(parent) + "')",
                              0, defs.front().entry ? defs.front().entry->line : 0);
            }
        }
    }
    return added;
}

}  // namespace sdw::mdl::detail
