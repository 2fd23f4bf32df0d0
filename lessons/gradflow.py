"""Where the gradient goes: the numbers behind the backward lesson's pictures.

The input gradient itself is ``res.backward(grad_output)`` from ``pooling_core``;
this module lays it over the padded input, so that the share average pooling
hands to padding can be seen (:func:`padded_gradient`), counts how many windows
touch or pick each cell (:func:`touch_counts`, :func:`route_counts`), and says
whether the total gradient is preserved, and why, from the sums themselves
(:func:`sum_report`). NumPy only.

>>> from pooling_core import pool2d
>>> res = pool2d(np.arange(1.0, 17.0).reshape(4, 4), 2, mode="avg")   # figure 1
>>> pg = padded_gradient(res, np.ones((2, 2)))
>>> pg.grad_input[0].tolist(), copy_gradient(res, np.ones((2, 2)))[0].tolist()
([0.25, 0.25, 0.25, 0.25], [1.0, 1.0, 1.0, 1.0])
>>> sum_report(res, np.ones((2, 2)), pg, touch_counts(res).real).reason
'avg_exact'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import PoolResult

__all__ = ["PaddedGrid", "PaddedGradient", "on_padded", "padded_gradient", "copy_gradient", "touch_counts",
           "route_counts", "SumReport", "sum_report", "sum_factor"]


@dataclass(frozen=True, eq=False)
class PaddedGrid:
    """Values over the padded input (``geometry.extent``), top-left cell at
    ``(row0, col0)`` in input coordinates; ``padding`` marks the cells outside the input."""

    values: np.ndarray
    padding: np.ndarray
    row0: int
    col0: int

    @property
    def real(self) -> np.ndarray:
        """The values on the input's own cells, shape (H, W)."""
        inside = ~self.padding
        return self.values[inside].reshape(int(inside.any(axis=1).sum()), int(inside.any(axis=0).sum()))


def on_padded(geometry, plane, dtype=float) -> PaddedGrid:
    """``plane`` (H, W) placed in a grid of zeros covering the input, its padding and every window."""
    r_lo, r_hi, c_lo, c_hi = geometry.extent
    h, w = geometry.rows.size, geometry.cols.size
    values = np.zeros((r_hi - r_lo, c_hi - c_lo), dtype=dtype)
    values[-r_lo:-r_lo + h, -c_lo:-c_lo + w] = plane
    padding = np.ones(values.shape, bool)
    padding[-r_lo:-r_lo + h, -c_lo:-c_lo + w] = False
    return PaddedGrid(values, padding, r_lo, c_lo)


@dataclass(frozen=True, eq=False)
class PaddedGradient(PaddedGrid):
    """The input gradient drawn over the padded input.

    Real cells hold ``grad_input = res.backward(grad_output)``; a padding cell
    holds the shares that landed there and were dropped (average pooling that
    counts padding), else 0. ``counted`` marks the padding cells some window
    counts in its divisor.
    """

    grad_input: np.ndarray
    counted: np.ndarray

    @property
    def lost(self) -> float:
        return float(self.values[self.padding].sum())

    @property
    def lost_abs(self) -> float:
        return float(np.abs(self.values[self.padding]).sum())


def padded_gradient(res: PoolResult, grad_output) -> PaddedGradient:
    """``res.backward(grad_output)`` plus the shares that fell on padding (see :class:`PaddedGradient`).

    >>> from pooling_core import pool2d
    >>> pg = padded_gradient(pool2d(np.ones((2, 2)), 2, 1, 1, mode="avg"), np.ones((3, 3)))
    >>> float(pg.grad_input.sum()), pg.lost
    (4.0, 5.0)
    """
    grad_output = np.asarray(grad_output, dtype=float)
    grad_input = res.backward(grad_output)
    grid = on_padded(res.geometry, grad_input)
    counted = np.zeros(grid.values.shape, bool)
    if res.mode == "avg" and res.count_include_pad:
        for rec in res.trace.windows():  # each window hands grad / divisor to every counted cell
            rr, cc = np.nonzero(rec.counted & rec.is_padding)
            r, c = rec.rows[rr] - grid.row0, rec.cols[cc] - grid.col0
            grid.values[r, c] += grad_output[rec.out_row, rec.out_col] / rec.divisor
            counted[r, c] = True
    return PaddedGradient(grid.values, grid.padding, grid.row0, grid.col0, grad_input, counted)


