// One run: times, outputs and initial values, then Euler and RK4 (fixed steps), Dormand-Prince (adaptive)
// through Boost.Odeint, or the native Euler loop. Time is start + n*dt from an integer step counter; each
// step: (hooks) -> evaluate at the step's start -> check -> save -> integrate; delays and PREVIOUS advance
// only at step boundaries. Layer: solver.
#include "solver/sim/runner.hpp"

#include <algorithm>
#include <boost/numeric/odeint.hpp>
#include <cmath>
#include <cstring>
#include <sstream>

#include "solver/jit/native_code.hpp"
#include "solver/sim/ops.hpp"

namespace sdw::sim::detail {

namespace odeint = boost::numeric::odeint;
using compile::CompiledModel;

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

// The native loop runs this many steps between checks of the cancel flag.
constexpr long kLoopChunk = 256;

// Why a set value that is not a finite number is refused: the run would fail at its first step and blame
// an equation ("became infinite") when the value itself was the mistake.
std::string notFinite(const std::string& what, double value) {
    return "cannot set '" + what + "' to " +
           (std::isnan(value) ? "NaN"
            : value > 0       ? "infinity"
                              : "-infinity") +
           " for a run: a value set must be a finite number";
}
}  // namespace

bool fail(RunResult& res, const char* code, const std::string& where, const std::string& msg, double t) {
    diag::Diagnostic d;
    d.code = code;
    d.where = where;
    d.message = msg;
    d.time = t;
    res.diagnostics.add(d);
    res.status = std::string(code) == diag::code::kCancelled ? RunStatus::Cancelled : RunStatus::Failed;
    return false;
}

bool planOutputs(const CompiledModel& cm, const std::vector<std::string>& vars, OutputPlan& plan,
                 RunResult& res) {
    plan = OutputPlan{};
    plan.vars = vars;
    if (vars.empty()) {
        for (const auto& c : cm.columns) {
            plan.cols.push_back(c.slot);
            plan.names.push_back(c.name);
        }
    } else {
        plan.cols.push_back(CompiledModel::kTimeSlot);
        plan.names.push_back(cm.columns[0].name);
        for (const auto& v : vars) {
            const int col = cm.findColumn(v);
            if (col < 0) return fail(res, diag::code::kUnknownName, v, cm.unknownColumn(v) + " to output", 0);
            if (col == 0) continue;
            plan.cols.push_back(cm.columns[static_cast<size_t>(col)].slot);
            plan.names.push_back(cm.columns[static_cast<size_t>(col)].name);
        }
    }
    plan.contiguous = true;
    for (size_t k = 0; k < plan.cols.size() && plan.contiguous; ++k)
        plan.contiguous = plan.cols[k] == CompiledModel::kTimeSlot + k;
    return true;
}

size_t Times::rows() const {
    if (method != Method::DormandPrince) return static_cast<size_t>(steps / saveEvery + 1);
    const double saveDt = dt * static_cast<double>(saveEvery);
    return static_cast<size_t>(std::floor((stop - start) / saveDt + 1e-6)) + 1;
}

// The slots of the controls that change during the run; a value the spec gives keeps its control fixed.
bool resolveControls(const CompiledModel& cm, const RunSpec& spec, Times& t, RunResult& res) {
    auto slotOf = [&](const std::string& var, bool fixedBySpec) {
        return var.empty() || fixedBySpec ? -1 : cm.findSlot(var);
    };
    t.stopSlot = slotOf(cm.specs.stopVar, spec.stop.has_value());
    t.dtSlot = slotOf(cm.specs.dtVar, spec.dt.has_value());
    t.saveperSlot = slotOf(cm.specs.saveperVar, spec.saveper.has_value());
    if (t.dynamic() && t.method == Method::DormandPrince)
        return fail(res, diag::code::kBadSpecs, "method",
                    "the model's final time, time step or save interval changes during the run, which the "
                    "adaptive method (rk45) cannot follow; run it with Euler or RK4",
                    0);
    return true;
}

