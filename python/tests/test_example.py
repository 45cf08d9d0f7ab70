# The notebook-style example in scripts/experiments/ runs as a user would run it, locally and over Dask.
# Layer: python tests.
import os
import subprocess
import sys

from conftest import BUILD, ROOT

SCRIPT = ROOT / "scripts" / "experiments" / "county_monte_carlo.py"


def run_example(*args):
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    return subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_county_monte_carlo_example_runs():
    done = run_example("--runs", "6", "--seed", "3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "6 samples x 2 runs, seed 3" in out
    assert "the lever saves the council money in" in out
    assert "inputs that move the saving most" in out


def test_example_over_a_running_scheduler_prints_the_same(dask_client):
    local = run_example("--runs", "4")
    spread = run_example("--runs", "4", "--scheduler", dask_client.scheduler.address)
    assert local.returncode == 0 and spread.returncode == 0, spread.stderr
    assert spread.stdout == local.stdout


def test_example_starts_its_own_cluster():
    # Dask's spawned workers import the script again: without its __main__ guard they would rerun it and fail.
    done = run_example("--runs", "2", "--dask", "1")
    assert done.returncode == 0, done.stderr
    assert "2 samples x 2 runs, seed 1" in done.stdout
