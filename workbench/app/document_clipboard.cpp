// Copy and paste for the document: the clipboard is a small XMILE document (so it can go through the system
// clipboard and into another sdw window). Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include <algorithm>
#include <map>
#include <set>

#include "solver/equations/rename.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/document.hpp"

namespace sdw::app {

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
    std::set<std::string> keys, aliasUids;  // copied variables (canonical); copied aliases (uids)
    for (const auto& n : names) {
        if (isAliasKey(n)) {  // an alias travels as itself: it names its variable, which need not come along
            if (const auto* o = viewObject(n); o && aliasUids.insert(o->uid).second)
                m.views.front().objects.push_back(*o);
        } else if (const auto* v = find(n); v && keys.insert(canonicalName(v->name)).second) {
            m.variables.push_back(*v);
            if (const auto* o = viewObject(n)) m.views.front().objects.push_back(*o);
        }
    }
    if (keys.empty() && aliasUids.empty()) return {};
    auto copiedEnd = [&](const std::string& ref, bool alias) {
        return alias ? aliasUids.count(ref) > 0 : keys.count(canonicalName(ref)) > 0;
    };
    for (const auto& o : view().objects)
        if (o.kind == Kind::Connector && copiedEnd(o.from, o.fromAlias) && copiedEnd(o.to, o.toAlias))
            m.views.front().objects.push_back(o);
    // Flow links to stocks that were not copied would dangle: drop them.
    for (auto& v : m.variables)
        for (auto* list : {&v.inflows, &v.outflows})
            std::erase_if(*list, [&](const std::string& f) { return !keys.count(canonicalName(f)); });
    return xmile::writeString(clip);
}

// The pasted view objects, moved by (dx, dy), with fresh uids. An alias stands for its pasted variable when
// that came along, else for the variable of that name here; an alias of neither is dropped, with its
// connectors.
void Document::pasteView(const model::View& clipView,
                         const std::function<std::string(const std::string&)>& newName, double dx, double dy,
                         std::vector<std::string>& added) {
    int maxUid = 0;
    for (const auto& o : view().objects)
        if (!o.uid.empty()) maxUid = std::max(maxUid, std::atoi(o.uid.c_str()));
    std::map<std::string, std::string> aliasUid;  // clipboard uid -> new uid, for aliases that were pasted
    for (const auto& o : clipView.objects)
        if (o.kind == Kind::Alias && !resolve(newName(o.name)).empty())
            aliasUid[o.uid] = std::to_string(++maxUid);
    auto end = [&](std::string& ref, bool alias) {
        if (!alias) {
            ref = newName(ref);
            return true;
        }
        const auto it = aliasUid.find(ref);
        if (it == aliasUid.end()) return false;
        ref = it->second;
        return true;
    };
    for (auto o : clipView.objects) {
        if (o.kind == Kind::Alias) {
            const auto it = aliasUid.find(o.uid);
            if (it == aliasUid.end()) continue;
            o.uid = it->second;
            o.name = resolve(newName(o.name));
            added.push_back(aliasKey(o.uid));
        } else if (o.kind == Kind::Connector) {
            if (!end(o.from, o.fromAlias) || !end(o.to, o.toAlias)) continue;
            o.uid = std::to_string(++maxUid);
        } else {
            o.name = newName(o.name);
            if (!o.uid.empty()) o.uid = std::to_string(++maxUid);
        }
        o.x += dx;
        o.y += dy;
        for (auto& p : o.points) {
            p.first += dx;
            p.second += dy;
        }
        mainView().objects.push_back(std::move(o));
    }
}

std::vector<std::string> Document::paste(const std::string& text, double dx, double dy) {
    diag::Diagnostics diags;
    auto clip = xmile::readString(text, diags, "<clipboard>");
    if (!clip || clip->models.empty()) return {};
    const auto& clipView = clip->main().views.empty() ? model::View{} : clip->main().views.front();
    const bool hasAlias = std::any_of(clipView.objects.begin(), clipView.objects.end(),
                                      [](const model::ViewObject& o) { return o.kind == Kind::Alias; });
    if (clip->main().variables.empty() && !hasAlias) return {};
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
            v.equation = equations::renameInEquation(v.equation, oldKey, nn, m_project.macros);
            for (auto& e : v.elements)
                e.equation = equations::renameInEquation(e.equation, oldKey, nn, m_project.macros);
        }
        v.name = newName(v.name);
        for (auto* list : {&v.inflows, &v.outflows})
            for (auto& f : *list) f = newName(f);
        added.push_back(v.name);
        mainModel().add(std::move(v));
    }
    pasteView(clipView, newName, dx, dy, added);
    touched();
    return added;
}

}  // namespace sdw::app