bool resolveTimes(const CompiledModel& cm, const RunSpec& spec, Times& t, RunResult& res) {
    const auto& specs = cm.specs;
    t.start = spec.start.value_or(specs.start);
    t.stop = spec.stop.value_or(specs.stop);
    t.dt = spec.dt.value_or(specs.dt);
    if (!(t.dt > 0) || !std::isfinite(t.dt))
        return fail(res, diag::code::kBadSpecs, "dt",
                    "dt must be a positive number (got " + std::to_string(t.dt) + ")", 0);
    if (!std::isfinite(t.start) || !std::isfinite(t.stop) || t.stop < t.start)
        return fail(res, diag::code::kBadSpecs, "stop", "the stop time must not be before the start time", 0);
    const double steps = std::floor((t.stop - t.start) / t.dt + 1e-6);
    if (steps > static_cast<double>(spec.maxSteps)) {
        std::ostringstream msg;  // steps may be past any integer type: print it as a double
        msg << "the run would take " << steps << " steps (more than " << spec.maxSteps << "); check dt";
        return fail(res, diag::code::kTooManySteps, "dt", msg.str(), 0);
    }
    t.steps = static_cast<long>(steps);
    const double saveper = std::max(t.dt, spec.saveper.value_or(specs.saveper.value_or(t.dt)));
    t.saveEvery = std::max(1L, std::lround(saveper / t.dt));
    Method method = Method::Euler;
    if (auto m = parseMethod(specs.method)) method = *m;
    t.method = spec.method.value_or(method);
    if (!resolveControls(cm, spec, t, res)) return false;
    res.start = t.start;
    res.stop = t.stop;
    res.dt = t.dt;
    res.saveper = t.dt * static_cast<double>(t.saveEvery);
    res.method = t.method;
    return true;
}

