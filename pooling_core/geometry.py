"""Where the windows are: the one place that turns kernel, stride, padding,
dilation and ceil mode into window positions and an output size.

Every operation, every trace and every formula the lessons show asks this
module, so a picture can never disagree with the arrays it describes.

Coordinates are *input* coordinates: a window that starts in the top padding
has a negative start, one that reaches into the bottom padding a stop past the
input's size.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from functools import cached_property

import numpy as np

__all__ = [
    "AxisGeometry",
    "SizeDerivation",
    "NoWindowError",
    "Geometry",
    "explain_output_size",
    "output_size",
    "same_padding",
    "paddle_padding",
    "normalize_padding",
    "as_pair",
]


def _as_int(value, name: str) -> int:
    """Return ``value`` as a Python int, or raise ``ValueError`` naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(
            f"{name} must be a whole number, got {value!r} ({type(value).__name__}); "
            f"pass an int such as 2"
        )
    return int(value)


def as_pair(value, name: str, *, minimum: int = 1) -> tuple[int, int]:
    """Read an int or an ``(h, w)`` pair, each at least ``minimum``.

    >>> as_pair(2, "kernel_size")
    (2, 2)
    >>> as_pair((3, 1), "stride")
    (3, 1)
    """
    if isinstance(value, (tuple, list, np.ndarray)):
        items = list(np.asarray(value, dtype=object).ravel()) if isinstance(value, np.ndarray) else list(value)
        if len(items) != 2:
            raise ValueError(
                f"{name} must be an int or a pair (h, w), got {value!r} with {len(items)} entries"
            )
        pair = (_as_int(items[0], f"{name}[0]"), _as_int(items[1], f"{name}[1]"))
    else:
        v = _as_int(value, name)
        pair = (v, v)
    for axis, v in zip("hw", pair):
        if v < minimum:
            raise ValueError(
                f"{name} must be at least {minimum} on every axis, got {value!r} "
                f"({axis} = {v}); use {name}={minimum} or more"
            )
    return pair


