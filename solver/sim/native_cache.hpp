// The native code a Simulator and its siblings share: built once per kind of run and kept, with libtcc's
// quick code at once and the system C compiler's optimised build in the background when a run asks for it.
// Layer: solver (sim internals, not public API). No GUI, no Lua.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/jit/native_code.hpp"
#include "solver/sim/runner.hpp"

namespace sdw::sim::detail {

// Native code by kind of run (the Euler loop for these outputs, or the evaluation alone), built on first use;
// a build that failed is remembered and not tried again. Output plans by the variables asked for.
// Keyed by (loop, its columns, optimised).
struct NativeCache {
    using Key = std::tuple<bool, std::vector<uint32_t>, bool>;
    std::mutex mutex;               // Simulators on other threads share the cache
    std::condition_variable built;  // a build finished (or failed)
    std::map<Key, std::unique_ptr<jit::NativeCode>> code;
    std::map<Key, std::string> failed;
    std::set<Key> building;  // being built by some thread, outside the lock
    std::map<std::vector<std::string>, OutputPlan> plans;
    std::atomic<bool> stopping{false};    // the cache is going: background builds stop
    std::vector<std::thread> background;  // optimised builds under way while quick code serves
    size_t builds = 0;                    // builds started (each kind once; tests count them)

    NativeCache() = default;
    NativeCache(const NativeCache&) = delete;
    NativeCache& operator=(const NativeCache&) = delete;
    ~NativeCache();  // stops the background builds (their compilers are killed) and waits for them
};

// What a run asks of the cache.
struct NativeAsk {
    bool loop = false;
    const std::vector<uint32_t>* cols = nullptr;
    bool optimised = false;   // the system C compiler's build (else libtcc's, or the optimised one if built)
    bool wait = true;         // false: when another thread builds the code, return null with `busy` set
    bool quickFirst = false;  // optimised, not built yet: libtcc's code now, the optimised build meanwhile
};

// Native code for a kind of run, from the cache or built now; null (with the reason) when it cannot be built.
// Optimised code already built serves a run that asked for the quick kind.
const jit::NativeCode* nativeCode(NativeCache& cache, const compile::CompiledModel& cm, const NativeAsk& ask,
                                  std::string& error, bool* busy = nullptr);
// Whether any native code for this kind of run is built.
bool nativeBuilt(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols);
// Waits until no optimised build of this kind runs; the optimised code's builder ("" when there is none).
std::string waitOptimised(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols);
// Who built the code a run of this kind would use now ("" when none is built).
std::string nativeBuilder(NativeCache& cache, bool loop, const std::vector<uint32_t>& cols);

}  // namespace sdw::sim::detail
