// Running a compiled model with Boost.Odeint steppers. Time is start + n*dt from an integer step counter;
// each step: (hooks) -> evaluate flows at the step's start -> save -> integrate; delays and PREVIOUS advance
// only at step boundaries. Layer: solver.
#include "solver/sim/simulate.hpp"

#include <algorithm>
#include <boost/numeric/odeint.hpp>
#include <cmath>
#include <cstring>
#include <deque>
#include <sstream>

#include "solver/sim/evaluator.hpp"

namespace sdw::sim {

namespace odeint = boost::numeric::odeint;
using State = std::vector<double>;
using compile::CompiledModel;

std::optional<Method> parseMethod(const std::string& name) {
    std::string m;
    for (char c : name)
        if (c != '-' && c != '_' && c != ' ')
            m.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (m == "euler") return Method::Euler;
    if (m == "rk4" || m == "rungekutta4" || m == "runge") return Method::RungeKutta4;
    if (m == "rk45" || m == "dopri" || m == "dopri5" || m == "dormandprince" || m == "adaptive")
        return Method::DormandPrince;
    return std::nullopt;
}

const char* methodName(Method m) {
    switch (m) {
        case Method::Euler:
            return "euler";
        case Method::RungeKutta4:
            return "rk4";
        case Method::DormandPrince:
            return "rk45";
    }
    return "euler";
}

double StepContext::time() const {
    return m_slots[CompiledModel::kTimeSlot];
}
double StepContext::dt() const {
    return m_slots[CompiledModel::kDtSlot];
}

std::optional<double> StepContext::get(const std::string& name) const {
    const int slot = m_cm.findSlot(name);
    if (slot < 0) return std::nullopt;
    return m_slots[static_cast<size_t>(slot)];
}

bool StepContext::set(int slot, double value) {
    if (slot < 0 || static_cast<size_t>(slot) >= m_cm.m_slotCount) return false;
    const auto s = static_cast<uint32_t>(slot);
    if (auto it = m_cm.m_overrideSlot.find(s); it != m_cm.m_overrideSlot.end()) {
        m_slots[it->second] = value;
        m_slots[s] = value;
        return true;
    }
    if (m_cm.m_isConstantSlot[s]) {
        m_slots[s] = value;
        return true;
    }
    if (m_cm.m_isStockSlot[s]) {
        m_slots[s] = value;
        for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k)
            if (m_cm.m_stockSlots[k] == s) m_state[k] = value;
        return true;
    }
    return false;
}

bool StepContext::set(const std::string& name, double value) {
    return set(m_cm.findSlot(name), value);
}

int RunResult::column(const std::string& anyName) const {
    const std::string key = model::canonicalRef(anyName);
    for (size_t i = 0; i < names.size(); ++i)
        if (model::canonicalRef(names[i]) == key) return static_cast<int>(i);
    return -1;
}

std::vector<double> RunResult::series(const std::string& anyName) const {
    std::vector<double> out;
    const int c = column(anyName);
    if (c < 0) return out;
    for (size_t r = 0; r < rows(); ++r) out.push_back(at(r, static_cast<size_t>(c)));
    return out;
}

std::optional<double> RunResult::finalValue(const std::string& anyName) const {
    const int c = column(anyName);
    if (c < 0 || rows() == 0) return std::nullopt;
    return at(rows() - 1, static_cast<size_t>(c));
}

namespace {

// Euler in place: the stepper's state is a view of the stocks inside the slot array, its derivative a view of
// the net-flow slots, and the algebra walks both through their slot indices. odeint still does the update
// (x = 1*x + dt*dxdt through its operations), but nothing is gathered or scattered between the program and
// the stepper, which is most of the per-step cost on small models.
struct SlotView {
    double* slots = nullptr;
    const uint32_t* index = nullptr;
    size_t size = 0;
    double& operator[](size_t k) const { return slots[index[k]]; }
};

struct SlotAlgebra {
    template <class S1, class S2, class S3, class Op>
    static void for_each3(S1& out, const S2& in, const S3& deriv, Op op) {
        for (size_t k = 0; k < out.size; ++k) op(out[k], in[k], deriv[k]);
    }
};

using SlotEuler = odeint::euler<SlotView, double, SlotView, double, SlotAlgebra, odeint::default_operations,
                                odeint::never_resizer>;

// Ring buffers and held values for DELAY and PREVIOUS, advanced at step boundaries.
struct States {
    std::vector<std::deque<double>> rings;
    std::vector<double> pending;

