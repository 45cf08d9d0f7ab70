// Tests of the input distributions (solver/analysis/distribution): parsing and its errors, quantiles against
// closed forms and tables, truncation at a range, the incomplete beta and Student t against tables.
// Layer: tests/solver.
#include "solver/analysis/distribution.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace sdw::analysis;

namespace {
Distribution parsed(const std::string& text) {
    std::string error;
    auto d = parseDistribution(text, error);
    INFO(error);
    REQUIRE(d);
    return *d;
}
std::string refusal(const std::string& text) {
    std::string error;
    CHECK_FALSE(parseDistribution(text, error));
    return error;
}
}  // namespace

TEST_CASE("distribution: each kind parses and writes back the same text", "[distribution]") {
    for (const char* t :
         {"uniform(0.2,0.4)", "triangular(1,2,4)", "normal(10,2)", "lognormal(3,1.5)", "beta(2,5,0,100)"})
        CHECK(formatDistribution(parsed(t)) == t);
    CHECK(parsed(" Triangular( 1 , 2 , 4 ) ").kind == Distribution::Kind::Triangular);
}

TEST_CASE("distribution: mistakes are refused with what is wrong", "[distribution]") {
    CHECK(refusal("triangular(1,5,4)").find("lo <= mode <= hi") != std::string::npos);
    CHECK(refusal("normal(1,0)").find("sd above 0") != std::string::npos);
    CHECK(refusal("uniform(3,2)").find("lo below hi") != std::string::npos);
    CHECK(refusal("gamma(1,2)").find("unknown distribution 'gamma'") != std::string::npos);
    CHECK(refusal("normal(1)").find("normal(mean,sd)") != std::string::npos);
    CHECK(refusal("uniform(a,2)").find("'a' is not a number") != std::string::npos);
    CHECK(refusal("uniform 1 2").find("name(numbers)") != std::string::npos);
    CHECK(refusal("lognormal(-1,1)").find("mean and sd above 0") != std::string::npos);
}

TEST_CASE("distribution: quantiles match closed forms", "[distribution]") {
    CHECK(parsed("uniform(2,6)").quantile(0.25) == Approx(3.0));
    // triangular(0,1,4): F(x) = x^2/4 up to the mode; the median solves 1 - (4-x)^2/12 = 0.5.
    CHECK(parsed("triangular(0,1,4)").quantile(0.2) == Approx(std::sqrt(0.8)));
    CHECK(parsed("triangular(0,1,4)").quantile(0.5) == Approx(4 - std::sqrt(6.0)));
    // The standard normal's 97.5th percentile is 1.959963985 (tables).
    CHECK(normalQuantile(0.975) == Approx(1.959963984540054).epsilon(1e-12));
    CHECK(normalQuantile(0.001) == Approx(-3.090232306167813).epsilon(1e-10));
    CHECK(parsed("normal(10,2)").quantile(0.975) == Approx(10 + 2 * 1.959963984540054));
    // lognormal with mean 3, sd 1.5: sigma^2 = ln(1.25), mu = ln 3 - sigma^2/2; the median is exp(mu).
    const double s2 = std::log(1.25);
    CHECK(parsed("lognormal(3,1.5)").median() == Approx(std::exp(std::log(3.0) - s2 / 2)));
    // beta(2,2) on [0,1]: F(x) = 3x^2 - 2x^3, so F(0.25) = 0.15625; on [0,100] scaled.
    CHECK(parsed("beta(2,2,0,100)").quantile(0.15625) == Approx(25.0).epsilon(1e-9));
    CHECK(parsed("beta(2,5,0,1)").cdf(0.2) ==
          Approx(0.34464).epsilon(1e-4));  // 1 - (0.8^6 + 6 x 0.2 x 0.8^5)
}

TEST_CASE("distribution: truncation keeps every draw in the range and renormalises", "[distribution]") {
    Distribution d = parsed("normal(0,1)");
    d.truncLo = 0;
    d.truncHi = 1;
    // Truncated to [0,1]: F(x) = (Phi(x) - 0.5) / (Phi(1) - 0.5); the median solves Phi(x) = 0.5 + 0.1706725.
    CHECK(d.median() == Approx(normalQuantile(0.5 + (normalCdf(1) - 0.5) / 2)));
    for (double u : {0.0, 1e-9, 0.3, 0.999999, 1.0}) {
        CHECK(d.quantile(u) >= 0);
        CHECK(d.quantile(u) <= 1);
    }
    CHECK(d.lower() == 0);
    CHECK(d.upper() == 1);
}

TEST_CASE("distribution: incomplete beta and Student t match tables", "[distribution]") {
    CHECK(incompleteBeta(2, 3, 0.4) == Approx(0.5248).epsilon(1e-9));  // 1 - (0.6^4 + 4 x 0.4 x 0.6^3)
    CHECK(incompleteBeta(0.5, 0.5, 0.5) == Approx(0.5));
    CHECK(studentT(0.95, 10) == Approx(2.228138852).epsilon(1e-7));
    CHECK(studentT(0.95, 1) == Approx(12.70620474).epsilon(1e-6));
    CHECK(studentT(0.95, 1e6) == Approx(1.959966).epsilon(1e-5));
}
