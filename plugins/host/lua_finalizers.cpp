// Plugin finalizers (__gc) under the instruction budget. Lua runs a table's __gc with debug hooks switched
// off (lgc.c, GCTM), so the count hook cannot stop a finalizer that loops, and `setmetatable({}, {__gc =
// function() while true do end end})` hung `sdw plugins check` and runs. The sandbox's setmetatable therefore
// never lets Lua mark a plugin table for finalization: it hides __gc while the metatable is set, and ties the
// table to a small host object (a sentinel) whose own C finalizer calls the table's current __gc in a fresh
// coroutine, where hooks run: the budget, the memory cap and the cancel flag hold there as in any other
// plugin code. Layer: plugins/host. No ImGui, no GLFW. C functions called by Lua: no C++ object with a
// destructor lives in a frame Lua can unwind.
#include <lua.hpp>

#include "plugins/host/lua_sandbox.hpp"

namespace sdw::plugins {
namespace {

constexpr const char* kSentinelType = "sdw.finalizer";
constexpr const char* kSentinels = "sdw.finalizers";  // registry: weak-keyed table, plugin table -> sentinel

// __gc of a sentinel. Its user value is the plugin table, resurrected with it for this collection.
int runFinalizer(lua_State* L) {
    Sandbox* box = Sandbox::from(L);
    // Once the budget of the call (or of closing the state) is spent, the remaining finalizers do not run.
    if (box->hookState().exceeded) return 0;
    if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE || !lua_getmetatable(L, 2)) return 0;
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, -2) == LUA_TNIL) return 0;  // stack: sentinel, table, metatable, finalizer
    lua_State* co = lua_newthread(L);             // inherits the count hook; hooks are allowed in it
    lua_pushvalue(L, 4);
    lua_pushvalue(L, 2);
    lua_xmove(L, co, 2);
    int results = 0;
    const int status = lua_resume(co, L, 1, &results);
    if (status != LUA_OK && status != LUA_YIELD) box->noteFinalizerFailure(co, status);
    return 0;
}

// setmetatable(t, mt) as the base library does it, except that a table whose metatable has __gc gets a
// sentinel instead of Lua's own mark (Lua marks an object for finalization only when its metatable is set).
int guardedSetmetatable(lua_State* L) {
    const int type = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    bool finalizer = false;
    if (type == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        finalizer = lua_rawget(L, 2) != LUA_TNIL;  // index 3: the finalizer (or nil)
        if (finalizer) {  // an existing key set to nil and back: no allocation, so nothing can raise between
            lua_pushliteral(L, "__gc");
            lua_pushnil(L);
            lua_rawset(L, 2);
        }
    }
    lua_pushvalue(L, 2);
    lua_setmetatable(L, 1);
    if (finalizer) {
        lua_pushliteral(L, "__gc");
        lua_pushvalue(L, 3);
        lua_rawset(L, 2);
        lua_getfield(L, LUA_REGISTRYINDEX, kSentinels);
        lua_pushvalue(L, 1);
        if (lua_rawget(L, -2) == LUA_TNIL) {  // one sentinel per table, as Lua marks an object once
            lua_pop(L, 1);
            lua_pushvalue(L, 1);
            lua_newuserdatauv(L, 0, 1);
            luaL_setmetatable(L, kSentinelType);
            lua_pushvalue(L, 1);
            lua_setiuservalue(L, -2, 1);
            lua_rawset(L, -3);
        }
    }
    lua_settop(L, 1);
    return 1;
}

}  // namespace

void guardFinalizers(lua_State* L) {
    luaL_newmetatable(L, kSentinelType);
    lua_pushcfunction(L, runFinalizer);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_newtable(L);  // the sentinels, weak-keyed: a sentinel lives as long as its table does
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, kSentinels);
    lua_register(L, "setmetatable", guardedSetmetatable);
}

}  // namespace sdw::plugins
