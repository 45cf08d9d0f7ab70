// The loops panel's logic without a window: loops scored on a worker from the session's run (its sliders
// included), the loop in charge and the takeovers as a trainer reads them, rows, charted loops, the links to
// highlight, and naming a loop in the document (one undo step, saved in the XMILE as the CLI saves it).
// Layer: tests/workbench/app.
#include "workbench/app/loop_story.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "solver/analysis/loop_view.hpp"
#include "solver/io/load_model.hpp"
#include "tests/workbench/app/state_dir.hpp"
#include "workbench/app/loop_analysis.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;
namespace fs = std::filesystem;

namespace {

std::string stateDir(const std::string& name) {
    return test::freshStateDir(name);
}

// Logistic growth, P0 = 10, r = 0.5, capacity 1000: R1 (population -> growth) hands over to B2 (population ->
// crowding -> growth) when the stock passes half the capacity (the solver's tests check the scores).
void logistic(app::Session& s) {
    s.newModel();
    auto& d = s.doc();
    d.createStock(0, 0, "population");
    d.createFlow(-150, 0, -45, 0, "growth");
    d.attachFlow("growth", app::FlowEnd::Sink, "population");
    d.createAux(-100, -80, "rate");
    d.createAux(-50, -80, "capacity");
    d.createAux(50, -80, "crowding");
    d.setEquation("rate", "0.5");
    d.setEquation("capacity", "1000");
    d.setEquation("population", "10");
    d.setEquation("crowding", "population / capacity");
    d.setEquation("growth", "rate * population * (1 - crowding)");
    auto specs = d.project().specs;
    specs.stop = 20;
    specs.dt = 1.0 / 64;
    d.setSpecs(specs);
    s.settle();
    REQUIRE(s.result());
}

std::shared_ptr<const analysis::LoopScores> scoreSession(const app::Session& s, bool* levers = nullptr) {
    app::LoopAnalysis a;
    auto r = app::loopRequestFor(s, levers);
    REQUIRE(r);
    a.request(std::move(*r));
    REQUIRE(a.settle());
    INFO(a.error());
    REQUIRE(a.scores());
    return a.scores();
}

size_t indexOf(const analysis::LoopScores& s, const std::string& id) {
    const auto* l = analysis::findLoop(s.list, id);
    REQUIRE(l);
    return static_cast<size_t>(l - s.list.loops.data());
}

// The analytic time dominance() hands over from R to B: B's share passes R's by 0.05, at P = 0.525 K:
// t = ln((K - P0) / P0 * 0.525 / 0.475) / r.
double handover(double K) {
    return std::log((K - 10) / 10 * 0.525 / 0.475) / 0.5;
}

}  // namespace

TEST_CASE("loops panel: the takeovers of logistic growth, told in the model's time", "[workbench][loops]") {
    app::Session s(stateDir("sdw_loops_story"));
    logistic(s);
    const auto scores = scoreSession(s);
    const auto periods = analysis::dominance(*scores);
    const auto story = app::loopStory(*scores, periods, s.doc().project().specs);
    REQUIRE(story.size() == 2);
    CHECK(scores->list.loops[story[0].loop].id == "R1");
    CHECK(scores->list.loops[story[1].loop].id == "B2");
    CHECK(story[1].start == Approx(handover(1000)).margin(0.05));
    CHECK(story[1].end == 20);
    CHECK(story[0].text.find(": R1, up to ") != std::string::npos);
    CHECK(story[0].text.find("(reinforcing)") != std::string::npos);
    CHECK(story[1].text.find("(balancing)") != std::string::npos);
    // The loop in charge at the scrubber's time: R1 at time 5, B2 at time 15.
    CHECK(app::inChargeAt(*scores, periods, analysis::rowAt(*scores, 5)) == indexOf(*scores, "R1"));
    CHECK(app::inChargeAt(*scores, periods, analysis::rowAt(*scores, 15)) == indexOf(*scores, "B2"));
    const auto rows = app::loopRows(*scores, periods, analysis::rowAt(*scores, 15), app::LoopOrder::Now);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "B2");  // by share now: B2 holds most of it at time 15
    CHECK(rows[0].inCharge);
    CHECK(rows[0].polarity == 'B');
    CHECK(rows[0].length == 3);
    CHECK(rows[0].now < 0);
    CHECK(rows[1].now > 0);
    CHECK(rows[0].now - rows[1].now == Approx(-1));  // the magnitudes sum to 1
}

TEST_CASE("loops panel: scores follow the session's sliders", "[workbench][loops]") {
    app::Session s(stateDir("sdw_loops_sliders"));
    logistic(s);
    for (auto& in : s.inputs())
        if (in.name == "capacity") in.value = 2000;
    s.inputsChanged();
    s.settle();
    const auto scores = scoreSession(s);
    const auto periods = analysis::dominance(*scores);
    REQUIRE(periods.size() == 2);
    // A larger capacity: a later handover (analytically 1.4 later; Euler with dt 1/64 lags by a few steps).
    CHECK(periods[1].start == Approx(handover(2000)).margin(0.1));
    CHECK(periods[1].start > handover(1000) + 1.3);
}

