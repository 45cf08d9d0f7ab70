// Opening another model, or a new one, starts from none of the last model's state: its levers, kept runs,
// time marker and a run still in flight stay behind; levers that would fail the new model are not offered
// (issue 11). Layer: tests/workbench.
#include <catch2/catch.hpp>
#include <string>

#include "tests/workbench/ui/headless_ui.hpp"
#include "workbench/ui/workbench.hpp"
#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

using namespace sdw;
using test::HeadlessUi;

TEST_CASE("workbench: the time marker, kept runs and playback of one model never carry to the next",
          "[workbench][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    REQUIRE(wb.session().timeColumn().back() == Approx(522));  // weeks
    wb.session().playback().time = wb.session().timeColumn().back();
    wb.session().keepRun("Baseline");
    wb.session().playback().playing = true;
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    REQUIRE(wb.session().result()->ok());
    CHECK(wb.session().timeColumn().back() == Approx(104));
    CHECK(wb.session().playback().time >= wb.session().timeColumn().front());
    CHECK(wb.session().playback().time <=
          wb.session().timeColumn().back());  // the scrubber and presentation read "104 of 104"
    CHECK_FALSE(wb.session().playback().playing);
    CHECK(wb.session().kept().empty());
    // A model whose run is shorter than the time marker, as after editing Stop: the marker comes back in.
    wb.session().playback().time = 500;
    wb.session().rerun();
    ui.settle(wb);
    CHECK(wb.session().playback().time <= 104);
}

TEST_CASE("workbench: a run of the last model that finishes after another opens is not shown",
          "[workbench][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    wb.session().rerun();  // in flight when the next model opens
    std::string error;
    REQUIRE(wb.openFile(HeadlessUi::teachingModel("delayed_discharge"), error));
    for (int i = 0; i < 10; ++i) ui.settle(wb);
    REQUIRE(wb.session().result());
    CHECK(wb.session().result()->column("hospital_beds") >= 0);
    CHECK(wb.session().result()->column("people_65_84") < 0);  // a county variable
}

#if defined(SDW_HAVE_PLUGINS)
TEST_CASE(
    "workbench: levers switched on for one model are off when another opens, and on again when it "
    "reopens",
    "[workbench][levers][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    auto* lever = wb.session().levers().find("expand_short_term_services");
    REQUIRE(lever);
    wb.session().levers().setOn(*lever, true);
    lever->values["staff_multiplier"] = 2;
    wb.session().leversChanged();
    ui.settle(wb);
    REQUIRE(wb.session().result()->ok());

    // A teaching model: every lever off, its run clean (no E407 for the county's variables).
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    CHECK_FALSE(wb.session().levers().anyOn());
    REQUIRE(wb.session().result()->ok());
    CHECK(wb.session().diagnostics().errorCount() == 0);

    // The county again (a new session of the same file keeps nothing either: the other model came between).
    ui.open(wb, HeadlessUi::countyModel());
    CHECK_FALSE(wb.session().levers().anyOn());
    // Reopening the model that is open keeps what the user set.
    wb.session().levers().setOn(*wb.session().levers().find("expand_short_term_services"), true);
    wb.session().levers().find("expand_short_term_services")->values["staff_multiplier"] = 2;
    ui.open(wb, HeadlessUi::countyModel());
    REQUIRE(wb.session().levers().find("expand_short_term_services"));
    CHECK(wb.session().levers().find("expand_short_term_services")->on);
    CHECK(wb.session().levers().find("expand_short_term_services")->values.at("staff_multiplier") == 2);
}

TEST_CASE("levers: a lever is offered only for a model that has every variable it changes",
          "[workbench][levers][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    REQUIRE(wb.session().levers().levers().size() >= 11);
    for (const auto& l : wb.session().levers().levers())
        CHECK(app::LeverSet::missingTarget(*l.plugin, wb.session().doc().model()).empty());
    // A blank new model has none of them: none is offered, and none can be on.
    wb.session().levers().setOn(wb.session().levers().levers().front(), true);
    wb.newModel();
    ui.frame(wb);
    CHECK_FALSE(wb.session().levers().anyOn());
    for (const auto& l : wb.session().levers().levers())
        CHECK_FALSE(app::LeverSet::missingTarget(*l.plugin, wb.session().doc().model()).empty());
    // Deleting a variable a lever changes switches it off rather than failing the run.
    ui.openCounty(wb);
    auto& first = wb.session().levers().levers().front();
    wb.session().levers().setOn(first, true);
    std::string target;
    for (const auto* names : {&first.plugin->constants, &first.plugin->equations, &first.plugin->graphicals,
                              &first.plugin->modifies})
        if (target.empty() && !names->empty()) target = names->front();
    REQUIRE(wb.session().doc().find(target));
    REQUIRE(wb.session().doc().remove({wb.session().doc().find(target)->name}));
    ui.settle(wb);
    CHECK_FALSE(first.on);
}
#endif
