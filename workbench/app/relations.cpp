// Causes and uses of a variable. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/relations.hpp"

#include <algorithm>
#include <set>

#include "solver/equations/parser.hpp"
#include "workbench/app/format.hpp"

namespace sdw::app {
namespace {

using model::canonicalName;

// The canonical names an equation reads (every Name node).
std::set<std::string> namesRead(const std::string& equation) {
    std::set<std::string> out;
    if (equation.empty()) return out;
    diag::Diagnostics diags;
    const auto expr = equations::parse(equation, "", diags);
    for (const auto& n : expr.nodes)
        if (n.kind == equations::NodeKind::Name) out.insert(n.name);
    return out;
}

// What `v` is computed from: the names its equation reads, and a stock's flows.
std::set<std::string> causesOf(const model::Variable& v) {
    auto out = namesRead(v.equation);
    for (const auto* flows : {&v.inflows, &v.outflows})
        for (const auto& f : *flows) out.insert(canonicalName(f));
    return out;
}

// The variables of `model` named in `canon`, as written, sorted as a person reads them.
std::vector<std::string> named(const model::Model& model, const std::set<std::string>& canon) {
    std::vector<std::string> out;
    for (const auto& c : canon)
        if (const auto* v = model.find(c)) out.push_back(v->name);
    std::sort(out.begin(), out.end(),
              [](const std::string& a, const std::string& b) { return displayName(a) < displayName(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

Relations relationsOf(const model::Model& model, const std::string& name) {
    Relations r;
    const auto* self = model.find(name);
    if (!self) return r;
    const std::string me = canonicalName(self->name);
    auto causes = causesOf(*self);
    causes.erase(me);
    r.causes = named(model, causes);
    std::set<std::string> uses;
    for (const auto& v : model.variables) {
        const std::string other = canonicalName(v.name);
        if (other != me && causesOf(v).count(me)) uses.insert(other);
    }
    r.uses = named(model, uses);
    return r;
}

}  // namespace sdw::app
