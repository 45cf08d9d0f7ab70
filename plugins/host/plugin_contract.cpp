// Checks a plugin file against the contract of plugins/README.md and turns it into a PluginDescriptor.
// Layer: plugins/host. Reads tables with raw access only, so a hostile metatable cannot run code here.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <lua.hpp>
#include <regex>
#include <set>

#include "plugins/host/lua_sandbox.hpp"
#include "plugins/host/plugin_library.hpp"
#include "solver/model/model.hpp"

namespace sdw::plugins {
namespace {

const std::set<std::string> kTopKeys = {"id",      "title",     "description", "evidence",
                                        "params",  "overrides", "modifies",    "on_start",
                                        "on_step", "events",    "version",     "author"};
const std::set<std::string> kParamKeys = {"default", "min", "max", "step", "units", "label"};

struct Checker {
    lua_State* L;
    const std::string& file;
    const std::string& src;
    diag::Diagnostics& diags;
    int returnLine = 0;
    bool ok = true;

    void fail(const std::string& rule, const std::string& key, const std::string& msg, int fromLine = 0) {
        int line = key.empty() ? 0 : findKeyLine(src, key, fromLine);
        if (line == 0) line = returnLine;
        diags.error(code::kContract, file, "plugin contract rule '" + rule + "': " + msg, 0, line);
        ok = false;
    }
    // Raw field of the table at idx, pushed; returns its type.
    int field(int idx, const char* key) {
        lua_pushstring(L, key);
        return lua_rawget(L, idx < 0 ? idx - 1 : idx);
    }
    std::optional<std::string> string(int idx, const char* key, bool required, const std::string& rule) {
        const int t = field(idx, key);
        std::optional<std::string> out;
        if (t == LUA_TSTRING)
            out = lua_tostring(L, -1);
        else if (t != LUA_TNIL || required)
            fail(rule, key, std::string("'") + key + "' must be a string");
        lua_pop(L, 1);
        if (out && out->empty() && required) fail(rule, key, std::string("'") + key + "' must not be empty");
        return out;
    }
    // Array of strings at the top of the stack.
    std::vector<std::string> stringArray(const std::string& key, const std::string& rule) {
        std::vector<std::string> out;
        const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
        for (lua_Integer i = 1; i <= n; ++i) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING)
                out.push_back(lua_tostring(L, -1));
            else
                fail(rule, key, "'" + key + "' must list strings only (entry " + std::to_string(i) + ")");
            lua_pop(L, 1);
        }
        return out;
    }
    // Keys of the table at the top of the stack (strings only; others are reported).
    std::vector<std::string> keys(const std::string& where, const std::string& rule) {
        std::vector<std::string> out;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING)
                out.push_back(lua_tostring(L, -2));
            else
                fail(rule, where, "'" + where + "' must be keyed by names");
            lua_pop(L, 1);
        }
        return out;
    }
};

bool finite(lua_State* L, int idx) {
    return lua_type(L, idx) == LUA_TNUMBER && std::isfinite(lua_tonumber(L, idx));
}

void checkTop(Checker& c) {
    for (const auto& k : c.keys("return", "known-keys"))
        if (!kTopKeys.count(k))
            c.fail("known-keys", k, "unknown field '" + k + "' (a typo of on_step, params...?)");
}

void readHeader(Checker& c, PluginDescriptor& d) {
    lua_State* L = c.L;
    if (auto id = c.string(-1, "id", true, "id")) {
        d.id = *id;
        if (!std::regex_match(d.id, std::regex("[a-z][a-z0-9_]*")))
            c.fail("id", "id", "id '" + d.id + "' must be snake_case (a-z, 0-9, _), starting with a letter");
    }
    d.title = c.string(-1, "title", true, "title").value_or("");
    d.description = c.string(-1, "description", true, "description").value_or("");
    if (c.field(-1, "evidence") != LUA_TTABLE) {
        c.fail("evidence", "evidence", "'evidence' must be a list of citations, e.g. { \"004 L877\" }");
    } else {
        d.evidence = c.stringArray("evidence", "evidence");
        if (d.evidence.empty()) c.fail("evidence", "evidence", "'evidence' must cite at least one source");
    }
    lua_pop(L, 1);
}

