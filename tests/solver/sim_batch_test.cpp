// The engine's batches: each run of a batch gives what a run of its own gives, in the order asked, the same
// on one core as on two and with either engine; failures stay with their run; bad batches are refused.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "solver/sim/batch.hpp"
#include "tests/solver/model_builder.hpp"

using namespace sdw;

namespace {

// Logistic growth with a random shock: x' = r x (1 - x / k) + noise; k = 0 makes 0/0 (a failed run).
std::shared_ptr<const compile::CompiledModel> growthModel() {
    test::Builder b(0, 40, 0.25);
    b.stock("x", "10", {"growth"})
        .flow("growth", "r * x * (1 - x / k) + shock")
        .aux("r", "0.3")
        .aux("k", "100")
        .aux("shock", "NORMAL(0, 0.5)");
    diag::Diagnostics d;
    auto cm = b.compile(d);
    REQUIRE(cm);
    return cm;
}

sim::BatchSpec sweep(std::vector<double> ks) {
    sim::BatchSpec spec;
    spec.parameters = {"r", "k"};
    for (double k : ks) spec.values.push_back({0.2 + k / 1000, k});
    spec.base.vars = {"x", "growth"};
    return spec;
}

template <typename Values>  // a batch's buffer or a run's data
bool identical(const Values& a, const Values& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::memcmp(&a[i], &b[i], sizeof(double)) != 0 && !(std::isnan(a[i]) && std::isnan(b[i])))
            return false;
    return true;
}

}  // namespace

TEST_CASE("batch: each run equals the same run on its own, in the order given", "[batch]") {
    auto cm = growthModel();
    sim::BatchSpec spec = sweep({50, 100, 150, 200, 80, 120});
    spec.base.seed = 7;
    for (auto engine : {sim::Engine::Interpreter, sim::Engine::Compiled}) {
        spec.base.engine = engine;
        const sim::BatchResult batch = sim::runBatch(*cm, spec);
        REQUIRE(batch.ok());
        REQUIRE(batch.names == std::vector<std::string>{"Time", "x", "growth"});
        REQUIRE(batch.rows == 161);
        for (size_t i = 0; i < spec.values.size(); ++i) {
            sim::RunSpec one;
            one.vars = spec.base.vars;
            one.sets = {{"r", spec.values[i][0]}, {"k", spec.values[i][1]}};
            one.seed = 7 + i;  // the default: base seed + run index
            one.engine = sim::Engine::Interpreter;
            const sim::RunResult alone = sim::simulate(*cm, one);
            REQUIRE(alone.ok());
            CHECK(batch.runs[i].engine == engine);
            CHECK(identical(std::vector<double>(batch.run(i), batch.run(i) + 161 * 3), alone.data));
        }
    }
}

TEST_CASE("batch: the numbers do not depend on the number of cores or the engine", "[batch]") {
    auto cm = growthModel();
    std::vector<double> ks;
    for (int i = 0; i < 64; ++i) ks.push_back(60 + i);
    sim::BatchSpec spec = sweep(ks);
    spec.threads = 1;
    spec.base.engine = sim::Engine::Interpreter;
    const sim::BatchResult one = sim::runBatch(*cm, spec);
    spec.threads = 2;
    spec.base.engine = sim::Engine::Compiled;
    size_t calls = 0, last = 0;
    spec.progress = [&](size_t done, size_t total) {
        ++calls;
        last = std::max(last, done);
        CHECK(total == 64);
    };
    const sim::BatchResult two = sim::runBatch(*cm, spec);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    CHECK(identical(one.data, two.data));
    CHECK(calls == 64);
    CHECK(last == 64);
}

TEST_CASE("batch: final values only keep each run's last row", "[batch]") {
    auto cm = growthModel();
    sim::BatchSpec spec = sweep({90, 110});
    const sim::BatchResult series = sim::runBatch(*cm, spec);
    spec.finalOnly = true;
    const sim::BatchResult finals = sim::runBatch(*cm, spec);
    REQUIRE(finals.rows == 1);
    REQUIRE(finals.data.size() == 2 * 3);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(finals.at(i, 0, 0) == 40.0);
        CHECK(finals.finalValue(i, 1) == series.at(i, 160, 1));
        CHECK(finals.finalValue(i, 1) == series.finalValue(i, 1));
    }
}

