// Batches of runs of one compiled model (Monte Carlo, sweeps, calibration): one compiled model and one native
// code for all, many parameter sets of constant values, chosen outputs, every core (TBB), results in the
// order given and the same on any number of cores. Layer: solver. No GUI, no Lua.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::sim {

// Leaves doubles uninitialised when a vector grows: a batch's buffer is written by the runs themselves, in
// parallel, each filling what it did not write with NaN, so no thread has to touch gigabytes first.
template <typename T>
struct UninitialisedAllocator : std::allocator<T> {
    template <typename U>
    struct rebind {
        using other = UninitialisedAllocator<U>;
    };
    UninitialisedAllocator() = default;
    template <typename U>
    UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
    template <typename U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... A>
    void construct(U* p, A&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<A>(args)...);
    }
};

struct BatchSpec {
    RunSpec base;  // times, method, engine, outputs (base.vars; empty = all), limits; base.sets apply to all
    std::vector<std::string> parameters;      // constants (or stocks' initial values) each run sets
    std::vector<std::vector<double>> values;  // one row per run: a value per parameter
    std::vector<uint64_t> seeds;              // per run; empty: base.seed + run index
    bool finalOnly = false;                   // keep each run's last row only (Monte Carlo outcomes)
    unsigned threads = 0;                     // 0 = every core
    size_t maxValues = 200'000'000;           // values kept, all runs together (1.6 GB); past it: E304
    // Called after each run with (runs done, runs in all), from the worker that finished it, one call at a
    // time.
    std::function<void(size_t, size_t)> progress;
};

struct BatchRun {
    RunStatus status = RunStatus::Ok;
    diag::Diagnostics diagnostics;
    size_t rows = 0;  // rows written (fewer than BatchResult::rows when the run failed)
    Engine engine = Engine::Interpreter;
};

struct BatchResult {
    RunStatus status = RunStatus::Ok;  // Failed when the batch could not start (diagnostics say why)
    diag::Diagnostics diagnostics;
    std::vector<std::string> names;                   // output columns, Time first
    size_t rows = 0;                                  // rows kept per run (1 when finalOnly)
    double start = 0, stop = 0, dt = 0, saveper = 0;  // every run's times and method
    Method method = Method::Euler;
    std::vector<double, UninitialisedAllocator<double>> data;  // run-major: runs x rows x names.size()
    std::vector<BatchRun> runs;

    size_t cols() const { return names.size(); }
    const double* run(size_t i) const { return data.data() + i * rows * cols(); }
    double at(size_t run, size_t row, size_t col) const { return data[(run * rows + row) * cols() + col]; }
    // The run's last row's value of a column (NaN when the run failed before writing a row).
    double finalValue(size_t run, size_t col) const;
    int column(const std::string& anyName) const;  // -1 when absent
    bool ok() const { return status == RunStatus::Ok; }
};

// Never throws; a run that fails leaves its status and diagnostics in runs[i] and the batch goes on.
BatchResult runBatch(const compile::CompiledModel& model, const BatchSpec& spec);

// The batch in which run i sets runSets[i] (constants by name; a later entry for the same name wins) and
// every other parameter keeps the model's value, with seeds[i] (empty: base.seed + i). base.sets are ignored:
// put them in every run's sets. nullopt when a name is not a constant of the model (run those one by one,
// which reports what is wrong).
using NamedSets = std::vector<std::pair<std::string, double>>;
std::optional<BatchSpec> batchOfSets(const compile::CompiledModel& model, const RunSpec& base,
                                     const std::vector<NamedSets>& runSets, std::vector<uint64_t> seeds);

// The batch's runs as separate results (what one simulate() per run would give), each with `warnings` first.
std::vector<RunResult> toRunResults(BatchResult&& batch, const diag::Diagnostics& warnings);

}  // namespace sdw::sim
