// The pybind11 binding `sdw._sdw`: a thin translation of python/src/engine.hpp into Python types (numpy
// arrays, lists, dicts); the pandas frames, keyword checks, errors and Dask live in the Python package
// python/sdw/. Layer: python. Runs release the GIL.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "python/src/analysis.hpp"
#include "python/src/engine.hpp"
#include "workbench/app/calendar.hpp"

namespace py = pybind11;
using sdw::python::Changes;
using sdw::python::ModelHandle;
using sdw::python::Options;

namespace {

py::list toPython(const sdw::diag::Diagnostics& diags) {
    py::list out;
    for (const auto& d : diags.items())
        out.append(py::make_tuple(d.code, sdw::diag::severityName(d.severity), d.where, d.message, d.line,
                                  d.column, d.time));
    return out;
}

// Hands the vector's buffer to numpy without a copy: the capsule frees it with the array.
template <class Alloc>
py::array_t<double> toArray(std::vector<double, Alloc>&& data, size_t rows, size_t cols) {
    using Vector = std::vector<double, Alloc>;
    auto* owned = new Vector(std::move(data));
    py::capsule free(owned, [](void* p) { delete static_cast<Vector*>(p); });
    return py::array_t<double>({rows, cols}, {cols * sizeof(double), sizeof(double)}, owned->data(), free);
}

// Days from 1970-01-01 to a proleptic Gregorian date (the civil-days algorithm: eras of 400 years).
int64_t daysSinceEpoch(const sdw::app::Date& d) {
    const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;                          // 0..399
    const int64_t mp = (d.month + 9) % 12;                      // March = 0
    const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;         // 0..365
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // 0..146096
    return era * 146097 + doe - 719468;
}

py::tuple loaded(const std::shared_ptr<ModelHandle>& handle, const sdw::diag::Diagnostics& diags) {
    return py::make_tuple(handle ? py::cast(handle) : py::none(), toPython(diags));
}

Options options(std::optional<double> start, std::optional<double> stop, std::optional<double> dt,
                std::optional<double> saveper, std::string method, std::optional<uint64_t> seed,
                std::vector<std::string> vars, std::string scenario, size_t maxValues, std::string engine,
                std::vector<uint64_t> seeds) {
    Options o;
    o.engine = std::move(engine), o.seeds = std::move(seeds);
    o.start = start, o.stop = stop, o.dt = dt, o.saveper = saveper, o.seed = seed;
    o.method = std::move(method), o.vars = std::move(vars), o.scenario = std::move(scenario);
    o.maxBatchValues = maxValues;
    return o;
}

// Runs `work` on another thread while this one answers Ctrl-C: the GIL is released, and every 100 ms the main
// thread checks Python's signals; a KeyboardInterrupt cancels the work (through Options::cancel) and is
// raised.
template <class Result, class Work>
Result interruptible(Options& o, Work work) {
    std::atomic<bool> cancel{false};
    o.cancel = &cancel;
    Result out;
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false, interrupted = false;
    {
        py::gil_scoped_release release;
        std::thread worker([&] {
            auto b = work();  // never throws (failures are diagnostics)
            std::lock_guard<std::mutex> lock(mutex);
            out = std::move(b);
            done = true;
            finished.notify_one();
        });
        std::unique_lock<std::mutex> lock(mutex);
        while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return done; })) {
            lock.unlock();
            {
                py::gil_scoped_acquire acquire;
                if (!interrupted && PyErr_CheckSignals() != 0) interrupted = true;  // the error stays set
            }
            if (interrupted) cancel = true;
            lock.lock();
        }
        lock.unlock();
        worker.join();
    }
    if (interrupted) throw py::error_already_set();
    return out;
}

// One run, interruptible by Ctrl-C as a batch is.
py::tuple run(const ModelHandle& m, const Changes& changes, Options o) {
    auto r = interruptible<sdw::sim::RunResult>(o, [&] { return m.run(changes, o); });
    const size_t rows = r.rows(), cols = r.cols();
    return py::make_tuple(r.ok(), r.names, toArray(std::move(r.data), rows, cols), toPython(r.diagnostics),
                          r.engine == sdw::sim::Engine::Compiled ? "compiled" : "interpreter");
}

