// Loops that Matter scores against answers derived by hand: logistic growth (reinforcing until the stock
// passes half its capacity, then balancing, at the analytic crossover time), births and deaths (constant
// shares), an undamped and a damped oscillator, a loop through a SMOOTH, an array; shares that sum to 1;
// and the model's own run unchanged by the scoring elements. Layer: tests/solver.
#include <catch2/catch.hpp>
#include <cmath>

#include "solver/analysis/loop_search.hpp"
#include "solver/analysis/loops.hpp"
#include "solver/io/load_model.hpp"
#include "tests/solver/analysis/loop_test_models.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using analysis::LoopScores;
using test::Builder;

namespace {

LoopScores scoresOf(const model::Project& p, const sim::RunSpec& spec = {}) {
    diag::Diagnostics d;
    auto s = analysis::scoreLoops(p, spec, d);
    INFO((d.items().empty() ? std::string() : diag::format(d.items()[0])));
    REQUIRE(s);
    return *s;
}

size_t loopIndex(const LoopScores& s, const std::string& id) {
    for (size_t k = 0; k < s.list.loops.size(); ++k)
        if (s.list.loops[k].id == id) return k;
    FAIL("no loop " << id);
    return 0;
}

// Every row's shares sum in magnitude to 1, or are all 0 (nothing changed).
void checkSharesSum(const LoopScores& s) {
    for (size_t row = 0; row < s.times.size(); ++row) {
        double total = 0;
        for (const auto& rel : s.relative) total += std::fabs(rel[row]);
        INFO("time " << s.times[row]);
        CHECK((total == 0 || std::fabs(total - 1) < 1e-12));
    }
}

Builder logistic(double dt) {
    Builder b(0, 20, dt);
    b.stock("population", "10", {"growth"});
    b.flow("growth", "rate * population * (1 - crowding)");
    b.aux("crowding", "population / capacity");
    b.aux("rate", "0.5").aux("capacity", "1000");
    return b;
}

}  // namespace

TEST_CASE("loop scores: logistic growth hands over from R to B when the stock passes half its capacity",
          "[loops][ltm]") {
    const double dt = 1.0 / 64, r = 0.5, K = 1000, P0 = 10;
    const Builder b = logistic(dt);
    const LoopScores s = scoresOf(b.project);
    const sim::RunResult run = b.run();
    const auto P = run.series("population");
    const size_t R = loopIndex(s, "R1"), B = loopIndex(s, "B2");
    REQUIRE(s.times.size() == P.size());
    checkSharesSum(s);
    // By hand, for Euler: growth = r P (1 - c), c = P / K. Changed alone, P moves growth by r dP (1 - c) and
    // c by -r P dP / K (both at the step before); every other link scores 1. So R's share is
    // (1 - c) / ((1 - c) + c) = 1 - P(t - dt) / K and B's is -P(t - dt) / K, at every step after the first.
    for (size_t row = 1; row < P.size(); ++row) {
        INFO("time " << s.times[row]);
        CHECK(s.relative[R][row] == Approx(1 - P[row - 1] / K).margin(1e-9));
        CHECK(s.relative[B][row] == Approx(-P[row - 1] / K).margin(1e-9));
    }
    // The crossover against the analytic solution P(t) = K / (1 + (K - P0) / P0 e^(-rt)): P = K / 2 at
    // t* = ln((K - P0) / P0) / r = 9.19. Euler with dt = 1/64 reaches it within a few steps.
    const double tStar = std::log((K - P0) / P0) / r;
    double crossing = -1;
    for (size_t row = 2; row < s.times.size() && crossing < 0; ++row)
        if (s.relative[R][row] < 0.5) {
            const double a = s.relative[R][row - 1], c = s.relative[R][row];
            crossing = s.times[row - 1] + (a - 0.5) / (a - c) * dt;
        }
    CHECK(crossing == Approx(tStar).margin(0.05));
    // The dominance summary hands over once B's share passes R's by 0.05: at P = 0.525 K, analytically at
    // t = ln((K - P0) / P0 * 0.525 / 0.475) / r = 9.39.
    const auto periods = analysis::dominance(s);
    REQUIRE(periods.size() == 2);
    CHECK(periods[0].loop == R);
    CHECK(periods[1].loop == B);
    CHECK(periods[1].start == Approx(std::log((K - P0) / P0 * 0.525 / 0.475) / r).margin(0.05));
}

