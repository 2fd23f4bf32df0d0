"""Lesson 6, the backward pass: where each output gradient goes, and the pictures.

The numbers come from ``pooling_core`` (``res.backward``, ``res.indices``,
``res.trace``); this module only arranges them: the upstream gradient presets,
the gradient drawn over the padded input (so the share that falls on padding
can be seen), how many windows touch each cell, and a verdict on whether the
total gradient is preserved, derived from the sums themselves.
Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from pooling_core import pool2d

from ..gradcheck import GradCheck, gradcheck, tied_windows
from .grid import (
    CELL_SCALE,
    GRAD_SCALE,
    HIGHLIGHT,
    cell_shape,
    fmt,
    grid_figure,
    padded_view,
    window_color,
    window_shape,
)

INPUT_PRESETS = ("ramp", "random", "ties")
UPSTREAM_PRESETS = ("ones", "range", "random", "custom")


# ---------------------------------------------------------------- inputs

def make_input(preset: str, n: int, seed: int = 0) -> np.ndarray:
    """An ``(n, n)`` input: ``"ramp"`` 1..n² row by row (the tutorial's figure 1
    for n = 4), ``"random"`` the same numbers shuffled, ``"ties"`` small whole
    numbers 0..3, so that windows hold equal maxima."""
    rng = np.random.default_rng(seed)
    if preset == "ramp":
        return np.arange(1, n * n + 1, dtype=float).reshape(n, n)
    if preset == "random":
        return (rng.permutation(n * n) + 1).astype(float).reshape(n, n)
    if preset == "ties":
        return rng.integers(0, 4, size=(n, n)).astype(float)
    raise ValueError(f"input preset must be one of {INPUT_PRESETS}, got {preset!r}")


def parse_grid(text: str, shape) -> np.ndarray | None:
    """Numbers typed by the user (spaces, commas, semicolons or new lines
    between them), read row by row into ``shape``; None if they do not fit."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    try:
        values = np.array([float(p) for p in parts])
    except ValueError:
        return None
    if values.size != int(np.prod(shape)) or not np.isfinite(values).all():
        return None
    return values.reshape(shape)


def make_upstream(preset: str, shape, seed: int = 0, text: str = "") -> np.ndarray | None:
    """The gradient arriving at each output cell.

    ``"ones"``; ``"range"`` 1, 2, … in raster order; ``"random"`` whole numbers
    from −3 to 3; ``"custom"`` the numbers in ``text`` (None if they do not fit).
    """
    shape = tuple(shape)
    if preset == "ones":
        return np.ones(shape)
    if preset == "range":
        return np.arange(1, int(np.prod(shape)) + 1, dtype=float).reshape(shape)
    if preset == "random":
        return np.random.default_rng(seed).integers(-3, 4, size=shape).astype(float)
    if preset == "custom":
        return parse_grid(text, shape)
    raise ValueError(f"upstream preset must be one of {UPSTREAM_PRESETS}, got {preset!r}")


# ---------------------------------------------------------------- where the gradient goes

def _counted_padding(res, i: int, j: int) -> list[tuple[int, int]]:
    """Padding cells that window (i, j) counts in its divisor (avg only)."""
    if res.mode != "avg" or not res.count_include_pad:
        return []
    rec = res.trace.window(i, j)
    rr, cc = np.nonzero(rec.counted & rec.is_padding)
    return [(int(rec.rows[a]), int(rec.cols[b])) for a, b in zip(rr, cc)]


@dataclass(frozen=True)
class PaddedGradient:
    """The input gradient drawn over the padded input.

    ``values`` covers ``trace.extent`` starting at ``(row0, col0)``: real cells
    hold ``res.backward(grad_output)``, padding cells the shares that landed
    there and were dropped (average pooling with padding counted), else 0.
    """

    values: np.ndarray
    padding: np.ndarray
    row0: int
    col0: int
    grad_input: np.ndarray

    @property
    def lost(self) -> float:
        return float(self.values[self.padding].sum())

    @property
    def lost_abs(self) -> float:
        return float(np.abs(self.values[self.padding]).sum())


