// Running a compiled model: Euler, RK4 and adaptive Dormand-Prince through Boost.Odeint, with results in one
// flat row-major buffer. Layer: solver. No GUI, no Lua: plugins act through the StepHooks interface below.
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

// What to run: each field left empty takes the model's sim specs.
struct RunSpec {
    std::optional<double> start, stop, dt, saveper;
    std::optional<Method> method;
    std::vector<std::pair<std::string, double>> sets;  // constants (or stocks' initial values) to change
    uint64_t seed = 1;                                 // random built-ins draw from this
    const std::atomic<bool>* cancel = nullptr;         // checked every step
    std::vector<std::string> vars;                     // columns to keep (empty = all)
    size_t maxSteps = 50'000'000;                      // a guard against dt typos (dt = 1e-9)
    size_t maxSavedValues = 50'000'000;                // rows x columns kept (400 MB); past it: E304
    size_t maxPipelineCells = 20'000'000;              // DELAY pipelines, all sites: delay time / dt each
    // A variable that becomes NaN or infinite stops the run (E301) unless this is false: then the run goes
    // on, the value is kept as it is, and each such variable gets one E301 naming it and the first time (the
    // workbench shows the rest of the run). The adaptive method still stops when a stock goes non-finite.
    bool stopOnNonFinite = true;
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

    size_t cols() const { return names.size(); }
    size_t rows() const { return names.empty() ? 0 : data.size() / names.size(); }
    double at(size_t row, size_t col) const { return data[row * names.size() + col]; }
    int column(const std::string& anyName) const;  // -1 when absent
    std::vector<double> series(const std::string& anyName) const;
    std::optional<double> finalValue(const std::string& anyName) const;
    bool ok() const { return status == RunStatus::Ok; }
};

RunResult simulate(const compile::CompiledModel& model, const RunSpec& spec = {}, StepHooks* hooks = nullptr);

}  // namespace sdw::sim
