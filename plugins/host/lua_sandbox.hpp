// One Lua 5.4 state with a memory cap, an instruction budget per call and a safe library set (base without
// dofile/loadfile/bytecode load, string, table, math, utf8). Layer: plugins/host. No ImGui, no GLFW.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "plugins/host/plugin_descriptor.hpp"

struct lua_State;

namespace sdw::plugins {

// Why a protected call failed, and where.
struct CallFailure {
    enum class Kind { Runtime, Budget, Memory };
    Kind kind = Kind::Runtime;
    std::string message;    // the Lua error message
    std::string traceback;  // stack traceback (may be empty for memory errors)
    std::string source;     // chunk source of the innermost Lua frame ("path/to/file.lua")
    int line = 0;           // its current line
    const char* code() const;
};

class Sandbox {
  public:
    enum class Trust { Untrusted, Trusted };
    explicit Sandbox(SandboxLimits limits = {}, uint64_t seed = 1, Trust trust = Trust::Untrusted);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    lua_State* state() const { return m_L; }
    bool ok() const { return m_L != nullptr; }

    // Reads a file and pushes its chunk (text only: bytecode is refused). With emptyEnv, the chunk sees an
    // empty table as its globals (scenario data files). On failure pushes nothing and fills `failure`.
    bool loadFile(const std::string& path, bool emptyEnv, CallFailure& failure,
                  std::string* sourceOut = nullptr);
    bool loadString(const std::string& text, const std::string& chunkName, bool emptyEnv,
                    CallFailure& failure);

    // lua_pcall with a traceback handler and a fresh instruction budget. The function and its nargs arguments
    // are on the stack; on success nresults values replace them, on failure nothing is left. A plugin
    // finalizer (__gc) that ran past the budget or the memory cap since the last call fails the call too.
    bool call(int nargs, int nresults, CallFailure& failure);
    // Closes the state under a fresh instruction budget: the plugin's remaining finalizers run there, and the
    // first that runs past the budget or the memory cap is reported. The destructor closes without reporting.
    bool close(CallFailure& failure);

    size_t memoryUsed() const { return m_alloc.used; }
    // While the host itself reads tables outside a protected call, lift the memory cap so a plugin that
    // filled its memory cannot make the host's own pushes fail (which would abort the program).
    void liftMemoryCap(bool lift) { m_alloc.cap = lift ? 0 : m_capSetting; }
    const SandboxLimits& limits() const { return m_limits; }
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }

    // Internal state reached from the C callbacks.
    struct AllocState {
        size_t used = 0;
        size_t cap = 0;  // 0 = no cap
        Sandbox* owner = nullptr;
    };
    struct HookState {
        uint64_t used = 0;
        uint64_t budget = 0;  // 0 = none
        bool exceeded = false;
    };
    static Sandbox* from(lua_State* L);
    HookState& hookState() { return m_hook; }
    const std::atomic<bool>* cancelFlag() const { return m_cancel; }
    // Innermost Lua frame at the time of the last error (filled by the message handler).
    std::string m_errSource;
    int m_errLine = 0;
    // Where Lua was when an allocation first failed in this call (memory errors get no message handler).
    void noteMemoryFailure();
    std::string m_memSource;
    int m_memLine = 0;
    // A finalizer stopped by the budget, the memory cap or the cancel flag (`co` is its dead coroutine, whose
    // stack still says where it was). Kept until a call or close() reports it.
    void noteFinalizerFailure(lua_State* co, int status);

  private:
    void openSafeLibraries(uint64_t seed);
    SandboxLimits m_limits;
    AllocState m_alloc;
    size_t m_capSetting = 0;
    HookState m_hook;
    bool m_finalizerFailed = false;
    CallFailure m_finalizerFailure;
    const std::atomic<bool>* m_cancel = nullptr;
    lua_State* m_L = nullptr;
};

// Replaces the state's setmetatable so that plugin finalizers run under the budget (lua_finalizers.cpp).
void guardFinalizers(lua_State* L);

// Small helpers shared by the host's files (they expect the lua_State of a Sandbox).
// Takes the "<source>:<line>: " location off the front of a Lua error message; returns the line, 0 if none.
int splitLuaLocation(std::string& message);

std::string readTextFile(const std::string& path, bool& ok);
// 1-based line of the first `key =` (or `["key"] =`) in source text after `fromLine`, or 0.
int findKeyLine(const std::string& source, const std::string& key, int fromLine = 0);
// The same, reading the file (0 when unreadable).
int lineOfKey(const std::string& path, const std::string& key);

}  // namespace sdw::plugins
