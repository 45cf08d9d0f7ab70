#!/usr/bin/python3
# Notebook-style experiment (cells marked "# %%" open in Jupyter or VS Code): does expanding short-term services
# save the council money over ten years, given what we do not know about the county? A Monte Carlo of the
# county model from Python, locally or over a Dask cluster. Layer: scripts (a modeller's experiment).
# Run: PYTHONPATH=build/python /usr/bin/python3 scripts/experiments/county_monte_carlo.py [--runs N] [--dask W]

# %% Setup: the model, the uncertain inputs, and how many runs
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import sdw

ROOT = Path(__file__).resolve().parents[2]
parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--runs", type=int, default=200, help="samples of the uncertain inputs (each run twice)")
parser.add_argument("--seed", type=int, default=1, help="seed of the sampling")
parser.add_argument("--dask", type=int, default=0, help="spread over a local Dask cluster of this many workers")
parser.add_argument("--scheduler", default="", help="address of a running Dask scheduler (tcp://host:8786)")
args = parser.parse_args(None if "ipykernel" not in sys.modules else [])

model = sdw.load(ROOT / "models" / "adult_social_care" / "adult_social_care.xmile")
constants = model.constants
uncertain = constants.dropna(subset=["plausible_min", "plausible_max"])
print(f"{len(constants)} constants, {len(uncertain)} with a plausible range (<sdw:uncertainty>)")

# %% Sample: each uncertain constant uniform over its plausible range (an assumption: the model gives ranges,
# not distributions), every sample run without and with the lever (paired, so the difference is the lever's).
rng = np.random.default_rng(args.seed)
samples = pd.DataFrame({name: rng.uniform(row.plausible_min, row.plausible_max, args.runs)
                        for name, row in uncertain.iterrows()})
lever = {"expand_short_term_services": True}  # at its defaults: 40% more people routed to reablement
params = []
for s in samples.to_dict("records"):
    params += [s, {**s, **lever}]

# %% Run: on this machine's cores, or over Dask workers (the same call; the model travels as XMILE text)
client = None
if args.scheduler or args.dask:
    from distributed import Client, LocalCluster
    client = Client(args.scheduler) if args.scheduler else Client(
        LocalCluster(n_workers=args.dask, threads_per_worker=1, dashboard_address=None))
outcomes = ["council_spend", "care_home_admissions_per_year", "ledger_council_spend"]
runs = sdw.run_many(model, params, vars=outcomes, client=client)
if client is not None:
    client.close()

# %% Read: ten-year council spend with and without the lever, and how often the lever saves money
final = runs.groupby(level="run").last()
without, with_lever = final.iloc[0::2].reset_index(drop=True), final.iloc[1::2].reset_index(drop=True)
saving = without["ledger_council_spend"] - with_lever["ledger_council_spend"]
quantiles = pd.DataFrame({
    "without lever": without["ledger_council_spend"].quantile([0.1, 0.5, 0.9]),
    "with lever": with_lever["ledger_council_spend"].quantile([0.1, 0.5, 0.9]),
    "saving": saving.quantile([0.1, 0.5, 0.9]),
}) / 1e6
print(f"{args.runs} samples x 2 runs, seed {args.seed}; council spend over ten years, GBP million:")
print(quantiles.round(1).to_string())
print(f"the lever saves the council money in {(saving > 0).mean():.0%} of samples")

# %% Which uncertain inputs move the saving most? (rank correlation with the saving)
ranked = samples.rank().corrwith(saving.rank()).dropna()  # Spearman: Pearson of the ranks
print("inputs that move the saving most (Spearman):")
print(ranked.reindex(ranked.abs().sort_values(ascending=False).index).head(5).round(2).to_string())
