# sdw.load and the Model: constants and runs as pandas DataFrames, diagnostics as values, pickled as XMILE
# text. Layer: python (over the _sdw binding; no Dask here).
import difflib
import math
import numbers
import os

import numpy as np
import pandas as pd

from . import _sdw
from ._errors import (SdwError, canonical, check_keywords, diagnostics, suggestion, usage_error)

RUN_OPTIONS = ("set", "scenario", "vars", "method", "dt", "start", "stop", "saveper", "seed", "engine")
ENGINES = ("auto", "interp", "compiled")


def load(path):
    """Open a model file: XMILE (.xmile, .xml), Stella (.stmx, .itmx) or Vensim (.mdl), chosen by content.
    Raises SdwError with the diagnostics when it cannot be read."""
    path = os.fspath(path)
    handle, diags = _sdw.load(path)
    if handle is None:
        raise SdwError(f"cannot load '{path}'", diagnostics(diags))
    return Model(handle)


def from_xmile(text, source="<xmile>"):
    """A model from XMILE text (how a model travels to Dask workers)."""
    handle, diags = _sdw.from_xmile(text, source)
    if handle is None:
        raise SdwError(f"cannot read the XMILE text of '{source}'", diagnostics(diags))
    return Model(handle)


def plugins():
    """The plugins (policy levers) runs can switch on, with their params: a DataFrame indexed by id."""
    rows = [{"id": i, "title": t, "evidence": ", ".join(e), "params": list(p)} for i, t, e, p in _sdw.plugins()]
    return pd.DataFrame(rows, columns=["id", "title", "evidence", "params"]).set_index("id")


def _plugin_params():
    cache = getattr(_plugin_params, "cache", None)
    if cache is None:
        cache = _plugin_params.cache = {i: set(p) for i, _t, _e, p in _sdw.plugins()}
    return cache


