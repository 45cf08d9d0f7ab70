// Tests of sampling and Monte Carlo (solver/analysis/sampling, monte_carlo, trials): Latin hypercube strata,
// rank correlation, percentiles by hand, and percentile bands of exponential decay with an uncertain rate
// against the exact formula; the same seed gives the same bands on one thread and on two; failed runs are
// reported with their inputs and left out. Layer: tests/solver.
#include "solver/analysis/monte_carlo.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/solver/model_builder.hpp"

using namespace sdw;
using namespace sdw::analysis;

namespace {

Distribution dist(const std::string& text) {
    std::string error;
    auto d = parseDistribution(text, error);
    REQUIRE(d);
    return *d;
}

// dS/dt = -k S, S(0) = 100, RK4 with dt 1/16 over 10 years: within 1e-7 of 100 exp(-k t).
model::Project decayModel() {
    test::Builder b(0, 10, 0.0625, "rk4");
    b.stock("s", "100", {}, {"outflow"}).flow("outflow", "k * s").aux("k", "0.1");
    return b.project;
}

// A stock fed by NORMAL(0, 1) each step (Euler, dt 1, 20 steps): its final value is the sum of the run's own
// draws. `unused` is varied so the Monte Carlo has an input; nothing reads it.
model::Project noiseModel() {
    test::Builder b(0, 20, 1, "euler");
    b.stock("s", "0", {"inflow"}, {}).flow("inflow", "NORMAL(0, 1)").aux("unused", "1");
    return b.project;
}

}  // namespace

TEST_CASE("sampling: a Latin hypercube puts one point in each stratum of every dimension", "[mc]") {
    const auto pts = latinHypercube(50, 3, 7);
    for (size_t d = 0; d < 3; ++d) {
        std::vector<int> seen(50, 0);
        for (const auto& p : pts) ++seen[static_cast<size_t>(p[d] * 50)];
        for (int s : seen) CHECK(s == 1);
    }
    CHECK(latinHypercube(50, 3, 7) == pts);
    CHECK(latinHypercube(50, 3, 8) != pts);
}

TEST_CASE("sampling: percentiles interpolate between order statistics", "[mc]") {
    std::vector<double> v{4, 1, 3, 2, 5};
    CHECK(percentile(v, 50) == 3);
    CHECK(percentile(v, 25) == 2);
    CHECK(percentile(v, 10) == Approx(1.4));  // h = 0.4: 1 + 0.4 x (2 - 1)
    CHECK(percentile(v, 100) == 5);
}

TEST_CASE("sampling: rank correlation reaches its target and keeps the strata", "[mc]") {
    auto pts = latinHypercube(2000, 3, 11);
    std::string error;
    REQUIRE(correlateRanks(pts, {{0, 1, 0.7}, {1, 2, -0.4}}, 11, error));
    std::vector<double> x, y, z;
    for (const auto& p : pts) {
        x.push_back(p[0]);
        y.push_back(p[1]);
        z.push_back(p[2]);
    }
    CHECK(rankCorrelation(x, y) == Approx(0.7).margin(0.03));
    CHECK(rankCorrelation(y, z) == Approx(-0.4).margin(0.03));
    std::vector<int> seen(2000, 0);
    for (double v : x) ++seen[static_cast<size_t>(v * 2000)];
    for (int s : seen) CHECK(s == 1);
    CHECK_FALSE(correlateRanks(pts, {{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, -0.9}}, 1, error));
    CHECK(error.find("positive definite") != std::string::npos);
}

