"""Figures and example inputs for the translation-invariance lesson (figure 3).

Each pattern is a 6×6 input in the middle of a 12×12 *scene*: shifting the
input by up to 3 pixels brings the neighbouring scene content into view (see
:func:`lessons.shift.shifted_view`). The patterns:

* ``figure3``: like the tutorial's figure 3. Every 3×3 window's maximum sits
  away from the window's right edge, so a one-pixel shift to the right leaves
  the 2×2 max-pooled output unchanged (a shift to the left does not).
* ``boundary``: a bright bar on the right edge of the left windows; a
  one-pixel shift right carries it across the window boundary.
* ``enter``: mild values with a 9 waiting just outside each edge; the shift
  that brings it in changes one output.
* ``noise``: deterministic pseudo-random values 0..9.

Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..shift import changed_cells
from .grid import (
    EXTRA_COLORS,
    HIGHLIGHT,
    cell_shape,
    fmt,
    grid_figure,
    window_color,
    window_shape,
)

MARGIN = 3  # scene content around the input: the largest shift the page offers
SIZE = 6
MODE_COLORS = {"max": EXTRA_COLORS[1], "avg": EXTRA_COLORS[0]}  # blue, orange (Okabe-Ito)
ENTER_COLOR = "#000000"


def _noise(shape, seed: int, high: int) -> np.ndarray:
    """Integers ``0..high`` from a fixed linear congruential generator, so the
    patterns never depend on NumPy's random streams."""
    n = int(np.prod(shape))
    out = np.empty(n)
    state = seed
    for i in range(n):
        state = (1103515245 * state + 12345) % 2**31
        out[i] = (state >> 16) % (high + 1)
    return out.reshape(shape)


def _scene(view, *, seed: int, outside=()) -> np.ndarray:
    """A scene of small background values (0..2) with ``view`` in the middle and
    ``outside`` = ((row, col, value), ...) placed in view coordinates."""
    scene = _noise((SIZE + 2 * MARGIN,) * 2, seed, 2)
    scene[MARGIN:MARGIN + SIZE, MARGIN:MARGIN + SIZE] = np.asarray(view, dtype=float)
    for r, c, v in outside:
        scene[MARGIN + r, MARGIN + c] = v
    return scene


FIGURE3_VIEW = (
    (1, 8, 2, 0, 1, 3),
    (3, 2, 3, 7, 2, 1),
    (0, 1, 0, 2, 1, 0),
    (2, 2, 3, 1, 0, 2),
    (9, 2, 1, 3, 6, 1),
    (1, 0, 2, 1, 2, 0),
)
BOUNDARY_VIEW = (
    (0, 1, 2, 1, 1, 0),
    (1, 0, 9, 1, 0, 2),
    (2, 2, 8, 0, 1, 0),
    (1, 0, 9, 0, 0, 1),
    (0, 1, 7, 0, 2, 0),
    (2, 0, 1, 1, 0, 1),
)
ENTER_VIEW = (
    (1, 4, 2, 1, 1, 3),
    (3, 1, 1, 5, 2, 1),
    (0, 1, 0, 2, 1, 0),
    (2, 3, 3, 1, 0, 2),
    (5, 2, 1, 3, 4, 1),
    (1, 0, 2, 1, 2, 0),
)

# Background seeds chosen so that, at the default 3x3 windows and stride 3, no
# horizontal shift leaves an average unchanged by coincidence (small integers
# make equal sums easy); the test suite checks this.
PATTERNS = {
    "figure3": _scene(FIGURE3_VIEW, seed=155),
    "boundary": _scene(BOUNDARY_VIEW, seed=947),
    # A 9 just left of row 1, above column 4, right of row 4 and below column 1.
    "enter": _scene(ENTER_VIEW, seed=939, outside=((1, -1, 9), (-1, 4, 9), (4, SIZE, 9), (SIZE, 1, 9))),
    "noise": _noise((SIZE + 2 * MARGIN,) * 2, 2024, 9),
}


def pattern_scene(name: str) -> np.ndarray:
    """A copy of the ``(12, 12)`` scene of pattern ``name``."""
    if name not in PATTERNS:
        raise ValueError(f"pattern must be one of {sorted(PATTERNS)}, got {name!r}")
    return PATTERNS[name].copy()


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


def output_figure(output, *, before=None, title: str = "", was: str = "({})") -> go.Figure:
    """A pooled output; with ``before`` (the unshifted output), cells that differ
    are outlined in vermilion and also show the old value via ``was``."""
    out = np.asarray(output, dtype=float)
    text = np.vectorize(fmt, otypes=[object])(out)
    shapes = []
    if before is not None:
        changed = changed_cells(before, out)
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
