// Engine benchmarks (Google Benchmark): the SIR sample beside the peers' figures, a generated model of
// 10,000 variables, compile times, and an arrayed model against its written-out twin (time per element).
// Run: build/sdw_bench  (Release build recommended; see bench/README.md).
#include <benchmark/benchmark.h>

#include "bench/generated_models.hpp"
#include "solver/compile/compiled_model.hpp"
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

}  // namespace

BENCHMARK_MAIN();
