// The "How sure" tab driven frame by frame: Run Monte Carlo clicked, frames go on while it runs, the Charts
// tab then draws the bands (5-95, 25-75, median) under the run's own line; Cancel clicked mid-way stops it
// with no bands. Layer: tests/workbench.
#include "workbench/ui/panels/uncertainty_panel.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/decay_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/business_case_panel.hpp"
#include "workbench/ui/panels/charts_panel.hpp"

using namespace sdw;
using test::centre;
using test::HeadlessUi;

namespace {

std::string decayModel() {
    return test::decayModelFile("sdw_ui_fan_decay.xmile");
}

}  // namespace

TEST_CASE("how sure tab: Run Monte Carlo puts bands on the charts under the run's line", "[workbench][fan]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, decayModel());
    wb.session().charts().assign(1, {});
    wb.session().addToChart("s");
    ui.settle(wb);
    auto& panel = wb.panel<ui::UncertaintyPanel>();
    std::vector<app::FanBands> store;
    CHECK(panel.bandSeries(wb.session(), wb.session().charts()[0], store).empty());  // none before a run
    wb.showPanel<ui::UncertaintyPanel>();
    ui.frame(wb);
    ui.frame(wb);  // the tab comes to the front, then draws
    panel.setFanOptions({300, 2});
    ui.click(wb, centre(panel.runButton()));
    REQUIRE(panel.message().empty());
    for (int i = 0; i < 2000 && panel.busy(); ++i) ui.frame(wb);  // frames go on while it runs
    REQUIRE(panel.settle(wb));
    ui.frame(wb);
    const auto r = panel.fan().result();
    REQUIRE(r);
    CHECK(r->mc.okRuns == 300);
    CHECK(r->setup.spec.seed == 2);
    const auto series = panel.bandSeries(wb.session(), wb.session().charts()[0], store);
    REQUIRE(series.size() == 3);  // 5-95, 25-75, median
    CHECK(series[0].label == "5-95%");
    CHECK(series[1].label == "25-75%");
    // At year 8 the bands nest around the median, and the run at the mode k = 0.2, s = 100 x 0.95^32 =
    // 19.37, lies inside the 5-95 band (k's median 0.227 is above its mode: the median run is lower).
    const size_t last = series[0].y.size() - 1;
    CHECK(series[0].lo[last] < series[1].lo[last]);
    CHECK(series[1].lo[last] < series[2].y[last]);
    CHECK(series[2].y[last] < series[1].y[last]);
    CHECK(series[1].y[last] < series[0].y[last]);
    CHECK(series[0].lo[last] < 19.37);
    CHECK(series[0].y[last] > 19.37);
    CHECK(series[2].y[last] < 19.37);
    // A slider moved: the bands are of earlier settings and leave the chart.
    auto& in = wb.session().inputs().front();
    in.value = in.base * 1.5;
    wb.session().inputsChanged();
    ui.settle(wb);
    CHECK(panel.bandSeries(wb.session(), wb.session().charts()[0], store).empty());
}

TEST_CASE("how sure tab: Cancel stops a long Monte Carlo and keeps the UI drawing", "[workbench][fan]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    ui.settle(wb);
    auto& panel = wb.panel<ui::UncertaintyPanel>();
    wb.showPanel<ui::UncertaintyPanel>();
    ui.frame(wb);
    ui.frame(wb);                                // the tab comes to the front, then draws
    panel.setFanOptions({app::kFanMaxRuns, 1});  // 2,000 runs of the county model: about 20 s here
    ui.click(wb, centre(panel.runButton()));
    REQUIRE(panel.busy());
    CHECK(wb.animating());  // the main loop keeps drawing for the progress bar
    ui.frame(wb);
    ui.click(wb, centre(panel.cancelButton()));
    REQUIRE(panel.settle(wb));
    ui.frame(wb);
    CHECK_FALSE(panel.busy());
    CHECK(panel.message() == "Cancelled: no bands were made.");
    CHECK_FALSE(panel.fan().result());
}

