// The run side of plugins: params, overrides, the ctx object Lua sees, events, on_start/on_step,
// runRequest(). Layer: plugins/host. C callbacks never let a C++ exception reach Lua, and raise Lua errors
// only after every C++ object of their frame is gone.
#include "plugins/host/plugin_session.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <lua.hpp>
#include <stdexcept>

#include "solver/model/text_origin.hpp"

namespace sdw::plugins {

struct PluginSession::Active {
    const PluginDescriptor* d = nullptr;
    int tableRef = LUA_NOREF, ctxRef = LUA_NOREF, paramsRef = LUA_NOREF;
    int onStartRef = LUA_NOREF, onStepRef = LUA_NOREF;
    struct Event {
        double time = 0;
        int setRef = LUA_NOREF;
        int actionRef = LUA_NOREF;
        bool fired = false;
    };
    std::vector<Event> events;
    std::vector<std::string> modifies;              // canonical names
    std::unordered_map<std::string, bool> allowed;  // name as Lua wrote it -> declared in modifies (cache)

    bool mayModify(const std::string& name) {
        if (auto it = allowed.find(name); it != allowed.end()) return it->second;
        const std::string key = model::canonicalName(name);
        bool ok = false;
        for (const auto& m : modifies) ok = ok || m == key;
        allowed.emplace(name, ok);
        return ok;
    }
};

namespace {

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

PluginSession* sessionOf(lua_State* L) {
    return static_cast<PluginSession*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// Runs f; a C++ exception becomes a Lua error raised after f's frame (and its strings) is gone.
template <class F>
int guarded(lua_State* L, F f) {
    char msg[600];
    try {
        return f();
    } catch (const std::exception& e) {
        std::snprintf(msg, sizeof msg, "%s", e.what());
    } catch (...) {
        std::snprintf(msg, sizeof msg, "internal error in the plugin host");
    }
    luaL_where(L, 1);
    lua_pushstring(L, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

std::string argName(lua_State* L, const char* fn) {
    if (lua_type(L, 2) != LUA_TSTRING)
        throw std::runtime_error(std::string("ctx:") + fn +
                                 "(name...): name must be a string (call it with ':')");
    return lua_tostring(L, 2);
}

int ctxGet(lua_State* L) {
    return guarded(L, [&] {
        auto* s = sessionOf(L);
        const std::string name = argName(L, "get");
        if (!s->current())
            throw std::runtime_error("ctx:get is only available during on_start, on_step and events");
        const int slot = s->slotOf(name);
        if (slot < 0) throw std::runtime_error("ctx:get: the model has no variable '" + name + "'");
        lua_pushnumber(L, s->current()->get(slot));
        return 1;
    });
}

int ctxSet(lua_State* L) {
    return guarded(L, [&] {
        auto* s = sessionOf(L);
        const std::string name = argName(L, "set");
        if (lua_type(L, 3) != LUA_TNUMBER)
            throw std::runtime_error("ctx:set('" + name + "', value): value must be a number");
        const double v = lua_tonumber(L, 3);
        auto* a = s->activePlugin();
        if (!s->current() || !a)
            throw std::runtime_error("ctx:set is only available during on_start, on_step and events");
        if (!a->mayModify(name)) {
            s->m_pendingCode = code::kForbiddenSet;
            throw std::runtime_error("plugin '" + a->d->id + "' may not set '" + name +
                                     "': it is not declared in 'modifies'");
        }
        if (!std::isfinite(v)) {
            s->m_pendingCode = code::kNonFiniteSet;
            throw std::runtime_error("plugin '" + a->d->id + "' set '" + name + "' to " + num(v) +
                                     ": values must be finite numbers");
        }
        const int slot = s->slotOf(name);
        if (slot < 0) throw std::runtime_error("ctx:set: the model has no variable '" + name + "'");
        if (!s->current()->set(slot, v))
            throw std::runtime_error("'" + name + "' cannot be set at a step boundary");
        return 0;
    });
}

int ctxTime(lua_State* L) {
    auto* s = sessionOf(L);
    lua_pushnumber(L, s->current() ? s->current()->time() : 0.0);
    return 1;
}

int ctxDt(lua_State* L) {
    auto* s = sessionOf(L);
    lua_pushnumber(L, s->current() ? s->current()->dt() : 0.0);
    return 1;
}

int ref(lua_State* L) {
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

// Each selected param exists and lies within its declared range.
bool paramsInRange(const PluginDescriptor& d, const PluginSelection& sel, diag::Diagnostics& diags) {
    for (const auto& [name, value] : sel.params) {
        const auto* p = d.findParam(name);
        if (!p) {
            diags.error(code::kUnknownPlugin, d.file, "plugin '" + d.id + "' has no param '" + name + "'");
            return false;
        }
        if (!std::isfinite(value) || value < p->min || value > p->max) {
            diags.error(code::kScenario, d.file,
                        "param '" + d.id + "." + name + "' = " + num(value) + " lies outside [" +
                            num(p->min) + ", " + num(p->max) + "]");
            return false;
        }
    }
    return true;
}

// Builds the plugin's ctx (params, id, the get/set/time/dt methods) and keeps references to it and its
// params.
void makeContext(lua_State* L, PluginSession* self, const PluginDescriptor& d, const PluginSelection& sel,
                 PluginSession::Active& a) {
    lua_newtable(L);  // params
    for (const auto& p : d.params) {
        auto it = sel.params.find(p.name);
        lua_pushnumber(L, it == sel.params.end() ? p.defaultValue : it->second);
        lua_setfield(L, -2, p.name.c_str());
    }
    lua_pushvalue(L, -1);
    a.paramsRef = ref(L);
    lua_newtable(L);  // ctx
    lua_insert(L, -2);
    lua_setfield(L, -2, "params");
    lua_pushstring(L, d.id.c_str());
    lua_setfield(L, -2, "id");
    lua_newtable(L);  // metatable with the methods
    lua_newtable(L);
    const luaL_Reg methods[] = {
        {"get", ctxGet}, {"set", ctxSet}, {"time", ctxTime}, {"dt", ctxDt}, {nullptr, nullptr}};
    lua_pushlightuserdata(L, self);
    luaL_setfuncs(L, methods, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    a.ctxRef = ref(L);
}

// Keeps a reference to field `key` of the table on top when it has Lua type `type`.
int refField(lua_State* L, const char* key, int type) {
    lua_pushstring(L, key);
    if (lua_rawget(L, -2) == type) return ref(L);
    lua_pop(L, 1);
    return LUA_NOREF;
}

// Reads on_start, on_step and the events list from the plugin table on top of the stack (raw reads only).
void readHooks(lua_State* L, PluginSession::Active& a) {
    a.onStartRef = refField(L, "on_start", LUA_TFUNCTION);
    a.onStepRef = refField(L, "on_step", LUA_TFUNCTION);
    lua_pushliteral(L, "events");
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, -1, i);
            PluginSession::Active::Event e;
            lua_pushliteral(L, "time");
            lua_rawget(L, -2);
            e.time = lua_tonumber(L, -1);
            lua_pop(L, 1);
            e.setRef = refField(L, "set", LUA_TTABLE);
            e.actionRef = refField(L, "action", LUA_TFUNCTION);
            lua_pop(L, 1);
            a.events.push_back(e);
        }
    }
    lua_pop(L, 1);
}

}  // namespace

PluginSession::PluginSession(uint64_t seed, SandboxLimits limits) : m_box(limits, seed) {}
PluginSession::~PluginSession() = default;

int PluginSession::slotOf(const std::string& name) {
    if (auto it = m_slotCache.find(name); it != m_slotCache.end()) return it->second;
    const int slot = m_ctx ? m_ctx->model().findSlot(name) : -1;
    if (m_ctx) m_slotCache.emplace(name, slot);
    return slot;
}

bool PluginSession::add(const PluginDescriptor& d, const PluginSelection& sel, diag::Diagnostics& diags) {
    lua_State* L = m_box.state();
    if (!L) {
        diags.error(code::kPluginLoadError, d.file, "cannot create a Lua state");
        return false;
    }
    if (!paramsInRange(d, sel, diags)) return false;
    CallFailure f;
    if (!m_box.loadFile(d.file, false, f) || !m_box.call(0, 1, f)) {
        diags.error(f.kind == CallFailure::Kind::Runtime ? code::kPluginLoadError : f.code(), d.file,
                    f.message + (f.traceback.empty() ? "" : "\n" + f.traceback), 0, f.line);
        return false;
    }
    m_box.liftMemoryCap(true);
    // The descriptor was checked when the library loaded the file; here only the table is needed. Whatever
    // the file says now, sets are checked against the descriptor's `modifies` when they happen.
    if (lua_type(L, -1) != LUA_TTABLE) {
        diags.error(code::kContract, d.file,
                    "plugin contract rule 'returns-table': the file no longer returns a table");
        lua_pop(L, 1);
        m_box.liftMemoryCap(false);
        return false;
    }
    auto a = std::make_unique<Active>();
    a->d = &d;
    for (const auto& m : d.modifies) a->modifies.push_back(model::canonicalName(m));
    makeContext(L, this, d, sel, *a);
    readHooks(L, *a);  // the plugin table is on top
    a->tableRef = ref(L);
    m_box.liftMemoryCap(false);
    m_active.push_back(std::move(a));
    return true;
}

bool PluginSession::evalOverride(Active& a, const char* group, const std::string& name, int valueType,
                                 model::Variable& var, diag::Diagnostics& diags) {
    lua_State* L = m_box.state();
    lua_rawgeti(L, LUA_REGISTRYINDEX, a.tableRef);  // raw reads: a metatable cannot run code here
    lua_pushliteral(L, "overrides");
    lua_rawget(L, -2);
    lua_pushstring(L, group);
    if (lua_type(L, -2) == LUA_TTABLE)
        lua_rawget(L, -2);
    else
        lua_pushnil(L), lua_replace(L, -2);
    lua_pushstring(L, name.c_str());
    if (lua_type(L, -2) == LUA_TTABLE)
        lua_rawget(L, -2);
    else
        lua_pushnil(L), lua_replace(L, -2);
    lua_replace(L, -4);
    lua_pop(L, 2);
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, a.paramsRef);
        if (auto base = model::literalValue(var.equation))
            lua_pushnumber(L, *base);
        else
            lua_pushnil(L);
        CallFailure f;
        m_activeIndex = m_active.size();
        if (!m_box.call(2, 1, f)) {
            diags.error(f.code(), f.source.empty() ? a.d->file : f.source,
                        "plugin '" + a.d->id + "' failed computing its override of '" + name +
                            "': " + f.message + (f.traceback.empty() ? "" : "\n" + f.traceback),
                        0, f.line);
            return false;
        }
    }
    bool ok = lua_type(L, -1) == valueType;
    if (ok && valueType == LUA_TNUMBER) {
        const double v = lua_tonumber(L, -1);
        ok = std::isfinite(v);
        if (ok) var.equation = num(v);
    } else if (ok && valueType == LUA_TSTRING) {
        var.equation = lua_tostring(L, -1);
        // An error in the equation names the plugin, not a line of the model file.
        var.origins[""] = model::suppliedOrigin(var.equation, "plugin '" + a.d->id + "' (" + a.d->file + ")");
    } else if (ok) {
        model::GraphicalFunction gf = var.gf.value_or(model::GraphicalFunction{});
        gf.xs.clear();
        gf.ys.clear();
        for (auto [key, out] : {std::pair{"xs", &gf.xs}, std::pair{"ys", &gf.ys}}) {
            lua_pushstring(L, key);
            if (lua_rawget(L, -2) == LUA_TTABLE) {
                const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
                for (lua_Integer i = 1; i <= n; ++i) {
                    lua_rawgeti(L, -1, i);
                    out->push_back(lua_tonumber(L, -1));
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        }
        ok = gf.xs.size() >= 2 && gf.xs.size() == gf.ys.size();
        gf.xscale.reset();
        gf.yscale.reset();
        gf.xptsWritten = true;
        if (ok) var.gf = gf;
    }
    lua_pop(L, 1);
    if (!ok)
        diags.error(
            code::kContract, a.d->file,
            "plugin contract rule 'overrides': the override of '" + name + "' in '" + group +
                "' gave no valid value (a finite number, an equation string, or {xs, ys} of equal length)",
            0, lineOfKey(a.d->file, name));
    return ok;
}

bool PluginSession::applyOverrides(model::Project& project, compile::CompileOptions& opts,
                                   diag::Diagnostics& diags) {
    m_box.liftMemoryCap(false);
    const size_t before = diags.errorCount();
    const std::pair<const char*, int> groups[] = {
        {"constants", LUA_TNUMBER}, {"equations", LUA_TSTRING}, {"graphicals", LUA_TTABLE}};
    for (auto& a : m_active) {
        const std::vector<std::string>* lists[] = {&a->d->constants, &a->d->equations, &a->d->graphicals};
        for (int g = 0; g < 3; ++g) {
            for (const auto& name : *lists[g]) {
                model::Variable* var = project.main().find(name);
                if (!var) {
                    diags.error(code::kBadTarget, a->d->file,
                                "plugin '" + a->d->id + "' overrides '" + name + "', which the model '" +
                                    project.name + "' does not have",
                                0, lineOfKey(a->d->file, name));
                    continue;
                }
                evalOverride(*a, groups[g].first, name, groups[g].second, *var, diags);
            }
        }
        for (const auto& name : a->d->modifies) {
            const model::Variable* var = project.main().find(name);
            if (!var) {
                diags.error(
                    code::kBadTarget, a->d->file,
                    "plugin '" + a->d->id + "' declares it modifies '" + name + "', which the model lacks");
                continue;
            }
            if (var->kind != model::VarKind::Stock && !model::literalValue(var->equation))
                opts.hookWritable.push_back(name);
        }
    }
    return diags.errorCount() == before;
}

bool PluginSession::needsHooks() const {
    for (const auto& a : m_active)
        if (a->d->needsHooks()) return true;
    return false;
}

bool PluginSession::callPlugin(Active& a, int fnRef, const char* what, sim::StepContext& ctx,
                               std::string& error) {
    lua_State* L = m_box.state();
    lua_rawgeti(L, LUA_REGISTRYINDEX, fnRef);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a.ctxRef);
    m_pendingCode = nullptr;
    CallFailure f;
    if (m_box.call(1, 0, f)) return true;
    const char* c = m_pendingCode ? m_pendingCode : f.code();
    const std::string where = f.source.empty() ? a.d->file : f.source;
    const std::string head =
        "plugin '" + a.d->id + "' stopped the run in " + what + " at time " + num(ctx.time());
    diag::Diagnostic d{c, diag::Severity::Error, where, head + ": " + f.message, f.line, 0, ctx.time(), {}};
    if (!f.traceback.empty()) d.message += "\n" + f.traceback;
    m_callDiags.add(d);
    error = std::string(c) + " " + head + " (" + where + ":" + std::to_string(f.line) + "): " + f.message;
    return false;
}

bool PluginSession::fireEvents(Active& a, sim::StepContext& ctx, std::string& error) {
    lua_State* L = m_box.state();
    const double t = ctx.time();
    for (auto& e : a.events) {
        if (e.fired || e.time > t + 1e-9 * std::max(1.0, std::fabs(t))) continue;
        e.fired = true;
        if (e.setRef != LUA_NOREF) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, e.setRef);
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                const bool good = lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TNUMBER &&
                                  std::isfinite(lua_tonumber(L, -1));
                const std::string name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
                const double v = lua_tonumber(L, -1);
                lua_pop(L, 1);
                const bool declared = good && a.mayModify(name);
                const int slot = declared ? slotOf(name) : -1;
                if (slot < 0 || !ctx.set(slot, v)) {
                    lua_pop(L, 2);
                    const std::string head = "plugin '" + a.d->id + "' event at time " + num(e.time);
                    const char* c = !good       ? code::kNonFiniteSet
                                    : !declared ? code::kForbiddenSet
                                                : code::kCallError;
                    const std::string msg =
                        head + " cannot set '" + name + "' to " + (good ? num(v) : "a non-number");
                    m_callDiags.add(
                        {c, diag::Severity::Error, a.d->file, msg, lineOfKey(a.d->file, "events"), 0, t, {}});
                    error = std::string(c) + " " + msg;
                    return false;
                }
            }
            lua_pop(L, 1);
        }
        if (e.actionRef != LUA_NOREF && !callPlugin(a, e.actionRef, "an event action", ctx, error))
            return false;
    }
    return true;
}

