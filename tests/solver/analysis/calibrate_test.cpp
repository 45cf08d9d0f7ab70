// Tests of calibration (solver/analysis/calibrate): recovery of known parameters of exponential decay from
// noisy synthetic data with the true values inside the 95% intervals, for each payoff; data with gaps; clear
// errors for a column the model lacks, data outside the run and bad cells. Layer: tests/solver.
#include "solver/analysis/calibrate.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>

#include "solver/analysis/distribution.hpp"
#include "solver/analysis/sampling.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;
using namespace sdw::analysis;

namespace {

constexpr double kTrueRate = 0.3, kTrueInitial = 100;

model::Project decay() {
    test::Builder b(0, 10, 0.125);
    b.stock("s", "initial", {}, {"outflow"}).flow("outflow", "k * s").aux("k", "0.1").aux("initial", "50");
    return b.project;
}

// s at t = 0, 0.5, ..., 10 with the true values, plus normal noise of sd `noise` (seeded); every third point
// missing, as real data has gaps.
ObservedSeries synthetic(CompiledTrialRunner& runner, double noise, uint64_t seed) {
    TrialOptions o;
    o.vars = {"s"};
    const auto truth = runner.run({{{"k", kTrueRate}, {"initial", kTrueInitial}}}, o).front();
    REQUIRE(truth.ok());
    SplitMix64 rng(seed);
    ObservedSeries s{"s", {}, {}};
    for (int i = 0; i <= 20; ++i) {
        if (i % 3 == 2) continue;
        const double t = 0.5 * i;
        s.times.push_back(t);
        s.values.push_back(*truth.finalValue("s") * 0 + truth.at(static_cast<size_t>(4 * i), 1) +
                           noise * normalQuantile(0.5 * (2 * rng.uniform() - 1) + 0.5));
    }
    return s;
}

CalibrationSpec specFor(ObservedSeries data, Payoff payoff) {
    CalibrationSpec spec;
    spec.parameters = {{"k", 0.01, 1}, {"initial", 20, 200}};
    spec.data = {std::move(data)};
    spec.payoff = payoff;
    return spec;
}

void checkRecovered(const CalibrationResult& r, double tolerance) {
    REQUIRE(r.rows.size() == 2);
    INFO(r.intervalMethod);
    CHECK(r.rows[0].parameter == "k");
    CHECK(r.rows[0].value == Approx(kTrueRate).margin(tolerance * kTrueRate));
    CHECK(r.rows[1].value == Approx(kTrueInitial).margin(tolerance * kTrueInitial));
    CHECK(r.rows[0].low95 < kTrueRate);
    CHECK(kTrueRate < r.rows[0].high95);
    CHECK(r.rows[1].low95 < kTrueInitial);
    CHECK(kTrueInitial < r.rows[1].high95);
}

}  // namespace

TEST_CASE("calibrate: sum of squares recovers the decay rate and initial value from noisy data",
          "[calibrate]") {
    const auto project = decay();
    CompiledTrialRunner runner(project, {});
    REQUIRE(runner.ok());
    const auto spec = specFor(synthetic(runner, 2.0, 2), Payoff::SumOfSquares);
    CHECK(spec.data[0].values.size() == 14);
    CalibrationResult r;
    std::string error;
    REQUIRE(calibrate(spec, runner, {}, r, error));
    checkRecovered(r, 0.05);
    CHECK(r.intervalMethod.find("residual variance") != std::string::npos);
    CHECK(r.rows[0].high95 - r.rows[0].low95 < 0.1);          // the data pin the rate down
    CHECK(r.rmse.front().second == Approx(2.0).margin(1.2));  // about the noise
    CHECK(r.payoff < r.payoffAtStart);
    CHECK_FALSE(r.atBound);
}

TEST_CASE("calibrate: the 95% intervals hold the true rate in about 95% of noisy data sets", "[calibrate]") {
    const auto project = decay();
    CompiledTrialRunner runner(project, {});
    int covered = 0;
    constexpr int kSets = 40;
    for (uint64_t seed = 100; seed < 100 + kSets; ++seed) {
        CalibrationResult r;
        std::string error;
        REQUIRE(calibrate(specFor(synthetic(runner, 2.0, seed), Payoff::SumOfSquares), runner, {}, r, error));
        covered += r.rows[0].low95 < kTrueRate && kTrueRate < r.rows[0].high95;
    }
    // Binomial(40, 0.95): 34 or more with probability 0.99; intervals that were far too narrow would miss.
    CHECK(covered >= 34);
}

TEST_CASE("calibrate: the normal and Poisson payoffs recover the same parameters", "[calibrate]") {
    const auto project = decay();
    CompiledTrialRunner runner(project, {});
    CalibrationResult r;
    std::string error;
    REQUIRE(calibrate(specFor(synthetic(runner, 2.0, 2), Payoff::Normal), runner, {}, r, error));
    checkRecovered(r, 0.05);
    CHECK(r.intervalMethod.find("normal likelihood") != std::string::npos);
    // Poisson counts have variance equal to their mean: noise of sd sqrt(100) ~ 3 at most here, use sd 1.
    REQUIRE(calibrate(specFor(synthetic(runner, 1.0, 5), Payoff::Poisson), runner, {}, r, error));
    checkRecovered(r, 0.05);
    CHECK(r.intervalMethod.find("Poisson") != std::string::npos);
}

