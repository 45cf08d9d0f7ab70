// The workbench's document: edits over model::Project with snapshot undo. Layer: workbench/app.
// No ImGui, GLFW, GL or Lua here.
#include "workbench/app/document.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>

#include "solver/equations/rename.hpp"
#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"

namespace sdw::app {
namespace {

constexpr size_t kMaxUndo = 200;
constexpr const char* kAliasPrefix = "#alias ";

// Revisions are unique across every document of the process: the run service caches a compiled model by
// revision, so a newly opened model must never reuse the number of the one before it.
uint64_t freshRevision() {
    static std::atomic<uint64_t> counter{0};
    return ++counter;
}
using model::canonicalName;
using Kind = model::ViewObject::Kind;

bool isIdentChar(unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '.' || c == '$' || c >= 0x80;
}

bool sameName(const std::string& a, const std::string& b) {
    return canonicalName(a) == canonicalName(b);
}

bool eraseName(std::vector<std::string>& list, const std::string& name) {
    const auto before = list.size();
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const std::string& s) { return sameName(s, name); }),
        list.end());
    return list.size() != before;
}

bool isVariableObject(const model::ViewObject& o) {
    return o.kind == Kind::Stock || o.kind == Kind::Flow || o.kind == Kind::Aux || o.kind == Kind::Module;
}

}  // namespace

bool isValidName(const std::string& name) {
    if (name.empty() || name.size() > 200) return false;
    const unsigned char first = static_cast<unsigned char>(name.front());
    if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
    for (unsigned char c : name)
        if (!(isIdentChar(c) || c == ' ')) return false;
    return canonicalName(name) != "time";
}

std::string aliasKey(const std::string& uid) {
    return kAliasPrefix + uid;
}

bool isAliasKey(const std::string& key) {
    return key.rfind(kAliasPrefix, 0) == 0;
}

std::string aliasUidOf(const std::string& key) {
    return isAliasKey(key) ? key.substr(std::char_traits<char>::length(kAliasPrefix)) : std::string();
}

Document::Document() : m_revision(freshRevision()) {
    m_project.name = "Untitled";
    m_project.vendor = "sdw project";
    m_project.product = "sdw";
    m_project.specs.start = 0;
    m_project.specs.stop = 100;
    m_project.specs.dt = 0.25;
    m_project.models.emplace_back();
    ensureView();
}

Document Document::fromProject(model::Project project, std::string path) {
    Document d;
    d.m_project = std::move(project);
    if (d.m_project.models.empty()) d.m_project.models.emplace_back();
    d.ensureView();
    d.m_path = std::move(path);
    return d;
}

Document Document::recovered(model::Project project, std::string path) {
    Document d = fromProject(std::move(project), std::move(path));
    d.touched();
    return d;
}

std::optional<Document> Document::open(const std::string& path, diag::Diagnostics& diags) {
    auto project = io::loadModelFile(path, diags);
    if (!project) return std::nullopt;
    return fromProject(std::move(*project), path);
}

void Document::ensureView() {
    auto& m = mainModel();
    // The first stock-and-flow view is the one we draw; an "interface" view (Stella) stays where it is.
    auto it = std::find_if(m.views.begin(), m.views.end(), [](const model::View& v) {
        return std::any_of(v.objects.begin(), v.objects.end(),
                           [](const auto& o) { return isVariableObject(o); });
    });
    if (it != m.views.end() && it != m.views.begin()) std::rotate(m.views.begin(), it, it + 1);
    if (m.views.empty()) m.views.emplace_back();
}

std::string Document::whyNotXmile(const std::string& path) {
    const std::string ext = io::modelExtension(path);
    if (ext == ".mdl")
        return "it is a Vensim model (.mdl): sdw saves XMILE (.xmile); sdw convert writes Vensim from it";
    if (ext == ".stmx" || ext == ".itmx")
        return "it is a Stella model (" + ext + "): sdw saves XMILE (.xmile), which Stella opens";
    return "";
}

bool Document::savesInPlace() const {
    return !m_path.empty() && whyNotXmile(m_path).empty();
}

std::string Document::xmileName() const {
    if (m_path.empty()) return "model.xmile";
    return std::filesystem::path(m_path).replace_extension(".xmile").string();
}

