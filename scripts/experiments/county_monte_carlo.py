#!/usr/bin/python3
# Notebook-style experiment (cells marked "# %%" open in Jupyter or VS Code): does expanding short-term services
# save the council money over ten years, given what we do not know about the county? A Monte Carlo of the
# county model from Python, locally or over a Dask cluster. Layer: scripts (a modeller's experiment).
# Run: PYTHONPATH=build/python /usr/bin/python3 scripts/experiments/county_monte_carlo.py [--runs N] [--dask W]
# Each cell is a function, called in order at the bottom: Dask's worker processes import this file again, and
# the guard there keeps them from running the experiment themselves.

# %% Setup: the model and its uncertain inputs
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import sdw

ROOT = Path(__file__).resolve().parents[2]
OUTCOMES = ["council_spend", "care_home_admissions_per_year", "ledger_council_spend"]
LEVER = {"expand_short_term_services": True}  # at its defaults: 40% more people routed to reablement


def uncertain_inputs(model):
    constants = model.constants
    uncertain = constants.dropna(subset=["plausible_min", "plausible_max"])
    print(f"{len(constants)} constants, {len(uncertain)} with a plausible range (<sdw:uncertainty>)")
    return uncertain


# %% Sample: each uncertain constant uniform over its plausible range (an assumption: the model gives ranges,
# not distributions), every sample run without and with the lever (paired, so the difference is the lever's).
def sample(uncertain, runs, seed):
    rng = np.random.default_rng(seed)
    samples = pd.DataFrame({name: rng.uniform(row.plausible_min, row.plausible_max, runs)
                            for name, row in uncertain.iterrows()})
    params = []
    for s in samples.to_dict("records"):
        params += [s, {**s, **LEVER}]
    return samples, params


# %% Run: on this machine's cores, or over Dask workers (the same call; the model travels as XMILE text)
def run(model, params, dask_workers=0, scheduler=""):
    client = None
    if scheduler or dask_workers:
        from distributed import Client, LocalCluster
        client = Client(scheduler) if scheduler else Client(
            LocalCluster(n_workers=dask_workers, threads_per_worker=1, dashboard_address=None))
    try:
        return sdw.run_many(model, params, vars=OUTCOMES, client=client)
    finally:
        if client is not None:
            client.close()


# %% Read: ten-year council spend with and without the lever, how often the lever saves money, and which
# uncertain inputs move the saving most (Spearman: the correlation of ranks)
def report(runs, samples, seed):
    final = runs.groupby(level="run").last()
    without, with_lever = final.iloc[0::2].reset_index(drop=True), final.iloc[1::2].reset_index(drop=True)
    saving = without["ledger_council_spend"] - with_lever["ledger_council_spend"]
    quantiles = pd.DataFrame({
        "without lever": without["ledger_council_spend"].quantile([0.1, 0.5, 0.9]),
        "with lever": with_lever["ledger_council_spend"].quantile([0.1, 0.5, 0.9]),
        "saving": saving.quantile([0.1, 0.5, 0.9]),
    }) / 1e6
    print(f"{len(samples)} samples x 2 runs, seed {seed}; council spend over ten years, GBP million:")
    print(quantiles.round(1).to_string())
    print(f"the lever saves the council money in {(saving > 0).mean():.0%} of samples")
    ranked = samples.rank().corrwith(saving.rank()).dropna()
    print("inputs that move the saving most (Spearman):")
    print(ranked.reindex(ranked.abs().sort_values(ascending=False).index).head(5).round(2).to_string())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Monte Carlo of the county model with and without a lever")
    parser.add_argument("--runs", type=int, default=200, help="samples of the uncertain inputs (each run twice)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sampling")
    parser.add_argument("--dask", type=int, default=0, help="spread over a local Dask cluster of this many workers")
    parser.add_argument("--scheduler", default="", help="address of a running Dask scheduler (tcp://host:8786)")
    args = parser.parse_args(None if "ipykernel" not in sys.modules else [])
    model = sdw.load(ROOT / "models" / "adult_social_care" / "adult_social_care.xmile")
    samples, params = sample(uncertain_inputs(model), args.runs, args.seed)
    report(run(model, params, args.dask, args.scheduler), samples, args.seed)
