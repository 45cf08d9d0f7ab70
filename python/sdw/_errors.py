# Diagnostics and errors of the sdw Python module: every failure raises SdwError carrying the engine's
# diagnostics (stable code, variable, position). Layer: python (pure Python, no engine calls here).
import difflib
import re
from typing import NamedTuple, Optional


class Diagnostic(NamedTuple):
    """One engine diagnostic: a stable code (E201...), its severity, where (variable or file), the message,
    the 1-based line and column (0 when unknown) and, for run errors, the simulation time."""

    code: str
    severity: str
    variable: str
    message: str
    line: int = 0
    column: int = 0
    time: float = 0.0

    @property
    def position(self):
        """(line, column), 1-based; 0 where unknown."""
        return (self.line, self.column)

    def __str__(self):
        where = f" in '{self.variable}'" if self.variable else ""
        pos = ", ".join(p for p in (f"line {self.line}" if self.line else "",
                                     f"col {self.column}" if self.column else "") if p)
        return f"{self.code} {self.severity}{where}{f' ({pos})' if pos else ''}: {self.message}"


def diagnostics(raw):
    """Engine tuples to Diagnostic values."""
    return [Diagnostic(*d) for d in raw]


class SdwError(Exception):
    """An sdw failure. `diagnostics` lists what the engine said (code, variable, position, message); `run` is
    the index in a batch of the run that failed (None outside a batch)."""

    def __init__(self, message, diagnostics=(), run=None):
        self.diagnostics = list(diagnostics)
        self.run = run
        self.summary = message
        lines = [message] + [f"  {d}" for d in self.diagnostics if d.severity == "error"]
        super().__init__("\n".join(lines))

    @property
    def codes(self):
        return [d.code for d in self.diagnostics]

    def __reduce__(self):  # travels back from Dask workers whole
        return (_rebuild_error, (type(self), self.summary, [tuple(d) for d in self.diagnostics], self.run))


def _rebuild_error(cls, message, diags, run):
    return cls(message, [Diagnostic(*d) for d in diags], run)


class SdwUsageError(SdwError, TypeError):
    """A call sdw cannot make sense of: a misspelt keyword, a value of the wrong type, an unknown name. Also a
    TypeError, as Python raises for an unexpected keyword."""


def usage_error(code, where, message):
    return SdwUsageError(message, [Diagnostic(code, "error", where, message)])


def suggestion(word, choices):
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    best = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{best[0]}'?)" if best else ""


def check_keywords(function, unknown, allowed):
    """Raise for keyword arguments `function` does not take, naming the one the caller probably meant."""
    for key in unknown:
        raise usage_error("E901", key, f"{function}() has no option '{key}'{suggestion(key, allowed)}; "
                                       f"its options: {', '.join(allowed)}")


def canonical(name):
    """Names as the engine compares them: case-insensitive, quotes dropped, spaces and underscores alike."""
    return re.sub(r"[\s_]+", "_", name.replace('"', "").strip().lower()).strip("_")
