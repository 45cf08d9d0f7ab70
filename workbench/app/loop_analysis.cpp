// Loops that Matter on a worker thread for the workbench (see loop_analysis.hpp). Layer: workbench/app.
// No ImGui, GLFW, GL or Lua.
#include "workbench/app/loop_analysis.hpp"

namespace sdw::app {

namespace {

using Clock = std::chrono::steady_clock;

std::string overridesKey(const compile::CompileOptions& o) {
    std::string key;
    for (const auto& [name, eq] : o.equationOverrides) key += name + '=' + eq + '\n';
    return key;
}

std::string firstError(const diag::Diagnostics& d) {
    for (const auto& item : d.items())
        if (item.severity == diag::Severity::Error) return diag::format(item);
    return "the loops could not be scored";
}

}  // namespace

LoopAnalysis::~LoopAnalysis() {
    if (m_running.valid()) m_running.wait();
}

void LoopAnalysis::request(LoopRequest r) {
    if (m_running.valid())
        m_waiting = std::move(r);
    else
        start(std::move(r));
}

void LoopAnalysis::start(LoopRequest r) {
    std::shared_ptr<const analysis::ScoredModel> cached;
    const std::string key = overridesKey(r.compile);
    if (m_prepared && m_preparedRevision == r.revision && m_preparedOverrides == key) cached = m_prepared;
    m_running = std::async(std::launch::async, [r = std::move(r), cached, key, generation = m_generation]() {
        Outcome out;
        out.generation = generation;
        out.revision = r.revision;
        out.overrides = key;
        out.spec = r.spec;
        const auto t0 = Clock::now();
        diag::Diagnostics diags;
        analysis::LoopOptions options;
        options.compile = r.compile;
        out.prepared = cached ? cached : analysis::prepareScores(*r.project, diags, options);
        if (out.prepared) {
            if (auto s = analysis::scoreLoops(*out.prepared, r.spec, diags))
                out.scores = std::make_shared<const analysis::LoopScores>(std::move(*s));
        }
        if (!out.scores) out.error = firstError(diags);
        out.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        return out;
    });
}

void LoopAnalysis::take(Outcome out) {
    if (out.prepared && out.generation == m_generation) {
        m_prepared = out.prepared;
        m_preparedRevision = out.revision;
        m_preparedOverrides = out.overrides;
    }
    m_error = out.error;
    m_lastMs = out.ms;
    if (out.scores) {
        m_scores = out.scores;
        m_scoredRevision = out.revision;
        m_scoredSpec = out.spec;
    }
}

bool LoopAnalysis::poll() {
    if (!m_running.valid() || m_running.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    take(m_running.get());
    if (m_waiting) {
        LoopRequest next = std::move(*m_waiting);
        m_waiting.reset();
        start(std::move(next));
    }
    return true;
}

bool LoopAnalysis::settle(std::chrono::milliseconds timeout) {
    const auto until = Clock::now() + timeout;
    while (m_running.valid()) {
        if (m_running.wait_until(until) != std::future_status::ready) return false;
        poll();
    }
    return true;
}

void LoopAnalysis::searchAgain() {
    ++m_generation;
    m_prepared.reset();
    m_preparedRevision = 0;
}

void LoopAnalysis::reset() {
    if (m_running.valid()) m_running.wait();
    m_running = {};
    m_waiting.reset();
    m_prepared.reset();
    m_preparedRevision = 0;
    m_scores.reset();
    m_error.clear();
    m_scoredRevision = 0;
}

}  // namespace sdw::app

#include "workbench/app/session.hpp"

namespace sdw::app {

std::optional<LoopRequest> loopRequestFor(const Session& s, bool* leversLeftOut) {
    const Session::RunAsked& asked = s.lastAsked();
    if (!asked.project) return std::nullopt;
    LoopRequest r;
    r.project = asked.project;
    r.revision = asked.revision;
    r.spec = asked.request.spec;
    r.compile = asked.options;
    if (leversLeftOut) *leversLeftOut = !asked.request.plugins.empty();
    return r;
}

}  // namespace sdw::app
