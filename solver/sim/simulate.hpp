// Running a compiled model: Euler, RK4 and adaptive Dormand-Prince through Boost.Odeint, by the interpreter
// or by native code, with results in one flat row-major buffer. Layer: solver. No GUI, no Lua: plugins act
// through the StepHooks interface below.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver/compile/compiled_model.hpp"
#include "solver/diag/diagnostics.hpp"

namespace sdw::sim {

enum class Method { Euler, RungeKutta4, DormandPrince };
std::optional<Method> parseMethod(const std::string& name);  // "euler", "rk4", "rk45"/"dopri"...
const char* methodName(Method m);

// Who evaluates the model's program. The interpreter is the reference; the compiled path turns the program
// into machine code first (solver/jit) and gives the same numbers: Compiled builds it with the system C
// compiler (-O2, cached on disk) and falls back to libtcc with a notice (W602); Auto uses libtcc when the run
// is long enough to repay it (see Simulator) or code built already, and falls back to the interpreter (W601).
enum class Engine { Interpreter, Compiled, Auto };
std::optional<Engine> parseEngine(const std::string& name);  // "interp", "compiled", "auto"
const char* engineName(Engine e);

// Sees each row a run saves, as it saves it (Time, then the columns RunSpec::vars asks for): a run that
// keeps no table (finalOnly) can still read every saved time, e.g. loop scores computed inside the run.
// Called on the run's thread, between steps; a run with one never uses the whole-loop native code.
class RowObserver {
  public:
    virtual ~RowObserver() = default;
    virtual void onRow(const double* row, size_t cols) = 0;
};

// Sees a run's saved rows a block at a time, each block as soon as the run has written it (while its rows are
// in the cache): rows [first, first + n) of the run, `cols` values each (Time, then the columns RunSpec::vars
// asks for), every saved row once and in order. Called on the run's thread. A run that fails hands over
// no more rows (it may have handed over some before it failed).
class RowBlockObserver {
  public:
    virtual ~RowBlockObserver() = default;
    virtual void onRows(const double* rows, size_t first, size_t n, size_t cols) = 0;
};

// What to run: each field left empty takes the model's sim specs.
struct RunSpec {
    std::optional<double> start, stop, dt, saveper;
    std::optional<Method> method;
    std::vector<std::pair<std::string, double>> sets;   // constants (or stocks' initial values) to change
    std::vector<std::pair<uint32_t, double>> slotSets;  // the same by slot, resolved once (batches)
    uint64_t seed = 1;                                  // random built-ins draw from this
    const std::atomic<bool>* cancel = nullptr;          // checked every step
    std::vector<std::string> vars;                      // columns to keep (empty = all)
    size_t maxSteps = 50'000'000;                       // a guard against dt typos (dt = 1e-9)
    size_t maxSavedValues = 50'000'000;                 // rows x columns kept (400 MB); past it: E304
    size_t maxPipelineCells = 20'000'000;               // DELAY pipelines, all sites: delay time / dt each
    Engine engine = Engine::Auto;
    // A variable that becomes NaN or infinite stops the run (E301) unless this is false: then the run goes
    // on, the value is kept as it is, and each such variable gets one E301 naming it and the first time (the
    // workbench shows the rest of the run). The adaptive method still stops when a stock goes non-finite.
    bool stopOnNonFinite = true;
    // Keep the last saved row only (a Monte Carlo's outcomes): one row of results, rewritten at every save,
    // so a run touches a row's worth of memory instead of the whole series. A run that fails keeps no row.
    bool finalOnly = false;
    // Compiled, when the optimised build (system C compiler) is neither built nor in the disk cache: this
    // run goes at once with libtcc's code while the optimised code is built in the background, and later
    // runs of the Simulator (and its siblings) switch to it when it is ready (the same numbers either way).
    // A Simulator destroyed before then stops the compiler. Without libtcc or a C compiler: no effect.
    bool quickFirst = false;
    RowObserver* rowObserver = nullptr;  // sees each saved row (not kept by the spec: the caller owns it)
    // Sees the saved rows in blocks of up to `blockRows` (not with finalOnly): the run's table then keeps no
    // rows. The native Euler loop writes each block into a buffer of its size and hands it over (a run
    // whose rows are read once, as loop scores read theirs, never writes the whole table to memory); other
    // runs hand over their table's rows in blocks when they end.
    RowBlockObserver* blockObserver = nullptr;
    size_t blockRows = 32;
};

// The view a step hook has of the running model, at a step boundary.
class StepContext {
  public:
    StepContext(const compile::CompiledModel& cm, std::vector<double>& slots, std::vector<double>& state)
        : m_cm(cm), m_slots(slots), m_state(state) {}
    double time() const;
    double dt() const;
    // Value by slot (see CompiledModel::findSlot) or by name (slower: resolve once, then use slots).
    double get(int slot) const { return m_slots[static_cast<size_t>(slot)]; }
    std::optional<double> get(const std::string& name) const;
    // Set a constant, a stock or a hookWritable variable. Returns false (and leaves it) when not allowed.
    bool set(int slot, double value);
    bool set(const std::string& name, double value);
    const compile::CompiledModel& model() const { return m_cm; }

