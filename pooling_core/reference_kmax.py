"""K-max pooling with plain loops: the twin of :mod:`pooling_core.kmax` that
the tests hold it against. Like :mod:`pooling_core.reference`, it imports
nothing from the fast code.

>>> kmax_reference([[1, 5], [2, 6], [3, 1], [2, 8]], 2).output.tolist()
[[2.0, 6.0], [3.0, 8.0]]
"""

import math
from dataclasses import dataclass

import numpy as np

from .reference import _real_input

__all__ = ["KMaxReference", "kmax_reference", "kmax_backward_reference"]


@dataclass(frozen=True, eq=False)
class KMaxReference:
    """What :func:`kmax_reference` kept: the values (the float dtype of ``x``,
    float64 for integers) and their int64 positions along the axis, both
    shaped like ``x`` with that axis cut to k."""

    output: np.ndarray
    indices: np.ndarray


def _beats(candidate, best):
    # NaN is the largest value (as in torch.topk); equal values, two NaNs
    # included, do not beat each other, so the earlier position stays.
    if math.isnan(best):
        return False
    return math.isnan(candidate) or candidate > best


def _kmax_checked(x, k, axis):
    x, out_dtype = _real_input(x)
    if x.ndim < 1:
        raise ValueError("x must have at least one dimension to pool along")
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, (int, np.integer)) \
            or not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis must be an integer in [{-x.ndim}, {x.ndim}), got {axis!r}")
    axis = int(axis) % x.ndim
    length = x.shape[axis]
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or not 1 <= k <= length:
        raise ValueError(f"k must be an integer in [1, {length}], got {k!r}")
    return x, out_dtype, axis


def kmax_reference(x, k, axis=-2, keep_order=True):
    """K-max pooling with plain loops: keep the ``k`` largest values along ``axis``.

    Parameters
    ----------
    x : array_like of real numbers, at least 1-D (a sentence matrix is 2-D)
    k : int, ``1 <= k <= x.shape[axis]``
    axis : int, default -2 (within each column of a matrix)
    keep_order : bool
        True: the kept values stay in their original order; False: largest
        first. Ties go to the earlier position; NaN counts as the largest value.

    Returns
    -------
    KMaxReference
    """
    x, out_dtype, axis = _kmax_checked(x, k, axis)
    lines = np.moveaxis(x, axis, -1)  # pool along the last axis
    output = np.zeros(lines.shape[:-1] + (k,))
    indices = np.zeros(output.shape, dtype=np.int64)
    for line in np.ndindex(lines.shape[:-1]):
        values = [float(v) for v in lines[line]]
        chosen = []
        for _ in range(k):  # pick the best remaining position, scanning left to right
            best = None
            for position, value in enumerate(values):
                if position not in chosen and (best is None or _beats(value, values[best])):
                    best = position
            chosen.append(best)
        if keep_order:
            chosen.sort()
        for slot, position in enumerate(chosen):
            output[line + (slot,)] = values[position]
            indices[line + (slot,)] = position
    return KMaxReference(np.moveaxis(output, -1, axis).astype(out_dtype),
                         np.moveaxis(indices, -1, axis).copy())


def kmax_backward_reference(x, grad_output, k, axis=-2, keep_order=True):
    """Gradient of :func:`kmax_reference` with respect to ``x``: each kept value
    passes its gradient back to the position it came from, the rest get zero.

    Parameters
    ----------
    x : array_like, the input that was pooled
    grad_output : array_like, shaped like the k-max output
    k, axis, keep_order : as for :func:`kmax_reference`

    Returns
    -------
    grad_input : ndarray, shaped like ``x``, in the output's float dtype
    """
    kept = kmax_reference(x, k, axis, keep_order)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    if grad_output.shape != kept.output.shape:
        raise ValueError(f"grad_output must have shape {kept.output.shape}, got {grad_output.shape}")
    x, _, axis = _kmax_checked(x, k, axis)
    grad_input = np.zeros(x.shape)
    for where in np.ndindex(kept.output.shape):
        target = list(where)
        target[axis] = kept.indices[where]
        grad_input[tuple(target)] += grad_output[where]
    return grad_input.astype(kept.output.dtype)