TEST_CASE("batch: a failed run keeps its diagnostic and the others run", "[batch]") {
    auto cm = growthModel();
    sim::BatchSpec spec = sweep({100, 0, 100});  // k = 0: x / k is infinite at the start
    spec.base.engine = sim::Engine::Compiled;
    const sim::BatchResult r = sim::runBatch(*cm, spec);
    REQUIRE(r.ok());
    CHECK(r.runs[0].status == sim::RunStatus::Ok);
    CHECK(r.runs[2].status == sim::RunStatus::Ok);
    REQUIRE(r.runs[1].status == sim::RunStatus::Failed);
    CHECK(r.runs[1].diagnostics.items().at(0).code == diag::code::kNonFinite);
    CHECK(r.runs[1].diagnostics.items().at(0).where == "growth");
    CHECK(r.runs[1].rows == 0);
    CHECK(std::isnan(r.finalValue(1, 1)));
}

TEST_CASE("batch: bad batches are refused with the reason", "[batch]") {
    auto cm = growthModel();
    sim::BatchSpec spec = sweep({100});
    spec.parameters = {"r", "kk"};
    CHECK(test::hasCode(sim::runBatch(*cm, spec).diagnostics, diag::code::kUnknownName));
    spec.parameters = {"r", "growth"};
    CHECK(test::hasCode(sim::runBatch(*cm, spec).diagnostics, diag::code::kBadArgument));
    spec.parameters = {"r"};
    CHECK(test::hasCode(sim::runBatch(*cm, spec).diagnostics, diag::code::kBadArgument));
    spec = sweep({100, 110});
    spec.maxValues = 100;
    CHECK(test::hasCode(sim::runBatch(*cm, spec).diagnostics, diag::code::kTooManySteps));
    spec = sweep({100});
    spec.base.vars = {"nope"};
    CHECK(test::hasCode(sim::runBatch(*cm, spec).diagnostics, diag::code::kUnknownName));
}

TEST_CASE("batch: batchOfSets keeps each run's own sets over the model's values, results split per run",
          "[batch]") {
    auto cm = growthModel();
    sim::RunSpec base;
    base.vars = {"x"};
    // run 0 sets k only; run 1 sets r, then k twice (the later wins); run 2 sets nothing
    const std::vector<sim::NamedSets> sets = {{{"k", 50}}, {{"R", 0.1}, {"k", 10}, {"k", 20}}, {}};
    const auto spec = sim::batchOfSets(*cm, base, sets, {3, 4, 5});
    REQUIRE(spec);
    CHECK(spec->parameters == std::vector<std::string>{"k", "R"});
    CHECK(spec->values == std::vector<std::vector<double>>{{50, 0.3}, {20, 0.1}, {100, 0.3}});
    CHECK(spec->seeds == std::vector<uint64_t>{3, 4, 5});
    CHECK(!sim::batchOfSets(*cm, base, {{{"growth", 1}}}, {}));  // computed by an equation
    CHECK(!sim::batchOfSets(*cm, base, {{{"nope", 1}}}, {}));

    diag::Diagnostics warnings;
    warnings.warning(diag::code::kBadArgument, "model", "a warning every run carries");
    auto runs = sim::toRunResults(sim::runBatch(*cm, *spec), warnings);
    REQUIRE(runs.size() == 3);
    for (size_t i = 0; i < runs.size(); ++i) {
        sim::RunSpec one = base;
        one.seed = 3 + i;
        one.sets = sets[i];
        const sim::RunResult alone = sim::simulate(*cm, one);
        CHECK(runs[i].names == alone.names);
        CHECK(identical(runs[i].data, alone.data));
        CHECK(runs[i].diagnostics.items().size() == 1);
    }
}
