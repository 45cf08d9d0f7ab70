// The `sdw` Lua module for trusted experiment scripts: the module table, models, results, plugins, CSV and
// runScript(). Layer: plugins/host. Every function Lua calls goes through guarded(): C++ exceptions become
// Lua errors raised after the C++ frame is gone. The experiments (runs, sweeps...) are in
// script_experiments.cpp.
#include "plugins/host/script_runner.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <lua.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "plugins/host/lua_sandbox.hpp"
#include "plugins/host/script_module.hpp"
#include "solver/io/load_model.hpp"

namespace sdw::plugins {
namespace script {

std::string resolvePath(const ScriptEnv& e, const std::string& path) {
    namespace fs = std::filesystem;
    if (fs::exists(path)) return path;
    const fs::path alt = fs::path(e.options.projectRoot) / path;
    return fs::exists(alt) ? alt.string() : path;
}

std::string firstErrors(const diag::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items())
        if (x.severity == diag::Severity::Error && out.size() < 1500) out += diag::format(x) + "\n";
    return out.empty() ? "failed" : out;
}

const ModelBox& checkModel(lua_State* L, int idx) {
    auto* box = static_cast<ModelBox*>(luaL_testudata(L, idx, kModelType));
    if (!box) throw std::runtime_error("expected a model from sdw.load_model()");
    return *box;
}

std::vector<std::string> stringList(lua_State* L, int idx) {
    std::vector<std::string> out;
    if (lua_type(L, idx) != LUA_TTABLE) return out;
    const lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L, idx, i);
        if (lua_type(L, -1) == LUA_TSTRING) out.push_back(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return out;
}

void pushResult(lua_State* L, sim::RunResult r, const std::string& label) {
    void* mem = lua_newuserdatauv(L, sizeof(ResultBox), 0);
    new (mem) ResultBox{std::make_shared<const sim::RunResult>(std::move(r)), label};
    luaL_setmetatable(L, kResultType);
}

double finalOf(const sim::RunResult& r, const std::string& name) {
    if (!r.ok()) throw std::runtime_error("a run failed:\n" + firstErrors(r.diagnostics));
    auto v = r.finalValue(name);
    if (!v) throw std::runtime_error("the results have no variable '" + name + "'");
    return *v;
}

namespace {

int loadModel(lua_State* L) {
    return guarded(L, [&] {
        if (lua_type(L, 1) != LUA_TSTRING)
            throw std::runtime_error("sdw.load_model(path): path must be a string");
        const std::string path = resolvePath(env(L), lua_tostring(L, 1));
        diag::Diagnostics diags;
        auto project = io::loadModelFile(path, diags);
        if (!project) throw std::runtime_error("cannot load '" + path + "':\n" + firstErrors(diags));
        void* mem = lua_newuserdatauv(L, sizeof(ModelBox), 0);
        new (mem) ModelBox{std::make_shared<const model::Project>(std::move(*project))};
        luaL_setmetatable(L, kModelType);
        return 1;
    });
}
// --- results ----------------------------------------------------------------------------------------------

const ResultBox& checkResult(lua_State* L) {
    auto* box = static_cast<ResultBox*>(luaL_testudata(L, 1, kResultType));
    if (!box) throw std::runtime_error("expected a result from sdw.run()");
    return *box;
}

void pushVector(lua_State* L, const std::vector<double>& v) {
    lua_createtable(L, static_cast<int>(v.size()), 0);
    for (size_t i = 0; i < v.size(); ++i) {
        lua_pushnumber(L, v[i]);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

std::string nameArg(lua_State* L) {
    if (lua_type(L, 2) != LUA_TSTRING) throw std::runtime_error("expected a variable name (call with ':')");
    return lua_tostring(L, 2);
}

int resultOk(lua_State* L) {
    return guarded(L, [&] {
        lua_pushboolean(L, checkResult(L).result->ok());
        return 1;
    });
}

int resultErrors(lua_State* L) {
    return guarded(L, [&] {
        const auto& r = *checkResult(L).result;
        lua_pushstring(L, r.ok() ? "" : firstErrors(r.diagnostics).c_str());
        return 1;
    });
}

int resultSeries(lua_State* L) {
    return guarded(L, [&] {
        const auto& r = *checkResult(L).result;
        const std::string name = nameArg(L);
        if (r.column(name) < 0) throw std::runtime_error("the results have no variable '" + name + "'");
        pushVector(L, r.series(name));
        return 1;
    });
}

int resultFinal(lua_State* L) {
    return guarded(L, [&] {
        const auto& r = *checkResult(L).result;
        lua_pushnumber(L, finalOf(r, nameArg(L)));
        return 1;
    });
}

int resultNames(lua_State* L) {
    return guarded(L, [&] {
        const auto& names = checkResult(L).result->names;
        lua_createtable(L, static_cast<int>(names.size()), 0);
        for (size_t i = 0; i < names.size(); ++i) {
            lua_pushstring(L, names[i].c_str());
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

int resultGc(lua_State* L) {
    static_cast<ResultBox*>(lua_touserdata(L, 1))->~ResultBox();
    return 0;
}

int modelGc(lua_State* L) {
    static_cast<ModelBox*>(lua_touserdata(L, 1))->~ModelBox();
    return 0;
}

// --- plugins, CSV ----------------------------------------------------------------------------------------

// sdw.plugins(): every installed plugin with its params and evidence.
int listPlugins(lua_State* L) {
    return guarded(L, [&] {
        const auto& all = env(L).library.all();
        lua_createtable(L, static_cast<int>(all.size()), 0);
        for (size_t i = 0; i < all.size(); ++i) {
            const auto& d = all[i];
            lua_createtable(L, 0, 6);
            lua_pushstring(L, d.id.c_str());
            lua_setfield(L, -2, "id");
            lua_pushstring(L, d.title.c_str());
            lua_setfield(L, -2, "title");
            lua_pushstring(L, d.description.c_str());
            lua_setfield(L, -2, "description");
            lua_pushstring(L, d.file.c_str());
            lua_setfield(L, -2, "file");
            lua_createtable(L, static_cast<int>(d.evidence.size()), 0);
            for (size_t k = 0; k < d.evidence.size(); ++k) {
                lua_pushstring(L, d.evidence[k].c_str());
                lua_rawseti(L, -2, static_cast<lua_Integer>(k + 1));
            }
            lua_setfield(L, -2, "evidence");
            lua_createtable(L, static_cast<int>(d.params.size()), 0);
            for (size_t k = 0; k < d.params.size(); ++k) {
                const auto& p = d.params[k];
                lua_createtable(L, 0, 7);
                lua_pushstring(L, p.name.c_str());
                lua_setfield(L, -2, "name");
                lua_pushstring(L, (d.id + "." + p.name).c_str());
                lua_setfield(L, -2, "key");
                lua_pushstring(L, p.label.c_str());
                lua_setfield(L, -2, "label");
                lua_pushstring(L, p.units.c_str());
                lua_setfield(L, -2, "units");
                for (auto [k2, v] : {std::pair{"default", p.defaultValue}, std::pair{"min", p.min},
                                     std::pair{"max", p.max}, std::pair{"step", p.step}}) {
                    lua_pushnumber(L, v);
                    lua_setfield(L, -2, k2);
                }
                lua_rawseti(L, -2, static_cast<lua_Integer>(k + 1));
            }
            lua_setfield(L, -2, "params");
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

std::string csvCell(lua_State* L, int idx) {
    if (lua_type(L, idx) == LUA_TNUMBER) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.10g", lua_tonumber(L, idx));
        return buf;
    }
    if (lua_type(L, idx) != LUA_TSTRING) return "";
    std::string s = lua_tostring(L, idx), out = "\"";
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// sdw.write_csv(path, rows [, columns]): rows is an array of tables; columns default to the first row's keys.
int writeCsv(lua_State* L) {
    return guarded(L, [&] {
        if (lua_type(L, 1) != LUA_TSTRING || lua_type(L, 2) != LUA_TTABLE)
            throw std::runtime_error("sdw.write_csv(path, rows [, columns])");
        const std::string path = lua_tostring(L, 1);
        if (const std::string ext = io::modelExtension(path); !ext.empty())
            throw std::runtime_error("sdw.write_csv: '" + path + "' is named like a model file (" + ext +
                                     "), which writing would replace; give the CSV another name");
        std::vector<std::string> columns = stringList(L, 3);
        if (columns.empty() && lua_rawgeti(L, 2, 1) == LUA_TTABLE) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                if (lua_type(L, -2) == LUA_TSTRING) columns.push_back(lua_tostring(L, -2));
                lua_pop(L, 1);
            }
            std::sort(columns.begin(), columns.end());
            lua_pop(L, 1);
        }
        std::ofstream out(path);
        if (!out) throw std::runtime_error("cannot write '" + path + "'");
        for (size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << columns[c];
        out << "\n";
        const lua_Integer n = luaL_len(L, 2);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, 2, i);
            for (size_t c = 0; c < columns.size(); ++c) {
                lua_getfield(L, -1, columns[c].c_str());
                out << (c ? "," : "") << csvCell(L, -1);
                lua_pop(L, 1);
            }
            out << "\n";
            lua_pop(L, 1);
        }
        return 0;
    });
}

// sdw.<a name it lacks>: an error naming what it has (`sdw.load(...)` said only "attempt to call a nil
// value").
int unknownField(lua_State* L) {
    const char* key = lua_tostring(L, 2);
    std::vector<std::string> names;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) names.push_back(lua_tostring(L, -1));
    }
    std::sort(names.begin(), names.end());
    std::string have;
    for (const auto& n : names) have += (have.empty() ? "" : ", ") + n;
    return luaL_error(L, "sdw has no '%s' (it has %s)", key ? key : "?", have.c_str());
}

void openModule(lua_State* L, ScriptEnv& e) {
    luaL_newmetatable(L, kModelType);
    lua_pushcfunction(L, modelGc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    luaL_newmetatable(L, kResultType);
    lua_pushcfunction(L, resultGc);
    lua_setfield(L, -2, "__gc");
    lua_newtable(L);
    const luaL_Reg methods[] = {{"ok", resultOk},       {"errors", resultErrors}, {"series", resultSeries},
                                {"final", resultFinal}, {"names", resultNames},   {nullptr, nullptr}};
    lua_pushlightuserdata(L, &e);
    luaL_setfuncs(L, methods, 1);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
    lua_newtable(L);
    const luaL_Reg fns[] = {{"load_model", loadModel},
                            {"run", run},
                            {"run_many", runMany},
                            {"sweep", sweep},
                            {"monte_carlo", monteCarlo},
                            {"tornado", tornado},
                            {"sensitivity", sensitivity},
                            {"plugins", listPlugins},
                            {"write_csv", writeCsv},
                            {"constants", constants},
                            {nullptr, nullptr}};
    lua_pushlightuserdata(L, &e);
    luaL_setfuncs(L, fns, 1);
    lua_createtable(L, static_cast<int>(e.options.args.size()), 0);
    for (size_t i = 0; i < e.options.args.size(); ++i) {
        lua_pushstring(L, e.options.args[i].c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    lua_setfield(L, -2, "args");
    lua_pushstring(L, e.options.projectRoot.c_str());
    lua_setfield(L, -2, "root");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, unknownField);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "sdw");
    // require("sdw") works too
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_insert(L, -2);
    lua_setfield(L, -2, "sdw");
    lua_pop(L, 1);
}
}  // namespace
}  // namespace script

bool runScript(const std::string& path, const ScriptOptions& options, diag::Diagnostics& diags) {
    try {
        auto e = std::make_unique<script::ScriptEnv>();
        e->options = options;
        if (e->options.pluginDirs.empty())
            e->options.pluginDirs.push_back(leversDirectory(options.projectRoot));
        for (const auto& dir : e->options.pluginDirs)
            if (std::filesystem::is_directory(dir)) e->library.addDirectory(dir, diags);
        Sandbox box(SandboxLimits{}, 1, Sandbox::Trust::Trusted);
        if (!box.ok()) {
            diags.error(code::kPluginLoadError, path, "cannot create a Lua state");
            return false;
        }
        script::openModule(box.state(), *e);
        CallFailure f;
        if (!box.loadFile(path, false, f)) {
            diags.error(f.message == "cannot read the file" ? code::kPluginUnreadable : code::kPluginSyntax,
                        path, f.message, 0, f.line);
            return false;
        }
        if (!box.call(0, 0, f)) {
            diags.error(code::kCallError, f.source.empty() ? path : f.source,
                        f.message + (f.traceback.empty() ? "" : "\n" + f.traceback), 0, f.line);
            return false;
        }
        return true;
    } catch (const std::exception& ex) {
        diags.error(code::kCallError, path, std::string("internal error: ") + ex.what());
        return false;
    }
}

}  // namespace sdw::plugins