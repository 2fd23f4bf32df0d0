"""PaddlePaddle's own pooling rules (``convention="paddle"``), vectorized.

PaddlePaddle 3.3.1's CPU kernels differ from PyTorch's in five places, each
found by running them (see :mod:`pooling_core.reference_paddle`, the plain
loops these functions are tested against):

* the size: C's division truncates toward zero, and ceil mode keeps a last
  window that starts past the input (PyTorch drops it);
* the divisor with ``exclusive=False``: each window is bounded by the input
  plus the *leading* padding, on both sides;
* ties in max: the last of equal values wins (the mask still names the first);
* windows without a real cell are computed: ``-3.4028235e38`` for max,
  ``0 / 0 = nan`` (or ``0 / -1 = -0.0``) for an exclusive average, 0 otherwise;
* no dilation, and padding may exceed half the window.

The real cells of a window are the same as PyTorch's, so the kernels below
walk :attr:`Geometry.tap_plan` like :mod:`pooling_core.pool` does: one NumPy
call per kernel offset, never a loop over windows.
"""

from __future__ import annotations

import numpy as np

from .errors import PoolingError
from .size import NoWindowError, SizeDerivation

__all__ = ["CONVENTIONS", "LOWEST", "check_convention", "explain_paddle", "axis_divisor", "plain_max_agrees",
           "max_forward",
           "max_choice", "mask_offset", "avg_forward", "avg_share"]

CONVENTIONS = ("pytorch", "paddle")
LOWEST = -3.4028234663852886e38  # -FLT_MAX: where Paddle's max starts, in every dtype


def check_convention(convention) -> str:
    if convention not in CONVENTIONS:
        raise PoolingError(f"convention must be 'pytorch' or 'paddle', got {convention!r}", "convention",
                           value=convention)
    return convention


def _trunc_div(n: int, d: int) -> int:
    """C's integer division: toward zero."""
    q = abs(n) // d
    return q if n >= 0 else -q


def explain_paddle(size, kernel, stride, pad_before, pad_after, dilation, ceil_mode, axis_name):
    """Paddle's output size along one axis, with the rule that decided it.

    ``rule`` is ``"floor"`` / ``"ceil"`` where PyTorch gets the same count,
    ``"truncate"`` where truncation toward zero keeps a window PyTorch finds
    no room for, ``"ceil_keep"`` where ceil mode keeps a last window that
    starts past the input and its leading padding (PyTorch drops it).
    """
    if dilation != 1:
        raise PoolingError(f"dilation must be 1 with convention='paddle' (PaddlePaddle's pooling has no "
                           f"dilation), got {dilation}; use convention='pytorch' for dilated windows",
                           "paddle_dilation", value=dilation)
    numerator = size + pad_before + pad_after - kernel
    rounded = _trunc_div(numerator + (stride - 1 if ceil_mode else 0), stride)
    out = rounded + 1
    torch_rounded = -(-numerator // stride) if ceil_mode else numerator // stride
    if rounded != torch_rounded:
        rule = "truncate"
    elif ceil_mode and rounded * stride >= size + pad_before:
        rule = "ceil_keep"
    else:
        rule = "ceil" if ceil_mode else "floor"
    derivation = SizeDerivation(size, kernel, stride, pad_before, pad_after, dilation, bool(ceil_mode),
                                kernel, numerator, numerator / stride, rounded, False, out,
                                convention="paddle", rule=rule)
    if out < 1:
        raise NoWindowError(
            f"kernel_size={kernel} leaves no window along the {axis_name} with PaddlePaddle's rule "
            f"({size} + {pad_before} + {pad_after} - {kernel}) / {stride} + 1 = {out} (C division, toward "
            f"zero): use a smaller window or a larger stride or padding", derivation, axis=axis_name, kernel=kernel,
            dilation=1, span=kernel, size=size, pad_before=pad_before, pad_after=pad_after,
            padded=size + pad_before + pad_after)
    return derivation


def axis_divisor(axis, count_include_pad: bool) -> np.ndarray:
    """(out,) Paddle's per-axis count: ``bound - start`` with ``bound = min(start + k, size + pad_before)``
    (``exclusive=False``) or ``min(bound, size) - max(start, 0)`` (``exclusive=True``); may be <= 0."""
    starts = axis.starts
    bound = np.minimum(starts + axis.kernel, axis.size + axis.pad_before)
    if count_include_pad:
        return bound - starts
    return np.minimum(bound, axis.size) - np.maximum(starts, 0)


def plain_max_agrees(x) -> bool:
    """True when ``x`` holds no NaN and no -0.0: then Paddle's fold, floored at :data:`LOWEST`, is
    the plain maximum (equal values are then the same number), and the fast max kernels may run."""
    return not (np.isnan(x).any() or np.signbit(x[x == 0]).any())


def max_forward(geom, x, output) -> None:
    """``output`` = Paddle's running ``best if best > v else v`` over each window's real cells."""
    output.fill(LOWEST)
    for step in geom.tap_plan:
        best = output[:, step.out_rows, step.out_cols]
        values = x[:, step.in_rows, step.in_cols]
        np.copyto(best, values, where=~(best > values))


def max_choice(geom, x, output_dtype, arg) -> None:
    """``arg`` = kernel offset of the cell whose value :func:`max_forward` kept (-1: none, the start)."""
    best = np.full(arg.shape, LOWEST, dtype=output_dtype)
    arg.fill(-1)
    for step in geom.tap_plan:
        b = best[:, step.out_rows, step.out_cols]
        values = x[:, step.in_rows, step.in_cols]
        take = ~(b > values)
        np.copyto(b, values, where=take)
        np.copyto(arg[:, step.out_rows, step.out_cols], step.offset, where=take)


def mask_offset(geom, x, output_dtype, arg) -> None:
    """``arg`` = kernel offset of Paddle's mask: the first cell with ``best < v`` (-1: none)."""
    best = np.full(arg.shape, LOWEST, dtype=output_dtype)
    arg.fill(-1)
    for step in geom.tap_plan:
        b = best[:, step.out_rows, step.out_cols]
        values = x[:, step.in_rows, step.in_cols]
        better = b < values
        np.copyto(b, values, where=better)
        np.copyto(arg[:, step.out_rows, step.out_cols], step.offset, where=better)


def avg_forward(geom, x, output, divisor) -> None:
    """``output`` = row-major sum of each window's real cells over Paddle's divisor (0 / 0 is nan)."""
    output.fill(0)
    for step in geom.tap_plan:
        block = output[:, step.out_rows, step.out_cols]
        np.add(block, x[:, step.in_rows, step.in_cols], out=block)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(output, divisor, out=output)


def avg_share(grad_output, divisor, dtype) -> np.ndarray:
    """``grad * (1 / divisor)``, the quotient taken in float32 as Paddle's backward does."""
    with np.errstate(divide="ignore"):
        scale = np.float32(1) / divisor.astype(np.float32)
    return grad_output * scale.astype(dtype)
