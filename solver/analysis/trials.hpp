// Batches of trial runs for uncertainty, sensitivity and calibration: each trial is the base run with some
// inputs changed. The analyses talk only to the TrialRunner interface. CompiledTrialRunner (here) compiles
// once and runs the trials as one engine batch (solver/sim/batch: every core, native code when the base run's
// engine asks for it); the plugin host adds one that also sets plugin params ("plugin_id.param").
// Layer: solver (analysis). No GUI, no Lua.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver/analysis/distribution.hpp"
#include "solver/compile/compiled_model.hpp"
#include "solver/model/model.hpp"
#include "solver/sim/batch.hpp"
#include "solver/sim/simulate.hpp"

namespace sdw::analysis {

// A trial's inputs: model constants or plugin params ("plugin_id.param") with their values.
using Inputs = std::vector<std::pair<std::string, double>>;

struct TrialOptions {
    std::vector<std::string> vars;  // columns to keep (empty = all)
    unsigned threads = 0;           // 0 = every core
    // Monte Carlo: trial i draws the model's own random built-ins from trialSeed(*seed, firstTrial + i), so
    // every trial has its own noise and a different seed gives different noise. Unset: every trial draws from
    // the base run's seed (common random numbers: sensitivity, calibration).
    std::optional<uint64_t> seed;
    size_t firstTrial = 0;  // this batch's trial 0 is trial firstTrial of the whole (a chunk on a cluster)
    std::function<void(size_t done, size_t total)> progress;  // called from workers, serialised
    const std::atomic<bool>* cancel = nullptr;
};

class TrialRunner {
  public:
    virtual ~TrialRunner() = default;
    // One result per trial, in trial order, whatever the number of threads. Never throws: a trial that fails
    // comes back Failed with its diagnostics.
    virtual std::vector<sim::RunResult> run(const std::vector<Inputs>& trials,
                                            const TrialOptions& options) = 0;
    // The trials as one engine batch, every run's columns in one buffer (what run() gives, without a result
    // object per run), for analyses that only summarise the runs; nullopt when this runner runs trials one by
    // one (use run()). A batch that could not start comes back with its reason (!ok()).
    virtual std::optional<sim::BatchResult> runAsOneBatch(const std::vector<Inputs>& trials,
                                                          const TrialOptions& options) {
        (void)trials;
        (void)options;
        return std::nullopt;
    }
    // Empty when `name` can be varied, else why not ("the model has no constant 'x'", ...).
    virtual std::string checkInput(const std::string& name) const = 0;
    // Empty when `name` is a variable the runs can report, else why not, with the nearest name if any.
    virtual std::string checkOutput(const std::string& name) const = 0;
    // The value `name` has in the base run (a constant's number, a plugin param's default).
    virtual std::optional<double> baseValue(const std::string& name) const = 0;
    // The distribution the model (or the plugin) gives `name`: a constant's own, truncated at its plausible
    // range, or uniform over it; a plugin param's uniform over its slider range. nullopt when it has none.
    virtual std::optional<Distribution> ownDistribution(const std::string& name) const = 0;
};

// The seed of trial i's random built-ins in a batch seeded with `seed` (Monte Carlo, Python's run_many):
// seed + i x 0x9E3779B97F4A7C15, modulo 2^64 (the i-th state of SplitMix64 started at `seed`). Trial 0 draws
// from `seed` itself, as `sdw run --seed S` does; nearby seeds share no trial's stream.
constexpr uint64_t trialSeed(uint64_t seed, uint64_t i) {
    return seed + i * 0x9E3779B97F4A7C15ULL;
}
inline std::optional<uint64_t> trialSeedOf(const TrialOptions& o, size_t i) {
    return o.seed ? std::optional<uint64_t>(trialSeed(*o.seed, o.firstTrial + i)) : std::nullopt;
}

// Runs `count` jobs on `threads` workers (0 = every core); job(i) fills slot i. progress as in TrialOptions.
void parallelFor(size_t count, unsigned threads, const std::function<void(size_t)>& job,
                 const std::function<void(size_t, size_t)>& progress = {});

// Model constants only, on one compiled model: a trial sets its constants for the run (RunSpec::sets).
class CompiledTrialRunner : public TrialRunner {
  public:
    // Compiles `project`; on failure ok() is false and diagnostics() says why.
    CompiledTrialRunner(const model::Project& project, sim::RunSpec base,
                        const compile::CompileOptions& options = {});
    bool ok() const { return m_compiled != nullptr; }
    const diag::Diagnostics& diagnostics() const { return m_diags; }
    std::vector<sim::RunResult> run(const std::vector<Inputs>& trials, const TrialOptions& options) override;
    std::optional<sim::BatchResult> runAsOneBatch(const std::vector<Inputs>& trials,
                                                  const TrialOptions& options) override;
    std::string checkInput(const std::string& name) const override;
    std::string checkOutput(const std::string& name) const override;
    std::optional<double> baseValue(const std::string& name) const override;
    std::optional<Distribution> ownDistribution(const std::string& name) const override;

  private:
    const model::Project& m_project;
    sim::RunSpec m_base;
    diag::Diagnostics m_diags;
    std::shared_ptr<const compile::CompiledModel> m_compiled;
};

// Empty when the runner can report every one of `vars`, else "VAR: why" for the first it cannot.
std::string checkOutputs(const TrialRunner& runner, const std::vector<std::string>& vars);

// The message of a failed trial: its first errors, one line each.
std::string failureMessage(const sim::RunResult& r);

}  // namespace sdw::analysis
