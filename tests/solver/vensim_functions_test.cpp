// Vensim functions against hand-computed answers: SINH, COSH, TANH (.mdl and XMILE), INTEGER (toward zero)
// beside XMILE's INT, MODULO beside MOD, QUANTUM, GET TIME VALUE, DELAY N / SMOOTH N whose order is an
// expression or too high for a short time, and DELAY N whose delay time changes during the run.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/mdl/mdl_writer.hpp"
#include "solver/sim/simulate.hpp"
#include "solver/xmile/xmile.hpp"
#include "tests/solver/mdl_test_util.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {

std::string modelText(const std::string& equations, double finalTime = 4, double dt = 1) {
    return "{UTF-8}\n" + equations + "\nINITIAL TIME = 0 ~~|\nFINAL TIME = " + std::to_string(finalTime) +
           " ~~|\nTIME STEP = " + std::to_string(dt) + " ~~|\nSAVEPER = TIME STEP ~~|\n";
}

double mdlValue(const std::string& equation, size_t row = 0) {
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("x = " + equation + " ~~|"), d);
    INFO(equation);
    return test::valueAt(r, "x", row);
}

}  // namespace

TEST_CASE("vensim functions: SINH, COSH and TANH in .mdl and XMILE", "[vensim][functions]") {
    // sinh 1 = (e - 1/e)/2, cosh 1 = (e + 1/e)/2, tanh(1/2) = (e - 1)/(e + 1)
    const double e = std::exp(1.0);
    CHECK(mdlValue("SINH(1)") == Approx((e - 1 / e) / 2));
    CHECK(mdlValue("COSH(1)") == Approx((e + 1 / e) / 2));
    CHECK(mdlValue("TANH(0.5)") == Approx((e - 1) / (e + 1)));
    test::Builder b(0, 1, 1);
    b.aux("h", "SINH(1) + COSH(1) - TANH(0)").aux("s", "1");
    const auto r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("h") == Approx(e));  // sinh + cosh = e^x
}

TEST_CASE("vensim functions: INTEGER truncates toward zero, XMILE's INT rounds down", "[vensim][functions]") {
    CHECK(mdlValue("INTEGER(-2.5)") == -2);
    CHECK(mdlValue("INTEGER(2.7)") == 2);
    CHECK(mdlValue("INTEGER(-0.5)") == 0);
    test::Builder b(0, 1, 1);
    b.aux("i", "INT(-2.5)");
    const auto r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("i") == -3);
}

// Vensim's own output (SDXorg test-models, tests/rounding/output.tab): MODULO(StockA, 3) with StockA = -10
// is -1, the dividend's sign. sdw read MODULO as XMILE's MOD (the divisor's sign) and gave 2.
TEST_CASE("vensim functions: MODULO takes the dividend's sign, XMILE's MOD the divisor's",
          "[vensim][functions]") {
    CHECK(mdlValue("MODULO(-10, 3)") == -1);
    CHECK(mdlValue("MODULO(10, -3)") == 1);
    CHECK(mdlValue("MODULO(7.5, 2)") == 1.5);
    CHECK(mdlValue("MODULO(-9.7, 3)") == Approx(-0.7));
    test::Builder b(0, 1, 1);
    b.aux("m", "MOD(-10, 3)");
    const auto r = b.run();
    REQUIRE(r.ok());
    CHECK(*r.finalValue("m") == 2);
}

// Vensim writes its INTEGER as INT and its MODULO as MOD when it saves XMILE (SDXorg test-models,
// tests/rounding/test_rounding.xmile, <product>Vensim</product>: its reference, Vensim's run, has INT(-9.9) =
// -9 and -9.9 MOD 3 = -0.9). Such a file keeps Vensim's meaning; any other writer's XMILE keeps the spec's.
TEST_CASE("vensim functions: XMILE that Vensim wrote keeps INT and MOD as Vensim's INTEGER and MODULO",
          "[vensim][functions][xmile]") {
    const auto run = [](const std::string& product) {
        const std::string text =
            "<?xml version=\"1.0\"?><xmile version=\"1.0\" "
            "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
            "<header><product version=\"7.3\">" +
            product +
            "</product></header><sim_specs><start>0</start><stop>1</stop><dt>1</dt></"
            "sim_specs><model><variables>"
            "<aux name=\"x\"><eqn>-9.9</eqn></aux><aux name=\"i\"><eqn>INT(x)</eqn></aux>"
            "<aux name=\"m\"><eqn>x MOD 3</eqn></aux><aux name=\"f\"><eqn>MOD(x, 3)</eqn></aux>"
            "</variables></model></xmile>";
        diag::Diagnostics d;
        const auto p = xmile::readString(text, d);
        REQUIRE(p);
        const auto cm = compile::compileModel(*p, d);
        REQUIRE(cm);
        return sim::simulate(*cm, {});
    };
    const auto vensim = run("Vensim");
    REQUIRE(vensim.ok());
    CHECK(*vensim.finalValue("i") == -9);
    CHECK(*vensim.finalValue("m") == Approx(-0.9));
    CHECK(*vensim.finalValue("f") == Approx(-0.9));
    const auto stella = run("Stella Architect");
    REQUIRE(stella.ok());
    CHECK(*stella.finalValue("i") == -10);
    CHECK(*stella.finalValue("m") == Approx(2.1));
    CHECK(*stella.finalValue("f") == Approx(2.1));
}

