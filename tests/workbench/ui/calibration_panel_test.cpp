// The Calibrate tab driven frame by frame: with observed data loaded, a constant ticked and Fit clicked, the
// table holds the fit sdw calibrate makes (the known rate), Apply sets the constant and one Undo takes it
// back; Cancel clicked during a fit of the county model stops it with no table. Layer: tests/workbench.
#include "workbench/ui/panels/calibration_panel.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/workbench/decay_model.hpp"
#include "tests/workbench/two_readings_model.hpp"
#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/app/uncertainty/uncertainty_edit.hpp"
#include "workbench/ui/panels/uncertainty_panel.hpp"

using namespace sdw;
using test::centre;
using test::HeadlessUi;

namespace {

void showCalibrate(HeadlessUi& ui, ui::Workbench& wb) {
    wb.showPanel<ui::CalibrationPanel>();
    ui.frame(wb);
    ui.frame(wb);  // the tab comes to the front, then draws
}

}  // namespace

TEST_CASE("calibrate tab: fit a rate to data, apply it, undo it", "[workbench][calibration]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::decayModelFile("sdw_ui_calibrate_decay.xmile"));
    ui.settle(wb);
    auto& panel = wb.panel<ui::CalibrationPanel>();
    showCalibrate(ui, wb);
    CHECK(panel.fitButton().z == 0);  // no data yet: the tab says to load some, no Fit button
    const auto data = (std::filesystem::temp_directory_path() / "sdw_ui_calibrate.csv").string();
    {
        std::ofstream out(data);
        out << "Time,s\n";
        for (int t = 0; t <= 8; t += 2) out << t << "," << test::decayAt(0.3, t) << "\n";
    }
    REQUIRE(wb.panel<ui::UncertaintyPanel>().loadData(wb, data));
    auto& picks = panel.picks(wb);
    REQUIRE(picks.size() == 1);
    CHECK(picks[0].declared);
    CHECK(picks[0].lo == 0.1);
    CHECK(picks[0].hi == 0.4);
    ui.frame(wb);
    ui.click(wb, centre(panel.fitButton()));  // nothing ticked
    CHECK(panel.message() == "Not started: pick at least one parameter to fit");
    picks[0].on = true;
    ui.click(wb, centre(panel.fitButton()));
    REQUIRE(panel.settle(wb));
    ui.frame(wb);
    ui.frame(wb);
    const auto r = panel.calibration().result();
    REQUIRE(r);
    CHECK(r->fit.rows[0].parameter == "k");
    CHECK(r->fit.rows[0].value == Approx(0.3).margin(1e-5));
    CHECK(r->fit.rows[0].low95 <= r->fit.rows[0].value);
    CHECK(r->fit.rows[0].high95 >= r->fit.rows[0].value);
    ui.click(wb, centre(panel.applyButton()));
    CHECK(std::stod(wb.session().doc().find("k")->equation) == Approx(0.3).margin(1e-5));
    ui.settle(wb);
    CHECK(*wb.session().valueAt("s", 8) == Approx(test::decayAt(0.3, 8)).epsilon(1e-4));
    ui.key(wb, 'Z', true);  // Ctrl+Z: one undo step takes the fit back
    CHECK(wb.session().doc().find("k")->equation == "0.2");
}

TEST_CASE("calibrate tab: Cancel stops a fit of the county model", "[workbench][calibration]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    ui.settle(wb);
    const auto data = (std::filesystem::temp_directory_path() / "sdw_ui_calibrate_county.csv").string();
    std::ofstream(data) << "Time,requests per year\n0,26000\n52,27000\n104,27500\n156,28800\n";
    REQUIRE(wb.panel<ui::UncertaintyPanel>().loadData(wb, data));
    auto& panel = wb.panel<ui::CalibrationPanel>();
    for (auto& p : panel.picks(wb)) {
        const auto n = model::canonicalName(p.name);
        p.on = n == "onset_rate_18_64" || n == "onset_rate_65_84" || n == "onset_rate_85_plus";
    }
    showCalibrate(ui, wb);
    ui.click(wb, centre(panel.fitButton()));
    INFO(panel.message());
    REQUIRE(panel.busy());  // about a thousand runs of the county model
    CHECK(wb.animating());
    ui.frame(wb);
    ui.click(wb, centre(panel.cancelButton()));
    REQUIRE(panel.settle(wb));
    ui.frame(wb);
    CHECK(panel.message() == "Cancelled: no fit was made.");
    CHECK_FALSE(panel.calibration().result());
    CHECK(wb.session().doc().find("onset_rate_65_84")->equation == "0.027");  // nothing applied
}

TEST_CASE("calibrate tab: a series weight typed in the tab weighs the fit and is one undo step",
          "[workbench][calibration]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.open(wb, test::twoReadingsModel("sdw_ui_calibrate_weights.xmile"));
    ui.settle(wb);
    const auto data = (std::filesystem::temp_directory_path() / "sdw_ui_calibrate_weights.csv").string();
    std::ofstream(data) << test::twoReadingsData();
    REQUIRE(wb.panel<ui::UncertaintyPanel>().loadData(wb, data));
    auto& panel = wb.panel<ui::CalibrationPanel>();
    showCalibrate(ui, wb);
    REQUIRE(panel.weightBoxes().size() == 2);  // y1, y2
    ui.typeIntoBox(wb, panel.weightBoxes()[1], "3");
    CHECK(app::seriesWeight(wb.session().doc().project(), "y2") == 3);
    CHECK(app::seriesWeight(wb.session().doc().project(), "y1") == 1);
    for (auto& p : panel.picks(wb)) p.on = p.name == "k";
    ui.click(wb, centre(panel.fitButton()));
    REQUIRE(panel.settle(wb));
    ui.frame(wb);
    const auto r = panel.calibration().result();
    REQUIRE(r);
    // Least squares weighted 1 and 3 over readings of 1 and 3: k = (1 + 9) / 4 = 2.5.
    CHECK(r->fit.rows.at(0).value == Approx(2.5).margin(1e-4));
    ui.key(wb, 'Z', true);  // one undo step takes the weight back
    CHECK(app::seriesWeight(wb.session().doc().project(), "y2") == 1);
    ui.typeIntoBox(wb, panel.weightBoxes()[0], "-2");  // refused, named, the model unchanged
    CHECK(panel.message().find("0 or more") != std::string::npos);
    CHECK(app::seriesWeight(wb.session().doc().project(), "y1") == 1);
}
