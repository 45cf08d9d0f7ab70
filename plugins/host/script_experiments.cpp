// The experiment half of the `sdw` script module: run options, runs in parallel, sweeps, Latin hypercube
// Monte Carlo and tornado sensitivity. Layer: plugins/host. C++ exceptions become Lua errors through
// guarded().
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "plugins/host/batch.hpp"
#include "plugins/host/plugin_session.hpp"
#include "plugins/host/scenario.hpp"
#include "plugins/host/script_module.hpp"

namespace sdw::plugins::script {

std::optional<double> numberField(lua_State* L, int idx, const char* key) {
    std::optional<double> out;
    if (lua_getfield(L, idx, key) == LUA_TNUMBER) out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return out;
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

// Run options: { scenario = path, plugins = { id = {p = v} | true }, constants = { name = v }, start, stop,
// dt, saveper, method, seed, vars = { names }, label }
RunRequest readRequest(lua_State* L, int idx, ScriptEnv& e) {
    RunRequest req;
    if (lua_type(L, idx) != LUA_TTABLE) return req;
    idx = lua_absindex(L, idx);
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
                        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER)
                            applyParameter(req, id + "." + lua_tostring(L, -2), lua_tonumber(L, -1));
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
            if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER)
                req.spec.sets.emplace_back(lua_tostring(L, -2), lua_tonumber(L, -1));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (auto v = numberField(L, idx, "start")) req.spec.start = v;
    if (auto v = numberField(L, idx, "stop")) req.spec.stop = v;
    if (auto v = numberField(L, idx, "dt")) req.spec.dt = v;
    if (auto v = numberField(L, idx, "saveper")) req.spec.saveper = v;
    if (auto v = numberField(L, idx, "seed")) req.spec.seed = static_cast<uint64_t>(*v);
    if (lua_getfield(L, idx, "method") == LUA_TSTRING) {
        req.spec.method = sim::parseMethod(lua_tostring(L, -1));
        if (!req.spec.method) throw std::runtime_error("unknown method (use euler, rk4 or rk45)");
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "vars");
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

// Pushes an array of rows: each row a table of the varied values and the outcomes' final values.
void pushRows(lua_State* L, const std::vector<std::vector<std::pair<std::string, double>>>& rows) {
    lua_createtable(L, static_cast<int>(rows.size()), 0);
    for (size_t i = 0; i < rows.size(); ++i) {
        lua_createtable(L, 0, static_cast<int>(rows[i].size()));
        for (const auto& [k, v] : rows[i]) {
            lua_pushnumber(L, v);
            lua_setfield(L, -2, k.c_str());
        }
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

std::vector<std::string> outcomesOf(lua_State* L, int idx) {
    lua_getfield(L, idx, "outcomes");
    auto out = stringList(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "outcome") == LUA_TSTRING) out.push_back(lua_tostring(L, -1));
    lua_pop(L, 1);
    if (out.empty()) throw std::runtime_error("give 'outcomes' (a list of variable names) or 'outcome'");
    return out;
}

RunRequest baseOf(lua_State* L, int idx, const std::vector<std::string>& outcomes) {
    lua_getfield(L, idx, "base");
    RunRequest base = readRequest(L, -1, env(L));
    lua_pop(L, 1);
    base.spec.vars = outcomes;  // keep only what is reported: batches stay small
    return base;
}

struct Range {
    std::string name;
    double min, max;
};

std::vector<Range> rangesOf(lua_State* L, int idx) {
    std::vector<Range> out;
    if (lua_getfield(L, idx, "ranges") != LUA_TTABLE)
        throw std::runtime_error("give 'ranges' = { name = {min, max} }");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TTABLE) {
            Range r{lua_tostring(L, -2), 0, 0};
            lua_rawgeti(L, -1, 1);
            lua_rawgeti(L, -2, 2);
            r.min = lua_isnumber(L, -2) ? lua_tonumber(L, -2) : numberField(L, -3, "min").value_or(0);
            r.max = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : numberField(L, -3, "max").value_or(0);
            lua_pop(L, 2);
            if (!(r.min <= r.max)) throw std::runtime_error("range of '" + r.name + "' has min above max");
            out.push_back(r);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    // Lua's table order is not stable: sort so the same seed gives the same samples.
    std::sort(out.begin(), out.end(), [](const Range& a, const Range& b) { return a.name < b.name; });
    return out;
}

}  // namespace

int run(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        RunRequest req = readRequest(L, 2, env(L));
        auto r = runRequest(*m.project, env(L).library, req);
        pushResult(L, std::move(r), req.label);
        return 1;
    });
}

