"""What the page tests share: run a page under AppTest, read its charts.

(pytest puts this folder on ``sys.path``, so tests ``import pagetest``.)
"""

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parents[1] / "lesson_pages"


def run_page(page, lang="en", /, *, state=None, **query) -> AppTest:
    """Run ``page`` (a path, or a file name in lesson_pages/) in ``lang`` with
    ``query`` as URL parameters and ``state`` set in session state first;
    fail if the page raised."""
    at = AppTest.from_file(str(PAGES / page), default_timeout=30)
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    for key, value in query.items():
        at.query_params[key] = value if isinstance(value, (str, list)) else str(value)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_array(value, dtype=None) -> np.ndarray:
    """A plotly JSON array as numpy: a (nested) list, where None becomes NaN
    for a float dtype, or numpy's bytes as ``{"bdata", "dtype", "shape"}``."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = tuple(int(n) for n in str(value.get("shape", len(flat))).split(","))
        out = flat.reshape(shape)
        return out if dtype is None else out.astype(dtype)
    return np.asarray(value, dtype=dtype)


def chart_spec(at, key) -> dict:
    """The figure JSON of the chart with widget key ``key``."""
    for chart in at.get("plotly_chart"):
        if chart.proto.id.endswith(key):
            return json.loads(chart.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")