bool Document::save(std::string& error) {
    if (m_path.empty()) {
        error = "the model has no file name yet: use Save As";
        return false;
    }
    if (const auto why = whyNotXmile(m_path); !why.empty()) {
        error = "not written over " + m_path + ": " + why + "; use Save As (" + xmileName() + ")";
        return false;
    }
    return saveAs(m_path, error);
}

bool Document::saveAs(const std::string& path, std::string& error) {
    if (const auto why = whyNotXmile(path); !why.empty()) {
        error = "not written to " + path + ": " + why;
        return false;
    }
    if (!xmile::writeFile(m_project, path, error)) return false;
    m_path = path;
    m_project.sourcePath = path;
    m_dirty = false;
    return true;
}

bool Document::writeCopy(const std::string& path, std::string& error) const {
    return xmile::writeFile(m_project, path, error);
}

void Document::checkpoint() {
    m_undo.push_back(m_project);
    if (m_undo.size() > kMaxUndo) m_undo.erase(m_undo.begin());
    m_redo.clear();
}

void Document::touched() {
    m_dirty = true;
    m_revision = freshRevision();
}

bool Document::undo() {
    if (m_undo.empty()) return false;
    m_redo.push_back(std::move(m_project));
    m_project = std::move(m_undo.back());
    m_undo.pop_back();
    touched();
    return true;
}

bool Document::redo() {
    if (m_redo.empty()) return false;
    m_undo.push_back(std::move(m_project));
    m_project = std::move(m_redo.back());
    m_redo.pop_back();
    touched();
    return true;
}

std::string Document::uniqueName(const std::string& base) const {
    if (!model().find(base)) return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + "_" + std::to_string(n);
        if (!model().find(candidate)) return candidate;
    }
}

const model::ViewObject* Document::viewObject(const std::string& name) const {
    if (isAliasKey(name)) {
        const std::string uid = aliasUidOf(name);
        for (const auto& o : view().objects)
            if (o.kind == Kind::Alias && o.uid == uid) return &o;
        return nullptr;
    }
    for (const auto& o : view().objects)
        if (isVariableObject(o) && sameName(o.name, name)) return &o;
    return nullptr;
}

std::string Document::resolve(const std::string& nameOrKey) const {
    const std::string name =
        isAliasKey(nameOrKey) ? (viewObject(nameOrKey) ? viewObject(nameOrKey)->name : "") : nameOrKey;
    const auto* v = name.empty() ? nullptr : find(name);
    return v ? v->name : std::string();
}

std::string Document::nextUid() const {
    int maxUid = 0;
    for (const auto& o : view().objects)
        if (!o.uid.empty()) maxUid = std::max(maxUid, std::atoi(o.uid.c_str()));
    return std::to_string(maxUid + 1);
}

model::ViewObject* Document::viewObjectMut(const std::string& name) {
    return const_cast<model::ViewObject*>(viewObject(name));
}

std::string Document::createStock(double x, double y, const std::string& name) {
    checkpoint();
    model::Variable v;
    v.kind = model::VarKind::Stock;
    v.name = uniqueName(name.empty() ? "stock_1" : name);
    v.equation = "0";
    mainModel().add(v);
    model::ViewObject o;
    o.kind = Kind::Stock;
    o.name = v.name;
    o.x = x;
    o.y = y;
    o.width = kStockWidth;
    o.height = kStockHeight;
    mainView().objects.push_back(o);
    touched();
    return v.name;
}

std::string Document::createAux(double x, double y, const std::string& name) {
    checkpoint();
    model::Variable v;
    v.kind = model::VarKind::Aux;
    v.name = uniqueName(name.empty() ? "aux_1" : name);
    v.equation = "1";
    mainModel().add(v);
    model::ViewObject o;
    o.kind = Kind::Aux;
    o.name = v.name;
    o.x = x;
    o.y = y;
    mainView().objects.push_back(o);
    touched();
    return v.name;
}

std::string Document::createFlow(double x1, double y1, double x2, double y2, const std::string& name) {
    checkpoint();
    model::Variable v;
    v.kind = model::VarKind::Flow;
    v.name = uniqueName(name.empty() ? "flow_1" : name);
    v.equation = "0";
    mainModel().add(v);
    model::ViewObject o;
    o.kind = Kind::Flow;
    o.name = v.name;
    o.x = (x1 + x2) / 2;
    o.y = (y1 + y2) / 2;
    o.points = {{x1, y1}, {x2, y2}};
    mainView().objects.push_back(o);
    touched();
    return v.name;
}

