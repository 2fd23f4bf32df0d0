"""Max and average pooling, forward and backward.

Read it as two pairs, forward beside backward: ``_max_forward`` /
``_max_backward`` and ``_avg_forward`` / ``_avg_backward``; then
:func:`pool2d`, which checks the arguments and runs a forward, and
:class:`PoolResult`, which keeps what the backward needs.

Each function works on ``(P, H, W)`` planes and writes into arrays it is
given. The only Python loop runs over the kernel's offsets: for each offset,
a :class:`~pooling_core.geometry.TapStep` of ``Geometry.tap_plan`` names the
block of output cells whose window has a real input cell there and the strided
block of input cells they read, so one NumPy call updates every window at
once. Taps that fall on padding are never visited, which is exactly how
PyTorch treats them: max ignores padding, and zero padding adds nothing to a
sum. Threads, dtypes and shortcuts live in :mod:`pooling_core._fast`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ._fast import (
    accumulator_dtype,
    add_into,
    add_product_into,
    max_into,
    offset_dtype,
    run_tiled,
    stride1_reduce,
)
from . import paddle_rules as paddle
from .errors import PoolingError
from .geometry import Geometry
from .params import as_input

__all__ = ["PoolResult", "pool2d"]

MODES = ("max", "avg")


# Max pooling ----------------------------------------------------------------

def _max_forward(geom: Geometry, x, output) -> None:
    """``output`` = each window's maximum (a NaN in the window wins)."""
    if geom.stride == (1, 1):
        stride1_reduce(geom, x, output, "max")
    else:
        output.fill(-np.inf)
        keep_larger = max_into(output.dtype)
        for step in geom.tap_plan:
            keep_larger(output[:, step.out_rows, step.out_cols], x[:, step.in_rows, step.in_cols])


def _first_max_hits(geom: Geometry, x, output):
    """Yield ``(step, hit)`` per plan step: ``hit`` marks the windows whose
    first maximum (row-major) sits at that offset. NaN windows get no hit."""
    found = np.zeros(output.shape, dtype=bool)
    hit = np.empty(output.shape, dtype=bool)
    for step in geom.tap_plan:
        h, f = hit[:, step.out_rows, step.out_cols], found[:, step.out_rows, step.out_cols]
        np.equal(x[:, step.in_rows, step.in_cols], output[:, step.out_rows, step.out_cols], out=h)
        np.greater(h, f, out=h)  # equal to the max and not seen before
        np.logical_or(f, h, out=f)
        yield step, h


def _max_argmax(geom: Geometry, x, output, arg) -> None:
    """``arg`` = kernel offset of each window's maximum (see PoolResult.argmax_offset)."""
    arg.fill(0)
    scratch = np.empty(output.shape, dtype=arg.dtype)
    for step, h in _first_max_hits(geom, x, output):
        if step.offset:
            # A non-NaN window is hit exactly once, so adding offset * hit
            # sets its offset (much faster than a masked copy).
            s = scratch[:, step.out_rows, step.out_cols]
            np.multiply(h, arg.dtype.type(step.offset), out=s)
            a = arg[:, step.out_rows, step.out_cols]
            np.add(a, s, out=a)
    has_nan = np.isnan(output)
    if has_nan.any():  # NaN equals nothing: its window takes the last NaN's offset
        for step in geom.tap_plan:
            np.copyto(arg[:, step.out_rows, step.out_cols], step.offset,
                      where=np.isnan(x[:, step.in_rows, step.in_cols])
                      & has_nan[:, step.out_rows, step.out_cols])


def _route(geom: Geometry, grad_output, chosen_per_step, grad_input) -> None:
    """``grad_input`` = the sum over plan steps of ``grad_output * chosen``,
    each added into the input cells that step reads."""
    grad_input.fill(0)
    scratch = np.empty(grad_output.shape, dtype=grad_input.dtype)
    for step, chosen in chosen_per_step:
        out = (slice(None), step.out_rows, step.out_cols)
        add_product_into(grad_input[:, step.in_rows, step.in_cols], grad_output[out], chosen,
                         step.first_writer, scratch[out])


