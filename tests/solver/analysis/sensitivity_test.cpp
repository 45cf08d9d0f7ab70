// Tests of sensitivity analysis (solver/analysis/sensitivity): Sobol indices of the Ishigami function against
// their analytic values (as a function and as a model), Morris effects of functions worked by hand, and
// one-at-a-time swings that bracket the true baseline. Layer: tests/solver.
#include "solver/analysis/sensitivity.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "tests/solver/model_builder.hpp"

using namespace sdw;
using namespace sdw::analysis;

namespace {

// Ishigami with a = 7, b = 0.1 on [-pi, pi]^3. V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2; V1 = (1 + b
// pi^4/5)^2 / 2, V2 = a^2/8, V13 = b^2 pi^8 (1/18 - 1/50): S1 0.3139, S2 0.4424, S3 0, ST1 0.5576, ST2
// 0.4424, ST3 0.2437.
struct Ishigami {
    double v, s1, s2, st1, st3;
    Ishigami() {
        const double a = 7, b = 0.1, pi4 = std::pow(M_PI, 4), pi8 = std::pow(M_PI, 8);
        v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
        const double v1 = 0.5 * std::pow(1 + b * pi4 / 5, 2), v2 = a * a / 8,
                     v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        s1 = v1 / v;
        s2 = v2 / v;
        st1 = (v1 + v13) / v;
        st3 = v13 / v;
    }
};

double ishigami(double x1, double x2, double x3) {
    return std::sin(x1) + 7 * std::pow(std::sin(x2), 2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

Distribution uniform(double lo, double hi) {
    Distribution d;
    d.a = lo;
    d.b = hi;
    return d;
}

}  // namespace

TEST_CASE("sensitivity: Sobol indices of the Ishigami function match the analytic values", "[sensitivity]") {
    const Ishigami want;
    CHECK(want.s1 == Approx(0.3139).margin(1e-4));  // the published values, as a check of the formulas above
    CHECK(want.st3 == Approx(0.2437).margin(1e-4));
    const auto f = [](const std::vector<std::vector<double>>& pts) {
        std::vector<std::vector<double>> out;
        for (const auto& u : pts)
            out.push_back(
                {ishigami(-M_PI + 2 * M_PI * u[0], -M_PI + 2 * M_PI * u[1], -M_PI + 2 * M_PI * u[2])});
        return out;
    };
    const auto s = sobol(3, 1, 40000, 3, f);
    CHECK(s[0][0].first == Approx(want.s1).margin(0.03));
    CHECK(s[0][1].first == Approx(want.s2).margin(0.03));
    CHECK(s[0][2].first == Approx(0.0).margin(0.03));
    CHECK(s[0][0].total == Approx(want.st1).margin(0.03));
    CHECK(s[0][1].total == Approx(want.s2).margin(0.03));  // x2 acts alone: total = first
    CHECK(s[0][2].total == Approx(want.st3).margin(0.03));
}

TEST_CASE("sensitivity: Sobol indices of an Ishigami model run through the trial runner", "[sensitivity]") {
    test::Builder b(0, 1, 1);
    b.aux("x1", "0").aux("x2", "0").aux("x3", "0").aux("y", "SIN(x1) + 7 * SIN(x2)^2 + 0.1 * x3^4 * SIN(x1)");
    CompiledTrialRunner runner(b.project, {});
    REQUIRE(runner.ok());
    std::vector<UncertainInput> inputs;
    for (const char* n : {"x1", "x2", "x3"}) inputs.push_back({n, uniform(-M_PI, M_PI)});
    ModelScorer scorer(inputs, {"y"}, runner, {});
    const auto s = sobol(3, 1, 4000, 9, scorer.function());
    CHECK(scorer.runs() == 4000 * 5);
    CHECK(scorer.failures().empty());
    const Ishigami want;
    CHECK(s[0][0].first == Approx(want.s1).margin(0.08));
    CHECK(s[0][1].first == Approx(want.s2).margin(0.08));
    CHECK(s[0][2].total == Approx(want.st3).margin(0.08));
}

TEST_CASE("sensitivity: Morris effects of a linear and a square term worked by hand", "[sensitivity]") {
    // f = 2 x1 + x3^2 on [0,1]^3: x1's effect is 2 everywhere, x2 has none, x3's (x+d)^2 - x^2 over d = 2x +
    // d varies with where the step starts.
    const auto f = [](const std::vector<std::vector<double>>& pts) {
        std::vector<std::vector<double>> out;
        for (const auto& u : pts) out.push_back({2 * u[0] + u[2] * u[2]});
        return out;
    };
    const auto m = morris(3, 1, 20, 4, 1, f);
    CHECK(m[0][0].muStar == Approx(2.0));
    CHECK(m[0][0].sigma == Approx(0.0).margin(1e-12));
    CHECK(m[0][1].muStar == Approx(0.0).margin(1e-12));
    CHECK(m[0][2].sigma > 0.1);
    // 4 levels: jump 2/3, starts at 0 or 1/3: effects 2/3 or 4/3 (from 0 or 1/3 up), mean within [2/3, 4/3].
    CHECK(m[0][2].muStar >= 2.0 / 3 - 1e-12);
    CHECK(m[0][2].muStar <= 4.0 / 3 + 1e-12);
    CHECK(m[0][0].effects == 20);
}

TEST_CASE("sensitivity: one at a time swings bracket the true baseline and only the varied input changes",
          "[sensitivity]") {
    // s(10) = 100 (1 - k)^10 (Euler, dt 1); the unrelated constant j changes nothing.
    test::Builder b(0, 10, 1);
    b.stock("s", "100", {}, {"outflow"})
        .flow("outflow", "k * s")
        .aux("k", "0.1")
        .aux("j", "3")
        .aux("k2", "j * 0");
    CompiledTrialRunner runner(b.project, {});
    std::vector<TornadoBar> bars;
    std::vector<FailedRun> failures;
    std::string error;
    REQUIRE(oneAtATime({{"j", 1, 5}, {"k", 0.05, 0.2}}, {"s"}, runner, {}, bars, failures, error));
    REQUIRE(bars.size() == 2);
    CHECK(bars[0].parameter == "k");  // widest first
    CHECK(bars[0].baseline == Approx(100 * std::pow(0.9, 10)));
    CHECK(bars[0].outcomeLow == Approx(100 * std::pow(0.95, 10)));
    CHECK(bars[0].outcomeHigh == Approx(100 * std::pow(0.8, 10)));
    CHECK(bars[0].outcomeHigh < bars[0].baseline);
    CHECK(bars[0].baseline < bars[0].outcomeLow);
    CHECK(bars[1].swing == 0);
    CHECK(failures.empty());
    CHECK_FALSE(oneAtATime({{"k2", 0, 1}}, {"s"}, runner, {}, bars, failures, error));
    CHECK(error.find("computed by an equation") != std::string::npos);
}