TEST_CASE("calibrate: wrong data is refused naming the column, the time or the cell", "[calibrate]") {
    const auto project = decay();
    CompiledTrialRunner runner(project, {});
    CalibrationResult r;
    std::string error;
    auto spec = specFor({"nonesuch", {1}, {2}}, Payoff::SumOfSquares);
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error == "the data has a column 'nonesuch': no variable named 'nonesuch'");
    spec = specFor({"ss", {1}, {2}}, Payoff::SumOfSquares);
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error.find("(did you mean 's'?)") != std::string::npos);
    spec = specFor({"s", {12}, {2}}, Payoff::SumOfSquares);
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error.find("at time 12, outside the run (0 to ") != std::string::npos);  // not 12.000000
    spec.parameters = {{"outflow", 0, 1}};
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error.find("computed by an equation") != std::string::npos);
    // From Python or the workbench, data may hold an infinity, or a series only gaps: "no run with the
    // parameters in their bounds succeeded" named neither.
    spec = specFor({"s", {0, 5}, {100, HUGE_VAL}}, Payoff::SumOfSquares);
    error.clear();
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error ==
          "the data's 's' at time 5 is infinite: give a finite value, or leave the cell empty for a gap");
    spec = specFor({"s", {}, {}}, Payoff::SumOfSquares);
    error.clear();
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error == "the data's 's' has no observed values (every row is a gap)");
    spec = specFor({"s", {0}, {100}}, Payoff::SumOfSquares);
    spec.parameters = {{"k", 1, 0.1}};
    error.clear();
    CHECK_FALSE(calibrate(spec, runner, {}, r, error));
    CHECK(error ==
          "fit 'k': the lower bound must be below the upper");  // no CLI option in the engine's words

    auto data = readObservedCsv("Time,s,t\n0,100,\n1,,5\n2,80,NA\n", error);
    REQUIRE(data);
    REQUIRE(data->size() == 2);
    CHECK((*data)[0].times == std::vector<double>{0, 2});
    CHECK((*data)[1].values == std::vector<double>{5});
    CHECK_FALSE(readObservedCsv("Time,s\n0,1o0\n", error));
    CHECK(error == "line 2, column s: '1o0' is not a number (leave the cell empty for a gap)");
    CHECK_FALSE(readObservedCsv("year,s\n0,1\n", error));
    CHECK(error.find("first column must be Time") != std::string::npos);
    CHECK(readObservedCsv("TIME,s\n0,1\n", error));                 // any case
    CHECK_FALSE(readObservedCsv("Time,s\n0,1\n1,1,250\n", error));  // a thousands comma: a cell too many
    CHECK(error ==
          "line 3: 3 cells, but the header names 2 columns (a comma inside a number? write 1250, not "
          "1,250)");
    CHECK_FALSE(readObservedCsv("Time,s,\n0,1,2\n", error));
    CHECK(error.find("line 1, column 3: the column has no name") == 0);
    CHECK_FALSE(readObservedCsv("Time,delayed beds,Delayed_Beds\n0,1,2\n", error));
    CHECK(error == "line 1, column 3: 'Delayed_Beds' is a second column for delayed beds");
}

TEST_CASE(
    "calibrate: observed data saved by Excel reads, a semicolon file and rows out of time order say why",
    "[calibrate]") {
    std::string error;
    // Excel's "CSV UTF-8 (comma delimited)": a byte-order mark and CRLF line ends.
    auto data = readObservedCsv("\xEF\xBB\xBFTime,s\r\n0,100\r\n1,90\r\n", error);
    REQUIRE(data);
    CHECK((*data)[0].name == "s");
    CHECK((*data)[0].times == std::vector<double>{0, 1});
    CHECK((*data)[0].values == std::vector<double>{100, 90});
    // The other CSV of a European spreadsheet: semicolons (and decimal commas).
    CHECK_FALSE(readObservedCsv("Time;s\n0;1,5\n", error));
    CHECK(error.find("line 1: the first column must be Time") == 0);
    CHECK(error.find("separated by semicolons: sdw reads commas") != std::string::npos);
    CHECK_FALSE(readObservedCsv("Time\ts\n0\t1.5\n", error));
    CHECK(error.find("separated by tabs") != std::string::npos);
    // A time twice, or going back: which row is the observation is not clear.
    CHECK_FALSE(readObservedCsv("Time,s\n0,30\n1,35\n1,40\n", error));
    CHECK(error == "line 4: Time 1 again (line 3 has it): the rows must run forward in time, one row a time");
    CHECK_FALSE(readObservedCsv("Time,s\n0,30\n2,35\n\n1,40\n", error));
    CHECK(error == "line 5: Time 1 comes before line 3's: the rows must run forward in time, one row a time");
}

TEST_CASE("calibrate: progress counts evaluations up to the budget, a cancel stops the search",
          "[calibrate]") {
    const auto project = decay();
    CompiledTrialRunner runner(project, {});
    REQUIRE(runner.ok());
    auto spec = specFor(synthetic(runner, 2.0, 2), Payoff::SumOfSquares);
    spec.globalEvaluations = 40;
    spec.localEvaluations = 30;
    size_t lastDone = 0, lastTotal = 0;
    bool rising = true;
    TrialOptions o;
    o.progress = [&](size_t done, size_t total) {
        rising = rising && done >= lastDone;
        lastDone = done;
        lastTotal = total;
    };
    CalibrationResult r;
    std::string error;
    REQUIRE(calibrate(spec, runner, o, r, error));
    CHECK(rising);
    // The budget: the start and the probe (2), 40 global, 30 local, the optimum (1), the intervals (2 x 2).
    CHECK(lastTotal == 77);
    CHECK(lastDone <= lastTotal);
    CHECK(lastDone + 30 >= lastTotal);  // BOBYQA may converge before its budget
    std::atomic<bool> cancel{true};
    o.cancel = &cancel;
    CHECK_FALSE(calibrate(spec, runner, o, r, error));
    CHECK(error == "cancelled");
}
