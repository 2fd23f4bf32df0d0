"""Pooling with plain loops, one window and one cell at a time, like d2l's
``pool2d``: the obviously correct twin the tests hold the fast code against.
Slow on purpose; it imports nothing from the rest of :mod:`pooling_core`, so a
mistake there cannot leak in here and hide itself. K-max pooling's twin is
:mod:`pooling_core.reference_kmax`.

Conventions (PyTorch's ``max_pool2d`` / ``avg_pool2d``): an input is
``(H, W)``, ``(C, H, W)`` or ``(N, C, H, W)`` and each ``(H, W)`` plane is
pooled on its own. Along one axis, window ``o`` starts at
``o * stride - pad_before`` (input coordinates, so possibly negative) and its
*taps* are ``start + j * dilation`` for ``j`` in ``range(kernel)``. A tap is
*real* when ``0 <= tap < size``; otherwise it lands in the padding.

>>> x = np.arange(1, 17).reshape(4, 4)          # the tutorial's figure 1
>>> pool2d_reference(x, 2, mode="avg").output.tolist()
[[3.5, 5.5], [11.5, 13.5]]
"""

import math
from dataclasses import dataclass

import numpy as np

__all__ = [
    "PoolReference",
    "WindowExtents",
    "pool2d_reference",
    "pool2d_backward_reference",
    "output_size_reference",
]

MODES = ("max", "avg")


@dataclass(frozen=True, eq=False)
class WindowExtents:
    """Half-open extent ``[start, stop)`` of every window in input coordinates,
    before clipping (a start may be negative, a stop pass the input's size):
    four int64 arrays of shape ``(H_out, W_out)``."""

    row_start: np.ndarray
    row_stop: np.ndarray
    col_start: np.ndarray
    col_stop: np.ndarray


@dataclass(frozen=True, eq=False)
class PoolReference:
    """What :func:`pool2d_reference` computed.

    Attributes
    ----------
    output : ndarray, shape ``x.shape[:-2] + (H_out, W_out)``
        In the float dtype of ``x`` (float64 for integer inputs).
    indices : ndarray of int64, shaped like ``output``, or None
        Mode "max": flat index ``i * W + j`` of each maximum in its plane.
    divisor : ndarray of int64, shape ``(H_out, W_out)``, or None
        Mode "avg": what each window's sum was divided by.
    windows : WindowExtents
        Where every window sits.
    """

    output: np.ndarray
    indices: np.ndarray | None
    divisor: np.ndarray | None
    windows: WindowExtents


@dataclass(frozen=True)
class _Axis:
    size: int
    kernel: int
    dilation: int
    pad_before: int
    pad_after: int
    starts: list

    def taps(self, start):
        return [start + j * self.dilation for j in range(self.kernel)]

    def real_taps(self, start):
        return [t for t in self.taps(start) if 0 <= t < self.size]

    def padded_taps(self, start):
        # What count_include_pad divides by: real cells and padding, but not
        # the part of a ceil-mode window that hangs past the padding.
        return [t for t in self.taps(start) if -self.pad_before <= t < self.size + self.pad_after]


def _whole(name, value, minimum):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return int(value)


def _pair(name, value, minimum):
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair, got {value!r}")
        return _whole(name, value[0], minimum), _whole(name, value[1], minimum)
    number = _whole(name, value, minimum)
    return number, number


