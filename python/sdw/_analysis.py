# Monte Carlo, sensitivity and calibration from Python: Model.mc, Model.sensitivity and Model.calibrate, thin
# calls into the engine's solver/analysis (the code of `sdw mc`, `sdw sensitivity`, `sdw calibrate`), so the
# same seed gives the CLI's numbers. Layer: python (keyword checks and DataFrames only; no statistics here).
import numbers

import numpy as np
import pandas as pd

from . import _sdw
from ._errors import Diagnostic, SdwError, SdwUsageError, check_keywords, usage_error
from ._model import _plugin_params

RUN_OPTIONS = ("method", "dt", "start", "stop", "saveper", "threads", "engine", "scenario")
MC_OPTIONS = ("vary", "runs", "seed", "vars", "percentiles", "correlate", "sampling", "client",
              "chunks") + RUN_OPTIONS
SENSITIVITY_OPTIONS = ("method", "vary", "vars", "samples", "trajectories", "seed", "dt", "start", "stop",
                       "saveper", "integration", "threads", "engine", "scenario", "client", "chunks")
CALIBRATE_OPTIONS = ("data", "fit", "payoff", "weights", "client", "chunks") + RUN_OPTIONS
USAGE_CODES = ("E201", "E901", "E904")


def _raise(result, what):
    code, where, message = result["error"]
    error = SdwUsageError if code in USAGE_CODES else SdwError
    failures = result.get("failures") or []
    raise error(f"{what}: {message}" + "".join(f"\n  {f}" for f in failures[:5]),
                [Diagnostic(code, "error", where, message)])


def _inputs(model, vary, what, allow_range):
    """vary as [(name, distribution text)]: a name alone (or None) takes the model's own distribution, a
    (lo, hi) pair is uniform over it, text is a distribution as `sdw mc --vary` reads it."""
    if vary is None:
        return []
    if isinstance(vary, str):
        vary = [vary]
    items = vary.items() if isinstance(vary, dict) else ((name, None) for name in vary)
    out = []
    for name, dist in items:
        if not isinstance(name, str):
            raise usage_error("E901", str(name), f"{what}: names must be text, not {name!r}")
        head, _, param = name.partition(".")
        if not (param and head in _plugin_params()):
            model._check_name(name, what)
        if dist is None:
            text = ""
        elif isinstance(dist, str):
            text = dist
        elif (allow_range and isinstance(dist, (tuple, list)) and len(dist) == 2
              and all(isinstance(v, numbers.Real) for v in dist)):
            text = f"uniform({float(dist[0])!r},{float(dist[1])!r})"
        else:
            raise usage_error("E904", name, f"{what}: '{name}' needs a distribution's text such as "
                                            f"'uniform(lo,hi)'{' or a (lo, hi) pair' if allow_range else ''}, "
                                            f"not {dist!r}")
        out.append((name, text))
    return out


def _options(model, vars, method, dt, start, stop, saveper, threads, engine=None, scenario=None):
    o = model._options(vars, method, dt, start, stop, saveper, None, scenario, engine=engine)
    if threads is not None:
        if not isinstance(threads, numbers.Integral) or threads < 0:
            raise usage_error("E901", "threads", f"threads must be a non-negative integer, not {threads!r}")
        o.threads = int(threads)
    return o


def _count(name, value, least):
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < least:
        raise usage_error("E901", name, f"{name} must be an integer of at least {least}, not {value!r}")
    return int(value)


def _vars(model, vars):
    if isinstance(vars, str):
        vars = [vars]
    if vars is not None and not hasattr(vars, "__iter__"):
        raise usage_error("E901", "vars", f"vars must be a list of names, not {vars!r}")
    vars = list(vars) if vars is not None else model.outcome_measures
    if not vars:
        raise usage_error("E901", "vars", "give vars (the model has no \"Outcome measures\" group)")
    return vars