TEST_CASE("loop scores: a value constant but for round-off does not change, so loops through it score 0",
          "[loops][ltm]") {
    // unity = stock * (1 / stock) is 1 analytically; in floating point it moves by an ulp now and then. LTM
    // scores a link into a value that does not change 0, so the loops through unity score 0 and growth's loop
    // (its flow the stock's only moving inflow) has every share. Counting the ulp as change made the score of
    // stock -> unity about (change of stock / stock) / 1e-16: the county model's loops through such values
    // (risk_released = completions * average risk) scored 1e10 and swamped every other.
    Builder m(0, 40, 0.25);
    m.stock("stock", "3", {"growth", "extra"});
    m.flow("growth", "0.1 * stock");
    m.flow("extra", "1000 * unity");
    m.aux("inverse", "1 / stock").aux("unity", "stock * inverse");
    const sim::RunResult run = m.run();
    const auto unity = run.series("unity");
    size_t moved = 0;  // the ulps the test is about: without them it would test nothing
    for (size_t row = 1; row < unity.size(); ++row) moved += unity[row] != unity[row - 1] ? 1 : 0;
    REQUIRE(moved > 0);
    const LoopScores s = scoresOf(m.project);
    const size_t R = loopIndex(s, "R1");
    REQUIRE(s.list.loops[R].variables.size() == 2);  // stock -> growth -> stock, the shortest
    for (size_t row = 1; row < s.times.size(); ++row) {
        INFO("time " << s.times[row]);
        CHECK(s.relative[R][row] == Approx(1).margin(1e-12));
    }
}

TEST_CASE("loop scores: births and deaths in proportion share the stock in proportion", "[loops][ltm]") {
    // births = b P, deaths = d P: each flow's link into P scores |d flow / d net flow| = b / (b - d) and
    // d / (b - d), each link from P scores 1: the shares are b / (b + d) and -d / (b + d) at every step.
    Builder m(0, 10, 0.25);
    m.stock("population", "100", {"births"}, {"deaths"});
    m.flow("births", "0.05 * population");
    m.flow("deaths", "0.02 * population");
    const LoopScores s = scoresOf(m.project);
    const size_t R = loopIndex(s, "R1"), B = loopIndex(s, "B2");
    for (size_t row = 1; row < s.times.size(); ++row) {
        CHECK(s.relative[R][row] == Approx(5.0 / 7).epsilon(1e-9));
        CHECK(s.relative[B][row] == Approx(-2.0 / 7).epsilon(1e-9));
    }
}

TEST_CASE("loop scores: an undamped oscillator is one balancing loop through two stocks, scoring -1",
          "[loops][ltm]") {
    Builder b(0, 20, 0.01);
    b.stock("position", "1", {"moving"});
    b.stock("velocity", "0", {"accelerating"});
    b.flow("moving", "velocity");
    b.flow("accelerating", "-stiffness * position");
    b.aux("stiffness", "4");
    const LoopScores s = scoresOf(b.project);
    REQUIRE(s.list.loops.size() == 1);
    const auto& loop = s.list.loops[0];
    CHECK(loop.id == "B1");
    CHECK(loop.length() == 4);  // two stocks and their two flows
    // An isolated loop scores +-1 whatever its gain (every link has one input): share -1, constant.
    size_t active = 0;
    for (size_t row = 2; row < s.times.size(); ++row) {
        if (s.score[0][row] == 0) continue;  // a turning point where a flow's change is exactly 0
        ++active;
        CHECK(s.score[0][row] == Approx(-1).epsilon(1e-12));
        CHECK(s.relative[0][row] == -1);
    }
    CHECK(active > s.times.size() * 9 / 10);
}