void readParam(Checker& c, const std::string& name, PluginDescriptor& d) {
    lua_State* L = c.L;
    const int paramLine = findKeyLine(c.src, "params");
    if (lua_type(L, -1) != LUA_TTABLE) {
        c.fail("params", name,
               "param '" + name + "' must be a table with default, min, max, step, units, label", paramLine);
        return;
    }
    for (const auto& k : c.keys(name, "params"))
        if (!kParamKeys.count(k))
            c.fail("params", name, "param '" + name + "' has unknown field '" + k + "'", paramLine);
    ParamDescriptor p;
    p.name = name;
    double* slots[] = {&p.defaultValue, &p.min, &p.max};
    const char* names[] = {"default", "min", "max"};
    for (int i = 0; i < 3; ++i) {
        c.field(-1, names[i]);
        if (finite(L, -1))
            *slots[i] = lua_tonumber(L, -1);
        else
            c.fail("params", name, "param '" + name + "' needs a finite number '" + names[i] + "'",
                   paramLine);
        lua_pop(L, 1);
    }
    const int st = c.field(-1, "step");
    if (st != LUA_TNIL && !finite(L, -1))
        c.fail("params", name, "param '" + name + "': 'step' must be a number", paramLine);
    else if (st != LUA_TNIL)
        p.step = lua_tonumber(L, -1);
    lua_pop(L, 1);
    p.units = c.string(-1, "units", false, "params").value_or("");
    p.label = c.string(-1, "label", true, "params").value_or(name);
    if (!(p.min < p.max))
        c.fail("params", name, "param '" + name + "': min must be below max", paramLine);
    else if (p.defaultValue < p.min || p.defaultValue > p.max)
        c.fail("params", name, "param '" + name + "': default lies outside [min, max]", paramLine);
    if (p.step < 0 || (p.step > 0 && p.step > p.max - p.min))
        c.fail("params", name, "param '" + name + "': step must be positive and no wider than the range",
               paramLine);
    d.params.push_back(p);
}

void readParams(Checker& c, PluginDescriptor& d) {
    const int t = c.field(-1, "params");
    if (t == LUA_TTABLE) {
        const auto names = c.keys("params", "params");
        for (const auto& n : names) {
            c.field(-1, n.c_str());
            readParam(c, n, d);
            lua_pop(c.L, 1);
        }
        // Sliders appear in the order the file lists them.
        const int from = findKeyLine(c.src, "params");
        std::stable_sort(d.params.begin(), d.params.end(),
                         [&](const ParamDescriptor& a, const ParamDescriptor& b) {
                             return findKeyLine(c.src, a.name, from) < findKeyLine(c.src, b.name, from);
                         });
    } else if (t != LUA_TNIL) {
        c.fail("params", "params", "'params' must be a table keyed by param name");
    }
    lua_pop(c.L, 1);
}

// overrides = { constants = {name = number|function}, equations = {name = string|function},
//               graphicals = {name = {xs = {...}, ys = {...}}|function} }
void readOverrideGroup(Checker& c, const char* group, int valueType, std::vector<std::string>& out) {
    lua_State* L = c.L;
    const int t = c.field(-1, group);
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            const bool named = lua_type(L, -2) == LUA_TSTRING;
            const std::string name = named ? lua_tostring(L, -2) : "?";
            const int vt = lua_type(L, -1);
            if (!named)
                c.fail("overrides", group,
                       std::string("'overrides.") + group + "' must be keyed by variable name");
            else if (vt != valueType && vt != LUA_TFUNCTION)
                c.fail("overrides", name,
                       std::string("override of '") + name + "' in '" + group + "' must be a " +
                           lua_typename(L, valueType) + " or a function(params, base)");
            else
                out.push_back(name);
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        c.fail("overrides", group, std::string("'overrides.") + group + "' must be a table");
    }
    lua_pop(L, 1);
}