TEST_CASE("monte carlo: bands of exponential decay with an uncertain rate match the exact formula", "[mc]") {
    const auto project = decayModel();
    CompiledTrialRunner runner(project, {});
    REQUIRE(runner.ok());
    MonteCarloSpec spec;
    spec.inputs = {{"k", dist("uniform(0.05,0.15)")}};
    spec.runs = 2000;
    spec.seed = 42;
    spec.vars = {"s"};
    spec.percentiles = {5, 50, 95};
    MonteCarloResult r;
    std::string error;
    REQUIRE(runMonteCarlo(spec, runner, {}, r, error));
    REQUIRE(r.columns == std::vector<std::string>{"Time", "s[p5]", "s[p50]", "s[p95]"});
    CHECK(r.okRuns == 2000);
    // S falls as k rises, so S's p-th percentile is the decay at k's (100-p)-th: k_q = 0.05 + 0.1 q.
    for (size_t row = 0; row < r.rows(); row += 16) {
        const double t = r.data[row * 4];
        for (size_t j = 0; j < 3; ++j) {
            const double p = spec.percentiles[j] / 100;
            const double exact = 100 * std::exp(-(0.05 + 0.1 * (1 - p)) * t);
            CHECK(r.data[row * 4 + 1 + j] == Approx(exact).epsilon(2e-3));
        }
    }
}

TEST_CASE("monte carlo: the same seed gives the same bands on one core and on two", "[mc]") {
    const auto project = decayModel();
    CompiledTrialRunner runner(project, {});
    MonteCarloSpec spec;
    spec.inputs = {{"k", dist("normal(0.1,0.02)")}};
    spec.runs = 64;
    spec.seed = 5;
    spec.vars = {"s"};
    MonteCarloResult one, two;
    std::string error;
    TrialOptions o;
    o.threads = 1;
    REQUIRE(runMonteCarlo(spec, runner, o, one, error));
    o.threads = 2;
    REQUIRE(runMonteCarlo(spec, runner, o, two, error));
    CHECK(one.data == two.data);
    CHECK(one.samples == two.samples);
}

TEST_CASE("monte carlo: a failed run is reported with its inputs and left out of the bands", "[mc]") {
    // sqrt of a negative rate is NaN: runs with k < 0 stop (E301); the others finish.
    test::Builder b(0, 4, 1);
    b.stock("s", "100", {}, {"outflow"}).flow("outflow", "SQRT(k) * s").aux("k", "0.1");
    CompiledTrialRunner runner(b.project, {});
    MonteCarloSpec spec;
    spec.inputs = {{"k", dist("uniform(-0.1,0.3)")}};
    spec.runs = 40;
    spec.vars = {"s"};
    MonteCarloResult r;
    std::string error;
    REQUIRE(runMonteCarlo(spec, runner, {}, r, error));
    CHECK(r.failures.size() == 10);  // one stratum in four lies below 0
    CHECK(r.okRuns == 30);
    for (const auto& f : r.failures) {
        CHECK(f.inputs.front().second < 0);
        CHECK(f.message.find("E301") != std::string::npos);
    }
    for (double v : r.data) CHECK(std::isfinite(v));
    spec.inputs = {{"nonesuch", dist("uniform(0,1)")}};
    CHECK_FALSE(runMonteCarlo(spec, runner, {}, r, error));
    CHECK(error.find("no constant 'nonesuch'") != std::string::npos);
}

TEST_CASE("monte carlo: a misspelt output is refused before any run, with the name it most likely meant",
          "[mc]") {
    const auto project = decayModel();  // the runner keeps a reference to it
    CompiledTrialRunner runner(project, {});
    MonteCarloSpec spec;
    spec.inputs = {{"k", dist("uniform(0.05,0.15)")}};
    spec.runs = 50;
    spec.vars = {"s", "outflwo"};
    MonteCarloResult r;
    std::string error;
    CHECK_FALSE(runMonteCarlo(spec, runner, {}, r, error));
    CHECK(error == "--vars outflwo: no variable named 'outflwo' (did you mean 'outflow'?)");
    CHECK(r.runs.empty());  // refused up front: not 50 failed runs
    CHECK(r.failures.empty());
}

namespace {

// The same runner without the engine batch: runs come back one result each, as a plugin runner's do.
class OneByOne : public TrialRunner {
  public:
    explicit OneByOne(TrialRunner& inner) : m_inner(inner) {}
    std::vector<sim::RunResult> run(const std::vector<Inputs>& t, const TrialOptions& o) override {
        return m_inner.run(t, o);
    }
    std::string checkInput(const std::string& n) const override { return m_inner.checkInput(n); }
    std::string checkOutput(const std::string& n) const override { return m_inner.checkOutput(n); }
    std::optional<double> baseValue(const std::string& n) const override { return m_inner.baseValue(n); }
    std::optional<Distribution> ownDistribution(const std::string& n) const override {
        return m_inner.ownDistribution(n);
    }