TEST_CASE("loop scores: a damped oscillator splits its change between the two loops as LTM says",
          "[loops][ltm]") {
    const double k = 4, c = 0.5, dt = 0.01;
    Builder b(0, 10, dt);
    b.stock("position", "1", {"moving"});
    b.stock("velocity", "0", {"accelerating"});
    b.flow("moving", "velocity");
    b.flow("accelerating", "-stiffness * position - friction * velocity");
    b.aux("stiffness", "4").aux("friction", "0.5");
    const LoopScores s = scoresOf(b.project);
    const sim::RunResult run = b.run();
    const auto v = run.series("velocity"), a = run.series("accelerating");
    // Euler: position changes by dt v and velocity by dt a (both of the step before), so the partial changes
    // of accelerating are -k dt v and -c dt a: the loop through position takes k|v| / (k|v| + c|a|).
    const size_t major = loopIndex(s, "B2"), minor = loopIndex(s, "B1");
    CHECK(s.list.loops[major].length() == 4);
    CHECK(s.list.loops[minor].length() == 2);
    checkSharesSum(s);
    for (size_t row = 2; row < s.times.size(); ++row) {
        const double kv = k * std::fabs(v[row - 1]), ca = c * std::fabs(a[row - 1]);
        if (kv + ca == 0) continue;
        INFO("time " << s.times[row]);
        CHECK(s.relative[major][row] == Approx(-kv / (kv + ca)).margin(1e-9));
        CHECK(s.relative[minor][row] == Approx(-ca / (kv + ca)).margin(1e-9));
    }
}

TEST_CASE("loop scores: a loop through a SMOOTH is scored through its internal stock", "[loops][ltm]") {
    Builder b(0, 30, 0.25);
    b.stock("level", "0", {"filling"});
    b.flow("filling", "(100 - perceived_level) / 4");
    b.aux("perceived_level", "SMTH1(level, 3)");
    const LoopScores s = scoresOf(b.project);
    REQUIRE(s.list.loops.size() == 1);
    CHECK(s.list.loops[0].id == "B1");
    size_t active = 0;
    for (size_t row = 2; row < s.times.size(); ++row)
        if (s.relative[0][row] != 0) {
            ++active;
            CHECK(s.relative[0][row] == -1);
        }
    CHECK(active > s.times.size() / 2);
    // The link level -> perceived_level runs through the smooth's stage: not a plain +-1 link.
    bool throughStage = false;
    for (const auto& l : s.links)
        if (l.from == "level" && l.to == "perceived_level")
            for (double x : l.score) throughStage = throughStage || (x != 0 && std::fabs(x) != 1);
    CHECK(throughStage);
}

TEST_CASE("loop scores: an arrayed variable is scored by the change of its total", "[loops][ltm]") {
    // Regions with the same birth and death rates: the totals behave as one region, so the shares are those
    // of one stock, b / (b + d) and -d / (b + d).
    Builder m(0, 10, 0.25);
    m.dim("region", {"north", "south"});
    m.stock("population", "100", {"births"}, {"deaths"});
    m.last().dimensions = {"region"};
    m.last().elements = {{{"south"}, "300", std::nullopt}};
    m.flow("births", "0.05 * population");
    m.last().dimensions = {"region"};
    m.flow("deaths", "0.02 * population");
    m.last().dimensions = {"region"};
    const LoopScores s = scoresOf(m.project);
    REQUIRE(s.list.loops.size() == 2);
    for (size_t row = 1; row < s.times.size(); ++row) {
        CHECK(s.relative[loopIndex(s, "R1")][row] == Approx(5.0 / 7).epsilon(1e-9));
        CHECK(s.relative[loopIndex(s, "B2")][row] == Approx(-2.0 / 7).epsilon(1e-9));
    }
}

