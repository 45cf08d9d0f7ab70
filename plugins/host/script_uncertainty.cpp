// The uncertainty half of the `sdw` script module: sweeps, Monte Carlo (final values and bands over time),
// tornado rows from the true baseline, Morris and Sobol indices, and the model's constants. Every batch goes
// through the plugin host's trial runner, so a plugin param varied in a batch has its plugin on in every run
// of it (the baseline too); failed runs come back as a second value and are left out of the rows. Layer:
// plugins/host.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "plugins/host/script_module.hpp"
#include "plugins/host/trial_runner.hpp"
#include "solver/analysis/constants.hpp"
#include "solver/analysis/sensitivity.hpp"

namespace sdw::plugins::script {

void pushFailures(lua_State* L, const std::vector<analysis::FailedRun>& failures) {
    lua_createtable(L, static_cast<int>(failures.size()), 0);
    for (size_t i = 0; i < failures.size(); ++i) {
        const auto& f = failures[i];
        std::string inputs;
        lua_createtable(L, 0, 3);
        lua_pushinteger(L, static_cast<lua_Integer>(f.run + 1));
        lua_setfield(L, -2, "run");
        lua_createtable(L, 0, static_cast<int>(f.inputs.size()));
        for (const auto& [k, v] : f.inputs) {
            lua_pushnumber(L, v);
            lua_setfield(L, -2, k.c_str());
            inputs += (inputs.empty() ? "" : ", ") + k + "=" + std::to_string(v);
        }
        lua_setfield(L, -2, "inputs");
        lua_pushstring(L, f.message.c_str());
        lua_setfield(L, -2, "error");
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        std::fprintf(stderr, "sdw: run %zu failed and is left out (%s): %s\n", f.run + 1, inputs.c_str(),
                     f.message.c_str());
    }
}

namespace {

using Row = std::vector<std::pair<std::string, double>>;

void pushRows(lua_State* L, const std::vector<Row>& rows) {
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

// The batch every experiment runs on: the base options, then the trials.
struct Batch {
    RunRequest base;
    std::unique_ptr<PluginTrialRunner> runner;
    analysis::TrialOptions options;
};

Batch batchOf(lua_State* L, int idx, const model::Project& p, const std::vector<std::string>& outcomes,
              const std::vector<std::string>& known) {
    checkKeys(L, idx, known, "option");
    Batch b;
    lua_getfield(L, idx, "base");
    b.base = readRequest(L, -1, env(L));
    lua_pop(L, 1);
    checkRequest(b.base, p, false);
    b.runner = std::make_unique<PluginTrialRunner>(p, env(L).library, b.base);
    if (!b.runner->ok())
        throw std::runtime_error("the model does not compile:\n" + firstErrors(b.runner->diagnostics()));
    b.options.vars = outcomes;
    b.options.threads = env(L).options.threads;
    return b;
}

// ranges = { name = {min, max} | {min = a, max = b} | "triangular(a,m,b)" | true (the model's own) }
std::vector<analysis::UncertainInput> rangesOf(lua_State* L, int idx, const analysis::TrialRunner& runner) {
    std::vector<analysis::UncertainInput> out;
    if (lua_getfield(L, idx, "ranges") != LUA_TTABLE)
        throw std::runtime_error("give 'ranges' = { name = {min, max} or \"normal(mean,sd)\" or true }");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING) throw std::runtime_error("'ranges' keys must be names");
        analysis::UncertainInput in{lua_tostring(L, -2), {}};
        if (auto why = runner.checkInput(in.name); !why.empty())
            throw std::runtime_error(in.name + ": " + why);
        std::string error;
        if (lua_type(L, -1) == LUA_TTABLE) {
            // {min, max} or {min = a, max = b}; a missing or non-numeric bound was read as 0.
            const bool listed = lua_rawgeti(L, -1, 1) != LUA_TNIL;
            lua_pop(L, 1);
            for (const char* bound : {"min", "max"}) {
                const bool min = bound[1] == 'i';
                if (listed)
                    lua_rawgeti(L, -1, min ? 1 : 2);
                else
                    lua_getfield(L, -1, bound);
                (min ? in.distribution.a : in.distribution.b) =
                    finiteAt(L, -1, "range of '" + in.name + "': its " + bound);
                lua_pop(L, 1);
            }
            if (!(in.distribution.a <= in.distribution.b))
                throw std::runtime_error("range of '" + in.name + "' has min above max");
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            auto d = analysis::parseDistribution(lua_tostring(L, -1), error);
            if (!d) throw std::runtime_error("range of '" + in.name + "': " + error);
            in.distribution = *d;
        } else {
            auto d = runner.ownDistribution(in.name);
            if (!d)
                throw std::runtime_error("'" + in.name +
                                         "' has no plausible range in the model; give {min, max}");
            in.distribution = *d;
        }
        out.push_back(in);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    // Lua's table order is not stable: sort so the same seed gives the same samples.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

double finalOrNaN(const sim::RunResult& r, const std::string& name) {
    const auto v = r.ok() ? r.finalValue(name) : std::nullopt;
    if (r.ok() && !v) throw std::runtime_error("the results have no variable '" + name + "'");
    return v.value_or(std::nan(""));
}

}  // namespace

// sdw.sweep(model, { parameter = name, values = {...}, outcomes = {...}, base = opts }) -> rows, failures
int sweep(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        auto b = batchOf(L, 2, *m.project, outcomes, {"parameter", "values", "outcomes", "outcome", "base"});
        if (lua_getfield(L, 2, "parameter") != LUA_TSTRING)
            throw std::runtime_error("sdw.sweep needs 'parameter' (a name)");
        const std::string param = lua_tostring(L, -1);
        lua_pop(L, 1);
        if (auto why = b.runner->checkInput(param); !why.empty())
            throw std::runtime_error(param + ": " + why);
        std::vector<analysis::Inputs> trials;
        // A value that is not a number was read as 0 and run; no values at all gave no rows and no word.
        if (lua_getfield(L, 2, "values") != LUA_TTABLE || luaL_len(L, -1) == 0)
            throw std::runtime_error("sdw.sweep needs 'values': a list of the numbers to give '" + param +
                                     "'");
        for (lua_Integer i = 1; i <= luaL_len(L, -1); ++i) {
            lua_rawgeti(L, -1, i);
            const double v = finiteAt(L, -1, "sdw.sweep: values[" + std::to_string(i) + "]");
            trials.push_back({{param, v}});
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        const auto results = b.runner->run(trials, b.options);
        std::vector<Row> rows;
        std::vector<analysis::FailedRun> failures;
        for (size_t i = 0; i < results.size(); ++i) {
            if (!results[i].ok()) {
                failures.push_back({i, trials[i], analysis::failureMessage(results[i])});
                continue;
            }
            rows.push_back(trials[i]);
            for (const auto& o : outcomes) rows.back().emplace_back(o, finalOrNaN(results[i], o));
        }
        pushRows(L, rows);
        pushFailures(L, failures);
        return 2;
    });
}

// sdw.monte_carlo(model, { samples, seed, ranges, correlate = { {a, b, rho} }, outcomes, percentiles, base })
// -> rows (sample, inputs, final outcomes), failures, bands ({ Time = {...}, ["a[p5]"] = {...} })
int monteCarlo(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        analysis::MonteCarloSpec spec;
        spec.vars = outcomesOf(L, 2);
        auto b =
            batchOf(L, 2, *m.project, spec.vars,
                    {"samples", "seed", "ranges", "correlate", "outcomes", "outcome", "percentiles", "base"});
        spec.inputs = rangesOf(L, 2, *b.runner);
        spec.runs = countField(L, 2, "samples", 1).value_or(100);
        spec.seed = seedField(L, 2, "seed").value_or(1);
        std::vector<double> percentiles;
        lua_getfield(L, 2, "percentiles");
        for (lua_Integer i = 1; lua_type(L, -1) == LUA_TTABLE && i <= luaL_len(L, -1); ++i) {
            lua_rawgeti(L, -1, i);
            const std::string what = "percentiles[" + std::to_string(i) + "]";
            percentiles.push_back(finiteAt(L, -1, what));
            if (percentiles.back() < 0 || percentiles.back() > 100)
                throw std::runtime_error(what + " must be from 0 to 100 (50 is the median)");
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        const bool bands = !percentiles.empty();  // bands over time only when asked for
        if (bands) spec.percentiles = percentiles;
        lua_getfield(L, 2, "correlate");
        for (lua_Integer i = 1; lua_type(L, -1) == LUA_TTABLE && i <= luaL_len(L, -1); ++i) {
            lua_rawgeti(L, -1, i);
            const auto names = stringList(L, -1);
            lua_rawgeti(L, -1, 3);
            const double rho =
                finiteAt(L, -1, "correlate[" + std::to_string(i) + "]'s rho (its third value)");
            lua_pop(L, 2);
            auto index = [&](const std::string& n) {
                for (size_t k = 0; k < spec.inputs.size(); ++k)
                    if (spec.inputs[k].name == n) return k;
                throw std::runtime_error("correlate: '" + n + "' is not among the ranges");
            };
            if (names.size() != 2) throw std::runtime_error("correlate entries are { name_a, name_b, rho }");
            spec.correlations.push_back({index(names[0]), index(names[1]), rho});
        }
        lua_pop(L, 1);
        analysis::MonteCarloResult r;
        std::string error;
        if (!analysis::runMonteCarlo(spec, *b.runner, b.options, r, error) && r.okRuns == 0 &&
            r.failures.empty())
            throw std::runtime_error(error);
        std::vector<Row> rows;
        for (size_t i = 0; i < r.runs.size(); ++i) {
            if (!r.runs[i].ok()) continue;
            rows.push_back({{"sample", static_cast<double>(i + 1)}});
            rows.back().insert(rows.back().end(), r.samples[i].begin(), r.samples[i].end());
            for (const auto& o : spec.vars) rows.back().emplace_back(o, finalOrNaN(r.runs[i], o));
        }
        pushRows(L, rows);
        pushFailures(L, r.failures);
        lua_createtable(L, 0, static_cast<int>(r.columns.size()));
        for (size_t c = 0; bands && c < r.columns.size(); ++c) {
            lua_createtable(L, static_cast<int>(r.rows()), 0);
            for (size_t row = 0; row < r.rows(); ++row) {
                lua_pushnumber(L, r.data[row * r.columns.size() + c]);
                lua_rawseti(L, -2, static_cast<lua_Integer>(row + 1));
            }
            lua_setfield(L, -2, r.columns[c].c_str());
        }
        return 3;
    });
}

