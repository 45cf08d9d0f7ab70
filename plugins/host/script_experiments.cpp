// The experiment half of the `sdw` script module: run options (checked: a misspelt option or a saveper
// that is not a whole number of steps is an error naming it), single runs and runs in parallel. Layer:
// plugins/host. C++ exceptions become Lua errors through guarded().
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "plugins/host/batch.hpp"
#include "plugins/host/plugin_session.hpp"
#include "plugins/host/scenario.hpp"
#include "plugins/host/script_module.hpp"
#include "plugins/host/trial_runner.hpp"
#include "solver/analysis/run_options.hpp"
#include "solver/analysis/sensitivity.hpp"
#include "solver/diag/near_name.hpp"
#include "solver/xmile/xmile.hpp"

namespace sdw::plugins::script {

double finiteAt(lua_State* L, int idx, const std::string& what) {
    if (lua_type(L, idx) == LUA_TNUMBER) {
        const double v = lua_tonumber(L, idx);
        if (std::isfinite(v)) return v;
        throw std::runtime_error(what + " must be a finite number, not " +
                                 (std::isnan(v) ? "NaN"
                                  : v > 0       ? "infinity"
                                                : "-infinity"));
    }
    if (lua_type(L, idx) == LUA_TSTRING)
        throw std::runtime_error(what + " must be a finite number, not the text '" + lua_tostring(L, idx) +
                                 "'");
    throw std::runtime_error(
        what + " must be a finite number, not " +
        (lua_isnil(L, idx) ? std::string("nil") : std::string("a ") + luaL_typename(L, idx)));
}

std::optional<double> numberField(lua_State* L, int idx, const char* key) {
    std::optional<double> out;
    if (lua_getfield(L, idx, key) != LUA_TNIL) out = finiteAt(L, -1, std::string("'") + key + "'");
    lua_pop(L, 1);
    return out;
}

std::optional<size_t> countField(lua_State* L, int idx, const char* key, size_t least) {
    const auto v = numberField(L, idx, key);
    if (!v) return std::nullopt;
    if (!(*v >= static_cast<double>(least) && *v <= 1e9 && std::floor(*v) == *v)) {
        char got[32];
        std::snprintf(got, sizeof got, "%g", *v);
        throw std::runtime_error(std::string("'") + key + "' must be a whole number from " +
                                 std::to_string(least) + " to 1,000,000,000, not " + got);
    }
    return static_cast<size_t>(*v);
}

std::optional<uint64_t> seedField(lua_State* L, int idx, const char* key) {
    std::optional<uint64_t> out;
    const int type = lua_getfield(L, idx, key);
    int whole = 0;
    const lua_Integer v = lua_tointegerx(L, -1, &whole);
    lua_pop(L, 1);
    if (type == LUA_TNIL) return out;
    if (!whole) throw std::runtime_error(std::string("'") + key + "' must be a whole number");
    return static_cast<uint64_t>(v);
}

namespace {

// "id.param" sets a plugin param (switching the plugin on); any other name sets a model constant.
void applyParameter(RunRequest& req, const std::string& name, double value) {
    const auto dot = name.find('.');
    if (dot == std::string::npos) {
        req.spec.sets.emplace_back(name, value);
        return;
    }
    const std::string id = name.substr(0, dot), param = name.substr(dot + 1);
    for (auto& p : req.plugins)
        if (p.id == id) {
            p.params[param] = value;
            return;
        }
    req.plugins.push_back({id, {{param, value}}});
}

}  // namespace

const std::vector<std::string> kRunOptions = {"scenario", "plugins", "constants", "start", "stop", "dt",
                                              "saveper",  "method",  "seed",      "vars",  "label"};

// Every string key of the table at idx must be one of `known`; a misspelt one is an error that names it and
// suggests the nearest.
void checkKeys(lua_State* L, int idx, const std::vector<std::string>& known, const char* what) {
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) continue;
        const std::string key = lua_tostring(L, -1);
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        lua_pop(L, 1);
        const auto near = diag::nearestName(key, known);
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        throw std::runtime_error("unknown " + std::string(what) + " '" + key + "'" +
                                 (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                 "; known: " + list);
    }
}

// Checks a request against its model: a saveper that is not a whole number of steps is an error, and vars
// default to the model's outcome measures ("all" keeps every variable).
void checkRequest(RunRequest& req, const model::Project& p, bool outcomesByDefault) {
    const auto why =
        analysis::checkSaveperOverride(req.spec.dt, req.spec.saveper, p.specs.dt, p.specs.saveper);
    if (!why.empty()) throw std::runtime_error(why);
    if (req.spec.vars.size() == 1 && req.spec.vars[0] == "*all*")
        req.spec.vars.clear();
    else if (req.spec.vars.empty() && outcomesByDefault)
        req.spec.vars = xmile::groupMembers(p.main(), xmile::kOutcomeGroup);
}