TEST_CASE("loop scores: the shipped models' shares sum to 1, and scoring leaves their runs unchanged",
          "[loops][ltm]") {
    for (const std::string rel : {"models/teaching/delayed_discharge/delayed_discharge.xmile",
                                  "models/teaching/care_home_capacity/care_home_capacity.xmile",
                                  "models/teaching/care_workforce/care_workforce.xmile",
                                  "models/teaching/prevention/prevention.xmile",
                                  "models/adult_social_care/adult_social_care.xmile"}) {
        INFO(rel);
        diag::Diagnostics d;
        const auto project = io::loadModelFile(std::string(SDW_SOURCE_DIR) + "/" + rel, d);
        REQUIRE(project);
        const auto scored = analysis::prepareScores(*project, d);
        REQUIRE(scored);
        const auto s = analysis::scoreLoops(*scored, {}, d);
        REQUIRE(s);
        checkSharesSum(*s);
        // The scoring model computes every variable as the model does: the same values, to the last bit.
        const auto plain = compile::compileModel(*project, d);
        REQUIRE(plain);
        const sim::RunResult a = sim::simulate(*plain),
                             b = sim::simulate(analysis::compiledWithScores(*scored));
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        for (size_t col = 1; col < a.cols(); ++col) CHECK(a.series(a.names[col]) == b.series(a.names[col]));
    }
}

TEST_CASE("loop scores: a model with more loops than the limit scores its independent set and the strongest",
          "[loops][ltm]") {
    Builder b =
        test::threeParties(20, 0.25, {"0.1 * b + 0.01 * c", "0.1 * a + 0.01 * c", "0.01 * a + 0.01 * b"});
    analysis::LoopOptions few;
    few.maxLoops = 4;
    diag::Diagnostics d;
    const auto s = analysis::scoreLoops(b.project, {}, d, few);
    REQUIRE(s);
    CHECK_FALSE(s->list.complete);
    CHECK(s->rule.find("strongest-path search") != std::string::npos);
    // The three pairs (the independent set) keep their ids; loops the search adds are numbered after them.
    REQUIRE(s->list.loops.size() >= 3);
    CHECK(s->list.loops[0].id == "R1");
    CHECK(s->list.loops[2].id == "R3");
    for (size_t k = 3; k < s->list.loops.size(); ++k) CHECK(s->list.loops[k].length() == 6);
    checkSharesSum(*s);
}

TEST_CASE("loop scores: the strongest-path search runs again only where a link's score moved",
          "[loops][ltm]") {
    using analysis::detail::scoresMoved;
    // Within a factor of 4 either way: the same search.
    CHECK_FALSE(scoresMoved({1, 0.5, 0}, {1, 0.5, 0}, 4));
    CHECK_FALSE(scoresMoved({3.9, 0.13, 0}, {1, 0.5, 0}, 4));
    CHECK_FALSE(scoresMoved({4, 0.125, 0}, {1, 0.5, 0}, 4));
    // Past it, up or down, or a link that switches on or off: searched again.
    CHECK(scoresMoved({4.1, 0.5, 0}, {1, 0.5, 0}, 4));
    CHECK(scoresMoved({1, 0.12, 0}, {1, 0.5, 0}, 4));
    CHECK(scoresMoved({1, 0.5, 1e-300}, {1, 0.5, 0}, 4));
    CHECK(scoresMoved({1, 0, 0}, {1, 0.5, 0}, 4));
    CHECK(scoresMoved({1, 0.5, 0}, {}, 4));  // nothing searched yet
}

TEST_CASE("loop scores: the clock is held with the other inputs: a STEP is not credited to the loop",
          "[loops][ltm]") {
    Builder b(0, 10, 1);
    b.stock("level", "0", {"filling"});
    b.flow("filling", "(100 + STEP(50, 5) - level) / 4");
    const LoopScores s = scoresOf(b.project);
    const std::vector<double>* link = nullptr;
    for (const auto& l : s.links)
        if (l.from == "level" && l.to == "filling") link = &l.score;
    REQUIRE(link);
    // By hand (Euler, dt 1): level 0, 25, 43.75, 57.8125, 68.359375, 76.26953125 at t = 0..5. Between t = 4
    // and 5, level rose 7.91015625 and the step added 50 to the goal: filling changed by (50 - 7.91...) / 4,
    // of which level alone moved it by -7.91... / 4. The link's score is -7.91 / 42.09; at other times -1.
    CHECK((*link)[5] == Approx(-7.91015625 / 42.08984375).epsilon(1e-12));
    CHECK((*link)[3] == Approx(-1).epsilon(1e-12));
    CHECK((*link)[7] == Approx(-1).epsilon(1e-12));
}

