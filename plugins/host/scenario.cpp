// Scenario loading and checking, and turning a scenario into a run request. Layer: plugins/host.
// Raw table reads only: a scenario is data, and a metatable must not run code in the host.
#include "plugins/host/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <lua.hpp>
#include <set>

#include "plugins/host/lua_sandbox.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::plugins {
namespace {

struct Reader {
    lua_State* L;
    const std::string& file;
    const std::string& src;
    diag::Diagnostics& diags;
    bool ok = true;

    void fail(const std::string& key, const std::string& msg) {
        diags.error(code::kScenario, file, "scenario rule: " + msg, 0,
                    key.empty() ? 0 : findKeyLine(src, key));
        ok = false;
    }
    int field(const char* key) {
        lua_pushstring(L, key);
        return lua_rawget(L, -2);
    }
    std::optional<double> number(const char* key) {
        std::optional<double> out;
        const int t = field(key);
        if (t == LUA_TNUMBER && std::isfinite(lua_tonumber(L, -1)))
            out = lua_tonumber(L, -1);
        else if (t != LUA_TNIL)
            fail(key, std::string("'") + key + "' must be a finite number");
        lua_pop(L, 1);
        return out;
    }
    std::string string(const char* key, bool required) {
        std::string out;
        const int t = field(key);
        if (t == LUA_TSTRING)
            out = lua_tostring(L, -1);
        else if (t != LUA_TNIL || required)
            fail(key, std::string("'") + key + "' must be a string");
        lua_pop(L, 1);
        return out;
    }
};

void readPlugins(Reader& r, Scenario& s) {
    lua_State* L = r.L;
    const int t = r.field("plugins");
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            PluginSelection sel;
            if (lua_type(L, -2) != LUA_TSTRING) {
                r.fail("plugins",
                       "'plugins' must be keyed by plugin id: plugins = { id = { param = value } }");
            } else {
                sel.id = lua_tostring(L, -2);
                const int vt = lua_type(L, -1);
                if (vt == LUA_TTABLE) {
                    lua_pushnil(L);
                    while (lua_next(L, -2)) {
                        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER)
                            sel.params[lua_tostring(L, -2)] = lua_tonumber(L, -1);
                        else
                            r.fail(sel.id, "params of plugin '" + sel.id + "' must be name = number");
                        lua_pop(L, 1);
                    }
                } else if (!(vt == LUA_TBOOLEAN && lua_toboolean(L, -1))) {
                    r.fail(sel.id,
                           "plugin '" + sel.id + "' must be given a table of params (or true for defaults)");
                }
                s.plugins.push_back(sel);
            }
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        r.fail("plugins", "'plugins' must be a table");
    }
    lua_pop(L, 1);
    // A Lua table keeps no order, but plugins apply in turn: take the order they are written in the file
    // (then their ids, for any the text does not show as `id =`), so the same file always runs the same way.
    std::vector<std::pair<int, PluginSelection>> keyed;
    for (auto& sel : s.plugins) {
        const int line = findKeyLine(r.src, sel.id);
        keyed.push_back({line > 0 ? line : std::numeric_limits<int>::max(), std::move(sel)});
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
    });
    s.plugins.clear();
    for (auto& [line, sel] : keyed) s.plugins.push_back(std::move(sel));
}

// What is wrong with the constants entry at the top of the stack (value) under its key: named, so that a
// scenario with twenty constants says which one.
std::string constantProblem(lua_State* L) {
    const std::string key = lua_type(L, -2) == LUA_TSTRING
                                ? "'" + std::string(lua_tostring(L, -2)) + "'"
                                : std::string("a ") + luaL_typename(L, -2) + " key";
    if (lua_type(L, -2) != LUA_TSTRING)
        return "'constants' maps names to numbers: " + key + " is not a name (write name = value)";
    std::string got;
    if (lua_type(L, -1) == LUA_TNUMBER)
        got = "a number that is not finite";
    else if (lua_type(L, -1) == LUA_TSTRING)
        got = "the text '" + std::string(lua_tostring(L, -1)) + "'";  // a string value: converting it is safe
    else
        got = std::string("a ") + luaL_typename(L, -1);
    return "'constants': " + key + " must be a finite number, not " + got;
}

void readConstants(Reader& r, Scenario& s) {
    lua_State* L = r.L;
    const int t = r.field("constants");
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER &&
                std::isfinite(lua_tonumber(L, -1)))
                s.constants.emplace_back(lua_tostring(L, -2), lua_tonumber(L, -1));
            else
                r.fail("constants", constantProblem(L));
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        r.fail("constants", "'constants' must be a table");
    }
    lua_pop(L, 1);
}

void readSpecs(Reader& r, Scenario& s) {
    lua_State* L = r.L;
    const int t = r.field("sim_specs");
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            const std::string k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            lua_pop(L, 1);
            if (k != "start" && k != "stop" && k != "dt" && k != "saveper" && k != "method")
                r.fail("sim_specs", "'sim_specs' takes start, stop, dt, saveper and method, not '" + k + "'");
        }
        s.start = r.number("start");
        s.stop = r.number("stop");
        s.dt = r.number("dt");
        s.saveper = r.number("saveper");
        const std::string m = r.string("method", false);
        if (!m.empty()) {
            if (!sim::parseMethod(m)) r.fail("method", "unknown method '" + m + "' (use euler, rk4 or rk45)");
            s.method = m;
        }
        if (s.dt && *s.dt <= 0) r.fail("dt", "'dt' must be positive");
    } else if (t != LUA_TNIL) {
        r.fail("sim_specs", "'sim_specs' must be a table");
    }
    lua_pop(L, 1);
}