class Model:
    """A loaded model. `run()` gives a DataFrame indexed by time; `constants` its inputs; `check()` its
    diagnostics. Pickles as its XMILE text."""

    def __init__(self, handle):
        self._h = handle
        self._names = None
        self._calendar = None  # whether the model gives a calendar start (a Date column), once known

    def __repr__(self):
        return f"<sdw.Model '{self._h.name() or self.source}' ({len(self.variables)} variables)>"

    def __reduce__(self):
        return (from_xmile, (self._h.xmile(), self.source))

    @property
    def source(self):
        return self._h.source()

    @property
    def variables(self):
        """Every variable's name as the model writes it."""
        return list(self._h.variables())

    @property
    def outcome_measures(self):
        """The model's "Outcome measures" group, in file order (empty when it has none)."""
        return list(self._h.outcome_measures())

    def to_xmile(self):
        return self._h.xmile()

    @property
    def constants(self):
        """The constants (name, value, units, slider range, plausible range, distribution, source), indexed by
        name; `source` is the variable's documentation, which cites its evidence."""
        cols = ["name", "value", "units", "min", "max", "plausible_min", "plausible_max", "distribution",
                "source"]
        frame = pd.DataFrame(self._h.constants(), columns=cols).set_index("name")
        return frame.astype({c: float for c in ("min", "max", "plausible_min", "plausible_max")})

    def check(self):
        """Every diagnostic of loading and compiling (unit checks included), errors and warnings alike."""
        return diagnostics(self._h.check())

    def run(self, set=None, scenario=None, vars=None, method=None, dt=None, start=None, stop=None,
            saveper=None, seed=None, engine=None, **unknown):
        """One run as a DataFrame indexed by Time, one column per variable (as the model names it).

        set: {name: value}: a number sets a constant or a stock's initial value, text replaces an equation,
        `plugin_id.param` switches a plugin on with that param (`plugin_id: True` with its defaults).
        scenario: a scenario file (.lua); explicit options win over its sim specs.
        vars: the columns to keep (default every variable). method: 'euler', 'rk4' or 'rk45'.
        seed: random built-ins draw from it (default 1). engine: 'auto' (default), 'interp' or 'compiled', as
        `sdw run --engine` (the compiled engine is built by the system C compiler and cached on disk).
        A model with a calendar start (<sdw:calendar start>) gets a `Date` column first, as the CLI's CSV."""
        check_keywords("run", unknown, RUN_OPTIONS)
        opts = self._options(vars, method, dt, start, stop, saveper, seed, scenario, engine=engine)
        ok, names, data, diags, engine = self._h.run(self._changes(set or {}), opts)
        if not ok:
            raise SdwError("the run failed", diagnostics(diags))
        df = self._with_dates(frame(names, data))
        df.attrs["engine"] = engine  # who ran it: 'interpreter' or 'compiled'
        return df

    def _with_dates(self, df):
        """A `Date` column first (the calendar day at each Time, as the CLI's CSV has it) when the model
        gives a calendar start; Time stays in model units. Each distinct time is dated once."""
        if self._calendar is None:
            self._calendar = self._h.dates(np.zeros(0)) is not None
        if not self._calendar:
            return df
        times = df.index.get_level_values(-1).to_numpy()
        distinct = np.unique(times)
        days = self._h.dates(distinct)
        stamps = days.astype("datetime64[D]").astype("datetime64[ns]")
        df.insert(0, "Date", stamps[np.searchsorted(distinct, times)])
        return df

    def mc(self, vary=None, **options):
        """Monte Carlo bands over time (see sdw._analysis.mc); `client=` spreads the runs over Dask."""
        from ._analysis import mc
        return mc(self, vary, **options)

    def sensitivity(self, method="oat", **options):
        """Tornado (oat), Morris or Sobol sensitivity of final values (see sdw._analysis.sensitivity)."""
        from ._analysis import sensitivity
        return sensitivity(self, method, **options)

    def calibrate(self, data, fit, **options):
        """Fit constants to observed data (see sdw._analysis.calibrate)."""
        from ._analysis import calibrate
        return calibrate(self, data, fit, **options)

    # ---- shared with run_many ----
    def _canonical_names(self):
        if self._names is None:
            self._names = {canonical(v): v for v in self.variables}
        return self._names

    def _check_name(self, name, what):
        base = canonical(name.split("[", 1)[0])
        names = self._canonical_names()
        if base in names or base == "time":
            return
        close = difflib.get_close_matches(base, list(names), n=1, cutoff=0.6)
        hint = f" (did you mean '{names[close[0]]}'?)" if close else ""
        if not close and "." in name:  # perhaps a misspelt plugin id
            hint = suggestion(name.split(".", 1)[0], _plugin_params())
        raise usage_error("E201", name, f"{what}: the model has no variable '{name}'{hint}")

    def _options(self, vars, method, dt, start, stop, saveper, seed, scenario, max_values=None, engine=None,
                 seeds=None):
        if isinstance(vars, str):
            vars = [vars]
        if vars is not None and not hasattr(vars, "__iter__"):
            raise usage_error("E901", "vars", f"vars must be a list of names, not {vars!r}")
        for v in vars or []:
            self._check_name(v, "vars")
        for key, value in (("dt", dt), ("start", start), ("stop", stop), ("saveper", saveper)):
            if value is not None and not isinstance(value, numbers.Real):
                raise usage_error("E901", key, f"{key} must be a number, not {value!r}")
        if seed is not None and (not isinstance(seed, numbers.Integral) or not 0 <= seed < 2**64):
            raise usage_error("E901", "seed", f"seed must be an integer from 0 to 2**64 - 1, not {seed!r}")
        if engine is not None and engine not in ENGINES:
            raise usage_error("E901", "engine", f"engine must be 'auto', 'interp' or 'compiled', not {engine!r}"
                                                f"{suggestion(str(engine), ENGINES)}")
        if method is not None and not isinstance(method, str):
            raise usage_error("E901", "method", f"method must be 'euler', 'rk4' or 'rk45', not {method!r}")
        if scenario is not None and not os.path.isfile(os.fspath(scenario)):
            raise usage_error("E901", os.fspath(scenario), f"no scenario file '{os.fspath(scenario)}'")
        return _sdw.Options(start=start, stop=stop, dt=dt, saveper=saveper, method=method or "",
                            seed=seed, vars=list(vars or []),
                            scenario=os.fspath(scenario) if scenario is not None else "",
                            max_values=int(max_values or 200_000_000), engine=engine or "",
                            seeds=list(seeds or []))

    def _changes(self, params, checked=None):
        """{name: value} to the engine's changes; `checked` caches keys already known good (batches)."""
        if not isinstance(params, dict):
            raise usage_error("E901", "set", f"parameters must be a dict of name: value, not {params!r}")
        sets, equations, plugs = [], [], {}
        known = _plugin_params()
        for key, value in params.items():
            if not isinstance(key, str):
                raise usage_error("E901", str(key), f"parameter names must be text, not {key!r}")
            head, _, param = key.partition(".")
            if key in known:
                if value is True:
                    plugs.setdefault(key, {})
                elif value is not False:
                    raise usage_error("E901", key, f"'{key}' is a plugin: give True to switch it on, or set "
                                                   f"its params as '{key}.param'")
            elif param and head in known:
                if checked is None or key not in checked:
                    if param not in known[head]:
                        raise usage_error("E901", key, f"plugin '{head}' has no param '{param}'"
                                                       f"{suggestion(param, known[head])}; its params: "
                                                       f"{', '.join(sorted(known[head]))}")
                plugs.setdefault(head, {})[param] = _number(key, value)
            else:
                if checked is None or key not in checked:
                    self._check_name(key, "set")
                if isinstance(value, str):
                    equations.append((key, value))
                else:
                    sets.append((key, _number(key, value)))
            if checked is not None:
                checked.add(key)
        return _sdw.Changes(sets, equations, plugs)


def _number(key, value):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise usage_error("E901", key, f"'{key}' needs a number (or equation text), not {value!r}")
    if not math.isfinite(value):
        raise usage_error("E901", key, f"'{key}' needs a finite number, not {value!r}")
    return float(value)


def frame(names, data, runs=None):
    """The engine's table (Time first) as a DataFrame indexed by Time, or by (run, Time) for a batch."""
    if runs is None:
        index = pd.Index(data[:, 0], name=names[0])
    else:
        index = pd.MultiIndex.from_arrays([runs, data[:, 0]], names=["run", names[0]])
    return pd.DataFrame(data[:, 1:], index=index, columns=list(names[1:]))
