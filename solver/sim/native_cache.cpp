// The shared native code of a Simulator and its siblings: each kind built once, by one thread while the
// others wait or interpret, and the optimised build run in the background behind libtcc's quick code when a
// run wants first results at once. Layer: solver (sim internals).
#include "solver/sim/native_cache.hpp"

#include "solver/jit/cc_build.hpp"

namespace sdw::sim::detail {
namespace {

using compile::CompiledModel;
using Key = NativeCache::Key;

Key keyOf(bool loop, const std::vector<uint32_t>& cols, bool optimised) {
    return {loop, loop ? cols : std::vector<uint32_t>{}, optimised};
}

const jit::NativeCode* find(NativeCache& cache, const Key& key) {
    auto it = cache.code.find(key);
    return it == cache.code.end() ? nullptr : it->second.get();
}

// Builds `key` with the lock released meanwhile (held on entry and on return), so runs on other threads go
// on.
const jit::NativeCode* build(NativeCache& cache, std::unique_lock<std::mutex>& lock, const CompiledModel& cm,
                             const Key& key, std::string& error) {
    cache.building.insert(key);
    ++cache.builds;
    lock.unlock();
    auto code = jit::compileNative(
        cm, jit::NativeOptions{std::get<0>(key), std::get<1>(key), std::get<2>(key)}, error);
    lock.lock();
    cache.building.erase(key);
    cache.built.notify_all();
    if (auto it = cache.code.find(key); it != cache.code.end()) return it->second.get();  // built twice
    if (!code) {
        cache.failed[key] = error;
        return nullptr;
    }
    return (cache.code[key] = std::move(code)).get();
}

// The optimised build of `key` on a thread of its own (the lock is held); runs use it once it is there.
void buildInBackground(NativeCache& cache, const CompiledModel& cm, const Key& key) {
    cache.building.insert(key);
    ++cache.builds;
    cache.background.emplace_back([&cache, &cm, key] {
        std::string error;
        jit::NativeOptions options{std::get<0>(key), std::get<1>(key), true};
        options.stop = &cache.stopping;
        auto code = jit::compileNative(cm, options, error);
        std::lock_guard<std::mutex> lock(cache.mutex);
        cache.building.erase(key);
        if (code)
            cache.code[key] = std::move(code);
        else
            cache.failed[key] = error;
        cache.built.notify_all();
    });
}

// Quick code first is worth it when libtcc is there to give it and a system C compiler to optimise after it.
bool quickFirstPays() {
    return jit::haveQuickBuilder() && !jit::detail::systemCompiler().empty();
}

}  // namespace

NativeCache::~NativeCache() {
    stopping = true;
    for (auto& t : background) t.join();
}

const jit::NativeCode* nativeCode(NativeCache& cache, const CompiledModel& cm, const NativeAsk& ask,
                                  std::string& error, bool* busy) {
    const Key opt = keyOf(ask.loop, *ask.cols, true), quick = keyOf(ask.loop, *ask.cols, false);
    std::unique_lock<std::mutex> lock(cache.mutex);
    for (;;) {
        if (const auto* c = find(cache, opt)) return c;
        // The quick kind serves when asked for, and behind an optimised build started in the background.
        const bool started = cache.building.count(opt) > 0 || cache.failed.count(opt) > 0;
        const Key& want = !ask.optimised || (ask.quickFirst && started) ? quick : opt;
        if (const auto* c = find(cache, want)) return c;
        if (auto it = cache.failed.find(want); it != cache.failed.end()) {
            error = it->second;
            return nullptr;
        }
        if (cache.building.count(want)) {
            if (!ask.wait) {
                if (busy) *busy = true;
                return nullptr;
            }
            cache.built.wait(lock);
            continue;
        }
        if (want == opt && ask.quickFirst && !cache.failed.count(quick) && quickFirstPays()) {
            // The disk cache's optimised build, or libtcc's code with the optimised build started behind it
            // (quick code built before, by an Auto run or this branch, is used as it is).
            const jit::NativeCode* q = find(cache, quick);
            if (!q && !(q = build(cache, lock, cm, quick, error)))
                continue;  // no libtcc: wait for cc instead
            if (q->builtBy() == "libtcc" && !find(cache, opt) && !cache.building.count(opt) &&
                !cache.stopping)
                buildInBackground(cache, cm, opt);
            return q;
        }
        return build(cache, lock, cm, want, error);
    }
}

bool nativeBuilt(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols) {
    std::lock_guard<std::mutex> lock(cache.mutex);
    return find(cache, keyOf(loop, cols, false)) || find(cache, keyOf(loop, cols, true));
}

std::string waitOptimised(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols) {
    const Key opt = keyOf(loop, cols, true);
    std::unique_lock<std::mutex> lock(cache.mutex);
    cache.built.wait(lock, [&] { return cache.building.count(opt) == 0; });
    const auto* c = find(cache, opt);
    return c ? c->builtBy() : "";
}

std::string nativeBuilder(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols) {
    std::lock_guard<std::mutex> lock(cache.mutex);
    const auto* c = find(cache, keyOf(loop, cols, true));
    if (!c) c = find(cache, keyOf(loop, cols, false));
    return c ? c->builtBy() : "";
}

}  // namespace sdw::sim::detail