void readOverrides(Checker& c, PluginDescriptor& d) {
    const int t = c.field(-1, "overrides");
    if (t == LUA_TTABLE) {
        for (const auto& k : c.keys("overrides", "overrides"))
            if (k != "constants" && k != "equations" && k != "graphicals")
                c.fail("overrides", k,
                       "'overrides' takes constants, equations and graphicals, not '" + k + "'");
        readOverrideGroup(c, "constants", LUA_TNUMBER, d.constants);
        readOverrideGroup(c, "equations", LUA_TSTRING, d.equations);
        readOverrideGroup(c, "graphicals", LUA_TTABLE, d.graphicals);
    } else if (t != LUA_TNIL) {
        c.fail("overrides", "overrides", "'overrides' must be a table");
    }
    lua_pop(c.L, 1);
}

bool declared(const PluginDescriptor& d, const std::string& name) {
    const std::string key = model::canonicalName(name);
    for (const auto& m : d.modifies)
        if (model::canonicalName(m) == key) return true;
    return false;
}

void readEvents(Checker& c, PluginDescriptor& d) {
    lua_State* L = c.L;
    const int t = c.field(-1, "events");
    if (t == LUA_TTABLE) {
        const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
        for (lua_Integer i = 1; i <= n; ++i) {
            const std::string what = "event " + std::to_string(i);
            if (lua_rawgeti(L, -1, i) != LUA_TTABLE) {
                c.fail("events", "events",
                       what + " must be a table { time = ..., set = {...} or action = f }");
            } else {
                c.field(-1, "time");
                if (finite(L, -1))
                    d.eventTimes.push_back(lua_tonumber(L, -1));
                else
                    c.fail("events", "events", what + " needs a finite number 'time'");
                lua_pop(L, 1);
                const int setT = c.field(-1, "set");
                if (setT == LUA_TTABLE) {
                    for (const auto& k : c.keys("set", "events"))
                        if (!declared(d, k))
                            c.fail("modifies", "events",
                                   what + " sets '" + k + "', which 'modifies' does not declare");
                }
                lua_pop(L, 1);
                const int actT = c.field(-1, "action");
                lua_pop(L, 1);
                if (setT != LUA_TTABLE && actT != LUA_TFUNCTION)
                    c.fail("events", "events", what + " needs 'set' (a table) or 'action' (a function)");
            }
            lua_pop(L, 1);
        }
    } else if (t != LUA_TNIL) {
        c.fail("events", "events", "'events' must be a list of { time = ..., set = {...} }");
    }
    lua_pop(L, 1);
}

void readBehaviour(Checker& c, PluginDescriptor& d) {
    lua_State* L = c.L;
    const int m = c.field(-1, "modifies");
    if (m == LUA_TTABLE)
        d.modifies = c.stringArray("modifies", "modifies");
    else if (m != LUA_TNIL)
        c.fail("modifies", "modifies", "'modifies' must be a list of variable names");
    lua_pop(L, 1);
    for (const char* fn : {"on_start", "on_step"}) {
        const int ft = c.field(-1, fn);
        if (ft != LUA_TNIL && ft != LUA_TFUNCTION)
            c.fail("functions", fn, std::string("'") + fn + "' must be a function(ctx)");
        (std::string(fn) == "on_start" ? d.hasOnStart : d.hasOnStep) = ft == LUA_TFUNCTION;
        lua_pop(L, 1);
    }
    readEvents(c, d);
    if (d.constants.empty() && d.equations.empty() && d.graphicals.empty() && !d.needsHooks())
        c.fail("effect", "return", "the plugin does nothing: give it overrides, on_start, on_step or events");
}

