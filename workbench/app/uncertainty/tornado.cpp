// Tornado bars: one-at-a-time runs from the session's last run (see tornado.hpp). Layer: workbench/app. No
// ImGui, GLFW, GL or Lua.
#include "workbench/app/uncertainty/tornado.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "solver/analysis/constants.hpp"
#include "solver/xmile/xmile.hpp"
#include "workbench/app/calendar.hpp"
#include "workbench/app/format.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

using model::canonicalName;

namespace {

// The time nearest `t` the run steps to.
double onStep(const model::SimSpecs& sp, double t) {
    if (sp.dt <= 0) return t;
    return std::min(sp.stop, sp.start + std::round((t - sp.start) / sp.dt) * sp.dt);
}

bool sameName(const std::string& a, const std::string& b) {
    return canonicalName(a) == canonicalName(b);
}

std::string plainNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace

std::vector<std::string> tornadoOutcomes(const Session& s) {
    auto out = xmile::groupMembers(s.doc().project().main(), xmile::kOutcomeGroup);
    if (out.empty()) out = s.chartedVariables();
    return out;
}

std::vector<double> tornadoTimes(const Session& s) {
    const auto& sp = s.doc().project().specs;
    std::vector<double> out;
    const auto cal = Calendar::of(sp);
    const double perYear = cal ? cal->unitsPerYear() : 1;
    if (cal || (sp.stop - sp.start) <= 60)
        for (double t = sp.start + perYear; t < sp.stop - sp.dt / 2; t += perYear)
            out.push_back(onStep(sp, t));
    out.push_back(sp.stop);
    return out;
}

std::string tornadoTimeLabel(const Session& s, double t) {
    const auto& sp = s.doc().project().specs;
    const auto cal = Calendar::of(sp);
    const bool end = t >= sp.stop;
    if (cal) {
        if (end) return "end of run (" + cal->day(t) + ")";
        const double k = std::round((t - sp.start) / cal->unitsPerYear());
        const double yearEnd = sp.start + k * cal->unitsPerYear();
        if (k >= 1 && std::fabs(t - yearEnd) <= sp.dt / 2 + 1e-9)  // a year's end, to the nearest step
            return "end of " + cal->year(yearEnd - cal->unitsPerYear() / 2);
        return cal->day(t);
    }
    return (end ? "end of run, t = " : "t = ") + readableNumber(t);
}

std::optional<TornadoSetup> tornadoSetupFor(const Session& s, const TornadoOptions& o, std::string& error) {
    auto base = trialBaseFor(s);
    if (!base) {
        error = "the model has not run yet";
        return std::nullopt;
    }
    TornadoSetup t;
    t.outcome = o.outcome;
    if (t.outcome.empty()) {
        const auto outcomes = tornadoOutcomes(s);
        if (outcomes.empty()) {
            error = "the model names no outcome measure and no variable is charted: chart one first";
            return std::nullopt;
        }
        t.outcome = outcomes.front();
    }
    const auto& sp = base->project->specs;
    t.at = o.at ? onStep(sp, *o.at) : sp.stop;
    if (t.at <= sp.start || t.at > sp.stop) {
        error =
            "the time to read the outcome at must be after the start and no later than the end of the run";
        return std::nullopt;
    }
    t.base = std::move(*base);
    t.base.request.spec.stop = t.at;
    if (const auto c = s.compiled()) {
        const int col = c->findColumn(t.outcome);
        if (col <= 0) {
            error = "the model has no variable '" + t.outcome + "'";
            return std::nullopt;
        }
        t.outcomeUnits = c->columns[static_cast<size_t>(col)].units;
    }
    const auto& sets = t.base.request.spec.sets;
    for (const auto& c : analysis::listConstants(*t.base.project)) {
        const auto* v = t.base.project->main().find(c.name);
        const auto d = v ? analysis::modelDistribution(*v) : std::nullopt;
        if (!d) continue;
        if (std::any_of(sets.begin(), sets.end(), [&](auto& kv) { return sameName(kv.first, c.name); })) {
            t.held.push_back(c.name);
            continue;
        }
        // The ends of its plausible range, as `sdw sensitivity --method oat` takes them.
        t.inputs.push_back({c.name, analysis::scaledValue(*d, 0), analysis::scaledValue(*d, 1)});
        t.inputUnits.push_back(c.units);
        t.distributions.push_back(*d);
    }
    if (t.inputs.empty()) {
        error = t.held.empty() ? "no constant of the model has a plausible range: give some in Properties"
                               : "every constant with a range is set by a slider or scenario";
        return std::nullopt;
    }
    return t;
}

std::string tornadoCommandLine(const TornadoSetup& setup, const std::string& modelPath) {
    std::string cmd = "sdw sensitivity " + (modelPath.empty() ? std::string("MODEL") : modelPath) +
                      " --analysis oat --stop " + plainNumber(setup.at);
    for (const auto& in : setup.inputs) cmd += " --vary " + canonicalName(in.name);
    return cmd + " --vars " + canonicalName(setup.outcome);
}

std::string TornadoResult::unitsOf(const std::string& parameter) const {
    for (size_t i = 0; i < setup.inputs.size(); ++i)
        if (setup.inputs[i].name == parameter) return setup.inputUnits[i];
    return "";
}

bool runTornado(const TornadoSetup& setup, const analysis::TrialOptions& options, TornadoResult& out,
                std::string& error) {
    const auto t0 = std::chrono::steady_clock::now();
    out.setup = setup;
    auto runner = makeTrialRunner(setup.base, error);
    if (!runner) return false;
    std::vector<analysis::TornadoBar> bars;
    const bool ok =
        analysis::oneAtATime(setup.inputs, {setup.outcome}, *runner, options, bars, out.failures, error);
    for (auto& b : bars)  // a bar with a failed run would show half a swing: left out, and said
        if (std::isfinite(b.outcomeLow) && std::isfinite(b.outcomeHigh)) out.bars.push_back(std::move(b));
    out.failureLines = failureLinesOf(out.failures);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return ok;
}

std::vector<std::string> failureLinesOf(const std::vector<analysis::FailedRun>& failures) {
    std::vector<std::string> out;
    for (const auto& f : failures) {
        std::string what;
        for (const auto& [name, value] : f.inputs)
            what += (what.empty() ? "" : ", ") + displayName(name) + " = " + readableNumber(value);
        out.push_back((what.empty() ? std::string("the baseline") : what) + ": " + f.message);
    }
    return out;
}

std::string tornadoValue(double v, const std::string& units, bool sign) {
    return withUnits(v, units, sign);
}

bool Tornado::start(const Session& s, const TornadoOptions& o, std::string& error) {
    if (m_job.job().running()) {
        error = "the tornado is running: cancel it first";
        return false;
    }
    auto setup = tornadoSetupFor(s, o, error);
    if (!setup) return false;
    const size_t runs = 1 + 2 * setup->inputs.size();
    return m_job.start(
        [setup = std::move(*setup)](const analysis::TrialOptions& options, TornadoResult& out) {
            std::string error;
            runTornado(setup, options, out, error);
            return error;
        },
        runs);
}

std::shared_ptr<const TornadoResult> Tornado::current(const Session& s) const {
    const auto r = m_job.result();
    return r && r->setup.base.matches(s) ? r : nullptr;
}

}  // namespace sdw::app
