// The session's runs: asking for them, taking their results (never blocking the caller), reading values out
// of them, and the live equation check. Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "workbench/app/session.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

namespace sdw::app {

using model::canonicalName;

uint64_t Session::rerun() {
    syncInputsWithModel();
    RunJob job;
    job.project = std::make_shared<const model::Project>(m_doc.project());
    // A loaded profile's computed inputs take its numbers as their equations, as `sdw run --profile` does
    // (the compiler's overrides: the cached compile of this revision is not reused for them).
    for (const auto& [name, value] : m_profileSets) {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", value);
        job.options.equationOverrides[name] = text;
    }
    job.revision = m_doc.revision();
    sim::RunRequest& req = job.request;
    req.label = "current";
    for (const auto& in : m_inputs)
        if (in.value != in.base) req.spec.sets.emplace_back(in.name, in.value);
#if defined(SDW_HAVE_PLUGINS)
    m_levers->dropInapplicable(m_doc.model());
    for (const auto& [name, value] : m_levers->scenarioConstants()) {  // ones without a slider (e.g. stocks)
        const std::string key =
            canonicalName(name);  // (clang 14 lambdas cannot capture a structured binding)
        if (std::none_of(m_inputs.begin(), m_inputs.end(),
                         [&](auto& in) { return canonicalName(in.name) == key; }))
            req.spec.sets.emplace_back(name, value);
    }
    m_levers->applySpec(req.spec);
    req.plugins = m_levers->selections();
    if (!req.plugins.empty()) job.library = m_levers->library();
#endif
    req.spec.stopOnNonFinite = false;  // one NaN must not blank the run: show the rest, flag the variable
    job.tag = ++m_runTag;
    m_submittedRevision = m_doc.revision();
    m_lastAsked = {job.project, job.revision, job.request, job.options};
    m_runner.submit(std::move(job));
    return m_runTag;
}

void Session::check(const std::string& name, const std::string& equation) {
    RunJob job;
    if (m_profileSets.empty()) {
        job.project = std::make_shared<const model::Project>(m_doc.project());
    } else {  // a loaded profile's computed inputs replace their equations, as `sdw run --profile` does
        auto project = std::make_shared<model::Project>(m_doc.project());
        for (const auto& [name, value] : m_profileSets) {
            auto* v = project->main().find(name);
            if (!v) continue;  // checked when loaded; an input deleted since is skipped
            char text[32];
            std::snprintf(text, sizeof text, "%.17g", value);
            v->equation = text;
        }
        job.project = std::move(project);
    }
    job.options.equationOverrides[name] = equation;
    job.compileOnly = true;
    job.revision = m_doc.revision();
    m_checkName = name;
    m_checkPending = true;
    m_checker.submit(std::move(job));
}

std::optional<RunArrival> Session::update() {
    if (auto out = m_checker.poll()) {
        m_checkDiagnostics = out->compileDiagnostics;
        m_checkPending = false;
    }
    std::optional<RunArrival> arrived;
    if (auto out = m_runner.poll(); out && out->tag >= m_firstTagOfModel) {  // older: the last model's
        take(*out);
        arrived = RunArrival{out->tag, out->finishedAt};
    }
    if (m_doc.revision() != m_submittedRevision) rerun();
    autosave();
    return arrived;
}

std::optional<RunArrival> Session::settle() {
    if (m_doc.revision() != m_submittedRevision) rerun();
    m_runner.waitIdle(std::chrono::seconds(60));
    auto arrived = update();
    finishRecoveryCopy();
    return arrived;
}

void Session::take(const RunOutcome& out) {
    m_diagnostics = out.compileDiagnostics;
#if defined(SDW_HAVE_PLUGINS)
    m_diagnostics.append(m_levers->diagnostics());  // a broken lever file stays listed
#endif
    const bool modelChanged = !m_compiled || out.compiled != m_compiled;
    m_compiled = out.compiled;
    if (out.result) {
        m_result = out.result;
        m_diagnostics.append(m_result->diagnostics);
        indexResult();
        // A new model's run shows its end; the time marker never lies outside the run (the specs may change).
        if (!m_timeColumn.empty()) {
            if (!m_playback.playing && modelChanged) m_playback.time = m_timeColumn.back();
            m_playback.time = std::clamp(m_playback.time, m_timeColumn.front(), m_timeColumn.back());
        }
    }
    if (m_compiled && modelChanged) rebuildInputs();
    if (m_charts.front().vars.empty() && m_compiled) defaultCharts();
    char buf[160];
    std::snprintf(buf, sizeof buf, "Run: compile %.1f ms, simulate %.1f ms%s", out.compileMs, out.simulateMs,
                  out.result && !out.result->ok() ? " (run failed: see Diagnostics)" : "");
    m_status = buf;
    if (out.result && out.result->ok() && !m_nonFinite.empty())
        m_status += "; " + std::to_string(m_nonFinite.size()) + " variable" +
                    (m_nonFinite.size() == 1 ? " has" : "s have") +
                    " no value (NaN) from some time: see Diagnostics";
}

// The time column, a column index by name, each column's finite range, and the variables that had no value.
void Session::indexResult() {
    m_timeColumn = m_result->series("Time");
    m_columnIndex.clear();
    m_ranges.clear();
    m_nonFinite.clear();
    for (const auto& d : m_result->diagnostics.items())
        if (d.code == diag::code::kNonFinite) m_nonFinite.emplace(canonicalName(d.where), d.time);
    for (size_t c = 0; c < m_result->cols(); ++c) {
        m_columnIndex[canonicalName(m_result->names[c])] = static_cast<int>(c);
        double lo = INFINITY, hi = -INFINITY;
        for (size_t r = 0; r < m_result->rows(); ++r) {
            const double v = m_result->at(r, c);
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        }
        m_ranges[canonicalName(m_result->names[c])] = {lo, hi};
    }
}

std::optional<double> Session::valueAt(const std::string& name, double time) const {
    if (!m_result || m_result->rows() == 0) return std::nullopt;
    auto it = m_columnIndex.find(canonicalName(name));
    if (it == m_columnIndex.end()) return std::nullopt;
    auto pos = std::lower_bound(m_timeColumn.begin(), m_timeColumn.end(), time - 1e-9);
    const size_t row =
        pos == m_timeColumn.end() ? m_result->rows() - 1 : static_cast<size_t>(pos - m_timeColumn.begin());
    return m_result->at(std::min(row, m_result->rows() - 1), static_cast<size_t>(it->second));
}

std::optional<std::pair<double, double>> Session::seriesRange(const std::string& name) const {
    auto it = m_ranges.find(canonicalName(name));
    if (it == m_ranges.end()) return std::nullopt;
    return it->second;
}

std::optional<double> Session::nonFiniteFrom(const std::string& name) const {
    auto it = m_nonFinite.find(canonicalName(name));
    if (it == m_nonFinite.end()) return std::nullopt;
    return it->second;
}

const diag::Diagnostic* Session::errorIn(const std::string& name) const {
    const std::string key = canonicalName(name);
    for (const auto& d : m_diagnostics.items()) {
        if (d.severity != diag::Severity::Error) continue;
        const std::string where = canonicalName(d.where.substr(0, d.where.find('[')));
        if (where == key) return &d;
    }
    return nullptr;
}

}  // namespace sdw::app
