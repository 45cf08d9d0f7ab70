// The system C compiler run on the generated C (fork-free: posix_spawn, no shell), with a time limit, into
// a content-addressed cache of shared objects. Layer: solver (jit internals).
#include "solver/jit/cc_build.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

extern char** environ;

namespace sdw::jit::detail {
namespace {

namespace fs = std::filesystem;

// No fast-math and no contraction: the same operations in the same order as the interpreter, to the bit.
const std::vector<std::string> kFlags = {
    "-O2", "-pipe", "-fPIC", "-shared", "-ffp-contract=off", "-fno-fast-math", "-w"};

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// A positive number from the environment, else `fallback`.
double envNumber(const char* name, double fallback) {
    const double v = std::atof(env(name).c_str());
    return v > 0 ? v : fallback;
}

bool executable(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string onPath(const std::string& name) {
    if (name.find('/') != std::string::npos) return executable(name) ? name : "";
    const std::string path = env("PATH");
    size_t from = 0;
    while (from <= path.size()) {
        const size_t to = std::min(path.find(':', from), path.size());
        const std::string dir = path.substr(from, to - from);
        if (!dir.empty() && executable(dir + "/" + name)) return dir + "/" + name;
        from = to + 1;
    }
    return "";
}

// FNV-1a, 64 bits: the cache key need not resist attack (the cache is the user's own directory).
uint64_t fnv(const std::string& text, uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// What the object code depends on besides the source: the compiler (its path, size and time) and the flags.
std::string compilerIdentity(const std::string& compiler) {
    std::error_code ec;
    const fs::path real = fs::canonical(compiler, ec);
    struct stat st {};
    std::string id = compiler + "|" + (ec ? compiler : real.string());
    if (::stat(id.substr(id.find('|') + 1).c_str(), &st) == 0)
        id += "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtime);
    for (const auto& f : kFlags) id += "|" + f;
    return id;
}

// Runs argv with stdout and stderr into `log`; false with the reason when it does not finish cleanly.
bool runCompiler(const std::vector<std::string>& argv, const std::string& log, double timeoutS,
                 std::string& error, const std::atomic<bool>* stop) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // A process group of its own, so a compiler that hangs is stopped with everything it started (cc1, as).
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        error = "cannot start the C compiler " + argv[0] + ": " + std::strerror(rc);
        return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutS);
    int status = 0;
    for (auto wait = std::chrono::microseconds(200);;
         wait = std::min(wait * 2, std::chrono::microseconds(20000))) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) {
            error = "lost the C compiler's process";
            return false;
        }
        if (stop && stop->load()) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            error = "the C compiler was stopped: its build was no longer wanted";
            return false;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            error = "the C compiler " + argv[0] + " took longer than " +
                    std::to_string(static_cast<int>(timeoutS)) +
                    " s and was stopped (SDW_CC_TIMEOUT sets the limit)";
            return false;
        }
        std::this_thread::sleep_for(wait);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    error = "the C compiler " + argv[0] + " failed (" +
            (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                               : "signal " + std::to_string(WTERMSIG(status))) +
            "); its messages are in " + log;
    return false;
}

// Where the shared object for `source` built by `compiler` lives in the cache (nothing is checked).
std::string cachePath(const std::string& source, const std::string& compiler, size_t units) {
    char key[17];
    const std::string how = compilerIdentity(compiler) + (units > 1 ? "|units=" + std::to_string(units) : "");
    std::snprintf(key, sizeof key, "%016llx", static_cast<unsigned long long>(fnv(source, fnv(how))));
    return nativeCacheDir() + "/" + key + ".so";
}

// The compiler with the flags, then `rest`.
std::vector<std::string> compileCommand(const std::string& compiler, std::vector<std::string> rest) {
    std::vector<std::string> argv = {compiler};
    argv.insert(argv.end(), kFlags.begin(), kFlags.end());
    argv.insert(argv.end(), rest.begin(), rest.end());
    return argv;
}

// `src` compiled as `units` translation units at once (-DSDW_UNIT=k, one compiler process each, c_source.cpp
// deals the code among them), then linked into `library`. Objects and logs go beside `stem`.
bool compileUnits(const std::string& compiler, const std::string& src, const std::string& library,
                  const std::string& stem, size_t units, double timeoutS, std::string& error,
                  const std::atomic<bool>* stop) {
    std::vector<std::string> objects(units), errors(units), logs(units);
    std::vector<char> ok(units, 0);
    std::vector<std::thread> jobs;
    for (size_t k = 0; k < units; ++k) {
        objects[k] = stem + "." + std::to_string(k) + ".o";
        logs[k] = stem + "." + std::to_string(k) + ".log";
        jobs.emplace_back([&, k] {
            ok[k] = runCompiler(
                compileCommand(compiler, {"-c", "-DSDW_UNIT=" + std::to_string(k), "-o", objects[k], src}),
                logs[k], timeoutS, errors[k], stop);
        });
    }
    for (auto& j : jobs) j.join();
    std::error_code ec;
    bool all = true;
    for (size_t k = 0; k < units; ++k) {
        if (!ok[k] && all) error = errors[k];
        all = all && ok[k];
        if (ok[k] || (stop && stop->load())) fs::remove(logs[k], ec);
    }
    if (all) {
        std::vector<std::string> link = {compiler, "-shared", "-o", library};
        link.insert(link.end(), objects.begin(), objects.end());
        link.push_back("-lm");
        const std::string log = stem + ".link.log";
        all = runCompiler(link, log, timeoutS, error, stop);
        if (all) fs::remove(log, ec);
    }
    for (const auto& o : objects) fs::remove(o, ec);
    return all;
}