// Vensim reads a lookup's points in order of x (test-models subscripted_lookups: sdw refused the table with
// E212).
TEST_CASE("vensim functions: a lookup written out of x order is sorted, with W219", "[vensim][functions]") {
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("tab((2, -3), (1, -7), (0, -1)) ~~|\nx = tab(Time / 2) ~~|"), d);
    CHECK(test::valueAt(r, "x", 0) == Approx(-1));  // x 0
    CHECK(test::valueAt(r, "x", 1) == Approx(-4));  // x 0.5: halfway from -1 to -7
    CHECK(test::valueAt(r, "x", 2) == Approx(-7));  // x 1
    CHECK(test::valueAt(r, "x", 3) == Approx(-5));  // x 1.5: halfway from -7 to -3
    bool warned = false;
    for (const auto& w : d.items()) warned = warned || (w.code == std::string("W219") && w.where == "tab");
    CHECK(warned);
}

TEST_CASE("vensim functions: QUANTUM is q times INTEGER(a / q), and a when q is not positive",
          "[vensim][functions]") {
    CHECK(mdlValue("QUANTUM(7.5, 2)") == 6);
    CHECK(mdlValue("QUANTUM(-7.5, 2)") == -6);  // toward zero, like INTEGER
    CHECK(mdlValue("QUANTUM(7.5, 0)") == 7.5);
    CHECK(mdlValue("QUANTUM(7.5, -1)") == 7.5);
    CHECK(mdlValue("QUANTUM(Time, 3)", 4) == 3);  // at time 4
}

TEST_CASE("vensim functions: GET TIME VALUE is the model's time plus an offset", "[vensim][functions]") {
    CHECK(mdlValue("GET TIME VALUE(0, 2, 0)", 0) == 2);
    CHECK(mdlValue("GET TIME VALUE(0, -1, 0)", 3) == 2);
    // The computer's clock and calendar dates would make runs differ from day to day: refused, saying so.
    diag::Diagnostics d;
    mdl::readString(modelText("x = GET TIME VALUE(2, 0, 3) ~~|"), d, "t.mdl");
    REQUIRE(d.errorCount() == 1);
    CHECK(d.items().front().code == std::string(diag::code::kUnsupported));
    CHECK(d.items().front().message.find("computer's clock") != std::string::npos);
    // Every other form is refused naming why: the initial time (Vensim's output does not follow its
    // documentation), calendar measures (Vensim's time labels), arguments that are not numbers.
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"GET TIME VALUE(1, 0, 0)", "write INITIAL TIME + offset"},
        {"GET TIME VALUE(0, 2, 3)", "measure 3 (the month) counts calendar dates"},
        {"GET TIME VALUE(1, 0, 5)", "measure 5 (the day of the week)"},
        {"GET TIME VALUE(0, 0, 11)", "measure must be a whole number from 0 to 10"},
        {"GET TIME VALUE(3, 0, 0)", "relative to must be 0 (Time), 1 (INITIAL TIME) or 2 (clock)"},
        {"GET TIME VALUE(0, 0, 1e300)", "measure must be a whole number"},
        {"GET TIME VALUE(Time, 0, 0)", "must be numbers, not expressions"}};
    for (const auto& [equation, why] : refused) {
        INFO(equation);
        diag::Diagnostics e;
        mdl::readString(modelText("x = " + equation + " ~~|"), e, "t.mdl");
        REQUIRE(e.errorCount() == 1);
        CHECK(e.items().front().code == std::string(diag::code::kUnsupported));
        CHECK(e.items().front().message.find(why) != std::string::npos);
    }
}