    // Sizes each pipeline from its delay time at the start. Returns the site whose delay time cannot be used
    // (NaN, infinite, negative, or past the spec's pipeline limit), with the reason in `why`; -1 when all
    // fit.
    int init(const CompiledModel& cm, double* s, double dt, size_t maxCells, std::string& why) {
        rings.assign(cm.m_states.size(), {});
        pending.assign(cm.m_states.size(), 0);
        size_t cells = 0;
        for (size_t i = 0; i < cm.m_states.size(); ++i) {
            const auto& site = cm.m_states[i];
            if (site.kind != compile::StateSite::Kind::Pipeline) continue;
            const double d = s[site.delaySlot];
            std::ostringstream msg;
            if (!std::isfinite(d) || d < 0) {
                msg << "the delay time of DELAY is " << d << "; it must be a finite number >= 0";
                why = msg.str();
                return static_cast<int>(i);
            }
            const double steps = std::max(1.0, std::round(d / dt));
            if (steps > static_cast<double>(maxCells - cells)) {
                msg << "the delay time of DELAY (" << d << ") is " << steps << " steps of dt = " << dt
                    << "; all the model's DELAYs together may hold at most " << maxCells
                    << " steps (check the delay time's units and dt)";
                why = msg.str();
                return static_cast<int>(i);
            }
            cells += static_cast<size_t>(steps);
            rings[i].assign(static_cast<size_t>(steps), s[site.initSlot]);
        }
        return -1;
    }
    // After the step's evaluation: remember what each site takes in.
    void record(const CompiledModel& cm, const double* s) {
        for (size_t i = 0; i < cm.m_states.size(); ++i) pending[i] = s[cm.m_states[i].inputSlot];
    }
    // After integration: the value each site shows during the next step.
    void commit(const CompiledModel& cm, double* s) {
        for (size_t i = 0; i < cm.m_states.size(); ++i) {
            const auto& site = cm.m_states[i];
            if (site.kind == compile::StateSite::Kind::Previous) {
                s[site.outSlot] = pending[i];
            } else {
                auto& ring = rings[i];
                ring.push_back(pending[i]);
                ring.pop_front();
                s[site.outSlot] = ring.front();
            }
        }
    }
};

class Runner {
  public:
    Runner(const CompiledModel& cm, const RunSpec& spec, StepHooks* hooks, RunResult& res)
        : m_cm(cm), m_spec(spec), m_hooks(hooks), m_res(res) {}

    void run();

