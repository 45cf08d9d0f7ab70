// Fan charts at the application level: the workbench's Monte Carlo of the open model over its own
// distributions gives the bands analysis::runMonteCarlo (what `sdw mc` runs) gives for the same seed, the
// percentiles of a decay with an uncertain rate match the exact ones, a cancel stops it, and bands of earlier
// settings are not shown as current. Layer: tests/workbench/app.
#include "workbench/app/uncertainty/fan_charts.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/workbench/app/state_dir.hpp"
#include "tests/workbench/decay_model.hpp"
#include "workbench/app/session.hpp"

using namespace sdw;

namespace {

void openDecay(app::Session& s) {
    std::string error;
    REQUIRE(s.open(test::decayModelFile("sdw_fan_decay.xmile"), error));
    s.settle();
    s.charts().assign(1, {});
    s.addToChart("s");
}

double sAt8(double k) {
    return test::decayAt(k, 8);
}

}  // namespace

TEST_CASE("fan charts: the workbench's bands are the analysis's for the same seed", "[workbench][fan]") {
    app::Session s(test::freshStateDir("sdw_fan_same"));
    openDecay(s);
    app::FanCharts fan;
    std::string error;
    REQUIRE(fan.start(s, {60, 7}, error));
    REQUIRE(fan.wait(std::chrono::seconds(60)));
    REQUIRE(fan.error().empty());
    const auto r = fan.current(s);
    REQUIRE(r);
    // What `sdw mc MODEL --runs 60 --seed 7 --vary k --vars s --percentiles 5,25,50,75,95` runs.
    CHECK(app::fanCommandLine(r->setup, "m.xmile") ==
          "sdw mc m.xmile --runs 60 --seed 7 --vary k --vars s --percentiles 5,25,50,75,95");
    const model::Project project = s.doc().project();
    analysis::CompiledTrialRunner runner(project, sim::RunSpec{});
    analysis::MonteCarloSpec spec;
    spec.runs = 60;
    spec.seed = 7;
    spec.vars = {"s"};
    spec.percentiles = {5, 25, 50, 75, 95};
    spec.inputs = {{"k", *runner.ownDistribution("k")}};
    analysis::MonteCarloResult direct;
    REQUIRE(analysis::runMonteCarlo(spec, runner, {}, direct, error));
    CHECK(r->mc.columns == direct.columns);
    CHECK(r->mc.data == direct.data);
    CHECK(r->mc.okRuns == 60);
}

TEST_CASE("fan charts: percentiles of a decay with an uncertain rate are the exact ones",
          "[workbench][fan]") {
    app::Session s(test::freshStateDir("sdw_fan_exact"));
    openDecay(s);
    app::FanCharts fan;
    std::string error;
    REQUIRE(fan.start(s, {400, 3}, error));
    REQUIRE(fan.wait(std::chrono::seconds(60)));
    const auto r = fan.current(s);
    REQUIRE(r);
    const auto b = r->bands("S");  // any spelling of the name
    REQUIRE(b);
    REQUIRE(b->t.back() == Approx(8));
    // s(8) falls as k rises: its p-th percentile is s(8) at k's (100 - p)-th. Triangular(0.1, 0.2, 0.4):
    // below the mode F(k) = (k - 0.1)^2 / 0.03, above it 1 - (0.4 - k)^2 / 0.06.
    const double k50 = 0.4 - std::sqrt(0.5 * 0.06), k95 = 0.4 - std::sqrt(0.05 * 0.06),
                 k5 = 0.1 + std::sqrt(0.05 * 0.03), k75 = 0.4 - std::sqrt(0.25 * 0.06);
    CHECK(b->p50.back() == Approx(sAt8(k50)).epsilon(0.01));
    CHECK(b->p5.back() == Approx(sAt8(k95)).epsilon(0.01));
    CHECK(b->p95.back() == Approx(sAt8(k5)).epsilon(0.01));
    CHECK(b->p25.back() == Approx(sAt8(k75)).epsilon(0.01));
    CHECK(b->p5.front() == 100);       // every run starts at 100
    CHECK_FALSE(r->bands("outflow"));  // not charted, not summarised
}