bool PluginSession::onStart(sim::StepContext& ctx, std::string& error) {
    m_ctx = &ctx;
    m_slotCache.clear();
    for (m_activeIndex = 0; m_activeIndex < m_active.size(); ++m_activeIndex) {
        Active& a = *m_active[m_activeIndex];
        if (!fireEvents(a, ctx, error)) return false;
        if (a.onStartRef != LUA_NOREF && !callPlugin(a, a.onStartRef, "on_start", ctx, error)) return false;
    }
    return true;
}

bool PluginSession::onStep(sim::StepContext& ctx, std::string& error) {
    m_ctx = &ctx;
    ++m_stepCalls;
    for (m_activeIndex = 0; m_activeIndex < m_active.size(); ++m_activeIndex) {
        Active& a = *m_active[m_activeIndex];
        if (!a.events.empty() && !fireEvents(a, ctx, error)) return false;
        if (a.onStepRef != LUA_NOREF && !callPlugin(a, a.onStepRef, "on_step", ctx, error)) return false;
    }
    return true;
}

sim::RunResult runRequest(const model::Project& project, const PluginLibrary& library,
                          const RunRequest& request, const std::atomic<bool>* cancel) {
    sim::RunResult failed;
    failed.status = sim::RunStatus::Failed;
    try {
        diag::Diagnostics diags;
        PluginSession session(request.spec.seed, library.limits);
        session.setCancelFlag(cancel);
        for (const auto& sel : request.plugins) {
            const auto* d = library.find(sel.id);
            if (!d)
                diags.error(code::kUnknownPlugin, sel.id,
                            "no plugin with id '" + sel.id + "' (see `sdw plugins list`)");
            else
                session.add(*d, sel, diags);
        }
        model::Project copy = project;
        for (const auto& [name, value] : request.spec.sets) {  // the base the levers work from
            model::Variable* var = copy.main().find(name);
            if (!var)
                diags.error(code::kBadTarget, name, "the model has no constant '" + name + "' to set");
            else
                var->equation = num(value);
        }
        compile::CompileOptions opts;
        if (!diags.hasErrors()) session.applyOverrides(copy, opts, diags);
        if (diags.hasErrors()) {
            failed.diagnostics = diags;
            return failed;
        }
        auto compiled = compile::compileModel(copy, diags, opts);
        if (!compiled) {
            failed.diagnostics = diags;
            return failed;
        }
        sim::RunSpec spec = request.spec;
        spec.sets.clear();  // compiled in above
        spec.cancel = cancel;
        sim::RunResult res = sim::simulate(*compiled, spec, session.needsHooks() ? &session : nullptr);
        diag::Diagnostics all = diags;
        all.append(session.callDiagnostics());
        all.append(res.diagnostics);
        res.diagnostics = all;
        return res;
    } catch (const std::exception& e) {
        failed.diagnostics.error(code::kCallError, "plugin host", std::string("internal error: ") + e.what());
        return failed;
    }
}

}  // namespace sdw::plugins