void checkAgainstLibrary(Reader& r, const Scenario& s, const PluginLibrary& lib) {
    for (const auto& sel : s.plugins) {
        const auto* d = lib.find(sel.id);
        if (!d) {
            r.diags.error(code::kUnknownPlugin, r.file,
                          "the scenario enables plugin '" + sel.id + "', which is not installed", 0,
                          findKeyLine(r.src, sel.id));
            r.ok = false;
            continue;
        }
        for (const auto& [name, v] : sel.params) {
            const auto* p = d->findParam(name);
            if (!p)
                r.fail(name, "plugin '" + sel.id + "' has no param '" + name + "'");
            else if (v < p->min || v > p->max)
                r.fail(name, "param '" + sel.id + "." + name + "' = " + std::to_string(v) +
                                 " lies outside [" + std::to_string(p->min) + ", " + std::to_string(p->max) +
                                 "]");
        }
    }
}

}  // namespace

std::optional<Scenario> loadScenario(const std::string& path, diag::Diagnostics& diags,
                                     const PluginLibrary* library, const SandboxLimits& limits) {
    bool readable = false;
    const std::string source = readTextFile(path, readable);
    if (!readable) {
        diags.error(code::kPluginUnreadable, path, "cannot read the file");
        return std::nullopt;
    }
    return loadScenarioText(source, path, diags, library, limits);
}

std::optional<Scenario> loadScenarioText(const std::string& source, const std::string& path,
                                         diag::Diagnostics& diags, const PluginLibrary* library,
                                         const SandboxLimits& limits) {
    Sandbox box(limits, 1);
    lua_State* L = box.state();
    CallFailure f;
    if (!L) return std::nullopt;
    // A scenario is data: it needs no string methods. Through the string metatable it could still reach
    // string.find and friends, whose pattern matching runs in C where the instruction budget never looks
    // (("a"):rep(40):find(("a*"):rep(40) .. "b") takes years), so this state's strings get no methods.
    lua_pushliteral(L, "");
    lua_pushnil(L);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    if (!box.loadString(source, path, true, f)) {
        diags.error(code::kPluginSyntax, path, f.message, 0, f.line);
        return std::nullopt;
    }
    lua_getupvalue(L, -1,
                   1);  // the empty environment: a scenario may assign globals instead of returning a table
    lua_insert(L, -2);
    if (!box.call(0, 1, f)) {
        diags.error(f.kind == CallFailure::Kind::Runtime ? code::kPluginLoadError : f.code(), path,
                    f.message + (f.traceback.empty() ? "" : "\n" + f.traceback), 0, f.line);
        return std::nullopt;
    }
    box.liftMemoryCap(true);
    if (lua_type(L, -1) != LUA_TTABLE) lua_pop(L, 1);  // use the environment table
    Scenario s;
    s.file = path;
    Reader r{L, path, source, diags};
    static const std::set<std::string> known = {"name",      "description", "plugins",
                                                "constants", "sim_specs",   "seed"};
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const std::string k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        lua_pop(L, 1);
        if (!known.count(k))
            r.fail(k, "unknown field '" + k +
                          "' (a scenario has name, description, plugins, constants, sim_specs, seed)");
    }
    s.name = r.string("name", true);
    s.description = r.string("description", false);
    readPlugins(r, s);
    readConstants(r, s);
    readSpecs(r, s);
    if (auto seed = r.number("seed")) {
        // Up to 2^53, where doubles stop holding every whole number (and casting 1e30 to an integer is
        // undefined behaviour: the scenario fuzzer's first find).
        if (*seed < 0 || *seed > 9007199254740992.0 || *seed != std::floor(*seed))
            r.fail("seed", "'seed' must be a whole number from 0 to 2^53 (9007199254740992)");
        else
            s.seed = static_cast<uint64_t>(*seed);
    }
    if (library) checkAgainstLibrary(r, s, *library);
    lua_settop(L, 0);
    if (!r.ok) return std::nullopt;
    return s;
}

RunRequest Scenario::toRequest(const sim::RunSpec& base) const {
    RunRequest req;
    req.label = name;
    req.plugins = plugins;
    req.spec = base;
    // The scenario's constants, then the caller's sets (a value given on the command line wins).
    req.spec.sets = constants;
    req.spec.sets.insert(req.spec.sets.end(), base.sets.begin(), base.sets.end());
    if (start) req.spec.start = start;
    if (stop) req.spec.stop = stop;
    if (dt) req.spec.dt = dt;
    if (saveper) req.spec.saveper = saveper;
    if (method) req.spec.method = sim::parseMethod(*method);
    if (seed) req.spec.seed = *seed;
    return req;
}

RunRequest Scenario::toRequestKeeping(const sim::RunSpec& base) const {
    RunRequest req = toRequest(base);
    if (base.start) req.spec.start = base.start;
    if (base.stop) req.spec.stop = base.stop;
    if (base.dt) req.spec.dt = base.dt;
    if (base.saveper) req.spec.saveper = base.saveper;
    if (base.method) req.spec.method = base.method;
    return req;
}

}  // namespace sdw::plugins
