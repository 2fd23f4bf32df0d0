"""Shared test setup: put the project root on ``sys.path`` so ``import
pooling_core`` and ``import lessons`` work whatever directory pytest runs from."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
