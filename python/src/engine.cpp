// The C++ side of the `sdw` Python module: loading, checking, one run and batches of runs over threads.
// Layer: python. Uses the solver and (with SDW_HAVE_PLUGINS) the plugin host; no GUI, no pybind11.
#include "python/src/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "solver/analysis/run_options.hpp"
#include "solver/io/load_model.hpp"
#include "solver/xmile/xmile.hpp"
#ifdef SDW_HAVE_PLUGINS
#include "plugins/host/plugin_library.hpp"
#include "plugins/host/plugin_session.hpp"
#include "plugins/host/scenario.hpp"
#include "plugins/host/trial_runner.hpp"
#endif

namespace sdw::python {
namespace {

sim::RunResult failedWith(diag::Diagnostics diags) {
    sim::RunResult r;
    r.status = sim::RunStatus::Failed;
    r.diagnostics = std::move(diags);
    return r;
}

// Keeps only the errors: a run's result carries what stopped it; check() reports the warnings.
diag::Diagnostics errorsOf(const diag::Diagnostics& all) {
    diag::Diagnostics out;
    for (const auto& d : all.items())
        if (d.severity == diag::Severity::Error) out.add(d);
    return out;
}

bool applyEquations(model::Project& project, const Changes& changes, diag::Diagnostics& diags) {
    for (const auto& [name, equation] : changes.equations) {
        model::Variable* var = project.main().find(name);
        if (!var)
            diags.error(diag::code::kUnknownName, name, "the model has no variable '" + name + "' to change");
        else
            var->equation = equation;
    }
    return !diags.hasErrors();
}

#ifdef SDW_HAVE_PLUGINS
// The shipped levers (SDW_HOME, else the source tree this module was built from, else where they were
// installed), then SDW_PLUGIN_PATH.
const plugins::PluginLibrary& library() {
    static plugins::PluginLibrary lib;
    static std::once_flag once;
    std::call_once(once, [] {
        std::vector<std::string> dirs;
        if (const char* home = std::getenv("SDW_HOME"); home && *home)
            dirs.push_back(plugins::leversDirectory(home));
        else if (std::filesystem::is_directory(plugins::leversDirectory(SDW_SOURCE_DIR)))
            dirs.push_back(plugins::leversDirectory(SDW_SOURCE_DIR));
        else
            dirs.push_back(SDW_LEVERS_INSTALLED);  // `cmake --install` put them there
        if (const char* extra = std::getenv("SDW_PLUGIN_PATH"); extra && *extra) {
            const std::string s = extra;
            for (size_t start = 0, end; start <= s.size(); start = end + 1) {
                end = s.find(':', start);
                if (end == std::string::npos) end = s.size();
                if (end > start) dirs.push_back(s.substr(start, end - start));
            }
        }
        diag::Diagnostics ignored;  // a broken plugin nobody asks for stays out; asking for it says E406
        for (const auto& d : dirs)
            if (std::filesystem::is_directory(d)) lib.addDirectory(d, ignored);
    });
    return lib;
}

// A run through the plugin host: the scenario's plugins and constants, then the call's plugins; the call's
// explicit options win over the scenario's sim specs.
sim::RunResult runWithHost(const model::Project& project, const Changes& changes, const Options& options,
                           sim::RunSpec spec, diag::Diagnostics diags) {
    spec.sets =
        changes.sets;  // the values the levers start from; after the scenario's constants, so they win
    plugins::RunRequest req;
    req.spec = spec;
    if (!options.scenario.empty()) {
        auto s = plugins::loadScenario(options.scenario, diags, &library());
        if (!s) return failedWith(errorsOf(diags));
        req = s->toRequest(spec);
        if (options.start) req.spec.start = options.start;
        if (options.stop) req.spec.stop = options.stop;
        if (options.dt) req.spec.dt = options.dt;
        if (options.saveper) req.spec.saveper = options.saveper;
        if (!options.method.empty()) req.spec.method = spec.method;
        if (options.seed) req.spec.seed = *options.seed;
    }
    for (const auto& [id, params] : changes.plugins) {
        auto same = std::find_if(req.plugins.begin(), req.plugins.end(),
                                 [&id = id](const plugins::PluginSelection& p) { return p.id == id; });
        if (same == req.plugins.end()) same = req.plugins.insert(req.plugins.end(), {id, {}});
        for (const auto& [k, v] : params) same->params[k] = v;
    }
    return plugins::runRequest(project, library(), req, options.cancel);
}
#endif

}  // namespace

bool havePlugins() {
#ifdef SDW_HAVE_PLUGINS
    return true;
#else
    return false;
#endif
}

std::vector<PluginInfo> pluginInfo() {
    std::vector<PluginInfo> out;
#ifdef SDW_HAVE_PLUGINS
    for (const auto& p : library().all()) {
        PluginInfo info{p.id, p.title, p.evidence, {}};
        for (const auto& q : p.params) info.params.push_back(q.name);
        out.push_back(std::move(info));
    }
#endif
    return out;
}

ModelHandle::ModelHandle(model::Project p, diag::Diagnostics loadDiags)
    : m_project(std::move(p)), m_loadDiags(std::move(loadDiags)) {}

std::shared_ptr<ModelHandle> ModelHandle::load(const std::string& path, diag::Diagnostics& diags) {
    auto project =
        io::loadModelFile(path, diags);  // errors with a project: check() lists them, run() refuses
    if (!project) return nullptr;
    return std::shared_ptr<ModelHandle>(new ModelHandle(std::move(*project), diags));
}

std::shared_ptr<ModelHandle> ModelHandle::fromXmile(const std::string& text, const std::string& sourceName,
                                                    diag::Diagnostics& diags) {
    auto project = xmile::readString(text, diags, sourceName);
    if (!project) return nullptr;
    project->sourcePath = sourceName;
    return std::shared_ptr<ModelHandle>(new ModelHandle(std::move(*project), diags));
}

std::string ModelHandle::xmile() const {
    return xmile::writeString(m_project);
}

std::shared_ptr<const compile::CompiledModel> ModelHandle::baseline(diag::Diagnostics& diags) const {
    std::lock_guard<std::mutex> lock(m_mutex);  // runs of one model may start on several threads at once
    if (!m_compileTried) {
        // The compile reads the load's errors: an equation the reader could not read is not also "missing".
        diag::Diagnostics seen = m_loadDiags;
        m_compiled = compile::compileModel(m_project, seen);
        const auto& items = seen.items();
        for (size_t k = m_loadDiags.items().size(); k < items.size(); ++k) m_compileDiags.add(items[k]);
        m_compileTried = true;
    }
    diags.append(m_compileDiags);
    return m_compiled;
}

diag::Diagnostics ModelHandle::check() const {
    diag::Diagnostics all = m_loadDiags;
    baseline(all);
    return all;
}

std::vector<ConstantInfo> ModelHandle::constants() const {
    std::vector<ConstantInfo> out;
    for (const auto& v : m_project.main().variables) {
        if (v.kind != model::VarKind::Aux || v.gf || v.equation.empty() || !v.dimensions.empty()) continue;
        char* end = nullptr;
        const double value = std::strtod(v.equation.c_str(), &end);
        if (!end || *end != '\0') continue;
        ConstantInfo c{v.name, v.units, v.doc, value, {}, {}, {}, {}, {}};
        if (v.range) c.rangeMin = v.range->min, c.rangeMax = v.range->max;
        if (v.uncertainty) {
            c.plausibleMin = v.uncertainty->min, c.plausibleMax = v.uncertainty->max;
            for (const auto& [k, val] : v.uncertainty->extraAttrs)
                if (k == "distribution") c.distribution = val;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> ModelHandle::outcomeMeasures() const {
    return xmile::groupMembers(m_project.main(), xmile::kOutcomeGroup);
}

sim::RunSpec ModelHandle::baseSpec(const Options& o, diag::Diagnostics& diags) const {
    sim::RunSpec spec;
    spec.start = o.start;
    spec.stop = o.stop;
    spec.dt = o.dt;
    spec.saveper = o.saveper;
    if (o.seed) spec.seed = *o.seed;
    spec.vars = o.vars;
    spec.cancel = o.cancel;
    if (!o.engine.empty()) {
        const auto engine = sim::parseEngine(o.engine);
        if (!engine)
            diags.error(code::kBadParameter, "engine",
                        "unknown engine '" + o.engine + "' (use 'auto', 'interp' or 'compiled')");
        else
            spec.engine = *engine;
    }
    if (!o.method.empty()) {
        spec.method = sim::parseMethod(o.method);
        if (!spec.method)
            diags.error(code::kBadParameter, "method",
                        "unknown method '" + o.method + "' (use 'euler', 'rk4' or 'rk45')");
    }
    // As sdw run: a save interval that is not a whole multiple of dt was taken as dt, without a word.
    const bool dtUsable = !o.dt || (std::isfinite(*o.dt) && *o.dt > 0);  // else the run names dt (E208)
    if (const auto why =
            analysis::checkSaveperOverride(o.dt, o.saveper, m_project.specs.dt, m_project.specs.saveper);
        dtUsable && !why.empty())
        diags.error(code::kBadParameter, "saveper", why);
    return spec;
}

// A number for a variable an equation computes cannot be set when the run starts: it becomes that variable's
// equation (the model recompiled), as `sdw run --set` does. Constants and stocks stay run-time sets.
Changes ModelHandle::classify(const Changes& changes, const compile::CompiledModel& compiled) const {
    Changes out = changes;
    out.sets.clear();
    for (const auto& [name, value] : changes.sets) {
        const int col = compiled.findColumn(name);
        const bool runtime =
            col >= 0 && (compiled.columns[static_cast<size_t>(col)].isConstant ||
                         compiled.columns[static_cast<size_t>(col)].kind == model::VarKind::Stock);
        if (runtime || col < 0) {  // an unknown name: the run says so (E201)
            out.sets.push_back({name, value});
        } else {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", value);
            out.equations.push_back({name, buf});
        }
    }
    return out;
}

sim::RunResult ModelHandle::run(const Changes& asked, const Options& options) const {
    diag::Diagnostics diags;
    if (m_loadDiags.hasErrors()) return failedWith(errorsOf(m_loadDiags));
    sim::RunSpec spec = baseSpec(options, diags);
    if (diags.hasErrors()) return failedWith(diags);
    auto compiled = baseline(diags);
    const bool host = !asked.plugins.empty() || !options.scenario.empty();
    if (!compiled && asked.equations.empty() && !host) return failedWith(errorsOf(diags));
    const Changes changes = compiled ? classify(asked, *compiled) : asked;  // new equations may mend a model
    if (host && !havePlugins()) {
        diags.error(code::kNoPlugins,
                    changes.plugins.empty() ? options.scenario : changes.plugins.begin()->first,
                    "plugins and scenarios need the Lua plugin host, which this build of sdw does not have");
        return failedWith(diags);
    }
    if (!host && changes.equations.empty()) {  // the common case: compiled once, constants set per run
        spec.sets = changes.sets;
        return simulateBaseline(*compiled, spec);
    }
    diags = {};
    model::Project copy = m_project;
    if (!applyEquations(copy, changes, diags)) return failedWith(diags);
#ifdef SDW_HAVE_PLUGINS
    if (host) return runWithHost(copy, changes, options, spec, diags);
#endif
    auto recompiled = compile::compileModel(copy, diags);
    if (!recompiled) return failedWith(errorsOf(diags));
    spec.sets = changes.sets;
    return sim::simulate(*recompiled, spec);
}

ModelHandle::~ModelHandle() {
    if (m_prep.joinable()) m_prep.join();
}

namespace {
// What native code a run needs: its outputs, times and method.
std::string kindOf(const sim::RunSpec& s) {
    std::string k;
    for (const auto& v : s.vars) k += v + ",";
    char buf[160];
    auto num = [](const std::optional<double>& d) { return d ? *d : std::nan(""); };
    std::snprintf(buf, sizeof buf, "|%.17g|%.17g|%.17g|%.17g|%d", num(s.start), num(s.stop), num(s.dt),
                  num(s.saveper), s.method ? static_cast<int>(*s.method) : -1);
    return k + buf;
}
}  // namespace

bool ModelHandle::nativeReadyFor(const sim::RunSpec& spec) const {
    const std::string kind = kindOf(spec);
    if (m_nativeKinds.count(kind)) return true;
    if (!m_building.empty()) return false;  // one build at a time; the next run asks again
    if (m_prep.joinable()) m_prep.join();   // the last build is done (it cleared m_building)
    m_building = kind;
    std::shared_ptr<sim::Simulator> sibling = m_simulator->sibling();
    sim::RunSpec prep = spec;
    prep.cancel = nullptr;
    m_prep = std::thread([this, sibling, prep, kind, keep = m_compiled] {
        std::string error;  // a model the compiled engine cannot take: its runs stay interpreted
        sibling->prepare(prep, false, error);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_nativeKinds.insert(kind);
        m_building.clear();
    });
    return false;
}

sim::RunResult ModelHandle::simulateBaseline(const compile::CompiledModel& compiled,
                                             const sim::RunSpec& spec) const {
    std::unique_ptr<sim::Simulator> simulator;
    sim::RunSpec s = spec;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_simulator) m_simulator = std::make_unique<sim::Simulator>(compiled);
        if (m_idle.empty()) {
            simulator = m_simulator->sibling();
        } else {
            simulator = std::move(m_idle.back());
            m_idle.pop_back();
        }
        if (s.engine == sim::Engine::Auto && simulator->engineFor(s, false) == sim::Engine::Compiled &&
            !nativeReadyFor(s))
            s.engine = sim::Engine::Interpreter;
    }
    sim::RunResult r = simulator->run(s);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_idle.push_back(std::move(simulator));
    return r;
}

namespace {
uint64_t seedOf(const Options& o, size_t run) {
    return o.seeds.empty() ? analysis::trialSeed(o.seed.value_or(sim::RunSpec{}.seed), run) : o.seeds[run];
}
}  // namespace

BatchOutput ModelHandle::runMany(const std::vector<Changes>& runs, const Options& options,
                                 unsigned threads) const {
    BatchOutput out;
    if (!options.seeds.empty() && options.seeds.size() != runs.size()) {
        out.refused = true;
        out.diagnostics.error(code::kBadParameter, "seeds",
                              "give one seed per run (" + std::to_string(runs.size()) + "), not " +
                                  std::to_string(options.seeds.size()));
        return out;
    }
    if (auto batch = runAsEngineBatch(runs, options, threads))
        out = std::move(*batch);
    else
        out = runOneByOne(runs, options, threads);
    for (size_t i = 0; i < runs.size(); ++i) out.seeds.push_back(seedOf(options, i));
    return out;
}

std::optional<BatchOutput> ModelHandle::runAsEngineBatch(const std::vector<Changes>& runs,
                                                         const Options& options, unsigned threads) const {
    if (runs.empty() || !options.scenario.empty() || m_loadDiags.hasErrors()) return std::nullopt;
    diag::Diagnostics diags;
    sim::RunSpec base = baseSpec(options, diags);
    auto compiled = baseline(diags);
    if (!compiled || diags.hasErrors()) return std::nullopt;  // one by one says why
    std::vector<sim::NamedSets> sets;
    std::vector<uint64_t> seeds;
    for (size_t i = 0; i < runs.size(); ++i) {
        const Changes c = classify(runs[i], *compiled);
        if (!c.plugins.empty() || !c.equations.empty()) return std::nullopt;
        sets.push_back(c.sets);
        seeds.push_back(seedOf(options, i));
    }
    auto spec = sim::batchOfSets(*compiled, base, sets, std::move(seeds));
    if (!spec) return std::nullopt;  // a stock's initial value, an unknown name: one by one
    spec->threads = threads;
    spec->maxValues = options.maxBatchValues;
    sim::BatchResult r = sim::runBatch(*compiled, *spec);
    BatchOutput out;
    if (!r.ok()) {
        out.refused = true;
        out.diagnostics = errorsOf(r.diagnostics);
        return out;
    }
    bool interp = false, native = false;
    for (size_t i = 0; i < r.runs.size(); ++i) {
        (r.runs[i].engine == sim::Engine::Compiled ? native : interp) = true;
        if (r.runs[i].status != sim::RunStatus::Ok && !out.failedRun) {
            out.failedRun = i;
            out.diagnostics = errorsOf(r.runs[i].diagnostics);
        }
    }
    if (out.failedRun) return out;
    out.engine = native && interp ? "both" : native ? "compiled" : "interpreter";
    out.names = std::move(r.names);
    out.rows = r.rows;
    out.data = std::move(r.data);
    return out;
}

BatchOutput ModelHandle::runOneByOne(const std::vector<Changes>& runs, const Options& options,
                                     unsigned threads) const {
    BatchOutput out;
    std::vector<sim::RunResult> results(runs.size());
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};  // the first failure ends the batch early
    // Every run keeps as many values as the first: the batch's size is known once one run has finished.
    auto fits = [&](size_t values) {
        return values <= options.maxBatchValues / std::max<size_t>(runs.size(), 1);
    };
    auto tooLarge = [&](size_t values) {
        diag::Diagnostics d;
        d.error(diag::code::kTooManySteps, "run_many",
                "the batch would keep " + std::to_string(values * runs.size()) + " values (" +
                    std::to_string(runs.size()) + " runs of " + std::to_string(values) + "), more than " +
                    std::to_string(options.maxBatchValues) +
                    ": choose fewer vars, a larger saveper or fewer runs a call (or raise max_values)");
        return failedWith(d);
    };
    auto worker = [&] {
        for (size_t i = next++; i < runs.size() && !stop && !(options.cancel && *options.cancel);
             i = next++) {
            Options o = options;
            o.seed = seedOf(options, i);
            results[i] = run(runs[i], o);
            if (results[i].ok() && !fits(results[i].data.size()))
                results[i] = tooLarge(results[i].data.size());
            if (!results[i].ok()) stop = true;
        }
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(runs.size(), 1)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();

    bool interp = false, native = false;
    for (size_t i = 0; i < results.size(); ++i) {  // runs never started after a failure stay Ok and empty
        if (!results[i].ok()) {
            out.failedRun = i;
            out.diagnostics = results[i].diagnostics;
            return out;
        }
        (results[i].engine == sim::Engine::Compiled ? native : interp) = true;
    }
    if (results.empty()) return out;
    out.engine = native && interp ? "both" : native ? "compiled" : "interpreter";
    out.names = results.front().names;
    out.rows = results.front().rows();
    out.data.reserve(results.size() * out.rows * out.names.size());
    for (size_t i = 0; i < results.size(); ++i) {
        if (results[i].names != out.names || results[i].rows() != out.rows) {
            out.failedRun = i;
            out.diagnostics.error(code::kRunFailed, "run " + std::to_string(i),
                                  "this run's table differs in shape from run 0's");
            return out;
        }
        out.data.insert(out.data.end(), results[i].data.begin(), results[i].data.end());
    }
    return out;
}

std::unique_ptr<analysis::TrialRunner> ModelHandle::trialRunner(
    const Options& options, diag::Diagnostics& diags, const std::vector<std::string>& plugins) const {
    sim::RunSpec spec = baseSpec(options, diags);
    if (diags.hasErrors()) return nullptr;
    spec.vars.clear();  // each analysis asks for its own outputs
    (void)
        plugins;  // the levers on are the scenario's, on the workers as here (a param of another is refused)
#ifdef SDW_HAVE_PLUGINS
    plugins::RunRequest request;
    request.spec = spec;
    if (!options.scenario.empty()) {  // its levers and constants; the call's own options win
        auto s = plugins::loadScenario(options.scenario, diags, &library());
        if (!s) return nullptr;
        request = s->toRequestKeeping(spec);
        if (options.seed) request.spec.seed = *options.seed;
    }
    auto runner = std::make_unique<plugins::PluginTrialRunner>(m_project, library(), request);
#else
    if (!options.scenario.empty()) {
        diags.error(code::kNoPlugins, options.scenario,
                    "scenarios need the Lua plugin host, which this build of sdw does not have");
        return nullptr;
    }
    auto runner = std::make_unique<analysis::CompiledTrialRunner>(m_project, spec);
#endif
    if (runner->ok()) return runner;
    diags.append(runner->diagnostics());
    return nullptr;
}

}  // namespace sdw::python
