# Model.run, Model.constants and Model.check against analytic answers, the model file's text and the CLI.
# Layer: python tests.
import numpy as np
import pandas as pd
import pytest

import sdw
from conftest import COUNTY, PREVENTION, cli_frame


def test_run_matches_euler_decay_by_hand(decay_path):
    df = sdw.load(decay_path).run()
    assert df.index.name == "Time"
    assert list(df.columns) == ["Stock", "drain", "rate"]
    n = np.arange(21)
    np.testing.assert_allclose(df.index.values, 0.5 * n)
    np.testing.assert_allclose(df["Stock"].values, 100 * 0.95 ** n, rtol=1e-12)


def test_set_vars_and_times(decay_path):
    df = sdw.load(decay_path).run(set={"rate": 0.2, "stock": 50}, vars=["Stock"], dt=0.25, stop=2)
    assert list(df.columns) == ["Stock"]
    np.testing.assert_allclose(df["Stock"].values, 50 * 0.95 ** np.arange(9), rtol=1e-12)


def test_text_replaces_an_equation(decay_path):
    df = sdw.load(decay_path).run(set={"drain": "10"}, vars=["Stock"], stop=1)
    np.testing.assert_allclose(df["Stock"].values, [100, 95, 90])


def test_constants_frame_reads_the_file(decay_path):
    c = sdw.load(decay_path).constants
    assert list(c.index) == ["rate"]
    row = c.loc["rate"]
    assert row["value"] == 0.1 and row["units"] == "1/year"
    assert (row["min"], row["max"]) == (0, 0.5)
    assert row["source"] == "Assumed (test): a tenth a year."


def test_county_constants_carry_plausible_ranges(county):
    c = county.constants
    assert len(c) > 50
    assert c["plausible_min"].notna().sum() > 10
    ranged = c.dropna(subset=["plausible_min"])
    assert (ranged["plausible_min"] <= ranged["plausible_max"]).all()


def test_teaching_model_equals_cli_output(sdw_cli):
    expected = cli_frame(sdw_cli, PREVENTION)
    got = sdw.load(PREVENTION).run()
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_county_run_with_options_equals_cli_output(sdw_cli, county):
    vars = county.outcome_measures[:5]
    expected = cli_frame(sdw_cli, COUNTY, "--method", "rk4", "--stop", "104", "--set", "reablement_staff=150",
                         "--vars", ",".join(vars))
    got = county.run(method="rk4", stop=104, set={"reablement_staff": 150}, vars=vars)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_county_scenario_equals_cli_output(sdw_cli, county):
    scenario = COUNTY.parent / "scenarios" / "reablement_done_right.lua"
    vars = county.outcome_measures[:4]
    expected = cli_frame(sdw_cli, COUNTY, "--scenario", scenario, "--vars", ",".join(vars))
    got = county.run(scenario=scenario, vars=vars)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert not got.equals(county.run(vars=vars))  # the scenario changed something


def test_plugin_param_in_set_switches_the_lever_on(county):
    vars = ["reablement_staff"]
    base = county.run(vars=vars, stop=4)["reablement_staff"].iloc[0]
    lever = county.run(set={"expand_short_term_services.staff_multiplier": 1.5}, vars=vars, stop=4)
    assert lever["reablement_staff"].iloc[0] == pytest.approx(1.5 * base)
    defaults = county.run(set={"expand_short_term_services": True}, vars=vars, stop=4)
    assert defaults["reablement_staff"].iloc[0] == pytest.approx(1.4 * base)  # the lever's default


def test_vensim_model_loads_and_runs(tmp_path):
    mdl = tmp_path / "decay.mdl"
    mdl.write_text("Stock = INTEG(-drain, 100)\n~ people\n~|\ndrain = Stock * 0.1\n~ people/Year\n~|\n"
                   "INITIAL TIME = 0\n~ Year\n~|\nFINAL TIME = 2\n~ Year\n~|\nTIME STEP = 1\n~ Year\n~|\n"
                   "SAVEPER = TIME STEP\n~ Year\n~|\n")
    df = sdw.load(mdl).run(vars=["Stock"])
    np.testing.assert_allclose(df["Stock"].values, [100, 90, 81])


