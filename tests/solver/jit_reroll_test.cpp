// Loops found again in the optimised C (solver/jit/reroll.hpp): which statements become a loop, the loop's
// text, and a model of many alike units run through the loops and straight-line (SDW_JIT_REROLL=0) giving
// the interpreter's bits, including a stop on an overflow inside a loop. Layer: tests of solver.
#include <algorithm>
#include <catch2/catch.hpp>

#include "solver/jit/c_source.hpp"
#include "solver/jit/cc_build.hpp"
#include "solver/jit/native_code.hpp"
#include "solver/jit/reroll.hpp"
#include "tests/solver/engine_compare.hpp"
#include "tests/solver/model_builder.hpp"
#include "tests/solver/scoped_env.hpp"

using namespace sdw;
using jit::detail::reroll;

namespace {

std::vector<std::string> lines(std::initializer_list<const char*> l) {
    std::vector<std::string> out;
    for (const char* s : l) out.push_back(std::string("    ") + s + "\n");
    return out;
}

// `units` chained units of a stock, a flow and three auxiliaries (like the chain1000 peer model, smaller):
// the compiled program repeats one block per unit with every slot moving by the same stride.
std::shared_ptr<const compile::CompiledModel> chain(int units, const std::string& firstGrowth) {
    test::Builder b(0, 20, 0.25);
    for (int i = 1; i <= units; ++i) {
        const std::string n = std::to_string(i), prev = std::to_string(i - 1);
        b.stock("s" + n, std::to_string(10 + i % 7), {"in" + n}, {"out" + n})
            .flow("in" + n, i == 1 ? firstGrowth : "0.5 * h" + prev + " + 1")
            .flow("out" + n, "s" + n + " / 10 * d" + n)
            .aux("a" + n, "s" + n + " * 0.02 + 1")
            .aux("d" + n, "MIN(a" + n + ", 2) / (1 + MAX(a" + n + " - 1.5, 0))")
            .aux("h" + n, "0.6 * d" + n + " + 0.4 * a" + n);
    }
    diag::Diagnostics d;
    return b.compile(d);
}

std::string loopSource(const compile::CompiledModel& cm, bool rerolled) {
    jit::NativeOptions o{true, {}, true};
    o.reroll = rerolled;
    for (const auto& c : cm.columns) o.cols.push_back(c.slot);
    return jit::detail::writeC(cm, o).text;
}

}  // namespace

TEST_CASE("reroll: a block repeated with fixed strides becomes one loop over it", "[engine][reroll]") {
    // Two statements a block, four blocks: R moves by 3, the first S by 2, S[1] stays.
    const auto in = lines({"R[5] = S[10] * S[1];", "S[40] = R[5] - 1.0;", "R[8] = S[12] * S[1];",
                           "S[41] = R[8] - 1.0;", "R[11] = S[14] * S[1];", "S[42] = R[11] - 1.0;",
                           "R[14] = S[16] * S[1];", "S[43] = R[14] - 1.0;", "R[0] = S[3];"});
    const auto out = reroll(in);
    REQUIRE(out.size() == 2);
    CHECK(out[0] ==
          "    for (long i_ = 0; i_ < 4; ++i_) {\n"
          "    R[5 + 3 * i_] = S[10 + 2 * i_] * S[1];\n"
          "    S[40 + 1 * i_] = R[5 + 3 * i_] - 1.0;\n"
          "    }\n");
    CHECK(out[1] == in[8]);
}