TEST_CASE(
    "loop scores: a loop through random draws is scored, with a warning that the scores are approximate",
    "[loops][ltm]") {
    Builder b(0, 10, 0.25);
    b.stock("level", "10", {"filling"});
    b.flow("filling", "(100 - level) / 4 * RANDOM(0.5, 1.5)");
    diag::Diagnostics d;
    const auto s = analysis::scoreLoops(b.project, {}, d);
    REQUIRE(s);
    CHECK(test::hasCode(d, diag::code::kRandomScores));
    checkSharesSum(*s);
}

TEST_CASE("loop scores: past the score table's limit, the strongest loops and every named loop are kept",
          "[loops][ltm][names]") {
    // a and b build each other at 0.1 a year; c is linked to both at 0.01: the a-b pair (R1) is by far the
    // strongest loop, the b-c pair (R3) among the weakest.
    Builder b =
        test::threeParties(20, 0.25, {"0.1 * b + 0.01 * c", "0.1 * a + 0.01 * c", "0.01 * a + 0.01 * b"});
    b.project.main().extraXml.push_back(
        "<sdw:loops><sdw:loop name=\"weak pair\"><sdw:var>c</sdw:var><sdw:var>build_b</sdw:var>"
        "<sdw:var>b</sdw:var><sdw:var>build_c</sdw:var></sdw:loop></sdw:loops>");
    analysis::LoopOptions o;
    o.maxScored = 1;
    diag::Diagnostics d;
    const auto s = analysis::scoreLoops(b.project, {}, d, o);
    REQUIRE(s);
    REQUIRE(s->list.loops.size() == 2);
    CHECK(s->list.loops[0].id == "R1");
    CHECK(s->list.loops[1].id == "R3");
    CHECK(s->list.loops[1].name == "weak pair");
    CHECK(s->rule.find("every loop the model names") != std::string::npos);
    checkSharesSum(*s);  // shares of the two loops kept
}

TEST_CASE("loop scores: once a model's loops are cut to the strongest, later runs score the same loops",
          "[loops][ltm]") {
    // a and b build each other (R1, the a-b pair, the strongest of five loops); with one loop scored, the
    // first run keeps R1, and the runs after it score R1 in a model that scores only R1's four links. Short
    // steps saved every 50th: the later runs take the native loop, its scoring values computed only at the
    // saved steps.
    for (const auto& [dt, saveper] : {std::pair{0.25, 0.25}, std::pair{0.01, 0.5}}) {
        INFO("dt " << dt << ", saved every " << saveper);
        Builder b =
            test::threeParties(20, dt, {"pull * b + 0.01 * c", "0.1 * a + 0.01 * c", "0.01 * a + 0.01 * b"});
        b.aux("pull", "0.1");
        analysis::LoopOptions o;
        o.maxScored = 1;
        diag::Diagnostics d;
        const auto scored = analysis::prepareScores(b.project, d, o);
        REQUIRE(scored);
        sim::RunSpec spec;
        spec.saveper = saveper;
        const auto first = analysis::scoreLoops(*scored, spec, d);
        const auto again = analysis::scoreLoops(*scored, spec, d);
        REQUIRE(first);
        REQUIRE(again);
        REQUIRE(first->list.loops.size() == 1);
        REQUIRE(again->list.loops.size() == 1);
        CHECK(first->list.loops[0].id == "R1");
        CHECK(again->list.loops[0].id == "R1");
        CHECK(again->rule.find("not a new search") != std::string::npos);
        // The same settings: the same numbers, to the last bit, from R1's links alone.
        CHECK(first->times.size() == static_cast<size_t>(20 / saveper) + 1);
        CHECK(again->times == first->times);
        CHECK(again->score == first->score);
        CHECK(again->relative == first->relative);
        CHECK(first->links.size() == 9);  // every link on some loop
        REQUIRE(again->links.size() == 4);
        for (const auto& link : again->links) {
            INFO(link.from << " -> " << link.to);
            bool same = false;
            for (const auto& f : first->links)
                if (f.from == link.from && f.to == link.to) same = f.score == link.score;
            CHECK(same);
        }
        // Other settings: still R1, scored as a model scoring every loop scores it at those settings.
        sim::RunSpec weaker = spec;
        weaker.sets = {{"pull", 0.02}};
        const auto other = analysis::scoreLoops(*scored, weaker, d);
        analysis::LoopOptions all;
        const auto reference = analysis::scoreLoops(b.project, weaker, d, all);
        REQUIRE(other);
        REQUIRE(reference);
        REQUIRE(other->list.loops.size() == 1);
        CHECK(other->list.loops[0].id == "R1");
        REQUIRE(reference->list.loops[0].id == "R1");
        CHECK(other->score[0] == reference->score[0]);
        CHECK(other->score[0] != first->score[0]);
        checkSharesSum(*other);
    }
}