def _same_padding(size, kernel, stride, dilation):
    # TensorFlow's "SAME": ceil(size / stride) windows, the odd cell of padding after.
    wanted = math.ceil(size / stride)
    total = max((wanted - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def _padding(padding, height, width, kernel, stride, dilation):
    if isinstance(padding, str):
        if padding.lower() == "valid":
            return (0, 0, 0, 0)
        if padding.lower() == "same":
            return (_same_padding(height, kernel[0], stride[0], dilation[0])
                    + _same_padding(width, kernel[1], stride[1], dilation[1]))
        raise ValueError(f"padding string must be 'same' or 'valid', got {padding!r}")
    if isinstance(padding, (tuple, list)):
        amounts = [_whole("padding", p, 0) for p in padding]
        if len(amounts) == 2:
            return (amounts[0], amounts[0], amounts[1], amounts[1])
        if len(amounts) == 4:
            return tuple(amounts)
        raise ValueError(f"padding must have 2 or 4 entries, got {padding!r}")
    amount = _whole("padding", padding, 0)
    return (amount, amount, amount, amount)


def _real_input(x):
    # The array (not converted) and the dtype results come in.
    x = np.asarray(x)
    if x.dtype.kind == "f":
        return x, x.dtype
    if x.dtype.kind in "iu":
        return x, np.dtype(np.float64)
    raise TypeError(f"x must hold real numbers, got dtype {x.dtype}")


def output_size_reference(size, kernel, stride, pad_before=0, pad_after=0,
                          dilation=1, ceil_mode=False):
    """Number of windows along one axis; less than 1 when none fits (no error here).

    >>> output_size_reference(5, 2, 2), output_size_reference(5, 2, 2, ceil_mode=True)
    (2, 3)
    """
    room = size + pad_before + pad_after - ((kernel - 1) * dilation + 1)  # how far a window slides
    if not ceil_mode:
        return room // stride + 1
    count = -(-room // stride) + 1
    # The last window must start inside the input or its top/left padding.
    if (count - 1) * stride >= size + pad_before:
        count -= 1
    return count


def _axis(name, size, kernel, stride, pad_before, pad_after, dilation, ceil_mode):
    count = output_size_reference(size, kernel, stride, pad_before, pad_after, dilation, ceil_mode)
    if count < 1:
        raise ValueError(f"kernel_size {kernel} (dilation {dilation}) does not fit in the "
                         f"padded input {name} {size} + {pad_before} + {pad_after}")
    axis = _Axis(size, kernel, dilation, pad_before, pad_after,
                 [o * stride - pad_before for o in range(count)])
    for o, start in enumerate(axis.starts):
        if not axis.real_taps(start):
            raise ValueError(f"padding ({pad_before}, {pad_after}) along the {name} leaves "
                             f"window {o} entirely in the padding")
    return axis


def _axes(shape, kernel_size, stride, padding, dilation, ceil_mode):
    # The row axis and the column axis of the windows, every argument checked.
    kernel = _pair("kernel_size", kernel_size, 1)
    stride = kernel if stride is None else _pair("stride", stride, 1)
    dilation = _pair("dilation", dilation, 1)
    height, width = shape[-2], shape[-1]
    top, bottom, left, right = _padding(padding, height, width, kernel, stride, dilation)
    return (_axis("height", height, kernel[0], stride[0], top, bottom, dilation[0], ceil_mode),
            _axis("width", width, kernel[1], stride[1], left, right, dilation[1], ceil_mode))


def _checked(x, mode):
    x, out_dtype = _real_input(x)
    if x.ndim not in (2, 3, 4):
        raise ValueError(f"x must be 2-D, 3-D or 4-D, got shape {x.shape}")
    if mode not in MODES:
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    return x, out_dtype


def _max_of_window(plane, cells):
    # PyTorch's CPU rule: start from -inf with the first real cell as the
    # answer, take a cell when it is larger than the best so far or NaN. So the
    # first of equal values wins, the last NaN wins, and a window of -inf
    # answers -inf at its first cell.
    best_value, (best_i, best_j) = -math.inf, cells[0]
    for i, j in cells:
        value = float(plane[i, j])
        if value > best_value or math.isnan(value):
            best_value, best_i, best_j = value, i, j
    return best_value, best_i * plane.shape[1] + best_j


def pool2d_reference(x, kernel_size, stride=None, padding=0, *, mode="max",
                     dilation=1, ceil_mode=False, count_include_pad=True):
    """Pool every ``(H, W)`` plane of ``x`` with plain loops.

    Parameters
    ----------
    x : array_like of real numbers, shape (H, W), (C, H, W) or (N, C, H, W)
    kernel_size, stride, dilation : int or (h, w)
        ``stride=None`` means ``kernel_size``.
    padding : int, (p_h, p_w), (top, bottom, left, right), "same" or "valid"
    mode : {"max", "avg"}
    ceil_mode : bool
        Round the number of windows up (PyTorch's rule) instead of down.
    count_include_pad : bool
        Mode "avg": divide by the taps inside the padded input (True) or only
        by the taps on real cells (False).

    Returns
    -------
    PoolReference
        ``output``, ``indices`` (max) or ``divisor`` (avg), and ``windows``.
        A ``TypeError`` if ``x`` does not hold real numbers, a ``ValueError``
        for an invalid argument, no window or a window of padding only.
    """
    x, out_dtype = _checked(x, mode)
    rows, cols = _axes(x.shape, kernel_size, stride, padding, dilation, ceil_mode)
    lead = x.shape[:-2]
    output = np.zeros(lead + (len(rows.starts), len(cols.starts)))
    indices = np.zeros(output.shape, dtype=np.int64)
    divisor = np.zeros(output.shape[-2:], dtype=np.int64)
    windows = WindowExtents(*(np.zeros(output.shape[-2:], dtype=np.int64) for _ in range(4)))
    for oh, row_start in enumerate(rows.starts):
        for ow, col_start in enumerate(cols.starts):
            windows.row_start[oh, ow], windows.row_stop[oh, ow] = row_start, rows.taps(row_start)[-1] + 1
            windows.col_start[oh, ow], windows.col_stop[oh, ow] = col_start, cols.taps(col_start)[-1] + 1
            cells = [(i, j) for i in rows.real_taps(row_start) for j in cols.real_taps(col_start)]
            if count_include_pad:
                divisor[oh, ow] = len(rows.padded_taps(row_start)) * len(cols.padded_taps(col_start))
            else:
                divisor[oh, ow] = len(cells)
            for plane in np.ndindex(lead):
                where, values = plane + (oh, ow), x[plane]
                if mode == "max":
                    output[where], indices[where] = _max_of_window(values, cells)
                else:
                    total = 0.0
                    for i, j in cells:  # row-major, in float64
                        total += float(values[i, j])
                    output[where] = total / divisor[oh, ow]
    output = output.astype(out_dtype)
    if mode == "max":
        return PoolReference(output, indices, None, windows)
    return PoolReference(output, None, divisor, windows)


def pool2d_backward_reference(x, grad_output, kernel_size, stride=None, padding=0, *, mode="max",
                              dilation=1, ceil_mode=False, count_include_pad=True):
    """Gradient of :func:`pool2d_reference` with respect to ``x``, by plain loops.

    Average pooling hands ``grad / divisor`` to each real tap of the window
    (what would go to padding is lost); max pooling hands the whole ``grad``
    to the cell that held the maximum. Where windows overlap, the parts add up.

    Parameters
    ----------
    x : array_like, the input that was pooled
    grad_output : array_like, shaped like the pooled output
    kernel_size, stride, padding, mode, dilation, ceil_mode, count_include_pad
        As for :func:`pool2d_reference`.

    Returns
    -------
    grad_input : ndarray, shaped like ``x``, in the output's float dtype
        (summed in float64, rounded once at the end).
    """
    pooled = pool2d_reference(x, kernel_size, stride, padding, mode=mode, dilation=dilation,
                              ceil_mode=ceil_mode, count_include_pad=count_include_pad)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    if grad_output.shape != pooled.output.shape:
        raise ValueError(f"grad_output must have shape {pooled.output.shape}, got {grad_output.shape}")
    x, _ = _checked(x, mode)
    rows, cols = _axes(x.shape, kernel_size, stride, padding, dilation, ceil_mode)
    width = x.shape[-1]
    grad_input = np.zeros(x.shape)
    for plane in np.ndindex(x.shape[:-2]):
        for oh, row_start in enumerate(rows.starts):
            for ow, col_start in enumerate(cols.starts):
                grad = grad_output[plane + (oh, ow)]
                if mode == "max":
                    flat = pooled.indices[plane + (oh, ow)]
                    grad_input[plane + (flat // width, flat % width)] += grad
                else:
                    for i in rows.real_taps(row_start):
                        for j in cols.real_taps(col_start):
                            grad_input[plane + (i, j)] += grad / pooled.divisor[oh, ow]
    return grad_input.astype(pooled.output.dtype)