int lastReturnLine(const std::string& src) {
    int line = 0, n = 1;
    for (size_t pos = 0; pos < src.size(); ++n) {
        size_t end = src.find('\n', pos);
        if (end == std::string::npos) end = src.size();
        const std::string text = src.substr(pos, end - pos);
        const size_t first = text.find_first_not_of(" \t");
        if (first != std::string::npos && text.compare(first, 6, "return") == 0) line = n;
        pos = end + 1;
    }
    return line;
}

}  // namespace

// Validates the plugin table at the top of L's stack (host-internal; also used by the run session).
bool readPluginTable(lua_State* L, const std::string& file, const std::string& source, PluginDescriptor& d,
                     diag::Diagnostics& diags) {
    Checker c{L, file, source, diags};
    c.returnLine = lastReturnLine(source);
    d.file = file;
    if (lua_type(L, -1) != LUA_TTABLE) {
        c.fail("returns-table", "",
               std::string("the file must return a table (it returned ") + luaL_typename(L, -1) + ")");
        return false;
    }
    checkTop(c);
    readHeader(c, d);
    readParams(c, d);
    readOverrides(c, d);
    readBehaviour(c, d);
    return c.ok;
}

std::optional<PluginDescriptor> checkPluginFile(const std::string& path, diag::Diagnostics& diags,
                                                const SandboxLimits& limits) {
    bool readable = false;
    const std::string source = readTextFile(path, readable);
    if (!readable) {
        diags.error(code::kPluginUnreadable, path, "cannot read the file");
        return std::nullopt;
    }
    return checkPluginSource(source, path, diags, limits);
}

std::optional<PluginDescriptor> checkPluginSource(const std::string& source, const std::string& path,
                                                  diag::Diagnostics& diags, const SandboxLimits& limits) {
    Sandbox box(limits, 1);
    CallFailure f;
    if (!box.ok()) {
        diags.error(code::kPluginLoadError, path, "cannot create a Lua state");
        return std::nullopt;
    }
    if (!box.loadString(source, path, false, f)) {
        diags.error(code::kPluginSyntax, path, f.message, 0, f.line);
        return std::nullopt;
    }
    if (!box.call(0, 1, f)) {
        diags.error(f.kind == CallFailure::Kind::Runtime ? code::kPluginLoadError : f.code(), path,
                    f.message + (f.traceback.empty() ? "" : "\n" + f.traceback), 0, f.line);
        return std::nullopt;
    }
    box.liftMemoryCap(true);
    PluginDescriptor d;
    const bool ok = readPluginTable(box.state(), path, source, d, diags);
    lua_settop(box.state(), 0);
    box.liftMemoryCap(false);
    if (!box.close(f)) {  // the plugin's finalizers run when its state closes, under the same budget
        diags.error(f.code(), f.source.empty() ? path : f.source, f.message, 0, f.line);
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return d;
}

bool PluginLibrary::addFile(const std::string& path, diag::Diagnostics& diags) {
    auto d = checkPluginFile(path, diags, limits);
    if (!d) return false;
    if (const auto* other = find(d->id)) {
        bool readOk = false;
        diags.error(code::kContract, path,
                    "plugin contract rule 'unique-id': id '" + d->id + "' is already used by " + other->file,
                    0, findKeyLine(readTextFile(path, readOk), "id"));
        return false;
    }
    m_plugins.push_back(std::move(*d));
    return true;
}

size_t PluginLibrary::addDirectory(const std::string& dir, diag::Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".lua") files.push_back(e.path().string());
    if (ec) {
        diags.error(code::kPluginUnreadable, dir, "cannot list the plugin folder: " + ec.message());
        return 0;
    }
    std::sort(files.begin(), files.end());
    size_t added = 0;
    for (const auto& f : files) added += addFile(f, diags) ? 1 : 0;
    return added;
}

const PluginDescriptor* PluginLibrary::find(const std::string& id) const {
    for (const auto& p : m_plugins)
        if (p.id == id) return &p;
    return nullptr;
}

std::string leversDirectory(const std::string& projectRoot) {
    return (std::filesystem::path(projectRoot) / "plugins" / "levers").string();
}

}  // namespace sdw::plugins
