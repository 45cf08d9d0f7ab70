// The sandboxed Lua state: capped allocator, count hook, safe libraries, text-only loading, traceback
// handler. Layer: plugins/host. No ImGui, no GLFW. Lua is C (longjmp): no C++ object with a destructor may be
// alive in a frame Lua can unwind, and no C++ exception may leave a function Lua calls.
#include "plugins/host/lua_sandbox.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <lua.hpp>
#include <sstream>

namespace sdw::plugins {
namespace {

constexpr int kHookEvery = 1000;  // instructions between two count-hook calls

void* cappedAlloc(void* ud, void* ptr, size_t osize, size_t nsize) {
    auto* a = static_cast<Sandbox::AllocState*>(ud);
    const size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        a->used -= old;
        std::free(ptr);
        return nullptr;
    }
    if (a->cap && nsize > old && a->used + (nsize - old) > a->cap) {  // Lua raises LUA_ERRMEM
        if (a->owner) a->owner->noteMemoryFailure();
        return nullptr;
    }
    void* p = std::realloc(ptr, nsize);
    if (!p) return nullptr;
    a->used = a->used - old + nsize;
    return p;
}

void countHook(lua_State* L, lua_Debug*) {
    Sandbox* s = Sandbox::from(L);
    auto& h = s->hookState();
    h.used += kHookEvery;

    const bool cancelled = s->cancelFlag() && s->cancelFlag()->load(std::memory_order_relaxed);
    if ((h.budget && h.used > h.budget) || cancelled) {
        h.exceeded = true;
        luaL_where(L, 0);
        if (cancelled)
            lua_pushliteral(L, "the run was cancelled");
        else
            lua_pushfstring(L, "instruction budget of %I exceeded (an endless loop?)", (lua_Integer)h.budget);
        lua_concat(L, 2);
        lua_error(L);
    }
}

// Message handler: remember the innermost Lua frame, then append a traceback.
int messageHandler(lua_State* L) {
    Sandbox* s = Sandbox::from(L);
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); ++level) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            try {  // no C++ exception may reach Lua
                s->m_errSource = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
            } catch (...) {
            }
            s->m_errLine = ar.currentline;
            break;
        }
    }
    const char* msg = lua_tostring(L, 1);
    if (!msg) msg = luaL_typename(L, 1);
    luaL_traceback(L, L, msg, 1);
    return 1;
}

// pcall/xpcall that cannot swallow a budget or memory error: those are re-raised.
int finishPcall(lua_State* L, int status, int base) {
    Sandbox* s = Sandbox::from(L);
    if (status == LUA_ERRMEM || s->hookState().exceeded) lua_error(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, base);
    return lua_gettop(L) - base + 1;
}

int safePcall(lua_State* L) {
    luaL_checkany(L, 1);
    const int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    return finishPcall(L, status, 1);
}

int safeXpcall(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1);  // function
    lua_rotate(L, 3, 1);  // stack: f, msgh, f, args...
    const int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    return finishPcall(L, status, 3);
}