int runMany(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        std::vector<RunRequest> reqs;
        for (lua_Integer i = 1; i <= luaL_len(L, 2); ++i) {
            lua_rawgeti(L, 2, i);
            reqs.push_back(readRequest(L, -1, env(L)));
            lua_pop(L, 1);
        }
        auto results = runAll(L, *m.project, reqs, "runs");
        lua_createtable(L, static_cast<int>(results.size()), 0);
        for (size_t i = 0; i < results.size(); ++i) {
            pushResult(L, std::move(results[i]), reqs[i].label);
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

// sdw.sweep(model, { parameter = name, values = {...}, outcomes = {...}, base = opts })
int sweep(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        lua_getfield(L, 2, "parameter");
        if (lua_type(L, -1) != LUA_TSTRING) throw std::runtime_error("sdw.sweep needs 'parameter' (a name)");
        const std::string param = lua_tostring(L, -1);
        lua_pop(L, 1);
        std::vector<double> values;
        lua_getfield(L, 2, "values");
        for (lua_Integer i = 1; lua_type(L, -1) == LUA_TTABLE && i <= luaL_len(L, -1); ++i) {
            lua_rawgeti(L, -1, i);
            values.push_back(lua_tonumber(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        const RunRequest base = baseOf(L, 2, outcomes);
        std::vector<RunRequest> reqs(values.size(), base);
        for (size_t i = 0; i < values.size(); ++i) applyParameter(reqs[i], param, values[i]);
        auto results = runAll(L, *m.project, reqs, "sweep " + param);
        std::vector<std::vector<std::pair<std::string, double>>> rows;
        for (size_t i = 0; i < results.size(); ++i) {
            rows.push_back({{param, values[i]}});
            for (const auto& o : outcomes) rows.back().emplace_back(o, finalOf(results[i], o));
        }
        pushRows(L, rows);
        return 1;
    });
}

// sdw.monte_carlo(model, { samples = n, seed = s, ranges = {...}, outcomes = {...}, base = opts })
int monteCarlo(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        const auto ranges = rangesOf(L, 2);
        const size_t n = static_cast<size_t>(numberField(L, 2, "samples").value_or(100));
        const uint64_t seed = static_cast<uint64_t>(numberField(L, 2, "seed").value_or(1));
        const RunRequest base = baseOf(L, 2, outcomes);
        const auto points = latinHypercube(n, ranges.size(), seed);
        std::vector<RunRequest> reqs(n, base);
        for (size_t i = 0; i < n; ++i) {
            reqs[i].spec.seed = base.spec.seed + i;
            for (size_t d = 0; d < ranges.size(); ++d)
                applyParameter(reqs[i], ranges[d].name,
                               ranges[d].min + points[i][d] * (ranges[d].max - ranges[d].min));
        }
        auto results = runAll(L, *m.project, reqs, "monte carlo");
        std::vector<std::vector<std::pair<std::string, double>>> rows;
        for (size_t i = 0; i < n; ++i) {
            rows.push_back({{"sample", static_cast<double>(i + 1)}});
            for (size_t d = 0; d < ranges.size(); ++d)
                rows.back().emplace_back(ranges[d].name,
                                         ranges[d].min + points[i][d] * (ranges[d].max - ranges[d].min));
            for (const auto& o : outcomes) rows.back().emplace_back(o, finalOf(results[i], o));
        }
        pushRows(L, rows);
        return 1;
    });
}

// sdw.tornado(model, { ranges = {...}, outcomes = {...} or outcome = name, base = opts }): for each outcome
// in turn, its rows sorted by swing, widest first. One baseline and two runs per parameter serve every
// outcome.
int tornado(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        const auto ranges = rangesOf(L, 2);
        const RunRequest base = baseOf(L, 2, outcomes);
        std::vector<RunRequest> reqs(1 + 2 * ranges.size(), base);
        for (size_t d = 0; d < ranges.size(); ++d) {
            applyParameter(reqs[1 + 2 * d], ranges[d].name, ranges[d].min);
            applyParameter(reqs[2 + 2 * d], ranges[d].name, ranges[d].max);
        }
        auto results = runAll(L, *m.project, reqs, "tornado");
        struct Bar {
            size_t d;
            double lo, hi;
        };
        lua_createtable(L, static_cast<int>(ranges.size() * outcomes.size()), 0);
        lua_Integer row = 0;
        for (const auto& o : outcomes) {  // one set of runs serves every outcome
            const double baseline = finalOf(results[0], o);
            std::vector<Bar> bars;
            for (size_t d = 0; d < ranges.size(); ++d)
                bars.push_back({d, finalOf(results[1 + 2 * d], o), finalOf(results[2 + 2 * d], o)});
            std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
                return std::fabs(a.hi - a.lo) > std::fabs(b.hi - b.lo);
            });
            for (const auto& b : bars) {
                lua_createtable(L, 0, 8);
                lua_pushstring(L, ranges[b.d].name.c_str());
                lua_setfield(L, -2, "parameter");
                lua_pushstring(L, o.c_str());
                lua_setfield(L, -2, "outcome");
                const std::pair<const char*, double> fields[] = {
                    {"low", ranges[b.d].min}, {"high", ranges[b.d].max}, {"outcome_low", b.lo},
                    {"outcome_high", b.hi},   {"baseline", baseline},    {"swing", std::fabs(b.hi - b.lo)}};
                for (const auto& [k, v] : fields) {
                    lua_pushnumber(L, v);
                    lua_setfield(L, -2, k);
                }
                lua_rawseti(L, -2, ++row);
            }
        }
        return 1;
    });
}

}  // namespace sdw::plugins::script
