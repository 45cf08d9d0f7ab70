// One variable without a value (0/0 at the start) no longer blanks the workbench: the rest of the run is
// shown, and the variable and the time are flagged (issue 11). Layer: tests/workbench.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/panels/charts_panel.hpp"
#include "workbench/ui/workbench.hpp"

using namespace sdw;
using test::HeadlessUi;

TEST_CASE("workbench: a NaN in one variable shows the rest of the run and flags that variable and the time",
          "[workbench][nan][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    // referrals (10 a week) fill a waiting list that starts empty; assessments take a fifth of it a week.
    // wait_weeks = waiting_list / assessments is 0/0 at the start, then 1 / 0.2 = 5 weeks for ever.
    wb.session().doc().createStock(0, 0, "waiting_list");
    wb.session().doc().createStock(300, 0, "assessed");
    wb.session().doc().createFlow(-150, 0, -45, 0, "referrals");
    wb.session().doc().createFlow(45, 0, 255, 0, "assessments");
    wb.session().doc().attachFlow("referrals", app::FlowEnd::Sink, "waiting_list");
    wb.session().doc().attachFlow("assessments", app::FlowEnd::Source, "waiting_list");
    wb.session().doc().attachFlow("assessments", app::FlowEnd::Sink, "assessed");
    wb.session().doc().createAux(0, -100, "wait_weeks");
    wb.session().doc().setEquation("waiting_list", "0");
    wb.session().doc().setEquation("assessed", "0");
    wb.session().doc().setEquation("referrals", "10");
    wb.session().doc().setEquation("assessments", "waiting_list * 0.2");
    wb.session().doc().setEquation("wait_weeks", "waiting_list / assessments");
    auto specs = wb.session().doc().project().specs;
    specs.start = 0, specs.stop = 20, specs.dt = 1, specs.saveper = 1;
    wb.session().doc().setSpecs(specs);
    ui.settle(wb);
    REQUIRE(wb.session().result());
    // The whole run is there: 21 saved times, and every referral is waiting or assessed (10 a week).
    CHECK(wb.session().result()->rows() == 21);
    CHECK(wb.session().timeColumn().back() == 20);
    const double waiting = wb.session().result()->finalValue("waiting_list").value();
    const double assessed = wb.session().result()->finalValue("assessed").value();
    CHECK(waiting + assessed == Approx(10 * 20));
    CHECK(waiting > 0);
    // wait_weeks has no value at t = 0 only, and is 5 weeks after.
    CHECK(std::isnan(wb.session().valueAt("wait_weeks", 0).value()));
    CHECK(wb.session().valueAt("wait_weeks", 1).value() == Approx(5));
    CHECK(wb.session().valueAt("wait_weeks", 20).value() == Approx(5));
    // Flagged: the variable and the time, in Diagnostics and on the diagram and chart legend.
    REQUIRE(wb.session().nonFiniteFrom("wait_weeks"));
    CHECK(*wb.session().nonFiniteFrom("wait_weeks") == 0);
    CHECK_FALSE(wb.session().nonFiniteFrom("waiting_list"));
    bool listed = false;
    for (const auto& d : wb.session().diagnostics().items())
        listed |= d.code == "E301" && d.where == "wait_weeks" && d.time == 0;
    CHECK(listed);
    wb.session().charts()[0].vars = {"waiting_list", "wait_weeks"};
    std::vector<std::vector<double>> keptTimes;
    const auto series = ui::chartSeries(wb.session(), wb.session().charts()[0], keptTimes);
    REQUIRE(series.size() == 2);
    CHECK(series[0].label == "waiting list");
    CHECK(series[1].label.find("no value from time 0") != std::string::npos);  // no time unit, no calendar
    CHECK(std::isfinite(series[0].y.front()));
    // The frame draws (diagram badge, charts, hover) without trouble.
    wb.select("wait_weeks");
    ui.frame(wb);
    ui.mouse(wb, ui.screenOf(0, -100), false);
    ui.frame(wb);
}

// An equation with an error was listed in Diagnostics only: the diagram showed the variable as if it were
// fine. Now the variable carries a "?" badge and its hover readout the error; a variable without an error
// has neither, and mending the equation clears it.
TEST_CASE("workbench: a variable whose equation has an error is flagged on the diagram, with the error",
          "[workbench][diagnostics]") {
    HeadlessUi ui;
    ui::Workbench wb;
    wb.newModel();
    wb.session().doc().createStock(0, 0, "waiting_list");
    wb.session().doc().createFlow(-150, 0, -45, 0, "referrals");
    wb.session().doc().attachFlow("referrals", app::FlowEnd::Sink, "waiting_list");
    wb.session().doc().setEquation("waiting_list", "0");
    wb.session().doc().setEquation("referrals", "waitng_list * 0.1 + 5");
    ui.settle(wb);
    const diag::Diagnostic* error = wb.session().errorIn("referrals");
    REQUIRE(error);
    CHECK(error->code == "E201");
    CHECK(error->message.find("did you mean 'waiting_list'") != std::string::npos);
    CHECK_FALSE(wb.session().errorIn("waiting_list"));
    CHECK(wb.session().errorIn("Referrals") == error);  // any spelling of the name
    // The frame draws the badge and, hovering the flow's valve, the readout with the error.
    ui.frame(wb);
    ui.mouse(wb, ui.screenOf(-97, 0), false);
    ui.frame(wb);
    wb.session().doc().setEquation("referrals", "waiting_list * 0.1 + 5");
    ui.settle(wb);
    CHECK_FALSE(wb.session().errorIn("referrals"));
    REQUIRE(wb.session().result());
    CHECK(wb.session().result()->finalValue("waiting_list").value() > 0);
}
