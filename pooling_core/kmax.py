"""K-max pooling (Kalchbrenner, Grefenstette & Blunsom, ACL 2014).

Along one axis, keep the ``k`` largest values *in the order they appear*, so
a sentence's strongest features survive together with their relative order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import PoolingError
from .params import as_int, real_array

__all__ = ["KMaxResult", "kmax_pool", "dynamic_k"]


@dataclass(frozen=True, eq=False)
class KMaxResult:
    """Output of :func:`kmax_pool`.

    Attributes
    ----------
    output : ndarray
        ``x`` with the pooled axis shortened to ``k``.
    indices : ndarray of int64, same shape as ``output``
        Where along the axis each kept value came from.
    axis : int
        The pooled axis (non-negative).
    input_shape : tuple
    """

    output: np.ndarray
    indices: np.ndarray
    axis: int
    input_shape: tuple

    @property
    def selected(self) -> np.ndarray:
        """Boolean mask of the input's shape: True where a value was kept."""
        mask = np.zeros(self.input_shape, dtype=bool)
        np.put_along_axis(mask, self.indices, True, axis=self.axis)
        return mask

    def backward(self, grad_output) -> np.ndarray:
        """Send each output gradient back to the position it was taken from;
        positions that were not kept get zero."""
        g = np.asarray(grad_output)
        if g.shape != self.output.shape:
            raise PoolingError(
                f"grad_output must have the output's shape {self.output.shape}, got {g.shape}",
                "grad_shape", expected=self.output.shape, got=g.shape,
            )
        grad_input = np.zeros(self.input_shape, dtype=self.output.dtype)
        np.put_along_axis(grad_input, self.indices, g.astype(self.output.dtype), axis=self.axis)
        return grad_input


def kmax_pool(x, k, axis=-2, *, keep_order=True) -> KMaxResult:
    """Keep the ``k`` largest values along ``axis``.

    Parameters
    ----------
    x : array_like, at least 1-D
    k : int, 1 <= k <= x.shape[axis]
    axis : int
        Default -2: within each column of a (rows, columns) matrix, as in the
        tutorial's figure 2 where every column is one feature.
    keep_order : bool
        True (the paper's definition): the kept values stay in their original
        order. False: largest first.

    Among equal values the earlier position is preferred. NaN counts as larger
    than every number, as in ``torch.topk``.

    Examples
    --------
    >>> x = np.array([[1, 5, 4, 3], [2, 6, 4, 0], [3, 1, 8, 9], [2, 8, 6, 5]])
    >>> kmax_pool(x, 2).output
    array([[2., 6., 8., 9.],
           [3., 8., 6., 5.]])
    """
    arr = np.asarray(x)
    if arr.ndim == 0:
        raise PoolingError("x must have at least one dimension to pool along", "kmax_scalar")
    arr = real_array(arr)
    axis = as_int(axis, "axis")
    if not -arr.ndim <= axis < arr.ndim:
        raise PoolingError(f"axis must be an int in [{-arr.ndim}, {arr.ndim - 1}] for x of shape {arr.shape}, got {axis!r}",
                           "axis_range", low=-arr.ndim, high=arr.ndim - 1, value=axis)
    axis %= arr.ndim
    length = arr.shape[axis]
    k = as_int(k, "k")
    if not 1 <= k <= length:
        raise PoolingError(
            f"k must be a whole number from 1 to {length} (the length of axis {axis}), got {k!r}",
            "k_range", length=length, value=k,
        )
    # Order by: NaN first, then larger value first, then earlier position first.
    # np.lexsort is stable and sorts by the last key first.
    nan = np.isnan(arr)
    order = np.lexsort((-np.where(nan, 0, arr), ~nan), axis=axis)
    top = np.take(order, np.arange(k), axis=axis)
    if keep_order:
        top = np.sort(top, axis=axis)
    output = np.take_along_axis(arr, top, axis=axis)
    return KMaxResult(output, top.astype(np.int64), axis, arr.shape)


def dynamic_k(layer: int, num_layers: int, sentence_length: int, k_top: int) -> int:
    """The paper's k for convolutional layer ``layer`` of ``num_layers``.

    ``k_l = max(k_top, ceil((L - l) / L * s))``: early layers keep more values,
    the last keeps ``k_top``.

    >>> [dynamic_k(l, 3, 18, 3) for l in (1, 2, 3)]
    [12, 6, 3]
    """
    layer, num_layers, sentence_length, k_top = (
        as_int(v, name) for v, name in ((layer, "layer"), (num_layers, "num_layers"),
                                        (sentence_length, "sentence_length"), (k_top, "k_top")))
    if num_layers < 1 or not 1 <= layer <= num_layers:
        raise PoolingError(f"layer must be from 1 to num_layers={num_layers}, got layer={layer}",
                           "layer_range", num_layers=num_layers, value=layer)
    if sentence_length < 1 or k_top < 1:
        name, value = ("sentence_length", sentence_length) if sentence_length < 1 else ("k_top", k_top)
        raise PoolingError(
            f"sentence_length and k_top must be at least 1, got {sentence_length} and {k_top}",
            "too_small", name=name, minimum=1, value=value,
        )
    # Integer ceil: exact where (L - l) / L * s would round in floating point.
    return max(k_top, -(-(num_layers - layer) * sentence_length // num_layers))
