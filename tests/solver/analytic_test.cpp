// The integrators against analytic solutions: Euler and RK4 on exponential decay with their orders of
// convergence, RK4 on a harmonic oscillator, and PULSE moving exactly its magnitude into a stock.
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/solver/model_builder.hpp"

using namespace sdw;
using test::Builder;

namespace {
// dx/dt = -k x, x(0) = 100, k = 0.5; error at t = 4.
double decayError(const std::string& method, double dt) {
    Builder b(0, 4, dt, method);
    b.stock("x", "100", {}, {"drain"}).flow("drain", "k * x").aux("k", "0.5");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    return std::fabs(*r.finalValue("x") - 100 * std::exp(-0.5 * 4));
}
}  // namespace

TEST_CASE("sim: euler converges with order 1 on exponential decay", "[sim][analytic]") {
    const double e1 = decayError("euler", 0.1), e2 = decayError("euler", 0.05),
                 e3 = decayError("euler", 0.025);
    CHECK(e1 / e2 == Approx(2.0).margin(0.1));
    CHECK(e2 / e3 == Approx(2.0).margin(0.05));
    // Leading error term: dt * t * k^2 / 2 * x(t) = 0.025 * 4 * 0.125 * 13.53 ≈ 0.169.
    CHECK(e3 == Approx(0.025 * 4 * 0.125 * 100 * std::exp(-2.0)).epsilon(0.05));
}

TEST_CASE("sim: rk4 converges with order 4 on exponential decay", "[sim][analytic]") {
    const double e1 = decayError("rk4", 0.4), e2 = decayError("rk4", 0.2), e3 = decayError("rk4", 0.1);
    CHECK(std::log2(e1 / e2) == Approx(4.0).margin(0.2));
    CHECK(std::log2(e2 / e3) == Approx(4.0).margin(0.2));
    CHECK(e3 < 1e-5);
}

TEST_CASE("sim: rk4 keeps a harmonic oscillator on its circle", "[sim][analytic]") {
    // x'' = -x as two stocks; x(t) = cos t, v(t) = -sin t.
    Builder b(0, 2 * M_PI * 5, M_PI / 100, "rk4");
    b.stock("x", "1", {"dx"}).stock("v", "0", {"dv"}).flow("dx", "v").flow("dv", "-x");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    const auto xs = r.series("x"), vs = r.series("v"), ts = r.series("time");
    double worst = 0;
    for (size_t i = 0; i < ts.size(); ++i)
        worst = std::max({worst, std::fabs(xs[i] - std::cos(ts[i])), std::fabs(vs[i] + std::sin(ts[i]))});
    CHECK(worst < 1e-6);
    const double energy = xs.back() * xs.back() + vs.back() * vs.back();
    CHECK(energy == Approx(1.0).epsilon(1e-7));  // RK4 is not symplectic: a slow drift, 1.3e-8 here
}

TEST_CASE("sim: adaptive Dormand-Prince matches exponential decay closely", "[sim][analytic]") {
    Builder b(0, 4, 0.5, "rk45");
    b.stock("x", "100", {}, {"drain"}).flow("drain", "0.5 * x");
    sim::RunResult r = b.run();
    REQUIRE(r.ok());
    CHECK(r.rows() == 9);
    CHECK(*r.finalValue("x") == Approx(100 * std::exp(-2.0)).epsilon(1e-6));
}

TEST_CASE("sim: PULSE moves exactly its magnitude into a stock, for any dt and method", "[sim][analytic]") {
    for (const char* method : {"euler", "rk4"}) {
        for (double dt : {1.0, 0.25, 0.125, 0.1}) {
            Builder b(0, 10, dt, method);
            b.stock("s", "0", {"inflow"}).flow("inflow", "PULSE(30, 2)");
            sim::RunResult r = b.run();
            REQUIRE(r.ok());
            INFO(method << " dt=" << dt);
            CHECK(*r.finalValue("s") == Approx(30.0).epsilon(1e-12));
        }
    }
    // A repeating pulse: 5 every 2 time units from t = 1 → pulses at 1, 3, 5, 7, 9.
    Builder b(0, 10, 0.5, "euler");
    b.stock("s", "0", {"inflow"}).flow("inflow", "PULSE(5, 1, 2)");
    CHECK(*b.run().finalValue("s") == Approx(25.0));
}

TEST_CASE("sim: STEP and RAMP hold across RK4 sub-steps", "[sim][analytic]") {
    // With the hold rule, RK4 integrates a STEP exactly like Euler does (a constant rate within each step).
    for (const char* method : {"euler", "rk4"}) {
        Builder b(0, 10, 1, method);
        b.stock("s", "0", {"inflow"}).flow("inflow", "STEP(2, 3.5) + RAMP(1, 6)");
        sim::RunResult r = b.run();
        REQUIRE(r.ok());
        // STEP switches on in the step that starts at t = 4 (t >= 3.5): 2 per step for t = 4..9 → 12.
        // RAMP from 6: values at t = 7, 8, 9 are 1, 2, 3 → 6.
        INFO(method);
        CHECK(*r.finalValue("s") == Approx(18.0));
    }
}
