"""Shared test setup: put the project root on ``sys.path`` so ``import
pooling_core`` and ``import lessons`` work whatever directory pytest runs from."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pytest  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``-n 2 --dist loadgroup``, pyproject.toml) every browser test goes to
    one worker, which starts the one app server and the one Chromium they share; the other
    worker meanwhile runs the rest."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))

# The tutorial's figures, defined once for every test (see ../shared/reference/FIGURES.md).
FIGURE1_INPUT = np.arange(1, 17, dtype=float).reshape(4, 4)  # 2x2 windows, stride 2
FIGURE1_AVG = [[3.5, 5.5], [11.5, 13.5]]
FIGURE1_MAX = [[6.0, 8.0], [14.0, 16.0]]
FIGURE2_COLUMNS = ([1, 2, 3, 2], [5, 6, 1, 8], [4, 4, 8, 6], [3, 0, 9, 5])  # one feature per column
FIGURE2_INPUT = np.array(FIGURE2_COLUMNS, dtype=float).T  # (4 rows, 4 feature columns)
FIGURE2_KMAX = ([2, 3], [6, 8], [8, 6], [9, 5])  # k = 2, original order kept
