# Model.mc, Model.sensitivity and Model.calibrate against known answers (exact percentiles of exponential
# decay, elementary effects and Sobol indices of a linear function, parameters recovered from synthetic data)
# and against the CLI's `sdw mc` CSV for the same seed. Layer: python tests.
import io
import subprocess

import numpy as np
import pandas as pd
import pytest

import sdw
from conftest import COUNTY, DECAY, ROOT

REABLEMENT = COUNTY.parent / "scenarios" / "reablement_done_right.lua"  # expand_short_term_services on

# Decay whose rate carries its own distribution (<sdw:uncertainty>) and whose stock starts at a constant.
OWN = DECAY.replace('https://sdw.invalid/xmile', 'urn:sdw:xmile:1').replace('<range min="0" max="0.5"/>',
                    '<range min="0" max="0.5"/><sdw:uncertainty min="0.05" max="0.15" '
                    'distribution="uniform(0.05,0.15)"/>').replace(
    '<stock name="Stock"><eqn>100</eqn>', '<stock name="Stock"><eqn>initial</eqn>').replace(
    '</variables>', '<aux name="initial"><eqn>100</eqn><units>people</units></aux></variables>')

# out = 3a + 0.5b, with a in [0, 1] and b in [0, 2]: elementary effects 3 and 1 (per unit of each input's
# [0,1] scale); first-order Sobol indices 0.75/0.8333 = 0.9 and 0.0833/0.8333 = 0.1, totals the same.
LINEAR = """<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>linear</name><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs method="euler"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
  <model><variables>
    <aux name="a"><eqn>0.5</eqn></aux><aux name="b"><eqn>1</eqn></aux>
    <aux name="out"><eqn>3 * a + 0.5 * b</eqn></aux>
  </variables></model>
</xmile>
"""


def euler_decay(rate, t, initial=100.0, dt=0.5):
    return initial * (1 - rate * dt) ** np.round(np.asarray(t) / dt)


def test_mc_bands_match_the_exact_percentiles_of_decay():
    # Stock(t) falls as the rate rises, so its p-th percentile is Stock at the rate's (100 - p)th percentile;
    # rate ~ uniform(0.05, 0.15) has the quantile 0.05 + 0.1 u.
    df = sdw.from_xmile(DECAY).mc({"rate": "uniform(0.05,0.15)"}, runs=2000, seed=3, vars=["Stock"],
                                  percentiles=[5, 50, 95])
    assert list(df.columns) == ["Stock[p5]", "Stock[p50]", "Stock[p95]"]
    np.testing.assert_allclose(df.index.values, 0.5 * np.arange(21))
    for p in (5, 50, 95):
        exact = euler_decay(0.05 + 0.1 * (1 - p / 100), df.index.values)
        np.testing.assert_allclose(df[f"Stock[p{p}]"].values, exact, rtol=3e-3)
    samples = df.attrs["samples"]
    assert samples.shape == (2000, 1) and list(samples.columns) == ["rate"]
    assert samples["rate"].between(0.05, 0.15).all() and df.attrs["ok_runs"] == 2000
    # Latin hypercube: exactly one draw in each of the 2000 equal strata.
    strata = np.floor((samples["rate"].values - 0.05) / 0.1 * 2000).astype(int)
    assert sorted(strata) == list(range(2000))


def test_mc_bare_name_uses_the_models_own_distribution_and_seeds_repeat():
    model = sdw.from_xmile(OWN)
    own = model.mc(["rate"], runs=50, seed=9, vars=["Stock"])
    given = model.mc({"rate": "uniform(0.05,0.15)"}, runs=50, seed=9, vars=["Stock"])
    pd.testing.assert_frame_equal(own, given)
    other = model.mc(["rate"], runs=50, seed=10, vars=["Stock"])
    assert not np.allclose(own.values, other.values)


def test_mc_without_vary_draws_every_constant_with_a_plausible_range(decay_path):
    # As `sdw mc` without --vary and the How sure tab: OWN's rate is its one uncertain constant.
    model = sdw.from_xmile(OWN)
    pd.testing.assert_frame_equal(model.mc(runs=50, seed=9, vars=["Stock"]),
                                  model.mc(["rate"], runs=50, seed=9, vars=["Stock"]))
    with pytest.raises(sdw.SdwUsageError, match="gives no constant a plausible range"):  # DECAY has none
        sdw.load(decay_path).mc(runs=10, vars="Stock")


