// The base run of the workbench's analyses (see trial_base.hpp). Layer: workbench/app. No ImGui, GLFW, GL or
// Lua headers (the plugin host's runner is plain C++).
#include "workbench/app/uncertainty/trial_base.hpp"

#include "workbench/app/session.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "plugins/host/trial_runner.hpp"
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::app {
namespace {

bool samePlugins(const std::vector<sim::PluginSelection>& a, const std::vector<sim::PluginSelection>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].params != b[i].params) return false;
    return true;
}

std::string firstError(const diag::Diagnostics& d) {
    for (const auto& item : d.items())
        if (item.severity == diag::Severity::Error) return diag::format(item);
    return "the model does not compile";
}

}  // namespace

bool TrialBase::matches(const Session& s) const {
    const auto& asked = s.lastAsked();
    return asked.project && asked.revision == revision && asked.request.spec.sets == request.spec.sets &&
           samePlugins(asked.request.plugins, request.plugins);
}

std::optional<TrialBase> trialBaseFor(const Session& s) {
    const auto& asked = s.lastAsked();
    if (!asked.project) return std::nullopt;
    TrialBase b;
    b.revision = asked.revision;
    b.request = asked.request;
    b.request.spec.stopOnNonFinite = true;  // a run without a value is left out and reported, as in `sdw mc`
    b.project = asked.project;
    if (!asked.options.equationOverrides
             .empty()) {  // the trial runners take no compile options: bake them in
        auto copy = std::make_shared<model::Project>(*asked.project);
        for (const auto& [name, equation] : asked.options.equationOverrides)
            if (auto* v = copy->main().find(name)) v->equation = equation;
        b.project = std::move(copy);
        b.profile = true;
    }
#if defined(SDW_HAVE_PLUGINS)
    if (!b.request.plugins.empty()) b.library = s.levers().library();
#endif
    return b;
}

std::unique_ptr<analysis::TrialRunner> makeTrialRunner(const TrialBase& base, std::string& error) {
#if defined(SDW_HAVE_PLUGINS)
    if (!base.request.plugins.empty() && base.library) {
        auto r = std::make_unique<plugins::PluginTrialRunner>(*base.project, *base.library, base.request);
        if (r->ok()) return r;
        error = firstError(r->diagnostics());
        return nullptr;
    }
#endif
    auto r = std::make_unique<analysis::CompiledTrialRunner>(*base.project, base.request.spec);
    if (r->ok()) return r;
    error = firstError(r->diagnostics());
    return nullptr;
}

}  // namespace sdw::app