def _max_backward(geom: Geometry, x, output, grad_output, grad_input) -> None:
    """Hand each window's gradient whole to its first maximum, found on the fly."""
    _route(geom, grad_output, _first_max_hits(geom, x, output), grad_input)


def _max_backward_from_argmax(geom: Geometry, grad_output, arg, grad_input) -> None:
    """Hand each window's gradient whole to the cell at its argmax offset."""
    chosen = ((step, arg[:, step.out_rows, step.out_cols] == step.offset) for step in geom.tap_plan)
    _route(geom, grad_output, chosen, grad_input)


# Average pooling ------------------------------------------------------------

def _avg_forward(geom: Geometry, x, output, divisor) -> None:
    """``output`` = each window's sum over its real cells, divided by ``divisor``."""
    if geom.stride == (1, 1):
        stride1_reduce(geom, x, output, "sum")
    else:
        # Row-major offsets add each window's cells in the order PyTorch's CPU
        # kernel does, so float32 sums agree to the last bit.
        output.fill(0)
        for step in geom.tap_plan:
            block = output[:, step.out_rows, step.out_cols]
            np.add(block, x[:, step.in_rows, step.in_cols], out=block)
    np.divide(output, divisor, out=output)


def _avg_backward(geom: Geometry, share, grad_input) -> None:
    """Hand every real cell of a window its ``share = grad / divisor``."""
    grad_input.fill(0)
    for step in geom.tap_plan:
        add_into(grad_input[:, step.in_rows, step.in_cols], share[:, step.out_rows, step.out_cols],
                 step.first_writer)


