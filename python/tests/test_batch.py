# sdw.run_many: local threads and a Dask LocalCluster of two worker processes give the same table as single
# runs, in the order given. Layer: python tests.
import os
import pickle
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

import sdw
from conftest import BUILD, COUNTY, DECAY


def test_batch_equals_single_runs_in_order(decay_path):
    m = sdw.load(decay_path)
    rates = [0.3, 0.1, 0.2, 0.05]
    df = sdw.run_many(m, [{"rate": r} for r in rates], vars=["Stock"], threads=2)
    assert df.index.names == ["run", "Time"]
    for i, r in enumerate(rates):
        pd.testing.assert_frame_equal(df.loc[i], m.run(set={"rate": r}, vars=["Stock"]), check_exact=True)
        np.testing.assert_allclose(df.loc[i, "Stock"].values, 100 * (1 - 0.5 * r) ** np.arange(21), rtol=1e-12)


def test_batch_defaults_to_outcome_measures(county):
    df = sdw.run_many(county, [{}], stop=8)
    assert list(df.columns) == ["Date"] + county.outcome_measures  # the county model has a calendar start


def test_batch_with_plugin_params_equals_single_runs(county):
    params = [{"expand_short_term_services.staff_multiplier": s, "reablement_referral_factor": 1}
              for s in (1.0, 1.6)] + [{}]
    vars = county.outcome_measures[:3]
    df = sdw.run_many(county, params, vars=vars, stop=52)
    for i, p in enumerate(params):
        pd.testing.assert_frame_equal(df.loc[i], county.run(set=p, vars=vars, stop=52), check_exact=True)


def test_failed_run_names_its_index(decay_path):
    with pytest.raises(sdw.SdwError) as e:
        sdw.run_many(sdw.load(decay_path), [{"rate": 0.1}, {"rate": 0.1}, {"drain": "Stock / (TIME - 1)"}])
    assert e.value.run == 2 and "E301" in e.value.codes
    with pytest.raises(sdw.SdwError) as e:
        sdw.run_many(sdw.load(decay_path), [{"rate": 0.1}, {"rat": 0.1}])
    assert e.value.run == 1 and e.value.codes == ["E201"]


def test_model_pickles_as_its_xmile(county):
    back = pickle.loads(pickle.dumps(county))
    assert back.to_xmile() == county.to_xmile()
    vars = county.outcome_measures[:3]
    pd.testing.assert_frame_equal(back.run(vars=vars, stop=52), county.run(vars=vars, stop=52))


def test_dask_batch_equals_local_batch(dask_client, county):
    params = [{"reablement_staff": 100 + 5 * i} for i in range(12)]
    params[5] = {"expand_short_term_services.referral_multiplier": 1.8}
    local = sdw.run_many(county, params, stop=104)
    spread = sdw.run_many(county, params, stop=104, client=dask_client, chunks=5)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)
    workers = dask_client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes


def test_dask_batch_failure_carries_the_batch_index(dask_client, decay_path):
    params = [{"rate": 0.1}] * 5 + [{"drain": "Stock / (TIME - 1)"}]
    with pytest.raises(sdw.SdwError) as e:
        sdw.run_many(sdw.load(decay_path), params, client=dask_client, chunks=3)
    assert e.value.run == 5 and "E301" in e.value.codes


def test_ctrl_c_stops_a_long_batch(tmp_path):
    # 100,000 county runs would take many minutes: Ctrl-C must stop them and raise KeyboardInterrupt.
    script = tmp_path / "long.py"
    script.write_text(f"import sdw, sys\nm = sdw.load({str(COUNTY)!r})\nprint('started', flush=True)\n"
                      "try:\n    sdw.run_many(m, [{}] * 100000, vars=['council_spend'], saveper=52, threads=1)\n"
                      "except KeyboardInterrupt:\n    print('interrupted')\n    sys.exit(3)\n")
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    child = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.0)
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 3 and "interrupted" in out


def test_a_batch_too_large_for_memory_is_refused(decay_path, dask_client):
    m = sdw.load(decay_path)  # a run keeps 21 rows x 2 columns = 42 values; ten runs 420
    assert len(sdw.run_many(m, [{}] * 10, vars=["Stock"], max_values=420)) == 210
    for client in (None, dask_client):
        with pytest.raises(sdw.SdwError, match="more than 419") as e:
            sdw.run_many(m, [{}] * 10, vars=["Stock"], max_values=419, client=client, chunks=2)
        assert e.value.codes == ["E304"]


def test_an_empty_batch_is_an_empty_table(decay_path, dask_client):
    m = sdw.load(decay_path)
    for client in (None, dask_client):
        df = sdw.run_many(m, [], vars=["Stock"], client=client)
        assert df.empty and list(df.columns) == ["Stock"] and df.index.names == ["run", "Time"]


def test_ctrl_c_stops_a_long_single_run(tmp_path):
    # 10^7 steps of the county model take about 20 s of CPU: Ctrl-C must stop the run, raising KeyboardInterrupt.
    script = tmp_path / "long_run.py"
    script.write_text(f"import sdw, sys\nm = sdw.load({str(COUNTY)!r})\nprint('started', flush=True)\n"
                      "try:\n    m.run(dt=0.01, stop=100000, saveper=1000, vars=['council_spend'])\n"
                      "except KeyboardInterrupt:\n    print('interrupted')\n    sys.exit(3)\n")
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    child = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.0)
    child.send_signal(signal.SIGINT)
    sent = time.monotonic()
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 3 and "interrupted" in out
    # Not after the run ends (a minute here): the run is checked for signals every 100 ms.
    assert time.monotonic() - sent < 15


