// The compiled engine (solver/jit) on the Vensim functions of issue 12: the hyperbolic functions, INTEGER and
// QUANTUM compile and give the interpreter's bits; the array functions have no C form, so a forced compiled
// run is refused (E601) and auto runs the interpreter with W601 and the interpreter's numbers.
#include <catch2/catch.hpp>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

const char* kControl = "INITIAL TIME = 0 ~~|\nFINAL TIME = 1000 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 1 ~~|\n";

std::shared_ptr<const compile::CompiledModel> compileMdl(const std::string& equations, diag::Diagnostics& d) {
    auto p = mdl::readString("{UTF-8}\n" + equations + kControl, d, "engine.mdl");
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    INFO(test::dumpDiagnostics(d));
    REQUIRE(cm);
    return cm;
}

// Runs `spec` with the interpreter and then forced compiled; both must succeed with the same numbers. Returns
// the compiled run.
sim::RunResult sameOnBothEngines(const compile::CompiledModel& cm, sim::RunSpec spec) {
    spec.engine = sim::Engine::Interpreter;
    const sim::RunResult a = sim::simulate(cm, spec);
    spec.engine = sim::Engine::Compiled;
    sim::RunResult b = sim::simulate(cm, spec);
    INFO(test::dumpDiagnostics(b.diagnostics));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(b.engine == sim::Engine::Compiled);
    CHECK(a.data == b.data);
    return b;
}

bool hasCode(const diag::Diagnostics& d, const char* code) {
    for (const auto& x : d.items())
        if (x.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("vensim engine: SINH, COSH, TANH, INTEGER, QUANTUM and MODULO compile to the interpreter's numbers",
          "[vensim][engine]") {
    diag::Diagnostics d;
    const auto cm = compileMdl(
        "x = Time / 400 - 1.2 ~~|\nh = SINH(x) + COSH(x) * TANH(x) ~~|\n"
        "i = INTEGER(x * 3) ~~|\nq = QUANTUM(Time - 7.5, 2) + QUANTUM(-Time, 0) ~~|\n"
        "m = MODULO(Time - 500, 7) ~~|\n",
        d);
    const sim::RunResult b = sameOnBothEngines(*cm, {});
    // Hand-worked at Time 0: x = -1.2; INTEGER(-3.6) = -3 (toward zero); QUANTUM(-7.5, 2) = 2 *
    // INTEGER(-3.75) = -6, and QUANTUM(a, 0) is a itself (-0).
    CHECK(test::valueAt(b, "i") == -3);
    CHECK(test::valueAt(b, "q") == -6);
    CHECK(test::valueAt(b, "m") == -3);  // MODULO(-500, 7): -500 = -71 x 7 - 3
    CHECK(test::valueAt(b, "h") == Approx(std::sinh(-1.2) + std::cosh(-1.2) * std::tanh(-1.2)));
}

TEST_CASE("vensim engine: array functions run in the interpreter, a forced compiled run is refused",
          "[vensim][engine]") {
    diag::Diagnostics d;
    const auto cm = compileMdl(
        "d : d1, d2, d3 ~~|\nvals[d1] = 3 + Time ~~|\nvals[d2] = 1 ~~|\nvals[d3] = 2 ~~|\n"
        "rank[d] = VECTOR RANK(vals[d], 1) ~~|\n",
        d);
    sim::RunSpec spec;
    spec.engine = sim::Engine::Compiled;
    const sim::RunResult forced = sim::simulate(*cm, spec);
    CHECK(forced.status == sim::RunStatus::Failed);
    CHECK(hasCode(forced.diagnostics, diag::code::kNativeFailed));
    CHECK(test::dumpDiagnostics(forced.diagnostics).find("array function") != std::string::npos);
    spec.engine = sim::Engine::Auto;  // 2,001 evaluations: auto would compile
    const sim::RunResult fallback = sim::simulate(*cm, spec);
    INFO(test::dumpDiagnostics(fallback.diagnostics));
    REQUIRE(fallback.ok());
    CHECK(fallback.engine == sim::Engine::Interpreter);
    CHECK(hasCode(fallback.diagnostics, diag::code::kNativeFallback));
    // vals 3, 1, 2 at Time 0: ascending ranks 3, 1, 2.
    CHECK(test::valueAt(fallback, "rank[d1]") == 3);
    CHECK(test::valueAt(fallback, "rank[d2]") == 1);
    CHECK(test::valueAt(fallback, "rank[d3]") == 2);
    spec.engine = sim::Engine::Interpreter;
    CHECK(sim::simulate(*cm, spec).data == fallback.data);
}

TEST_CASE("vensim engine: DELAY N whose delay time changes runs compiled to the interpreter's numbers",
          "[vensim][engine]") {
    // The previous step's delay time is a state the runner keeps for both engines; Euler and RK4.
    diag::Diagnostics d;
    const auto cm = compileMdl(
        "d = 4 + STEP(2, 15) - STEP(3, 400) ~~|\n"
        "x = DELAY N(-1 + STEP(5, 5) + Time / 100, d, 6, 3) ~~|\n",
        d);
    for (const auto method : {sim::Method::Euler, sim::Method::RungeKutta4}) {
        sim::RunSpec spec;
        spec.method = method;
        CHECK(test::valueAt(sameOnBothEngines(*cm, spec), "x") == 6);  // the initial value at the start
    }
}