def test_mc_equals_the_cli_csv_for_the_same_seed(sdw_cli, decay_path, tmp_path):
    out = tmp_path / "bands.csv"
    subprocess.run([str(sdw_cli), "mc", str(decay_path), "--runs", "300", "--seed", "42", "--vary",
                    "rate=triangular(0.05,0.1,0.2)", "--vars", "Stock,drain", "--percentiles", "10,50,90",
                    "--out", str(out)], check=True, capture_output=True)
    cli = pd.read_csv(out, index_col="Time", float_precision="round_trip")
    df = sdw.load(decay_path).mc({"rate": "triangular(0.05,0.1,0.2)"}, runs=300, seed=42,
                                 vars=["Stock", "drain"], percentiles=[10, 50, 90])
    assert list(df.columns) == list(cli.columns)
    np.testing.assert_allclose(df.values, cli.values, rtol=1e-12)


def test_mc_errors_name_the_mistake(decay_path):
    model = sdw.load(decay_path)
    with pytest.raises(sdw.SdwUsageError, match="did you mean 'runs'") as e:
        model.mc({"rate": "uniform(0,1)"}, rnus=10)
    assert e.value.codes == ["E901"]
    with pytest.raises(sdw.SdwUsageError, match="Outcome measures") as e:  # decay has no outcome measures
        model.mc({"rate": "uniform(0,1)"}, runs=10)
    assert e.value.codes == ["E901"]
    with pytest.raises(sdw.SdwError, match="did you mean 'rate'") as e:
        model.mc({"rat": "uniform(0,1)"}, runs=10, vars="Stock")
    assert e.value.codes == ["E201"]
    with pytest.raises(sdw.SdwError, match="uniform") as e:
        model.mc({"rate": "uniform(1)"}, runs=10, vars="Stock")
    assert e.value.codes == ["E904"] and e.value.diagnostics[0].variable == "rate"
    with pytest.raises(sdw.SdwError, match="no plausible range") as e:  # DECAY's rate has only a slider range
        model.mc(["rate"], runs=10, vars="Stock")
    assert e.value.codes == ["E904"]
    with pytest.raises(sdw.SdwError, match="constant") as e:  # a flow is computed, not an input
        model.mc({"drain": "uniform(0,1)"}, runs=10, vars="Stock")
    assert e.value.codes == ["E201"]


def test_oat_tornado_from_the_true_baseline():
    df = sdw.from_xmile(DECAY).sensitivity("oat", vary={"rate": (0.05, 0.15)}, vars=["Stock"])
    row = df.loc[("rate", "Stock")]
    assert (row["low"], row["high"]) == (0.05, 0.15)
    assert row["baseline"] == pytest.approx(100 * 0.95 ** 20, rel=1e-12)
    assert row["outcome_low"] == pytest.approx(100 * 0.975 ** 20, rel=1e-12)
    assert row["outcome_high"] == pytest.approx(100 * 0.925 ** 20, rel=1e-12)
    assert row["swing"] == pytest.approx(100 * (0.975 ** 20 - 0.925 ** 20), rel=1e-12)


def test_morris_and_sobol_of_a_linear_function():
    model = sdw.from_xmile(LINEAR)
    vary = {"a": (0, 1), "b": (0, 2)}
    m = model.sensitivity("morris", vary=vary, vars=["out"], trajectories=8, seed=2)
    np.testing.assert_allclose(m.loc[("a", "out"), ["mu", "mu_star", "sigma"]], [3, 3, 0], atol=1e-9)
    np.testing.assert_allclose(m.loc[("b", "out"), ["mu", "mu_star", "sigma"]], [1, 1, 0], atol=1e-9)
    assert (m["effects"] == 8).all()
    s = model.sensitivity("sobol", vary=vary, vars=["out"], samples=4000, seed=4)
    # The engine's own test of the estimators (Ishigami) allows 0.08 at this sample size.
    np.testing.assert_allclose(s.loc[("a", "out")], [0.9, 0.9], atol=0.08)
    np.testing.assert_allclose(s.loc[("b", "out")], [0.1, 0.1], atol=0.08)


