// The link-score arithmetic on a block of saved rows, against values worked out by hand from LTM's
// definitions (Schoenberg, Davidsen and Eberlein 2020): a partial change over the target's change signed by
// the source's, the sign-only and state links, a change within round-off read as none, and the scores that
// read 0 (no change, a partial change that is not a number or overflows). Rows are scored two at a time, so
// blocks of odd and even length are both checked. Layer: tests/solver.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "solver/analysis/ltm_transform.hpp"

using namespace sdw::analysis::detail;

namespace {

// Two variables x (group 0) and z (group 1), each an auxiliary whose change is its own value's: x -> z
// scored by its partial change (column 5), z -> x by the signs alone, and x -> z again as a state's link.
struct TwoValues {
    LoopGraph graph;
    ScorePlan plan;
    TwoValues() {
        graph.groups.resize(2);
        graph.edges = {GroupEdge{0, 1, Sign::Positive, {}}, GroupEdge{1, 0, Sign::Positive, {}},
                       GroupEdge{0, 1, Sign::Positive, {}}};
        plan.columns = {"x", "x before", "z", "z before", "x -> z partial"};
        plan.changes = {ScorePlan::Change{{{1, 2}}, {{1, 2}}}, ScorePlan::Change{{{3, 4}}, {{3, 4}}}};
        plan.levelChange = plan.valueChange = {0, 1};
        plan.edges = {ScorePlan::Edge{ScorePlan::Kind::Partial, 5}, ScorePlan::Edge{ScorePlan::Kind::Sign, 0},
                      ScorePlan::Edge{ScorePlan::Kind::State, 0}};
    }
};

// Time, x now, x before, z now, z before, the partial change of z with only x at its new value.
struct Row {
    double time, x, xBefore, z, zBefore, partial;
};

struct Expected {
    double partial, sign, state;
};

void check(const std::vector<Row>& rows, const std::vector<Expected>& expected) {
    TwoValues m;
    BlockScorer block(m.plan, m.graph);
    std::vector<double> table;
    for (const Row& r : rows) table.insert(table.end(), {r.time, r.x, r.xBefore, r.z, r.zBefore, r.partial});
    block.score(table.data(), 6, rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
        INFO("row " << r);
        CHECK(block.edge(0)[r] == expected[r].partial);
        CHECK(block.edge(1)[r] == expected[r].sign);
        CHECK(block.edge(2)[r] == expected[r].state);
    }
}

}  // namespace

TEST_CASE("link scores: a block's partial, sign and state links follow LTM's definitions row by row",
          "[loops][scores]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // x rises by 2 and z by 4, of which x alone accounts for 3: 3/4. Then x falls by 2 and z by 2, x alone
    // raising it by 1: |1/-2| with the sign of 1/-2, -0.5. Both changes positive, then both negative: the
    // sign-only link reads +1 each time; the state link reads 1 while its input changes.
    const std::vector<Row> moving = {{0, 3, 1, 14, 10, 3}, {1, 1, 3, 12, 14, 1}};
    const std::vector<Expected> movingScores = {{0.75, 1, 1}, {-0.5, 1, 1}};
    // x up 1, and z moved by less than round-off on its size (1e-10 against 1e-12 of 2,000): z does not
    // change, so the links into it read 0 (not 5 / 1e-10); the state link still passes x's change on.
    const Row roundOff = {2, 2, 1, 1000 + 1e-10, 1000, 5};
    // x still, z up 2: nothing of z's change is x's.
    const Row still = {6, 1, 1, 12, 10, 2};
    // Both change, but the partial change is not a number, or its score overflows: 0.
    const Row notANumber = {3, 1, 0, 2, 0, nan};
    const Row overflow = {4, -1, 0, 1e-10, 0, 1e308};

    SECTION("an even block") {
        check(moving, movingScores);
    }
    SECTION("an odd block: its last row alone in its pair") {
        check({moving[0], moving[1], roundOff}, {movingScores[0], movingScores[1], {0, 0, 1}});
    }
    SECTION("a single row") {
        check({still}, {{0, 0, 0}});
    }
    SECTION("x and z moving apart: the partial link takes x's sign, the sign-only link reads -1") {
        // x up 2, z down 4, x alone raising z by 1: |1/-4| with the sign of 1/2.
        check({{5, 3, 1, 10, 14, 1}, moving[1]}, {{0.25, -1, 1}, movingScores[1]});
    }
    SECTION("scores that are not numbers read 0; the other links of the row still score") {
        // x up 1, z up 2 (notANumber); x down 1, z up 1e-10 (overflow): signs +1 and -1.
        check({notANumber, overflow, moving[0]}, {{0, 1, 1}, {0, -1, 1}, movingScores[0]});
    }
}

TEST_CASE("link scores: a link of one edge copies the edge's scores, a negative zero as 0",
          "[loops][scores]") {
    // x falls by 1 while z stays: the sign-only link is +0 times -1 (a negative zero in the block). x falls
    // by 1 while z falls by 2 with none of it x's: the partial link is 0 times -1 over 2 (again -0). A
    // series that prints "-0" for no change would read as a change of sign in a CSV, so the copy reads +0.
    // Three rows: the last is copied alone, after the two copied as a pair.
    const std::vector<Row> rows = {{0, 1, 2, 5, 5, 0}, {1, 1, 2, 3, 5, 0}, {2, 1, 2, 5, 5, 0}};
    TwoValues m;
    BlockScorer block(m.plan, m.graph);
    std::vector<double> table;
    for (const Row& r : rows) table.insert(table.end(), {r.time, r.x, r.xBefore, r.z, r.zBefore, r.partial});
    block.score(table.data(), 6, rows.size());
    REQUIRE(std::signbit(block.edge(1)[0]));  // the case the copy exists for
    REQUIRE(std::signbit(block.edge(0)[1]));
    for (size_t e = 0; e < 3; ++e) {
        double out[3] = {7, 7, 7};
        edgeLinkScores(block, e, rows.size(), out);
        for (size_t r = 0; r < rows.size(); ++r) {
            INFO("edge " << e << ", row " << r);
            CHECK(out[r] == block.edge(e)[r]);
            CHECK_FALSE(std::signbit(out[r]));
        }
    }
}
