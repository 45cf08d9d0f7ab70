// Trials over model constants and plugin params. Layer: plugins/host. No ImGui, no GLFW.
#include "plugins/host/trial_runner.hpp"

#include <algorithm>

#include "plugins/host/plugin_session.hpp"

namespace sdw::plugins {
namespace {

bool isParam(const std::string& name) {
    return name.find('.') != std::string::npos;
}

}  // namespace

PluginTrialRunner::PluginTrialRunner(const model::Project& project, const PluginLibrary& library,
                                     RunRequest base)
    : m_project(project), m_library(library), m_base(std::move(base)), m_compiled(project, m_base.spec) {}

const ParamDescriptor* PluginTrialRunner::param(const std::string& name, std::string* why) const {
    const auto dot = name.find('.');
    const auto* d = m_library.find(name.substr(0, dot));
    if (!d) {
        if (why) *why = "no plugin with id '" + name.substr(0, dot) + "' (see `sdw plugins list`)";
        return nullptr;
    }
    const auto* p = d->findParam(name.substr(dot + 1));
    if (!p && why) {
        *why = "plugin '" + d->id + "' has no param '" + name.substr(dot + 1) + "' (it has:";
        for (const auto& q : d->params) *why += " " + q.name;
        *why += ")";
    }
    return p;
}

namespace {

// Why `name`, a param of a lever the base run leaves off, cannot be varied, and how to switch the lever on.
std::string leverOffMessage(const std::string& name) {
    const std::string id = name.substr(0, name.find('.'));
    return "'" + name + "' is a param of the lever '" + id +
           "', which the analysed run does not switch on: varying it would switch the lever on in every run, "
           "the baseline included. Switch '" +
           id +
           "' on first and its param varies around its value there: a scenario that enables it (sdw mc / "
           "sensitivity / calibrate --scenario FILE; scenario= in Python; base = { plugins = { " +
           id + " = true } } in Lua; the Levers panel in the workbench)";
}

// The selection of the lever `name` ("plugin_id.param") belongs to among `plugins`, or null when it is off.
PluginSelection* leverOf(std::vector<PluginSelection>& plugins, const std::string& name) {
    const std::string id = name.substr(0, name.find('.'));
    for (auto& p : plugins)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace

std::string PluginTrialRunner::checkInput(const std::string& name) const {
    if (!isParam(name)) return m_compiled.checkInput(name);
    std::string why;
    if (!param(name, &why)) return why;
    const std::string id = name.substr(0, name.find('.'));
    const bool on =
        std::any_of(m_base.plugins.begin(), m_base.plugins.end(), [&](auto& p) { return p.id == id; });
    return on ? "" : leverOffMessage(name);
}

std::optional<double> PluginTrialRunner::baseValue(const std::string& name) const {
    if (!isParam(name)) return m_compiled.baseValue(name);
    const auto dot = name.find('.');
    for (const auto& sel : m_base.plugins)
        if (sel.id == name.substr(0, dot))
            if (auto it = sel.params.find(name.substr(dot + 1)); it != sel.params.end()) return it->second;
    const auto* p = param(name);
    return p ? std::optional<double>(p->defaultValue) : std::nullopt;
}

std::optional<analysis::Distribution> PluginTrialRunner::ownDistribution(const std::string& name) const {
    if (!isParam(name)) return m_compiled.ownDistribution(name);
    const auto* p = param(name);
    if (!p || !(p->min < p->max)) return std::nullopt;
    analysis::Distribution d;
    d.a = p->min;
    d.b = p->max;
    return d;
}

std::optional<sim::BatchResult> PluginTrialRunner::runAsOneBatch(const std::vector<analysis::Inputs>& trials,
                                                                 const analysis::TrialOptions& options) {
    if (!m_base.plugins.empty()) return std::nullopt;
    for (const auto& t : trials)
        for (const auto& [name, v] : t)
            if (isParam(name)) return std::nullopt;
    return m_compiled.runAsOneBatch(trials, options);
}

std::vector<sim::RunResult> PluginTrialRunner::run(const std::vector<analysis::Inputs>& trials,
                                                   const analysis::TrialOptions& options) {
    bool params = false;
    for (const auto& t : trials)
        for (const auto& [name, v] : t) params = params || isParam(name);
    if (!params && m_base.plugins.empty()) return m_compiled.run(trials, options);
    std::vector<sim::RunResult> results(trials.size());
    analysis::parallelFor(  // the base run's levers on in every trial, and no others
        trials.size(), options.threads,
        [&](size_t i) {
            RunRequest req = m_base;
            if (!options.vars.empty()) req.spec.vars = options.vars;
            req.spec.seed = analysis::trialSeedOf(options, i).value_or(m_base.spec.seed);
            for (const auto& [name, value] : trials[i]) {
                if (!isParam(name)) {
                    req.spec.sets.emplace_back(name, value);
                    continue;
                }
                auto* lever = leverOf(req.plugins, name);
                if (!lever) {
                    results[i].status = sim::RunStatus::Failed;
                    results[i].diagnostics.error(diag::code::kBadArgument, name, leverOffMessage(name));
                    return;
                }
                lever->params[name.substr(name.find('.') + 1)] = value;
            }
            results[i] = runRequest(m_project, m_library, req, options.cancel);
        },
        options.progress);
    return results;
}

}  // namespace sdw::plugins