bool Document::connect(const std::string& from, const std::string& to) {
    const std::string fromVar = resolve(from), toVar = resolve(to);
    if (fromVar.empty() || toVar.empty() || sameName(fromVar, toVar)) return false;
    // An end is the variable's own symbol (by name) or an alias (by uid).
    const bool fromAlias = isAliasKey(from), toAlias = isAliasKey(to);
    const std::string fromRef = fromAlias ? aliasUidOf(from) : fromVar,
                      toRef = toAlias ? aliasUidOf(to) : toVar;
    auto sameEnd = [](const std::string& a, bool aAlias, const std::string& b, bool bAlias) {
        return aAlias == bAlias && (aAlias ? a == b : sameName(a, b));
    };
    for (const auto& o : view().objects)
        if (o.kind == Kind::Connector && sameEnd(o.from, o.fromAlias, fromRef, fromAlias) &&
            sameEnd(o.to, o.toAlias, toRef, toAlias))
            return false;
    checkpoint();
    model::ViewObject c;
    c.kind = Kind::Connector;
    c.from = fromRef;
    c.fromAlias = fromAlias;
    c.to = toRef;
    c.toAlias = toAlias;
    c.uid = nextUid();
    mainView().objects.push_back(c);
    touched();
    return true;
}

std::string Document::createAlias(const std::string& of, double x, double y) {
    const auto* v = find(resolve(of));
    if (!v) return {};
    checkpoint();
    model::ViewObject a;
    a.kind = Kind::Alias;
    a.name = v->name;
    a.x = x;
    a.y = y;
    a.uid = nextUid();
    mainView().objects.push_back(a);
    touched();
    return aliasKey(a.uid);
}

bool Document::rename(const std::string& oldName, const std::string& newName, std::string& error) {
    const model::Variable* v = find(oldName);
    if (!v) {
        error = "no variable named '" + oldName + "'";
        return false;
    }
    if (!isValidName(newName)) {
        error =
            "'" + newName + "' is not a valid name: start with a letter; use letters, digits, spaces or _";
        return false;
    }
    if (const auto* clash = find(newName); clash && clash != v) {
        error = "a variable named '" + clash->name + "' already exists";
        return false;
    }
    checkpoint();
    const std::string old = v->name;
    for (auto& var : mainModel().variables) {
        if (sameName(var.name, old)) var.name = newName;
        var.equation = equations::renameInEquation(var.equation, old, newName, m_project.macros);
        for (auto& e : var.elements)
            e.equation = equations::renameInEquation(e.equation, old, newName, m_project.macros);
        for (auto* list : {&var.inflows, &var.outflows})
            for (auto& f : *list)
                if (sameName(f, old)) f = newName;
    }
    for (auto& vw : mainModel().views)
        for (auto& o : vw.objects) {
            if (sameName(o.name, old) && (isVariableObject(o) || o.kind == Kind::Alias)) o.name = newName;
            if (!o.fromAlias && sameName(o.from, old)) o.from = newName;
            if (!o.toAlias && sameName(o.to, old)) o.to = newName;
        }
    // A control the model computes during the run follows its variable.
    auto& specs = m_project.specs;
    for (std::string* control : {&specs.stopVar, &specs.dtVar, &specs.saveperVar})
        if (!control->empty() && sameName(*control, old)) *control = newName;
    touched();
    return true;
}

bool Document::remove(const std::vector<std::string>& names) {
    std::set<std::string> keys, aliasUids;  // variables to delete; aliases to delete (the variable stays)
    for (const auto& n : names) {
        if (isAliasKey(n) && viewObject(n))
            aliasUids.insert(aliasUidOf(n));
        else if (find(n))
            keys.insert(canonicalName(n));
    }
    if (keys.empty() && aliasUids.empty()) return false;
    checkpoint();
    auto gone = [&](const std::string& n) { return keys.count(canonicalName(n)) > 0; };
    auto& vars = mainModel().variables;
    vars.erase(std::remove_if(vars.begin(), vars.end(), [&](const auto& v) { return gone(v.name); }),
               vars.end());
    for (auto& v : vars)
        for (auto* list : {&v.inflows, &v.outflows})
            list->erase(std::remove_if(list->begin(), list->end(), gone), list->end());
    for (auto& vw : mainModel().views) {
        std::set<std::string> goneAliasUids = &vw == &mainView() ? aliasUids : std::set<std::string>{};
        for (const auto& o : vw.objects)
            if (o.kind == Kind::Alias && gone(o.name)) goneAliasUids.insert(o.uid);
        auto& objs = vw.objects;
        objs.erase(std::remove_if(objs.begin(), objs.end(),
                                  [&](const model::ViewObject& o) {
                                      if ((isVariableObject(o) || o.kind == Kind::Alias) && gone(o.name))
                                          return true;
                                      if (o.kind == Kind::Alias && goneAliasUids.count(o.uid)) return true;
                                      if (o.kind != Kind::Connector) return false;
                                      const bool fromGone =
                                          o.fromAlias ? goneAliasUids.count(o.from) > 0 : gone(o.from);
                                      const bool toGone =
                                          o.toAlias ? goneAliasUids.count(o.to) > 0 : gone(o.to);
                                      return fromGone || toGone;
                                  }),
                   objs.end());
    }
    touched();
    return true;
}

