// The optimising back end's build step: the generated C compiled by the system's C compiler (cc or gcc on
// PATH, or $SDW_CC) with -O2 into a shared object kept in a cache directory under a hash of the code, so a
// model compiled once loads at once afterwards. Layer: solver (jit internals). No GUI, no Lua.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace sdw::jit::detail {

struct CcBuild {
    std::string library;   // the shared object to load (empty: not built; `error` says why)
    std::string compiler;  // the compiler used, as found
    bool cached = false;   // found in the cache: nothing was compiled
    std::string error;
};

// The system C compiler, or "" when none is found or $SDW_CC is "none" (or empty).
std::string systemCompiler();
// The cache directory: $SDW_NATIVE_CACHE, else $XDG_CACHE_HOME/sdw/native, else ~/.cache/sdw/native. After
// each new build the cache is pruned (pruneCache): at most $SDW_NATIVE_CACHE_MB megabytes of shared objects
// (default 256), none unused for $SDW_NATIVE_CACHE_DAYS days (default 60); a use counts as its file time.
std::string nativeCacheDir();
// The shared object for `source`, from the cache or built now (at most $SDW_CC_TIMEOUT seconds, default 300).
// A compiler failure keeps the compiler's messages in a .log file beside the source and names it in `error`.
// `units` > 1: the C compiled as that many translation units in parallel (c_source.cpp's SDW_UNIT), linked.
// When `stop` becomes true the compiler is stopped (with everything it started) and nothing is cached.
CcBuild buildWithCc(const std::string& source, size_t units = 1, const std::atomic<bool>* stop = nullptr);
// Removes from `dir` the shared objects unused for more than `maxDays`, then the least recently used until
// the rest fit in `maxBytes`, and a failed build's files (.c, .log, .so.tmp) older than a day; never `keep`.
void pruneCache(const std::string& dir, uintmax_t maxBytes, double maxDays, const std::string& keep);
// The shared object the cache holds for `source` (built earlier, by this process or another), or "" when it
// holds none: nothing is compiled.
std::string cachedLibrary(const std::string& source, size_t units = 1);

}  // namespace sdw::jit::detail
