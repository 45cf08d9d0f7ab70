// simulate() and Simulator: the engine choice, native code built once per kind of run, and buffers kept
// between runs; the run itself is runner.cpp. Also RunResult's and StepContext's accessors. Layer: solver.
#include "solver/sim/simulate.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>

#include "solver/jit/native_code.hpp"
#include "solver/sim/native_cache.hpp"
#include "solver/sim/runner.hpp"

namespace sdw::sim {

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

std::optional<Engine> parseEngine(const std::string& name) {
    if (name == "interp" || name == "interpreter") return Engine::Interpreter;
    if (name == "compiled" || name == "native" || name == "jit") return Engine::Compiled;
    if (name == "auto") return Engine::Auto;
    return std::nullopt;
}

const char* engineName(Engine e) {
    switch (e) {
        case Engine::Interpreter:
            return "interp";
        case Engine::Compiled:
            return "compiled";
        case Engine::Auto:
            return "auto";
    }
    return "auto";
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

// Auto compiles when a run evaluates the program at least this many times; below it the interpreter is done
// before the compiler would be (bench/README.md has the measurements).
constexpr double kAutoMinEvaluations = 400;

bool nativeLoopFits(const CompiledModel& cm, const detail::Times& t, bool withHooks) {
    const bool previousOnly = std::all_of(cm.m_states.begin(), cm.m_states.end(), [](const auto& site) {
        return site.kind == compile::StateSite::Kind::Previous;
    });
    return t.method == Method::Euler && !withHooks && previousOnly && !t.dynamic();
}

}  // namespace

Simulator::Simulator(const CompiledModel& model)
    : Simulator(model, std::make_shared<detail::NativeCache>()) {}

Simulator::Simulator(const CompiledModel& model, std::shared_ptr<detail::NativeCache> native)
    : m_model(model), m_buffers(std::make_unique<detail::RunBuffers>()), m_native(std::move(native)) {}

std::unique_ptr<Simulator> Simulator::sibling() const {
    return std::unique_ptr<Simulator>(new Simulator(m_model, m_native));
}

Simulator::~Simulator() = default;

namespace {

// Auto: native code when it is built already, or when the run evaluates the program often enough to repay
// building it.
bool wantsNative(Engine engine, const detail::Times& t, bool built) {
    if (engine != Engine::Auto) return engine == Engine::Compiled;
    const double perStep = t.method == Method::RungeKutta4 ? 4 : t.method == Method::DormandPrince ? 6 : 1;
    return built || perStep * static_cast<double>(t.steps + 1) >= kAutoMinEvaluations;
}

void resetStatus(RunResult& out) {
    out.status = RunStatus::Ok;
    out.diagnostics = {};
    out.engine = Engine::Interpreter;
}

// The run's times and its output plan (from the cache), with the limit on saved values checked.
const detail::OutputPlan* prepareRun(const CompiledModel& cm, detail::NativeCache& cache, const RunSpec& spec,
                                     detail::Times& t, RunResult& res) {
    if (!detail::resolveTimes(cm, spec, t, res)) return nullptr;
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto it = cache.plans.find(spec.vars);
    if (it == cache.plans.end()) {
        detail::OutputPlan plan;
        if (!detail::planOutputs(cm, spec.vars, plan, res)) return nullptr;
        it = cache.plans.emplace(spec.vars, std::move(plan)).first;
    }
    const double saved = static_cast<double>(t.rows()) * static_cast<double>(it->second.cols.size());
    if (saved > static_cast<double>(spec.maxSavedValues)) {
        std::ostringstream msg;
        msg << "the results would hold " << saved << " values (" << t.rows() << " saved times x "
            << it->second.cols.size() << " columns), more than " << spec.maxSavedValues
            << "; raise saveper, shorten the run or choose fewer variables";
        detail::fail(res, diag::code::kTooManySteps, "saveper", msg.str(), 0);
        return nullptr;
    }
    return &it->second;
}

}  // namespace

size_t Simulator::runInto(const RunSpec& spec, RunResult& out, double* rows, StepHooks* hooks) {
    return runRows(spec, out, rows, nullptr, hooks);
}

size_t Simulator::runRows(const RunSpec& spec, RunResult& out, double* rows, std::vector<double>* grow,
                          StepHooks* hooks) {
    resetStatus(out);
    detail::Times t;
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, out);
    if (!plan) return 0;
    const bool loop = nativeLoopFits(m_model, t, hooks != nullptr || spec.rowObserver != nullptr);
    const jit::NativeCode* native = nullptr;
    if (wantsNative(spec.engine, t, detail::nativeBuilt(*m_native, loop, plan->cols))) {
        std::string error;
        bool busy = false;  // Auto while another thread builds the code: this run is interpreted
        const bool compiled = spec.engine == Engine::Compiled;
        native = detail::nativeCode(*m_native, m_model,
                                    {loop, &plan->cols, compiled, compiled, compiled && spec.quickFirst},
                                    error, &busy);
        if (native && !native->notice().empty())
            out.diagnostics.warning(diag::code::kNativeSlow, "engine",
                                    "the optimising C compiler could not build the model (" +
                                        native->notice() +
                                        "); libtcc built it instead: same results, slower runs");
        if (!native && spec.engine == Engine::Compiled) {
            detail::fail(out, diag::code::kNativeFailed, "engine",
                         "the compiled engine could not be built: " + error, 0);
            return 0;
        }
        if (!native && !busy)
            out.diagnostics.warning(diag::code::kNativeFallback, "engine",
                                    "the compiled engine could not be built (" + error +
                                        "); the interpreter ran instead, with the same results");
    }
    try {
        detail::Runner runner(m_model, spec, hooks, *m_buffers, out);
        return runner.run(t, *plan, native, rows, grow);
    } catch (const std::exception& e) {
        out.status = RunStatus::Failed;
        out.diagnostics.error(diag::code::kHookFailed, "run", std::string("internal error: ") + e.what());
        return 0;
    }
}

