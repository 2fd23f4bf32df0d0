"""pooling_core: exact, vectorized max, average and K-max pooling for teaching.

>>> import numpy as np
>>> from pooling_core import pool2d
>>> res = pool2d(np.arange(1, 17).reshape(4, 4), 2, mode="avg")
>>> res.output.tolist()
[[3.5, 5.5], [11.5, 13.5]]
>>> res.trace.window(0, 0).real_values.tolist(), res.trace.window(0, 0).divisor
([1.0, 2.0, 5.0, 6.0], 4)

NumPy only: this package never imports streamlit or plotly.

Modules: ``pool`` (max and average pooling, forward beside backward),
``kmax`` (K-max pooling), ``geometry`` (where the windows are), ``size`` (the
output-size formula), ``params`` (reading the arguments), ``errors`` (the
:class:`PoolingError` every refusal raises, with a reason and fields), ``trace`` (the
story of each window), ``reference`` and ``reference_kmax`` (plain loops the
tests hold the rest against); ``_fast`` holds the speed machinery (threads,
dtypes, shortcuts).
"""

from .errors import PoolingError
from .geometry import Geometry
from .kmax import KMaxResult, dynamic_k, kmax_pool
from .params import normalize_padding, paddle_padding, same_padding
from .pool import PoolResult, pool2d
from .size import NoWindowError, SizeDerivation, explain_output_size, output_size
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
    "PoolingError",
    "NoWindowError",
    "PoolResult",
    "KMaxResult",
    "PoolTrace",
    "WindowRecord",
]
