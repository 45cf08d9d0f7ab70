// The native Euler loop computes once, when it starts, what every step would compute the same
// (solver/jit/invariants): which instructions qualify, on a compiled model and on hand-made programs for the
// edge cases, and that the loop still gives the interpreter's numbers to the bit on both builds (libtcc and
// the system C compiler). Layer: tests/solver.
#include <catch2/catch.hpp>

#include "solver/jit/cc_build.hpp"
#include "solver/jit/invariants.hpp"
#include "tests/solver/engine_compare.hpp"
#include "tests/solver/model_builder.hpp"
#include "tests/solver/scoped_env.hpp"

using namespace sdw;
using compile::Instr;
using compile::Op;

namespace {

// Whether the instruction that writes `name`'s slot was found invariant.
bool onceFor(const compile::CompiledModel& cm, const std::vector<bool>& once, const std::string& name) {
    const int slot = cm.findSlot(name);
    REQUIRE(slot >= 0);
    for (size_t i = 0; i < cm.m_stepProgram.size(); ++i)
        if (cm.m_stepProgram[i].dst == static_cast<uint32_t>(slot)) return once[i];
    FAIL("no instruction writes " << name);
    return false;
}

}  // namespace

TEST_CASE("jit invariants: values of constants only are computed once, time, stocks and draws each step",
          "[engine][jit]") {
    test::Builder b(0, 20, 0.25);
    b.stock("x", "100", {"inflow"}, {"outflow"})
        .flow("inflow", "rate * growth_room")
        .flow("outflow", "x * LN(2) / halflife")
        .aux("halflife", "8")
        .aux("rate", "LN(base) / halflife + MAX(base, 1)")
        .aux("base", "3")
        .aux("growth_room", "rate * 2 + STEP(1, 5)")
        .aux("clock", "TIME * rate")
        .aux("noise", "RANDOM(0, rate, 7)");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    INFO(test::formatAll(d));
    REQUIRE(cm);
    const auto once = jit::detail::loopInvariant(*cm);
    REQUIRE(once.size() == cm->m_stepProgram.size());
    CHECK(onceFor(*cm, once, "rate"));
    CHECK_FALSE(onceFor(*cm, once, "growth_room"));  // STEP reads the time
    CHECK_FALSE(onceFor(*cm, once, "clock"));
    CHECK_FALSE(onceFor(*cm, once, "noise"));             // a draw each step
    CHECK_FALSE(onceFor(*cm, once, "outflow"));           // reads the stock
    CHECK_FALSE(onceFor(*cm, once, "inflow"));            // reads growth_room
    CHECK(test::compareEngines(*cm, {}, nullptr) == "");  // libtcc, or cc when the engine picks it
    if (!jit::detail::systemCompiler().empty()) {
        test::ScopedEnv cache("SDW_NATIVE_CACHE", SDW_BINARY_DIR "/native-cache-tests");
        sim::RunSpec spec;
        spec.vars = {"clock", "rate"};  // a once-computed value saved in every row
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
    }
}

TEST_CASE("jit invariants: a value read before it is written, or written twice, stays in the step",
          "[engine][jit]") {
    compile::CompiledModel cm;
    const uint32_t c = 5, a = 6, b = 7, early = 8, x = 9, y = 10, twice = 11;
    cm.m_slotCount = 12;
    cm.m_isStockSlot.assign(cm.m_slotCount, false);
    cm.m_isConstantSlot.assign(cm.m_slotCount, false);
    cm.m_isStockSlot[x] = cm.m_isConstantSlot[c] = true;
    cm.m_stockSlots = {x};
    cm.m_stepProgram = {
        Instr{Op::Mul, {}, a, c, c, 0},      // constants only: once
        Instr{Op::Add, {}, early, b, c, 0},  // reads b before b is written: the previous step's b
        Instr{Op::Add, {}, b, c, c, 0},      // so b must be computed each step
        Instr{Op::Mul, {}, y, x, a, 0},      // reads the stock
        Instr{Op::Add, {}, twice, a, a, 0},  // written twice (a clamp after it): each step
        Instr{Op::ClampNonNeg, {}, twice, twice, 0, 0},
        Instr{Op::Div, {}, early + 0, a, c, 0},  // early written twice too
    };
    const auto once = jit::detail::loopInvariant(cm);
    CHECK(once == std::vector<bool>{true, false, false, false, false, false, false});
}

namespace {

// A model with PREVIOUS states and two values no one checks (as loop scoring's are): `report`, read by
// nothing, and `spike`, infinite at t = 5; `shown` reads `hidden`, so hidden is needed at every step.
std::shared_ptr<const compile::CompiledModel> previousModel(diag::Diagnostics& d) {
    test::Builder b(0, 20, 0.25);
    b.stock("x", "1", {"growth"})
        .flow("growth", "0.1 * lagged + 0.5 * PREVIOUS(growth, 0)")
        .aux("lagged", "PREVIOUS(x, 1)")
        .aux("report", "x * 2 - PREVIOUS(x, 1)")
        .aux("spike", "1 / (TIME - 5)")
        .aux("hidden", "x / 3")
        .aux("shown", "hidden + 1");
    auto built = b.compile(d);
    if (!built) return nullptr;
    auto cm = std::make_shared<compile::CompiledModel>(*built);
    for (const char* name : {"report", "spike", "hidden"})
        std::erase(cm->m_checkSlots, static_cast<uint32_t>(cm->findSlot(name)));
    return cm;
}

}  // namespace