def test_calibrate_recovers_known_parameters_from_noisy_data():
    rng = np.random.default_rng(11)
    t = np.arange(0, 10.5, 1.0)
    observed = euler_decay(0.12, t, initial=80) + rng.normal(0, 0.5, t.size)
    data = pd.DataFrame({"Stock": observed}, index=pd.Index(t, name="Time"))
    data.iloc[3, 0] = np.nan  # a gap
    fit = sdw.from_xmile(OWN).calibrate(data, {"rate": (0.01, 0.5), "initial": (10, 200)})
    assert list(fit.columns) == ["parameter", "value", "low95", "high95"]
    assert list(fit["parameter"]) == ["rate", "initial"]
    truth = {"rate": 0.12, "initial": 80}
    for _, row in fit.iterrows():
        assert row["low95"] < truth[row["parameter"]] < row["high95"]
        assert row["value"] == pytest.approx(truth[row["parameter"]], rel=0.03)
    assert fit.attrs["points"] == 10 and fit.attrs["evaluations"] > 0
    assert fit.attrs["payoff"] < fit.attrs["payoff_at_start"]
    assert fit.attrs["rmse[Stock]"] < 1.0 and not fit.attrs["at_bound"]


def test_calibrate_errors_name_the_mistake(decay_path):
    model = sdw.load(decay_path)
    data = pd.DataFrame({"Time": [0, 1], "Stock": [100, 90]})
    with pytest.raises(sdw.SdwUsageError, match="did you mean 'payoff'"):
        model.calibrate(data, {"rate": (0, 1)}, payof="sse")
    with pytest.raises(sdw.SdwError, match="did you mean 'Stock'") as e:
        model.calibrate(data.rename(columns={"Stock": "Stok"}), {"rate": (0, 1)})
    assert e.value.codes == ["E201"]
    with pytest.raises(sdw.SdwUsageError, match=r"\(lo, hi\)"):
        model.calibrate(data, {"rate": 0.5})


# Decay with noise: each run draws its own random built-ins (seed + run number), so chunks on other processes
# must give each run the seed it has in the whole.
NOISY = DECAY.replace("<eqn>Stock * rate</eqn>", "<eqn>Stock * rate * NORMAL(1, 0.2)</eqn>")


def test_mc_over_dask_equals_local(dask_client):
    for text in (DECAY, NOISY):
        model = sdw.from_xmile(text)
        args = dict(runs=203, seed=5, vars=["Stock", "drain"], percentiles=[5, 25, 50, 75, 95])
        local = model.mc({"rate": "normal(0.1,0.02)"}, **args)
        spread = model.mc({"rate": "normal(0.1,0.02)"}, client=dask_client, chunks=7, **args)
        pd.testing.assert_frame_equal(local, spread, check_exact=True)
        pd.testing.assert_frame_equal(local.attrs["samples"], spread.attrs["samples"], check_exact=True)


def test_noisy_runs_differ_from_each_other():
    model = sdw.from_xmile(NOISY)
    bands = model.mc({"rate": "uniform(0.1,0.1000001)"}, runs=50, vars=["Stock"], percentiles=[5, 95])
    # The rate hardly varies: the spread at the end comes from each run's own noise.
    assert bands["Stock[p95]"].iloc[-1] - bands["Stock[p5]"].iloc[-1] > 1


def test_sensitivity_over_dask_equals_local(dask_client):
    linear = sdw.from_xmile(LINEAR)
    vary = {"a": (0, 1), "b": (0, 2)}
    for method, extra in (("oat", {}), ("morris", {"trajectories": 6, "seed": 3}), ("sobol", {"samples": 64})):
        local = linear.sensitivity(method, vary=vary, vars=["out"], **extra)
        spread = linear.sensitivity(method, vary=vary, vars=["out"], client=dask_client, chunks=3, **extra)
        pd.testing.assert_frame_equal(spread, local, check_exact=True)
    # the noisy decay: every run of a sensitivity draws from the one seed, wherever it runs
    noisy = sdw.from_xmile(NOISY)
    local = noisy.sensitivity("morris", vary={"rate": (0.05, 0.15)}, vars=["Stock"], trajectories=5)
    spread = noisy.sensitivity("morris", vary={"rate": (0.05, 0.15)}, vars=["Stock"], trajectories=5,
                               client=dask_client)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)


