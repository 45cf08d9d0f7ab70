// Parallel batches of runs with a progress bar. Layer: plugins/host.
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

}  // namespace sdw::plugins
