"""Where the windows are: the one place that turns kernel, stride, padding,
dilation and ceil mode into window positions, taps and an output size.

Every operation, every trace and every formula the lessons show asks this
module (the size along one axis comes from :mod:`pooling_core.size`, the
arguments are read by :mod:`pooling_core.params`), so a picture can never
disagree with the arrays it describes.

Coordinates are *input* coordinates: a window that starts in the top padding
has a negative start, one that reaches into the bottom padding a stop past the
input's size.

>>> g = Geometry.build((4, 4), 2)              # the tutorial's figure 1
>>> g.out_shape, g.rows.starts.tolist(), g.overlaps
((2, 2), [0, 2], False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import PoolingError
from .paddle_rules import axis_divisor, check_convention
from .params import as_pair, normalize_padding, paddle_padding
from .size import SizeDerivation, explain_output_size

__all__ = ["AxisGeometry", "Geometry", "TapStep"]


@dataclass(frozen=True)
class AxisGeometry:
    """The windows along one axis.

    Window ``o`` starts at ``starts[o] = o * stride - pad_before`` (input
    coordinates) and touches the cells ``starts[o] + j * dilation`` for
    ``j = 0 .. kernel - 1`` (its *taps*).
    """

    derivation: SizeDerivation

    @property
    def size(self) -> int:
        return self.derivation.size

    @property
    def kernel(self) -> int:
        return self.derivation.kernel

    @property
    def stride(self) -> int:
        return self.derivation.stride

    @property
    def dilation(self) -> int:
        return self.derivation.dilation

    @property
    def pad_before(self) -> int:
        return self.derivation.pad_before

    @property
    def pad_after(self) -> int:
        return self.derivation.pad_after

    @property
    def out(self) -> int:
        return self.derivation.out

    @property
    def span(self) -> int:
        return self.derivation.span

    @property
    def padded_size(self) -> int:
        return self.derivation.padded_size

    @property
    def overhang(self) -> int:
        """Cells the last window reaches past the padding (ceil mode), else 0."""
        return self.derivation.overhang

    @property
    def convention(self) -> str:
        return self.derivation.convention

    @property
    def overlaps(self) -> bool:
        """True when neighbouring windows share cells (stride shorter than the span)."""
        return self.out > 1 and self.stride < self.span

    @property
    def dilated(self) -> bool:
        """True when the taps have gaps between them."""
        return self.kernel > 1 and self.dilation > 1

    def within_padding(self, coords) -> np.ndarray:
        """True where input coordinates lie in the input or its padding
        (False past the padding, where only a ceil-mode window reaches)."""
        coords = np.asarray(coords)
        return (coords >= -self.pad_before) & (coords < self.size + self.pad_after)

    @property
    def starts(self) -> np.ndarray:
        """(out,) first tap of each window, in input coordinates."""
        return np.arange(self.out) * self.stride - self.pad_before

    @property
    def stops(self) -> np.ndarray:
        """(out,) one past the last tap of each window (half-open extent)."""
        return self.starts + self.span

    def taps(self) -> np.ndarray:
        """(out, kernel) input coordinate of every tap of every window."""
        return self.starts[:, None] + np.arange(self.kernel) * self.dilation

    def real_taps(self) -> np.ndarray:
        """(out, kernel) True where a tap lands on a real input cell."""
        t = self.taps()
        return (t >= 0) & (t < self.size)

    def padded_taps(self) -> np.ndarray:
        """(out, kernel) True where a tap lands inside the padded extent.

        Taps of a ceil-mode window that hang past the padding are False.
        Paddle bounds a window by the input plus its *leading* padding, on both sides.
        """
        if self.convention == "paddle":
            t = self.taps()
            return (t >= -self.pad_before) & (t < self.size + self.pad_before)
        return self.within_padding(self.taps())

    def tap_range(self, j: int) -> tuple[int, int, int]:
        """Windows whose tap ``j`` is a real cell, as ``(first_window, count, first_cell)``.

        Tap ``j`` of window ``o`` is cell ``o * stride - pad_before + j * dilation``,
        increasing with ``o``, so the windows that see a real cell there form one
        contiguous run; the fast code slices exactly that run.
        """
        offset = j * self.dilation - self.pad_before
        lo = max(0, -(offset // self.stride))  # smallest o with o*stride + offset >= 0
        hi = min(self.out, (self.size - 1 - offset) // self.stride + 1)
        count = max(hi - lo, 0)
        return lo, count, lo * self.stride + offset


@dataclass(frozen=True)
class TapStep:
    """What kernel offset ``offset = i * k_w + j`` does, as one block operation.

    Attributes
    ----------
    offset : int
        The flat kernel offset (row-major).
    out_rows, out_cols : slice
        The block of output cells whose window has a real input cell at this
        offset.
    in_rows, in_cols : slice
        The strided block of input cells those windows read there (same shape).
    first_writer : bool
        No earlier offset of the plan reaches any of these input cells, so a
        backward pass may *write* its gradient there instead of adding it.
    """

    offset: int
    out_rows: slice
    out_cols: slice
    in_rows: slice
    in_cols: slice
    first_writer: bool


@dataclass(frozen=True)
class Geometry:
    """The 2-D windows of one pooling call: a row axis and a column axis."""

    rows: AxisGeometry
    cols: AxisGeometry

    @property
    def out_shape(self) -> tuple[int, int]:
        return (self.rows.out, self.cols.out)

    @property
    def kernel_size(self) -> tuple[int, int]:
        return (self.rows.kernel, self.cols.kernel)

    @property
    def stride(self) -> tuple[int, int]:
        return (self.rows.stride, self.cols.stride)

    def offsets(self):
        """Kernel offsets ``(i, j)`` in row-major order: the order taps are visited."""
        for i in range(self.rows.kernel):
            for j in range(self.cols.kernel):
                yield i, j

    def tap_slices(self, i: int, j: int):
        """Where kernel offset ``(i, j)`` lands on a real cell.

        Returns ``(out_index, in_index)``: two ``(row_slice, col_slice)`` pairs,
        the block of output cells whose window has a real cell at this offset
        and the strided block of input cells they read. ``None`` when no
        window does.
        """
        r0, rn, rin = self.rows.tap_range(i)
        c0, cn, cin = self.cols.tap_range(j)
        if rn == 0 or cn == 0:
            return None
        sh, sw = self.rows.stride, self.cols.stride
        out_index = (slice(r0, r0 + rn), slice(c0, c0 + cn))
        in_index = (slice(rin, rin + (rn - 1) * sh + 1, sh), slice(cin, cin + (cn - 1) * sw + 1, sw))
        return out_index, in_index

    @property
    def overlaps(self) -> bool:
        """True when some windows share cells along either axis."""
        return self.rows.overlaps or self.cols.overlaps

    @property
    def dilated(self) -> bool:
        return self.rows.dilated or self.cols.dilated

    @property
    def has_overhang(self) -> bool:
        """True when a ceil-mode window reaches past the padding."""
        return bool(self.rows.overhang or self.cols.overhang)

    @property
    def padded_box(self) -> tuple[int, int, int, int]:
        """``(row_lo, row_hi, col_lo, col_hi)``, half-open: the input and its padding."""
        r, c = self.rows, self.cols
        return (-r.pad_before, r.size + r.pad_after, -c.pad_before, c.size + c.pad_after)

    @property
    def extent(self) -> tuple[int, int, int, int]:
        """``(row_lo, row_hi, col_lo, col_hi)``, half-open, in input coordinates:
        the input, its padding and every window (a ceil-mode window may hang
        past the padding) together."""
        r, c = self.rows, self.cols
        return (-r.pad_before, max(r.size + r.pad_after, int(r.stops[-1])),
                -c.pad_before, max(c.size + c.pad_after, int(c.stops[-1])))

    @cached_property
    def tap_plan(self) -> tuple[TapStep, ...]:
        """One :class:`TapStep` for every kernel offset that lands on a real cell
        somewhere, in row-major offset order: the loop every fast kernel runs.

        >>> [(s.offset, s.first_writer) for s in Geometry.build((3, 3), 2, 1).tap_plan]
        [(0, True), (1, False), (2, False), (3, False)]
        """
        plan, lattices = [], set()
        for offset, (i, j) in enumerate(self.offsets()):
            where = self.tap_slices(i, j)
            if where is None:
                continue
            (out_rows, out_cols), (in_rows, in_cols) = where
            # Offset (i, j) reads the input rows congruent to i * d_h - p_top
            # modulo the stride (likewise columns), so it shares cells with an
            # earlier offset only if that one lies on the same lattice.
            lattice = ((i * self.rows.dilation) % self.rows.stride,
                       (j * self.cols.dilation) % self.cols.stride)
            plan.append(TapStep(offset, out_rows, out_cols, in_rows, in_cols, lattice not in lattices))
            lattices.add(lattice)
        return tuple(plan)

    def divisor(self, count_include_pad: bool) -> np.ndarray:
        """(H_out, W_out) number of taps each average is divided by.

        With ``count_include_pad`` the zero padding counts (but not the
        ceil-mode overhang past it); otherwise only real cells count.
        """
        if self.rows.convention == "paddle":
            return np.outer(axis_divisor(self.rows, count_include_pad), axis_divisor(self.cols, count_include_pad))
        pick = "padded_taps" if count_include_pad else "real_taps"
        rows = getattr(self.rows, pick)().sum(axis=1)
        cols = getattr(self.cols, pick)().sum(axis=1)
        return np.outer(rows, cols)

    def first_real_offset(self) -> np.ndarray:
        """(H_out, W_out) flat kernel offset of each window's first real cell."""
        fr = self.rows.real_taps().argmax(axis=1)
        fc = self.cols.real_taps().argmax(axis=1)
        return fr[:, None] * self.cols.kernel + fc[None, :]

    @classmethod
    def build(cls, in_shape, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
              convention="pytorch"):
        """Check every parameter and place the windows for an ``(H, W)`` input
        (``convention="paddle"``: PaddlePaddle's rules, which allow windows of padding only)."""
        check_convention(convention)
        kh, kw = as_pair(kernel_size, "kernel_size")
        sh, sw = (kh, kw) if stride is None else as_pair(stride, "stride")
        dh, dw = as_pair(dilation, "dilation")
        h, w = in_shape
        if isinstance(padding, str):
            top, bottom, left, right = paddle_padding(
                padding, input_size=(h, w), kernel_size=(kh, kw), stride=(sh, sw), dilation=(dh, dw)
            )
        else:
            top, bottom, left, right = normalize_padding(padding)
        rows = AxisGeometry(explain_output_size(h, kh, sh, top, bottom, dh, ceil_mode, axis_name="height",
                                                convention=convention))
        cols = AxisGeometry(explain_output_size(w, kw, sw, left, right, dw, ceil_mode, axis_name="width",
                                                convention=convention))
        if convention == "paddle":
            return cls(rows, cols)
        for axis, name in ((rows, "height"), (cols, "width")):
            empty = ~axis.real_taps().any(axis=1)
            if empty.any():
                o = int(np.flatnonzero(empty)[0])
                raise PoolingError(
                    f"padding is too large: along the {name}, window {o} covers "
                    f"[{axis.starts[o]}, {axis.stops[o]}) and every cell it touches is padding; "
                    f"every window must hold at least one real input cell, so use less padding"
                    + (" or a smaller dilation" if axis.dilation > 1 else ""),
                    "window_all_padding", axis=name, window=o, start=int(axis.starts[o]),
                    stop=int(axis.stops[o]), dilation=axis.dilation,
                )
        return cls(rows, cols)
