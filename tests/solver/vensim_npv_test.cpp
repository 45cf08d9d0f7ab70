// Vensim's NPV and NPVE, read as macros written from the equations Vensim's reference guide gives for them:
// values worked by hand from the discount sums, a stock pair per call, both engines, and the way through
// XMILE and back to .mdl. A lookup whose name ends in NPV is still that lookup.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

const std::string kModel =
    "{UTF-8}\n"
    "cash = 100 ~~|\n"
    "rate = 0.1 ~~|\n"
    "n = NPV(cash, rate, 0, 1) ~~|\n"
    "e = NPVE(cash, rate, 0, 1) ~~|\n"
    "half = NPV(cash / 2, rate, 0, 1) ~~|\n"
    "INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n";

model::Project readMdl(const std::string& text) {
    diag::Diagnostics d;
    auto p = mdl::readString(text, d, "npv.mdl");
    INFO(test::dumpDiagnostics(d));
    REQUIRE(p);
    REQUIRE_FALSE(d.hasErrors());
    return *p;
}

// 100 a step discounted at 10% a step, the step now undiscounted: NPV at step t is the sum over k = 0..t of
// 100 / 1.1^k (100, 190.909, 273.554, 348.685); NPVE values each step at its end: the same sum / 1.1.
void checkValues(const sim::RunResult& r) {
    double sum = 0;
    for (size_t t = 0; t < 4; ++t) {
        sum += 100 / std::pow(1.1, static_cast<double>(t));
        INFO("step " << t);
        CHECK(test::valueAt(r, "n", t) == Approx(sum).epsilon(1e-12));
        CHECK(test::valueAt(r, "e", t) == Approx(sum / 1.1).epsilon(1e-12));
        CHECK(test::valueAt(r, "half", t) == Approx(sum / 2).epsilon(1e-12));  // its own stocks
    }
    CHECK(test::valueAt(r, "n", 3) == Approx(348.6852).epsilon(1e-6));
}

}  // namespace

TEST_CASE("vensim NPV and NPVE: the discount sums, each call with stocks of its own, in both engines",
          "[vensim][npv]") {
    const model::Project p = readMdl(kModel);
    REQUIRE(p.macros.size() == 2);  // the two used: "Vensim NPV" and "Vensim NPVE"
    const sim::RunResult a = test::runOn(p, sim::Engine::Interpreter);
    checkValues(a);
    const sim::RunResult b = test::runOn(p, sim::Engine::Compiled);
    checkValues(b);
    CHECK(a.data == b.data);
}

TEST_CASE("vensim NPV: through XMILE and back to .mdl with the same numbers", "[vensim][npv]") {
    const test::RoundTrip rt = test::roundTrip(readMdl(kModel));
    CHECK(rt.xmile.find("Vensim_NPV") != std::string::npos);
    checkValues(test::runOn(rt.fromXmile, sim::Engine::Interpreter));
    CHECK(rt.mdl.find(":MACRO: Vensim NPV(") != std::string::npos);
    checkValues(test::runOn(readMdl(rt.mdl), sim::Engine::Interpreter));
}

TEST_CASE("vensim NPV: a lookup named '... NPV' is that lookup, and no macro is added", "[vensim][npv]") {
    const model::Project p = readMdl(
        "{UTF-8}\nproject NPV((0,0),(10,20)) ~~|\nx = project NPV(3) ~~|\n"
        "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n");
    CHECK(p.macros.empty());
    CHECK(test::valueAt(test::runOn(p, sim::Engine::Interpreter), "x") == 6);
}

TEST_CASE("vensim NPV: the wrong number of arguments names the function", "[vensim][npv]") {
    diag::Diagnostics d;
    mdl::readString(
        "{UTF-8}\nx = NPV(1, 0.1) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\n", d,
        "bad.mdl");
    CHECK(d.hasErrors());
    CHECK(test::dumpDiagnostics(d).find("NPV expects 4 arguments, got 2") != std::string::npos);
}
