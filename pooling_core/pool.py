"""Max and average pooling, forward and backward, vectorized.

The only Python loop runs over the kernel's ``k_h * k_w`` offsets. For each
offset ``(i, j)``, ``Geometry.tap_slices`` names the block of output cells
whose window has a real input cell there and the strided block of input cells
they read, so one NumPy call updates every window at once. Taps that fall on
padding are simply never visited, which is exactly how PyTorch treats them:
max ignores padding, and zero padding adds nothing to a sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from ._tiles import run_tiled
from .geometry import Geometry
from .params import as_input

__all__ = ["PoolResult", "pool2d"]

MODES = ("max", "avg")


def _accumulator_dtype(dtype: np.dtype) -> np.dtype:
    """Sums of float16 are taken in float32, as PyTorch does on the CPU."""
    return np.dtype(np.float32) if dtype == np.float16 else dtype


def _offset_dtype(n_offsets: int) -> np.dtype:
    return np.dtype(np.uint8) if n_offsets <= 256 else np.dtype(np.int32)


@cache
def _max_into(dtype: np.dtype):
    """``update(running, values)``: ``running = max(running, values)`` in place,
    keeping the *running* value when 0.0 meets -0.0, so the first of tied
    zeros wins with its sign, as in PyTorch.

    NumPy does not promise which argument ``np.maximum`` returns for tied
    zeros (here float32 returns the second, float16 the first), so the order
    is found by trying it on contiguous, strided and one-element arrays; where
    neither order holds everywhere, a masked copy decides explicitly.
    """
    def keeps_running(first_is_running: bool) -> bool:
        for running0 in (0.0, -0.0):
            for n, step in ((64, 1), (64, 2), (1, 1)):
                running = np.full(n * step, running0, dtype)[::step]
                new = np.full(n * step, -running0, dtype)[::step]
                got = np.maximum(running, new) if first_is_running else np.maximum(new, running)
                if not np.array_equal(np.signbit(got), np.signbit(running)):
                    return False
        return True

    if keeps_running(False):
        return lambda running, values: np.maximum(values, running, out=running)
    if keeps_running(True):
        return lambda running, values: np.maximum(running, values, out=running)
    return lambda running, values: np.copyto(running, values,
                                             where=(values > running) | np.isnan(values))


# Kernels. Each works on (P, H, W) planes and writes into arrays it is given, so
# run_tiled can hand it any block of planes. The loop is over kernel offsets.

def _max_forward(geom: Geometry, x, output) -> None:
    output.fill(-np.inf)
    update = _max_into(output.dtype)
    for _, orow, ocol, irow, icol in geom.tap_plan:
        update(output[:, orow, ocol], x[:, irow, icol])


def _shifted_forward(geom: Geometry, x, output, mode: str) -> None:
    """Stride-1 windows: sums (mode "avg") or maxima (mode "max").

    With stride 1, the cell that kernel offset ``(i, j)`` adds to output
    ``(r, c)`` sits a fixed distance ``i * d_h * W_p + j * d_w`` further along
    the flattened padded planes. So each offset is one long contiguous 1-D
    operation instead of many short rows; the padded copy is filled with 0
    for sums and -inf for maxima, which changes no result.
    """
    row_lo, row_hi, col_lo, col_hi = geom.extent
    p, h, w = x.shape
    hp, wp = row_hi - row_lo, col_hi - col_lo
    padded = np.full((p, hp, wp), 0 if mode == "avg" else -np.inf, dtype=output.dtype)
    padded[:, -row_lo:-row_lo + h, -col_lo:-col_lo + w] = x
    flat = padded.reshape(-1)
    (kh, kw), dh, dw = geom.kernel_size, geom.rows.dilation, geom.cols.dilation
    n = flat.size - ((kh - 1) * dh * wp + (kw - 1) * dw)  # every needed cell is below n
    acc = np.empty(flat.size, dtype=output.dtype)
    head = acc[:n]
    if mode == "avg":  # 0 + first value, as PyTorch starts its sums (-0.0 becomes +0.0)
        start, update = (lambda h, v: np.add(v, 0, out=h)), (lambda h, v: np.add(h, v, out=h))
    else:
        start, update = np.copyto, _max_into(output.dtype)
    for offset, (i, j) in enumerate(geom.offsets()):
        (update if offset else start)(head, flat[i * dh * wp + j * dw:][:n])
    ho, wo = geom.out_shape
    output[...] = acc.reshape(p, hp, wp)[:, :ho, :wo]


def _first_max_hits(geom: Geometry, x, output):
    """Yield ``(plan entry, hit)`` per offset: ``hit`` marks the windows whose
    first maximum (row-major) sits at that offset. NaN windows get no hit."""
    found = np.zeros(output.shape, dtype=bool)
    hit = np.empty(output.shape, dtype=bool)
    for entry in geom.tap_plan:
        _, orow, ocol, irow, icol = entry
        h, f = hit[:, orow, ocol], found[:, orow, ocol]
        np.equal(x[:, irow, icol], output[:, orow, ocol], out=h)
        np.greater(h, f, out=h)  # equal to the max and not seen before
        np.logical_or(f, h, out=f)
        yield entry, h


def _max_argmax(geom: Geometry, x, output, arg) -> None:
    """Kernel offset of each window's maximum, PyTorch's way (see PoolResult.argmax_offset)."""
    arg.fill(0)
    step = np.empty(output.shape, dtype=arg.dtype)
    for (offset, orow, ocol, _, _), h in _first_max_hits(geom, x, output):
        if offset:
            # A non-NaN window is hit exactly once, so adding offset * hit
            # sets its offset (much faster than a masked copy).
            st = step[:, orow, ocol]
            np.multiply(h, arg.dtype.type(offset), out=st)
            a = arg[:, orow, ocol]
            np.add(a, st, out=a)
    has_nan = np.isnan(output)
    if has_nan.any():  # NaN equals nothing: its window takes the last NaN's offset
        for offset, orow, ocol, irow, icol in geom.tap_plan:
            np.copyto(arg[:, orow, ocol], offset,
                      where=np.isnan(x[:, irow, icol]) & has_nan[:, orow, ocol])


def _avg_sum(geom: Geometry, x, total) -> None:
    # Row-major offsets add each window's cells in the order PyTorch's CPU
    # kernel does, so float32 sums agree to the last bit.
    total.fill(0)
    for _, orow, ocol, irow, icol in geom.tap_plan:
        block = total[:, orow, ocol]
        np.add(block, x[:, irow, icol], out=block)


def _avg_backward(geom: Geometry, share, grad_input) -> None:
    grad_input.fill(0)
    for (_, orow, ocol, irow, icol), first in zip(geom.tap_plan, geom.first_writers):
        cells = grad_input[:, irow, icol]
        if first:  # nothing has reached these cells yet: write
            np.copyto(cells, share[:, orow, ocol])
        else:
            np.add(cells, share[:, orow, ocol], out=cells)


def _route(geom: Geometry, grad_output, chosen_at, grad_input) -> None:
    """Add ``grad_output`` into the cells picked by ``chosen_at(entry)`` per offset."""
    grad_input.fill(0)
    first_writer = dict(zip((e[0] for e in geom.tap_plan), geom.first_writers))
    routed = np.empty(grad_output.shape, dtype=grad_input.dtype)
    for entry, chosen in chosen_at:
        offset, orow, ocol, irow, icol = entry
        cells = grad_input[:, irow, icol]
        if first_writer[offset]:  # nothing has reached these cells yet: write
            np.multiply(grad_output[:, orow, ocol], chosen, out=cells)
        else:
            r = routed[:, orow, ocol]
            np.multiply(grad_output[:, orow, ocol], chosen, out=r)
            np.add(cells, r, out=cells)


def _max_backward(geom: Geometry, x, output, grad_output, grad_input) -> None:
    """Route each gradient to its window's first maximum, found on the fly."""
    _route(geom, grad_output, _first_max_hits(geom, x, output), grad_input)


