// Copy and paste for the document: the clipboard is a small XMILE document (so it can go through the system
// clipboard and into another sdw window). Layer: workbench/ui/document. No ImGui, GLFW, GL or Lua.
#include <map>
#include <set>

#include "solver/xmile/xmile.hpp"
#include "workbench/ui/document/document.hpp"

namespace sdw::ui::document {

using model::canonicalName;
using Kind = model::ViewObject::Kind;

std::string Document::copy(const std::vector<std::string>& names) const {
    model::Project clip;
    clip.name = "sdw clipboard";
    clip.vendor = "sdw project";
    clip.product = "sdw";
    clip.specs = m_project.specs;
    auto& m = clip.main();
    m.views.emplace_back();
    std::set<std::string> keys;
    for (const auto& n : names)
        if (const auto* v = find(n)) {
            m.variables.push_back(*v);
            keys.insert(canonicalName(v->name));
            if (const auto* o = viewObject(n)) m.views.front().objects.push_back(*o);
        }
    if (keys.empty()) return {};
    for (const auto& o : view().objects)
        if (o.kind == Kind::Connector && !o.fromAlias && !o.toAlias && keys.count(canonicalName(o.from)) &&
            keys.count(canonicalName(o.to)))
            m.views.front().objects.push_back(o);
    // Flow links to stocks that were not copied would dangle: drop them.
    for (auto& v : m.variables)
        for (auto* list : {&v.inflows, &v.outflows})
            std::erase_if(*list, [&](const std::string& f) { return !keys.count(canonicalName(f)); });
    return xmile::writeString(clip);
}

std::vector<std::string> Document::paste(const std::string& text, double dx, double dy) {
    diag::Diagnostics diags;
    auto clip = xmile::readString(text, diags, "<clipboard>");
    if (!clip || clip->models.empty() || clip->main().variables.empty()) return {};
    checkpoint();
    // New names for clashes, applied to equations, flow lists and view objects of the pasted part only.
    std::map<std::string, std::string> renamed;  // canonical old -> new
    std::set<std::string> taken;
    for (const auto& v : model().variables) taken.insert(canonicalName(v.name));
    for (const auto& v : clip->main().variables) {
        std::string name = v.name;
        for (int n = 2; taken.count(canonicalName(name)); ++n) name = v.name + "_" + std::to_string(n);
        taken.insert(canonicalName(name));
        renamed[canonicalName(v.name)] = name;
    }
    auto newName = [&](const std::string& n) {
        auto it = renamed.find(canonicalName(n));
        return it == renamed.end() ? n : it->second;
    };
    std::vector<std::string> added;
    for (auto v : clip->main().variables) {
        for (const auto& [oldKey, nn] : renamed) {
            v.equation = renameInEquation(v.equation, oldKey, nn);
            for (auto& e : v.elements) e.equation = renameInEquation(e.equation, oldKey, nn);
        }
        v.name = newName(v.name);
        for (auto* list : {&v.inflows, &v.outflows})
            for (auto& f : *list) f = newName(f);
        added.push_back(v.name);
        mainModel().add(std::move(v));
    }
    if (!clip->main().views.empty()) {
        int maxUid = 0;
        for (const auto& o : view().objects)
            if (!o.uid.empty()) maxUid = std::max(maxUid, std::atoi(o.uid.c_str()));
        for (auto o : clip->main().views.front().objects) {
            if (o.kind == Kind::Alias || o.fromAlias || o.toAlias) continue;
            o.name = newName(o.name);
            o.from = newName(o.from);
            o.to = newName(o.to);
            o.x += dx;
            o.y += dy;
            for (auto& p : o.points) {
                p.first += dx;
                p.second += dy;
            }
            if (!o.uid.empty()) o.uid = std::to_string(++maxUid);
            mainView().objects.push_back(std::move(o));
        }
    }
    touched();
    return added;
}

}  // namespace sdw::ui::document
