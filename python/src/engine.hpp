// The C++ side of the `sdw` Python module: a loaded model, its runs and batches, in plain C++ types (no
// pybind11 here, so the binding stays a thin translation). Layer: python (a face, like workbench/cli): uses
// the solver and, when built, the plugin host; no GUI.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "solver/analysis/trials.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/diag/diagnostics.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/batch.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::python {

// Stable codes the module adds (the E9xx range).
namespace code {
inline constexpr const char* kBadParameter = "E901";  // a parameter or option the module cannot use
inline constexpr const char* kNoPlugins = "E902";     // plugin params asked of a build without the Lua host
inline constexpr const char* kRunFailed = "E903";     // a run of a batch failed (its own diagnostics follow)
}  // namespace code

// What one run changes: constants and stocks' initial values (set when the run starts, no recompiling),
// equations (the model recompiled), plugins switched on with their params.
struct Changes {
    std::vector<std::pair<std::string, double>> sets;
    std::vector<std::pair<std::string, std::string>> equations;
    std::map<std::string, std::map<std::string, double>> plugins;  // id -> params (empty: defaults)
};

// Options every run of a call shares; empty fields take the model's (or the scenario's) sim specs.
struct Options {
    std::optional<double> start, stop, dt, saveper;
    std::string method;  // "" = the model's; euler, rk4, rk45
    std::optional<uint64_t>
        seed;  // a batch without `seeds`: run i draws from analysis::trialSeed(seed, i) (seed 1 by default)
    std::vector<uint64_t> seeds;                // a batch: one per run (empty: from `seed`)
    std::string engine;                         // "" = auto (as `sdw run --engine`); interp, compiled
    std::vector<std::string> vars;              // output columns (empty = every variable)
    std::string scenario;                       // a scenario file (.lua) applied before the changes
    const std::atomic<bool>* cancel = nullptr;  // set to stop: runs end with E302, a batch starts no more
    unsigned threads = 0;                       // Monte Carlo, sensitivity, calibration: 0 = every core
    size_t maxBatchValues = 200'000'000;  // values a batch keeps, all runs together (1.6 GB); past: E304
};

// A constant as `sdw doc` lists it: a numeric equation on an auxiliary with no graphical function.
struct ConstantInfo {
    std::string name, units, source;  // source: the variable's documentation (it cites its evidence)
    double value = 0;
    std::optional<double> rangeMin, rangeMax;          // the slider (input) range
    std::optional<double> plausibleMin, plausibleMax;  // <sdw:uncertainty>
    std::string distribution;  // the uncertainty element's distribution attribute, if any
};

// Many runs' results: run-major, every run the same rows and columns (the engine batch API's shape).
struct BatchOutput {
    std::vector<std::string> names;  // Time first
    size_t rows = 0;
    std::vector<double, sim::UninitialisedAllocator<double>> data;  // runs x rows x names.size()
    std::optional<size_t> failedRun;  // the first run that failed (its diagnostics in `diagnostics`)
    bool refused = false;             // the batch could not start (too large, ...): `diagnostics` say why
    diag::Diagnostics diagnostics;
    std::vector<uint64_t> seeds;  // each run's seed
    std::string engine;           // who ran it: "interpreter", "compiled" or "both"
};

class ModelHandle {
  public:
    // nullptr with diagnostics when the file cannot be read.
    static std::shared_ptr<ModelHandle> load(const std::string& path, diag::Diagnostics& diags);
    static std::shared_ptr<ModelHandle> fromXmile(const std::string& text, const std::string& sourceName,
                                                  diag::Diagnostics& diags);

    ~ModelHandle();  // waits for a native build in the making
    const model::Project& project() const { return m_project; }
    std::string xmile() const;
    // Load warnings plus every compile diagnostic (unit checks included).
    diag::Diagnostics check() const;
    std::vector<ConstantInfo> constants() const;
    std::vector<std::string> outcomeMeasures() const;  // the "Outcome measures" group, in file order

    // One run. Diagnostics of the load, compile and run are in the result (status Failed on errors).
    sim::RunResult run(const Changes& changes, const Options& options) const;
    // Many runs on `threads` threads (0 = every core), results in the order given, identical to run() of
    // each with its seed (options.seeds, else trialSeed(seed, i)). Runs that set only constants go as one
    // engine batch (solver/sim/batch: compiled once, native code when the batch repays it); the rest one run
    // at a time.
    BatchOutput runMany(const std::vector<Changes>& runs, const Options& options, unsigned threads) const;

    // The runner Monte Carlo, sensitivity and calibration batch their trials on (plugin params too when the
    // plugin host is built, as the CLI's); null with diagnostics when the model does not compile.
    // The levers on are options.scenario's, here and on a cluster's workers alike; `plugins` (the ids a
    // batch names) is no longer used: a param of a lever left off is refused, not switched on.
    std::unique_ptr<analysis::TrialRunner> trialRunner(const Options& options, diag::Diagnostics& diags,
                                                       const std::vector<std::string>& plugins = {}) const;

  private:
    explicit ModelHandle(model::Project p, diag::Diagnostics loadDiags);
    // The model compiled as it is (once, on first use); nullptr with diagnostics when it does not compile.
    std::shared_ptr<const compile::CompiledModel> baseline(diag::Diagnostics& diags) const;
    sim::RunSpec baseSpec(const Options& options, diag::Diagnostics& diags) const;
    Changes classify(const Changes& changes, const compile::CompiledModel& compiled) const;
    // The batch on the engine's batch API; nullopt when some run needs more than constants set (plugins,
    // equations, a scenario, a stock's initial value): those run one by one.
    std::optional<BatchOutput> runAsEngineBatch(const std::vector<Changes>& runs, const Options& options,
                                                unsigned threads) const;
    BatchOutput runOneByOne(const std::vector<Changes>& runs, const Options& options, unsigned threads) const;

    model::Project m_project;
    diag::Diagnostics m_loadDiags;
    mutable std::shared_ptr<const compile::CompiledModel> m_compiled;
    mutable diag::Diagnostics m_compileDiags;
    mutable bool m_compileTried = false;
    mutable std::mutex m_mutex;
    // Simulators of the baseline kept between runs (after m_compiled, so destroyed before it): their buffers
    // and native code are reused, as `sdw bench` reuses one; each run takes an idle one or a new sibling.
    mutable std::unique_ptr<sim::Simulator> m_simulator;
    mutable std::vector<std::unique_ptr<sim::Simulator>> m_idle;
    sim::RunResult simulateBaseline(const compile::CompiledModel& compiled, const sim::RunSpec& spec) const;
    // engine="auto" as the workbench's RunService has it: a run that wants native code and finds none built
    // for its kind (outputs, times, method) runs in the interpreter (the same numbers) while a helper thread
    // builds it (the system C compiler: seconds for the county model, once, then cached on disk); later runs
    // of that kind use it. True when the run may use native code now. Called under m_mutex.
    bool nativeReadyFor(const sim::RunSpec& spec) const;
    mutable std::set<std::string> m_nativeKinds;  // kinds of run whose native code is built
    mutable std::string m_building;               // the kind in the making ("" when none)
    mutable std::thread m_prep;
};

// Plugin ids and their params, from the shipped levers folder and SDW_PLUGIN_PATH (empty without the host).
struct PluginInfo {
    std::string id, title;
    std::vector<std::string> evidence;
    std::vector<std::string> params;
};
std::vector<PluginInfo> pluginInfo();
bool havePlugins();

}  // namespace sdw::python
