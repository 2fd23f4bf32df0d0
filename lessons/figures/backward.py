"""Lesson 6, the backward pass: the pictures.

The builders take the view models of :mod:`lessons.backward` (or plain arrays)
and strings already translated, and return ``plotly.graph_objects.Figure``s;
they decide nothing about the lesson. Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from ..backward import Lesson, ModeView
from ..gradflow import PaddedGrid
from .grid import CELL_SCALE, GRAD_SCALE, HIGHLIGHT, cell_shape, fmt, grid_figure, window_color, window_shape

HEADROOM = 1.5  # the colour scale reaches past the largest value, so black text stays readable
MAX_OUTLINES = 64  # more outlined cells than this say nothing and slow the figure down


def _window_outlines(windows, fill_alpha=0.0) -> list[dict]:
    return [window_shape(b.row_start, b.row_stop, b.col_start, b.col_stop, window_color(b.step),
                         fill_alpha=fill_alpha, width=3) for b in windows]


def _cell_outlines(cells) -> list[dict]:
    cells = sorted(set(cells))
    if len(cells) > MAX_OUTLINES:
        return []
    return [cell_shape(r, c, HIGHLIGHT, width=4) for r, c in cells]


def _output_outlines(shape) -> list[dict]:
    """Each output cell outlined in its window's colour (up to 16 cells)."""
    ho, wo = shape
    return [cell_shape(i, j, window_color(i * wo + j), width=3) for i in range(ho) for j in range(wo)] \
        if ho * wo <= 16 else []


def input_figure(grid: PaddedGrid, *, windows=(), argmax=(), title: str = "",
                 padding_label: str = "pad") -> go.Figure:
    """The input with its padding, the ``windows`` (:class:`lessons.backward.Box`)
    outlined and the ``argmax`` cells (row, col) marked."""
    fig = grid_figure(grid.values, row0=grid.row0, col0=grid.col0, padding=grid.padding, title=title,
                      padding_label=padding_label)
    fig.update_layout(shapes=_window_outlines(windows, fill_alpha=0.18) + _cell_outlines(argmax))
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


def padded_gradient_figure(grid: PaddedGrid, *, windows=(), argmax=(), zmax=None, title: str = "",
                           padding_label: str = "pad", show_lost: bool = True) -> go.Figure:
    """A gradient over the padded input (:func:`lessons.gradflow.padded_gradient`):
    real cells, and with ``show_lost`` on padding what was lost there."""
    shapes = _window_outlines(windows) + _cell_outlines(argmax)
    return gradient_figure(grid.values, padding=grid.padding if grid.padding.any() else None, row0=grid.row0,
                           col0=grid.col0, zmax=zmax, title=title, padding_label=padding_label,
                           show_lost=show_lost, shapes=shapes)


def upstream_figure(grad_output, *, title: str = "") -> go.Figure:
    """The gradient arriving at each output cell, each cell outlined in its window's colour."""
    g = np.asarray(grad_output, dtype=float)
    return gradient_figure(g, title=title, shapes=_output_outlines(g.shape))


def indices_figure(output, indices, width: int, *, title: str = "") -> go.Figure:
    """Max pooling's ``output`` with the position of each maximum (the recorded max id).

    Each cell reads ``value`` and ``(row, col)`` of the input cell it came from,
    ``indices`` being flat indices into an input ``width`` cells wide (on
    outputs larger than 6×6, the flat index alone)."""
    idx = np.asarray(indices)
    text = np.empty(idx.shape, dtype=object)
    small = max(idx.shape) <= 6  # larger grids have no room for two lines: the flat id only
    for (i, j), k in np.ndenumerate(idx):
        r, c = divmod(int(k), width)
        text[i, j] = f"{fmt(output[i, j])}<br>({r},{c})" if small else str(int(k))
    fig = grid_figure(output, text=text, title=title)
    shapes = _output_outlines(idx.shape)
    if shapes:
        fig.update_layout(shapes=shapes)
    return fig


