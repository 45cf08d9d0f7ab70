# Errors a Python user meets: every one an sdw.SdwError carrying diagnostics (code, variable, position), a
# misspelt keyword naming the right one. Layer: python tests.
import pickle

import pytest

import sdw


def test_misspelt_keyword_names_the_right_one(decay_path):
    m = sdw.load(decay_path)
    with pytest.raises(TypeError, match="did you mean 'method'"):
        m.run(metod="rk4")
    with pytest.raises(sdw.SdwError, match="did you mean 'vars'") as e:
        sdw.run_many(m, [{}], varz=["Stock"])
    assert e.value.codes == ["E901"]


def test_unknown_variable_in_set_suggests_the_name(decay_path):
    with pytest.raises(sdw.SdwError, match="did you mean 'rate'") as e:
        sdw.load(decay_path).run(set={"rte": 1})
    assert e.value.diagnostics[0].code == "E201" and e.value.diagnostics[0].variable == "rte"


def test_wrong_value_types_are_named(decay_path):
    m = sdw.load(decay_path)
    with pytest.raises(sdw.SdwError, match="'rate' needs a number"):
        m.run(set={"rate": [1, 2]})
    for bad in (float("inf"), float("-inf"), float("nan")):
        with pytest.raises(sdw.SdwUsageError, match="'rate' needs a finite number"):
            m.run(set={"rate": bad})
    with pytest.raises(sdw.SdwError, match="unknown method 'rk5'") as e:
        m.run(method="rk5")
    assert e.value.diagnostics[0].variable == "method"


def test_missing_file_is_e100(tmp_path):
    with pytest.raises(sdw.SdwError) as e:
        sdw.load(tmp_path / "nope.xmile")
    assert e.value.codes[0] == "E100"


def test_malformed_xml_carries_its_line(tmp_path):
    bad = tmp_path / "bad.xmile"
    bad.write_text("<xmile>\n<model>\n<variables>\n</model>\n")
    with pytest.raises(sdw.SdwError) as e:
        sdw.load(bad)
    d = e.value.diagnostics[0]
    assert d.code == "E101" and d.line > 0


def test_compile_error_raises_with_variable_and_column(tmp_path, decay_path):
    bad = tmp_path / "bad.xmile"
    bad.write_text(decay_path.read_text().replace("Stock * rate", "Stock * (rate"))
    with pytest.raises(sdw.SdwError) as e:
        sdw.load(bad).run()
    d = [d for d in e.value.diagnostics if d.severity == "error"][0]
    assert d.code.startswith("E1") and d.variable == "drain" and d.column > 0


def test_check_names_an_unreadable_vensim_equation_once(tmp_path):
    # The reader's error is the one to read: the compile used to add "the aux has no equation" for the same
    # variable, which it does have.
    mdl = tmp_path / "typo.mdl"
    mdl.write_text("{UTF-8}\nstock= INTEG (growth, 1)\n~ people\n~ |\ngrowth= SMOOTHX(stock, 3)\n~ people/Year\n"
                   "~ |\nINITIAL TIME = 0\n~ Year\n~ |\nFINAL TIME = 10\n~ Year\n~ |\nTIME STEP = 1\n~ Year\n~ |\n")
    errors = [d for d in sdw.load(mdl).check() if d.severity == "error"]
    assert [(d.code, d.variable) for d in errors] == [("E211", "growth")]
    assert "did you mean 'SMOOTH'" in errors[0].message


def test_run_error_names_variable_and_time(tmp_path, decay_path):
    bad = tmp_path / "nan.xmile"
    bad.write_text(decay_path.read_text().replace("Stock * rate", "Stock * rate / (TIME - 2)"))
    with pytest.raises(sdw.SdwError) as e:
        sdw.load(bad).run()
    d = e.value.diagnostics[0]
    assert d.code == "E301" and d.time == 2  # 1/0 at time 2


def test_plugin_typos_are_named(county):
    with pytest.raises(sdw.SdwError, match="did you mean 'staff_multiplier'"):
        county.run(set={"expand_short_term_services.staff_multiplyer": 1.2})
    with pytest.raises(sdw.SdwError, match="did you mean 'expand_short_term_services'"):
        county.run(set={"expand_short_term_service.staff_multiplier": 1.2})


