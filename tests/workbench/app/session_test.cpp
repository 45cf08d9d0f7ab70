// The workbench's session without a window (it builds and runs with -DSDW_BUILD_GUI=OFF): a model replaced
// forgets the last one's state, a constant's equation wins over its slider, a NaN leaves the rest of the run,
// and unsaved work is copied for recovery shortly after the edits stop. Layer: tests/workbench/app.
#include "workbench/app/session.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "tests/workbench/app/state_dir.hpp"

#if defined(SDW_HAVE_PLUGINS)
#include "workbench/app/levers/lever_set.hpp"
#endif

using namespace sdw;
namespace fs = std::filesystem;

namespace {

std::string stateDir(const std::string& name) {
    return test::freshStateDir(name);
}

std::string modelFile(const std::string& path) {
    return std::string(SDW_SOURCE_DIR) + "/models/" + path;
}

// pool (empty at the start) <- filling = fill_rate, a constant of 2 a time unit.
void fillingModel(app::Session& s) {
    s.newModel();
    auto& d = s.doc();
    d.createStock(0, 0, "pool");
    d.createFlow(-150, 0, -45, 0, "filling");
    d.attachFlow("filling", app::FlowEnd::Sink, "pool");
    d.createAux(-100, -80, "fill_rate");
    d.setEquation("fill_rate", "2");
    d.setEquation("filling", "fill_rate");
    s.settle();
    REQUIRE(s.result());
}

}  // namespace

TEST_CASE("session: another model opened forgets the last one's runs, kept runs and time marker",
          "[workbench][session]") {
    app::Session s(stateDir("sdw_session_switch"));
    std::string error;
    REQUIRE(s.open(modelFile("adult_social_care/adult_social_care.xmile"), error));
    s.settle();
    REQUIRE(s.result());
    s.keepRun("Baseline");
    s.playback().time = 522;
    const uint64_t before = s.generation();
    REQUIRE(s.open(modelFile("teaching/delayed_discharge/delayed_discharge.xmile"), error));
    CHECK(s.generation() != before);
    CHECK(s.kept().empty());
    CHECK_FALSE(s.result());  // until the new model's run arrives
    s.settle();
    REQUIRE(s.result());
    CHECK(s.result()->column("hospital_beds") >= 0);
    CHECK(s.timeColumn().back() == 104);
    CHECK(s.playback().time <= 104);
}

#if defined(SDW_HAVE_PLUGINS)
TEST_CASE("session: levers stay on only when the same model is reopened", "[workbench][session][levers]") {
    app::Session s(stateDir("sdw_session_levers"));
    std::string error;
    const std::string county = modelFile("adult_social_care/adult_social_care.xmile");
    REQUIRE(s.open(county, error));
    s.levers().setOn(*s.levers().find("expand_short_term_services"), true);
    REQUIRE(s.open(county, error));
    CHECK(s.levers().find("expand_short_term_services")->on);
    REQUIRE(s.open(modelFile("teaching/delayed_discharge/delayed_discharge.xmile"), error));
    CHECK_FALSE(s.levers().anyOn());
    s.settle();
    CHECK(s.diagnostics().errorCount() == 0);
}

TEST_CASE("session: a scenario applied keeps the run before it as the baseline, with that run's settings",
          "[workbench][session][levers]") {
    app::Session s(stateDir("sdw_session_scenario_baseline"));
    std::string error;
    REQUIRE(s.open(modelFile("adult_social_care/adult_social_care.xmile"), error));
    s.settle();
    REQUIRE_FALSE(s.levers().scenarios().empty());
    const auto before = s.result();
    REQUIRE(s.applyScenario(0));
    REQUIRE(s.kept().size() == 1);
    CHECK(s.kept()[0].result == before);
    // The baseline ran with no lever and no scenario: so it says (it said the scenario's, applied a moment
    // later, and a re-run of it, the business case's range, refused it as a run with levers).
    CHECK(s.kept()[0].levers.empty());
    CHECK(s.kept()[0].scenarioFile.empty());
    CHECK(s.kept()[0].sets.empty());
}
#endif

TEST_CASE("session: a constant's equation typed in the model wins over its moved slider",
          "[workbench][session]") {
    app::Session s(stateDir("sdw_session_inputs"));
    fillingModel(s);
    const double span = s.doc().project().specs.stop - s.doc().project().specs.start;
    REQUIRE(s.inputs().size() == 1);
    s.inputs()[0].value = 3;
    s.inputsChanged();
    s.settle();
    CHECK(s.result()->finalValue("pool").value() == Approx(3 * span));
    s.doc().setEquation("fill_rate", "5");
    s.settle();
    CHECK(s.result()->finalValue("pool").value() == Approx(5 * span));
    s.rerun();  // and on every run after
    s.settle();
    CHECK(s.result()->finalValue("pool").value() == Approx(5 * span));
    CHECK(s.inputs()[0].value == 5);
}

TEST_CASE("session: a variable without a value leaves the rest of the run, flagged with its time",
          "[workbench][session][nan]") {
    app::Session s(stateDir("sdw_session_nan"));
    fillingModel(s);
    s.doc().createAux(0, -100, "fill_share");
    s.doc().setEquation("fill_share", "filling / pool");  // 2 / 0 at the start: infinite
    s.settle();
    REQUIRE(s.result());
    const double span = s.doc().project().specs.stop - s.doc().project().specs.start;
    CHECK(s.result()->finalValue("pool").value() == Approx(2 * span));
    REQUIRE(s.nonFiniteFrom("fill_share"));
    CHECK(*s.nonFiniteFrom("fill_share") == s.doc().project().specs.start);
    CHECK(s.nonFiniteCount() == 1);
}

TEST_CASE("session: unsaved work is copied for recovery once the edits pause",
          "[workbench][session][recovery]") {
    const std::string dir = stateDir("sdw_session_autosave");
    app::Session s(dir);
    s.setAutosaveSeconds(0.2);
    s.newModel();
    s.doc().createStock(0, 0, "waiting_list");
    s.update();
    const std::string rec = app::recoveryPathFor("", dir);
    CHECK_FALSE(fs::exists(rec));  // edits may still be coming
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    s.update();
    s.finishRecoveryCopy();  // written on a worker, not in the frame
    REQUIRE(fs::exists(rec));
    diag::Diagnostics diags;
    auto copy = app::Document::open(rec, diags);
    REQUIRE(copy);
    CHECK(copy->find("waiting_list"));
    s.settle();
}

TEST_CASE("session: playback takes the trainer's speed and rewinds to the start", "[workbench][session]") {
    app::Session s(stateDir("sdw_session_playback"));
    fillingModel(s);
    const double t0 = s.timeColumn().front(), span = s.timeColumn().back() - t0;
    REQUIRE(span > 0);
    auto& play = s.playback();
    play.time = t0;
    play.seconds = 20;  // the whole run in 20 s: one second of wall time is a twentieth of it
    s.togglePlay();
    s.advancePlayback(1.0);
    CHECK(play.time == Approx(t0 + span / 20));
    play.seconds = 0;  // nonsense: the fastest allowed, the whole run in 2 s
    s.advancePlayback(0.5);
    CHECK(play.time == Approx(t0 + span / 20 + span / 4));
    s.advancePlayback(10);  // past the end: stops there
    CHECK(play.time == Approx(t0 + span));
    CHECK_FALSE(play.playing);
    s.togglePlay();
    s.rewindPlayback();
    CHECK(play.time == t0);
    CHECK_FALSE(play.playing);
}
