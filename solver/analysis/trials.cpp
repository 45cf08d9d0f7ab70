// Trial batches on every core: the thread loop and the compile-once runner for model constants.
// Layer: solver (analysis). No GUI, no Lua.
#include "solver/analysis/trials.hpp"

#include <algorithm>
#include <mutex>
#include <thread>

#include "solver/analysis/constants.hpp"
#include "solver/diag/near_name.hpp"

namespace sdw::analysis {

void parallelFor(size_t count, unsigned threads, const std::function<void(size_t)>& job,
                 const std::function<void(size_t, size_t)>& progress) {
    std::atomic<size_t> next{0};
    size_t done = 0;
    std::mutex progressMutex;
    unsigned n = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(count, 1)));
    auto worker = [&] {
        for (size_t i = next++; i < count; i = next++) {
            job(i);
            if (progress) {
                std::lock_guard<std::mutex> lock(progressMutex);
                progress(++done, count);
            }
        }
    };
    if (n <= 1) {
        worker();
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
}

std::string failureMessage(const sim::RunResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items())
        if (d.severity == diag::Severity::Error && out.size() < 600)
            out += (out.empty() ? "" : "; ") + diag::format(d);
    if (out.empty()) out = r.status == sim::RunStatus::Cancelled ? "cancelled" : "failed";
    return out;
}

CompiledTrialRunner::CompiledTrialRunner(const model::Project& project, sim::RunSpec base,
                                         const compile::CompileOptions& options)
    : m_project(project), m_base(std::move(base)) {
    m_compiled = compile::compileModel(project, m_diags, options);
}

std::vector<sim::RunResult> CompiledTrialRunner::run(const std::vector<Inputs>& trials,
                                                     const TrialOptions& options) {
    std::vector<sim::RunResult> results(trials.size());
    if (!m_compiled) {
        for (auto& r : results) {
            r.status = sim::RunStatus::Failed;
            r.diagnostics = m_diags;
        }
        return results;
    }
    if (auto batch = runAsOneBatch(trials, options)) {
        if (batch->ok()) return sim::toRunResults(std::move(*batch), {});
        for (auto& r : results) {  // could not start (too many values kept, ...): every trial fails with why
            r.status = sim::RunStatus::Failed;
            r.diagnostics = batch->diagnostics;
        }
        return results;
    }
    parallelFor(  // names the engine batch cannot set (a stock's initial value): one run each
        trials.size(), options.threads,
        [&](size_t i) {
            sim::RunSpec spec = m_base;
            if (!options.vars.empty()) spec.vars = options.vars;
            spec.seed = trialSeedOf(options, i).value_or(m_base.seed);
            spec.cancel = options.cancel;
            for (const auto& s : trials[i]) spec.sets.push_back(s);
            results[i] = sim::simulate(*m_compiled, spec);
        },
        options.progress);
    return results;
}

// The trials as one engine batch (solver/sim/batch: one native code when the engine is compiled, every
// core); nullopt when the model does not compile or a trial sets something that is not a constant.
std::optional<sim::BatchResult> CompiledTrialRunner::runAsOneBatch(const std::vector<Inputs>& trials,
                                                                   const TrialOptions& options) {
    if (!m_compiled) return std::nullopt;
    std::vector<sim::NamedSets> sets(trials.size(), m_base.sets);
    std::vector<uint64_t> seeds(trials.size(), m_base.seed);
    for (size_t i = 0; i < trials.size(); ++i) {
        sets[i].insert(sets[i].end(), trials[i].begin(), trials[i].end());
        seeds[i] = trialSeedOf(options, i).value_or(m_base.seed);
    }
    auto spec = sim::batchOfSets(*m_compiled, m_base, sets, std::move(seeds));
    if (!spec) return std::nullopt;
    if (!options.vars.empty()) spec->base.vars = options.vars;
    spec->base.cancel = options.cancel;
    spec->threads = options.threads;
    spec->progress = options.progress;
    return sim::runBatch(*m_compiled, *spec);
}

std::string CompiledTrialRunner::checkInput(const std::string& name) const {
    if (name.find('.') != std::string::npos && !m_project.main().find(name))
        return "'" + name + "' names a plugin param; this build runs model constants only";
    const auto* v = m_project.main().find(name);
    if (!v) {
        std::vector<std::string> names;
        for (const auto& var : m_project.main().variables) names.push_back(var.name);
        const std::string near = diag::nearestName(name, names);
        return "the model has no constant '" + name + "'" +
               (near.empty() ? "" : "; did you mean '" + near + "'?");
    }
    if (!m_compiled) return "the model does not compile";
    const int col = m_compiled->findColumn(name);
    if (col < 0 || !m_compiled->columns[static_cast<size_t>(col)].isConstant)
        return "'" + v->name + "' is computed by an equation, not a constant: only constants can be varied";
    return "";
}

std::string CompiledTrialRunner::checkOutput(const std::string& name) const {
    if (!m_compiled) return "the model does not compile";
    return m_compiled->unknownColumn(name);
}

std::string checkOutputs(const TrialRunner& runner, const std::vector<std::string>& vars) {
    for (const auto& v : vars)
        if (auto why = runner.checkOutput(v); !why.empty()) return v + ": " + why;
    return "";
}

std::optional<double> CompiledTrialRunner::baseValue(const std::string& name) const {
    for (const auto& [n, v] : m_base.sets)
        if (model::canonicalName(n) == model::canonicalName(name)) return v;
    if (!m_compiled) return std::nullopt;
    const int slot = m_compiled->findSlot(name);
    if (slot < 0) return std::nullopt;
    return m_compiled->m_initialSlots[static_cast<size_t>(slot)];
}

std::optional<Distribution> CompiledTrialRunner::ownDistribution(const std::string& name) const {
    const auto* v = m_project.main().find(name);
    return v ? modelDistribution(*v) : std::nullopt;
}

}  // namespace sdw::analysis
