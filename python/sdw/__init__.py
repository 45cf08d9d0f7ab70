# The `sdw` Python module: system-dynamics models of adult social care run from Python, results as pandas
# DataFrames, batches on local cores or over a Dask cluster. Layer: python (a face over the engine, like the CLI).
"""sdw: load a model, run it, get pandas DataFrames.

    import sdw
    model = sdw.load("models/adult_social_care/adult_social_care.xmile")
    df = model.run(set={"reablement_staff": 150}, vars=["council_spend"])
    batch = sdw.run_many(model, [{"reablement_staff": s} for s in (100, 150, 200)])

Errors raise sdw.SdwError, whose `diagnostics` carry the engine's codes, variables and positions.
"""
import sys

try:
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    from . import _sdw  # noqa: F401
except ImportError as missing:
    raise ImportError(
        f"sdw cannot start in this Python ({sys.executable}, {sys.version.split()[0]}): {missing}. sdw is built "
        "for Debian's Python with its numpy and pandas: run /usr/bin/python3 (scripts/install-deps.sh installs "
        "them), as the README says") from missing

from ._batch import run_many
from ._errors import Diagnostic, SdwError, SdwUsageError
from ._model import Model, from_xmile, load, plugins
from ._sdw import trial_seed

__version__ = "0.1.0"
__all__ = ["load", "from_xmile", "run_many", "plugins", "trial_seed", "Model", "Diagnostic", "SdwError", "SdwUsageError"]
