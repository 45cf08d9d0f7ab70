// Engine benchmarks (Google Benchmark): the SIR sample beside the peers' figures, a generated model of
// 10,000 variables, compile times, an arrayed model against its written-out twin (time per element), and
// batches of runs (runs per second by engine and core count). Layer: bench, over solver only.
// Run: build/sdw_bench  (Release build recommended; see bench/README.md).
#include <benchmark/benchmark.h>

#include "bench/generated_models.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/io/load_model.hpp"
#include "solver/sim/batch.hpp"
#include "solver/sim/simulate.hpp"

using namespace sdw;

namespace {

std::shared_ptr<const compile::CompiledModel> compileOrDie(const model::Project& p) {
    diag::Diagnostics d;
    auto cm = compile::compileModel(p, d);
    if (!cm) {
        for (const auto& x : d.items()) fprintf(stderr, "%s\n", diag::format(x).c_str());
        std::abort();
    }
    return cm;
}

void runModel(benchmark::State& state, const model::Project& p) {
    auto cm = compileOrDie(p);
    size_t rows = 0;
    for (auto _ : state) {
        sim::RunResult r = sim::simulate(*cm);
        rows = r.rows();
        benchmark::DoNotOptimize(r.data.data());
    }
    state.counters["variables"] = static_cast<double>(cm->columns.size() - 1);
    state.counters["rows"] = static_cast<double>(rows);
}

void BM_SirRun(benchmark::State& state) {
    runModel(state, bench::sirModel());
}
BENCHMARK(BM_SirRun)->Unit(benchmark::kMicrosecond);

void BM_Generated10kRun(benchmark::State& state) {
    runModel(state, bench::generatedModel(2500));
}
BENCHMARK(BM_Generated10kRun)->Unit(benchmark::kMillisecond);

void BM_Generated10kCompile(benchmark::State& state) {
    const auto p = bench::generatedModel(2500);
    for (auto _ : state) benchmark::DoNotOptimize(compileOrDie(p).get());
}
BENCHMARK(BM_Generated10kCompile)->Unit(benchmark::kMillisecond);

void BM_LocalitiesCompile(benchmark::State& state) {
    const auto p = bench::localitiesModel(150, state.range(0) != 0);
    for (auto _ : state) benchmark::DoNotOptimize(compileOrDie(p).get());
    state.SetLabel(state.range(0) ? "arrayed 150x60" : "scalar 9000");
}
BENCHMARK(BM_LocalitiesCompile)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_LocalitiesRun(benchmark::State& state) {
    runModel(state, bench::localitiesModel(150, state.range(0) != 0));
    state.SetLabel(state.range(0) ? "arrayed 150x60" : "scalar 9000");
}
BENCHMARK(BM_LocalitiesRun)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// A batch of 256 runs keeping each run's final row (a Monte Carlo's outcomes); args: threads, compiled (0/1).
// items_per_second is runs per second.
void runBatch(benchmark::State& state, const model::Project& p) {
    auto cm = compileOrDie(p);
    sim::BatchSpec spec;
    spec.values.assign(256, {});
    spec.finalOnly = true;
    spec.threads = static_cast<unsigned>(state.range(0));
    spec.base.engine = state.range(1) ? sim::Engine::Compiled : sim::Engine::Interpreter;
    for (auto _ : state) {
        sim::BatchResult r = sim::runBatch(*cm, spec);
        if (!r.ok()) state.SkipWithError(r.diagnostics.empty() ? "batch failed" : "batch refused");
        benchmark::DoNotOptimize(r.data.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(spec.values.size()));
    state.SetLabel(std::string(state.range(1) ? "compiled" : "interpreter") + ", " +
                   std::to_string(state.range(0)) + " thread(s)");
}

void BM_SirBatch(benchmark::State& state) {
    runBatch(state, bench::sirModel());
}
BENCHMARK(BM_SirBatch)->ArgsProduct({{1, 2}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_CountyBatch(benchmark::State& state) {
    diag::Diagnostics d;
    auto p = io::loadModelFile(SDW_SOURCE_DIR "/models/adult_social_care/adult_social_care.xmile", d);
    if (!p) {
        state.SkipWithError("cannot load the county model");
        return;
    }
    runBatch(state, *p);
}
BENCHMARK(BM_CountyBatch)->ArgsProduct({{1, 2}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