// sdw.tornado(model, { ranges, outcomes (or outcome), base }) -> rows per outcome, widest first, failures.
// The baseline is the base run itself; each row changes one input only.
int tornado(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        auto b = batchOf(L, 2, *m.project, outcomes, {"ranges", "outcomes", "outcome", "base"});
        std::vector<analysis::OatInput> inputs;
        for (const auto& in : rangesOf(L, 2, *b.runner))
            inputs.push_back({in.name, analysis::scaledValue(in.distribution, 0),
                              analysis::scaledValue(in.distribution, 1)});
        std::vector<analysis::TornadoBar> bars;
        std::vector<analysis::FailedRun> failures;
        std::string error;
        if (!analysis::oneAtATime(inputs, outcomes, *b.runner, b.options, bars, failures, error))
            throw std::runtime_error(error);
        lua_createtable(L, static_cast<int>(bars.size()), 0);
        lua_Integer row = 0;
        for (const auto& bar : bars) {
            if (std::isnan(bar.swing)) continue;  // one of its runs failed: listed in failures
            lua_createtable(L, 0, 8);
            lua_pushstring(L, bar.parameter.c_str());
            lua_setfield(L, -2, "parameter");
            lua_pushstring(L, bar.outcome.c_str());
            lua_setfield(L, -2, "outcome");
            const std::pair<const char*, double> fields[] = {{"low", bar.low},
                                                             {"high", bar.high},
                                                             {"outcome_low", bar.outcomeLow},
                                                             {"outcome_high", bar.outcomeHigh},
                                                             {"baseline", bar.baseline},
                                                             {"swing", bar.swing}};
            for (const auto& [k, v] : fields) {
                lua_pushnumber(L, v);
                lua_setfield(L, -2, k);
            }
            lua_rawseti(L, -2, ++row);
        }
        pushFailures(L, failures);
        return 2;
    });
}