// Marks a shared object as used now: the cache's clean-up removes the least recently used first.
void touch(const std::string& path) {
    std::error_code ec;
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

}  // namespace

void pruneCache(const std::string& dir, uintmax_t maxBytes, double maxDays, const std::string& keep) {
    struct Entry {
        fs::path path;
        fs::file_time_type used;
        uintmax_t bytes;
    };
    const auto now = fs::file_time_type::clock::now();
    const auto age = [&](fs::file_time_type t) {
        return std::chrono::duration<double>(now - t).count() / 86400;
    };
    std::vector<Entry> objects;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        std::error_code e;
        const auto used = fs::last_write_time(p, e);
        if (e || !it->is_regular_file(e) || p.string() == keep) continue;
        if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0) {
            if (age(used) > maxDays)
                fs::remove(p, e);
            else
                objects.push_back({p, used, it->file_size(e)});
        } else if (age(used) > 1) {  // a build's leftovers (.c, .so.tmp, .log): kept a day for reading
            fs::remove(p, e);
        }
    }
    std::sort(objects.begin(), objects.end(), [](const Entry& a, const Entry& b) { return a.used > b.used; });
    uintmax_t total = 0;  // the shared object just built counts first
    if (!keep.empty()) {
        std::error_code e;
        const uintmax_t bytes = fs::file_size(keep, e);
        if (!e) total = bytes;
    }
    for (const Entry& o : objects) {  // the most recently used are kept while they fit
        total += o.bytes;
        std::error_code e;
        if (total > maxBytes) fs::remove(o.path, e);
    }
}

std::string cachedLibrary(const std::string& source, size_t units) {
    const std::string compiler = systemCompiler();
    if (compiler.empty()) return "";
    const std::string library = cachePath(source, compiler, units);
    std::error_code ec;
    if (!fs::is_regular_file(library, ec)) return "";
    touch(library);
    return library;
}

std::string systemCompiler() {
    if (const char* cc = std::getenv("SDW_CC")) {
        const std::string name = cc;
        return name.empty() || name == "none" ? "" : onPath(name);
    }
    for (const char* name : {"cc", "gcc"})
        if (std::string found = onPath(name); !found.empty()) return found;
    return "";
}

std::string nativeCacheDir() {
    if (std::string d = env("SDW_NATIVE_CACHE"); !d.empty()) return d;
    if (std::string d = env("XDG_CACHE_HOME"); !d.empty()) return d + "/sdw/native";
    if (std::string d = env("HOME"); !d.empty()) return d + "/.cache/sdw/native";
    return (fs::temp_directory_path() / ("sdw-native-" + std::to_string(::getuid()))).string();
}

CcBuild buildWithCc(const std::string& source, size_t units, const std::atomic<bool>* stop) {
    CcBuild out;
    out.compiler = systemCompiler();
    if (out.compiler.empty()) {
        out.error = std::getenv("SDW_CC")
                        ? "SDW_CC names no C compiler that can be run ('" + env("SDW_CC") + "')"
                        : "no C compiler (cc or gcc) on PATH";
        return out;
    }
    const std::string dir = nativeCacheDir();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        out.error = "cannot create the compiled-code cache " + dir + ": " + ec.message();
        return out;
    }
    const std::string library = cachePath(source, out.compiler, units),
                      base = library.substr(0, library.size() - 3);
    if (fs::is_regular_file(library, ec)) {
        touch(library);
        out.library = library;
        out.cached = true;
        return out;
    }
    static std::atomic<unsigned> counter{0};
    const std::string unique = "." + std::to_string(::getpid()) + "." + std::to_string(++counter);
    const std::string src = base + unique + ".c", tmp = base + unique + ".so.tmp", log = base + ".log";
    {
        std::ofstream f(src, std::ios::binary);
        f << source;
        if (!f) {
            out.error = "cannot write " + src;
            return out;
        }
    }
    double timeout = 300;
    if (const std::string t = env("SDW_CC_TIMEOUT"); !t.empty())
        timeout = std::max(1.0, std::atof(t.c_str()));
    const bool ok = units > 1
                        ? compileUnits(out.compiler, src, tmp, base + unique, units, timeout, out.error, stop)
                        : runCompiler(compileCommand(out.compiler, {"-o", tmp, src, "-lm"}), log, timeout,
                                      out.error, stop);
    if (!ok) {
        fs::remove(tmp, ec);
        if (stop && stop->load()) {  // nothing to read: the build was stopped, not broken
            fs::remove(src, ec);
            fs::remove(log, ec);
            return out;
        }
        out.error += " (the C it compiled: " + src + ")";
        return out;
    }
    fs::remove(src, ec);
    fs::remove(log, ec);
    fs::rename(tmp, library, ec);  // atomic: another process building the same code meanwhile is harmless
    if (ec) {
        out.error = "cannot move the compiled code into " + library + ": " + ec.message();
        return out;
    }
    out.library = library;
    pruneCache(dir, static_cast<uintmax_t>(envNumber("SDW_NATIVE_CACHE_MB", 256) * 1024 * 1024),
               envNumber("SDW_NATIVE_CACHE_DAYS", 60), library);
    return out;
}

}  // namespace sdw::jit::detail