def test_out_of_range_plugin_param_carries_plugin_diagnostic(county):
    with pytest.raises(sdw.SdwError) as e:
        county.run(set={"expand_short_term_services.staff_multiplier": 50}, stop=1)
    assert e.value.codes[0].startswith("E4")


def test_errors_pickle_with_their_diagnostics(decay_path):
    try:
        sdw.load(decay_path).run(set={"rte": 1})
    except sdw.SdwError as e:
        back = pickle.loads(pickle.dumps(e))
        assert back.diagnostics == e.diagnostics and str(back) == str(e)


class LostCluster:
    """A stand-in for a distributed.Client whose workers are gone: gathering raises, as Dask does."""

    def nthreads(self):
        return {"tcp://gone:1": 1}

    def scatter(self, value, broadcast=False):
        return value

    def submit(self, *args, **kwargs):
        return None

    def gather(self, futures):
        raise OSError("worker tcp://gone:1 lost")


def test_a_cluster_that_fails_is_named_in_the_error(decay_path):
    model = sdw.load(decay_path)
    with pytest.raises(sdw.SdwError, match="worker tcp://gone:1 lost") as e:
        model.sensitivity("oat", vary={"rate": (0.05, 0.2)}, vars=["Stock"], client=LostCluster())
    assert e.value.codes == ["E905"] and "E906" in str(e.value)  # no baseline: the cluster's error says why


def test_a_save_interval_that_is_not_a_whole_number_of_steps_is_an_error(decay_path):
    # dt 0.5: saveper 0.75 was taken as dt without a word (21 rows, not what was asked); sdw run refuses it.
    m = sdw.load(decay_path)
    with pytest.raises(sdw.SdwError, match=r"saveper 0.75 is not a whole multiple of dt 0.5 \(try 0.5 or 1\)"):
        m.run(saveper=0.75)
    with pytest.raises(sdw.SdwError, match="not a whole multiple of dt 0.25"):
        m.run(dt=0.25, saveper=0.3)
    with pytest.raises(sdw.SdwError, match="saveper 0.75") as e:
        sdw.run_many(m, [{}, {}], saveper=0.75)
    assert "E901" in e.value.codes
    # A bad dt is named as dt, not as the save interval.
    with pytest.raises(sdw.SdwError, match="dt must be a positive number") as e:
        m.run(dt=0)
    assert e.value.diagnostics[0].variable == "dt"
    assert len(m.run(saveper=1.5).index) == 7  # 0, 1.5, ..., 9: a whole multiple still runs


def test_run_many_needs_a_list_of_dicts_and_takes_a_dataframe_a_run_a_row(decay_path):
    import pandas as pd

    m = sdw.load(decay_path)
    for wrong in (5, None, {"rate": 0.2}, "rate"):  # a dict alone was read as its keys: "not 'rate'"
        with pytest.raises(sdw.SdwUsageError, match="run_many needs a list of dicts, one a run") as e:
            sdw.run_many(m, wrong)
        assert e.value.codes == ["E901"]
    frame = pd.DataFrame({"rate": [0.1, 0.2]})
    by_rows = sdw.run_many(m, frame, vars=["Stock"])
    by_dicts = sdw.run_many(m, [{"rate": 0.1}, {"rate": 0.2}], vars=["Stock"])
    pd.testing.assert_frame_equal(by_rows, by_dicts)
    assert by_rows.loc[1]["Stock"].iloc[-1] < by_rows.loc[0]["Stock"].iloc[-1]  # faster decay, less left


def test_a_python_without_numpy_is_told_which_python_to_use():
    # Another Python first on PATH (pyenv's, say) has no numpy: `import sdw` named only numpy. A module set to
    # None in sys.modules makes its import fail the same way.
    import os
    import subprocess
    import sys
    code = "import sys; sys.modules['numpy'] = None; import sdw"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert out.returncode != 0
    assert "sdw cannot start in this Python" in out.stderr
    assert "run /usr/bin/python3" in out.stderr