sdw::python::BatchOutput interruptibleBatch(const ModelHandle& m, const std::vector<Changes>& runs, Options o,
                                            unsigned threads) {
    return interruptible<sdw::python::BatchOutput>(o, [&] { return m.runMany(runs, o, threads); });
}

// An analysis's table and statistics as a dict (the Python package makes the DataFrame).
py::dict toPython(sdw::python::AnalysisOutput&& a) {
    py::dict d;
    if (!a.errorCode.empty()) {
        d["error"] = py::make_tuple(a.errorCode, a.errorWhere, a.error);
        d["failures"] = a.failures;
        return d;
    }
    const size_t rows = a.columns.empty() ? 0 : a.data.size() / a.columns.size();
    d["label_columns"] = a.labelColumns;
    d["labels"] = a.labels;
    d["columns"] = a.columns;
    d["data"] = toArray(std::move(a.data), rows, a.columns.size());
    const size_t runs = a.sampleNames.empty() ? 0 : a.samples.size() / a.sampleNames.size();
    d["sample_names"] = a.sampleNames;
    d["samples"] = toArray(std::move(a.samples), runs, a.sampleNames.size());
    d["failures"] = a.failures;
    d["stats"] = a.stats;
    d["note"] = a.note;
    return d;
}

// A Python callable (trials, vars, seed, distinct, final_only) -> [(ok, names, data, diagnostics)] as the
// analyses' dispatch: called from the analysis's thread with the GIL taken; the callable is held and let go
// under the GIL only. A Python exception fails every trial of the batch with E906 and its message.
sdw::python::TrialDispatch dispatcher(const py::object& fn) {
    if (fn.is_none()) return {};
    std::shared_ptr<py::object> held(new py::object(fn), [](py::object* o) {
        py::gil_scoped_acquire gil;
        delete o;
    });
    return [held](const sdw::python::RemoteTrials& r) {
        py::gil_scoped_acquire gil;
        std::vector<sdw::sim::RunResult> out(r.trials.size());
        try {
            py::list results =
                (*held)(r.trials, r.vars, r.seed, r.trialSeed, r.first, r.finalOnly, r.plugins);
            for (size_t i = 0; i < out.size(); ++i) {
                auto t = results[i].cast<py::tuple>();
                auto& run = out[i];
                run.status = t[0].cast<bool>() ? sdw::sim::RunStatus::Ok : sdw::sim::RunStatus::Failed;
                run.names = t[1].cast<std::vector<std::string>>();
                auto data = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(t[2]);
                run.data.assign(data.data(), data.data() + data.size());
                for (auto d : t[3].cast<py::list>()) {
                    auto dt = d.cast<py::tuple>();
                    if (dt[1].cast<std::string>() == "error")
                        run.diagnostics.error(dt[0].cast<std::string>(), dt[2].cast<std::string>(),
                                              dt[3].cast<std::string>());
                }
            }
        } catch (const std::exception& e) {  // py::error_already_set, a cast that failed
            for (auto& run : out) {
                run = {};
                run.status = sdw::sim::RunStatus::Failed;
                run.diagnostics.error(sdw::python::code::kClusterFailed, "client",
                                      std::string("the Dask cluster could not run the trials: ") + e.what());
            }
        }
        return out;
    };
}

template <class Request, class Fn>
py::dict analysis(const ModelHandle& m, const Request& request, Options o, Fn fn, const py::object& remote) {
    auto dispatch = dispatcher(remote);
    return toPython(
        interruptible<sdw::python::AnalysisOutput>(o, [&] { return fn(m, request, o, dispatch); }));
}

// A remote batch's share run here (on a Dask worker): [(ok, names, data, diagnostics)].
py::list trialsHere(const ModelHandle& m, sdw::python::RemoteTrials r, Options o) {
    auto results =
        interruptible<std::vector<sdw::sim::RunResult>>(o, [&] { return sdw::python::runTrials(m, r, o); });
    py::list out;
    for (auto& run : results) {
        const size_t rows = run.rows(), cols = run.cols();
        out.append(py::make_tuple(run.ok(), run.names, toArray(std::move(run.data), rows, cols),
                                  toPython(run.diagnostics)));
    }
    return out;
}