TEST_CASE("reroll: a slot written and read only within one copy of the block lives in a local",
          "[engine][reroll]") {
    // S[40 + i] is written, then read by the next statement of the same copy, and by nothing else.
    const auto in =
        lines({"S[40] = S[10] * 2.0;", "R[5] = S[40] + 1.0;", "S[41] = S[11] * 2.0;", "R[6] = S[41] + 1.0;",
               "S[42] = S[12] * 2.0;", "R[7] = S[42] + 1.0;", "S[43] = S[13] * 2.0;", "R[8] = S[43] + 1.0;"});
    const auto any = [](long) { return true; };
    CHECK(reroll(in, any) == std::vector<std::string>{"    for (long i_ = 0; i_ < 4; ++i_) {\n"
                                                      "    double t0_;\n"
                                                      "    t0_ = S[10 + 1 * i_] * 2.0;\n"
                                                      "    R[5 + 1 * i_] = t0_ + 1.0;\n"
                                                      "    }\n"});
    // Kept in the slots: when the caller says someone else reads it, or a statement after the loop does.
    const auto stored = "    S[40 + 1 * i_] = S[10 + 1 * i_] * 2.0;\n";
    CHECK(reroll(in, [](long) { return false; })[0].find(stored) != std::string::npos);
    auto later = in;
    later.push_back("    R[0] = S[42];\n");
    CHECK(reroll(later, any)[0].find(stored) != std::string::npos);
}

TEST_CASE("reroll: strides going down, and statements that do not repeat, are kept as they are",
          "[engine][reroll]") {
    CHECK(reroll(lines({"S[9] = R[20];", "S[8] = R[19];", "S[7] = R[18];", "S[6] = R[17];"})) ==
          std::vector<std::string>{
              "    for (long i_ = 0; i_ < 4; ++i_) {\n    S[9 - 1 * i_] = R[20 - 1 * i_];\n    }\n"});
    // Three copies only (fewer than kMinRepeats), a stride that changes, and a different constant.
    const auto few = lines({"R[1] = S[1];", "R[2] = S[2];", "R[3] = S[3];"});
    CHECK(reroll(few) == few);
    const auto uneven =
        lines({"R[1] = S[1];", "R[2] = S[2];", "R[4] = S[3];", "R[8] = S[4];", "R[16] = S[5];"});
    CHECK(reroll(uneven) == uneven);
    const auto constants =
        lines({"R[1] = S[1] * 2.0;", "R[2] = S[2] * 3.0;", "R[3] = S[3] * 4.0;", "R[4] = S[4] * 5.0;"});
    CHECK(reroll(constants) == constants);
    // A name that merely ends in R or S is not an index.
    const auto names =
        lines({"R[1] = sdw_tS[1];", "R[2] = sdw_tS[2];", "R[3] = sdw_tS[3];", "R[4] = sdw_tS[4];"});
    CHECK(reroll(names) == names);
}

TEST_CASE("reroll: a chain of alike units runs through loops with the interpreter's bits",
          "[engine][cc][reroll]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", SDW_BINARY_DIR "/native-cache-tests");
    auto cm = chain(40, "2");
    REQUIRE(cm);
    CHECK(loopSource(*cm, true).find("for (long i_ = 0;") != std::string::npos);
    CHECK(loopSource(*cm, true).find("double t0_;") != std::string::npos);  // MIN(...)'s value, say
    CHECK(loopSource(*cm, false).find("for (long i_ = 0;") == std::string::npos);
    // Nine statements a unit, forty units: a loop of nine instead of 360 (the prelude is the same).
    const auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    CHECK(count(loopSource(*cm, true)) * 2 < count(loopSource(*cm, false)));
    test::checkEveryPath(*cm, "40 chained units, loops");
    test::ScopedEnv straight("SDW_JIT_REROLL", "0");
    test::checkEveryPath(*cm, "40 chained units, straight-line");
}

// The first unit's inflow grows as exp(Time * 40), which overflows to infinity at Time 17.75 (e^710 is past
// the largest double), and the infinity runs down the chain inside the loop: the loop stops at the step
// the interpreter stops at, naming the same variable.
TEST_CASE("reroll: an overflow inside a loop stops the run at the interpreter's step",
          "[engine][cc][reroll][nan]") {
    SDW_NEEDS_CC();
    test::ScopedEnv cache("SDW_NATIVE_CACHE", SDW_BINARY_DIR "/native-cache-tests");
    auto cm = chain(30, "EXP(TIME * 40)");
    REQUIRE(cm);
    REQUIRE(loopSource(*cm, true).find("for (long i_ = 0;") != std::string::npos);
    sim::RunSpec spec;
    CHECK(test::compareEngines(*cm, spec, nullptr) == "");
    CHECK(test::compiledStopsOnNonFinite(*cm, spec).time == Approx(17.75));
}
