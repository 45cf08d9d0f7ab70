// Vensim's RANDOM functions truncate to [min, max]: a draw outside is drawn again, so no value piles up at a
// bound (sdw used to clip, putting every draw outside on the bound). RANDOM TRIANGULAR and RANDOM 0 1 are
// read; the interpreter and the native code draw the same numbers; bounds no draw can meet stop the run.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tests/solver/mdl_test_util.hpp"

using namespace sdw;

namespace {

// 20,001 draws: one per step of Time 0..20000.
std::string modelText(const std::string& equation) {
    return "{UTF-8}\nx = " + equation +
           " ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 20000 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n";
}

struct Sample {
    double mean = 0, sd = 0, lo = INFINITY, hi = -INFINITY;
    int atBound = 0;  // draws exactly on a bound
};

Sample draws(const std::string& equation, double lo, double hi, sim::Engine engine = sim::Engine::Interpreter,
             sim::RunResult* out = nullptr) {
    diag::Diagnostics d;
    auto p = mdl::readString(modelText(equation), d, "random.mdl");
    INFO(test::dumpDiagnostics(d));
    REQUIRE(p);
    sim::RunResult r = test::runOn(*p, engine);
    const size_t n = r.rows();
    Sample s;
    double sum = 0, sum2 = 0;
    for (size_t row = 0; row < n; ++row) {
        const double v = test::valueAt(r, "x", row);
        sum += v;
        sum2 += v * v;
        s.lo = std::min(s.lo, v);
        s.hi = std::max(s.hi, v);
        s.atBound += v == lo || v == hi;
    }
    s.mean = sum / static_cast<double>(n);
    s.sd = std::sqrt(sum2 / static_cast<double>(n) - s.mean * s.mean);
    if (out) *out = std::move(r);
    return s;
}

}  // namespace

TEST_CASE("vensim random: RANDOM NORMAL is truncated to its bounds, not clipped onto them",
          "[vensim][random]") {
    // A standard normal truncated to [-0.5, 0.5]: mean 0; variance 1 - 2a phi(a) / (2 Phi(a) - 1) at a = 0.5,
    // phi(0.5) = 0.352065, Phi(0.5) = 0.691462: 1 - 0.352065 / 0.382925 = 0.080590, sd 0.28388. Clipping
    // would put 62% of the draws on the bounds and give an sd of about 0.42.
    const Sample s = draws("RANDOM NORMAL(-0.5, 0.5, 0, 1, 7)", -0.5, 0.5);
    CHECK(s.lo >= -0.5);
    CHECK(s.hi <= 0.5);
    CHECK(s.atBound == 0);
    CHECK(s.mean == Approx(0).margin(0.01));
    CHECK(s.sd == Approx(0.28388).margin(0.005));
}

TEST_CASE("vensim random: RANDOM EXPONENTIAL and RANDOM POISSON truncate after the shift and stretch",
          "[vensim][random]") {
    // 1 + Exp(1) kept within [1, 2]: Exp(1) truncated to [0, 1] has mean (1 - 2/e) / (1 - 1/e) = 0.418023.
    const Sample e = draws("RANDOM EXPONENTIAL(1, 2, 1, 1, 3)", 1, 2);
    CHECK(e.lo >= 1);
    CHECK(e.hi <= 2);
    CHECK(e.mean == Approx(1.418023).margin(0.01));
    // 10 + 2 Poisson(3) kept within [12, 16]: Poisson counts 1, 2, 3 with weights 3, 4.5, 4.5 (3^k / k!, the
    // e^-3 cancelling): mean (3 + 9 + 13.5) / 12 = 2.125, so 10 + 2 x 2.125 = 14.25.
    const Sample p = draws("RANDOM POISSON(12, 16, 3, 10, 2, 5)", 12, 16);
    CHECK(p.lo == 12);
    CHECK(p.hi == 16);
    CHECK(p.mean == Approx(14.25).margin(0.03));
}

TEST_CASE("vensim random: RANDOM TRIANGULAR and RANDOM 0 1 are read", "[vensim][random]") {
    // A triangle from 0 to 2 peaking at 0, kept within [0, 1]: density in proportion to 2 - x there, mean
    // (1 - 1/3) / (2 - 1/2) = 4/9.
    const Sample t = draws("RANDOM TRIANGULAR(0, 1, 0, 0, 2, 11)", 0, 1);
    CHECK(t.lo >= 0);
    CHECK(t.hi <= 1);
    CHECK(t.mean == Approx(4.0 / 9).margin(0.01));
    // Uniform on [0, 1): mean 1/2, sd 1/sqrt(12) = 0.288675.
    const Sample u = draws("RANDOM 0 1()", 0, 1);
    CHECK(u.lo >= 0);
    CHECK(u.hi < 1);
    CHECK(u.mean == Approx(0.5).margin(0.01));
    CHECK(u.sd == Approx(0.288675).margin(0.005));
}

TEST_CASE("vensim random: the native code draws the interpreter's truncated numbers", "[vensim][random]") {
    sim::RunResult a, b;
    draws("RANDOM NORMAL(-0.5, 0.5, 0, 1, 7) + RANDOM TRIANGULAR(0, 1, 0, 0, 2, 11)", 0, 0,
          sim::Engine::Interpreter, &a);
    draws("RANDOM NORMAL(-0.5, 0.5, 0, 1, 7) + RANDOM TRIANGULAR(0, 1, 0, 0, 2, 11)", 0, 0,
          sim::Engine::Compiled, &b);
    CHECK(a.data == b.data);
}

TEST_CASE("vensim random: bounds no draw can meet stop the run, naming the variable", "[vensim][random]") {
    diag::Diagnostics d;
    auto p = mdl::readString(modelText("RANDOM NORMAL(5, 6, 0, 0.1, 7)"), d, "random.mdl");
    REQUIRE(p);
    auto cm = compile::compileModel(*p, d);
    REQUIRE(cm);
    const sim::RunResult r = sim::simulate(*cm);
    CHECK_FALSE(r.ok());
    const std::string text = test::dumpDiagnostics(r.diagnostics);
    CHECK(text.find("E301") != std::string::npos);
    CHECK(text.find("'x'") != std::string::npos);
}