  private:
    bool setup();
    void gatherStocks(State& x) const {
        for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) x[k] = m_s[m_cm.m_stockSlots[k]];
    }
    void scatterStocks(const State& x) {
        for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) m_s[m_cm.m_stockSlots[k]] = x[k];
    }
    // After an evaluation of the step program: the stocks' net flows.
    void gatherDerivatives(State& dxdt) const {
        for (size_t k = 0; k < m_cm.m_derivSlots.size(); ++k) dxdt[k] = m_s[m_cm.m_derivSlots[k]];
    }
    // Evaluate every variable at time t from stocks x; draw = a new step.
    // inPlace: the stocks already live in their slots (the in-place Euler), nothing to scatter.
    bool observe(double t, bool draw, bool inPlace = false);
    // Some variable is NaN or infinite at time t: stop with E301, or (RunSpec::stopOnNonFinite false) note
    // each variable the first time and go on.
    bool reportNonFinite(double t);
    bool hiddenStocksFinite() const {
        for (uint32_t slot : m_cm.m_stockSlots)
            if (!std::isfinite(m_s[slot])) return false;
        return true;
    }
    void save();
    bool fail(const char* code, const std::string& where, const std::string& msg, double t);
    bool callHook(bool start);
    bool cancelled() const { return m_spec.cancel && m_spec.cancel->load(std::memory_order_relaxed); }
    void runFixed(Method method);
    void runAdaptive();

    const CompiledModel& m_cm;
    const RunSpec& m_spec;
    StepHooks* m_hooks;
    RunResult& m_res;
    std::vector<double> m_s;
    Runtime m_rt;
    States m_states;
    State m_x;
    std::vector<uint32_t> m_cols;
    bool m_contiguous = false;
    size_t m_visibleCount = 0;
    bool m_hiddenStocks = false;  // internal stocks (smooths, delays) sit outside the visible range
    std::vector<bool> m_flagged;  // by slot: already reported non-finite (when the run goes on)
    double m_start = 0, m_stop = 0, m_dt = 1, m_saveper = 1;
    long m_steps = 0, m_saveEvery = 1;
};

bool Runner::fail(const char* code, const std::string& where, const std::string& msg, double t) {
    diag::Diagnostic d;
    d.code = code;
    d.where = where;
    d.message = msg;
    d.time = t;
    m_res.diagnostics.add(d);
    m_res.status = std::string(code) == diag::code::kCancelled ? RunStatus::Cancelled : RunStatus::Failed;
    return false;
}

