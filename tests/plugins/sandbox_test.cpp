// The sandbox itself: which libraries a plugin sees, text-only load, pcall/xpcall, limits and seeding.
#include <catch2/catch.hpp>
#include <lua.hpp>

#include "plugins/host/lua_sandbox.hpp"

using namespace sdw::plugins;

namespace {

// Runs `code` (which must return one value) in a fresh untrusted sandbox; returns it as a string.
std::string eval(const std::string& code, uint64_t seed = 1, SandboxLimits limits = {}) {
    Sandbox box(limits, seed);
    CallFailure f;
    REQUIRE(box.loadString(code, "test.lua", false, f));
    if (!box.call(0, 1, f)) return "error: " + f.message;
    const char* s = luaL_tolstring(box.state(), -1, nullptr);
    std::string out = s ? s : "";
    lua_settop(box.state(), 0);
    return out;
}

}  // namespace

TEST_CASE("sandbox: the safe libraries are there, the unsafe ones are not", "[plugins][sandbox]") {
    for (const char* present : {"string.format", "table.concat", "math.floor", "utf8.char", "pcall", "xpcall",
                                "load", "setmetatable", "tostring", "ipairs", "error", "select"}) {
        INFO(present);
        CHECK(eval(std::string("return type(") + present + ")") == "function");
    }
    for (const char* absent : {"io", "os", "require", "debug", "package", "coroutine", "dofile", "loadfile",
                               "collectgarbage", "string.dump"}) {
        INFO(absent);
        CHECK(eval(std::string("return type(") + absent + ")") == "nil");
    }
}

TEST_CASE("sandbox: load takes source text with an environment, never bytecode", "[plugins][sandbox]") {
    CHECK(eval("return load('return x + 1', 'chunk', 't', { x = 41 })()") == "42");
    CHECK(eval("local f, e = load('\\27Lua binary') return e").find("binary chunk") != std::string::npos);
    CHECK(eval("return load(function() return 'return 1' end)").find("string expected") != std::string::npos);
    Sandbox box;
    CallFailure f;
    CHECK_FALSE(box.loadString(std::string("\x1bLua\x54", 5), "evil.luac", false, f));
    CHECK(f.message.find("bytecode") != std::string::npos);
}

TEST_CASE("sandbox: pcall and xpcall work for ordinary errors", "[plugins][sandbox]") {
    CHECK(eval("local ok, e = pcall(error, 'x', 0) return tostring(ok) .. e") == "falsex");
    CHECK(eval("return select(2, xpcall(function(a) error(a, 0) end, function(m) return 'handled ' .. m end, "
               "'y'))") == "handled y");
    CHECK(eval("return select(2, xpcall(function(a, b) return a + b end, print, 2, 3))") == "5");
}

TEST_CASE("sandbox: the budget is per call and the error names the line", "[plugins][sandbox]") {
    SandboxLimits small;
    small.instructionsPerCall = 100'000;
    CHECK(eval("local n = 0 for i = 1, 1000 do n = n + i end return n", 1, small) == "500500");
    const std::string e = eval("local n = 0\nwhile true do\n  n = n + 1\nend", 1, small);
    CHECK(e.find("instruction budget of 100000 exceeded") != std::string::npos);
    CHECK(e.find("test.lua:") != std::string::npos);
}

TEST_CASE("sandbox: the memory cap stops a string bomb", "[plugins][sandbox]") {
    SandboxLimits small;
    small.memoryBytes = 4u << 20;
    CHECK(eval("return string.rep('x', 8 * 1024 * 1024)", 1, small) == "error: memory cap of 4 MB exceeded");
    CHECK(eval("return #string.rep('x', 1024 * 1024)", 1, small) == "1048576");
}

TEST_CASE("sandbox: math.random is seeded from the run's seed", "[plugins][sandbox]") {
    const std::string draw = "return math.random(1, 1000000000)";
    CHECK(eval(draw, 5) == eval(draw, 5));
    CHECK(eval(draw, 5) != eval(draw, 6));
}

TEST_CASE("sandbox: well-behaved finalizers still run, once each, with their object", "[plugins][sandbox]") {
    Sandbox box;
    CallFailure f;
    const std::string code =
        "seen = 0\n"
        "local mt = { __gc = function(o) seen = seen + o.id end }\n"
        "for i = 1, 3 do assert(setmetatable({ id = i }, mt).id == i) end\n"
        "assert(type(mt.__gc) == 'function')\n"  // the metatable the plugin sees is its own, unchanged
        "local p = setmetatable({}, { __metatable = 'locked' })\n"
        "local ok, err = pcall(setmetatable, p, {})\n"
        "assert(not ok and err:find('protected metatable'))\n"
        "assert(getmetatable(setmetatable({}, nil)) == nil)\n"
        "return true";
    REQUIRE(box.loadString(code, "finalizers", false, f));
    INFO(f.message);
    REQUIRE(box.call(0, 1, f));
    lua_settop(box.state(), 0);
    lua_gc(box.state(), LUA_GCCOLLECT);
    lua_gc(box.state(), LUA_GCCOLLECT);
    lua_getglobal(box.state(), "seen");
    CHECK(lua_tonumber(box.state(), -1) == 6);  // 1 + 2 + 3: each table's own id, each finalized once
    lua_pop(box.state(), 1);
    CHECK(box.close(f));
}