def test_calibrate_over_dask_equals_local(dask_client):
    t = np.arange(0, 10.5, 1.0)
    data = pd.DataFrame({"Stock": euler_decay(0.12, t, initial=80) + 0.3 * np.sin(t)}, index=pd.Index(t, name="Time"))
    model = sdw.from_xmile(OWN)
    fit = {"rate": (0.01, 0.5), "initial": (10, 200)}
    local = model.calibrate(data, fit)
    spread = model.calibrate(data, fit, client=dask_client)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)
    assert spread.attrs == local.attrs


def test_analysis_client_mistakes_are_named(decay_path):
    model = sdw.load(decay_path)
    with pytest.raises(sdw.SdwUsageError, match="distributed.Client") as e:
        model.sensitivity("oat", vary={"rate": (0, 1)}, vars=["Stock"], client="tcp://nowhere:8786")
    assert e.value.codes == ["E901"]
    with pytest.raises(sdw.SdwUsageError, match="did you mean 'client'"):
        model.calibrate(pd.DataFrame({"Time": [0, 1], "Stock": [100, 95]}), {"rate": (0, 1)}, clinet=None)


def test_county_mc_equals_the_cli_exactly_locally_and_over_dask(sdw_cli, dask_client, tmp_path):
    # The county model's own distributions for two inputs; both sides build native code for the batch.
    out = tmp_path / "county_bands.csv"
    vary, vars = ["entry_rate_18_64", "ageing_rate_18_64"], ["ledger_council_spend", "adults_18_64"]
    subprocess.run([str(sdw_cli), "mc", str(COUNTY), "--runs", "40", "--seed", "3", "--vary", vary[0], "--vary",
                    vary[1], "--vars", ",".join(vars), "--out", str(out)], check=True, capture_output=True)
    cli = pd.read_csv(out, index_col="Time", parse_dates=["Date"], float_precision="round_trip")
    model = sdw.load(COUNTY)
    local = model.mc(vary, runs=40, seed=3, vars=vars)
    spread = model.mc(vary, runs=40, seed=3, vars=vars, client=dask_client, chunks=6)
    pd.testing.assert_frame_equal(local, cli, check_exact=True, check_index_type=False)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)


def test_noisy_mc_equals_the_cli_exactly(sdw_cli, tmp_path):
    # Random built-ins in the runs: run i draws from trial_seed(8, i) on both sides.
    path, out = tmp_path / "noisy.xmile", tmp_path / "noisy_bands.csv"
    path.write_text(NOISY)
    subprocess.run([str(sdw_cli), "mc", str(path), "--runs", "64", "--seed", "8", "--vary", "rate=uniform(0.05,0.15)",
                    "--vars", "Stock", "--out", str(out)], check=True, capture_output=True)
    cli = pd.read_csv(out, index_col="Time", float_precision="round_trip")
    df = sdw.load(path).mc({"rate": "uniform(0.05,0.15)"}, runs=64, seed=8, vars=["Stock"])
    pd.testing.assert_frame_equal(df, cli, check_exact=True)


def test_lever_sensitivity_over_dask_equals_local_and_the_cli(county, dask_client, sdw_cli):
    # A plugin param varied: the workers run each trial through their own plugin host, with the scenario's
    # levers on in every run (baseline included) as `sdw sensitivity --scenario` has them.
    args = dict(vary={"expand_short_term_services.staff_multiplier": (1.0, 2.0), "reablement_staff": (100, 200)},
                vars=["ledger_council_spend"], stop=104, scenario=REABLEMENT)
    local = county.sensitivity("oat", **args)
    spread = county.sensitivity("oat", client=dask_client, **args)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)
    assert local["swing"].min() > 0  # both inputs move spend
    out = subprocess.run([str(sdw_cli), "sensitivity", str(COUNTY), "--analysis", "oat", "--vary",
                          "expand_short_term_services.staff_multiplier=1:2", "--vary", "reablement_staff=100:200",
                          "--vars", "ledger_council_spend", "--stop", "104", "--scenario", str(REABLEMENT)],
                         check=True, capture_output=True,
                         text=True).stdout
    cli = pd.read_csv(io.StringIO(out), index_col=["parameter", "outcome"], float_precision="round_trip")
    pd.testing.assert_frame_equal(local, cli, check_exact=True, check_dtype=False)