bool Runner::setup() {
    const auto& specs = m_cm.specs;
    m_start = m_spec.start.value_or(specs.start);
    m_stop = m_spec.stop.value_or(specs.stop);
    m_dt = m_spec.dt.value_or(specs.dt);
    if (!(m_dt > 0) || !std::isfinite(m_dt))
        return fail(diag::code::kBadSpecs, "dt",
                    "dt must be a positive number (got " + std::to_string(m_dt) + ")", 0);
    if (!std::isfinite(m_start) || !std::isfinite(m_stop) || m_stop < m_start)
        return fail(diag::code::kBadSpecs, "stop", "the stop time must not be before the start time", 0);
    const double steps = std::floor((m_stop - m_start) / m_dt + 1e-6);
    if (steps > static_cast<double>(m_spec.maxSteps)) {
        std::ostringstream msg;  // steps may be past any integer type: print it as a double
        msg << "the run would take " << steps << " steps (more than " << m_spec.maxSteps << "); check dt";
        return fail(diag::code::kTooManySteps, "dt", msg.str(), 0);
    }
    m_steps = static_cast<long>(steps);
    m_saveper = std::max(m_dt, m_spec.saveper.value_or(specs.saveper.value_or(m_dt)));
    m_saveEvery = std::max(1L, std::lround(m_saveper / m_dt));
    m_res.start = m_start;
    m_res.stop = m_stop;
    m_res.dt = m_dt;
    m_res.saveper = m_dt * static_cast<double>(m_saveEvery);
    Method method = Method::Euler;
    if (auto m = parseMethod(specs.method)) method = *m;
    m_res.method = m_spec.method.value_or(method);

    // Columns.
    if (m_spec.vars.empty()) {
        for (const auto& c : m_cm.columns) m_cols.push_back(c.slot);
    } else {
        m_cols.push_back(CompiledModel::kTimeSlot);
        for (const auto& v : m_spec.vars) {
            const int col = m_cm.findColumn(v);
            if (col < 0)
                return fail(diag::code::kUnknownName, v, "no variable named '" + v + "' to output", 0);
            if (col > 0) m_cols.push_back(m_cm.columns[static_cast<size_t>(col)].slot);
        }
    }
    for (uint32_t slot : m_cols) {
        for (const auto& c : m_cm.columns)
            if (c.slot == slot) {
                m_res.names.push_back(c.name);
                break;
            }
    }
    m_contiguous = m_spec.vars.empty() && CompiledModel::kTimeSlot + 1 == CompiledModel::kFirstFreeSlot;
    m_visibleCount = m_cm.columns.size() - 1;
    for (uint32_t slot : m_cm.m_stockSlots)
        m_hiddenStocks = m_hiddenStocks || slot >= CompiledModel::kFirstFreeSlot + m_visibleCount;
    for (size_t k = 1; k < m_cols.size() && m_contiguous; ++k)
        m_contiguous = m_cols[k] == m_cols[1] + (k - 1);
    const double saved = static_cast<double>(m_steps / m_saveEvery + 1) * static_cast<double>(m_cols.size());
    if (saved > static_cast<double>(m_spec.maxSavedValues)) {
        std::ostringstream msg;
        msg << "the results would hold " << saved << " values (" << m_steps / m_saveEvery + 1
            << " saved times x " << m_cols.size() << " columns), more than " << m_spec.maxSavedValues
            << "; raise saveper, shorten the run or choose fewer variables";
        return fail(diag::code::kTooManySteps, "saveper", msg.str(), 0);
    }
    m_res.data.reserve(static_cast<size_t>(m_steps / m_saveEvery + 1) * m_cols.size());

    m_s = m_cm.m_initialSlots;
    m_flagged.assign(m_s.size(), false);
    m_s[CompiledModel::kTimeSlot] = m_s[CompiledModel::kHoldTimeSlot] = m_start;
    m_s[CompiledModel::kDtSlot] = m_dt;
    m_s[CompiledModel::kStartSlot] = m_start;
    m_s[CompiledModel::kStopSlot] = m_stop;
    m_rt.model = &m_cm;
    for (size_t i = 0; i < m_cm.m_randoms.size(); ++i)
        m_rt.rngs.emplace_back(m_spec.seed * 0x9E3779B97F4A7C15ULL + i);
    std::vector<std::pair<uint32_t, double>> stockSets;
    for (const auto& [name, value] : m_spec.sets) {
        const int slot = m_cm.findSlot(name);
        const int col = m_cm.findColumn(name);
        if (slot < 0)
            return fail(diag::code::kUnknownName, name, "cannot set '" + name + "': no such variable", 0);
        if (m_cm.m_isStockSlot[static_cast<size_t>(slot)]) {
            stockSets.push_back({static_cast<uint32_t>(slot), value});
        } else if (col >= 0 && m_cm.columns[static_cast<size_t>(col)].isConstant) {
            m_s[static_cast<size_t>(slot)] = value;
        } else {
            return fail(diag::code::kBadArgument, name,
                        "cannot set '" + name +
                            "' for a run: it is computed by an "
                            "equation (only constants and stocks' initial values can be set; change its "
                            "equation instead)",
                        0);
        }
    }
    // Random sites that carry their own seed argument draw from a stream of that seed.
    m_rt.draw = true;
    execute(m_cm.m_initProgram, m_s.data(), m_rt);
    for (size_t i = 0; i < m_cm.m_randoms.size(); ++i) {
        const auto& site = m_cm.m_randoms[i];
        const size_t params = site.dist == compile::RandomSite::Dist::Exponential ||
                                      site.dist == compile::RandomSite::Dist::Poisson
                                  ? 1
                              : site.dist == compile::RandomSite::Dist::Triangular ? 3
                                                                                   : 2;
        if (site.args.size() > params) {
            m_rt.rngs[i].reseed(static_cast<uint64_t>(std::llround(m_s[site.args[params]])) * 2654435761ULL +
                                i);
        }
    }
    if (!m_cm.m_randoms.empty()) execute(m_cm.m_initProgram, m_s.data(), m_rt);  // redraw with per-call seeds
    for (auto [slot, v] : stockSets) m_s[slot] = v;
    std::string why;
    if (const int bad = m_states.init(m_cm, m_s.data(), m_dt, m_spec.maxPipelineCells, why); bad >= 0) {
        std::string where = m_cm.m_slotNames[m_cm.m_states[static_cast<size_t>(bad)].outSlot];
        where = where.substr(0, where.rfind(" ("));  // "inflow (delay)": the variable that holds the DELAY
        return fail(diag::code::kBadDelay, where, why, m_start);
    }
    m_x.assign(m_cm.m_stockSlots.size(), 0.0);
    gatherStocks(m_x);
    return true;
}