TEST_CASE("jit loop: PREVIOUS states, values only saved rows need, and values no one checks",
          "[engine][jit]") {
    diag::Diagnostics d;
    const auto cm = previousModel(d);
    INFO(test::formatAll(d));
    REQUIRE(cm);
    REQUIRE_FALSE(cm->m_states.empty());
    // Only what nothing reads at every step and no one checks waits for the saved steps.
    const auto saved = jit::detail::savedOnly(*cm, jit::detail::loopInvariant(*cm));
    CHECK(onceFor(*cm, saved, "report"));
    CHECK(onceFor(*cm, saved, "spike"));
    CHECK_FALSE(onceFor(*cm, saved, "hidden"));  // `shown`, checked, reads it every step
    CHECK_FALSE(onceFor(*cm, saved, "shown"));
    CHECK_FALSE(onceFor(*cm, saved, "growth"));
    CHECK_FALSE(onceFor(*cm, saved, "lagged"));
    // The native loop (it now runs a model whose states are all PREVIOUS) gives the interpreter's numbers
    // to the bit, saving every step and every fourth; spike's infinity at t = 5 stops neither engine.
    for (double saveper : {0.25, 1.0}) {
        INFO("saveper " << saveper);
        sim::RunSpec spec;
        spec.saveper = saveper;
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
        spec.engine = sim::Engine::Compiled;
        const sim::RunResult r = sim::simulate(*cm, spec);
        REQUIRE(r.ok());
        CHECK(r.rows() == static_cast<size_t>(20 / saveper) + 1);
        CHECK(std::isinf(r.at(static_cast<size_t>(5 / saveper), static_cast<size_t>(r.column("spike")))));
    }
    if (!jit::detail::systemCompiler().empty()) {  // the optimised build checks in its own way
        test::ScopedEnv cache("SDW_NATIVE_CACHE", SDW_BINARY_DIR "/native-cache-tests");
        sim::RunSpec spec;
        spec.saveper = 1;
        CHECK(test::compareEngines(*cm, spec, nullptr) == "");
    }
}

// A run of a model some of whose visible values are not checked (a loop-scoring model's score columns, which
// may be NaN): the checked values outside the row are tested as one sum of (x - x) in libtcc's code and, in
// the optimised build, swept where they stand in long stretches between the unchecked ones (c_source.cpp's
// check()). A NaN in any checked value stops the run at the interpreter's step, naming it; the unchecked
// values' NaNs stop nothing.
TEST_CASE("jit: a NaN among checked values beside unchecked ones stops the run at the interpreter's step",
          "[engine][jit][nan]") {
    const auto modelWith = [](int bad) {
        test::Builder b(0, 10, 0.5);
        b.stock("x", "1", {"in"}, {}).flow("in", "0.5");
        for (int i = 0; i < 40; ++i)  // c00 .. c39, in slot order: a stretch of checked values
            b.aux("c" + std::string(i < 10 ? "0" : "") + std::to_string(i),
                  i == bad ? "IF TIME < 6 THEN 1 ELSE SQRT(-1)" : "x * " + std::to_string(i + 1));
        for (int i = 0; i < 5; ++i) b.aux("u" + std::to_string(i), "SQRT(-x)");  // NaN, never checked
        return b;
    };
    const auto builds = [](auto each) {
        {
            test::ScopedEnv tcc("SDW_CC", "none");
            INFO("libtcc");
            each();
        }
        if (!jit::detail::systemCompiler().empty()) {
            test::ScopedEnv cache("SDW_NATIVE_CACHE", SDW_BINARY_DIR "/native-cache-tests");
            INFO("cc");
            each();
        }
    };
    for (int bad : {-1, 0, 17, 39}) {
        INFO("bad c" << bad);
        test::Builder b = modelWith(bad);
        diag::Diagnostics d;
        auto compiled = b.compile(d);
        REQUIRE(compiled);
        compile::CompiledModel cm = *compiled;
        for (int i = 0; i < 5; ++i)
            std::erase(cm.m_checkSlots, static_cast<uint32_t>(cm.findSlot("u" + std::to_string(i))));
        for (const std::vector<std::string>& vars : {std::vector<std::string>{"x"}, {"x", "u0", "u3"}}) {
            INFO(vars.size() << " columns kept");
            sim::RunSpec spec;
            spec.vars = vars;
            builds([&] {
                CHECK(test::compareEngines(cm, spec, nullptr) == "");
                if (bad < 0) {
                    sim::RunSpec compiledSpec = spec;
                    compiledSpec.engine = sim::Engine::Compiled;
                    const sim::RunResult r = sim::simulate(cm, compiledSpec);
                    CHECK(r.ok());
                    CHECK(r.rows() == 21);
                } else {
                    const diag::Diagnostic stop = test::compiledStopsOnNonFinite(cm, spec);
                    CHECK(stop.time == Approx(6));
                    CHECK(stop.where == "c" + std::string(bad < 10 ? "0" : "") + std::to_string(bad));
                }
            });
        }
    }
}