TEST_CASE("loops panel: a slider move re-scores the county's loops the first scoring kept, the same ids",
          "[workbench][loops]") {
    // The county model has too many loops to score them all: the first scoring searches and keeps the 200
    // strongest and the named; after a slider move the Loops tab scores those same loops again (no search),
    // at the new settings.
    app::Session s(stateDir("sdw_loops_county_slider"));
    std::string error;
    REQUIRE(s.open(std::string(SDW_SOURCE_DIR) + "/models/adult_social_care/adult_social_care.xmile", error));
    s.settle();
    REQUIRE(s.result());
    app::LoopAnalysis a;
    const auto scoreNow = [&] {
        auto r = app::loopRequestFor(s);
        REQUIRE(r);
        a.request(std::move(*r));
        REQUIRE(a.settle(std::chrono::seconds(120)));
        INFO(a.error());
        REQUIRE(a.scores());
        return a.scores();
    };
    const auto first = scoreNow();
    bool moved = false;
    for (auto& in : s.inputs())
        if (in.name == "reablement_staff") {
            in.value *= 1.5;
            moved = true;
        }
    REQUIRE(moved);
    s.inputsChanged();
    s.settle();
    const auto again = scoreNow();
    REQUIRE(first->list.loops.size() == again->list.loops.size());
    for (size_t l = 0; l < first->list.loops.size(); ++l) {
        CHECK(again->list.loops[l].id == first->list.loops[l].id);
        CHECK(again->list.loops[l].name == first->list.loops[l].name);
    }
    CHECK_FALSE(first->reused);
    CHECK(again->reused);
    CHECK(first->rule.find("not a new search") == std::string::npos);
    CHECK(again->rule.find("not a new search") != std::string::npos);
    CHECK(again->times == first->times);
    CHECK(again->score != first->score);  // the new settings' scores
    for (size_t row = 0; row < again->times.size(); ++row) {
        double total = 0;
        for (const auto& rel : again->relative) total += std::fabs(rel[row]);
        CHECK((total == 0 || std::fabs(total - 1) < 1e-9));
    }
    // Asked to, the next scoring searches again at the new settings; the named loops are still listed.
    a.searchAgain();
    const auto fresh = scoreNow();
    CHECK_FALSE(fresh->reused);
    CHECK(fresh->rule.find("not a new search") == std::string::npos);
    CHECK(analysis::findLoop(fresh->list, "the delayed-discharge spiral"));
    CHECK(analysis::findLoop(fresh->list, "gatekeeping"));
}

TEST_CASE("loops panel: filter, order, charted loops and the links to highlight", "[workbench][loops]") {
    app::Session s(stateDir("sdw_loops_rows"));
    logistic(s);
    const auto scores = scoreSession(s);
    const auto periods = analysis::dominance(*scores);
    const auto crowd = app::loopRows(*scores, periods, 0, app::LoopOrder::Named, "crowd");
    REQUIRE(crowd.size() == 1);
    CHECK(crowd[0].id == "B2");
    CHECK(crowd[0].path == "crowding -> growth -> population -> crowding");  // from the first by name
    CHECK(app::loopRows(*scores, periods, 0, app::LoopOrder::Named, "r1").size() == 1);
    const size_t B = indexOf(*scores, "B2");
    const auto charted = app::chartedLoops(*scores, periods, B, 1);
    REQUIRE(charted.size() == 1);
    CHECK(charted[0] == B);
    // Unselected: the loops in charge, longest first: B2 from 9.39 to 20 leads longer than R1 (0 to 9.39).
    const auto both = app::chartedLoops(*scores, periods, std::nullopt, 8);
    REQUIRE(both.size() == 2);
    CHECK(both[0] == B);
    const auto links = app::loopHighlight(*scores, B, analysis::rowAt(*scores, 15));
    REQUIRE(links.size() == 3);
    CHECK(links[0].from == "crowding");
    CHECK(links[0].to == "growth");
    CHECK(links[0].sign == '-');
    CHECK(links[1].to == "population");
    CHECK(links[2].to == "crowding");
    for (const auto& l : links) {
        CHECK(l.weight > 0);
        CHECK(l.weight <= 1);
    }
}