  private:
    TrialRunner& m_inner;
};

}  // namespace

TEST_CASE("monte carlo: bands summarised in the engine batch equal those of runs made one by one", "[mc]") {
    const auto project = decayModel();  // 161 rows: ten blocks of 16 and one of 1
    CompiledTrialRunner batch(project, {});
    OneByOne single(batch);
    MonteCarloSpec spec;
    spec.inputs = {{"k", dist("uniform(0.05,0.15)")}};
    spec.runs = 300;
    spec.seed = 3;
    spec.vars = {"s", "outflow"};
    spec.percentiles = {2.5, 50, 97.5};
    TrialOptions o;
    o.threads = 2;
    MonteCarloResult a, b;
    std::string error;
    REQUIRE(runMonteCarlo(spec, batch, o, a, error));
    REQUIRE(runMonteCarlo(spec, single, o, b, error));
    CHECK(a.columns == b.columns);
    CHECK(a.rows() == 161);
    CHECK(a.data == b.data);
    // Each run keeps its final values: S(10) = 100 exp(-10 k) for the run's own k (RK4, dt 1/16).
    REQUIRE(a.runs.size() == 300);
    for (size_t i = 0; i < a.runs.size(); i += 37) {
        const double k = a.samples[i].front().second;
        CHECK(a.runs[i].finalValue("s").value() == Approx(100 * std::exp(-10 * k)).epsilon(1e-7));
        CHECK(a.runs[i].finalValue("s") == b.runs[i].finalValue("s"));
    }
}

TEST_CASE("monte carlo: the seed reaches the model's own random built-ins, run i by the documented rule",
          "[mc][seed]") {
    const auto project = noiseModel();
    MonteCarloSpec spec;
    spec.inputs = {{"unused", dist("uniform(0,1)")}};
    spec.runs = 9;
    spec.vars = {"s"};
    spec.percentiles = {0, 50, 100};
    auto bands = [&](uint64_t seed, unsigned threads, uint64_t baseSeed = 1) {
        sim::RunSpec base;
        base.seed = baseSeed;  // the base run's own seed: a Monte Carlo's runs do not draw from it
        CompiledTrialRunner runner(project, base);
        spec.seed = seed;
        TrialOptions o;
        o.threads = threads;
        MonteCarloResult r;
        std::string error;
        REQUIRE(runMonteCarlo(spec, runner, o, r, error));
        return r;
    };
    const auto a = bands(11, 1);
    CHECK(bands(11, 2).data == a.data);      // the same seed on two threads: identical
    CHECK(bands(11, 1, 77).data == a.data);  // whatever the base run's seed
    const auto b = bands(12, 1);
    REQUIRE(a.rows() == 21);
    CHECK(b.data[20 * 4 + 2] != a.data[20 * 4 + 2]);  // another seed: other noise (the median at t = 20)
    // Expected from the rule (README): run i draws from seed + i x 0x9E3779B97F4A7C15 modulo 2^64; run 0
    // from the seed itself. Plain runs with those seeds give the final values the bands are made of.
    diag::Diagnostics diags;
    const auto compiled = compile::compileModel(project, diags);
    REQUIRE(compiled);
    std::vector<double> finals;
    for (uint64_t i = 0; i < 9; ++i) {
        sim::RunSpec one;
        one.seed = 11 + i * 0x9E3779B97F4A7C15ULL;
        one.sets = a.samples[i];
        finals.push_back(sim::simulate(*compiled, one).finalValue("s").value());
    }
    std::sort(finals.begin(), finals.end());
    CHECK(finals.front() < finals.back());  // the runs' noise differs
    CHECK(a.data[20 * 4 + 1] == finals.front());
    CHECK(a.data[20 * 4 + 2] == finals[4]);
    CHECK(a.data[20 * 4 + 3] == finals.back());
}