void Document::moveBy(const std::vector<std::string>& names, double dx, double dy) {
    if (names.empty() || (dx == 0 && dy == 0)) return;
    std::vector<std::string> movedStocks;
    for (const auto& n : names) {
        auto* o = viewObjectMut(n);
        if (!o) continue;
        o->x += dx;
        o->y += dy;
        for (auto& p : o->points) {
            p.first += dx;
            p.second += dy;
        }
        if (o->kind == Kind::Stock) movedStocks.push_back(o->name);
    }
    for (const auto& s : movedStocks) updatePipeEnds(s);
    touched();
}

void Document::snapToGrid(const std::vector<std::string>& names) {
    for (const auto& n : names) {
        auto* o = viewObjectMut(n);
        if (!o) continue;
        const double dx = std::round(o->x / kGrid) * kGrid - o->x;
        const double dy = std::round(o->y / kGrid) * kGrid - o->y;
        moveBy({n}, dx, dy);
    }
}

bool Document::attachFlow(const std::string& flow, FlowEnd end, const std::string& stock) {
    const auto* f = find(flow);
    if (!f || f->kind != model::VarKind::Flow) return false;
    const auto* s = stock.empty() ? nullptr : find(stock);
    if (!stock.empty() && (!s || s->kind != model::VarKind::Stock)) return false;
    checkpoint();
    const std::string flowName = f->name;
    // A flow end belongs to one stock at most: detach it from whichever stock held it.
    for (auto& v : mainModel().variables) {
        if (v.kind != model::VarKind::Stock) continue;
        eraseName(end == FlowEnd::Source ? v.outflows : v.inflows, flowName);
    }
    if (s) {
        auto* sv = mainModel().find(stock);
        (end == FlowEnd::Source ? sv->outflows : sv->inflows).push_back(flowName);
        updatePipeEnds(sv->name);
    }
    touched();
    return true;
}

bool Document::setEquation(const std::string& name, const std::string& equation) {
    auto* v = mainModel().find(name);
    if (!v || v->equation == equation) return false;
    checkpoint();
    v->equation = equation;
    touched();
    return true;
}

bool Document::setUnits(const std::string& name, const std::string& units) {
    auto* v = mainModel().find(name);
    if (!v || v->units == units) return false;
    checkpoint();
    v->units = units;
    touched();
    return true;
}

void Document::editProject(const std::function<void(model::Project&)>& change) {
    checkpoint();
    change(m_project);
    touched();
}

bool Document::setBetter(const std::string& name, model::Better better) {
    auto* v = mainModel().find(name);
    if (!v || v->better == better) return false;
    checkpoint();
    v->better = better;
    touched();
    return true;
}

bool Document::setDoc(const std::string& name, const std::string& doc) {
    auto* v = mainModel().find(name);
    if (!v || v->doc == doc) return false;
    checkpoint();
    v->doc = doc;
    touched();
    return true;
}

bool Document::setRange(const std::string& name, std::optional<model::Range> range) {
    auto* v = mainModel().find(name);
    if (!v) return false;
    checkpoint();
    v->range = range;
    touched();
    return true;
}

bool Document::setGraphical(const std::string& name, std::optional<model::GraphicalFunction> gf) {
    auto* v = mainModel().find(name);
    if (!v) return false;
    checkpoint();
    v->gf = std::move(gf);
    touched();
    return true;
}

void Document::setSpecs(const model::SimSpecs& specs) {
    checkpoint();
    m_project.specs = specs;
    touched();
}

}  // namespace sdw::app
