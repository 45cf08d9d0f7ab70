// Host-internal pieces shared by the files of the `sdw` script module (script_runner.cpp: module, results,
// CSV; script_experiments.cpp: runs, sweeps, Monte Carlo, tornado). Layer: plugins/host. Not for the UI.
#pragma once

#include <cstdint>
#include <cstdio>
#include <lua.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugins/host/plugin_library.hpp"
#include "plugins/host/script_runner.hpp"
#include "solver/analysis/monte_carlo.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::plugins::script {

inline constexpr const char* kModelType = "sdw.model";
inline constexpr const char* kResultType = "sdw.result";

struct ScriptEnv {
    ScriptOptions options;
    PluginLibrary library;
};
struct ModelBox {
    std::shared_ptr<const model::Project> project;
};
struct ResultBox {
    std::shared_ptr<const sim::RunResult> result;
    std::string label;
};

inline ScriptEnv& env(lua_State* L) {
    return *static_cast<ScriptEnv*>(lua_touserdata(L, lua_upvalueindex(1)));
}

template <class F>
int guarded(lua_State* L, F f) {
    char msg[2000];
    try {
        return f();
    } catch (const std::exception& e) {
        std::snprintf(msg, sizeof msg, "%s", e.what());
    } catch (...) {
        std::snprintf(msg, sizeof msg, "internal error in the sdw module");
    }
    luaL_where(L, 1);
    lua_pushstring(L, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

std::string resolvePath(const ScriptEnv& e, const std::string& path);
std::string firstErrors(const diag::Diagnostics& d);
const ModelBox& checkModel(lua_State* L, int idx);
std::vector<std::string> stringList(lua_State* L, int idx);
// The value at idx as a finite number; throws "<what> must be a finite number, not the text '7'" (NaN,
// infinity, a table...) for anything else. Text that reads as a number is still text: no value is guessed.
double finiteAt(lua_State* L, int idx, const std::string& what);
// A field's finite number; nullopt when absent (nil); throws, as finiteAt, when it is anything else.
std::optional<double> numberField(lua_State* L, int idx, const char* key);
// A field's whole number of at least `least` (a count of samples, say); nullopt when absent; throws
// otherwise, naming the field and what it got.
std::optional<size_t> countField(lua_State* L, int idx, const char* key, size_t least);
// A seed: a whole number, every one of Lua's 64 bits kept (a negative integer stands for one above 2^63, as
// Lua's integers wrap); nullopt when absent; throws when it is not a whole number.
std::optional<uint64_t> seedField(lua_State* L, int idx, const char* key);
double finalOf(const sim::RunResult& r, const std::string& name);
void pushResult(lua_State* L, sim::RunResult r, const std::string& label);

// Run options (script_experiments.cpp): read from the table at idx; unknown keys are errors naming the
// nearest known one. checkRequest checks the saveper against dt and, with outcomesByDefault, sets vars to the
// model's outcome measures when the options give none ("all" keeps every variable).
extern const std::vector<std::string> kRunOptions;
void checkKeys(lua_State* L, int idx, const std::vector<std::string>& known, const char* what);
RunRequest readRequest(lua_State* L, int idx, ScriptEnv& e);
void checkRequest(RunRequest& req, const model::Project& p, bool outcomesByDefault);
// Pushes { run, label, inputs = { name = value }, error } for each failure, and says so on stderr.
void pushFailures(lua_State* L, const std::vector<analysis::FailedRun>& failures);

// sdw.run, sdw.run_many (script_experiments.cpp); sdw.sweep, sdw.monte_carlo, sdw.tornado, sdw.sensitivity,
// sdw.constants
// (script_uncertainty.cpp)
int run(lua_State* L);
int runMany(lua_State* L);
int sweep(lua_State* L);
int monteCarlo(lua_State* L);
int tornado(lua_State* L);
int sensitivity(lua_State* L);
int constants(lua_State* L);

}  // namespace sdw::plugins::script
