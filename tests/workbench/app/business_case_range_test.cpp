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