def test_lever_param_needs_its_lever_on_and_moves_no_other_bar(county):
    # Without a scenario that switches the lever on, varying its param would switch it on in the baseline too.
    lever, spend = "expand_short_term_services.staff_multiplier", ["ledger_council_spend"]
    with pytest.raises(sdw.SdwUsageError, match="does not switch on") as e:
        county.sensitivity("oat", vary={lever: (1.0, 2.0)}, vars=spend, stop=52)
    assert "scenario=" in str(e.value)
    with pytest.raises(sdw.SdwUsageError, match="does not switch on"):
        county.mc({lever: "uniform(1,2)"}, runs=4, vars=spend, stop=52)
    alone = county.sensitivity("oat", vary={"reablement_staff": (100, 200)}, vars=spend, stop=52,
                               scenario=REABLEMENT)
    both = county.sensitivity("oat", vary={lever: (1.0, 2.0), "reablement_staff": (100, 200)}, vars=spend,
                              stop=52, scenario=REABLEMENT)
    key = ("reablement_staff", "ledger_council_spend")
    pd.testing.assert_series_equal(both.loc[key], alone.loc[key], check_exact=True)
    # The baseline is the scenario's run; the param's low end (1, the scenario's value) is that run.
    run = county.run(scenario=REABLEMENT, vars=spend, stop=52)
    assert both.loc[key, "baseline"] == run["ledger_council_spend"].iloc[-1]
    assert both.loc[(lever, "ledger_council_spend"), "outcome_low"] == both.loc[key, "baseline"]


def test_mc_seed_reaches_the_models_noise_by_the_rule(sdw_cli, tmp_path):
    # A stock fed by NORMAL(0, 1): run i of a Monte Carlo seeded S draws from S + i x 0x9E3779B97F4A7C15 modulo
    # 2^64 (README), so its bands are the percentiles of plain runs with those seeds.
    path = ROOT / "tests" / "data" / "noise_stock.xmile"
    model = sdw.load(path)
    args = dict(runs=9, vars=["s"], percentiles=[0, 50, 100])
    bands = model.mc({"unused": "uniform(0,1)"}, seed=11, threads=1, **args)
    finals = sorted(model.run(vars=["s"], seed=(11 + i * 0x9E3779B97F4A7C15) % 2**64)["s"].iloc[-1] for i in range(9))
    assert list(bands.iloc[-1]) == [finals[0], finals[4], finals[8]]
    assert finals[0] < finals[8]
    pd.testing.assert_frame_equal(model.mc({"unused": "uniform(0,1)"}, seed=11, threads=2, **args), bands,
                                  check_exact=True)
    other = model.mc({"unused": "uniform(0,1)"}, seed=12, **args)
    assert other.iloc[-1].tolist() != bands.iloc[-1].tolist()
    out = tmp_path / "noise.csv"
    subprocess.run([str(sdw_cli), "mc", str(path), "--runs", "9", "--seed", "11", "--vary", "unused=uniform(0,1)",
                    "--vars", "s", "--percentiles", "0,50,100", "--out", str(out)], check=True, capture_output=True)
    cli = pd.read_csv(out, index_col="Time", float_precision="round_trip")
    pd.testing.assert_frame_equal(bands, cli, check_exact=True, check_index_type=False)


def test_calibrate_takes_the_weights_saved_in_the_model():
    # y1 = y2 = k, observed 1 and 3; y2 saved with weight 3: least squares at k = (1 + 3 x 3) / 4 = 2.5.
    model = sdw.from_xmile(
        '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:sdw="urn:sdw:xmile:1">'
        '<header><name>t</name></header><sim_specs method="euler"><start>0</start><stop>4</stop><dt>1</dt>'
        '</sim_specs><model><variables><aux name="k"><eqn>4</eqn></aux><aux name="y1"><eqn>k</eqn></aux>'
        '<aux name="y2"><eqn>k</eqn><sdw:calibration weight="3"/></aux></variables></model></xmile>')
    t = np.arange(0, 5.0)
    data = pd.DataFrame({"y1": np.ones(5), "y2": 3 * np.ones(5)}, index=pd.Index(t, name="Time"))
    fit = model.calibrate(data, {"k": (0, 5)})
    assert fit["value"].iloc[0] == pytest.approx(2.5, abs=1e-4)
    assert fit.attrs["weights"] == {"y1": 1, "y2": 3}
    fit = model.calibrate(data, {"k": (0, 5)}, weights={"y2": 0})  # given: wins over the saved weight
    assert fit["value"].iloc[0] == pytest.approx(1, abs=1e-4)
    assert fit.attrs["weights"] == {"y1": 1, "y2": 0}
