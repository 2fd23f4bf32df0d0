"""How the lessons write a number, in cells, arithmetic and sentences alike."""

from __future__ import annotations

import math


def fmt(value, digits: int = 2) -> str:
    """A cell's value as text: whole numbers without decimals, others rounded."""
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if abs(v) >= 1e30:  # e.g. PaddlePaddle's -3.4028235e38 for a max window without input
        return f"{v:.0e}".replace("e+", "e")
    if v == round(v) and abs(v) < 1e12:
        return str(int(round(v)))
    return f"{v:.{digits}f}".rstrip("0").rstrip(".")