def same_padding(size: int, kernel: int, stride: int, dilation: int = 1) -> tuple[int, int]:
    """TensorFlow's (and PaddlePaddle's) ``"SAME"`` padding for one axis.

    The output keeps ``ceil(size / stride)`` cells; the padding needed for that
    is split in two with the odd extra cell going *after* (bottom or right).

    Returns
    -------
    (pad_before, pad_after)

    >>> same_padding(5, 2, 2)      # out = 3 needs 1 extra cell, at the end
    (0, 1)
    >>> same_padding(4, 3, 1)
    (1, 1)
    """
    size = _as_int(size, "size")
    kernel, stride, dilation = (_as_int(v, n) for v, n in ((kernel, "kernel"), (stride, "stride"), (dilation, "dilation")))
    if size < 1 or kernel < 1 or stride < 1 or dilation < 1:
        raise ValueError(
            f"same_padding needs size, kernel, stride and dilation >= 1, got "
            f"size={size}, kernel={kernel}, stride={stride}, dilation={dilation}"
        )
    out = -(-size // stride)
    span = (kernel - 1) * dilation + 1
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def paddle_padding(padding, *, input_size=None, kernel_size=None, stride=None, dilation=1):
    """Translate PaddlePaddle's padding spellings into ``(top, bottom, left, right)``.

    Parameters
    ----------
    padding : str or nested list
        ``[[0, 0], [0, 0], [pt, pb], [pl, pr]]`` (NCHW, one pair per dimension),
        ``[pt, pb, pl, pr]``, ``[ph, pw]``, an int, or the strings ``"SAME"`` /
        ``"VALID"``.
    input_size, kernel_size, stride, dilation : int or (h, w)
        Needed only for ``"SAME"``, whose padding depends on them.

    >>> paddle_padding([[0, 0], [0, 0], [1, 2], [0, 1]])
    (1, 2, 0, 1)
    >>> paddle_padding("SAME", input_size=(5, 5), kernel_size=2, stride=2)
    (0, 1, 0, 1)
    """
    if isinstance(padding, str):
        word = padding.strip().upper()
        if word == "VALID":
            return (0, 0, 0, 0)
        if word == "SAME":
            if input_size is None or kernel_size is None:
                raise ValueError(
                    'padding="SAME" needs input_size and kernel_size to work out the padding'
                )
            (h, w) = as_pair(input_size, "input_size")
            (kh, kw) = as_pair(kernel_size, "kernel_size")
            (sh, sw) = as_pair(kernel_size if stride is None else stride, "stride")
            (dh, dw) = as_pair(dilation, "dilation")
            return same_padding(h, kh, sh, dh) + same_padding(w, kw, sw, dw)
        raise ValueError(f'padding string must be "SAME" or "VALID", got {padding!r}')
    if isinstance(padding, (list, tuple)) and len(padding) == 4 and all(
        isinstance(p, (list, tuple)) for p in padding
    ):
        pairs = [tuple(p) for p in padding]
        if any(len(p) != 2 for p in pairs):
            raise ValueError(f"padding pairs must have two entries each, got {padding!r}")
        if any(_as_int(v, "padding") != 0 for v in pairs[0] + pairs[1]):
            raise ValueError(
                f"padding of the batch and channel dimensions must be [0, 0], got {padding!r}"
            )
        return normalize_padding(pairs[2] + pairs[3])
    return normalize_padding(padding)


def normalize_padding(padding) -> tuple[int, int, int, int]:
    """Read ``padding`` as ``(top, bottom, left, right)``.

    Accepts an int (all four sides), ``(p_h, p_w)`` (top = bottom = p_h,
    left = right = p_w) or ``(top, bottom, left, right)``: the tutorial's
    p_h1, p_h2, p_w1, p_w2.
    """
    if isinstance(padding, (tuple, list, np.ndarray)):
        items = list(np.asarray(padding, dtype=object).ravel()) if isinstance(padding, np.ndarray) else list(padding)
        if len(items) == 2:
            ph, pw = (_as_int(v, "padding") for v in items)
            pads = (ph, ph, pw, pw)
        elif len(items) == 4:
            pads = tuple(_as_int(v, "padding") for v in items)
        else:
            raise ValueError(
                f"padding must be an int, (p_h, p_w) or (top, bottom, left, right), "
                f"got {padding!r} with {len(items)} entries"
            )
    else:
        p = _as_int(padding, "padding")
        pads = (p, p, p, p)
    if min(pads) < 0:
        raise ValueError(f"padding must not be negative, got {padding!r}; use 0 for no padding")
    return pads


@dataclass(frozen=True)
class SizeDerivation:
    """Every number in the output-size formula, for one axis.

    ``out = round((size + pad_before + pad_after - span) / stride) + 1`` where
    ``span = (kernel - 1) * dilation + 1`` and ``round`` is floor, or ceil in
    ceil mode; in ceil mode a last window that would start past the input and
    its leading padding is dropped (``dropped_last``).
    """

    size: int
    kernel: int
    stride: int
    pad_before: int
    pad_after: int
    dilation: int
    ceil_mode: bool
    span: int
    numerator: int
    quotient: float
    rounded: int
    dropped_last: bool
    out: int

    @property
    def exact(self) -> bool:
        """True when the stride divides the numerator: floor and ceil agree."""
        return self.numerator % self.stride == 0

    @property
    def padded_size(self) -> int:
        """The input with both paddings: ``size + pad_before + pad_after``."""
        return self.size + self.pad_before + self.pad_after

    @property
    def last_start(self) -> int:
        """Where the last window starts, in input coordinates (before a ceil-mode drop)."""
        return self.rounded * self.stride - self.pad_before

    @property
    def past_end(self) -> int:
        """How far the last kept window ends past the padded input (negative: short of it)."""
        return (self.out - 1) * self.stride - self.numerator

    @property
    def uncovered(self) -> int:
        """Cells at the end of the padded input that no window reaches (floor left them out)."""
        return max(-self.past_end, 0) if self.out >= 1 else 0

    @property
    def overhang(self) -> int:
        """Cells the last window reaches past the padded input (ceil mode)."""
        return max(self.past_end, 0) if self.out >= 1 else 0


class NoWindowError(ValueError):
    """No window fits along an axis. ``derivation`` holds the formula's numbers
    down to the output size of 0 or less, so a lesson can show why."""

    def __init__(self, message: str, derivation: SizeDerivation):
        super().__init__(message)
        self.derivation = derivation


def explain_output_size(size, kernel, stride, pad_before=0, pad_after=0, dilation=1,
                        ceil_mode=False, *, axis_name="size") -> SizeDerivation:
    """Derive the output size along one axis, keeping every intermediate number.

    Raises :class:`NoWindowError` (a ``ValueError``) when no window fits. As in PyTorch, ceil mode keeps
    a first window that hangs past the padded input when rounding up makes
    room for it (its overhang counts as nothing, not even padding).
    """
    size = _as_int(size, axis_name)
    kernel = _as_int(kernel, "kernel_size")
    stride = _as_int(stride, "stride")
    pad_before = _as_int(pad_before, "padding")
    pad_after = _as_int(pad_after, "padding")
    dilation = _as_int(dilation, "dilation")
    for value, name in ((kernel, "kernel_size"), (stride, "stride"), (dilation, "dilation")):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    if pad_before < 0 or pad_after < 0:
        raise ValueError(f"padding must not be negative, got ({pad_before}, {pad_after})")
    if size < 1:
        raise ValueError(f"the input {axis_name} must be at least 1, got {size}")
    span = (kernel - 1) * dilation + 1
    numerator = size + pad_before + pad_after - span
    # Python's // floors, also for a negative numerator, so -(-n // s) is ceil.
    rounded = -(-numerator // stride) if ceil_mode else numerator // stride
    out = rounded + 1
    if out < 1:
        padded = size + pad_before + pad_after
        raise NoWindowError(
            f"kernel_size={kernel}"
            + (f" with dilation={dilation} (a window {span} cells wide)" if dilation > 1 else "")
            + f" does not fit in the padded input {axis_name} {size} + {pad_before} + {pad_after} = "
            f"{padded}: use a window at most {padded} cells wide, or more padding",
            SizeDerivation(size, kernel, stride, pad_before, pad_after, dilation, bool(ceil_mode),
                           span, numerator, numerator / stride, rounded, False, out),
        )
    dropped = False
    if ceil_mode and (out - 1) * stride >= size + pad_before:
        out -= 1
        dropped = True
    return SizeDerivation(size, kernel, stride, pad_before, pad_after, dilation, bool(ceil_mode),
                          span, numerator, numerator / stride, rounded, dropped, out)


def output_size(size, kernel, stride, pad_before=0, pad_after=0, dilation=1, ceil_mode=False) -> int:
    """Number of windows along one axis (PyTorch's rule, with asymmetric padding).

    >>> output_size(4, 2, 2)                     # the tutorial's figure 1
    2
    >>> output_size(5, 2, 2), output_size(5, 2, 2, ceil_mode=True)
    (2, 3)
    """
    return explain_output_size(size, kernel, stride, pad_before, pad_after, dilation, ceil_mode).out


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
        """
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
    def tap_plan(self) -> tuple:
        """``(offset, out_rows, out_cols, in_rows, in_cols)`` for every kernel offset
        that lands on a real cell somewhere, in row-major offset order: the loop
        every fast kernel runs (see :meth:`tap_slices`)."""
        plan = []
        for offset, (i, j) in enumerate(self.offsets()):
            where = self.tap_slices(i, j)
            if where is not None:
                (orow, ocol), (irow, icol) = where
                plan.append((offset, orow, ocol, irow, icol))
        return tuple(plan)

    @cached_property
    def first_writers(self) -> tuple[bool, ...]:
        """For each :attr:`tap_plan` entry: is it the first offset to reach its cells?

        Offset ``(i, j)`` reaches the input rows congruent to ``i * d_h - p_top``
        modulo the stride (likewise columns), so it shares cells with an earlier
        offset only if that one lands on the same row and column lattice. A
        backward pass may *write* a first writer's gradient instead of adding it.
        """
        seen, first = set(), []
        for offset, *_ in self.tap_plan:
            i, j = divmod(offset, self.cols.kernel)
            lattice = ((i * self.rows.dilation) % self.rows.stride, (j * self.cols.dilation) % self.cols.stride)
            first.append(lattice not in seen)
            seen.add(lattice)
        return tuple(first)

    def divisor(self, count_include_pad: bool) -> np.ndarray:
        """(H_out, W_out) number of taps each average is divided by.

        With ``count_include_pad`` the zero padding counts (but not the
        ceil-mode overhang past it); otherwise only real cells count.
        """
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
    def build(cls, in_shape, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
        """Check every parameter and place the windows for an ``(H, W)`` input."""
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
        rows = AxisGeometry(explain_output_size(h, kh, sh, top, bottom, dh, ceil_mode, axis_name="height"))
        cols = AxisGeometry(explain_output_size(w, kw, sw, left, right, dw, ceil_mode, axis_name="width"))
        for axis, name in ((rows, "height"), (cols, "width")):
            empty = ~axis.real_taps().any(axis=1)
            if empty.any():
                o = int(np.flatnonzero(empty)[0])
                raise ValueError(
                    f"padding is too large: along the {name}, window {o} covers "
                    f"[{axis.starts[o]}, {axis.stops[o]}) and every cell it touches is padding; "
                    f"every window must hold at least one real input cell, so use less padding"
                    + (" or a smaller dilation" if axis.dilation > 1 else "")
                )
        return cls(rows, cols)
