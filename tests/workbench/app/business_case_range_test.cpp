// The business case's range at the application level: the model's uncertain inputs drawn once and run as the
// baseline and as the scenario, each pair's business case, percentiles known in closed form. Layer:
// tests/workbench/app.
#include "workbench/app/uncertainty/business_case_range.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "tests/workbench/app/state_dir.hpp"
#include "tests/workbench/decay_model.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

TEST_CASE("business case range: percentiles of the saving over the uncertain inputs", "[workbench][fan]") {
    app::Session s(test::freshStateDir("sdw_business_range"));
    std::string error;
    REQUIRE(s.open(test::spendModelFile("sdw_business_range.xmile"), error));
    s.settle();
    CHECK_FALSE(app::businessRangeSetupFor(s, {200, 1}, 0.035, error));
    CHECK(error.find("keep a baseline first") == 0);
    s.keepRun("Baseline");
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "cut") REQUIRE(s.typeInput(i, "0.1", error));
    s.settle();
    auto setup = app::businessRangeSetupFor(s, {200, 1}, 0.035, error);
    REQUIRE(setup);
    REQUIRE(setup->spec.inputs.size() == 1);  // rate; cut is the scenario's lever, not uncertain
    app::BusinessRange r;
    REQUIRE(app::runBusinessRange(*setup, {}, r, error));
    CHECK(r.pairs == 200);
    CHECK(r.shareSaving == 1);
    const double npvPerRate =
        0.1 * (1 + std::pow(1.035, -1) + std::pow(1.035, -2) + std::pow(1.035, -3) + std::pow(1.035, -4));
    // Uniform rate: its 5th, 50th and 95th percentiles are 105, 150 and 195.
    CHECK(r.npv5 == Approx(npvPerRate * 105).epsilon(0.01));
    CHECK(r.npv50 == Approx(npvPerRate * 150).epsilon(0.01));
    CHECK(r.npv95 == Approx(npvPerRate * 195).epsilon(0.01));
    CHECK(r.saving5 == Approx(0.5 * 105).epsilon(0.01));
    CHECK(r.saving95 == Approx(0.5 * 195).epsilon(0.01));
}

TEST_CASE("business case range: P10 and P90 of the saving, for a Monte Carlo ensemble's draws",
          "[workbench][fan]") {
    app::Session s(test::freshStateDir("sdw_business_range_p10"));
    std::string error;
    REQUIRE(s.open(test::spendModelFile("sdw_business_range_p10.xmile"), error));
    s.settle();
    s.keepRun("Baseline");
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "cut") REQUIRE(s.typeInput(i, "0.1", error));
    s.settle();
    // The ensemble: a Monte Carlo of 400 draws, seed 3, as the How sure tab runs it.
    const app::FanOptions ensemble{400, 3};
    const auto fan = app::fanSetupFor(s, ensemble, error);
    REQUIRE(fan);
    auto setup = app::businessRangeSetupFor(s, ensemble, 0.035, error);
    REQUIRE(setup);
    // The range draws exactly the ensemble's inputs.
    std::vector<analysis::Inputs> a, b;
    REQUIRE(analysis::drawSamples(fan->spec, a, error));
    REQUIRE(analysis::drawSamples(setup->spec, b, error));
    CHECK(a == b);
    app::BusinessRange r;
    REQUIRE(app::runBusinessRange(*setup, {}, r, error));
    CHECK(r.pairs == 400);
    // The cumulative saving is half the rate, uniform on 100..200: P10 0.5 x 110 = 55, P90 0.5 x 190 = 95.
    CHECK(r.saving10 == Approx(55).epsilon(0.01));
    CHECK(r.saving90 == Approx(95).epsilon(0.01));
    const double npvPerRate =
        0.1 * (1 + std::pow(1.035, -1) + std::pow(1.035, -2) + std::pow(1.035, -3) + std::pow(1.035, -4));
    CHECK(r.npv10 == Approx(npvPerRate * 110).epsilon(0.01));
    CHECK(r.npv90 == Approx(npvPerRate * 190).epsilon(0.01));
    // In words, labelled as the ensemble's, pounds to the nearest one.
    r.ensemble = true;
    r.saving10 = 55, r.saving50 = 75, r.saving90 = 95, r.npv10 = 50, r.npv90 = 86;
    CHECK(
        app::rangeSummary(r) ==
        "Monte Carlo ensemble of 400 draws (seed 3; How sure tab): cumulative saving by the end +£55 to +£95 "
        "(P10 to P90, median +£75); net present value at 3.5% +£50 to +£86; saves money in 100% of draws");
}