void Simulator::run(const RunSpec& spec, RunResult& out, StepHooks* hooks) {
    detail::Times t;
    resetStatus(out);
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, out);
    if (!plan) {
        out.data.clear();
        return;
    }
    if (m_lastOut != &out || m_lastPlan != plan || out.names.size() != plan->names.size()) {
        out.names = plan->names;
        m_lastOut = &out;
        m_lastPlan = plan;
    }
    // A run handing its rows to a block observer keeps none (a buffer of the Simulator's holds them).
    const bool blocks = spec.blockObserver && !spec.finalOnly;
    out.data.resize(blocks ? 0 : (spec.finalOnly ? 1 : t.rows()) * plan->cols.size());
    // A run whose final time, time step or save interval change may save more rows: out.data grows.
    const size_t written = runRows(spec, out, out.data.data(), &out.data, hooks);
    out.data.resize(written * plan->cols.size());
}

RunResult Simulator::run(const RunSpec& spec, StepHooks* hooks) {
    RunResult out;
    run(spec, out, hooks);
    return out;
}

bool Simulator::shape(const RunSpec& spec, std::vector<std::string>& names, size_t& rows, RunResult& info) {
    detail::Times t;
    resetStatus(info);
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, info);
    if (!plan) return false;
    names = plan->names;
    rows = t.rows();
    return true;
}

bool Simulator::shape(const RunSpec& spec, size_t& columns, size_t& rows, RunResult& info) {
    detail::Times t;
    resetStatus(info);
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, info);
    if (!plan) return false;
    columns = plan->names.size();
    rows = t.rows();
    return true;
}

bool Simulator::prepare(const RunSpec& spec, bool withHooks, std::string& error, bool optimised) {
    RunResult res;
    detail::Times t;
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, res);
    if (!plan) {
        error = res.diagnostics.empty() ? "unusable run spec" : res.diagnostics.items().front().message;
        return false;
    }
    return detail::nativeCode(*m_native, m_model,
                              {nativeLoopFits(m_model, t, withHooks), &plan->cols, optimised, true,
                               optimised && spec.quickFirst},
                              error) != nullptr;
}

std::string Simulator::nativeBuilder(const RunSpec& spec, bool withHooks, bool waitOptimised) {
    RunResult res;
    detail::Times t;
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, res);
    if (!plan) return "";
    const bool loop = nativeLoopFits(m_model, t, withHooks);
    if (waitOptimised) detail::waitOptimised(*m_native, loop, plan->cols);
    return detail::nativeBuilder(*m_native, loop, plan->cols);
}

Engine Simulator::engineFor(const RunSpec& spec, bool withHooks) {
    RunResult res;
    detail::Times t;
    const detail::OutputPlan* plan = prepareRun(m_model, *m_native, spec, t, res);
    if (!plan) return Engine::Interpreter;
    const bool loop = nativeLoopFits(m_model, t, withHooks);
    const bool built = detail::nativeBuilt(*m_native, loop, plan->cols);
    if (spec.engine == Engine::Compiled) return Engine::Compiled;
    std::lock_guard<std::mutex> lock(m_native->mutex);
    return wantsNative(spec.engine, t, built) &&
                   !m_native->failed.count({loop, loop ? plan->cols : std::vector<uint32_t>{}, false})
               ? Engine::Compiled
               : Engine::Interpreter;
}

RunResult simulate(const CompiledModel& model, const RunSpec& spec, StepHooks* hooks) {
    Simulator sim(model);
    return sim.run(spec, hooks);
}

}  // namespace sdw::sim
