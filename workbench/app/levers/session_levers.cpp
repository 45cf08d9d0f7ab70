// The session's levers: reloaded with each model, switched and moved against a kept baseline, and the
// model's scenarios applied. Layer: workbench/app/levers (built only with the plugin host). No ImGui, GLFW,
// GL or Lua headers.
#include <filesystem>

#include "workbench/app/levers/lever_set.hpp"
#include "workbench/app/levers/scenario_file.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

using model::canonicalName;

LeverSet& Session::levers() {
    return *m_levers;
}

const LeverSet& Session::levers() const {
    return *m_levers;
}

void Session::reloadLevers(bool keepOn) {
    m_levers->load(pluginDirectories(), m_doc.path(), keepOn);
    m_diagnostics.append(m_levers->diagnostics());
}

uint64_t Session::leversChanged() {
    // The first lever of a session is compared with the run before it: keep that run as the baseline.
    if (m_kept.empty() && m_result && m_result->ok() && m_levers->anyOn()) keepRun("Baseline: no levers");
    return inputsChanged();
}

bool Session::applyScenario(size_t index) {
    // The run before the scenario is the baseline: kept with the sliders and levers it ran with, not the
    // scenario's (its provenance and any re-run of it, e.g. a business case's range, read them).
    const bool keepBase = m_kept.empty() && m_result && m_result->ok();
    KeptRun base = keepBase ? currentRun("Baseline") : KeptRun{};
    if (!m_levers->applyScenario(index)) return false;
    for (auto& in : m_inputs) in.value = in.base;
    for (const auto& [name, value] : m_levers->scenarioConstants())
        for (auto& in : m_inputs)
            if (canonicalName(in.name) == canonicalName(name)) in.value = value;  // may lie outside the range
    m_status = "Scenario: " + m_levers->scenarios()[index].name;
    if (keepBase) m_kept.push_back(std::move(base));
    inputsChanged();
    return true;
}

bool Session::saveScenario(const std::string& name, const std::string& description, std::string& error) {
    if (m_doc.path().empty()) {
        error = "save the model first: scenarios live beside it";
        return false;
    }
    if (name.empty()) {
        error = "give the scenario a name";
        return false;
    }
    const std::string path = scenarioFileFor(m_doc.path(), name);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    if (!saveScenarioFile(currentScenario(*this, name, description), path, error)) return false;
    m_levers->reloadScenarios(m_doc.path());
    m_levers->markActive(path);
    m_status = "Scenario saved: " + path;
    return true;
}

void Session::clearScenario() {
    m_levers->clearScenario();
    m_levers->allOff();
    for (auto& in : m_inputs) in.value = in.base;
    inputsChanged();
}

}  // namespace sdw::app
