// Whole-value comparison of projects for round-trip tests: model structs compare with ==; this clears what a
// round trip cannot keep and, when two projects differ, names the part that holds the difference.
// Layer: tests/solver. Depends on solver/model only.
#pragma once

#include <string>

#include "solver/model/model.hpp"

namespace sdw::test {

// The project without what a round trip through the XMILE writer does not keep, by design: where its text
// came from (the file name, the line of every variable) and the namespace (always written as the standard's,
// so a pre-standard file comes back standard). Everything else a model means and keeps is compared.
inline model::Project comparableAfterRoundTrip(model::Project p) {
    p.sourcePath.clear();
    p.xmlns.clear();
    auto clearLines = [](model::Model& m) {
        for (auto& v : m.variables) v.line = 0;
    };
    for (auto& m : p.models) clearLines(m);
    for (auto& macro : p.macros) clearLines(macro.body);
    return p;
}

// "" when a == b; otherwise the first part that differs ("variable 'k'", "view 0 object 3", "specs"), for
// the failure message of a whole-value CHECK(a == b).
inline std::string whereDiffers(const model::Project& a, const model::Project& b) {
    if (a == b) return "";
    auto inModel = [](const model::Model& x, const model::Model& y, const std::string& w) -> std::string {
        for (size_t i = 0; i < std::min(x.variables.size(), y.variables.size()); ++i)
            if (!(x.variables[i] == y.variables[i])) return w + " variable '" + x.variables[i].name + "'";
        for (size_t i = 0; i < std::min(x.views.size(), y.views.size()); ++i)
            for (size_t j = 0; j < std::min(x.views[i].objects.size(), y.views[i].objects.size()); ++j)
                if (!(x.views[i].objects[j] == y.views[i].objects[j]))
                    return w + " view " + std::to_string(i) + " object " + std::to_string(j);
        return x == y ? "" : w + " (variable or view counts, names or extras)";
    };
    for (size_t i = 0; i < std::min(a.models.size(), b.models.size()); ++i)
        if (auto w = inModel(a.models[i], b.models[i], "model '" + a.models[i].name + "'"); !w.empty())
            return w;
    for (size_t i = 0; i < std::min(a.macros.size(), b.macros.size()); ++i)
        if (!(a.macros[i] == b.macros[i])) return "macro '" + a.macros[i].name + "'";
    if (!(a.specs == b.specs)) return "specs";
    if (!(a.dimensions == b.dimensions)) return "dimensions";
    if (a.xmlns != b.xmlns) return "namespace: " + a.xmlns + " / " + b.xmlns;
    if (a.name != b.name || a.vendor != b.vendor || a.product != b.product ||
        a.productAttrs != b.productAttrs || a.headerExtraXml != b.headerExtraXml)
        return "header";
    return "model or macro counts, or root extras";
}

}  // namespace sdw::test
