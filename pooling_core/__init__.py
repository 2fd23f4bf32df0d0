"""pooling_core: exact, vectorized max, average and K-max pooling for teaching.

>>> import numpy as np
>>> from pooling_core import pool2d
>>> res = pool2d(np.arange(1, 17).reshape(4, 4), 2, mode="avg")
>>> res.output.tolist()
[[3.5, 5.5], [11.5, 13.5]]
>>> res.trace.window(0, 0).real_values.tolist(), res.trace.window(0, 0).divisor
([1.0, 2.0, 5.0, 6.0], 4)

NumPy only: this package never imports streamlit or plotly.
"""

from .geometry import (
    Geometry,
    NoWindowError,
    SizeDerivation,
    explain_output_size,
    normalize_padding,
    output_size,
    paddle_padding,
    same_padding,
)
from .kmax import KMaxResult, dynamic_k, kmax_pool
from .pool import PoolResult, pool2d
from .trace import PoolTrace, WindowRecord

__all__ = [
    "pool2d",
    "kmax_pool",
    "output_size",
    "explain_output_size",
    "dynamic_k",
    "same_padding",
    "paddle_padding",
    "normalize_padding",
    "Geometry",
    "SizeDerivation",
    "NoWindowError",
    "PoolResult",
    "KMaxResult",
    "PoolTrace",
    "WindowRecord",
]
