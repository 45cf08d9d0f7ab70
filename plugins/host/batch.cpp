// Parallel batches of runs with a progress bar, and Latin hypercube sampling. Requests that only set
// constants run as one engine batch (one compile, native code, every core: solver/sim/batch); the rest, one
// compile and one Lua session each. Layer: plugins/host.
#include "plugins/host/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

#include "plugins/host/plugin_session.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/sim/batch.hpp"

namespace sdw::plugins {
namespace {

void drawBar(size_t done, size_t total, const std::string& label) {
    static const bool tty = isatty(fileno(stderr)) != 0;
    if (!tty && done != total) return;  // in a log, one line at the end
    constexpr int kWidth = 30;
    const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
    std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu", label.c_str(), filled, "##############################",
                 kWidth - filled, "", done, total);
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace

uint64_t SplitMix64::next() {
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace {

// Requests the engine can run as one batch: no plugins, and the same run spec but for the seed and the
// constants each sets (spec.sets).
bool constantsOnly(const std::vector<RunRequest>& requests) {
    if (requests.size() < 2) return false;
    const sim::RunSpec& a = requests.front().spec;
    for (const auto& r : requests) {
        const sim::RunSpec& b = r.spec;
        if (!r.plugins.empty() || !b.slotSets.empty() || b.stopOnNonFinite != a.stopOnNonFinite ||
            b.start != a.start || b.stop != a.stop || b.dt != a.dt || b.saveper != a.saveper ||
            b.method != a.method || b.vars != a.vars || b.engine != a.engine)
            return false;
    }
    return true;
}

// The batch's parameters (every constant any request sets, each run starting from the model's values) and the
// compile's warnings; nullopt when a name is not a constant of the compiled model (those requests recompile).
std::optional<sim::BatchSpec> engineBatch(const compile::CompiledModel& cm,
                                          const std::vector<RunRequest>& requests) {
    sim::BatchSpec spec;
    spec.base = requests.front().spec;
    spec.base.sets.clear();               // each run's sets are its parameter values
    std::map<std::string, size_t> index;  // canonical name -> parameter
    std::vector<double> defaults;
    for (const auto& r : requests)
        for (const auto& [name, value] : r.spec.sets) {
            const int col = cm.findColumn(name);
            if (col < 0 || !cm.columns[static_cast<size_t>(col)].isConstant) return std::nullopt;
            const uint32_t slot = cm.columns[static_cast<size_t>(col)].slot;
            if (index.emplace(model::canonicalRef(name), spec.parameters.size()).second) {
                spec.parameters.push_back(name);
                defaults.push_back(cm.m_initialSlots[slot]);
            }
        }
    for (const auto& r : requests) {
        spec.values.push_back(defaults);
        for (const auto& [name, value] : r.spec.sets)
            spec.values.back()[index[model::canonicalRef(name)]] = value;
        spec.seeds.push_back(r.spec.seed);
    }
    return spec;
}

std::vector<sim::RunResult> toRunResults(sim::BatchResult&& batch, const diag::Diagnostics& warnings) {
    std::vector<sim::RunResult> out(batch.runs.size());
    for (size_t i = 0; i < out.size(); ++i) {
        sim::RunResult& r = out[i];
        r.status = batch.runs[i].status;
        r.diagnostics = warnings;
        r.diagnostics.append(batch.runs[i].diagnostics);
        r.names = batch.names;
        r.data.assign(batch.run(i), batch.run(i) + batch.runs[i].rows * batch.cols());
        r.start = batch.start;
        r.stop = batch.stop;
        r.dt = batch.dt;
        r.saveper = batch.saveper;
        r.method = batch.method;
        r.engine = batch.runs[i].engine;
    }
    return out;
}

// The constants-only requests as one engine batch; nullopt when they cannot be (the caller runs them one by
// one, which reports whatever is wrong with each).
std::optional<std::vector<sim::RunResult>> runAsEngineBatch(const model::Project& project,
                                                            const std::vector<RunRequest>& requests,
                                                            const BatchOptions& options) {
    if (!constantsOnly(requests)) return std::nullopt;
    diag::Diagnostics warnings;
    auto cm = compile::compileModel(project, warnings);
    if (!cm) return std::nullopt;
    auto spec = engineBatch(*cm, requests);
    if (!spec) return std::nullopt;
    spec->base.cancel = options.cancel;
    spec->threads = options.threads;
    if (options.progress)
        spec->progress = [&](size_t done, size_t total) { drawBar(done, total, options.label); };
    sim::BatchResult batch = sim::runBatch(*cm, *spec);
    if (!batch.ok()) return std::nullopt;
    return toRunResults(std::move(batch), warnings);
}

}  // namespace

std::vector<sim::RunResult> runBatch(const model::Project& project, const PluginLibrary& library,
                                     const std::vector<RunRequest>& requests, const BatchOptions& options) {
    if (auto fast = runAsEngineBatch(project, requests, options)) return std::move(*fast);
    std::vector<sim::RunResult> results(requests.size());
    std::atomic<size_t> next{0};
    size_t done = 0;
    std::mutex barMutex;
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(requests.size(), 1)));
    auto worker = [&] {
        for (size_t i = next++; i < requests.size(); i = next++) {
            results[i] = runRequest(project, library, requests[i], options.cancel);
            if (options.progress) {
                std::lock_guard<std::mutex> lock(barMutex);
                drawBar(++done, requests.size(), options.label);
            }
        }
    };
    if (threads <= 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
    }
    return results;
}

std::vector<std::vector<double>> latinHypercube(size_t samples, size_t dims, uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<std::vector<double>> points(samples, std::vector<double>(dims));
    std::vector<size_t> perm(samples);
    for (size_t d = 0; d < dims; ++d) {
        std::iota(perm.begin(), perm.end(), size_t{0});
        for (size_t i = samples; i > 1; --i) std::swap(perm[i - 1], perm[rng.next() % i]);  // Fisher-Yates
        for (size_t i = 0; i < samples; ++i)
            points[i][d] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(samples);
    }
    return points;
}

}  // namespace sdw::plugins