def mc(model, vary=None, runs=200, seed=1, vars=None, percentiles=(5, 50, 95), correlate=None,
       sampling="latin", method=None, dt=None, start=None, stop=None, saveper=None, threads=None,
       engine=None, scenario=None, client=None, chunks=None, **unknown):
    """Monte Carlo: percentile bands over time, as `sdw mc` computes them (the same seed, the same numbers).

    vary: {name: distribution} (text such as 'triangular(0.2,0.3,0.4)') or names alone (a list), which take
    the model's own distribution from its plausible range (default: every constant that has one, as `sdw mc`
    without --vary and the How sure tab); names are constants or `plugin_id.param` of a lever
    the analysed run switches on (scenario: a scenario file; the runs are its, its levers on). Run i draws
    its own random built-ins from trial_seed(seed, i), as `sdw mc` does.
    correlate: {(a, b): rho} rank correlations between varied inputs. sampling: 'latin' or 'random'.
    Returns a DataFrame indexed by Time with columns 'a[p5]', 'a[p50]', ... (as the CLI's CSV); `attrs` holds
    `samples` (each run's inputs), `failures` (runs left out, with their inputs) and `ok_runs`.
    client: a dask `distributed.Client`: the runs are cut into `chunks` pieces (default four per worker
    thread) run on its workers, and the bands made here from all of them: the same numbers as without one."""
    check_keywords("mc", unknown, MC_OPTIONS)
    if vary is None:  # as `sdw mc` and the How sure tab: every constant the model gives a plausible range
        c = model.constants
        vary = list(c.index[c["plausible_min"].notna() & (c["plausible_min"] < c["plausible_max"])])
    inputs = _inputs(model, vary, "vary", allow_range=False)
    if not inputs:
        raise usage_error("E901", "vary", "mc needs vary: the model gives no constant a plausible range; give the "
                                          "inputs to draw, e.g. {'rate': 'uniform(0,1)'}")
    runs = _count("runs", runs, 2)
    seed = _count("seed", seed, 0)
    if sampling not in ("latin", "random"):
        raise usage_error("E901", "sampling", f"sampling must be 'latin' or 'random', not {sampling!r}")
    if isinstance(percentiles, numbers.Real):
        percentiles = [percentiles]
    percentiles = list(percentiles)
    for p in percentiles:
        if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0 <= p <= 100:
            raise usage_error("E901", "percentiles", f"percentiles must be numbers from 0 to 100, not {p!r}")
    pairs = []
    for key, rho in (correlate or {}).items():
        if not (isinstance(key, tuple) and len(key) == 2) or not isinstance(rho, numbers.Real):
            raise usage_error("E901", "correlate", f"correlate takes {{(a, b): rho}}, not {key!r}: {rho!r}")
        pairs.append((key[0], key[1], float(rho)))
    request = (inputs, pairs, runs, seed, sampling == "latin", _vars(model, vars),
               [float(p) for p in percentiles])
    run_options = (request[5], method, dt, start, stop, saveper, threads, engine, scenario)
    o = _options(model, *run_options)
    if client is None:
        result = model._h.mc(_sdw.McRequest(*request), o)
    else:
        result = _mc_on_dask(client, model, request, run_options, o, chunks)
    if "error" in result:
        _raise(result, "mc")
    columns = list(result["columns"])
    data = result["data"]
    frame = pd.DataFrame(data[:, 1:], index=pd.Index(data[:, 0], name=columns[0]), columns=columns[1:])
    frame = model._with_dates(frame)  # a calendar model's Date column, as the CLI's CSV has it
    samples = pd.DataFrame(result["samples"], columns=list(result["sample_names"]))
    samples.index.name = "run"
    frame.attrs.update(samples=samples, failures=list(result["failures"]), ok_runs=int(dict(result["stats"])["ok_runs"]))
    return frame


def _mc_chunk(model, request, run_options, first, count):
    """Runs [first, first + count) of a Monte Carlo (on a Dask worker): each run's inputs and seed as in
    the whole."""
    result = model._h.mc_chunk(_sdw.McRequest(*request), first, count, _options(model, *run_options))
    if "error" in result:
        _raise(result, "mc")
    return result


def _mc_on_dask(client, model, request, run_options, o, chunks):
    _check_client(client)
    runs = request[2]
    if chunks is None:
        chunks = 4 * max(1, sum(client.nthreads().values()))
    chunks = max(1, min(_count("chunks", chunks, 1), runs))
    bounds = np.linspace(0, runs, chunks + 1).astype(int)
    _mc_chunk(model, request, run_options, 0, 1)  # a mistake is reported here, before any worker starts
    if run_options[6] is None:  # a Dask task uses the one worker thread it is given
        run_options = run_options[:6] + (1,) + run_options[7:]
    shared = client.scatter(model, broadcast=True)  # the model travels once per worker, as XMILE text
    futures = [client.submit(_mc_chunk, shared, request, run_options, int(a), int(b - a), pure=False)
               for a, b in zip(bounds[:-1], bounds[1:])]
    parts = client.gather(futures)
    columns = next((list(p["columns"]) for p in parts if p["columns"]), [])
    return model._h.mc_bands(_sdw.McRequest(*request), o, columns,
                             [r for p in parts for r in p["run_rows"]],
                             np.concatenate([p["data"].ravel() for p in parts]),
                             [r for p in parts for r in p["failed_runs"]],
                             [f for p in parts for f in p["failures"]])


