// The business case's range over the model's uncertain inputs (see business_case_range.hpp).
// Layer: workbench/app. No ImGui, GLFW, GL or Lua.
#include "workbench/app/uncertainty/business_case_range.hpp"

#include <cmath>
#include <cstdio>

#include "solver/analysis/sampling.hpp"
#include "workbench/app/comparison.hpp"
#include "workbench/app/quantity.hpp"
#include "workbench/app/session.hpp"

namespace sdw::app {

std::optional<BusinessRangeSetup> businessRangeSetupFor(const Session& s, const FanOptions& o, double rate,
                                                        std::string& error) {
    if (s.kept().empty()) {
        error = "keep a baseline first (Compare runs > Keep current run), then set the scenario";
        return std::nullopt;
    }
    const auto& kept = s.kept().front();
    if (!kept.levers.empty() || !kept.scenarioFile.empty()) {
        error = "the baseline was kept with levers or a scenario on: keep one without them";
        return std::nullopt;
    }
    auto fan = fanSetupFor(s, o, error);
    if (!fan) return std::nullopt;
    BusinessRangeSetup r;
    r.ledgers = businessCaseLedgers(s.doc().model());
    if (r.ledgers.empty()) {
        error = "the model has no \"Business case\" group of cost ledgers";
        return std::nullopt;
    }
    r.scenario = fan->base;
    r.baseline = fan->base;
    r.baseline.request.plugins.clear();
    r.baseline.request.spec.sets = kept.sets;
    r.spec = fan->spec;
    r.spec.vars = r.ledgers;
    r.discountRate = rate;
    return r;
}

bool runBusinessRange(const BusinessRangeSetup& setup, const analysis::TrialOptions& options,
                      BusinessRange& out, std::string& error) {
    out.setup = setup;
    out.runs = setup.spec.runs;
    std::vector<analysis::Inputs> samples;
    if (!analysis::drawSamples(setup.spec, samples, error)) return false;
    analysis::TrialOptions o = options;
    o.vars = setup.spec.vars;
    o.seed = setup.spec.seed;  // draw i of both runs: the same seed, so a pair differs only by the scenario
    std::vector<sim::RunResult> runs[2];
    for (int k = 0; k < 2; ++k) {
        auto runner = makeTrialRunner(k == 0 ? setup.baseline : setup.scenario, error);
        if (!runner) return false;
        if (options.progress)  // the two halves as one bar
            o.progress = [&, k](size_t d, size_t t) { options.progress(k * t + d, 2 * t); };
        runs[k] = runner->run(samples, o);
        if (options.cancel && options.cancel->load()) return false;
    }
    std::vector<double> npv, saving;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (!runs[0][i].ok() || !runs[1][i].ok()) continue;
        const auto report = businessCaseReport(*setup.scenario.project, runs[0][i], runs[1][i], setup.ledgers,
                                               setup.discountRate);
        if (!report.result) continue;
        const double pounds = report.poundsPerUnit > 0 ? report.poundsPerUnit : 1;
        const auto& total = report.result->total;
        npv.push_back(total.netPresentValue * pounds);
        saving.push_back((total.cumulativeSaving.empty() ? 0 : total.cumulativeSaving.back()) * pounds);
    }
    out.pairs = npv.size();
    if (npv.empty()) {
        error = "no pair of runs gave a business case";
        return false;
    }
    size_t positive = 0;
    for (double v : npv) positive += v > 0;
    out.shareSaving = static_cast<double>(positive) / static_cast<double>(npv.size());
    auto pct = [](std::vector<double> v, double p) { return analysis::percentile(v, p); };
    out.npv5 = pct(npv, 5), out.npv50 = pct(npv, 50), out.npv95 = pct(npv, 95);
    out.saving5 = pct(saving, 5), out.saving50 = pct(saving, 50), out.saving95 = pct(saving, 95);
    out.npv10 = pct(npv, 10), out.npv90 = pct(npv, 90), out.saving10 = pct(saving, 10),
    out.saving90 = pct(saving, 90);
    return true;
}

std::string rangeSummary(const BusinessRange& r) {
    char head[160], rate[32], share[32];
    std::snprintf(head, sizeof head, "%s of %zu draws (seed %llu; How sure tab)",
                  r.ensemble ? "Monte Carlo ensemble" : "Range", r.pairs,
                  static_cast<unsigned long long>(r.setup.spec.seed));
    std::snprintf(rate, sizeof rate, "%.1f%%", r.setup.discountRate * 100);
    std::snprintf(share, sizeof share, "%.0f%%", r.shareSaving * 100);
    return std::string(head) + ": cumulative saving by the end " + money(r.saving10, true) + " to " +
           money(r.saving90, true) + " (P10 to P90, median " + money(r.saving50, true) +
           "); net present value at " + rate + " " + money(r.npv10, true) + " to " + money(r.npv90, true) +
           "; saves money in " + share + " of draws";
}

}  // namespace sdw::app