def _max_backward_from_argmax(geom: Geometry, grad_output, arg, grad_input) -> None:
    chosen = ((e, arg[:, e[1], e[2]] == e[0]) for e in geom.tap_plan)
    _route(geom, grad_output, chosen, grad_input)


def _planes(a: np.ndarray) -> np.ndarray:
    """View (or copy) any (..., H, W) array as (P, H, W)."""
    return a.reshape((-1,) + a.shape[-2:])


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

    @cached_property
    def divisor(self) -> np.ndarray:
        """(H_out, W_out) int array: what each window's sum is divided by."""
        return self.geometry.divisor(self.count_include_pad)

    @cached_property
    def argmax_offset(self) -> np.ndarray:
        """Kernel offset ``i * k_w + j`` of each window's maximum (mode "max").

        PyTorch's rule: scanning the window's real cells in row-major order,
        the first cell equal to the maximum wins; if the window holds NaN, the
        *last* NaN wins (its output is NaN).
        """
        self._require_max("argmax_offset")
        geom = self.geometry
        kh, kw = geom.kernel_size
        arg = np.empty(self.output.shape, dtype=_offset_dtype(kh * kw))
        run_tiled(lambda x, out, a: _max_argmax(geom, x, out, a),
                  _planes(self.input), _planes(self.output), _planes(arg))
        return arg

    @cached_property
    def indices(self) -> np.ndarray:
        """Flat index ``h * W + w`` of each window's maximum in its input plane."""
        self._require_max("indices")
        geom = self.geometry
        kw = geom.cols.kernel
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
            raise ValueError(f"{what} exists only for mode='max', this result has mode={self.mode!r}")

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
            overlap, the parts that reach one cell add up.
        """
        g = np.asarray(grad_output)
        if g.shape != self.output.shape:
            raise ValueError(
                f"grad_output must have the output's shape {self.output.shape}, got {g.shape}"
            )
        if g.dtype == np.bool_ or g.dtype.kind not in "fiu":
            raise TypeError(f"grad_output must hold real numbers, got dtype {g.dtype}")
        dtype = self.output.dtype
        acc = _accumulator_dtype(dtype)
        g = g.astype(acc, copy=False)
        geom = self.geometry
        grad_input = np.empty(self.input.shape, dtype=acc)
        if self.mode == "avg":
            share = g / self.divisor.astype(acc)
            run_tiled(lambda s, gi: _avg_backward(geom, s, gi), _planes(share), _planes(grad_input))
        elif "argmax_offset" in self.__dict__ or np.isnan(self.output).any():
            # NaN windows route to their last NaN, which only argmax_offset knows.
            run_tiled(lambda go, a, gi: _max_backward_from_argmax(geom, go, a, gi),
                      _planes(g), _planes(self.argmax_offset), _planes(grad_input))
        else:
            run_tiled(lambda xs, out, go, gi: _max_backward(geom, xs, out, go, gi),
                      _planes(self.input), _planes(self.output), _planes(g), _planes(grad_input))
        return grad_input.astype(dtype, copy=False)


def pool2d(x, kernel_size, stride=None, padding=0, *, mode="max", dilation=1, ceil_mode=False,
           count_include_pad=True) -> PoolResult:
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
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    x = as_input(x)
    geom = Geometry.build(x.shape[-2:], kernel_size, stride, padding, dilation, ceil_mode)
    out_shape = x.shape[:-2] + geom.out_shape
    planes = _planes(x)
    shifted = geom.rows.stride == 1 and geom.cols.stride == 1
    if mode == "max":
        output = np.empty(out_shape, dtype=x.dtype)
        if shifted:
            run_tiled(lambda xs, out: _shifted_forward(geom, xs, out, "max"), planes, _planes(output))
        else:
            run_tiled(lambda xs, out: _max_forward(geom, xs, out), planes, _planes(output))
    else:
        acc = _accumulator_dtype(x.dtype)
        total = np.empty(out_shape, dtype=acc)
        if shifted:
            run_tiled(lambda xs, t: _shifted_forward(geom, xs, t, "avg"), planes, _planes(total))
        else:
            run_tiled(lambda xs, t: _avg_sum(geom, xs, t), planes, _planes(total))
        divisor = geom.divisor(count_include_pad)
        uniform = (divisor == divisor.flat[0]).all()
        np.divide(total, acc.type(divisor.flat[0]) if uniform else divisor.astype(acc), out=total)
        output = total.astype(x.dtype, copy=False)
    return PoolResult(x, output, geom, mode, bool(count_include_pad))
