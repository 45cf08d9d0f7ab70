// Charts with mixed units: which line is read against which axis, and each axis's range. Layer: tests of
// workbench/app (no ImGui).
#include "workbench/app/chart_axes.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sdw::app;
using Catch::Detail::Approx;

TEST_CASE("chart axes: pounds beside people get an axis each", "[chart_axes]") {
    // Council spend of about £2m a week beside 500 people: on one axis the people would sit at 0.02% of its
    // height, a line flat on zero.
    const auto plan =
        planChart({chartLine("GBP/week", {1.0e6, 1.5e6, 2.0e6}), chartLine("people", {100, 300, 500})});
    REQUIRE(plan.panes.size() == 1);
    CHECK(plan.note.empty());
    const auto& pane = plan.panes[0];
    CHECK(pane.left == std::vector<size_t>{0});
    CHECK(pane.right == std::vector<size_t>{1});
    CHECK(pane.leftUnits == "GBP/week");
    CHECK(pane.rightUnits == "people");
    // Each axis spans its own line: the people from 0 (zero included: 100 < 0.35 * 500) to 500 + 6%.
    const auto people = axisRange(100, 500);
    CHECK(people.lo == 0);
    CHECK(people.hi == Approx(530));
    // The pounds from £1m - 6% of the £1m span to £2m + 6%: zero is not worth the squashed line here
    // (1m >= 0.35 * 2m).
    const auto pounds = axisRange(1.0e6, 2.0e6);
    CHECK(pounds.lo == Approx(940000));
    CHECK(pounds.hi == Approx(2060000));
}

TEST_CASE("chart axes: the same units orders of magnitude apart split at the widest gap", "[chart_axes]") {
    // Two populations of 80,000 and 60,000 beside a waiting list of 300: 60,000 / 300 = 200 > 30.
    const auto plan = planChart(
        {chartLine("people", {80000}), chartLine("people", {300}), chartLine("people", {-60000, 10})});
    REQUIRE(plan.panes.size() == 1);
    CHECK(plan.panes[0].left == std::vector<size_t>{0, 2});
    CHECK(plan.panes[0].right == std::vector<size_t>{1});
    CHECK(plan.panes[0].rightUnits == "people");
    // Within 30 times of each other (1,000 and 100): one axis.
    const auto close = planChart({chartLine("people", {1000}), chartLine("people", {100})});
    CHECK(close.panes[0].left == std::vector<size_t>{0, 1});
    CHECK_FALSE(close.panes[0].hasRight());
    // A line of zeros (or no values) reads on any axis: no split for it.
    const auto zeros = planChart({chartLine("people", {1000}), chartLine("people", {0, 0})});
    CHECK_FALSE(zeros.panes[0].hasRight());
}

TEST_CASE("chart axes: units written differently but the same are one group", "[chart_axes]") {
    const auto plan = planChart({chartLine("GBP/week", {10}), chartLine("gbp / week", {12})});
    CHECK(plan.panes[0].left == std::vector<size_t>{0, 1});
    CHECK_FALSE(plan.panes[0].hasRight());
}

TEST_CASE("chart axes: three units are one pane each, and the chart says so", "[chart_axes]") {
    const auto plan = planChart({chartLine("people", {500}), chartLine("GBP/week", {2e6}),
                                 chartLine("weeks", {4}), chartLine("people", {700})});
    REQUIRE(plan.panes.size() == 3);
    CHECK(plan.note == "3 different units: one chart for each");
    CHECK(plan.panes[0].left == std::vector<size_t>{0, 3});
    CHECK(plan.panes[0].leftUnits == "people");
    CHECK(plan.panes[1].left == std::vector<size_t>{1});
    CHECK(plan.panes[2].left == std::vector<size_t>{2});
    CHECK(plan.panes[2].leftUnits == "weeks");
}

TEST_CASE("chart axes: ranges of flat, empty and negative lines", "[chart_axes]") {
    const auto flat = axisRange(5, 5);  // 5 +- 10%, then 6% of that 1.0 span each side
    CHECK(flat.lo == Approx(4.44));
    CHECK(flat.hi == Approx(5.56));
    const auto none = axisRange(INFINITY, -INFINITY);  // no finite value
    CHECK(none.lo == 0);
    CHECK(none.hi == 1);
    const auto zero = axisRange(0, 0);
    CHECK(zero.lo == 0);
    CHECK(zero.hi == Approx(1.06));
    const auto below = axisRange(-500, -100);  // a deficit: zero on top, as zero at the bottom for a surplus
    CHECK(below.lo == Approx(-530));
    CHECK(below.hi == 0);
}

TEST_CASE("chart axes: each axis reads its units as the workbench does", "[chart_axes]") {
    CHECK(axisUnitsLabel("GBP/week") == "\xc2\xa3 a week");
    CHECK(axisUnitsLabel("GBPm/year") == "\xc2\xa3 a year");
    CHECK(axisUnitsLabel("GBP") == "\xc2\xa3");
    CHECK(axisUnitsLabel("people") == "people");
    CHECK(axisUnitsLabel("people/week") == "people/week");
    CHECK(axisUnitsLabel("dmnl") == "");
    CHECK(axisUnitsLabel("") == "");
}

TEST_CASE("chart axes: tick labels share a suffix and never read alike", "[chart_axes]") {
    // £750k to £1.1m a week in steps of £50k: "£1.1m" twice (1.05m and 1.1m to one decimal) was the bug.
    CHECK(axisTickLabels({750e3, 800e3, 850e3, 900e3, 950e3, 1000e3, 1050e3, 1100e3}, "GBP/week") ==
          std::vector<std::string>{"\xc2\xa3"
                                   "0.75m",
                                   "\xc2\xa3"
                                   "0.80m",
                                   "\xc2\xa3"
                                   "0.85m",
                                   "\xc2\xa3"
                                   "0.90m",
                                   "\xc2\xa3"
                                   "0.95m",
                                   "\xc2\xa3"
                                   "1.00m",
                                   "\xc2\xa3"
                                   "1.05m",
                                   "\xc2\xa3"
                                   "1.10m"});
    // GBPm: 200 is £200m; a step of 500 is £0.5bn.
    CHECK(axisTickLabels({0, 500, 1000, 1500}, "GBPm/year") == std::vector<std::string>{"\xc2\xa3"
                                                                                        "0",
                                                                                        "\xc2\xa3"
                                                                                        "0.5bn",
                                                                                        "\xc2\xa3"
                                                                                        "1.0bn",
                                                                                        "\xc2\xa3"
                                                                                        "1.5bn"});
    CHECK(axisTickLabels({5200, 5400, 7200}, "people") ==
          std::vector<std::string>{"5,200", "5,400", "7,200"});
    CHECK(axisTickLabels({120e3, 125e3, 130e3}, "people") ==
          std::vector<std::string>{"120k", "125k", "130k"});
    CHECK(axisTickLabels({-0.5, -0.25, 0, 0.25}, "dmnl") ==
          std::vector<std::string>{"-0.50", "-0.25", "0", "0.25"});
    CHECK(axisTickLabels({0, 0.5, 1}, "") == std::vector<std::string>{"0", "0.5", "1.0"});
}
