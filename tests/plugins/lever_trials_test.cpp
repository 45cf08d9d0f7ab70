// Lever params in sensitivity and Monte Carlo (plugins/host/trial_runner): the levers on are the analysed
// run's and no others, so a param of a lever left off is refused (naming the lever and how to switch it on),
// a param of a lever on varies around the run's value, and adding a lever param never moves the baseline or
// another input's runs. Layer: tests/plugins.
#include <catch2/catch.hpp>

#include "plugins/host/plugin_session.hpp"
#include "plugins/host/trial_runner.hpp"
#include "solver/analysis/monte_carlo.hpp"
#include "solver/analysis/sensitivity.hpp"
#include "solver/io/load_model.hpp"

using namespace sdw;

namespace {

const char* kParam = "expand_short_term_services.staff_multiplier";

struct County {
    model::Project project;
    plugins::PluginLibrary library;
    County() {
        diag::Diagnostics diags;
        project = *io::loadModelFile(
            std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", diags);
        library.addDirectory(plugins::leversDirectory(SDW_SOURCE_DIR), diags);
        REQUIRE_FALSE(diags.hasErrors());
    }
};

// A year of the county model; with the lever on as reablement_done_right.lua has it (staff x 1).
plugins::RunRequest base(bool leverOn) {
    plugins::RunRequest r;
    r.spec.stop = 52;
    if (leverOn)
        r.plugins.push_back(
            {"expand_short_term_services", {{"referral_multiplier", 1.64}, {"staff_multiplier", 1}}});
    return r;
}

std::vector<analysis::TornadoBar> tornado(const County& c, const plugins::RunRequest& b,
                                          const std::vector<analysis::OatInput>& inputs, std::string& error) {
    plugins::PluginTrialRunner runner(c.project, c.library, b);
    REQUIRE(runner.ok());
    std::vector<analysis::TornadoBar> bars;
    std::vector<analysis::FailedRun> failures;
    analysis::TrialOptions o;
    o.threads = 2;
    if (!analysis::oneAtATime(inputs, {"ledger_council_spend"}, runner, o, bars, failures, error)) return {};
    CHECK(failures.empty());
    return bars;
}

const analysis::TornadoBar& bar(const std::vector<analysis::TornadoBar>& bars, const std::string& name) {
    for (const auto& b : bars)
        if (b.parameter == name) return b;
    FAIL("no bar for " << name);
    return bars.front();
}

}  // namespace

TEST_CASE("levers: a param of a lever the analysed run leaves off is refused, saying how to switch it on",
          "[plugins][levers]") {
    const County c;
    plugins::PluginTrialRunner runner(c.project, c.library, base(false));
    const std::string why = runner.checkInput(kParam);
    CHECK(why.find("the lever 'expand_short_term_services', which the analysed run does not switch on") !=
          std::string::npos);
    CHECK(why.find("--scenario FILE") != std::string::npos);
    std::string error;
    CHECK(tornado(c, base(false), {{kParam, 1, 2}, {"reablement_staff", 100, 200}}, error).empty());
    CHECK(error.find(why) != std::string::npos);
    analysis::MonteCarloSpec mc;  // Monte Carlo: the same rule
    mc.inputs = {{kParam, {}}};
    mc.vars = {"ledger_council_spend"};
    analysis::MonteCarloResult r;
    CHECK_FALSE(analysis::runMonteCarlo(mc, runner, {}, r, error));
    CHECK(error.find("does not switch on") != std::string::npos);
    // A trial that names it anyway fails on its own and switches nothing on in the others.
    const auto runs = runner.run({{}, {{kParam, 2}}}, {});
    CHECK(runs[0].ok());
    CHECK(runs[1].status == sim::RunStatus::Failed);
}

TEST_CASE("levers: adding a lever's param moves neither the baseline nor another input's swing",
          "[plugins][levers]") {
    const County c;
    std::string error;
    const auto on = base(true);
    const auto alone = tornado(c, on, {{"reablement_staff", 100, 200}}, error);
    const auto both = tornado(c, on, {{kParam, 1, 2}, {"reablement_staff", 100, 200}}, error);
    REQUIRE(alone.size() == 1);
    REQUIRE(both.size() == 2);
    const auto& a = bar(alone, "reablement_staff");
    const auto& b = bar(both, "reablement_staff");
    CHECK(b.baseline == a.baseline);
    CHECK(b.outcomeLow == a.outcomeLow);
    CHECK(b.outcomeHigh == a.outcomeHigh);
    // The baseline is the analysed run itself: the lever on at its own values, nothing else.
    const auto run = plugins::runRequest(c.project, c.library, on);
    REQUIRE(run.ok());
    CHECK(a.baseline == run.finalValue("ledger_council_spend").value());
    // The param varies around the run's value (staff x 1): its low end is the baseline run.
    const auto& lever = bar(both, kParam);
    CHECK(lever.outcomeLow == lever.baseline);
    CHECK(lever.outcomeHigh != lever.baseline);
    // Without the lever, the baseline is the run without it.
    const auto off = tornado(c, base(false), {{"reablement_staff", 100, 200}}, error);
    REQUIRE(off.size() == 1);
    CHECK(off.front().baseline ==
          plugins::runRequest(c.project, c.library, base(false)).finalValue("ledger_council_spend").value());
    CHECK(off.front().baseline != a.baseline);
}