  private:
    const compile::CompiledModel& m_cm;
    std::vector<double>& m_slots;
    std::vector<double>& m_state;
};

// Called at step boundaries, never inside the integrator's right-hand side. Return false to stop the run; put
// the reason in `error`.
class StepHooks {
  public:
    virtual ~StepHooks() = default;
    virtual bool onStart(StepContext& ctx, std::string& error) = 0;
    virtual bool onStep(StepContext& ctx, std::string& error) = 0;
};

enum class RunStatus { Ok, Failed, Cancelled };

struct RunResult {
    RunStatus status = RunStatus::Ok;
    diag::Diagnostics diagnostics;
    std::vector<std::string> names;  // column names, "Time" first
    std::vector<double> data;        // row-major: rows() x names.size()
    double start = 0, stop = 0, dt = 0, saveper = 0;
    Method method = Method::Euler;
    Engine engine = Engine::Interpreter;  // the one that ran (Interpreter or Compiled)

    size_t cols() const { return names.size(); }
    size_t rows() const { return names.empty() ? 0 : data.size() / names.size(); }
    double at(size_t row, size_t col) const { return data[row * names.size() + col]; }
    int column(const std::string& anyName) const;  // -1 when absent
    std::vector<double> series(const std::string& anyName) const;
    std::optional<double> finalValue(const std::string& anyName) const;
    bool ok() const { return status == RunStatus::Ok; }
};

// One run. For many runs of one model, a Simulator keeps the buffers and the native code between them.
RunResult simulate(const compile::CompiledModel& model, const RunSpec& spec = {}, StepHooks* hooks = nullptr);

namespace detail {
struct RunBuffers;
struct NativeCache;
}  // namespace detail

// A compiled model made ready for many runs: the slots, state and results of a run are allocated once and
// reused, and native code is built once per kind of run (method, hooks, outputs) and kept. One per thread;
// the model must outlive it.
class Simulator {
  public:
    explicit Simulator(const compile::CompiledModel& model);
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Runs into `out`, reusing its buffers: a RunResult passed again keeps its names and the capacity of
    // its data, so a run of the same shape allocates nothing.
    void run(const RunSpec& spec, RunResult& out, StepHooks* hooks = nullptr);
    RunResult run(const RunSpec& spec, StepHooks* hooks = nullptr);
    // Runs with the rows written to `rows` (room for rowCount(spec) x columns values) instead of out.data;
    // out.names is left as it is. Returns the rows written (fewer when the run fails).
    size_t runInto(const RunSpec& spec, RunResult& out, double* rows, StepHooks* hooks = nullptr);
    // Builds the native code a run of this kind would use, now (e.g. on a worker thread, while the
    // interpreter serves the first runs): optimised by the system C compiler when there is one (seconds for
    // a large model, once: then cached on disk; with spec.quickFirst, libtcc's code now and that build in the
    // background), else by libtcc (milliseconds). Returns false, with the reason, when it cannot be built.
    bool prepare(const RunSpec& spec, bool withHooks, std::string& error, bool optimised = true);
    // Who built the native code a run of this kind would use now ("libtcc", "cc -O2 (...)", "cache (...)";
    // "" when none is built). With `waitOptimised`, first waits for an optimised build under way.
    std::string nativeBuilder(const RunSpec& spec, bool withHooks, bool waitOptimised = false);
    // The engine a run of this spec would use, given what has been built so far.
    Engine engineFor(const RunSpec& spec, bool withHooks);
    // Column names and the number of saved rows of a run of `spec`, with its times and method in `info`;
    // false (diagnostics in `info`) when the spec is unusable.
    bool shape(const RunSpec& spec, std::vector<std::string>& names, size_t& rows, RunResult& info);
    // The same with only the number of columns (no names copied: a scoring repeated at each slider move
    // asks).
    bool shape(const RunSpec& spec, size_t& columns, size_t& rows, RunResult& info);
    const compile::CompiledModel& model() const { return m_model; }
    // Another Simulator of the same model, with buffers of its own, sharing this one's native code (built
    // once for all; safe to use from other threads).
    std::unique_ptr<Simulator> sibling() const;

  private:
    Simulator(const compile::CompiledModel& model, std::shared_ptr<detail::NativeCache> native);
    // runInto, or with `grow` (out.data) the rows of a run whose controls change during it, however many.
    size_t runRows(const RunSpec& spec, RunResult& out, double* rows, std::vector<double>* grow,
                   StepHooks* hooks);

    const compile::CompiledModel& m_model;
    std::unique_ptr<detail::RunBuffers> m_buffers;
    std::shared_ptr<detail::NativeCache> m_native;
    const RunResult* m_lastOut = nullptr;  // the RunResult whose names match the last plan
    const void* m_lastPlan = nullptr;
};

}  // namespace sdw::sim