def padded_gradient(res, grad_output) -> PaddedGradient:
    """``res.backward(grad_output)`` plus the shares that fell on padding (see :class:`PaddedGradient`)."""
    grad_output = np.asarray(grad_output, dtype=float)
    grad_input = res.backward(grad_output)
    values, pad, r0, c0 = padded_view(res.trace, grad_input)
    ho, wo = res.geometry.out_shape
    for i in range(ho):
        for j in range(wo):
            for r, c in _counted_padding(res, i, j):
                values[r - r0, c - c0] += grad_output[i, j] / res.divisor[i, j]
    return PaddedGradient(values, pad, r0, c0, grad_input)


def copy_gradient(res, grad_output) -> np.ndarray:
    """The mistake: every cell of a window gets the window's WHOLE gradient
    (copied, not shared). Average pooling hands out ``grad / divisor``, so
    handing out ``grad * divisor`` copies it."""
    if res.mode != "avg":
        raise ValueError("the copy mistake is about average pooling (mode='avg')")
    return res.backward(np.asarray(grad_output, dtype=float) * res.divisor)


def window_counts(res):
    """How many windows touch each cell of the padded input.

    Returns ``(counts, padding_mask, row0, col0)`` over ``trace.extent``.
    """
    r_lo, r_hi, c_lo, c_hi = res.trace.extent
    counts = np.zeros((r_hi - r_lo, c_hi - c_lo), dtype=int)
    rows, cols = res.geometry.rows.taps(), res.geometry.cols.taps()
    for r in rows:
        for c in cols:
            np.add.at(counts, np.ix_(r - r_lo, c - c_lo), 1)
    _, pad, _, _ = padded_view(res.trace, np.zeros(res.input.shape[-2:]))
    return counts, pad, r_lo, c_lo


def route_counts(res) -> np.ndarray:
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


def sum_report(res, grad_output) -> SumReport:
    """Compare the upstream sum with what reached the input, and say why they
    agree or differ (see :class:`SumReport`), from the numbers alone."""
    g = np.asarray(grad_output, dtype=float)
    pg = padded_gradient(res, g)
    upstream, received = float(g.sum()), float(pg.grad_input.sum())
    tol = 1e-9 * max(1.0, float(np.abs(g).sum()))
    preserved = abs(upstream - received) <= tol
    if res.mode == "max":
        senders = route_counts(res)
    else:
        counts, pad, _, _ = window_counts(res)
        senders = counts[~pad].reshape(res.input.shape[-2:])
    most_at = np.unravel_index(int(np.argmax(senders)), senders.shape)
    if res.mode == "max":
        reason = "max_one_cell" if preserved else "differs"
    elif preserved:
        counts_padding = any(_counted_padding(res, i, j) for i in range(g.shape[0]) for j in range(g.shape[1]))
        reason = ("avg_cancel" if pg.lost_abs > tol else
                  "avg_zero_on_padding" if counts_padding else "avg_exact")
    else:
        reason = "avg_lost" if abs(upstream - received - pg.lost) <= tol else "differs"
    return SumReport(res.mode, upstream, received, pg.lost, preserved, reason,
                     shared_cells=int((senders > 1).sum()), most=int(senders.max()),
                     most_at=(int(most_at[0]), int(most_at[1])))


def sum_factor(total: float, upstream: float) -> float | None:
    """``total / upstream``, or None when the upstream sum is 0."""
    return None if abs(upstream) < 1e-12 else total / upstream


# ---------------------------------------------------------------- figures

HEADROOM = 1.5  # the colour scale reaches past the largest value, so black text stays readable