py::tuple runMany(const ModelHandle& m, const std::vector<Changes>& runs, const Options& o,
                  unsigned threads) {
    sdw::python::BatchOutput b = interruptibleBatch(m, runs, o, threads);
    const size_t cols = b.names.size(), rows = b.rows * runs.size();
    py::object failed = b.refused ? py::cast(-1) : b.failedRun ? py::cast(*b.failedRun) : py::none();
    const bool ok = !b.refused && !b.failedRun;
    return py::make_tuple(failed, b.names, b.rows, toArray(std::move(b.data), ok ? rows : 0, cols),
                          toPython(b.diagnostics), b.seeds, b.engine);
}

py::list constants(const ModelHandle& m) {
    py::list out;
    for (const auto& c : m.constants())
        out.append(py::make_tuple(
            c.name, c.value, c.units, c.rangeMin, c.rangeMax, c.plausibleMin, c.plausibleMax,
            c.distribution.empty() ? py::object(py::none()) : py::str(c.distribution), c.source));
    return out;
}

std::vector<std::string> variableNames(const ModelHandle& m) {
    std::vector<std::string> out;
    for (const auto& v : m.project().main().variables) out.push_back(v.name);
    return out;
}

}  // namespace

PYBIND11_MODULE(_sdw, mod) {
    mod.doc() = "sdw engine binding (use the `sdw` package, not this module)";
    py::class_<Changes>(mod, "Changes")
        .def(py::init([](std::vector<std::pair<std::string, double>> sets,
                         std::vector<std::pair<std::string, std::string>> equations,
                         std::map<std::string, std::map<std::string, double>> plugins) {
            return Changes{std::move(sets), std::move(equations), std::move(plugins)};
        }));
    py::class_<Options>(mod, "Options")
        .def(py::init(&options), py::arg("start"), py::arg("stop"), py::arg("dt"), py::arg("saveper"),
             py::arg("method"), py::arg("seed"), py::arg("vars"), py::arg("scenario"),
             py::arg("max_values") = size_t{200'000'000}, py::arg("engine") = std::string(),
             py::arg("seeds") = std::vector<uint64_t>{})
        .def_readwrite("threads", &Options::threads);
    using sdw::python::CalibrationRequest, sdw::python::McRequest, sdw::python::SensitivityRequest;
    py::class_<McRequest>(mod, "McRequest")
        .def(py::init([](std::vector<std::pair<std::string, std::string>> inputs,
                         std::vector<std::tuple<std::string, std::string, double>> correlations, size_t runs,
                         uint64_t seed, bool latin, std::vector<std::string> vars,
                         std::vector<double> percentiles) {
            McRequest r;
            for (auto& [n, d] : inputs) r.inputs.push_back({n, d});
            r.correlations = std::move(correlations), r.runs = runs, r.seed = seed, r.latin = latin;
            r.vars = std::move(vars), r.percentiles = std::move(percentiles);
            return r;
        }));
    py::class_<SensitivityRequest>(mod, "SensitivityRequest")
        .def(py::init([](std::string method, std::vector<std::pair<std::string, std::string>> inputs,
                         std::vector<std::string> vars, size_t samples, size_t trajectories, uint64_t seed) {
            SensitivityRequest r;
            r.method = std::move(method);
            for (auto& [n, d] : inputs) r.inputs.push_back({n, d});
            r.vars = std::move(vars), r.samples = samples, r.trajectories = trajectories, r.seed = seed;
            return r;
        }));
    py::class_<CalibrationRequest>(mod, "CalibrationRequest")
        .def(py::init([](std::vector<std::tuple<std::string, double, double>> fit,
                         std::vector<std::tuple<std::string, std::vector<double>, std::vector<double>>> data,
                         std::string payoff, std::vector<std::pair<std::string, double>> weights) {
            return CalibrationRequest{std::move(fit), std::move(data), std::move(payoff), std::move(weights)};
        }));
    py::class_<ModelHandle, std::shared_ptr<ModelHandle>>(mod, "ModelHandle")
        .def("xmile", &ModelHandle::xmile)
        .def("check", [](const ModelHandle& m) { return toPython(m.check()); })
        .def("constants", &constants)
        .def("outcome_measures", &ModelHandle::outcomeMeasures)
        .def("variables", &variableNames)
        .def("name", [](const ModelHandle& m) { return m.project().name; })
        .def("source", [](const ModelHandle& m) { return m.project().sourcePath; })
        // The calendar day at each model time, as days since 1970-01-01, by the rule the CLI's Date column
        // uses; None when the model gives no calendar start.
        .def("dates",
             [](const ModelHandle& m,
                py::array_t<double, py::array::c_style | py::array::forcecast> times) -> py::object {
                 const auto calendar = sdw::app::Calendar::of(m.project().specs);
                 if (!calendar) return py::none();
                 py::array_t<int64_t> out(times.size());
                 auto* days = out.mutable_data();
                 for (py::ssize_t i = 0; i < times.size(); ++i)
                     days[i] = daysSinceEpoch(calendar->dateAt(times.data()[i]));
                 return py::object(std::move(out));
             })
        .def("run", &run)
        .def("run_many", &runMany)
        .def("mc",
             [](const ModelHandle& m, const McRequest& r, Options o) {
                 return toPython(interruptible<sdw::python::AnalysisOutput>(
                     o, [&] { return sdw::python::monteCarlo(m, r, o); }));
             })
        .def("mc_chunk",
             [](const ModelHandle& m, const McRequest& r, size_t first, size_t count, Options o) {
                 auto a = interruptible<sdw::python::AnalysisOutput>(
                     o, [&] { return sdw::python::monteCarloChunk(m, r, first, count, o); });
                 if (!a.errorCode.empty()) return toPython(std::move(a));
                 py::dict d;
                 d["columns"] = a.columns;
                 d["run_rows"] = a.runRows;
                 d["failed_runs"] = a.failedRuns;
                 d["failures"] = a.failures;
                 const size_t n = a.data.size();
                 d["data"] = toArray(std::move(a.data), n, 1);
                 return d;
             })
        .def("mc_bands",
             [](const ModelHandle& m, const McRequest& r, Options o, std::vector<std::string> columns,
                std::vector<size_t> runRows, std::vector<double> data, std::vector<size_t> failedRuns,
                std::vector<std::string> failures) {
                 sdw::python::AnalysisOutput runs;
                 runs.columns = std::move(columns), runs.runRows = std::move(runRows);
                 runs.data = std::move(data), runs.failedRuns = std::move(failedRuns);
                 runs.failures = std::move(failures);
                 sdw::python::AnalysisOutput a;
                 {
                     py::gil_scoped_release release;
                     a = sdw::python::monteCarloBands(m, r, o, runs);
                 }
                 return toPython(std::move(a));
             })
        .def("sensitivity",
             [](const ModelHandle& m, const SensitivityRequest& r, Options o, const py::object& remote) {
                 return analysis(m, r, std::move(o), &sdw::python::sensitivity, remote);
             })
        .def("calibrate",
             [](const ModelHandle& m, const CalibrationRequest& r, Options o, const py::object& remote) {
                 return analysis(m, r, std::move(o), &sdw::python::calibrate, remote);
             })
        .def("run_trials", [](const ModelHandle& m, std::vector<sdw::analysis::Inputs> trials,
                              std::vector<std::string> vars, uint64_t seed, std::optional<uint64_t> trialSeed,
                              size_t first, bool finalOnly, std::vector<std::string> plugins, Options o) {
            return trialsHere(
                m,
                {std::move(trials), std::move(vars), seed, trialSeed, first, finalOnly, std::move(plugins)},
                std::move(o));
        });
    mod.def("load", [](const std::string& path) {
        sdw::diag::Diagnostics diags;
        auto h = ModelHandle::load(path, diags);
        return loaded(h, diags);
    });
    mod.def("from_xmile", [](const std::string& text, const std::string& name) {
        sdw::diag::Diagnostics diags;
        auto h = ModelHandle::fromXmile(text, name, diags);
        return loaded(h, diags);
    });
    mod.def("trial_seed", &sdw::analysis::trialSeed, py::arg("seed"), py::arg("i"),
            "The seed run i of a batch seeded with `seed` draws its random built-ins from (Monte Carlo, "
            "run_many): seed + i * 0x9E3779B97F4A7C15 modulo 2**64; run 0 draws from `seed` itself.");
    mod.def("have_plugins", &sdw::python::havePlugins);
    mod.def("plugins", [] {
        py::list out;
        for (const auto& p : sdw::python::pluginInfo())
            out.append(py::make_tuple(p.id, p.title, p.evidence, p.params));
        return out;
    });
}
