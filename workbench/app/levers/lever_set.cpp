// Lever state: plugins on/off with their params, and scenarios. Layer: workbench/app/levers (built only with
// the plugin host). No ImGui, GLFW, GL or Lua headers.
#include "workbench/app/levers/lever_set.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "plugins/host/scenario.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/paths.hpp"

namespace sdw::app {

namespace fs = std::filesystem;

std::vector<std::string> pluginDirectories() {
    std::vector<std::string> dirs{plugins::leversDirectory(projectRoot())};
    if (const char* extra = std::getenv("SDW_PLUGIN_PATH"); extra && *extra) {
        std::string s = extra;
        for (size_t start = 0, end; start <= s.size(); start = end + 1) {
            end = s.find(':', start);
            if (end == std::string::npos) end = s.size();
            if (end > start) dirs.push_back(s.substr(start, end - start));
        }
    }
    return dirs;
}

void LeverSet::load(const std::vector<std::string>& pluginDirs, const std::string& modelPath, bool keepOn) {
    // Remember what was on, so reopening the same model keeps the user's choices; another model starts clean.
    std::map<std::string, Lever> before;
    for (const auto& l : m_levers)
        if (l.plugin && keepOn) before[l.plugin->id] = l;
    m_diagnostics = {};
    m_library = std::make_shared<plugins::PluginLibrary>();
    for (const auto& dir : pluginDirs)
        if (fs::is_directory(dir)) m_library->addDirectory(dir, m_diagnostics);
    m_levers.clear();
    for (const auto& p : m_library->all()) {
        Lever l;
        l.plugin = &p;
        for (const auto& param : p.params) l.values[param.name] = param.defaultValue;
        if (auto it = before.find(p.id); it != before.end()) {
            l.on = it->second.on;
            l.order = it->second.order;
            for (auto& [name, v] : l.values)
                if (auto pv = it->second.values.find(name); pv != it->second.values.end()) v = pv->second;
        }
        m_levers.push_back(std::move(l));
    }
    m_activeScenario = -1;
    reloadScenarios(modelPath);
}

void LeverSet::reloadScenarios(const std::string& modelPath) {
    const std::string active =
        m_activeScenario >= 0 ? m_scenarios[static_cast<size_t>(m_activeScenario)].file : std::string();
    m_scenarios.clear();
    m_activeScenario = -1;
    std::vector<std::string> files;
    std::error_code ec;
    const fs::path dir = fs::path(modelPath).parent_path() / "scenarios";
    if (!modelPath.empty() && fs::is_directory(dir, ec))
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file() && e.path().extension() == ".lua") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        if (auto s = plugins::loadScenario(f, m_diagnostics, m_library.get(), m_library->limits))
            m_scenarios.push_back(std::move(*s));
    if (!active.empty()) markActive(active);
}

void LeverSet::markActive(const std::string& file) {
    for (size_t i = 0; i < m_scenarios.size(); ++i)
        if (m_scenarios[i].file == file) m_activeScenario = static_cast<int>(i);
}

std::string LeverSet::missingTarget(const plugins::PluginDescriptor& lever, const model::Model& model) {
    for (const auto* names : {&lever.constants, &lever.equations, &lever.graphicals, &lever.modifies})
        for (const auto& n : *names)
            if (!model.find(n)) return n;
    return {};
}

void LeverSet::dropInapplicable(const model::Model& model) {
    for (auto& l : m_levers)
        if (l.on && !missingTarget(*l.plugin, model).empty()) l.on = false;
}

Lever* LeverSet::find(const std::string& id) {
    for (auto& l : m_levers)
        if (l.plugin->id == id) return &l;
    return nullptr;
}

void LeverSet::setOn(Lever& lever, bool on) {
    if (on && !lever.on) lever.order = m_nextOrder++;
    lever.on = on;
}

void LeverSet::resetParams(Lever& lever) {
    for (const auto& p : lever.plugin->params) lever.values[p.name] = p.defaultValue;
}

void LeverSet::allOff() {
    for (auto& l : m_levers) l.on = false;
}

bool LeverSet::anyOn() const {
    return std::any_of(m_levers.begin(), m_levers.end(), [](const Lever& l) { return l.on; });
}

std::vector<plugins::PluginSelection> LeverSet::selections() const {
    std::vector<const Lever*> on;
    for (const auto& l : m_levers)
        if (l.on) on.push_back(&l);
    std::stable_sort(on.begin(), on.end(),
                     [](const Lever* a, const Lever* b) { return a->order < b->order; });
    std::vector<plugins::PluginSelection> out;
    for (const Lever* l : on) {
        plugins::PluginSelection sel;
        sel.id = l->plugin->id;
        for (const auto& p : l->plugin->params)
            if (auto it = l->values.find(p.name); it != l->values.end() && it->second != p.defaultValue)
                sel.params[p.name] = it->second;
        out.push_back(std::move(sel));
    }
    return out;
}

std::string LeverSet::summary() const {
    std::string out;
    for (const auto& sel : selections()) {
        const auto* d = m_library->find(sel.id);
        out += (out.empty() ? "" : ", ") + (d ? d->title : sel.id);
    }
    return out;
}

std::vector<std::string> LeverSet::settings() const {
    std::vector<std::string> out;
    for (const auto& sel : selections()) {
        const auto* d = m_library->find(sel.id);
        const Lever* l = nullptr;
        for (const auto& x : m_levers)
            if (x.plugin->id == sel.id) l = &x;
        std::string line = d ? d->title : sel.id;
        if (l && !l->values.empty()) {
            std::string params;
            for (const auto& [name, value] : l->values)
                params += (params.empty() ? "" : ", ") + name + "=" + readableNumber(value);
            line += ": " + params;
        }
        out.push_back(line);
    }
    return out;
}

bool LeverSet::applyScenario(size_t index) {
    if (index >= m_scenarios.size()) return false;
    const auto& s = m_scenarios[index];
    allOff();
    for (const auto& sel : s.plugins) {
        Lever* l = find(sel.id);
        if (!l) continue;  // loadScenario checked ids against this library: only a reload can get here
        resetParams(*l);
        for (const auto& [name, v] : sel.params) l->values[name] = v;
        setOn(*l, true);
    }
    m_activeScenario = static_cast<int>(index);
    return true;
}

void LeverSet::clearScenario() {
    m_activeScenario = -1;
}

const std::vector<std::pair<std::string, double>>& LeverSet::scenarioConstants() const {
    static const std::vector<std::pair<std::string, double>> kNone;
    return m_activeScenario < 0 ? kNone : m_scenarios[static_cast<size_t>(m_activeScenario)].constants;
}

void LeverSet::applySpec(sim::RunSpec& spec) const {
    if (m_activeScenario < 0) return;
    const auto sets = spec.sets;  // the scenario's constants reach the sliders instead (scenarioConstants)
    spec = m_scenarios[static_cast<size_t>(m_activeScenario)].toRequest(spec).spec;
    spec.sets = sets;
}

}  // namespace sdw::app