def _shown_windows(res) -> list[int]:
    """Raster steps of the windows to outline: all of them when they sit side by
    side, else the first one and its right and lower neighbours, to show the overlap."""
    g = res.geometry
    ho, wo = g.out_shape
    overlap = g.rows.stride < g.rows.span or g.cols.stride < g.cols.span
    if not overlap and ho * wo <= 16:
        return list(range(ho * wo))
    return sorted({0, min(1, wo - 1), wo if ho > 1 else 0})


def _window_outlines(res, fill_alpha=0.0) -> list[dict]:
    t = res.trace
    out = []
    for step in _shown_windows(res):
        i, j = divmod(step, res.geometry.out_shape[1])
        out.append(window_shape(int(t.row_start[i, j]), int(t.row_stop[i, j]), int(t.col_start[i, j]),
                                int(t.col_stop[i, j]), window_color(step), fill_alpha=fill_alpha, width=3))
    return out


MAX_OUTLINES = 64  # more outlined cells than this say nothing and slow the figure down


def _cell_outlines(cells) -> list[dict]:
    cells = sorted(set(cells))
    if len(cells) > MAX_OUTLINES:
        return []
    return [cell_shape(r, c, HIGHLIGHT, width=4) for r, c in cells]


def _argmax_outlines(res) -> list[dict]:
    w = res.input.shape[-1]
    return _cell_outlines(divmod(int(k), w) for k in res.indices.ravel())


def input_figure(res, *, title: str = "", padding_label: str = "pad", mark_argmax: bool = False) -> go.Figure:
    """The input with its padding, window outlines and (max) the recorded argmax cells."""
    values, pad, r0, c0 = padded_view(res.trace, res.input)
    fig = grid_figure(values, row0=r0, col0=c0, padding=pad, title=title, padding_label=padding_label)
    shapes = _window_outlines(res, fill_alpha=0.18)
    if mark_argmax and res.mode == "max":
        shapes += _argmax_outlines(res)
    fig.update_layout(shapes=shapes)
    return fig


def gradient_figure(values, *, padding=None, row0: int = 0, col0: int = 0, zmax: float | None = None,
                    title: str = "", padding_label: str = "pad", show_lost: bool = False,
                    shapes=()) -> go.Figure:
    """A signed gradient on the blue-white-red scale, centred on 0.

    With ``show_lost`` the padding cells show the share that landed on them."""
    v = np.asarray(values, dtype=float)
    m = float(np.abs(v).max()) if zmax is None and v.size else (zmax or 0.0)
    m = HEADROOM * (m if m > 0 else 1.0)
    lost = None
    if show_lost and padding is not None:  # padding cells show the share they swallowed
        lost = np.where(v != 0, np.vectorize(lambda a: f"{padding_label}<br>{fmt(a)}", otypes=[object])(v),
                        padding_label)
    fig = grid_figure(v, row0=row0, col0=col0, padding=padding, colorscale=GRAD_SCALE,
                      zmin=-m, zmax=m, title=title, padding_label=padding_label, padding_text=lost)
    if shapes:
        fig.update_layout(shapes=list(shapes))
    return fig


def padded_gradient_figure(res, pg: PaddedGradient, *, zmax=None, title="", padding_label="pad") -> go.Figure:
    """:func:`padded_gradient` drawn: real cells, and on padding what was lost there."""
    shapes = _window_outlines(res) + (_argmax_outlines(res) if res.mode == "max" else [])
    return gradient_figure(pg.values, padding=pg.padding if pg.padding.any() else None, row0=pg.row0,
                           col0=pg.col0, zmax=zmax, title=title, padding_label=padding_label,
                           show_lost=True, shapes=shapes)


def upstream_figure(grad_output, *, title: str = "") -> go.Figure:
    """The gradient arriving at each output cell, each cell outlined in its window's colour."""
    g = np.asarray(grad_output, dtype=float)
    ho, wo = g.shape
    shapes = [cell_shape(i, j, window_color(i * wo + j), width=3) for i in range(ho) for j in range(wo)] \
        if ho * wo <= 16 else []
    return gradient_figure(g, title=title, shapes=shapes)


