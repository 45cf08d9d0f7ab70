// The loops panel's engine API on logistic growth, against answers derived by hand: the loop in charge
// before and after the stock passes half its capacity, a loop's links, the line widths of the links at a
// moment of the run (from the link scores of Schoenberg et al. 2020), the named loops. Layer: tests/solver.
#include "solver/analysis/loop_view.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "tests/solver/model_builder.hpp"

using namespace sdw;
using analysis::LoopScores;
using test::Builder;

namespace {

// Logistic growth, r = 0.5, K = 1000, P0 = 10; R1 is growth -> population, B2 runs through crowding.
Builder logistic() {
    Builder b(0, 20, 0.25);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "0.5 * population * (1 - crowding)");
    b.aux("crowding", "population / 1000");
    return b;
}

LoopScores scoresOf(const model::Project& p) {
    diag::Diagnostics d;
    auto s = analysis::scoreLoops(p, {}, d);
    REQUIRE(s);
    return *s;
}

double weightOf(const LoopScores& s, const std::vector<double>& w, const std::string& from,
                const std::string& to) {
    for (size_t k = 0; k < s.links.size(); ++k)
        if (s.links[k].from == from && s.links[k].to == to) return w[k];
    FAIL("no link " << from << " -> " << to);
    return -1;
}

}  // namespace

TEST_CASE("loop view: the loop in charge, a loop's links, and what an id or a name refers to",
          "[loops][view]") {
    Builder b = logistic();
    b.project.main().extraXml.push_back(
        "<sdw:loops><sdw:loop id=\"B2\" "
        "name=\"crowding\"><sdw:var>growth</sdw:var><sdw:var>population</sdw:var>"
        "<sdw:var>crowding</sdw:var></sdw:loop></sdw:loops>");
    const LoopScores s = scoresOf(b.project);
    REQUIRE(s.list.loops.size() == 2);
    // P = K / 2 at t = ln(99) / 0.5 = 9.19; the summary hands over at P = 0.525 K, t = 9.39 (see the
    // logistic test in loops_scores_test.cpp): R1 before, B2 after.
    CHECK(analysis::dominantAt(s, analysis::rowAt(s, 5)) == 0u);
    CHECK(analysis::dominantAt(s, analysis::rowAt(s, 15)) == 1u);
    CHECK_FALSE(analysis::dominantAt(s, s.times.size()));
    CHECK(s.times[analysis::rowAt(s, 5.1)] == 5.0);  // the last saved time at or before
    CHECK(analysis::rowAt(s, -3) == 0);
    CHECK(analysis::rowAt(s, 99) == s.times.size() - 1);

    const auto* b2 = analysis::findLoop(s.list, "b2");
    REQUIRE(b2);
    CHECK(analysis::findLoop(s.list, "crowding") == b2);
    CHECK_FALSE(analysis::findLoop(s.list, "R9"));
    const auto links = analysis::loopLinks(*b2);
    REQUIRE(links.size() == 3);
    CHECK((links[0].from == "crowding" && links[0].to == "growth" && links[0].sign == '-'));
    CHECK((links[1].from == "growth" && links[1].to == "population" && links[1].sign == '+'));
    CHECK((links[2].from == "population" && links[2].to == "crowding" && links[2].sign == '+'));
    const auto named = analysis::namedLoops(s.list);
    REQUIRE(named.size() == 1);
    CHECK(named[0] == b2);
}

TEST_CASE("loop view: link widths are the link scores' magnitudes over the largest at that time",
          "[loops][view]") {
    const Builder b = logistic();
    const LoopScores s = scoresOf(b.project);
    const auto P = b.run().series("population");
    // By hand (LTM's partial changes, each input moved alone from the step before): growth = r P (1 - c),
    // c = P / K. Population alone moves growth r dP (1 - c0), crowding alone -r dP c0, and growth changes
    // r dP (1 - c0 - c1) in all (c0, c1: crowding at the step before and now). So |score| population ->
    // growth = (1 - c0) / (1 - c0 - c1), the largest; crowding -> growth c0 / (1 - c0 - c1); the flow into
    // the stock and population -> crowding 1 (each the only input).
    for (double t : {2.0, 6.0}) {
        const size_t row = analysis::rowAt(s, t);
        const double c0 = P[row - 1] / 1000, c1 = P[row] / 1000, top = (1 - c0) / (1 - c0 - c1);
        const auto w = analysis::linkWeights(s, row);
        INFO("time " << t);
        CHECK(weightOf(s, w, "population", "growth") == Approx(1).epsilon(1e-9));
        CHECK(weightOf(s, w, "crowding", "growth") == Approx(c0 / (1 - c0)).epsilon(1e-9));
        CHECK(weightOf(s, w, "growth", "population") == Approx(1 / top).epsilon(1e-9));
        CHECK(weightOf(s, w, "population", "crowding") == Approx(1 / top).epsilon(1e-9));
    }
}
