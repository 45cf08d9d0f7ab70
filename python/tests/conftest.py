# Shared fixtures of the sdw Python tests: the repository's paths, the CLI, small models written here, and one
# Dask LocalCluster of two worker processes for the whole session (starting one takes seconds).
# Layer: python tests. Run: PYTHONPATH=build/python /usr/bin/python3 -m pytest python/tests
import io
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import sdw

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("SDW_BUILD_DIR", ROOT / "build"))
COUNTY = ROOT / "models" / "adult_social_care" / "adult_social_care.xmile"
PREVENTION = ROOT / "models" / "teaching" / "prevention" / "prevention.xmile"

# Exponential decay: stock 100, outflow 0.1 * stock, dt 0.5, 0 to 10 (Euler: S_n = 100 * 0.95^n).
DECAY = """<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"
       xmlns:sdw="https://sdw.invalid/xmile">
  <header><name>decay</name><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs method="euler" time_units="years"><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>
  <model><variables>
    <stock name="Stock"><eqn>100</eqn><outflow>drain</outflow><units>people</units></stock>
    <flow name="drain"><eqn>Stock * rate</eqn><units>people/year</units></flow>
    <aux name="rate"><doc>Assumed (test): a tenth a year.</doc><eqn>0.1</eqn><units>1/year</units>
      <range min="0" max="0.5"/></aux>
  </variables></model>
</xmile>
"""


@pytest.fixture(scope="session")
def sdw_cli():
    exe = BUILD / "sdw"
    if not exe.exists():
        pytest.skip(f"no CLI at {exe}")
    return exe


def cli_frame(cli, *args):
    """`sdw run ARGS` read back as a DataFrame indexed by Time (the CSV carries every digit). The CLI adds a
    `Date` column after Time when the model has a calendar start, as `Model.run` does: it is kept, as dates."""
    out = subprocess.run([str(cli), "run", *map(str, args)], check=True, capture_output=True, text=True).stdout
    frame = pd.read_csv(io.StringIO(out), index_col="Time", float_precision="round_trip")
    dates = frame.pop("Date") if "Date" in frame.columns else None
    frame = frame.astype(float)
    frame.index = frame.index.astype(float)  # Time, as Model.run gives it, also when every time is whole
    if dates is not None:
        frame.insert(0, "Date", pd.to_datetime(dates))
    return frame


@pytest.fixture
def decay_path(tmp_path):
    path = tmp_path / "decay.xmile"
    path.write_text(DECAY)
    return path


@pytest.fixture(scope="session")
def county():
    return sdw.load(COUNTY)


@pytest.fixture(scope="session")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