def indices_figure(res, *, title: str = "") -> go.Figure:
    """Max pooling's output with the position of each maximum (the recorded max id).

    Each cell reads ``value`` and ``(row, col)`` of the input cell it came from
    (on outputs larger than 6×6, the flat index alone)."""
    w = res.input.shape[-1]
    idx = res.indices
    text = np.empty(idx.shape, dtype=object)
    small = max(idx.shape) <= 6  # larger grids have no room for two lines: the flat id only
    for (i, j), k in np.ndenumerate(idx):
        r, c = divmod(int(k), w)
        text[i, j] = f"{fmt(res.output[i, j])}<br>({r},{c})" if small else str(int(k))
    fig = grid_figure(res.output, text=text, title=title)
    ho, wo = idx.shape
    if ho * wo <= 16:
        fig.update_layout(shapes=[cell_shape(i, j, window_color(i * wo + j), width=3)
                                  for i in range(ho) for j in range(wo)])
    return fig


def count_figure(counts, *, padding=None, row0: int = 0, col0: int = 0, title: str = "",
                 padding_label: str = "pad") -> go.Figure:
    """Whole-number counts per cell (padding cells show theirs too, in grey)."""
    c = np.asarray(counts)
    counted = np.vectorize(lambda a: f"{padding_label}<br>{int(a)}", otypes=[object])(c) if c.size else None
    fig = grid_figure(c, row0=row0, col0=col0, padding=padding, colorscale=CELL_SCALE, zmin=0,
                      zmax=max(1, int(c.max()) if c.size else 1), title=title, padding_label=padding_label,
                      padding_text=counted)
    return fig


def divisor_figure(res, *, title: str = "") -> go.Figure:
    """Each window's divisor n, on the output grid."""
    return grid_figure(res.divisor, title=title, colorscale=CELL_SCALE, zmin=0)


def check_figures(check, *, titles=("", "")) -> tuple[go.Figure, go.Figure]:
    """Numeric and analytic gradients on one shared scale; tie cells outlined."""
    m = float(max(np.abs(check.numeric).max(), np.abs(check.analytic).max(), 1e-12))
    shapes = _cell_outlines((int(r), int(c)) for r, c in zip(*np.nonzero(check.tie_cells)))
    return (gradient_figure(check.numeric, zmax=m, title=titles[0], shapes=shapes),
            gradient_figure(check.analytic, zmax=m, title=titles[1], shapes=shapes))


# ---------------------------------------------------------------- the lesson, assembled

@dataclass(frozen=True)
class Settings:
    """Everything the page's widgets decide (hashable, so the page can cache on it)."""

    x_preset: str = "ramp"
    n: int = 4
    seed: int = 0
    kernel: int = 2
    stride: int = 2
    padding: int = 0
    count_include_pad: bool = True
    g_preset: str = "ones"
    g_text: str = ""


@dataclass(frozen=True, eq=False)
class Computed:
    """The two pooling calls (average and max) on one input, and the gradients."""

    settings: Settings
    x: np.ndarray
    res_avg: object
    res_max: object
    grad_output: np.ndarray
    upstream_ok: bool  # False when typed numbers did not fit (ones are used instead)
    pg_avg: PaddedGradient
    pg_max: PaddedGradient
    copy: np.ndarray

    @property
    def out_shape(self) -> tuple[int, int]:
        return self.res_avg.output.shape


def compute(settings: Settings) -> Computed:
    """Pool the chosen input both ways and push the upstream gradient back.

    Raises ``ValueError`` (from ``pool2d``) when the settings do not fit together.
    """
    s = settings
    x = make_input(s.x_preset, s.n, s.seed)
    res_avg = pool2d(x, s.kernel, s.stride, s.padding, mode="avg", count_include_pad=s.count_include_pad)
    res_max = pool2d(x, s.kernel, s.stride, s.padding, mode="max")
    g = make_upstream(s.g_preset, res_avg.output.shape, s.seed, s.g_text)
    ok = g is not None
    if not ok:
        g = np.ones(res_avg.output.shape)
    return Computed(settings, x, res_avg, res_max, g, ok, padded_gradient(res_avg, g), padded_gradient(res_max, g),
                    copy_gradient(res_avg, g))