def test_check_lists_warnings_and_errors(tmp_path, decay_path):
    assert [d for d in sdw.load(decay_path).check() if d.severity == "error"] == []
    bad = tmp_path / "bad.xmile"
    bad.write_text(decay_path.read_text().replace("Stock * rate", "Stock * rat"))
    diags = sdw.load(bad).check()
    e201 = [d for d in diags if d.code == "E201"]
    assert e201 and e201[0].variable == "drain" and "rat" in e201[0].message
    # The position is in the model file, so an editor can go there: the line holding "Stock * rat", the column
    # where "rat" starts on it.
    lines = bad.read_text().splitlines()
    line = next(k for k, text in enumerate(lines, 1) if "Stock * rat" in text)
    assert e201[0].position == (line, lines[line - 1].index("Stock * rat") + len("Stock * ") + 1)


def test_number_for_a_computed_variable_replaces_its_equation(sdw_cli, decay_path):
    got = sdw.load(decay_path).run(set={"drain": 10}, vars=["Stock"], stop=1)  # 10 a year, dt 0.5
    np.testing.assert_allclose(got["Stock"].values, [100, 95, 90])
    expected = cli_frame(sdw_cli, decay_path, "--set", "drain=10", "--vars", "Stock", "--stop", "1")
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_an_equation_given_in_set_can_mend_a_broken_model(tmp_path, decay_path):
    bad = tmp_path / "bad.xmile"
    bad.write_text(decay_path.read_text().replace("Stock * rate", "Stock * rat"))
    df = sdw.load(bad).run(set={"drain": "Stock * rate"}, vars=["Stock"], stop=1)
    np.testing.assert_allclose(df["Stock"].values, [100, 95, 90.25])


def test_plugins_lists_the_shipped_levers_and_their_params():
    levers = sdw.plugins()
    row = levers.loc["expand_short_term_services"]  # plugins/levers/expand_short_term_services.lua
    assert sorted(row["params"]) == ["referral_multiplier", "staff_multiplier"]
    assert "004 L633" in row["evidence"]


def test_set_wins_over_the_scenarios_constants(county):
    # austerity_spiral.lua changes only two constants (no levers, seed 1): giving both back in `set` undoes it.
    scenario = COUNTY.parent / "scenarios" / "austerity_spiral.lua"
    back = {"budget_growth_rate": 0.01, "invest_to_save_allowed": 1}
    vars = county.outcome_measures[:4]
    got = county.run(scenario=scenario, set=back, vars=vars, stop=104)
    pd.testing.assert_frame_equal(got, county.run(set=back, vars=vars, stop=104), check_exact=True)
    assert not got.equals(county.run(scenario=scenario, vars=vars, stop=104))


def test_a_model_with_a_calendar_gets_a_date_column_and_time_stays_in_its_units(county, decay_path):
    got = county.run(vars=county.outcome_measures[:1], stop=52)
    assert list(got.columns)[0] == "Date" and got.index.name == "Time"
    # The county model starts on 1 January 2025 and counts in weeks: week 52 is 364 days later.
    assert got["Date"].iloc[0] == pd.Timestamp("2025-01-01")
    assert got.loc[52.0, "Date"] == pd.Timestamp("2025-12-31")
    assert got.index[-1] == 52.0
    batch = sdw.run_many(county, [{}, {"reablement_staff": 150}], vars=county.outcome_measures[:1], stop=52)
    assert (batch.loc[1, "Date"].values == got["Date"].values).all()
    assert "Date" not in sdw.load(decay_path).run().columns  # no calendar start: no dates
