// Parallel batches of runs with a progress bar, and Latin hypercube sampling. Layer: plugins/host.
#include "plugins/host/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <thread>

#include "plugins/host/plugin_session.hpp"

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

std::vector<sim::RunResult> runBatch(const model::Project& project, const PluginLibrary& library,
                                     const std::vector<RunRequest>& requests, const BatchOptions& options) {
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