def copy_gradient(res: PoolResult, grad_output) -> np.ndarray:
    """The mistake: every cell of a window gets the window's WHOLE gradient
    (copied, not shared). Average pooling hands out ``grad / divisor``, so
    handing out ``grad * divisor`` copies it."""
    if res.mode != "avg":
        raise ValueError("the copy mistake is about average pooling (mode='avg')")
    return res.backward(np.asarray(grad_output, dtype=float) * res.divisor)


def touch_counts(res: PoolResult) -> PaddedGrid:
    """How many windows touch each cell of the padded input.

    A window is a row window times a column window, so the count at ``(r, c)``
    is (row windows holding r) × (column windows holding c).
    """
    g = res.geometry
    grid = on_padded(g, np.zeros((g.rows.size, g.cols.size), dtype=int), dtype=int)
    h, w = grid.values.shape
    per_row = np.bincount((g.rows.taps() - grid.row0).ravel(), minlength=h)[:h]
    per_col = np.bincount((g.cols.taps() - grid.col0).ravel(), minlength=w)[:w]
    return PaddedGrid(np.outer(per_row, per_col), grid.padding, grid.row0, grid.col0)


def route_counts(res: PoolResult) -> np.ndarray:
    """(H, W): how many windows picked each cell as their maximum (max only)."""
    h, w = res.input.shape[-2:]
    return np.bincount(res.indices.ravel(), minlength=h * w).reshape(h, w)


@dataclass(frozen=True)
class SumReport:
    """Is the total gradient preserved? Every field is computed from numbers.

    ``reason`` is one of
    ``"max_one_cell"``: max pooling, every gradient went whole to one cell;
    ``"avg_exact"``: no window counts padding, each window hands out exactly its gradient;
    ``"avg_zero_on_padding"``: windows count padding, but the shares that land there are all 0;
    ``"avg_cancel"``: shares land on padding but add up to 0 (positive and negative cancel);
    ``"avg_lost"``: the shares that landed on padding are missing from the sum;
    ``"differs"``: none of the above explains the difference (not expected).
    """

    mode: str
    upstream: float
    received: float
    lost: float
    preserved: bool
    reason: str
    shared_cells: int  # cells that receive gradient from more than one window
    most: int  # the most windows that one cell receives from
    most_at: tuple[int, int]


def sum_report(res: PoolResult, grad_output, gradient: PaddedGradient, senders) -> SumReport:
    """Compare the upstream sum with what reached the input, and say why they
    agree or differ (see :class:`SumReport`), from the numbers alone.

    ``gradient`` is :func:`padded_gradient` of the same call; ``senders`` (H, W)
    counts the windows that send gradient to each input cell: the windows
    touching it (average, :func:`touch_counts`) or picking it (max, :func:`route_counts`).
    """
    g = np.asarray(grad_output, dtype=float)
    senders = np.asarray(senders)
    upstream, received = float(g.sum()), float(gradient.grad_input.sum())
    tol = 1e-9 * max(1.0, float(np.abs(g).sum()))
    preserved = abs(upstream - received) <= tol
    if res.mode == "max":
        reason = "max_one_cell" if preserved else "differs"
    elif preserved:
        reason = ("avg_cancel" if gradient.lost_abs > tol else
                  "avg_zero_on_padding" if gradient.counted.any() else "avg_exact")
    else:
        reason = "avg_lost" if abs(upstream - received - gradient.lost) <= tol else "differs"
    most_at = np.unravel_index(int(np.argmax(senders)), senders.shape)
    return SumReport(res.mode, upstream, received, gradient.lost, preserved, reason,
                     shared_cells=int((senders > 1).sum()), most=int(senders.max()),
                     most_at=(int(most_at[0]), int(most_at[1])))


def sum_factor(total: float, upstream: float) -> float | None:
    """``total / upstream``, or None when the upstream sum is 0."""
    return None if abs(upstream) < 1e-12 else total / upstream