def noisy():
    """Decay with noise (a NORMAL draw every step): each run's numbers depend on its seed."""
    return sdw.from_xmile(DECAY.replace("<eqn>Stock * rate</eqn>", "<eqn>Stock * rate * NORMAL(1, 0.2)</eqn>"))


def test_each_run_has_its_own_recorded_seed_and_repeats_alone():
    m = noisy()
    params = [{"rate": 0.1}] * 4 + [{"rate": 0.2}]
    df = sdw.run_many(m, params, vars=["Stock"], seed=7)
    # run i draws from seed + i x 0x9E3779B97F4A7C15 modulo 2^64 (README): run 0 from the seed itself
    assert list(df.attrs["seeds"]) == [(7 + i * 0x9E3779B97F4A7C15) % 2**64 for i in range(5)]
    assert [sdw.trial_seed(7, i) for i in range(5)] == list(df.attrs["seeds"])
    finals = df.groupby(level="run")["Stock"].last()
    assert finals.nunique() == 5  # the same inputs, different draws
    for i, s in df.attrs["seeds"].items():  # a recorded seed repeats its run on its own
        pd.testing.assert_frame_equal(df.loc[i], m.run(set=params[i], vars=["Stock"], seed=s), check_exact=True)
    again = sdw.run_many(m, params, vars=["Stock"], seeds=list(df.attrs["seeds"]))
    pd.testing.assert_frame_equal(again, df, check_exact=True)
    first = sdw.run_many(m, [{}], vars=["Stock"])  # seed 1 by default, as model.run()
    assert list(first.attrs["seeds"]) == [1]
    pd.testing.assert_frame_equal(first.loc[0], m.run(vars=["Stock"]), check_exact=True)


def test_seed_mistakes_are_named(decay_path):
    m = sdw.load(decay_path)
    with pytest.raises(sdw.SdwUsageError, match="not both") as e:
        sdw.run_many(m, [{}], seed=1, seeds=[1])
    assert e.value.codes == ["E901"]
    with pytest.raises(sdw.SdwUsageError, match="2 values for 3 runs"):
        sdw.run_many(m, [{}] * 3, seeds=[1, 2])
    with pytest.raises(sdw.SdwUsageError, match="from 0 to 2"):
        sdw.run_many(m, [{}], seeds=[-1])
    with pytest.raises(sdw.SdwUsageError, match="from 0 to 2"):
        m.run(seed=2**64)


def test_the_compiled_engine_gives_the_interpreters_numbers(decay_path):
    m = sdw.load(decay_path)
    params = [{"rate": r / 100} for r in range(1, 31)]
    interp = sdw.run_many(m, params, vars=["Stock", "drain"], engine="interp")
    native = sdw.run_many(m, params, vars=["Stock", "drain"], engine="compiled")
    assert interp.attrs["engine"] == "interpreter" and native.attrs["engine"] == "compiled"
    pd.testing.assert_frame_equal(native, interp, check_exact=True)
    single = m.run(set=params[3], vars=["Stock", "drain"], engine="compiled")
    assert single.attrs["engine"] == "compiled"
    pd.testing.assert_frame_equal(single, interp.loc[3], check_exact=True, check_flags=False)
    with pytest.raises(sdw.SdwUsageError, match="did you mean 'compiled'") as e:
        m.run(engine="compild")
    assert e.value.codes == ["E901"]


def test_auto_interprets_while_native_code_builds():
    # engine="auto" as the workbench has it: the first county run (long enough to want native code) runs in
    # the interpreter while a helper thread builds the native code; later runs of its kind use it, same numbers.
    model = sdw.load(COUNTY)  # a fresh handle: nothing built for it yet
    vars = ["ledger_council_spend", "adults_18_64"]
    first = model.run(vars=vars, engine="auto")
    assert first.attrs["engine"] == "interpreter"
    deadline = time.monotonic() + 120  # the C compiler on a busy machine
    later = model.run(vars=vars, engine="auto")
    while later.attrs["engine"] != "compiled" and time.monotonic() < deadline:
        time.sleep(0.1)
        later = model.run(vars=vars, engine="auto")
    assert later.attrs["engine"] == "compiled"
    pd.testing.assert_frame_equal(later, first, check_exact=True)


def test_stochastic_dask_batch_equals_local_batch(dask_client):
    m = noisy()
    params = [{"rate": 0.05 + 0.01 * i} for i in range(11)]
    local = sdw.run_many(m, params, vars=["Stock"], seed=3)
    spread = sdw.run_many(m, params, vars=["Stock"], seed=3, client=dask_client, chunks=4)
    pd.testing.assert_frame_equal(spread, local, check_exact=True)
    assert list(spread.attrs["seeds"]) == [(3 + i * 0x9E3779B97F4A7C15) % 2**64 for i in range(11)]


def test_stock_initial_values_run_one_by_one_on_threads_as_single_runs(decay_path):
    # The engine batch sets constants only: a stock's initial value sends the batch down the one-by-one path,
    # where runs on two threads share the model's simulators.
    m = sdw.load(decay_path)
    params = [{"Stock": 10.0 * (i + 1), "rate": 0.1} for i in range(8)]
    df = sdw.run_many(m, params, vars=["Stock"], threads=2)
    for i, p in enumerate(params):
        np.testing.assert_allclose(df.loc[i, "Stock"].values, p["Stock"] * 0.95 ** np.arange(21), rtol=1e-12)
        pd.testing.assert_frame_equal(df.loc[i], m.run(set=p, vars=["Stock"]), check_exact=True)