@dataclass(frozen=True, eq=False)
class MainView:
    """Sections 1 to 3: forward recap, average (split vs copy), max (routing)."""

    figures: dict
    divisor: int | None  # the divisor when every window shares it
    windows_partial: bool  # not every window is outlined
    upstream_sum: float
    split_sum: float
    copy_sum: float
    factor: float | None  # copy_sum / upstream_sum
    n_tied: int  # max-pooling windows with a tie


def main_view(c: Computed, text) -> MainView:
    """``text(key)`` translates the titles."""
    pad = text("common.padding_cell")
    ra, rm, g = c.res_avg, c.res_max, c.grad_output
    figs = {
        "input": input_figure(ra, title=text("bw.input_title"), padding_label=pad),
        "upstream": upstream_figure(g, title=text("bw.upstream_title")),
    }
    div = ra.divisor
    uniform = bool((div == div.flat[0]).all())
    if not uniform:
        figs["divisor"] = divisor_figure(ra, title=text("bw.divisor_title"))
    zmax = float(max(np.abs(c.pg_avg.values).max(), np.abs(c.copy).max()))
    figs["split"] = padded_gradient_figure(ra, c.pg_avg, zmax=zmax, title=text("bw.split_title"), padding_label=pad)
    cv, cpad, r0, c0 = padded_view(ra.trace, c.copy)
    figs["copy"] = gradient_figure(cv, padding=cpad if cpad.any() else None, row0=r0, col0=c0, zmax=zmax,
                                   title=text("bw.copy_title"), padding_label=pad, shapes=_window_outlines(ra))
    figs["max_input"] = input_figure(rm, title=text("bw.max_input_title"), padding_label=pad, mark_argmax=True)
    figs["indices"] = indices_figure(rm, title=text("bw.indices_title"))
    figs["max_grad"] = padded_gradient_figure(rm, c.pg_max, title=text("bw.max_grad_title"), padding_label=pad)
    up, copy_sum = float(g.sum()), float(c.copy.sum())
    return MainView(figs, int(div.flat[0]) if uniform else None,
                    len(_shown_windows(ra)) < ra.trace.n_windows, up, float(c.pg_avg.grad_input.sum()),
                    copy_sum, sum_factor(copy_sum, up), int(tied_windows(rm).sum()))


@dataclass(frozen=True, eq=False)
class ModeView:
    """Sections 4 and 5 for one mode: who touches which cell, the sums, the check."""

    figures: dict  # section 4, in display order
    check_figures: tuple
    report: SumReport
    check: GradCheck


def mode_view(c: Computed, mode: str, text) -> ModeView:
    pad = text("common.padding_cell")
    res, pg = (c.res_avg, c.pg_avg) if mode == "avg" else (c.res_max, c.pg_max)
    counts, cpad, r0, c0 = window_counts(res)
    figs = {"touch": count_figure(counts, padding=cpad if cpad.any() else None, row0=r0, col0=c0,
                                  title=text("bw.touch_title"), padding_label=pad)}
    if mode == "max":
        figs["routes"] = count_figure(route_counts(res), title=text("bw.routes_title"))
        figs["routes"].update_layout(shapes=_argmax_outlines(res))
    figs["where_grad"] = padded_gradient_figure(res, pg, title=text(f"bw.grad_title_{mode}"), padding_label=pad)
    check = gradcheck(res, c.grad_output)
    return ModeView(figs, check_figures(check, titles=(text("bw.numeric_title"), text("bw.analytic_title"))),
                    sum_report(res, c.grad_output), check)
