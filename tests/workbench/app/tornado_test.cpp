// The tornado ("Which assumptions matter") at the application level, on a linear model whose swings are
// known by hand: the bars are the ends of each constant's range from the true baseline, widest swing first,
// read at the chosen time; a failed run names the constant and value and is left out. Layer:
// tests/workbench/app.
#include "workbench/app/uncertainty/tornado.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/workbench/app/linear_model.hpp"
#include "tests/workbench/app/state_dir.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

namespace {

void open(app::Session& s, const std::string& path) {
    std::string error;
    REQUIRE(s.open(path, error));
    s.settle();
}

std::shared_ptr<const app::TornadoResult> run(app::Session& s, const app::TornadoOptions& o) {
    app::Tornado t;
    std::string error;
    REQUIRE(t.start(s, o, error));
    REQUIRE(t.wait(std::chrono::seconds(60)));
    REQUIRE(t.error().empty());
    REQUIRE(t.current(s));
    return t.result();
}

}  // namespace

TEST_CASE("tornado: bars of a linear model are the hand-computed swings, widest first",
          "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_linear"));
    open(s, test::linearModel("sdw_tornado_linear.xmile", false));
    const auto r = run(s, {});  // the first outcome measure, at the end of the run
    CHECK(r->setup.outcome == "total");
    CHECK(r->setup.at == 10);
    REQUIRE(r->bars.size() == 3);
    // Baseline 10 (4.5 + 5 - 4) = 55. b: 10 (4.5 + 0 - 4) = 5 to 10 (4.5 + 10 - 4) = 105, swing 100;
    // c: 10 (4.5 + 5 - 2) = 75 to 10 (4.5 + 5 - 8) = 15, swing 60; a: 10 (3 + 1) = 40 to 10 (6 + 1) = 70,
    // swing 30.
    CHECK(r->bars[0].parameter == "b");
    CHECK(r->bars[1].parameter == "c");
    CHECK(r->bars[2].parameter == "a");
    for (const auto& b : r->bars) CHECK(b.baseline == Approx(55));
    CHECK(r->bars[0].outcomeLow == Approx(5));
    CHECK(r->bars[0].outcomeHigh == Approx(105));
    CHECK(r->bars[0].swing == Approx(100));
    CHECK(r->bars[1].low == 1);
    CHECK(r->bars[1].high == 4);
    CHECK(r->bars[1].outcomeLow == Approx(75));
    CHECK(r->bars[1].outcomeHigh == Approx(15));
    CHECK(r->bars[2].outcomeLow == Approx(40));
    CHECK(r->bars[2].outcomeHigh == Approx(70));
    CHECK(r->unitsOf("a") == "people");
    CHECK(r->failures.empty());
    // Money as the workbench writes it: the outcome is in GBPm.
    CHECK(app::tornadoValue(r->bars[0].baseline, r->setup.outcomeUnits) == "£55.0m");
    CHECK(app::tornadoCommandLine(r->setup, "m.xmile") ==
          "sdw sensitivity m.xmile --analysis oat --stop 10 --vary a --vary b --vary c --vars total");
}

TEST_CASE("tornado: read at an earlier year, the swings are that year's", "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_year"));
    open(s, test::linearModel("sdw_tornado_year.xmile", false));
    const auto times = app::tornadoTimes(s);
    CHECK(times.front() == 1);
    CHECK(times.back() == 10);
    const auto r = run(s, {"total", 4.0});
    REQUIRE(r->bars.size() == 3);
    // At t = 4: baseline 22; swings 40 (b), 24 (c), 12 (a).
    CHECK(r->bars[0].baseline == Approx(22));
    CHECK(r->bars[0].swing == Approx(40));
    CHECK(r->bars[1].swing == Approx(24));
    CHECK(r->bars[2].swing == Approx(12));
    // Another outcome: other = 2 total.
    const auto o = run(s, {"other", 4.0});
    CHECK(o->bars[0].swing == Approx(80));
}

TEST_CASE("tornado: a run without a value names the constant and value and is left out",
          "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_fail"));
    open(s, test::linearModel("sdw_tornado_fail.xmile", true));
    const auto r = run(s, {});
    REQUIRE(r->bars.size() == 3);  // d's bar is left out: its low run failed
    for (const auto& b : r->bars) CHECK(b.parameter != "d");
    REQUIRE(r->failureLines.size() == 1);
    CHECK(r->failureLines[0].rfind("d = -1: ", 0) == 0);
    CHECK(r->bars[0].swing == Approx(100));
}

TEST_CASE("tornado: a slider's value is the baseline, and that constant is held", "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_slider"));
    open(s, test::linearModel("sdw_tornado_slider.xmile", false));
    size_t ia = s.inputs().size();
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "a") ia = i;
    REQUIRE(ia < s.inputs().size());
    std::string error;
    REQUIRE(s.typeInput(ia, "2", error));
    s.settle();
    app::Tornado t;
    REQUIRE(t.start(s, {}, error));
    REQUIRE(t.wait(std::chrono::seconds(60)));
    const auto r = t.current(s);
    REQUIRE(r);
    CHECK(r->setup.held == std::vector<std::string>{"a"});
    REQUIRE(r->bars.size() == 2);
    // a = 2: baseline 10 (6 + 5 - 4) = 70; b's bar 20 to 120, c's 90 to 30.
    CHECK(r->bars[0].baseline == Approx(70));
    CHECK(r->bars[0].outcomeLow == Approx(20));
    CHECK(r->bars[1].outcomeLow == Approx(90));
    // Moving the slider again makes the bars stale.
    REQUIRE(s.typeInput(ia, "1", error));
    s.settle();
    CHECK_FALSE(t.current(s));
}

TEST_CASE("tornado: an unknown outcome is refused by name, and a cancel keeps no bars",
          "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_cancel"));
    open(s, test::linearModel("sdw_tornado_cancel.xmile", false));
    std::string error;
    CHECK_FALSE(app::tornadoSetupFor(s, {"nonesuch", {}}, error));
    CHECK(error.find("nonesuch") != std::string::npos);
    app::Tornado t;
    REQUIRE(t.start(s, {}, error));
    t.cancel();
    REQUIRE(t.wait(std::chrono::seconds(60)));
    CHECK(t.error() == "cancelled");  // the job says cancelled once cancel() was called, finished or not
    CHECK_FALSE(t.result());
}

TEST_CASE("tornado: the times offered are the ends of the county's calendar years", "[workbench][tornado]") {
    app::Session s(test::freshStateDir("sdw_tornado_county_times"));
    open(s, std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile");
    // Weeks from 1 Jan 2025 to week 522: a year is 365.25 / 7 weeks; the ends of 2025 to 2034, then the
    // run's.
    const auto times = app::tornadoTimes(s);
    REQUIRE(times.size() == 11);
    CHECK(times[0] == Approx(52.25));  // 52.18 weeks, to the nearest quarter-week step
    CHECK(app::tornadoTimeLabel(s, times[0]) == "end of 2025");
    CHECK(app::tornadoTimeLabel(s, times[9]) == "end of 2034");
    CHECK(app::tornadoTimeLabel(s, times[10]).rfind("end of run (", 0) == 0);
    // Week 261 is the step nearest the end of 2029 (5 x 52.18 = 260.89 weeks); any other time reads as its
    // day: week 250 is 1,750 days on, 289 days after 1 Jan 2029: 17 Oct 2029.
    CHECK(app::tornadoTimeLabel(s, 261) == "end of 2029");
    CHECK(app::tornadoTimeLabel(s, 250) == "17 Oct 2029");
}
