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
    REQUIRE(wb.timeColumn.back() == Approx(522));  // weeks
    wb.scrubTime = wb.timeColumn.back();
    wb.keepRun("Baseline");
    wb.playing = true;
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    REQUIRE(wb.result->ok());
    CHECK(wb.timeColumn.back() == Approx(104));
    CHECK(wb.scrubTime >= wb.timeColumn.front());
    CHECK(wb.scrubTime <= wb.timeColumn.back());  // the scrubber and presentation read "104 of 104"
    CHECK_FALSE(wb.playing);
    CHECK(wb.kept.empty());
    // A model whose run is shorter than the time marker, as after editing Stop: the marker comes back in.
    wb.scrubTime = 500;
    wb.rerun();
    ui.settle(wb);
    CHECK(wb.scrubTime <= 104);
}

TEST_CASE("workbench: a run of the last model that finishes after another opens is not shown",
          "[workbench][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    wb.rerun();  // in flight when the next model opens
    std::string error;
    REQUIRE(wb.openFile(HeadlessUi::teachingModel("delayed_discharge"), error));
    for (int i = 0; i < 10; ++i) ui.settle(wb);
    REQUIRE(wb.result);
    CHECK(wb.result->column("hospital_beds") >= 0);
    CHECK(wb.result->column("people_65_84") < 0);  // a county variable
}

#if defined(SDW_HAVE_PLUGINS)
TEST_CASE(
    "workbench: levers switched on for one model are off when another opens, and on again when it "
    "reopens",
    "[workbench][levers][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    REQUIRE(wb.levers);
    auto* lever = wb.levers->find("expand_short_term_services");
    REQUIRE(lever);
    wb.levers->setOn(*lever, true);
    lever->values["staff_multiplier"] = 2;
    wb.leversChanged();
    ui.settle(wb);
    REQUIRE(wb.result->ok());

    // A teaching model: every lever off, its run clean (no E407 for the county's variables).
    ui.open(wb, HeadlessUi::teachingModel("delayed_discharge"));
    ui.settle(wb);
    CHECK_FALSE(wb.levers->anyOn());
    REQUIRE(wb.result->ok());
    CHECK(wb.diagnostics.errorCount() == 0);

    // The county again (a new session of the same file keeps nothing either: the other model came between).
    ui.open(wb, HeadlessUi::countyModel());
    CHECK_FALSE(wb.levers->anyOn());
    // Reopening the model that is open keeps what the user set.
    wb.levers->setOn(*wb.levers->find("expand_short_term_services"), true);
    wb.levers->find("expand_short_term_services")->values["staff_multiplier"] = 2;
    ui.open(wb, HeadlessUi::countyModel());
    REQUIRE(wb.levers->find("expand_short_term_services"));
    CHECK(wb.levers->find("expand_short_term_services")->on);
    CHECK(wb.levers->find("expand_short_term_services")->values.at("staff_multiplier") == 2);
}

TEST_CASE("levers: a lever is offered only for a model that has every variable it changes",
          "[workbench][levers][issue11]") {
    HeadlessUi ui;
    ui::Workbench wb;
    ui.openCounty(wb);
    REQUIRE(wb.levers->levers().size() >= 11);
    for (const auto& l : wb.levers->levers())
        CHECK(app::LeverSet::missingTarget(*l.plugin, wb.doc.model()).empty());
    // A blank new model has none of them: none is offered, and none can be on.
    wb.levers->setOn(wb.levers->levers().front(), true);
    wb.newModel();
    ui.frame(wb);
    CHECK_FALSE(wb.levers->anyOn());
    for (const auto& l : wb.levers->levers())
        CHECK_FALSE(app::LeverSet::missingTarget(*l.plugin, wb.doc.model()).empty());
    // Deleting a variable a lever changes switches it off rather than failing the run.
    ui.openCounty(wb);
    auto& first = wb.levers->levers().front();
    wb.levers->setOn(first, true);
    std::string target;
    for (const auto* names : {&first.plugin->constants, &first.plugin->equations, &first.plugin->graphicals,
                              &first.plugin->modifies})
        if (target.empty() && !names->empty()) target = names->front();
    REQUIRE(wb.doc.find(target));
    REQUIRE(wb.doc.remove({wb.doc.find(target)->name}));
    ui.settle(wb);
    CHECK_FALSE(first.on);
}
#endif