// load(chunk [, chunkname [, mode [, env]]]) for strings only, always in text mode.
int safeLoad(lua_State* L) {
    size_t len = 0;
    const char* text = luaL_checklstring(L, 1, &len);
    const char* name = luaL_optstring(L, 2, "=(load)");
    const bool hasEnv = !lua_isnone(L, 4);
    const int status = luaL_loadbufferx(L, text, len, name, "t");
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (hasEnv) {
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

// print goes to stderr, so plugin chatter never mixes with CSV on stdout.
int stderrPrint(lua_State* L) {
    const int n = lua_gettop(L);
    for (int i = 1; i <= n; ++i) {
        size_t len = 0;
        const char* s = luaL_tolstring(L, i, &len);
        if (i > 1) std::fputc('\t', stderr);
        std::fwrite(s, 1, len, stderr);
        lua_pop(L, 1);
    }
    std::fputc('\n', stderr);
    return 0;
}

void removeField(lua_State* L, const char* table, const char* field) {
    if (lua_getglobal(L, table) == LUA_TTABLE) {
        lua_pushnil(L);
        lua_setfield(L, -2, field);
    }
    lua_pop(L, 1);
}

}  // namespace

const char* CallFailure::code() const {
    switch (kind) {
        case Kind::Budget:
            return code::kBudget;
        case Kind::Memory:
            return code::kMemory;
        default:
            return code::kCallError;
    }
}

void Sandbox::noteMemoryFailure() {
    // lua_getstack/lua_getinfo("Sl") only read the call chain: they neither allocate nor raise.
    if (m_memLine || !m_L) return;
    lua_Debug ar;
    for (int level = 0; lua_getstack(m_L, level, &ar); ++level) {
        if (!lua_getinfo(m_L, "Sl", &ar) || ar.currentline <= 0) continue;
        try {  // called from the allocator: no C++ exception may reach Lua
            m_memSource = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        } catch (...) {
        }
        m_memLine = ar.currentline;
        return;
    }
}

Sandbox* Sandbox::from(lua_State* L) {
    return *static_cast<Sandbox**>(lua_getextraspace(L));
}

Sandbox::Sandbox(SandboxLimits limits, uint64_t seed, Trust trust) : m_limits(limits) {
    m_capSetting = trust == Trust::Trusted ? 0 : limits.memoryBytes;
    m_alloc.cap = m_capSetting;
    m_hook.budget = trust == Trust::Trusted ? 0 : limits.instructionsPerCall;
    m_L = lua_newstate(cappedAlloc, &m_alloc);
    if (!m_L) return;
    m_alloc.owner = this;
    *static_cast<Sandbox**>(lua_getextraspace(m_L)) = this;
    if (trust == Trust::Trusted) {
        luaL_openlibs(m_L);
        lua_getglobal(m_L, "math");
        lua_getfield(m_L, -1, "randomseed");
        lua_pushinteger(m_L, static_cast<lua_Integer>(seed));
        lua_pcall(m_L, 1, 0, 0);
        lua_pop(m_L, 1);
    } else {
        openSafeLibraries(seed);
        lua_sethook(m_L, countHook, LUA_MASKCOUNT, kHookEvery);
    }
}

Sandbox::~Sandbox() {
    CallFailure ignored;
    close(ignored);
}

bool Sandbox::close(CallFailure& failure) {
    if (!m_L) return true;
    m_hook = {0, m_hook.budget, false};
    lua_close(m_L);
    m_L = nullptr;
    if (!m_finalizerFailed) return true;
    failure = m_finalizerFailure;
    m_finalizerFailed = false;
    return false;
}

void Sandbox::noteFinalizerFailure(lua_State* co, int status) {
    if (m_finalizerFailed) return;
    const bool memory = status == LUA_ERRMEM;
    if (!memory && !m_hook.exceeded) return;  // an ordinary error in a finalizer is ignored, as Lua does
    lua_Debug ar;
    try {  // called from a C function Lua runs: no C++ exception may reach Lua
        CallFailure f;
        f.kind = memory ? CallFailure::Kind::Memory : CallFailure::Kind::Budget;
        f.message = memory ? "memory cap of " + std::to_string(m_capSetting >> 20) + " MB exceeded"
                           : std::string(lua_tostring(co, -1) ? lua_tostring(co, -1) : "instruction budget");
        splitLuaLocation(f.message);
        f.message = "a __gc finalizer was stopped: " + f.message;
        for (int level = 0; lua_getstack(co, level, &ar); ++level) {
            if (!lua_getinfo(co, "Sl", &ar) || ar.currentline <= 0) continue;
            f.source = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
            f.line = ar.currentline;
            break;
        }
        m_finalizerFailure = std::move(f);
        m_finalizerFailed = true;
    } catch (...) {
    }
}

namespace {

// Lua's pattern matcher runs in C, where the instruction budget never looks, and backtracks: a pattern with
// many repetition items can search for hours ("a*a*a*...b" over a run of a's). The pattern functions go
// through this guard, which refuses a search whose worst case, about n^(q-1) steps for q repetition items
// over n characters, passes 10^8; three repetitions or fewer (trimming, key = value) always pass.
int countRepetitions(const char* p, size_t len) {
    int q = 0;
    for (size_t i = 0; i < len; ++i) {
        const char c = p[i];
        if (c == '%') {
            ++i;  // an escaped character is a single class
        } else if (c == '[') {
            ++i;
            if (i < len && p[i] == '^') ++i;
            if (i < len && p[i] == ']') ++i;  // a leading ] belongs to the set
            while (i < len && p[i] != ']') i += p[i] == '%' ? 2 : 1;
        } else if (i > 0 && (c == '*' || c == '+' || c == '-' || c == '?')) {
            ++q;
        }
    }
    return q;
}

int guardedPattern(lua_State* L) {
    size_t n = 0, plen = 0;
    luaL_checklstring(L, 1, &n);
    const char* p = luaL_checklstring(L, 2, &plen);
    const bool plainFind = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
    if (!plainFind) {
        const int q = countRepetitions(p, plen);
        if (q > 3 && std::pow(static_cast<double>(n) + 1, q - 1) > 1e8)
            return luaL_error(
                L,
                "a pattern with %d repetition items over %d characters could search for hours; "
                "the sandbox refuses it (use fewer repetitions or shorter text, or string.find with "
                "plain = true)",
                q, static_cast<int>(n));
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

void guardPatternFunctions(lua_State* L) {
    lua_getglobal(L, LUA_STRLIBNAME);
    for (const char* name : {"find", "match", "gmatch", "gsub"}) {
        lua_getfield(L, -1, name);  // the original, as the guard's first upvalue
        lua_pushboolean(L, std::strcmp(name, "find") == 0);
        lua_pushcclosure(L, guardedPattern, 2);
        lua_setfield(L, -2, name);
    }
    lua_pop(L, 1);
}

}  // namespace

void Sandbox::openSafeLibraries(uint64_t seed) {
    lua_State* L = m_L;
    const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
                             {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
                             {LUA_UTF8LIBNAME, luaopen_utf8}, {nullptr, nullptr}};
    for (const luaL_Reg* lib = libs; lib->func; ++lib) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (const char* name : {"dofile", "loadfile", "collectgarbage"}) {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
    lua_register(L, "load", safeLoad);
    lua_register(L, "pcall", safePcall);
    lua_register(L, "xpcall", safeXpcall);
    lua_register(L, "print", stderrPrint);
    removeField(L, LUA_STRLIBNAME, "dump");
    guardPatternFunctions(L);
    guardFinalizers(L);
    // math.random draws from the run's seed: the same seed gives the same plugin behaviour.
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, static_cast<lua_Integer>(seed));
    lua_pcall(L, 1, 0, 0);
    lua_pop(L, 1);
}

bool Sandbox::loadString(const std::string& text, const std::string& chunkName, bool emptyEnv,
                         CallFailure& failure) {
    if (!text.empty() && text[0] == LUA_SIGNATURE[0]) {
        failure = {CallFailure::Kind::Runtime,
                   "precompiled (bytecode) chunks are refused: load Lua source text", "", chunkName, 0};
        return false;
    }
    const std::string name = "@" + chunkName;
    const int status = luaL_loadbufferx(m_L, text.data(), text.size(), name.c_str(), "t");
    if (status != LUA_OK) {
        failure.kind = status == LUA_ERRMEM ? CallFailure::Kind::Memory : CallFailure::Kind::Runtime;
        failure.message = lua_tostring(m_L, -1) ? lua_tostring(m_L, -1) : "cannot load chunk";
        failure.source = chunkName;
        failure.line = splitLuaLocation(failure.message);
        lua_pop(m_L, 1);
        return false;
    }
    if (emptyEnv) {
        lua_newtable(m_L);
        if (!lua_setupvalue(m_L, -2, 1)) lua_pop(m_L, 1);
    }
    return true;
}

bool Sandbox::loadFile(const std::string& path, bool emptyEnv, CallFailure& failure, std::string* sourceOut) {
    bool ok = false;
    std::string text = readTextFile(path, ok);
    if (!ok) {
        failure = {CallFailure::Kind::Runtime, "cannot read the file", "", path, 0};
        return false;
    }
    if (sourceOut) *sourceOut = text;
    return loadString(text, path, emptyEnv, failure);
}

bool Sandbox::call(int nargs, int nresults, CallFailure& failure) {
    lua_State* L = m_L;
    const int base = lua_gettop(L) - nargs;  // index of the function
    lua_pushcfunction(L, messageHandler);
    lua_insert(L, base);
    m_hook = {0, m_hook.budget, false};
    m_errSource.clear();
    m_errLine = 0;
    m_memSource.clear();
    m_memLine = 0;
    const int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    if (m_finalizerFailed) {  // a finalizer that ran during the call (or since the last one) was stopped
        if (status == LUA_OK) lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
        failure = m_finalizerFailure;
        m_finalizerFailed = false;
        if (status != LUA_OK) lua_pop(L, 1);
        return false;
    }
    if (status == LUA_OK) return true;
    failure.kind = status == LUA_ERRMEM ? CallFailure::Kind::Memory
                   : m_hook.exceeded    ? CallFailure::Kind::Budget
                                        : CallFailure::Kind::Runtime;
    const char* msg = lua_tostring(L, -1);
    std::string text = msg ? msg : "(error object is not a string)";
    if (failure.kind == CallFailure::Kind::Memory) {
        failure.message = "memory cap of " + std::to_string(m_capSetting >> 20) + " MB exceeded";
        failure.traceback.clear();
    } else {
        const auto tb = text.find("\nstack traceback:");
        failure.message = tb == std::string::npos ? text : text.substr(0, tb);
        failure.traceback = tb == std::string::npos ? "" : text.substr(tb + 1);
    }
    failure.source = failure.kind == CallFailure::Kind::Memory ? m_memSource : m_errSource;
    failure.line = failure.kind == CallFailure::Kind::Memory ? m_memLine : m_errLine;
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT);
    return false;
}

int splitLuaLocation(std::string& message) {
    // Lua writes "<source>:<line>: <text>", shortening a long source to "...<tail>" (LUA_IDSIZE), so the
    // source cannot be matched against the chunk name: take the first ":<digits>: " instead.
    for (std::size_t colon = message.find(':'); colon != std::string::npos;
         colon = message.find(':', colon + 1)) {
        std::size_t end = colon + 1;
        while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) ++end;
        if (end == colon + 1 || end + 1 >= message.size() || message[end] != ':' || message[end + 1] != ' ')
            continue;
        const int line = std::atoi(message.c_str() + colon + 1);
        message.erase(0, end + 2);
        return line;
    }
    return 0;
}

std::string readTextFile(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    if (!ok) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int lineOfKey(const std::string& path, const std::string& key) {
    bool ok = false;
    const std::string text = readTextFile(path, ok);
    return ok ? findKeyLine(text, key) : 0;
}

int findKeyLine(const std::string& source, const std::string& key, int fromLine) {
    int line = 1;
    size_t pos = 0;
    while (pos < source.size()) {
        size_t end = source.find('\n', pos);
        if (end == std::string::npos) end = source.size();
        if (line > fromLine) {
            const std::string text = source.substr(pos, end - pos);
            for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
                const bool startOk = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                                                  text[at - 1] == '_');
                size_t after = at + key.size();
                if (after < text.size() && (text[after] == '"' || text[after] == '\'')) ++after;
                if (after < text.size() && text[after] == ']') ++after;
                while (after < text.size() && std::isspace(static_cast<unsigned char>(text[after]))) ++after;
                const bool eqOk = after < text.size() && text[after] == '=' &&
                                  (after + 1 >= text.size() || text[after + 1] != '=');
                if (startOk && eqOk) return line;
            }
        }
        pos = end + 1;
        ++line;
    }
    return 0;
}

}  // namespace sdw::plugins