def count_figure(counts, *, padding=None, row0: int = 0, col0: int = 0, title: str = "",
                 padding_label: str = "pad") -> go.Figure:
    """Whole-number counts per cell (padding cells show theirs too, in grey)."""
    c = np.asarray(counts)
    counted = np.vectorize(lambda a: f"{padding_label}<br>{int(a)}", otypes=[object])(c) if c.size else None
    return grid_figure(c, row0=row0, col0=col0, padding=padding, colorscale=CELL_SCALE, zmin=0,
                       zmax=max(1, int(c.max()) if c.size else 1), title=title, padding_label=padding_label,
                       padding_text=counted)


def divisor_figure(divisor, *, title: str = "") -> go.Figure:
    """Each window's divisor n, on the output grid."""
    return grid_figure(divisor, title=title, colorscale=CELL_SCALE, zmin=0)


def check_figures(check, *, titles=("", "")) -> tuple[go.Figure, go.Figure]:
    """Numeric and analytic gradients on one shared scale; tie cells outlined."""
    m = float(max(np.abs(check.numeric).max(), np.abs(check.analytic).max(), 1e-12))
    shapes = _cell_outlines((int(r), int(c)) for r, c in zip(*np.nonzero(check.tie_cells)))
    return (gradient_figure(check.numeric, zmax=m, title=titles[0], shapes=shapes),
            gradient_figure(check.analytic, zmax=m, title=titles[1], shapes=shapes))


# ---------------------------------------------------------------- the lesson's figures

def lesson_figures(lesson: Lesson, labels: Mapping[str, str]) -> dict[str, go.Figure]:
    """Sections 1 to 3 (forward recap, average: split vs copy, max: routing), in display order.

    ``labels`` holds the translated titles by figure name, and ``"padding"``,
    the word written in padding cells. ``"divisor"`` is drawn only when the
    windows' divisors differ.
    """
    pad = labels["padding"]
    avg, mx = lesson.avg, lesson.max
    figs = {"input": input_figure(avg.input, windows=avg.windows, title=labels["input"], padding_label=pad),
            "upstream": upstream_figure(lesson.grad_output, title=labels["upstream"])}
    if lesson.divisor is None:
        figs["divisor"] = divisor_figure(avg.res.divisor, title=labels["divisor"])
    zmax = float(max(np.abs(avg.gradient.values).max(), np.abs(lesson.copy.values).max()))  # one scale for both
    figs["split"] = padded_gradient_figure(avg.gradient, windows=avg.windows, zmax=zmax, title=labels["split"],
                                           padding_label=pad)
    figs["copy"] = padded_gradient_figure(lesson.copy, windows=avg.windows, zmax=zmax, title=labels["copy"],
                                          padding_label=pad, show_lost=False)
    figs["max_input"] = input_figure(mx.input, windows=mx.windows, argmax=mx.argmax, title=labels["max_input"],
                                     padding_label=pad)
    figs["indices"] = indices_figure(mx.res.output, mx.res.indices, mx.res.input.shape[-1],
                                     title=labels["indices"])
    figs["max_grad"] = padded_gradient_figure(mx.gradient, windows=mx.windows, argmax=mx.argmax,
                                              title=labels["max_grad"], padding_label=pad)
    return figs


def mode_figures(view: ModeView, labels: Mapping[str, str]) -> tuple[dict[str, go.Figure], tuple]:
    """Section 4 (who touches which cell, where the gradient went), in display
    order, and section 5's pair (numeric, analytic). ``labels`` as in :func:`lesson_figures`."""
    pad, t = labels["padding"], view.touches
    figs = {"touch": count_figure(t.values, padding=t.padding if t.padding.any() else None, row0=t.row0,
                                  col0=t.col0, title=labels["touch"], padding_label=pad)}
    if view.routes is not None:
        figs["routes"] = count_figure(view.routes, title=labels["routes"])
        figs["routes"].update_layout(shapes=_cell_outlines(view.argmax))
    figs["where_grad"] = padded_gradient_figure(view.gradient, windows=view.windows, argmax=view.argmax,
                                                title=labels["where_grad"], padding_label=pad)
    return figs, check_figures(view.check, titles=(labels["numeric"], labels["analytic"]))