// Run options: { scenario = path, plugins = { id = {p = v} | true }, constants = { name = v }, start, stop,
// dt, saveper, method, seed, vars = { names }, label }
RunRequest readRequest(lua_State* L, int idx, ScriptEnv& e) {  // also used by script_uncertainty.cpp
    RunRequest req;
    if (lua_type(L, idx) != LUA_TTABLE) return req;
    idx = lua_absindex(L, idx);
    checkKeys(L, idx, kRunOptions, "run option");
    if (lua_getfield(L, idx, "scenario") == LUA_TSTRING) {
        diag::Diagnostics diags;
        auto s = loadScenario(resolvePath(e, lua_tostring(L, -1)), diags, &e.library);
        if (!s) throw std::runtime_error(firstErrors(diags));
        req = s->toRequest({});
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "plugins") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) {
                const std::string id = lua_tostring(L, -2);
                if (std::none_of(req.plugins.begin(), req.plugins.end(), [&](auto& p) { return p.id == id; }))
                    req.plugins.push_back({id, {}});
                if (lua_type(L, -1) == LUA_TTABLE) {
                    lua_pushnil(L);
                    while (lua_next(L, -2)) {
                        if (lua_type(L, -2) == LUA_TSTRING) {
                            const std::string param = id + "." + lua_tostring(L, -2);
                            applyParameter(req, param, finiteAt(L, -1, "plugins: '" + param + "'"));
                        }
                        lua_pop(L, 1);
                    }
                }
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "constants") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING) throw std::runtime_error("'constants' keys must be names");
            const std::string name = lua_tostring(L, -2);
            req.spec.sets.emplace_back(name, finiteAt(L, -1, "constants: '" + name + "'"));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    for (const char* key : {"start", "stop", "dt", "saveper", "seed"}) {
        const int t = lua_getfield(L, idx, key);
        lua_pop(L, 1);
        if (t != LUA_TNIL && t != LUA_TNUMBER)
            throw std::runtime_error(std::string("run option '") + key + "' must be a number");
    }
    if (auto v = numberField(L, idx, "start")) req.spec.start = v;
    if (auto v = numberField(L, idx, "stop")) req.spec.stop = v;
    if (auto v = numberField(L, idx, "dt")) req.spec.dt = v;
    if (auto v = numberField(L, idx, "saveper")) req.spec.saveper = v;
    if (auto v = seedField(L, idx, "seed")) req.spec.seed = *v;
    if (lua_getfield(L, idx, "method") == LUA_TSTRING) {
        req.spec.method = sim::parseMethod(lua_tostring(L, -1));
        if (!req.spec.method) throw std::runtime_error("unknown method (use euler, rk4 or rk45)");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "vars") == LUA_TSTRING && std::string(lua_tostring(L, -1)) == "all")
        req.spec.vars = {"*all*"};  // every variable (resolved in checkRequest)
    else
        req.spec.vars = stringList(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "label") == LUA_TSTRING) req.label = lua_tostring(L, -1);
    lua_pop(L, 1);
    return req;
}

std::vector<sim::RunResult> runAll(lua_State* L, const model::Project& p, const std::vector<RunRequest>& reqs,
                                   const std::string& label) {
    BatchOptions o;
    o.threads = env(L).options.threads;
    o.progress = reqs.size() >= 4;
    o.label = label;
    return runBatch(p, env(L).library, reqs, o);
}

int run(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        RunRequest req = readRequest(L, 2, env(L));
        checkRequest(req, *m.project, false);
        auto r = runRequest(*m.project, env(L).library, req);
        pushResult(L, std::move(r), req.label);
        return 1;
    });
}

// sdw.run_many(model, { opts, ... }): the results of the runs that finished, in order, and a list of the
// failures ({ run, label, inputs, error }); vars default to the model's outcome measures.
int runMany(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        std::vector<RunRequest> reqs;
        for (lua_Integer i = 1; i <= luaL_len(L, 2); ++i) {
            lua_rawgeti(L, 2, i);
            reqs.push_back(readRequest(L, -1, env(L)));
            checkRequest(reqs.back(), *m.project, true);
            lua_pop(L, 1);
        }
        auto results = runAll(L, *m.project, reqs, "runs");
        std::vector<analysis::FailedRun> failures;
        lua_createtable(L, static_cast<int>(results.size()), 0);
        lua_Integer n = 0;
        for (size_t i = 0; i < results.size(); ++i) {
            if (!results[i].ok()) {
                analysis::Inputs inputs = reqs[i].spec.sets;
                for (const auto& p : reqs[i].plugins)
                    for (const auto& [k, v] : p.params) inputs.emplace_back(p.id + "." + k, v);
                failures.push_back({i, inputs,
                                    (reqs[i].label.empty() ? "" : reqs[i].label + ": ") +
                                        analysis::failureMessage(results[i])});
                continue;
            }
            pushResult(L, std::move(results[i]), reqs[i].label);
            lua_rawseti(L, -2, ++n);
        }
        pushFailures(L, failures);
        return 2;
    });
}

}  // namespace sdw::plugins::script