@dataclass(frozen=True, eq=False)
class PoolResult:
    """What one pooling call produced, and all its backward pass needs.

    Attributes
    ----------
    output : ndarray, shape ``x.shape[:-2] + (H_out, W_out)``
    geometry : Geometry
        Where every window is.
    mode : {"max", "avg"}
    count_include_pad : bool
    input : ndarray
        The input as pooled (shared, not copied: do not write into it
        before the argmax or backward of a max pooling has been read).
    """

    input: np.ndarray
    output: np.ndarray
    geometry: Geometry
    mode: str
    count_include_pad: bool
    convention: str = "pytorch"

    @cached_property
    def divisor(self) -> np.ndarray:
        """(H_out, W_out) int array: what each window's sum is divided by."""
        return self.geometry.divisor(self.count_include_pad)

    @cached_property
    def argmax_offset(self) -> np.ndarray:
        """Kernel offset ``i * k_w + j`` of each window's maximum (mode "max").

        PyTorch's rule: scanning the window's real cells in row-major order,
        the first cell equal to the maximum wins; if the window holds NaN, the
        *last* NaN wins (its output is NaN). Paddle's: the cell whose value the
        output holds (the last of equal values), -1 for a window that kept its
        start value (no real cell, or none above -3.4028235e38).
        """
        self._require_max("argmax_offset")
        geom = self.geometry
        kh, kw = geom.kernel_size
        if self.convention == "paddle":
            arg = np.empty(self.output.shape, dtype=np.int32)
            run_tiled(lambda x, a: paddle.max_choice(geom, x, self.output.dtype, a), self.input, arg)
            return arg
        arg = np.empty(self.output.shape, dtype=offset_dtype(kh * kw))
        run_tiled(lambda x, out, a: _max_argmax(geom, x, out, a), self.input, self.output, arg)
        return arg

    @cached_property
    def indices(self) -> np.ndarray:
        """Flat index ``h * W + w`` of each window's maximum in its input plane
        (Paddle: its ``return_mask``, the *first* cell above all before it, -1 for none)."""
        self._require_max("indices")
        geom = self.geometry
        kw = geom.cols.kernel
        if self.convention == "paddle":
            arg = np.empty(self.output.shape, dtype=np.int64)
            run_tiled(lambda x, a: paddle.mask_offset(geom, x, self.output.dtype, a), self.input, arg)
            rows = geom.rows.starts[:, None] + arg // kw
            cols = geom.cols.starts[None, :] + arg % kw
            return np.where(arg < 0, -1, rows * geom.cols.size + cols)
        arg = self.argmax_offset.astype(np.int64)
        rows = geom.rows.starts[:, None] + (arg // kw) * geom.rows.dilation
        cols = geom.cols.starts[None, :] + (arg % kw) * geom.cols.dilation
        return (rows * geom.cols.size + cols).astype(np.int64)

    @cached_property
    def trace(self):
        """Per-window story for the lessons (see :class:`pooling_core.trace.PoolTrace`)."""
        from .trace import PoolTrace

        return PoolTrace(self)

    def _require_max(self, what: str) -> None:
        if self.mode != "max":
            raise PoolingError(f"{what} exists only for mode='max', this result has mode={self.mode!r}",
                               "max_only", name=what, mode=self.mode)

    def backward(self, grad_output) -> np.ndarray:
        """Gradient of the loss with respect to the input.

        Parameters
        ----------
        grad_output : array_like, same shape as ``output``
            Gradient of the loss with respect to each output cell.

        Returns
        -------
        grad_input : ndarray, same shape as the input
            Average pooling hands each window's gradient to its cells in equal
            parts ``grad / divisor`` (parts that land on padding are lost);
            max pooling hands it whole to the window's argmax. Where windows
            overlap, the parts that reach one cell add up. Paddle's rules: the
            average's share is ``grad * (1 / divisor)`` with the quotient in
            float32; max hands the gradient to the first cell equal to the
            output (none for a NaN output or a window without a real cell).

        Examples
        --------
        >>> res = pool2d(np.arange(1, 17).reshape(4, 4), 2)
        >>> res.backward(np.ones((2, 2)))[:2]
        array([[0., 0., 0., 0.],
               [0., 1., 0., 1.]])
        """
        g = np.asarray(grad_output)
        if g.shape != self.output.shape:
            raise PoolingError(
                f"grad_output must have the output's shape {self.output.shape}, got {g.shape}",
                "grad_shape", expected=self.output.shape, got=g.shape,
            )
        if g.dtype == np.bool_ or g.dtype.kind not in "fiu":
            raise TypeError(f"grad_output must hold real numbers, got dtype {g.dtype}")
        dtype = self.output.dtype
        acc = accumulator_dtype(dtype)
        g = g.astype(acc, copy=False)
        geom = self.geometry
        grad_input = np.empty(self.input.shape, dtype=acc)
        if self.convention == "paddle":
            if self.mode == "avg":
                share = paddle.avg_share(g, self.divisor, acc)
                run_tiled(lambda s, gi: _avg_backward(geom, s, gi), share, grad_input)
            else:  # the first cell equal to the output, found as PyTorch's first maximum is
                run_tiled(lambda x, out, go, gi: _max_backward(geom, x, out, go, gi),
                          self.input, self.output, g, grad_input)
        elif self.mode == "avg":
            share = g / self.divisor.astype(acc)
            run_tiled(lambda s, gi: _avg_backward(geom, s, gi), share, grad_input)
        elif "argmax_offset" in self.__dict__ or np.isnan(self.output).any():
            # NaN windows route to their last NaN, which only argmax_offset knows.
            run_tiled(lambda go, a, gi: _max_backward_from_argmax(geom, go, a, gi),
                      g, self.argmax_offset, grad_input)
        else:
            run_tiled(lambda x, out, go, gi: _max_backward(geom, x, out, go, gi),
                      self.input, self.output, g, grad_input)
        return grad_input.astype(dtype, copy=False)


def pool2d(x, kernel_size, stride=None, padding=0, *, mode="max", dilation=1, ceil_mode=False,
           count_include_pad=True, convention="pytorch") -> PoolResult:
    """Max or average pooling over the last two axes, with PyTorch's semantics.

    Parameters
    ----------
    x : array_like, shape (H, W), (C, H, W) or (N, C, H, W)
        Real numbers; integer inputs are pooled in float64.
    kernel_size : int or (k_h, k_w)
    stride : int or (s_h, s_w), optional
        Defaults to ``kernel_size`` (windows side by side).
    padding : int, (p_h, p_w), (top, bottom, left, right), "same" or "valid"
        Rows/columns added around the input. Max pooling ignores them;
        average pooling treats them as zeros.
    mode : {"max", "avg"}
    dilation : int or (d_h, d_w)
        Gap between the cells a window reads (1 = adjacent).
    ceil_mode : bool
        Round the output size up, keeping a last partial window as long as
        it starts inside the input or its top/left padding.
    count_include_pad : bool
        Average pooling only: divide by the window's size including zero
        padding (True) or by the number of real cells (False).
    convention : {"pytorch", "paddle"}
        Whose rules: PyTorch's (the default) or PaddlePaddle 3.3.1's CPU
        kernels' (``count_include_pad=True`` is its ``exclusive=False``; no
        dilation): see :mod:`pooling_core.paddle_rules`.

    Returns
    -------
    PoolResult
        ``.output`` of shape ``x.shape[:-2] + (H_out, W_out)`` with
        ``H_out = floor((H + top + bottom - ((k_h - 1) * d_h + 1)) / s_h) + 1``
        (ceil in ceil mode), ``.backward(grad_output)``, ``.indices`` (max) and
        ``.trace``.

    Examples
    --------
    The tutorial's figure 1:

    >>> x = np.arange(1, 17).reshape(4, 4)
    >>> pool2d(x, 2, mode="avg").output
    array([[ 3.5,  5.5],
           [11.5, 13.5]])
    >>> pool2d(x, 2).output
    array([[ 6.,  8.],
           [14., 16.]])
    """
    if mode not in MODES:
        raise PoolingError(f"mode must be 'max' or 'avg', got {mode!r}", "mode", value=mode)
    x = as_input(x)
    geom = Geometry.build(x.shape[-2:], kernel_size, stride, padding, dilation, ceil_mode, convention)
    out_shape = x.shape[:-2] + geom.out_shape
    if convention == "paddle":
        output = np.empty(out_shape, dtype=accumulator_dtype(x.dtype) if mode == "avg" else x.dtype)
        if mode == "max":
            if paddle.plain_max_agrees(x):  # no NaN, no -0.0: Paddle's fold is the plain maximum, floored
                run_tiled(lambda xs, out: _max_forward(geom, xs, out), x, output)
                np.maximum(output, paddle.LOWEST, out=output)  # at Paddle's start (also windows without input)
            else:  # the fold itself: after a NaN it may end below Paddle's start (nan, then -inf gives -inf)
                run_tiled(lambda xs, out: paddle.max_forward(geom, xs, out), x, output)
        else:
            divisor = geom.divisor(count_include_pad).astype(output.dtype)
            run_tiled(lambda xs, out: paddle.avg_forward(geom, xs, out, divisor), x, output)
        return PoolResult(x, output.astype(x.dtype, copy=False), geom, mode, bool(count_include_pad), convention)
    if mode == "max":
        output = np.empty(out_shape, dtype=x.dtype)
        run_tiled(lambda xs, out: _max_forward(geom, xs, out), x, output)
    else:
        acc = accumulator_dtype(x.dtype)
        output = np.empty(out_shape, dtype=acc)
        divisor = geom.divisor(count_include_pad)
        # One number when every window has the same divisor: a scalar divides faster.
        divisor = acc.type(divisor.flat[0]) if (divisor == divisor.flat[0]).all() else divisor.astype(acc)
        run_tiled(lambda xs, out: _avg_forward(geom, xs, out, divisor), x, output)
        output = output.astype(x.dtype, copy=False)
    return PoolResult(x, output, geom, mode, bool(count_include_pad))
