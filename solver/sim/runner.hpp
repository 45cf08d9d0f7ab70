// The run behind simulate() and Simulator: the run's times and outputs, its initial values, then fixed
// steps, adaptive steps or a native loop, writing rows into memory the caller provides.
// Layer: solver (sim internals, not public API). No GUI, no Lua.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "solver/sim/evaluator.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::jit {
class NativeCode;
}

namespace sdw::sim::detail {

using State = std::vector<double>;

// Which values a run keeps: the slot of each output column (Time first) and its name.
struct OutputPlan {
    std::vector<std::string> vars;  // as asked (empty = every column)
    std::vector<uint32_t> cols;
    std::vector<std::string> names;
    bool contiguous = false;  // cols are Time and the visible slots in order: a row is one copy
};
// Fails (into res) naming the first variable the model does not have.
bool planOutputs(const compile::CompiledModel& cm, const std::vector<std::string>& vars, OutputPlan& plan,
                 RunResult& res);

// The run's times, from the spec, else the model's sim specs.
struct Times {
    double start = 0, stop = 0, dt = 1;
    long steps = 0, saveEvery = 1;
    Method method = Method::Euler;
    // Controls that change during the run (SimSpecs::stopVar, dtVar, saveperVar): the slot whose value at
    // each step gives the final time, the time step and the save interval; -1 keeps the fixed one. A
    // dynamic run's rows() is only the count its values before the run imply.
    int stopSlot = -1, dtSlot = -1, saveperSlot = -1;
    bool dynamic() const { return stopSlot >= 0 || dtSlot >= 0 || saveperSlot >= 0; }
    size_t rows() const;  // saved rows of a run that completes
};
bool resolveTimes(const compile::CompiledModel& cm, const RunSpec& spec, Times& times, RunResult& res);

// Ring buffers and held values for DELAY and PREVIOUS, advanced at step boundaries.
struct States {
    std::vector<std::deque<double>> rings;
    std::vector<double> pending;

    // Sizes each pipeline from its delay time at the start. Returns the site whose delay time cannot be used
    // (NaN, infinite, negative, or past the pipeline limit), with the reason in `why`; -1 when all fit.
    int init(const compile::CompiledModel& cm, const double* s, double dt, size_t maxCells, std::string& why);
    void record(const compile::CompiledModel& cm, const double* s);  // after the step's evaluation
    void commit(const compile::CompiledModel& cm, double* s);        // after integration
};

// What one run needs besides its rows, kept between the runs of a Simulator.
struct RunBuffers {
    std::vector<double> slots;
    State x, dxdt;
    std::vector<double> spareRow;
    std::vector<double> block;  // RunSpec::blockObserver's rows, in the native loop
    std::vector<double> table;  // its rows in other runs, until they end
    Runtime rt;
    States states;
};

bool fail(RunResult& res, const char* code, const std::string& where, const std::string& msg, double t);

class Runner {
  public:
    Runner(const compile::CompiledModel& cm, const RunSpec& spec, StepHooks* hooks, RunBuffers& buf,
           RunResult& res)
        : m_cm(cm), m_spec(spec), m_hooks(hooks), m_buf(buf), m_s(buf.slots), m_x(buf.x), m_res(res) {}

    // Runs with `native` (null: the interpreter), writing rows of plan.cols.size() values to `rows` (room
    // for times.rows()). Returns the rows written. A run whose controls change (Times::dynamic) may save more
    // rows than times.rows(): it writes them into `grow` (resized as it goes; `rows` is then unused), or
    // without one fails when the room is full.
    size_t run(const Times& times, const OutputPlan& plan, const jit::NativeCode* native, double* rows,
               std::vector<double>* grow = nullptr);

  private:
    bool initialise();
    bool applySets(std::vector<std::pair<uint32_t, double>>& stockSets);
    void seedRandoms();
    void gatherStocks(State& x) const;
    void scatterStocks(const State& x);
    void gatherDerivatives(State& dxdt) const;
    void derivativesAt(const State& x, State& dx, double t);
    void evaluate();
    bool observe(double t, bool draw, bool inPlace = false);
    // Some variable is NaN or infinite at time t: stop with E301, or (RunSpec::stopOnNonFinite false) note
    // each variable the first time and go on.
    bool reportNonFinite(double t);
    bool checkFinite(double t);
    void save();
    bool fail(const char* code, const std::string& where, const std::string& msg, double t) {
        return detail::fail(m_res, code, where, msg, t);
    }
    bool callHook(bool start);
    bool beginStep(long n, double t, bool inPlace);
    bool cancelled() const { return m_spec.cancel && m_spec.cancel->load(std::memory_order_relaxed); }
    bool blocks() const { return m_spec.blockObserver && !m_spec.finalOnly; }
    void runFixed();
    void runAdaptive();
    void runNativeLoop();
    // Euler or RK4 with the final time, time step and save interval read from their variables every step.
    void runDynamic();
    bool controlValues(double t, double& dt, double& stop, double& saveper);
    bool saveGrowing();

    const compile::CompiledModel& m_cm;
    const RunSpec& m_spec;
    StepHooks* m_hooks;
    RunBuffers& m_buf;
    std::vector<double>& m_s;
    State& m_x;
    RunResult& m_res;
    Times m_t;
    const OutputPlan* m_plan = nullptr;
    const jit::NativeCode* m_native = nullptr;
    double* m_rows = nullptr;
    std::vector<double>* m_grow = nullptr;
    size_t m_written = 0;
    size_t m_visibleCount = 0;
    bool m_hiddenStocks = false;  // internal stocks (smooths, delays) sit outside the visible range
    std::vector<bool> m_flagged;  // by slot: already reported non-finite (when the run goes on)
};

}  // namespace sdw::sim::detail