TEST_CASE("loops panel: naming a loop is one undo step and is saved in the XMILE as the CLI saves it",
          "[workbench][loops]") {
    app::Session s(stateDir("sdw_loops_naming"));
    logistic(s);
    auto scores = scoreSession(s);
    const analysis::Loop& b = scores->list.loops[indexOf(*scores, "B2")];
    const uint64_t revision = s.doc().revision();
    REQUIRE(app::nameLoop(s.doc(), b, "crowding slows growth", "the fuller the place, the slower it grows"));
    CHECK(s.doc().dirty());
    CHECK(s.doc().revision() != revision);
    CHECK_FALSE(app::nameLoop(s.doc(), b, b.name, b.description));  // the same name again: no change
    s.settle();
    scores = scoreSession(s);
    const auto* named = analysis::findLoop(scores->list, "crowding slows growth");
    REQUIRE(named);
    CHECK(named->id == "B2");
    CHECK(named->description == "the fuller the place, the slower it grows");
    const auto rows = app::loopRows(*scores, analysis::dominance(*scores), 0, app::LoopOrder::Named);
    CHECK(rows[0].name == "crowding slows growth");  // named loops first
    // Among the named loops only, B2 has the whole share whenever anything changes (its score is never 0).
    const auto among = app::amongNamed(*scores);
    REQUIRE(among);
    REQUIRE(among->list.loops.size() == 1);
    for (size_t row = 1; row < among->times.size(); ++row) CHECK(among->relative[0][row] == -1);
    // Saved and read back as `sdw loops` reads it.
    const std::string file = (fs::temp_directory_path() / "sdw_loops_naming.xmile").string();
    REQUIRE(s.saveAs(file));
    diag::Diagnostics d;
    const auto project = io::loadModelFile(file, d);
    REQUIRE(project);
    const auto list = analysis::listLoops(*project, d);
    REQUIRE(list);
    const auto* again = analysis::findLoop(*list, "B2");
    REQUIRE(again);
    CHECK(again->name == "crowding slows growth");
    // Undo takes the name away again.
    REQUIRE(s.doc().undo());
    s.settle();
    scores = scoreSession(s);
    CHECK(analysis::namedLoops(scores->list).empty());
    CHECK(app::amongNamed(*scores) == nullptr);
}

TEST_CASE(
    "loops panel: the delayed-discharge spiral holds the beds at the end of the cut, as its README says",
    "[workbench][loops]") {
    app::Session s(stateDir("sdw_loops_dd"));
    std::string error;
    REQUIRE(s.open(std::string(SDW_SOURCE_DIR) + "/models/teaching/delayed_discharge/delayed_discharge.xmile",
                   error));
    s.settle();
    bool levers = true;
    const auto scores = scoreSession(s, &levers);
    CHECK_FALSE(levers);
    const auto periods = analysis::dominance(*scores);
    REQUIRE_FALSE(periods.empty());
    const auto& last = scores->list.loops[periods.back().loop];
    CHECK(last.name == "the delayed-discharge spiral");
    CHECK(periods.back().end == scores->times.back());
    CHECK(periods.front().start > 26);  // nothing changes before the cut (week 26)
}

TEST_CASE("presentation: the loops a trainer steps through are the named ones, else those that lead",
          "[workbench][loops][present]") {
    app::Session s(stateDir("sdw_loops_present"));
    logistic(s);
    auto scores = scoreSession(s);
    auto periods = analysis::dominance(*scores);
    // No names: the loops that lead, longest in charge first (B2 from 9.39 to 20, R1 from 0 to 9.39).
    auto shown = app::presentedLoops(*scores, periods);
    REQUIRE(shown.size() == 2);
    CHECK(scores->list.loops[shown[0]].id == "B2");
    CHECK(scores->list.loops[shown[1]].id == "R1");
    CHECK(app::presentedLoops(*scores, periods, 1).size() == 1);
    CHECK(std::string(app::polarityWord(scores->list.loops[shown[0]])) == "balancing");
    CHECK(std::string(app::polarityWord(scores->list.loops[shown[1]])) == "reinforcing");
    // Name the reinforcing loop: it alone is presented, whatever leads.
    REQUIRE(app::nameLoop(s.doc(), scores->list.loops[shown[1]], "growth feeds growth", ""));
    s.settle();
    scores = scoreSession(s);
    periods = analysis::dominance(*scores);
    shown = app::presentedLoops(*scores, periods);
    REQUIRE(shown.size() == 1);
    CHECK(scores->list.loops[shown[0]].id == "R1");
    CHECK(scores->list.loops[shown[0]].name == "growth feeds growth");
}

TEST_CASE("loop story: a share in the loops table keeps its sign, and a tiny one reads '<1%', not '-0%'",
          "[loop_story]") {
    CHECK(app::shareCell(0.62) == "+62%");
    CHECK(app::shareCell(-0.08) == "-8%");
    CHECK(app::shareCell(-0.004) == "<1%");  // rounds to 0: its colour says balancing
    CHECK(app::shareCell(0.004) == "<1%");
    CHECK(app::shareCell(0.006) == "+1%");
    CHECK(app::shareCell(0) == "0%");
}
