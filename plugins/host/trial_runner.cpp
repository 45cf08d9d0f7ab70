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

std::string PluginTrialRunner::checkInput(const std::string& name) const {
    if (!isParam(name)) return m_compiled.checkInput(name);
    std::string why;
    return param(name, &why) ? "" : why;
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
    // The plugins any trial names: on in every run of the batch.
    std::vector<std::string> named;
    for (const auto& t : trials)
        for (const auto& [name, v] : t)
            if (isParam(name)) {
                const std::string id = name.substr(0, name.find('.'));
                if (std::find(named.begin(), named.end(), id) == named.end()) named.push_back(id);
            }
    if (named.empty() && m_base.plugins.empty()) return m_compiled.run(trials, options);
    std::vector<sim::RunResult> results(trials.size());
    analysis::parallelFor(
        trials.size(), options.threads,
        [&](size_t i) {
            RunRequest req = m_base;
            for (const auto& id : named)
                if (std::none_of(req.plugins.begin(), req.plugins.end(), [&](auto& p) { return p.id == id; }))
                    req.plugins.push_back({id, {}});
            if (!options.vars.empty()) req.spec.vars = options.vars;
            if (options.distinctSeeds) req.spec.seed = m_base.spec.seed + i;
            for (const auto& [name, value] : trials[i]) {
                if (!isParam(name)) {
                    req.spec.sets.emplace_back(name, value);
                    continue;
                }
                const auto dot = name.find('.');
                for (auto& p : req.plugins)
                    if (p.id == name.substr(0, dot)) p.params[name.substr(dot + 1)] = value;
            }
            results[i] = runRequest(m_project, m_library, req, options.cancel);
        },
        options.progress);
    return results;
}

}  // namespace sdw::plugins