TEST_CASE("vensim functions: DELAY N and SMOOTH N take an order given by an expression of constants",
          "[vensim][functions]") {
    // Order base + 1 = 3 with delay time 3 and DT 1: three stages of one DT each, a pipeline of three steps.
    // Input 6 from the start, initial value 0: the output is 0, 0, 0, then 6.
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("base = 2 ~~|\nextra = base * 1 ~~|\n"
                                          "x = DELAY N(6, 3, 0, extra + 1) ~~|\n"
                                          "s = SMOOTH N(6, 3, 0, base + 1) ~~|"),
                                d);
    CHECK(test::valueAt(r, "x", 0) == 0);
    CHECK(test::valueAt(r, "x", 2) == 0);
    CHECK(test::valueAt(r, "x", 3) == 6);
    CHECK(test::valueAt(r, "x", 4) == 6);
    // SMOOTH N of order 3, stage time 1 = DT: each stage takes its input's previous value; 0, 0, 0, 6.
    CHECK(test::valueAt(r, "s", 2) == 0);
    CHECK(test::valueAt(r, "s", 3) == 6);
    for (const auto& w : d.items()) CHECK(w.code != std::string(diag::code::kOrderLowered));
}

// Vensim fixes the order at its value at the start: test-models smooth and subscripted_smooth, whose order is
// 2 + STEP(1, 10), match Vensim's output in every value read so (they were refused with E209).
TEST_CASE("vensim functions: an order that changes with Time takes its value at the start, with a warning",
          "[vensim][functions]") {
    // SMOOTH N of order 2 + STEP(1, 2) = 2 at the start, smoothing time 3, DT 1: two stages of 1.5.
    // s1: 0, 4, 16/3; s2: 0, 0, 8/3, 8/3 + (16/3 - 8/3) / 1.5 = 40/9. (Order 3 would give 0, 0, 0, 6.)
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("s = SMOOTH N(6, 3, 0, 2 + STEP(1, 2)) ~~|\n"
                                          "x = DELAY N(6, 3, 0, Time + 3) ~~|"),
                                d);
    CHECK(test::valueAt(r, "s", 1) == Approx(0));
    CHECK(test::valueAt(r, "s", 2) == Approx(8.0 / 3));
    CHECK(test::valueAt(r, "s", 3) == Approx(40.0 / 9));
    CHECK(test::valueAt(r, "x", 2) == 0);  // order 3 (Time is 0 at the start): out after three steps
    CHECK(test::valueAt(r, "x", 3) == 6);
    size_t warned = 0;
    for (const auto& w : d.items())
        if (w.code == std::string(diag::code::kOrderLowered) &&
            w.message.find("changes with Time") != std::string::npos)
            ++warned;
    CHECK(warned == 2);
}

TEST_CASE("vensim functions: an order that is no number fixed at the start is refused",
          "[vensim][functions]") {
    diag::Diagnostics d;
    auto p =
        mdl::readString(modelText("level = INTEG(1, 2) ~~|\nx = DELAY N(6, 3, 0, level) ~~|"), d, "t.mdl");
    REQUIRE(p);
    REQUIRE_FALSE(compile::compileModel(*p, d));
    REQUIRE(d.errorCount() == 1);
    CHECK(d.items().front().code == std::string(diag::code::kBadArgument));
    CHECK(d.items().front().where == "x");
    CHECK(d.items().front().message.find("must be a number between 1 and 1000 from constants") !=
          std::string::npos);
}

TEST_CASE("vensim functions: DELAY N with a delay time short against TIME STEP lowers its order",
          "[vensim][functions]") {
    // Delay 1.5 with DT 1 at order 3: stages of 0.5 DT would swing in sign each step. As Vensim, the order
    // drops to 1 (the largest n with n x DT <= 1.5) and a warning says so. Order 1, stage 1.5, initial 6:
    // level 9; input 6 until time 2 then 0: out 6, 6, 6, then level 9 - 6 = 3 -> 2, then 3 - 2 = 1 -> 2/3.
    diag::Diagnostics d;
    const auto r =
        test::runMdl(modelText("input = 6 - STEP(6, 2) ~~|\nx = DELAY N(input, 1.5, 6, 3) ~~|"), d);
    CHECK(test::valueAt(r, "x", 2) == Approx(6));
    CHECK(test::valueAt(r, "x", 3) == Approx(2));
    CHECK(test::valueAt(r, "x", 4) == Approx(2.0 / 3));
    bool warned = false;
    for (const auto& w : d.items())
        warned = warned || (w.code == std::string(diag::code::kOrderLowered) && w.where == "x");
    CHECK(warned);
}

