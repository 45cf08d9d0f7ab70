// runBatch(): the runs spread over TBB's workers, one Simulator each (buffers reused run after run, native
// code shared), every run writing straight into its own slice of one result buffer. A run depends only on
// its own parameters and seed, so the numbers do not depend on how many cores ran them. Layer: solver.
#include "solver/sim/batch.hpp"

#include <sys/mman.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace sdw::sim {

using compile::CompiledModel;

double BatchResult::finalValue(size_t run, size_t col) const {
    const size_t n = runs[run].rows;
    return n == 0 ? std::numeric_limits<double>::quiet_NaN() : at(run, rows == 1 ? 0 : n - 1, col);
}

int BatchResult::column(const std::string& anyName) const {
    const std::string key = model::canonicalRef(anyName);
    for (size_t i = 0; i < names.size(); ++i)
        if (model::canonicalRef(names[i]) == key) return static_cast<int>(i);
    return -1;
}

namespace {

bool refuse(BatchResult& out, const char* code, const std::string& where, const std::string& msg) {
    out.status = RunStatus::Failed;
    out.diagnostics.error(code, where, msg);
    return false;
}

// Each parameter's slot, once for the batch: constants and stocks (initial values) only.
bool resolveParameters(const CompiledModel& cm, const BatchSpec& spec, std::vector<uint32_t>& slots,
                       BatchResult& out) {
    for (const auto& name : spec.parameters) {
        const int slot = cm.findSlot(name);
        if (slot < 0)
            return refuse(out, diag::code::kUnknownName, name, "cannot set '" + name + "': no such variable");
        const auto s = static_cast<uint32_t>(slot);
        if (!cm.m_isConstantSlot[s] && !cm.m_isStockSlot[s])
            return refuse(out, diag::code::kBadArgument, name,
                          "cannot set '" + name +
                              "' for a run: it is computed by an equation (only constants and stocks' "
                              "initial values can be set)");
        slots.push_back(s);
    }
    for (size_t i = 0; i < spec.values.size(); ++i)
        if (spec.values[i].size() != slots.size())
            return refuse(out, diag::code::kBadArgument, "run " + std::to_string(i + 1),
                          "has " + std::to_string(spec.values[i].size()) + " values for " +
                              std::to_string(slots.size()) + " parameters");
    if (!spec.seeds.empty() && spec.seeds.size() != spec.values.size())
        return refuse(out, diag::code::kBadArgument, "seeds", "give one seed per run, or none");
    return true;
}

// A large buffer backed by 2 MB pages where the kernel allows it (transparent huge pages, "madvise" mode):
// the runs' first writes then fault once per 2 MB instead of once per 4 KB (a county Monte Carlo of 10,000
// runs: 5,345 page faults instead of 86,087). Only a hint: nothing changes where it is refused.
void adviseHugePages(void* data, size_t bytes) {
    constexpr uintptr_t kHuge = 2u << 20;
    const auto from = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const auto to = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

// The result buffer, its size checked first: runs x rows x columns.
bool allocate(const BatchSpec& spec, size_t rows, BatchResult& out) {
    out.rows = spec.finalOnly ? 1 : rows;
    const double values = static_cast<double>(spec.values.size()) * static_cast<double>(out.rows) *
                          static_cast<double>(out.names.size());
    if (values > static_cast<double>(spec.maxValues)) {
        std::ostringstream msg;
        msg << "the batch would keep " << values << " values (" << spec.values.size() << " runs x "
            << out.rows << " rows x " << out.names.size() << " columns), more than " << spec.maxValues
            << "; keep final values only, fewer variables or a longer save interval";
        return refuse(out, diag::code::kTooManySteps, "batch", msg.str());
    }
    out.data.resize(static_cast<size_t>(values));  // untouched: each run writes its slice (runOne)
    adviseHugePages(out.data.data(), out.data.size() * sizeof(double));
    out.runs.assign(spec.values.size(), {});
    return true;
}

constexpr size_t kAutoMinRuns = 8;
// Instructions a batch executes, all runs together, past which Auto has the C compiler optimise the code:
// about half a second of interpretation, more than cc takes on a model of a few hundred variables.
constexpr double kAutoOptimiseWork = 2e8;

// What one worker keeps between its runs.
struct Worker {
    std::unique_ptr<Simulator> simulator;
    RunSpec spec;
    RunResult status;
};

void runOne(const BatchSpec& spec, const std::vector<uint32_t>& slots, size_t i, size_t rows, Worker& w,
            BatchResult& out) {
    w.spec.slotSets.clear();
    for (size_t k = 0; k < slots.size(); ++k) w.spec.slotSets.push_back({slots[k], spec.values[i][k]});
    w.spec.seed = spec.seeds.empty() ? spec.base.seed + i : spec.seeds[i];
    const size_t cols = out.names.size();
    double* slice = out.data.data() + i * out.rows * cols;
    const size_t written = w.simulator->runInto(w.spec, w.status, slice);  // finalOnly: one row, rewritten
    std::fill(slice + std::min(written, out.rows) * cols, slice + out.rows * cols,
              std::numeric_limits<double>::quiet_NaN());
    BatchRun& run = out.runs[i];
    run.status = w.status.status;
    run.diagnostics = w.status.diagnostics;
    run.rows = written;
    run.engine = w.status.engine;
}

}  // namespace

BatchResult runBatch(const CompiledModel& model, const BatchSpec& spec) {
    BatchResult out;
    try {
        Simulator first(model);
        size_t rows = 0;
        std::vector<uint32_t> slots;
        RunResult info;
        if (!first.shape(spec.base, out.names, rows, info)) {
            out.status = RunStatus::Failed;
            out.diagnostics = info.diagnostics;
            return out;
        }
        out.start = info.start;
        out.stop = info.stop;
        out.dt = info.dt;
        out.saveper = info.saveper;
        out.method = info.method;
        if (!resolveParameters(model, spec, slots, out) || !allocate(spec, rows, out)) return out;
        // Native code once, before the workers need it: for Auto when the batch has a few runs to repay it
        // (a failure then leaves the interpreter), optimised when the batch is long enough to repay the C
        // compiler too. Auto workers then use what was built.
        const bool build = spec.base.engine == Engine::Compiled ||
                           (spec.base.engine == Engine::Auto && spec.values.size() >= kAutoMinRuns);
        const double work = static_cast<double>(spec.values.size()) * (out.stop - out.start) / out.dt *
                            static_cast<double>(model.m_stepProgram.size());
        const bool optimised = spec.base.engine == Engine::Compiled || work >= kAutoOptimiseWork;
        std::string error;
        if (build && !first.prepare(spec.base, false, error, optimised) &&
            spec.base.engine == Engine::Compiled) {
            refuse(out, diag::code::kNativeFailed, "engine",
                   "the compiled engine could not be built: " + error);
            return out;
        }
        RunSpec base = spec.base;
        base.finalOnly = spec.finalOnly;
        tbb::enumerable_thread_specific<Worker> workers([&] { return Worker{first.sibling(), base, {}}; });
        std::mutex progressMutex;
        std::atomic<size_t> done{0};
        const int threads = spec.threads ? static_cast<int>(spec.threads) : tbb::task_arena::automatic;
        tbb::task_arena arena(threads);
        arena.execute([&] {
            tbb::parallel_for(tbb::blocked_range<size_t>(0, spec.values.size()), [&](const auto& range) {
                Worker& w = workers.local();
                for (size_t i = range.begin(); i != range.end(); ++i) {
                    runOne(spec, slots, i, rows, w, out);
                    const size_t finished = ++done;
                    if (spec.progress) {
                        std::lock_guard<std::mutex> lock(progressMutex);
                        spec.progress(finished, spec.values.size());
                    }
                }
            });
        });
    } catch (const std::exception& e) {
        refuse(out, diag::code::kHookFailed, "batch", std::string("internal error: ") + e.what());
    }
    return out;
}

std::optional<BatchSpec> batchOfSets(const CompiledModel& model, const RunSpec& base,
                                     const std::vector<NamedSets>& runSets, std::vector<uint64_t> seeds) {
    BatchSpec spec;
    spec.base = base;
    spec.base.sets.clear();
    std::map<std::string, size_t> index;  // canonical name -> parameter
    std::vector<double> defaults;
    for (const auto& sets : runSets)
        for (const auto& [name, value] : sets) {
            const int col = model.findColumn(name);
            if (col < 0 || !model.columns[static_cast<size_t>(col)].isConstant) return std::nullopt;
            if (index.emplace(model::canonicalRef(name), spec.parameters.size()).second) {
                spec.parameters.push_back(name);
                defaults.push_back(model.m_initialSlots[model.columns[static_cast<size_t>(col)].slot]);
            }
        }
    spec.values.reserve(runSets.size());
    for (const auto& sets : runSets) {
        spec.values.push_back(defaults);
        for (const auto& [name, value] : sets) spec.values.back()[index[model::canonicalRef(name)]] = value;
    }
    spec.seeds = std::move(seeds);
    return spec;
}

std::vector<RunResult> toRunResults(BatchResult&& batch, const diag::Diagnostics& warnings) {
    std::vector<RunResult> out(batch.runs.size());
    for (size_t i = 0; i < out.size(); ++i) {
        RunResult& r = out[i];
        r.status = batch.runs[i].status;
        r.diagnostics = warnings;
        r.diagnostics.append(batch.runs[i].diagnostics);
        r.names = batch.names;
        r.data.assign(batch.run(i), batch.run(i) + batch.runs[i].rows * batch.cols());
        r.start = batch.start;
        r.stop = batch.stop;
        r.dt = batch.dt;
        r.saveper = batch.saveper;
        r.method = batch.method;
        r.engine = batch.runs[i].engine;
    }
    return out;
}

}  // namespace sdw::sim
