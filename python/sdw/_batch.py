# sdw.run_many: a batch of runs on local cores (the engine's threads) or spread over a Dask distributed.Client,
# results identical and in the order given. Layer: python. Dask is imported only when a client is passed.
import numbers
import sys

import numpy as np
import pandas as pd

from . import _sdw
from ._errors import Diagnostic, SdwError, check_keywords, diagnostics, usage_error
from ._model import Model, frame

BATCH_OPTIONS = ("vars", "client", "method", "dt", "start", "stop", "saveper", "seed", "seeds", "engine",
                 "scenario", "threads", "chunks", "max_values")


def run_many(model, params_list, vars=None, client=None, method=None, dt=None, start=None, stop=None,
             saveper=None, seed=None, seeds=None, engine=None, scenario=None, threads=None, chunks=None,
             max_values=200_000_000, **unknown):
    """Run `model` once per dict in `params_list` ({name: value}, plugin params as `plugin_id.param`, as
    Model.run's `set`), or once per row of a DataFrame whose columns are those names. Returns one DataFrame
    indexed by (run, Time), runs numbered in the order given.

    vars: the columns (default: the model's outcome measures, else every variable).
    client: a dask `distributed.Client`: the batch is cut into `chunks` pieces (default four per worker thread)
    spread over its workers; without one, `threads` engine threads (default every core) run it here.
    Either way every run is the same computation, so the results are identical. Runs that set only constants
    go to the engine as one batch (compiled once; native code when `engine` is 'compiled', or 'auto' and the
    batch is long enough to repay the C compiler); plugins, equations and scenarios run one at a time.
    seed: run i draws its random built-ins from sdw.trial_seed(seed, i) (seed 1 by default; run 0 from seed
    itself), the rule `sdw mc` and Model.mc give run i; seeds: one per run instead.
    `attrs["seeds"]` holds each run's seed (model.run(set=params_list[i], seed=s) repeats run i) and
    `attrs["engine"]` who ran the batch ('interpreter', 'compiled' or 'both'). A failed run raises SdwError
    with its index as `run` and its diagnostics; so does a batch that would keep more than `max_values` values
    (1.6 GB by default: choose fewer vars or a larger saveper). Ctrl-C stops a local batch."""
    check_keywords("run_many", unknown, BATCH_OPTIONS)
    if not isinstance(model, Model):
        raise usage_error("E901", "model", f"run_many needs a model from sdw.load, not {type(model).__name__}")
    if hasattr(params_list, "to_dict") and hasattr(params_list, "columns"):  # a DataFrame: a run a row
        params_list = params_list.to_dict("records")
    if isinstance(params_list, (dict, str, bytes)) or not hasattr(params_list, "__iter__"):
        raise usage_error("E901", "params_list",
                          "run_many needs a list of dicts, one a run (e.g. [{'k': 1}, {'k': 2}]), not "
                          f"{type(params_list).__name__} {params_list!r:.60}")
    params_list = list(params_list)
    if not isinstance(max_values, int) or max_values < 1:
        raise usage_error("E901", "max_values", f"max_values must be a positive integer, not {max_values!r}")
    if vars is None:
        vars = model.outcome_measures or None
    opts = dict(vars=vars, method=method, dt=dt, start=start, stop=stop, saveper=saveper, scenario=scenario,
                max_values=max_values, engine=engine)
    model._options(**opts, seed=seed)  # options and vars checked before anything runs
    seeds = _seeds(seed, seeds, len(params_list))
    if not params_list:  # no runs: an empty table with the columns asked for
        index = pd.MultiIndex.from_arrays([[], []], names=["run", "Time"])
        return pd.DataFrame(index=index, columns=list(vars or model.variables), dtype=float)
    checked = set()
    for i, params in enumerate(params_list):  # every name checked here, before any run or any worker
        try:
            model._changes(params, checked)
        except SdwError as e:
            e.run = i
            raise
    if client is None:
        names, rows, data, engines = _run_chunk(model, params_list, seeds, opts, 0, threads or 0)
    else:
        names, rows, data, engines = _run_on_dask(client, model, params_list, seeds, opts, chunks)
    runs = np.repeat(np.arange(len(params_list)), rows)
    df = model._with_dates(frame(names, data, runs))
    df.attrs["seeds"] = pd.Series(seeds, index=pd.RangeIndex(len(seeds), name="run"), name="seed")
    engines = set(engines) - {""}
    df.attrs["engine"] = engines.pop() if len(engines) == 1 else "both"
    return df


def _seeds(seed, seeds, runs):
    """Each run's seed: `seeds` as given (one per run), else trial_seed(seed, i)."""
    if seeds is None:
        return [_sdw.trial_seed(int(seed if seed is not None else 1), i) for i in range(runs)]
    if seed is not None:
        raise usage_error("E901", "seeds", "give seed (run i draws from trial_seed(seed, i)) or seeds (one per run), not both")
    seeds = list(seeds)
    if len(seeds) != runs:
        raise usage_error("E901", "seeds", f"seeds has {len(seeds)} values for {runs} runs: give one per run")
    for s in seeds:
        if isinstance(s, bool) or not isinstance(s, numbers.Integral) or not 0 <= s < 2**64:
            raise usage_error("E901", "seeds", f"seeds must be integers from 0 to 2**64 - 1, not {s!r}")
    return [int(s) for s in seeds]


def _run_chunk(model, params_list, seeds, opts, offset, threads=1):
    """Runs a slice of the batch (here, or on a Dask worker); run indices in errors count from `offset`."""
    o = model._options(**opts, seed=None, seeds=seeds)
    changes = [model._changes(p) for p in params_list]
    failed, names, rows, data, diags, _seeds, engine = model._h.run_many(changes, o, threads)
    if failed == -1:
        raise SdwError("the batch could not start", diagnostics(diags))
    if failed is not None:
        raise SdwError(f"run {offset + failed} of the batch failed", diagnostics(diags), run=offset + failed)
    return list(names), rows, data, [engine]


def _run_on_dask(client, model, params_list, seeds, opts, chunks):
    if not hasattr(client, "submit") or not hasattr(client, "nthreads"):
        raise usage_error("E901", "client", f"client must be a dask distributed.Client, not "
                                            f"{type(client).__name__}")
    if chunks is None:
        chunks = 4 * max(1, sum(client.nthreads().values()))
    chunks = max(1, min(int(chunks), len(params_list)))
    bounds = np.linspace(0, len(params_list), chunks + 1).astype(int)
    # Run 0 here first: a model that fails, or a batch too large to gather, is refused before any worker starts.
    _names, _rows, first, _engine = _run_chunk(model, params_list[:1], seeds[:1], opts, 0)
    if first.size * len(params_list) > opts["max_values"]:
        message = (f"the batch would keep {first.size * len(params_list)} values ({len(params_list)} runs of "
                   f"{first.size}), more than {opts['max_values']}: choose fewer vars, a larger saveper or "
                   f"fewer runs a call (or raise max_values)")
        raise SdwError("the batch is too large", [Diagnostic("E304", "error", "run_many", message)])
    shared = client.scatter(model, broadcast=True)  # the model travels once per worker, as XMILE text
    futures = [client.submit(_run_chunk, shared, params_list[a:b], seeds[a:b],
                             {**opts, "max_values": sys.maxsize}, int(a), pure=False)
               for a, b in zip(bounds[:-1], bounds[1:])]
    parts = client.gather(futures)
    names, rows = parts[0][0], parts[0][1]
    return names, rows, np.concatenate([p[2] for p in parts], axis=0), [e for p in parts for e in p[3]]