bool Runner::observe(double t, bool draw, bool inPlace) {
    m_s[CompiledModel::kTimeSlot] = t;
    m_s[CompiledModel::kHoldTimeSlot] = t;
    if (!inPlace) scatterStocks(m_x);
    m_rt.draw = draw;
    execute(m_cm.m_stepProgram, m_s.data(), m_rt);
    m_rt.draw = false;
    // One branch-free pass over the visible variables (contiguous) and the stocks; details only on failure.
    // NaN and infinity are the doubles whose exponent bits are all ones.
    auto nonFinite = [](double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return ((bits >> 52) & 0x7ff) == 0x7ff;
    };
    bool bad = false;
    const double* vis = m_s.data() + CompiledModel::kFirstFreeSlot;
    for (size_t k = 0; k < m_visibleCount; ++k) bad |= nonFinite(vis[k]);
    if (bad || (m_hiddenStocks && !hiddenStocksFinite())) return reportNonFinite(t);
    return true;
}

bool Runner::reportNonFinite(double t) {
    const bool adaptive = m_res.method == Method::DormandPrince;
    for (const auto* slots : {&m_cm.m_checkSlots, &m_cm.m_stockSlots})
        for (uint32_t slot : *slots) {
            if (std::isfinite(m_s[slot])) continue;
            const bool stock = m_cm.m_isStockSlot[slot];
            const bool stop = m_spec.stopOnNonFinite || (adaptive && stock);
            if (!stop && m_flagged[slot]) continue;
            std::ostringstream msg;
            msg << "'" << m_cm.m_slotNames[slot] << "' became "
                << (std::isnan(m_s[slot]) ? "NaN (not a number)" : "infinite") << " at time " << t
                << "; look for a division by zero or an overflow in its equation or its inputs";
            if (stop) return fail(diag::code::kNonFinite, m_cm.m_slotNames[slot], msg.str(), t);
            m_flagged[slot] = true;
            m_res.diagnostics.add(
                {diag::code::kNonFinite, diag::Severity::Error, m_cm.m_slotNames[slot], msg.str(), 0, 0, t});
        }
    return true;
}

void Runner::save() {
    if (m_contiguous) {
        const double* row = m_s.data() + CompiledModel::kTimeSlot;  // Time, then every visible variable
        m_res.data.insert(m_res.data.end(), row, row + m_cols.size());
    } else {
        for (uint32_t slot : m_cols) m_res.data.push_back(m_s[slot]);
    }
}

bool Runner::callHook(bool start) {
    if (!m_hooks) return true;
    StepContext ctx(m_cm, m_s, m_x);
    std::string err;
    bool ok = false;
    try {
        ok = start ? m_hooks->onStart(ctx, err) : m_hooks->onStep(ctx, err);
    } catch (const std::exception& e) {
        err = e.what();
    }
    if (!ok)
        return fail(diag::code::kHookFailed, "plugin", err.empty() ? "a step hook stopped the run" : err,
                    m_s[CompiledModel::kTimeSlot]);
    return true;
}

