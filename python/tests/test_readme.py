# The README's Python examples run as written (from the repository's root, as a user would paste them).
# Layer: python tests.
import os
import re
import subprocess
import sys

from conftest import BUILD, ROOT


def readme_block(heading):
    text = (ROOT / "README.md").read_text()
    section = text[text.index(heading):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_analysis_example_runs():
    code = readme_block("#### Monte Carlo, sensitivity and calibration")
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    # The data came from a run with entry_rate_18_64 = 0.03: the fit finds it.
    assert re.search(r"entry_rate_18_64\s+0\.03\b", done.stdout), done.stdout


def test_first_example_runs():
    code = readme_block("## Using sdw from Python (pandas, Dask)")
    code += "\nprint(runs.attrs['seeds'].tolist(), len(runs.groupby(level='run')))\n"
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    seeds = [(1 + i * 0x9E3779B97F4A7C15) % 2**64 for i in range(11)]  # run i's seed by the README's rule
    assert f"{seeds} 11" in done.stdout