def sensitivity(model, method="oat", vary=None, vars=None, samples=512, trajectories=10, seed=1, dt=None,
                start=None, stop=None, saveper=None, integration=None, threads=None, engine=None, scenario=None,
                client=None, chunks=None, **unknown):
    """Sensitivity of final values, as `sdw sensitivity` computes it.

    method: 'oat' (one at a time from the true baseline: tornado bars, widest swing first), 'morris'
    (elementary effects, `trajectories` x (inputs + 1) runs) or 'sobol' (first-order and total indices,
    `samples` x (inputs + 2) runs). vary: {name: (lo, hi) or distribution text} or names alone (their plausible
    range); default every constant with a plausible range. integration: 'euler', 'rk4' or 'rk45'. A lever's
    param (`plugin_id.param`) varies around its value in `scenario` (a scenario file that switches it on); a
    param of a lever the analysed run leaves off is refused, so the baseline is the run without it.
    client: a dask `distributed.Client`: the runs are cut into `chunks` pieces (default four per worker
    thread) run on its workers, each with the inputs it has in the whole; the indices are made here from all
    of them: the same numbers as without one.
    Returns a DataFrame indexed by (parameter, outcome)."""
    check_keywords("sensitivity", unknown, SENSITIVITY_OPTIONS)
    if method not in ("oat", "morris", "sobol"):
        raise usage_error("E901", "method", f"method must be 'oat', 'morris' or 'sobol', not {method!r}")
    inputs = _inputs(model, vary, "vary", allow_range=True)
    vars = _vars(model, vars)
    run_options = (vars, integration, dt, start, stop, saveper, threads, engine, scenario)
    o = _options(model, *run_options)
    request = _sdw.SensitivityRequest(method, inputs, vars, _count("samples", samples, 2),
                                      _count("trajectories", trajectories, 2), _count("seed", seed, 0))
    result = model._h.sensitivity(request, o, _dispatcher(client, model, run_options, chunks))
    if "error" in result:
        _raise(result, "sensitivity")
    frame = _labelled(result)
    if "effects" in frame:
        frame["effects"] = frame["effects"].astype(int)
    frame.attrs.update(failures=list(result["failures"]))
    return frame


def calibrate(model, data, fit, payoff="sse", weights=None, method=None, dt=None, start=None, stop=None,
              saveper=None, threads=None, engine=None, scenario=None, client=None, chunks=None, **unknown):
    """Fit constants to observed series with NLopt, as `sdw calibrate` does (a global search, then a local
    polish, within the bounds).

    data: a DataFrame indexed by Time (or with a 'Time' column), one column per model variable; NaN is a gap;
    a 'Date' column of dates (as run() gives) is left out.
    fit: {name: (lo, hi)}. payoff: 'sse', 'normal' or 'poisson'. weights: {series: weight}; a series not
    given takes the weight saved in the model (<sdw:calibration weight>, the Calibrate tab's), else 1;
    `attrs["weights"]` holds each series' weight in the fit.
    Returns a DataFrame with the columns parameter, value, low95, high95; `attrs` holds the statistics
    (payoff, payoff_at_start, evaluations, points, rmse per series, at_bound, interval_method).
    client: a dask `distributed.Client`: every batch of runs (the 2 x parameters runs of the intervals) goes
    to its workers; the search itself (DIRECT-L, then BOBYQA) asks for one run at a time, and those run
    here, where a round trip to a worker would only add to each step. The same numbers either way."""
    check_keywords("calibrate", unknown, CALIBRATE_OPTIONS)
    series = _observed(data)
    for name, _t, _v in series:
        model._check_name(name, "data")
    if not isinstance(fit, dict) or not fit:
        raise usage_error("E901", "fit", "fit takes {name: (lo, hi)}, e.g. {'rate': (0, 1)}")
    bounds = []
    for name, b in fit.items():
        model._check_name(name, "fit")
        if not (isinstance(b, (tuple, list)) and len(b) == 2 and all(isinstance(v, numbers.Real) for v in b)):
            raise usage_error("E901", name, f"fit: '{name}' needs (lo, hi), not {b!r}")
        bounds.append((name, float(b[0]), float(b[1])))
    if payoff not in ("sse", "normal", "poisson"):
        raise usage_error("E901", "payoff", f"payoff must be 'sse', 'normal' or 'poisson', not {payoff!r}")
    w = [(k, float(v)) for k, v in (weights or {}).items()]
    run_options = (None, method, dt, start, stop, saveper, threads, engine, scenario)
    o = _options(model, *run_options)
    result = model._h.calibrate(_sdw.CalibrationRequest(bounds, series, payoff, w), o,
                                _dispatcher(client, model, run_options, chunks))
    if "error" in result:
        _raise(result, "calibrate")
    frame = _labelled(result).reset_index()
    stats = dict(result["stats"])
    stats["at_bound"] = bool(stats["at_bound"])
    stats["evaluations"], stats["points"] = int(stats["evaluations"]), int(stats["points"])
    stats["interval_method"] = result["note"]
    stats["weights"] = {k[7:-1]: stats.pop(k) for k in list(stats) if k.startswith("weight[")}
    frame.attrs.update(stats)
    return frame