TEST_CASE("fan charts: cancel stops the runs, earlier settings' bands are not current", "[workbench][fan]") {
    app::Session s(test::freshStateDir("sdw_fan_cancel"));
    openDecay(s);
    app::FanCharts fan;
    std::string error;
    REQUIRE(fan.start(s, {app::kFanMaxRuns, 1}, error));
    CHECK_FALSE(fan.start(s, {10, 1}, error));  // one at a time
    CHECK(error.find("running") != std::string::npos);
    fan.cancel();
    REQUIRE(fan.wait(std::chrono::seconds(60)));
    CHECK(fan.error() == "cancelled");
    CHECK_FALSE(fan.result());
    REQUIRE(fan.start(s, {20, 1}, error));
    REQUIRE(fan.wait(std::chrono::seconds(60)));
    REQUIRE(fan.current(s));
    // A slider moved on a constant with a range: the bands belong to the old settings, and a new Monte Carlo
    // holds it at the slider's value.
    for (size_t i = 0; i < s.inputs().size(); ++i)
        if (s.inputs()[i].name == "k") REQUIRE(s.typeInput(i, "0.3", error));
    s.settle();
    CHECK_FALSE(fan.current(s));
    CHECK_FALSE(fan.start(s, {20, 1}, error));
    CHECK(error.find("slider") != std::string::npos);
    CHECK_FALSE(fan.start(s, {1, 1}, error));  // too few runs
}

TEST_CASE("fan charts: the seed reaches the model's own random built-ins, run i by the documented rule",
          "[workbench][fan]") {
    // tests/data/noise_stock.xmile (s fed by NORMAL(0, 1)) with a distribution on `unused`, so the tab has an
    // input to draw; s(20) is the sum of each run's own draws.
    std::ifstream in(std::string(SDW_SOURCE_DIR) + "/tests/data/noise_stock.xmile");
    std::stringstream text;
    text << in.rdbuf();
    std::string xml = text.str();
    xml.replace(xml.find("<xmile version=\"1.0\""), 20,
                "<xmile xmlns:sdw=\"urn:sdw:xmile:1\" version=\"1.0\"");
    const std::string unused = "<aux name=\"unused\"><eqn>1</eqn>";
    xml.insert(xml.find(unused) + unused.size(), "<sdw:uncertainty min=\"0\" max=\"2\"/>");
    const auto path = (std::filesystem::temp_directory_path() / "sdw_fan_noise.xmile").string();
    std::ofstream(path) << xml;
    app::Session s(test::freshStateDir("sdw_fan_noise"));
    std::string error;
    REQUIRE(s.open(path, error));
    s.settle();
    s.charts().assign(1, {});
    s.addToChart("s");
    auto medianAt20 = [&](uint64_t seed) {
        app::FanCharts fan;
        REQUIRE(fan.start(s, {9, seed}, error));
        REQUIRE(fan.wait(std::chrono::seconds(60)));
        REQUIRE(fan.error().empty());
        const auto r = fan.current(s);
        REQUIRE(r);
        REQUIRE(r->mc.rows() == 21);
        return r->mc.data[20 * r->mc.columns.size() + 3];  // Time, s[p5], s[p25], s[p50], ...
    };
    // Run i draws from seed + i x 0x9E3779B97F4A7C15 modulo 2^64 (README): with 9 runs the median is the 5th
    // of the plain runs' final values.
    diag::Diagnostics diags;
    const auto compiled = compile::compileModel(s.doc().project(), diags);
    REQUIRE(compiled);
    std::vector<double> finals;
    for (uint64_t i = 0; i < 9; ++i) {
        sim::RunSpec one;
        one.seed = 11 + i * 0x9E3779B97F4A7C15ULL;
        finals.push_back(sim::simulate(*compiled, one).finalValue("s").value());
    }
    std::sort(finals.begin(), finals.end());
    const double eleven = medianAt20(11);
    CHECK(eleven == finals[4]);
    CHECK(medianAt20(11) == eleven);
    CHECK(medianAt20(12) != eleven);
}
