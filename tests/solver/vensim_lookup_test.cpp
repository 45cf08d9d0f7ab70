// Vensim's readings of a lookup table: LOOKUP EXTRAPOLATE (straight on past the ends), LOOKUP FORWARD and
// LOOKUP BACKWARD (steps, no interpolation), in the interpreter and the native code, through .mdl, XMILE and
// back to .mdl. sdw used to read all three as a plain LOOKUP with only a note, so they gave wrong numbers.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

// x runs -1, -0.5, ..., 3 over the saved rows: below, inside, on the points and above tab's range.
const std::string kModel =
    "{UTF-8}\n"
    "tab((0,0),(1,10),(2,30)) ~~|\n"
    "x = Time - 1 ~~|\n"
    "e = LOOKUP EXTRAPOLATE(tab, x) ~~|\n"
    "f = LOOKUP FORWARD(tab, x) ~~|\n"
    "b = LOOKUP BACKWARD(tab, x) ~~|\n"
    "l = tab(x) ~~|\n"
    "INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n";

// Worked by hand from the table's points (0, 0), (1, 10), (2, 30), at x = -1, -0.5, 0, 0.5, 1, 1.5,
// 2, 2.5, 3. EXTRAPOLATE below 0 follows the first segment (slope 10), above 2 the last (slope 20); FORWARD
// takes the y of the first point at or above x; BACKWARD the y of the last point at or below x; a plain
// lookup holds the end values.
const std::vector<double> kExtrapolate = {-10, -5, 0, 5, 10, 20, 30, 40, 50};
const std::vector<double> kForward = {0, 0, 0, 10, 10, 30, 30, 30, 30};
const std::vector<double> kBackward = {0, 0, 0, 0, 10, 10, 30, 30, 30};
const std::vector<double> kPlain = {0, 0, 0, 5, 10, 20, 30, 30, 30};

void checkColumns(const sim::RunResult& r) {
    REQUIRE(r.ok());
    for (size_t row = 0; row < kPlain.size(); ++row) {
        INFO("row " << row << ", x = " << test::valueAt(r, "x", row));
        CHECK(test::valueAt(r, "e", row) == kExtrapolate[row]);
        CHECK(test::valueAt(r, "f", row) == kForward[row]);
        CHECK(test::valueAt(r, "b", row) == kBackward[row]);
        CHECK(test::valueAt(r, "l", row) == kPlain[row]);
    }
}

model::Project readMdl(const std::string& text) {
    diag::Diagnostics d;
    auto p = mdl::readString(text, d, "lookups.mdl");
    INFO(test::dumpDiagnostics(d));
    REQUIRE(p);
    CHECK(d.items().empty());  // no note that the reading was approximated: it is not
    return *p;
}

}  // namespace

TEST_CASE("vensim lookups: EXTRAPOLATE, FORWARD and BACKWARD give Vensim's readings in both engines",
          "[vensim][lookup]") {
    const model::Project p = readMdl(kModel);
    const sim::RunResult interpreted = test::runOn(p, sim::Engine::Interpreter);
    checkColumns(interpreted);
    const sim::RunResult compiled = test::runOn(p, sim::Engine::Compiled);
    checkColumns(compiled);
    CHECK(interpreted.data == compiled.data);
}

TEST_CASE("vensim lookups: the readings survive XMILE and the way back to .mdl", "[vensim][lookup]") {
    const test::RoundTrip rt = test::roundTrip(readMdl(kModel));
    CHECK(rt.xmile.find("LOOKUP_FORWARD") != std::string::npos);
    checkColumns(test::runOn(rt.fromXmile, sim::Engine::Interpreter));
    CHECK(rt.mdl.find("LOOKUP EXTRAPOLATE(") != std::string::npos);
    CHECK(rt.mdl.find("LOOKUP BACKWARD(") != std::string::npos);
    checkColumns(test::runOn(readMdl(rt.mdl), sim::Engine::Interpreter));
}

TEST_CASE("vensim lookups: FORWARD on a point exactly, and a table with two points at one x",
          "[vensim][lookup]") {
    // Points (0, 1), (1, 5), (1, 7), (3, 9): at x = 1 FORWARD gives the first point at or above it, (1, 5),
    // and BACKWARD the last at or below it, (1, 7); between 1 and 3 FORWARD gives 9 and BACKWARD 7.
    const std::string text =
        "{UTF-8}\ntab((0,1),(1,5),(1,7),(3,9)) ~~|\nx = 1 + Time ~~|\n"
        "f = LOOKUP FORWARD(tab, x) ~~|\nb = LOOKUP BACKWARD(tab, x) ~~|\n"
        "INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n";
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        const sim::RunResult r = test::runOn(readMdl(text), engine);
        CHECK(test::valueAt(r, "f", 0) == 5);
        CHECK(test::valueAt(r, "b", 0) == 7);
        CHECK(test::valueAt(r, "f", 1) == 9);  // x = 2
        CHECK(test::valueAt(r, "b", 1) == 7);
        CHECK(test::valueAt(r, "f", 2) == 9);  // x = 3, the last point
        CHECK(test::valueAt(r, "b", 2) == 9);
    }
}

TEST_CASE("vensim lookups: a reading of something that is not a table is an error naming the function",
          "[vensim][lookup]") {
    diag::Diagnostics d;
    auto p = mdl::readString(
        "{UTF-8}\nc = 3 ~~|\nf = LOOKUP FORWARD(c, Time) ~~|\n"
        "INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n",
        d, "bad.mdl");
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    CHECK_FALSE(cm);
    const std::string text = test::dumpDiagnostics(d);
    CHECK(text.find("'f'") != std::string::npos);
    CHECK(text.find("must be a graphical function") != std::string::npos);
    CHECK(text.find("LOOKUP_FORWARD") != std::string::npos);
}
