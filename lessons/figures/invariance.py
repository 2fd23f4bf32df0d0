"""Figures for the translation-invariance lesson (figure 3): an input with its
pooling windows, a pooled output with the values a shift changed, and the
share of unchanged outputs for every shift. The numbers come from
:mod:`lessons.invariance`; text arrives translated.

Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..numbers import fmt
from .grid import EXTRA_COLORS, HIGHLIGHT, cell_shape, grid_figure, window_color, window_shape

MODE_COLORS = {"max": EXTRA_COLORS[1], "avg": EXTRA_COLORS[0]}  # blue, orange (Okabe-Ito)
ENTER_COLOR = "#000000"


def input_figure(x, res, *, entering=None, title: str = "") -> go.Figure:
    """The input with its pooling windows; max pooling also outlines each
    window's winning cell in vermilion, and ``entering`` cells (new content)
    get a dashed black outline.

    ``res`` is ``pool2d(x, ...)`` without padding (a 2-D input).
    """
    x = np.asarray(x, dtype=float)
    fig = grid_figure(x, zmin=0, zmax=max(9.0, float(np.max(x))), title=f"<b>{title}</b>" if title else "")
    shapes = []
    records = res.trace.windows()
    for rec in records:
        shapes.append(window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop,
                                   window_color(rec.step), fill_alpha=0.16, width=3))
    if res.mode == "max":
        shapes += [cell_shape(*rec.argmax, HIGHLIGHT, width=4) for rec in records]
    if entering is not None:
        rows, cols = np.nonzero(np.asarray(entering, bool))
        shapes += [{**cell_shape(r, c, ENTER_COLOR, width=2), "line": {"color": ENTER_COLOR, "width": 2, "dash": "dot"}}
                   for r, c in zip(rows, cols)]
    fig.update_layout(shapes=shapes)
    return fig


def output_figure(output, *, before=None, changed=None, title: str = "", was: str = "({})") -> go.Figure:
    """A pooled output; with ``before`` (the unshifted output) and ``changed``
    (a bool mask of the cells that differ, :func:`lessons.shift.changed_cells`),
    changed cells are outlined in vermilion and also show the old value via ``was``."""
    out = np.asarray(output, dtype=float)
    text = np.vectorize(fmt, otypes=[object])(out)
    shapes = []
    if changed is not None:
        old = np.asarray(before, dtype=float)
        for r, c in zip(*np.nonzero(changed)):
            text[r, c] = f"{text[r, c]}<br><span style='font-size:11px'>{was.format(fmt(old[r, c]))}</span>"
            shapes.append(cell_shape(r, c, HIGHLIGHT, width=5))
    fig = grid_figure(out, text=text, zmin=0, zmax=max(9.0, float(np.max(out))), cell_px=64,
                      title=f"<b>{title}</b>" if title else "")
    fig.update_layout(shapes=shapes)
    return fig


def share_figure(dxs, shares: dict, *, current=None, names: dict | None = None,
                 x_title: str = "dx", y_title: str = "unchanged") -> go.Figure:
    """Grouped bars: for each horizontal shift, the share (0..1) of output values
    that stayed the same, one bar colour per pooling mode (``shares[mode]``)."""
    names = names or {}
    fig = go.Figure()
    for mode, values in shares.items():
        fig.add_trace(go.Bar(
            x=list(dxs), y=[100 * v for v in values], name=names.get(mode, mode),
            marker_color=MODE_COLORS.get(mode, window_color(0)),
            text=[f"{100 * v:.0f}%" for v in values], textposition="outside",
            hovertemplate="%{x}: %{y:.0f}%<extra>" + names.get(mode, mode) + "</extra>",
        ))
    if current is not None:
        fig.add_vrect(x0=current - 0.5, x1=current + 0.5, fillcolor="#999999", opacity=0.18, line_width=0,
                      layer="below")
    fig.update_layout(
        barmode="group", height=320, plot_bgcolor="white", margin={"l": 50, "r": 10, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.12, "x": 0},
        xaxis={"title": x_title, "tickmode": "array", "tickvals": list(dxs), "fixedrange": True},
        yaxis={"title": y_title, "range": [0, 118], "ticksuffix": "%", "gridcolor": "#eeeeee",
               "fixedrange": True},
    )
    return fig