int States::init(const CompiledModel& cm, const double* s, double dt, size_t maxCells, std::string& why) {
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

void States::record(const CompiledModel& cm, const double* s) {
    for (size_t i = 0; i < cm.m_states.size(); ++i) pending[i] = s[cm.m_states[i].inputSlot];
}

void States::commit(const CompiledModel& cm, double* s) {
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

size_t Runner::run(const Times& times, const OutputPlan& plan, const jit::NativeCode* native, double* rows,
                   std::vector<double>* grow) {
    m_t = times;
    m_plan = &plan;
    // Native code built as the whole Euler loop has no evaluation entry of its own; a run that goes on past a
    // NaN (stopOnNonFinite false), or whose controls change, cannot use that loop, so it is interpreted.
    const bool loopFits = m_spec.stopOnNonFinite && !times.dynamic() && !m_spec.rowObserver;
    if (native && !native->eval() && !(native->loop() && loopFits)) native = nullptr;
    m_native = native;
    m_grow = times.dynamic() ? grow : nullptr;
    m_rows = m_grow ? m_grow->data() : rows;
    m_written = 0;
    const bool nativeLoop =
        !m_t.dynamic() && m_t.method != Method::DormandPrince && native && native->loop() && loopFits;
    if (blocks() && !nativeLoop && !m_grow) {  // a table to hand over in blocks at the end, kept for the next
        m_buf.table.resize(m_t.rows() * plan.cols.size());
        m_rows = m_buf.table.data();
    }
    m_res.engine = native ? Engine::Compiled : Engine::Interpreter;
    if (!initialise() || !callHook(true)) return m_written;
    gatherStocks(m_x);  // a hook may have set stocks
    if (m_t.dynamic())
        runDynamic();
    else if (m_t.method == Method::DormandPrince)
        runAdaptive();
    else if (nativeLoop)  // the native loop stops at a NaN
        runNativeLoop();
    else
        runFixed();
    // Keeping the last row only, a run that stops early keeps none: the native loop writes a step's values
    // into the row as it computes them, so the one row may hold part of the step that failed.
    if (m_spec.finalOnly) m_written = m_res.status == RunStatus::Ok ? std::min<size_t>(m_written, 1) : 0;
    if (blocks() && m_written > 0) {  // a run that kept its table: its rows in blocks now
        const size_t cols = plan.cols.size(), each = std::max<size_t>(m_spec.blockRows, 1);
        const double* data = m_grow ? m_grow->data() : m_rows;
        for (size_t first = 0; first < m_written && m_res.status == RunStatus::Ok; first += each)
            m_spec.blockObserver->onRows(data + first * cols, first, std::min(each, m_written - first), cols);
        m_written = 0;
    }
    return m_written;
}

// The slots at the start time: constants (and the spec's changes to them), the initial program, the random
// streams, stocks' initial values from the spec, the delay pipelines.
bool Runner::initialise() {
    m_s.assign(m_cm.m_initialSlots.begin(), m_cm.m_initialSlots.end());
    m_flagged.assign(m_s.size(), false);
    m_s[CompiledModel::kTimeSlot] = m_s[CompiledModel::kHoldTimeSlot] = m_t.start;
    m_s[CompiledModel::kDtSlot] = m_t.dt;
    m_s[CompiledModel::kStartSlot] = m_t.start;
    m_s[CompiledModel::kStopSlot] = m_t.stop;
    m_visibleCount = m_cm.columns.size() - 1;
    m_hiddenStocks = false;
    for (uint32_t slot : m_cm.m_stockSlots)
        m_hiddenStocks = m_hiddenStocks || slot >= CompiledModel::kFirstFreeSlot + m_visibleCount;
    Runtime& rt = m_buf.rt;
    rt.model = &m_cm;
    rt.rngs.resize(m_cm.m_randoms.size());
    for (size_t i = 0; i < rt.rngs.size(); ++i) rt.rngs[i].reseed(m_spec.seed * 0x9E3779B97F4A7C15ULL + i);
    std::vector<std::pair<uint32_t, double>> stockSets;
    if (!applySets(stockSets)) return false;
    rt.draw = true;
    execute(m_cm.m_initProgram, m_s.data(), rt);
    if (!m_cm.m_randoms.empty()) {
        seedRandoms();
        execute(m_cm.m_initProgram, m_s.data(), rt);  // redraw with per-call seeds
    }
    for (auto [slot, v] : stockSets) m_s[slot] = v;
    std::string why;
    if (const int bad = m_buf.states.init(m_cm, m_s.data(), m_t.dt, m_spec.maxPipelineCells, why); bad >= 0) {
        std::string where = m_cm.m_slotNames[m_cm.m_states[static_cast<size_t>(bad)].outSlot];
        where = where.substr(0, where.rfind(" ("));  // "inflow (delay)": the variable that holds the DELAY
        return fail(diag::code::kBadDelay, where, why, m_t.start);
    }
    m_x.assign(m_cm.m_stockSlots.size(), 0.0);
    gatherStocks(m_x);
    return true;
}

// The spec's constants go into their slots now; stocks' initial values after the initial program.
bool Runner::applySets(std::vector<std::pair<uint32_t, double>>& stockSets) {
    for (const auto& [slot, value] : m_spec.slotSets) {
        if (slot >= m_s.size() || !(m_cm.m_isStockSlot[slot] || m_cm.m_isConstantSlot[slot]))
            return fail(diag::code::kBadArgument, "slot " + std::to_string(slot),
                        "cannot set this slot for a run", 0);
        if (!std::isfinite(value)) {
            const std::string& name = m_cm.m_slotNames[slot];
            return fail(diag::code::kBadArgument, name, notFinite(name, value), 0);
        }
        if (m_cm.m_isStockSlot[slot])
            stockSets.push_back({slot, value});
        else
            m_s[slot] = value;
    }
    for (const auto& [name, value] : m_spec.sets) {
        const int slot = m_cm.findSlot(name);
        const int col = m_cm.findColumn(name);
        if (slot < 0)
            return fail(diag::code::kUnknownName, name, "cannot set '" + name + "': no such variable", 0);
        if (!std::isfinite(value)) return fail(diag::code::kBadArgument, name, notFinite(name, value), 0);
        if (m_cm.m_isStockSlot[static_cast<size_t>(slot)]) {
            stockSets.push_back({static_cast<uint32_t>(slot), value});
        } else if (col >= 0 && m_cm.columns[static_cast<size_t>(col)].isConstant) {
            m_s[static_cast<size_t>(slot)] = value;
        } else {
            return fail(diag::code::kBadArgument, name,
                        "cannot set '" + name +
                            "' for a run: it is computed by an equation (only constants and stocks' initial "
                            "values can be set; change its equation instead)",
                        0);
        }
    }
    return true;
}

// Random sites that carry their own seed argument draw from a stream of that seed.
void Runner::seedRandoms() {
    for (size_t i = 0; i < m_cm.m_randoms.size(); ++i) {
        const auto& site = m_cm.m_randoms[i];
        const size_t params = randomParameters(site.dist);
        if (site.args.size() > params)
            m_buf.rt.rngs[i].reseed(
                static_cast<uint64_t>(std::llround(m_s[site.args[params]])) * 2654435761ULL + i);
    }
}

void Runner::gatherStocks(State& x) const {
    for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) x[k] = m_s[m_cm.m_stockSlots[k]];
}

void Runner::scatterStocks(const State& x) {
    for (size_t k = 0; k < m_cm.m_stockSlots.size(); ++k) m_s[m_cm.m_stockSlots[k]] = x[k];
}

// After an evaluation of the step program: the stocks' net flows.
void Runner::gatherDerivatives(State& dxdt) const {
    for (size_t k = 0; k < m_cm.m_derivSlots.size(); ++k) dxdt[k] = m_s[m_cm.m_derivSlots[k]];
}

// The stocks' net flows at (x, t), for a fixed-step stepper; the hold time stays at the step's start.
void Runner::derivativesAt(const State& x, State& dx, double t) {
    m_s[CompiledModel::kTimeSlot] = t;
    scatterStocks(x);
    evaluate();
    gatherDerivatives(dx);
}

void Runner::evaluate() {
    if (m_native)
        m_native->eval()(m_s.data(), &m_buf.rt);
    else
        execute(m_cm.m_stepProgram, m_s.data(), m_buf.rt);
}

// Evaluate every variable at time t from the stocks; draw = a new step. inPlace: the stocks already live in
// their slots (the in-place Euler), nothing to scatter.
bool Runner::observe(double t, bool draw, bool inPlace) {
    m_s[CompiledModel::kTimeSlot] = t;
    m_s[CompiledModel::kHoldTimeSlot] = t;
    if (!inPlace) scatterStocks(m_x);
    m_buf.rt.draw = draw;
    evaluate();
    m_buf.rt.draw = false;
    return checkFinite(t);
}

// One branch-free pass over the visible variables (contiguous) and the stocks; the details only on failure.
// NaN and infinity are the doubles whose exponent bits are all ones.
bool Runner::checkFinite(double t) {
    auto nonFinite = [](double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return ((bits >> 52) & 0x7ff) == 0x7ff;
    };
    const bool bad = ops::anyNonFinite(m_s.data() + CompiledModel::kFirstFreeSlot, m_visibleCount);
    if (!bad && !(m_hiddenStocks && std::any_of(m_cm.m_stockSlots.begin(), m_cm.m_stockSlots.end(),
                                                [&](uint32_t s) { return nonFinite(m_s[s]); })))
        return true;
    return reportNonFinite(t);
}

bool Runner::reportNonFinite(double t) {
    const bool adaptive = m_t.method == Method::DormandPrince;
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
    const size_t n = m_plan->cols.size();
    double* row = m_spec.finalOnly ? m_rows : m_rows + m_written * n;
    if (m_plan->contiguous)
        std::memcpy(row, m_s.data() + CompiledModel::kTimeSlot, n * sizeof(double));
    else
        for (size_t k = 0; k < n; ++k) row[k] = m_s[m_plan->cols[k]];
    ++m_written;
    if (m_spec.rowObserver) m_spec.rowObserver->onRow(row, n);
}

// The start of step n at time t: the cancel flag, the step hooks (from the second step on), then the model
// evaluated from the stocks. False when the run stops there.
bool Runner::beginStep(long n, double t, bool inPlace) {
    if (cancelled()) return fail(diag::code::kCancelled, "run", "the run was cancelled", t);
    if (n > 0 && m_hooks) {
        m_s[CompiledModel::kTimeSlot] = t;
        if (!callHook(false)) return false;
    }
    return observe(t, n > 0, inPlace);
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

void Runner::runFixed() {
    SlotEuler euler;
    odeint::runge_kutta4<State> rk4;
    State& dxdt = m_buf.dxdt;
    dxdt.assign(m_x.size(), 0.0);
    const bool inPlace = m_t.method == Method::Euler;
    SlotView stocks{m_s.data(), m_cm.m_stockSlots.data(), m_cm.m_stockSlots.size()};
    SlotView derivs{m_s.data(), m_cm.m_derivSlots.data(), m_cm.m_derivSlots.size()};
    if (inPlace) scatterStocks(m_x);  // from here on the slots hold the stocks
    auto system = [this](const State& x, State& dx, double t) { derivativesAt(x, dx, t); };
    const bool hasStates = !m_cm.m_states.empty();
    long untilSave = 0;  // steps until the next saved row (a countdown: no division per step)
    for (long n = 0; n <= m_t.steps; ++n) {
        const double t = m_t.start + static_cast<double>(n) * m_t.dt;
        if (!beginStep(n, t, inPlace)) return;
        if (untilSave-- == 0) {
            save();
            untilSave = m_t.saveEvery - 1;
        }
        if (n == m_t.steps) break;
        if (hasStates) m_buf.states.record(m_cm, m_s.data());
        if (inPlace) {
            euler.do_step(system, stocks, derivs, t, m_t.dt);
        } else {
            gatherDerivatives(dxdt);
            rk4.do_step(system, m_x, dxdt, t, m_t.dt);
        }
        if (hasStates) m_buf.states.commit(m_cm, m_s.data());
    }
}

void Runner::runAdaptive() {
    auto stepper = odeint::make_dense_output(1e-8, 1e-8, odeint::runge_kutta_dopri5<State>());
    auto system = [this](const State& x, State& dx, double t) {
        m_s[CompiledModel::kTimeSlot] = t;
        m_s[CompiledModel::kHoldTimeSlot] = t;
        scatterStocks(x);
        evaluate();
        gatherDerivatives(dx);
    };
    stepper.initialize(m_x, m_t.start, m_t.dt);
    State xs(m_x.size());
    const double saveDt = m_t.dt * static_cast<double>(m_t.saveEvery);
    const long saves = static_cast<long>(m_t.rows()) - 1;
    size_t guard = 0;
    for (long saveIndex = 0; saveIndex <= saves; ++saveIndex) {
        const double ts = m_t.start + static_cast<double>(saveIndex) * saveDt;
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
        m_buf.states.record(m_cm, m_s.data());
        m_buf.states.commit(m_cm, m_s.data());
    }
}

// Euler without hooks or delays, the whole loop in native code, in chunks between checks of the cancel flag.
void Runner::runNativeLoop() {
    m_buf.spareRow.assign(m_plan->cols.size(), 0.0);
    scatterStocks(m_x);
    for (auto [slot, col] : m_native->rowHomes()) m_s[slot] = 0;  // not kept in the slots: checked as zeros
    jit::LoopState loop{m_s.data(),
                        m_rows,
                        m_buf.spareRow.data(),
                        nullptr,
                        &m_buf.rt,
                        m_t.start,
                        m_t.dt,
                        0,
                        m_t.steps,
                        m_t.saveEvery,
                        0,
                        0,
                        m_spec.finalOnly ? 0L : static_cast<long>(m_plan->cols.size())};
    // A block observer's rows go into a buffer of its size, handed over each time it fills (the chunks end
    // there) and at the end.
    const long each = static_cast<long>(std::max<size_t>(m_spec.blockRows, 1));
    long handed = 0;
    if (blocks()) {
        m_buf.block.resize(static_cast<size_t>(each) * m_plan->cols.size());
        loop.row = m_buf.block.data();
    }
    const auto handOver = [&] {
        const auto n = static_cast<size_t>(loop.saved - handed);
        if (n > 0)
            m_spec.blockObserver->onRows(m_buf.block.data(), static_cast<size_t>(handed), n,
                                         m_plan->cols.size());
        handed = loop.saved;
        loop.row = m_buf.block.data();
    };
    while (loop.n <= m_t.steps) {
        const double t = m_t.start + static_cast<double>(loop.n) * m_t.dt;
        if (cancelled()) {
            fail(diag::code::kCancelled, "run", "the run was cancelled", t);
            break;
        }
        long end = std::min(m_t.steps + 1, loop.n + kLoopChunk);
        if (blocks())  // the step that saves the block's last row, the last of the chunk
            end = std::min(end,
                           loop.n + loop.untilSave + (each - (loop.saved - handed) - 1) * loop.saveEvery + 1);
        if (m_native->loop()(&loop, end) != 0) {
            const double at = m_t.start + static_cast<double>(loop.n) * m_t.dt;
            m_native->rowToSlots(loop.cur, m_s.data());
            if (checkFinite(at)) fail(diag::code::kNonFinite, "run", "a value became NaN or infinite", at);
            break;
        }
        if (blocks() && (loop.saved - handed == each || loop.n > m_t.steps)) handOver();
    }
    m_written = blocks() ? 0 : static_cast<size_t>(loop.saved);
}

}  // namespace sdw::sim::detail
