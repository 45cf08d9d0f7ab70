// The run loop for models whose FINAL TIME, TIME STEP or SAVEPER change during the run (Vensim lets each be
// any equation): every step evaluates the model at t, reads the three controls from their variables, saves
// when t has reached the next save time (the last save plus SAVEPER as it was then), stops once t reaches
// FINAL TIME, then steps by TIME STEP. Layer: solver (sim internals). No GUI, no Lua.
#include <algorithm>
#include <boost/numeric/odeint.hpp>
#include <cmath>
#include <sstream>

#include "solver/sim/runner.hpp"

namespace sdw::sim::detail {

namespace odeint = boost::numeric::odeint;
using compile::CompiledModel;

// The controls at time t (the model has just been evaluated there); false, with an E208, when one is not
// usable.
bool Runner::controlValues(double t, double& dt, double& stop, double& saveper) {
    auto read = [&](int slot, double fixed, const char* what, bool positive, double& out) {
        out = slot >= 0 ? m_s[static_cast<size_t>(slot)] : fixed;
        if (std::isfinite(out) && (!positive || out > 0)) return true;
        const std::string& name = m_cm.m_slotNames[static_cast<size_t>(slot)];
        std::ostringstream msg;
        msg << "the " << what << " ('" << name << "') became " << out << " at time " << t << "; it must be "
            << (positive ? "a positive number" : "a finite number");
        return fail(diag::code::kBadSpecs, name, msg.str(), t);
    };
    const double fixedSaveper = m_t.dt * static_cast<double>(m_t.saveEvery);
    if (!read(m_t.dtSlot, m_t.dt, "time step", true, dt)) return false;
    if (!read(m_t.stopSlot, m_t.stop, "final time", false, stop)) return false;
    // A save interval never set saves every step, whatever the step has become.
    const bool everyStep = m_t.saveperSlot < 0 && !m_spec.saveper && !m_cm.specs.saveper;
    if (!read(m_t.saveperSlot, everyStep ? dt : fixedSaveper, "save interval", true, saveper)) return false;
    return true;
}

// Saves the current row into the growing buffer, or into the caller's room while there is some.
bool Runner::saveGrowing() {
    const size_t n = m_plan->cols.size();
    if (!m_spec.finalOnly) {
        if (m_grow) {
            if (m_grow->size() < (m_written + 1) * n)
                m_grow->resize(std::max((m_written + 1) * n, 2 * m_grow->size()));
            m_rows = m_grow->data();
        } else if (m_written >= m_t.rows()) {
            return fail(diag::code::kBadSpecs, "saveper",
                        "the run saves more times than its final time, time step and save interval before "
                        "the run imply (they change during it), and a batch of runs keeps no more room; run "
                        "the model on its own",
                        m_s[CompiledModel::kTimeSlot]);
        }
    }
    save();
    return true;
}

void Runner::runDynamic() {
    if (m_t.dtSlot >= 0)
        for (const auto& site : m_cm.m_states)
            if (site.kind == compile::StateSite::Kind::Pipeline) {
                fail(
                    diag::code::kBadSpecs, m_cm.m_slotNames[site.outSlot],
                    "DELAY FIXED holds a number of steps set at the start, so it needs a time step that does "
                    "not change during the run; give TIME STEP a number",
                    m_t.start);
                return;
            }
    odeint::euler<State> euler;
    odeint::runge_kutta4<State> rk4;
    State& dxdt = m_buf.dxdt;
    dxdt.assign(m_x.size(), 0.0);
    auto system = [this](const State& x, State& dx, double t) { derivativesAt(x, dx, t); };
    const bool hasStates = !m_cm.m_states.empty();
    double t = m_t.start, nextSave = m_t.start;
    for (long n = 0;; ++n) {
        if (!beginStep(n, t, false)) return;
        double dt = 0, stop = 0, saveper = 0;
        if (!controlValues(t, dt, stop, saveper)) return;
        const double eps = 1e-9 * std::max(1.0, std::fabs(t));
        if (t >= nextSave - eps) {
            if (!saveGrowing()) return;
            nextSave = t + saveper;
        }
        if (t >= stop - eps) return;
        if (static_cast<size_t>(n) >= m_spec.maxSteps) {
            std::ostringstream msg;
            msg << "the run took " << n << " steps without reaching its final time (" << stop << " at time "
                << t << "); check TIME STEP and FINAL TIME";
            fail(diag::code::kTooManySteps, "dt", msg.str(), t);
            return;
        }
        m_s[CompiledModel::kDtSlot] = dt;  // what DT and FINAL TIME read from the next evaluation on
        m_s[CompiledModel::kStopSlot] = stop;
        if (hasStates) m_buf.states.record(m_cm, m_s.data());
        gatherDerivatives(dxdt);
        if (m_t.method == Method::RungeKutta4)
            rk4.do_step(system, m_x, dxdt, t, dt);
        else
            euler.do_step(system, m_x, dxdt, t, dt);
        if (hasStates) m_buf.states.commit(m_cm, m_s.data());
        t += dt;
    }
}

}  // namespace sdw::sim::detail
