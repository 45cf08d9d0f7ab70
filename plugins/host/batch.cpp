// Parallel batches of runs with a progress bar. Requests that only set constants run as one engine batch (one
// compile, native code, every core: solver/sim/batch); the rest, one compile and one Lua session each.
// Layer: plugins/host.
#include "plugins/host/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
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

// The constants-only requests as one engine batch; nullopt when they cannot be (the caller runs them one by
// one, which reports whatever is wrong with each).
std::optional<std::vector<sim::RunResult>> runAsEngineBatch(const model::Project& project,
                                                            const std::vector<RunRequest>& requests,
                                                            const BatchOptions& options) {
    if (!constantsOnly(requests)) return std::nullopt;
    diag::Diagnostics warnings;
    auto cm = compile::compileModel(project, warnings);
    if (!cm) return std::nullopt;
    std::vector<sim::NamedSets> sets;
    std::vector<uint64_t> seeds;
    for (const auto& r : requests) {
        sets.push_back(r.spec.sets);
        seeds.push_back(r.spec.seed);
    }
    auto spec = sim::batchOfSets(*cm, requests.front().spec, sets, std::move(seeds));
    if (!spec) return std::nullopt;
    spec->base.cancel = options.cancel;
    spec->threads = options.threads;
    if (options.progress)
        spec->progress = [&](size_t done, size_t total) { drawBar(done, total, options.label); };
    sim::BatchResult batch = sim::runBatch(*cm, *spec);
    if (!batch.ok()) return std::nullopt;
    return sim::toRunResults(std::move(batch), warnings);
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

}  // namespace sdw::plugins
