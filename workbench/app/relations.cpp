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

std::vector<std::string> unlinkedCauses(const model::Model& model, const model::View& view,
                                        const std::string& name) {
    using Kind = model::ViewObject::Kind;
    const auto* self = model.find(name);
    if (!self) return {};
    const std::string me = canonicalName(self->name);
    // The variable each end of a connector stands for (an alias end holds the alias's uid).
    const auto endOf = [&](const std::string& ref, bool alias) {
        if (!alias) return canonicalName(ref);
        for (const auto& o : view.objects)
            if (o.kind == Kind::Alias && o.uid == ref) return canonicalName(o.name);
        return std::string();
    };
    std::set<std::string> shown, linked;
    for (const auto& o : view.objects) {
        if (o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux || o.kind == Kind::Alias)
            shown.insert(canonicalName(o.name));
        if (o.kind == Kind::Connector && endOf(o.to, o.toAlias) == me)
            linked.insert(endOf(o.from, o.fromAlias));
    }
    if (!shown.count(me)) return {};
    std::set<std::string> missing;
    for (const auto& n : namesRead(self->equation))
        if (n != me && model.find(n) && shown.count(n) && !linked.count(n)) missing.insert(n);
    return named(model, missing);
}

}  // namespace sdw::app