void Runner::runFixed(Method method) {
    SlotEuler euler;
    odeint::runge_kutta4<State> rk4;
    State dxdt(m_x.size(), 0.0);
    const bool inPlace = method == Method::Euler;
    SlotView stocks{m_s.data(), m_cm.m_stockSlots.data(), m_cm.m_stockSlots.size()};
    SlotView derivs{m_s.data(), m_cm.m_derivSlots.data(), m_cm.m_derivSlots.size()};
    if (inPlace) scatterStocks(m_x);  // from here on the slots hold the stocks
    auto system = [this](const State& x, State& dx, double t) {
        m_s[CompiledModel::kTimeSlot] = t;  // the hold time stays at the step's start
        scatterStocks(x);
        execute(m_cm.m_stepProgram, m_s.data(), m_rt);
        gatherDerivatives(dx);
    };
    const bool hasStates = !m_cm.m_states.empty();
    long untilSave = 0;  // steps until the next saved row (a countdown: no division per step)
    for (long n = 0; n <= m_steps; ++n) {
        const double t = m_start + static_cast<double>(n) * m_dt;
        if (cancelled()) {
            fail(diag::code::kCancelled, "run", "the run was cancelled", t);
            return;
        }
        if (n > 0 && m_hooks) {
            m_s[CompiledModel::kTimeSlot] = t;
            if (!callHook(false)) return;
        }
        if (!observe(t, n > 0, inPlace)) return;
        if (untilSave-- == 0) {
            save();
            untilSave = m_saveEvery - 1;
        }
        if (n == m_steps) break;
        if (hasStates) m_states.record(m_cm, m_s.data());
        if (inPlace) {
            euler.do_step(system, stocks, derivs, t, m_dt);
        } else {
            gatherDerivatives(dxdt);
            rk4.do_step(system, m_x, dxdt, t, m_dt);
        }
        if (hasStates) m_states.commit(m_cm, m_s.data());
    }
}

void Runner::runAdaptive() {
    auto stepper = odeint::make_dense_output(1e-8, 1e-8, odeint::runge_kutta_dopri5<State>());
    auto system = [this](const State& x, State& dx, double t) {
        m_s[CompiledModel::kTimeSlot] = t;
        m_s[CompiledModel::kHoldTimeSlot] = t;
        scatterStocks(x);
        execute(m_cm.m_stepProgram, m_s.data(), m_rt);
        gatherDerivatives(dx);
    };
    stepper.initialize(m_x, m_start, m_dt);
    State xs(m_x.size());
    long saveIndex = 0;
    const double saveDt = m_dt * static_cast<double>(m_saveEvery);
    const long saves = static_cast<long>(std::floor((m_stop - m_start) / saveDt + 1e-6));
    size_t guard = 0;
    while (saveIndex <= saves) {
        const double ts = m_start + static_cast<double>(saveIndex) * saveDt;
        while (stepper.current_time() < ts - 1e-12 * std::max(1.0, std::fabs(ts))) {
            stepper.do_step(system);
            if (++guard > m_spec.maxSteps) {
                fail(diag::code::kAdaptiveFailed, "run",
                     "the adaptive solver took too many steps (a stiff model?)", ts);
                return;
            }
            if (cancelled()) {
                fail(diag::code::kCancelled, "run", "the run was cancelled", ts);
                return;
            }
        }
        if (saveIndex == 0)
            xs = m_x;
        else
            stepper.calc_state(ts, xs);
        m_x = xs;
        if (saveIndex > 0 && m_hooks) {
            m_s[CompiledModel::kTimeSlot] = ts;
            if (!callHook(false)) return;
        }
        if (!observe(ts, saveIndex > 0)) return;
        save();
        m_states.record(m_cm, m_s.data());
        m_states.commit(m_cm, m_s.data());
        ++saveIndex;
    }
}

void Runner::run() {
    if (!setup()) return;
    if (!callHook(true)) return;
    gatherStocks(m_x);  // a hook may have set stocks
    if (m_res.method == Method::DormandPrince)
        runAdaptive();
    else
        runFixed(m_res.method);
}

}  // namespace

RunResult simulate(const CompiledModel& model, const RunSpec& spec, StepHooks* hooks) {
    RunResult res;
    try {
        Runner runner(model, spec, hooks, res);
        runner.run();
    } catch (const std::exception& e) {
        res.status = RunStatus::Failed;
        res.diagnostics.error(diag::code::kHookFailed, "run", std::string("internal error: ") + e.what());
    }
    return res;
}

}  // namespace sdw::sim