TEST_CASE("loop scores: a run too large to keep as a table scores the same, from each row as it is saved",
          "[loops][ltm]") {
    // Every loop scored (complete) and loops cut to the strongest (re-scored): the table path and the
    // row-by-row path give the same numbers to the last bit.
    for (size_t keep : {size_t{200}, size_t{2}}) {
        INFO("keep " << keep);
        Builder b =
            test::threeParties(20, 0.01, {"0.1 * b + 0.02 * c", "0.05 * a + 0.01 * c", "0.03 * a + b / 50"});
        analysis::LoopOptions table, rows;
        table.maxScored = rows.maxScored = keep;
        rows.maxTableValues = 10;
        diag::Diagnostics d;
        const auto a = analysis::prepareScores(b.project, d, table),
                   z = analysis::prepareScores(b.project, d, rows);
        REQUIRE(a);
        REQUIRE(z);
        sim::RunSpec spec;
        spec.saveper = 0.5;
        for (int round = 0; round < 2; ++round) {  // the first scoring, then a re-scoring
            const auto x = analysis::scoreLoops(*a, spec, d), y = analysis::scoreLoops(*z, spec, d);
            REQUIRE(x);
            REQUIRE(y);
            CHECK(x->times.size() == 41);
            CHECK(x->times == y->times);
            CHECK(x->score == y->score);
            CHECK(x->relative == y->relative);
            REQUIRE(x->links.size() == y->links.size());
            for (size_t k = 0; k < x->links.size(); ++k) CHECK(x->links[k].score == y->links[k].score);
        }
    }
}

TEST_CASE("loop scores: each loop's score is the product of its links' scores at every saved time, exactly",
          "[loops][ltm]") {
    // Three parties building each other: loops of two and three links. 83 saved times (not a whole number
    // of the blocks the products are taken in) and every loop kept, then only the strongest (the other path).
    Builder b =
        test::threeParties(20.5, 0.25, {"0.1 * b + 0.02 * c", "0.05 * a + 0.01 * c", "0.03 * a + b / 50"});
    for (size_t keep : {size_t{200}, size_t{2}}) {
        analysis::LoopOptions o;
        o.maxScored = keep;
        diag::Diagnostics d;
        const auto s = analysis::scoreLoops(b.project, {}, d, o);
        REQUIRE(s);
        REQUIRE(s->times.size() == 83);
        for (size_t l = 0; l < s->list.loops.size(); ++l) {
            const auto& loop = s->list.loops[l];
            std::vector<const std::vector<double>*> links;  // in the loop's order
            for (size_t k = 0; k < loop.length(); ++k) {
                const std::string& from = loop.variables[k];
                const std::string& to = loop.variables[(k + 1) % loop.length()];
                for (const auto& link : s->links)
                    if (link.from == from && link.to == to) links.push_back(&link.score);
            }
            REQUIRE(links.size() == loop.length());
            for (size_t row = 0; row < s->times.size(); ++row) {
                double p = 1;
                for (const auto* link : links) p *= (*link)[row];
                INFO(loop.id << " at time " << s->times[row]);
                CHECK(s->score[l][row] == p);
            }
        }
    }
}