TEST_CASE("how sure tab: observed data shows as points on the chart of the variable of that name",
          "[workbench][observed]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, decayModel());
    auto& s = wb.session();
    s.charts().assign(1, {});
    s.addToChart("outflow");
    ui.settle(wb);
    auto& panel = wb.panel<ui::UncertaintyPanel>();
    const auto dir = std::filesystem::temp_directory_path();
    const auto good = (dir / "sdw_ui_observed.csv").string(),
               bad = (dir / "sdw_ui_observed_bad.csv").string();
    std::ofstream(good) << "Time,S,other\n0,100\n2,,\n4,45\n8,20\n";
    std::ofstream(bad) << "Time,s\n0,100\n1;90\n";
    REQUIRE(panel.loadData(wb, good));
    CHECK(panel.pointSeries(s.charts()[0]).empty());  // s is not charted yet
    wb.showPanel<ui::UncertaintyPanel>();
    ui.frame(wb);
    ui.frame(wb);
    s.addToChart("s");
    ui.frame(wb);
    const auto pts = panel.pointSeries(s.charts()[0]);
    REQUIRE(pts.size() == 1);
    CHECK(pts[0].points);
    CHECK(pts[0].label == "s (observed)");
    CHECK(*pts[0].t == std::vector<double>{0, 4, 8});  // the gap at 2 is no point
    CHECK(pts[0].y == std::vector<double>{100, 45, 20});
    REQUIRE(panel.observed()->unmatched.size() == 1);
    CHECK(panel.observed()->unmatched[0] == "other: no variable of that name");
    wb.showPanel<ui::ChartsPanel>();
    ui.frame(wb);
    ui.frame(wb);  // the chart draws the points with its lines
    // A malformed file: refused naming its line; the data loaded before stays.
    CHECK_FALSE(panel.loadData(wb, bad));
    CHECK(panel.dataError() == "sdw_ui_observed_bad.csv: line 3: Time '1;90' is not a number");
    REQUIRE(panel.observed());
    CHECK(panel.observed()->path == good);
    // Another model: the data belonged to this one.
    ui.openCounty(wb);
    ui.frame(wb);
    CHECK_FALSE(panel.observed());
}

TEST_CASE("how sure tab: the business case's range, shown on the Business case tab too", "[workbench][fan]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::spendModelFile("sdw_ui_business_range.xmile"));
    auto& s = wb.session();
    auto& panel = wb.panel<ui::UncertaintyPanel>();
    CHECK_FALSE(panel.startBusinessRange(wb));
    CHECK(panel.rangeMessage().find("keep a baseline first") != std::string::npos);
    s.keepRun("Baseline");
    std::string error;
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "cut") REQUIRE(s.typeInput(i, "0.1", error));
    ui.settle(wb);
    panel.setFanOptions({100, 3});
    REQUIRE(panel.startBusinessRange(wb));
    REQUIRE(panel.settleBusinessRange(wb));
    const auto r = panel.businessRange();
    REQUIRE(r);
    CHECK(r->pairs == 100);
    CHECK(r->npv50 == Approx(0.467308 * 150).epsilon(0.01));  // the median rate, 150
    wb.showPanel<ui::BusinessCasePanel>();
    ui.frame(wb);
    ui.frame(wb);  // the Business case tab draws with the range under its header
}

TEST_CASE("how sure tab: a Monte Carlo makes the business case's P10 to P90 over its own draws",
          "[workbench][fan]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::spendModelFile("sdw_ui_business_ensemble.xmile"));
    auto& s = wb.session();
    auto& panel = wb.panel<ui::UncertaintyPanel>();
    s.charts().assign(1, {});
    s.addToChart("spend");
    s.keepRun("Baseline");
    std::string error;
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "cut") REQUIRE(s.typeInput(i, "0.1", error));
    ui.settle(wb);
    CHECK_FALSE(panel.businessRange());  // the Business case tab says its figures are one run's
    panel.setFanOptions({300, 5});
    REQUIRE(panel.startMonteCarlo(wb));
    REQUIRE(panel.settle(wb));
    panel.setFanOptions({20, 9});  // the boxes changed after: the range is still the ensemble's
    REQUIRE(panel.settleBusinessRange(wb));
    const auto r = panel.businessRange();
    REQUIRE(r);
    CHECK(r->ensemble);
    CHECK(r->pairs == 300);
    CHECK(r->setup.spec.seed == 5);
    // The saving is half the rate, uniform on 100..200: P10 55, P90 95 (pounds).
    CHECK(r->saving10 == Approx(55).epsilon(0.01));
    CHECK(r->saving90 == Approx(95).epsilon(0.01));
    CHECK(app::rangeSummary(*r).rfind("Monte Carlo ensemble of 300 draws (seed 5", 0) == 0);
    wb.showPanel<ui::BusinessCasePanel>();
    ui.frame(wb);
    ui.frame(wb);
}