// Vensim's reference guide (DELAY N): "the output of the DELAY N function depends only on the values delay
// time had in previous Time Steps", and the delay conserves. test-models `delays` (Vensim's output, order 2,
// delay time 4 + STEP(2, 15)) has 3.94971 at t = 15, where the delay time first is 6, and 2.20442 at t = 16.
TEST_CASE("vensim functions: DELAY N's output reads the delay time of the previous step and conserves",
          "[vensim][functions]") {
    // Order 2, input 6, initial 6, delay time 2 then 4 from t = 2, DT 1. Stages L0 = L1 = 6 x (2 / 2) = 6.
    // t = 2: out = L1 / (2 / 2) = 6 (the previous step's delay time; 3 if the new one were read); the first
    //   stage empties at the new stage time 2: f0 = 3, f1 = 6, so L0 = 6 + 6 - 3 = 9, L1 = 6 + 3 - 6 = 3.
    // t = 3: out = 3 / (4 / 2) = 1.5; f0 = 4.5, so L0 = 10.5, L1 = 3 + 4.5 - 1.5 = 6. t = 4: out = 6 / 2 = 3.
    // In transit (input minus output, from 12): 12, 12, 12, 12, then 12 + 6 - 1.5 = 16.5 = L0 + L1.
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("d = 2 + STEP(2, 2) ~~|\nx = DELAY N(6, d, 6, 2) ~~|\n"
                                          "transit = INTEG(6 - x, 12) ~~|"),
                                d);
    INFO(test::dumpDiagnostics(d));
    CHECK(test::valueAt(r, "x", 1) == Approx(6));
    CHECK(test::valueAt(r, "x", 2) == Approx(6));
    CHECK(test::valueAt(r, "x", 3) == Approx(1.5));
    CHECK(test::valueAt(r, "x", 4) == Approx(3));
    CHECK(test::valueAt(r, "transit", 3) == Approx(12));
    CHECK(test::valueAt(r, "transit", 4) == Approx(16.5));
    // Written back as Vensim text, it is Vensim's DELAY N with its own argument order.
    diag::Diagnostics w;
    const auto p = mdl::readString(modelText("d = 2 ~~|\nx = DELAY N(6, d, 6, 2) ~~|"), w, "t.mdl");
    REQUIRE(p);
    const auto text = mdl::writeString(*p, w);
    REQUIRE(text);
    CHECK(text->find("DELAY N(6, d, 6, 2)") != std::string::npos);
}

TEST_CASE("vensim functions: DELAY N lowered by a short delay time gives Vensim's first values",
          "[vensim][functions]") {
    // test-models delay_pipeline, "Output Third order Delay": DELAY N(-1 + STEP(5, 5), 1.25, 6, 3) with DT
    // 0.5. 3 x 0.5 > 1.25, so the order drops to 2: stage time 0.625, levels 6 x 0.625 = 3.75 each; a stage
    // passes 0.5 / 0.625 = 0.8 of its contents a step. Out 6; L0 = 3.75 + 0.5 (-1 - 6) = 0.25, L1 = 3.75:
    // out 6; f0 = 0.4: L0 = -0.45, L1 = 3.75 + 0.5 (0.4 - 6) = 0.95: out 1.52; f0 = -0.72: L1 = 0.95 + 0.5
    // (-0.72 - 1.52) = -0.17: out -0.272. Vensim's output: 6, 6, 1.52, -0.272 (Euler steps of the lowered
    // order never swing between 6 and -6 as stages of 0.83 DT would).
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("x = DELAY N(-1 + STEP(5, 5), 1.25, 6, 3) ~~|", 2, 0.5), d);
    CHECK(test::valueAt(r, "x", 0) == Approx(6));
    CHECK(test::valueAt(r, "x", 1) == Approx(6));
    CHECK(test::valueAt(r, "x", 2) == Approx(1.52));
    CHECK(test::valueAt(r, "x", 3) == Approx(-0.272));
}

// Vensim's reference guide (SMOOTH N): "delay time must be bigger than order* TIME STEP. If this is not the
// case Vensim will issue a warning and automatically reduce the order so that this is true".
TEST_CASE("vensim functions: SMOOTH N with a smoothing time short against TIME STEP lowers its order",
          "[vensim][functions]") {
    // Order 3, smoothing time 1.5, DT 1: stages of 0.5 DT would overshoot, so the order drops to 1 (1 x DT <=
    // 1.5). From 0 towards an input of 6: s = 0, then 0 + (6 - 0) / 1.5 = 4, 4 + 2 / 1.5 = 16/3, then
    // 16/3 + (2/3) / 1.5 = 52/9. (Order 3 would still be 0 at t = 1.)
    diag::Diagnostics d;
    const auto r = test::runMdl(modelText("x = SMOOTH N(6, 1.5, 0, 3) ~~|"), d);
    CHECK(test::valueAt(r, "x", 0) == Approx(0));
    CHECK(test::valueAt(r, "x", 1) == Approx(4));
    CHECK(test::valueAt(r, "x", 2) == Approx(16.0 / 3));
    CHECK(test::valueAt(r, "x", 3) == Approx(52.0 / 9));
    bool warned = false;
    for (const auto& w : d.items())
        warned = warned || (w.code == std::string(diag::code::kOrderLowered) && w.where == "x" &&
                            w.message.find("SMOOTH N of order 3 with a smoothing time") != std::string::npos);
    CHECK(warned);
}