// sdw.sensitivity(model, { method = "morris" | "sobol", ranges, outcomes (or outcome), trajectories = 10,
// samples = 512, seed = 1, base }) -> rows, failures. Morris rows { parameter, outcome, mu, mu_star, sigma,
// effects }; Sobol rows { parameter, outcome, first_order, total }; per outcome, parameters in name order
// (`sdw sensitivity` with its --vary in that order and the same seed gives the same numbers).
int sensitivity(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        luaL_checktype(L, 2, LUA_TTABLE);
        const auto outcomes = outcomesOf(L, 2);
        auto b =
            batchOf(L, 2, *m.project, outcomes,
                    {"method", "ranges", "outcomes", "outcome", "trajectories", "samples", "seed", "base"});
        std::string method = "morris";
        if (lua_getfield(L, 2, "method") == LUA_TSTRING) method = lua_tostring(L, -1);
        lua_pop(L, 1);
        if (method != "morris" && method != "sobol")
            throw std::runtime_error("method must be 'morris' or 'sobol' (a tornado is sdw.tornado), not '" +
                                     method + "'");
        const auto inputs = rangesOf(L, 2, *b.runner);
        const size_t trajectories = countField(L, 2, "trajectories", 2).value_or(10),
                     samples = countField(L, 2, "samples", 2).value_or(512);
        const auto seed = seedField(L, 2, "seed").value_or(1);
        analysis::ModelScorer scorer(inputs, outcomes, *b.runner, b.options);
        std::vector<Row> rows;
        std::vector<std::pair<std::string, std::string>> names;  // parameter and outcome of each row
        if (method == "morris") {
            const auto r =
                analysis::morris(inputs.size(), outcomes.size(), trajectories, 4, seed, scorer.function());
            for (size_t k = 0; k < outcomes.size(); ++k)
                for (size_t i = 0; i < inputs.size(); ++i) {
                    const auto& x = r[k][i];
                    rows.push_back({{"mu", x.mu},
                                    {"mu_star", x.muStar},
                                    {"sigma", x.sigma},
                                    {"effects", static_cast<double>(x.effects)}});
                    names.emplace_back(inputs[i].name, outcomes[k]);
                }
        } else {
            const auto r = analysis::sobol(inputs.size(), outcomes.size(), samples, seed, scorer.function());
            for (size_t k = 0; k < outcomes.size(); ++k)
                for (size_t i = 0; i < inputs.size(); ++i) {
                    rows.push_back({{"first_order", r[k][i].first}, {"total", r[k][i].total}});
                    names.emplace_back(inputs[i].name, outcomes[k]);
                }
        }
        pushRows(L, rows);
        for (size_t i = 0; i < names.size(); ++i) {
            lua_rawgeti(L, -1, static_cast<lua_Integer>(i + 1));
            lua_pushstring(L, names[i].first.c_str());
            lua_setfield(L, -2, "parameter");
            lua_pushstring(L, names[i].second.c_str());
            lua_setfield(L, -2, "outcome");
            lua_pop(L, 1);
        }
        pushFailures(L, scorer.failures());
        return 2;
    });
}

// sdw.constants(model) -> { { name, value, units, min, max, distribution, source }, ... } in file order
int constants(lua_State* L) {
    return guarded(L, [&] {
        const auto& m = checkModel(L, 1);
        const auto list = analysis::listConstants(*m.project);
        lua_createtable(L, static_cast<int>(list.size()), 0);
        for (size_t i = 0; i < list.size(); ++i) {
            const auto& c = list[i];
            lua_createtable(L, 0, 7);
            for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"name", &c.name},
                                       {"units", &c.units},
                                       {"distribution", &c.distribution},
                                       {"source", &c.source}}) {
                lua_pushstring(L, v->c_str());
                lua_setfield(L, -2, k);
            }
            lua_pushnumber(L, c.value);
            lua_setfield(L, -2, "value");
            if (c.min) {
                lua_pushnumber(L, *c.min);
                lua_setfield(L, -2, "min");
                lua_pushnumber(L, *c.max);
                lua_setfield(L, -2, "max");
            }
            lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
        }
        return 1;
    });
}

}  // namespace sdw::plugins::script