def _check_client(client):
    if not hasattr(client, "submit") or not hasattr(client, "nthreads"):
        raise usage_error("E901", "client", f"client must be a dask distributed.Client, not "
                                            f"{type(client).__name__}")


def _trial_chunk(model, trials, vars, seed, trial_seed, first, final_only, plugins, run_options):
    """A share of an analysis's batch of trials, run on a Dask worker: [(ok, names, data, diagnostics)].
    `plugins`: those the whole batch names, on in every trial (as the engine runs a batch)."""
    return model._h.run_trials(trials, vars, seed, trial_seed, first, final_only, plugins,
                              _options(model, *run_options))


def _dispatcher(client, model, run_options, chunks):
    """None without a client; else the callable the engine's analyses hand each batch of trials to: it cuts
    the batch into chunks run on the workers (trial i keeps the seed it has in the whole) and gives the
    results back in order."""
    if client is None:
        return None
    _check_client(client)
    if chunks is not None:
        _count("chunks", chunks, 1)
    if run_options[6] is None:  # a Dask task uses the one worker thread it is given
        run_options = run_options[:6] + (1,) + run_options[7:]
    shared = client.scatter(model, broadcast=True)  # the model travels once per worker, as XMILE text
    pieces = chunks or 4 * max(1, sum(client.nthreads().values()))

    def dispatch(trials, vars, seed, trial_seed, first, final_only, plugins):
        k = max(1, min(pieces, len(trials)))
        bounds = np.linspace(0, len(trials), k + 1).astype(int)
        futures = [client.submit(_trial_chunk, shared, trials[a:b], vars, seed, trial_seed, first + int(a),
                                 final_only, plugins, run_options, pure=False)
                   for a, b in zip(bounds[:-1], bounds[1:])]
        return [r for part in client.gather(futures) for r in part]

    return dispatch


def _labelled(result):
    labels = list(result["label_columns"])
    rows = [tuple(r) for r in result["labels"]]
    index = (pd.MultiIndex.from_tuples(rows, names=labels) if len(labels) > 1
             else pd.Index([r[0] for r in rows], name=labels[0]))
    return pd.DataFrame(result["data"], index=index, columns=list(result["columns"]))


def _observed(data):
    """A DataFrame of observations as [(name, times, values)], gaps (NaN) dropped."""
    if not isinstance(data, pd.DataFrame):
        raise usage_error("E901", "data", f"data must be a pandas DataFrame indexed by Time, not "
                                          f"{type(data).__name__}")
    if "Time" in data.columns or "time" in data.columns:
        data = data.set_index("Time" if "Time" in data.columns else "time")
    times = np.asarray(data.index, dtype=float)
    out = []
    for column in data.columns:
        if column == "Date" and pd.api.types.is_datetime64_any_dtype(data[column]):
            continue  # the calendar column a run's frame carries: its Time index is what is fitted
        try:
            values = np.asarray(data[column], dtype=float)
        except (TypeError, ValueError):
            raise usage_error("E901", str(column), f"data: column '{column}' is not numbers") from None
        keep = ~np.isnan(values)
        out.append((str(column), times[keep].tolist(), values[keep].tolist()))
    if not out:
        raise usage_error("E901", "data", "data has no columns of observations")
    return out
