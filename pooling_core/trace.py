"""Per-window traces: the story of every window, for the lesson pages.

A trace is built from the very arrays the fast code used (window starts from
:class:`~pooling_core.geometry.Geometry`, the divisor, the argmax offsets), and
only when somebody reads it, so a big input pays nothing for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import PoolingError

__all__ = ["PoolTrace", "WindowRecord"]


@dataclass(frozen=True)
class WindowRecord:
    """One window of one input plane, everything a page needs to draw it.

    Attributes
    ----------
    step : int
        Position in raster order (0 = top-left window, then left to right).
    out_row, out_col : int
        The output cell this window fills.
    row_start, row_stop, col_start, col_stop : int
        Half-open extent in input coordinates, before clipping.
    rows, cols : ndarray of int, shapes (k_h,) and (k_w,)
        Input coordinates of the cells (taps) the window reads.
    is_padding : ndarray of bool, shape (k_h, k_w)
        True where a tap falls outside the input.
    counted : ndarray of bool, shape (k_h, k_w)
        Taps that count in an average's divisor.
    values : ndarray, shape (k_h, k_w)
        The tapped values, 0 where the tap is padding (zero padding).
    output : float
        The pooled value, as in ``PoolResult.output``.
    mode : str
    total, divisor : float, int
        Average pooling: ``output = total / divisor`` (None for max).
    argmax : (row, col) or None
        Max pooling: input coordinates of the winning cell.
    argmax_tap : (i, j) or None
        Max pooling: the winning cell's position inside the window.
    """

    step: int
    out_row: int
    out_col: int
    row_start: int
    row_stop: int
    col_start: int
    col_stop: int
    rows: np.ndarray
    cols: np.ndarray
    is_padding: np.ndarray
    counted: np.ndarray
    values: np.ndarray
    output: float
    mode: str
    total: float | None
    divisor: int | None
    argmax: tuple[int, int] | None
    argmax_tap: tuple[int, int] | None

    @property
    def real_values(self) -> np.ndarray:
        """The values of the real cells, in row-major order."""
        return self.values[~self.is_padding]


class PoolTrace:
    """Lazy per-window view of a :class:`~pooling_core.pool.PoolResult`.

    ``row_start`` etc. are ``(H_out, W_out)`` integer arrays; ``window(i, j)``
    returns a :class:`WindowRecord`; ``windows()`` lists them in raster order.
    """

    def __init__(self, result):
        self._result = result
        self.geometry = result.geometry
        self.mode = result.mode

    def _grid(self, per_row: np.ndarray, per_col: np.ndarray):
        ho, wo = self.geometry.out_shape
        return (np.broadcast_to(per_row[:, None], (ho, wo)).copy(),
                np.broadcast_to(per_col[None, :], (ho, wo)).copy())

    @cached_property
    def row_start(self) -> np.ndarray:
        return self._grid(self.geometry.rows.starts, self.geometry.cols.starts)[0]

    @cached_property
    def row_stop(self) -> np.ndarray:
        return self._grid(self.geometry.rows.stops, self.geometry.cols.stops)[0]

    @cached_property
    def col_start(self) -> np.ndarray:
        return self._grid(self.geometry.rows.starts, self.geometry.cols.starts)[1]

    @cached_property
    def col_stop(self) -> np.ndarray:
        return self._grid(self.geometry.rows.stops, self.geometry.cols.stops)[1]

    @property
    def divisor(self) -> np.ndarray | None:
        """(H_out, W_out) divisor of each average (None for max pooling)."""
        return self._result.divisor if self.mode == "avg" else None

    @property
    def n_windows(self) -> int:
        ho, wo = self.geometry.out_shape
        return ho * wo

    @property
    def extent(self) -> tuple[int, int, int, int]:
        """``(row_lo, row_hi, col_lo, col_hi)``: the input, its padding and every
        window together, half-open, in input coordinates. What a picture of the
        padded input should show."""
        return self.geometry.extent

    def _plane(self, plane) -> tuple[int, ...]:
        lead = self._result.input.shape[:-2]
        if plane is None:
            return (0,) * len(lead)
        plane = tuple(np.atleast_1d(plane).tolist())
        if len(plane) != len(lead) or any(not 0 <= p < n for p, n in zip(plane, lead)):
            raise PoolingError(f"plane must index the leading dimensions {lead}, got {plane}",
                               "plane_range", shape=lead, value=plane)
        return plane

    def window(self, i: int, j: int, plane=None) -> WindowRecord:
        """The window that produced output cell ``(i, j)`` of one input plane.

        ``plane`` indexes the leading (batch, channel) dimensions; the first
        plane by default.
        """
        g = self.geometry
        ho, wo = g.out_shape
        if not (0 <= i < ho and 0 <= j < wo):
            raise PoolingError(f"window ({i}, {j}) is outside the output grid {ho}x{wo}",
                               "window_range", i=i, j=j, rows=ho, cols=wo)
        p = self._plane(plane)
        x = self._result.input[p]
        rows = g.rows.taps()[i]
        cols = g.cols.taps()[j]
        real = np.outer(g.rows.real_taps()[i], g.cols.real_taps()[j])
        counted = real | (self._result.count_include_pad
                          & np.outer(g.rows.padded_taps()[i], g.cols.padded_taps()[j]))
        values = np.zeros(real.shape, dtype=x.dtype)
        rr, cc = np.nonzero(real)
        values[rr, cc] = x[rows[rr], cols[cc]]
        output = self._result.output[p + (i, j)]
        total = divisor = argmax = argmax_tap = None
        if self.mode == "avg":
            divisor = int(self._result.divisor[i, j])
            total = float(np.sum(values[real]))
        else:
            off = int(self._result.argmax_offset[p + (i, j)])
            if off >= 0:  # -1: Paddle's window kept its start value, no cell won
                argmax_tap = divmod(off, g.cols.kernel)
                argmax = (int(rows[argmax_tap[0]]), int(cols[argmax_tap[1]]))
        return WindowRecord(
            step=i * wo + j, out_row=i, out_col=j,
            row_start=int(g.rows.starts[i]), row_stop=int(g.rows.stops[i]),
            col_start=int(g.cols.starts[j]), col_stop=int(g.cols.stops[j]),
            rows=rows, cols=cols, is_padding=~real, counted=counted if self.mode == "avg" else real,
            values=values, output=float(output), mode=self.mode, total=total,
            divisor=divisor, argmax=argmax, argmax_tap=argmax_tap,
        )

    def windows(self, plane=None) -> list[WindowRecord]:
        """Every window of one plane, in raster order (meant for small inputs)."""
        ho, wo = self.geometry.out_shape
        return [self.window(i, j, plane) for i in range(ho) for j in range(wo)]
