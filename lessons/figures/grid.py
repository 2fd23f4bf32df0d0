"""Shared drawing pieces: a number grid, window rectangles, the tutorial's colours.

Every page draws matrices the same way: one cell per value with the value
written in it, row 0 at the top, padding cells greyed and labelled, windows
as coloured rectangles. Plotly only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..gradflow import on_padded
from ..numbers import fmt  # noqa: F401  (figures write numbers the way the text does)

# The tutorial's four window colours, pink, blue, green and yellow, taken from
# the Okabe-Ito palette so that colour-blind students can tell them apart.
WINDOW_COLORS = ("#CC79A7", "#56B4E9", "#009E73", "#F0E442")
WINDOW_COLOR_NAMES = ("pink", "blue", "green", "yellow")
# Beyond the first four windows, more Okabe-Ito colours.
# (Not vermilion: that marks the argmax.)
EXTRA_COLORS = ("#E69F00", "#0072B2", "#999999", "#000000")
HIGHLIGHT = "#D55E00"  # vermilion: the argmax, a selected cell, a changed output
PADDING_FILL = "#d9d9d9"
# A light, monotone scale: black text stays readable on every cell.
CELL_SCALE = [[0.0, "#ffffff"], [1.0, "#9ecae1"]]
# Blue-white-red for signed gradients (figures keep black text readable by
# reaching a little past the largest value).
GRAD_SCALE = [[0.0, "#4393c3"], [0.5, "#f7f7f7"], [1.0, "#d6604d"]]
TITLE_LIFT = 28  # room for the column numbers between the grid and its title
# Cell text is sized from the cell by Plotly (a heatmap text without a font
# size gets the largest size at which its longest value fits its cell, up to
# the layout's font size): CELL_TEXT_MAX px is what a roomy cell gets.
CELL_TEXT_MAX = 17
HOVER_DIGITS = 6  # the hover shows a value to this many decimals
WIDE = 0x2E80  # from here on (CJK and beyond) a character is about twice as wide as a digit


def color_range(values, *, fence: float = 3.0) -> tuple[float, float, bool]:
    """``(lo, hi, clipped)``: the colour scale's ends for ``values``, robust to outliers.

    Values further than ``fence`` interquartile ranges outside the middle half
    (Tukey's far-out fences) do not stretch the scale: ``lo`` and ``hi`` are
    the smallest and largest of the other values, and ``clipped`` says that
    some value lies beyond them (it takes the end colour). NaN and infinities
    are ignored; when too few values differ to tell outliers apart, the full
    range is used.

    >>> color_range([1, 2, 3, 4, 5, 6, 7, 1000])
    (1.0, 7.0, True)
    >>> color_range([0, 0, 0, 5])
    (0.0, 5.0, False)
    """
    v = np.asarray(values, dtype=float).ravel()
    v = v[np.isfinite(v)]
    if not v.size:
        return 0.0, 1.0, False
    full = float(v.min()), float(v.max())
    q1, q3 = np.percentile(v, [25, 75])
    iqr = q3 - q1
    inner = v[(v >= q1 - fence * iqr) & (v <= q3 + fence * iqr)]
    lo, hi = float(inner.min()), float(inner.max())
    if iqr <= 0 or hi <= lo or (lo, hi) == full:
        return full[0], full[1], False
    return lo, hi, True


def cell_chars(side: int) -> int:
    """How many characters a value may take in a grid whose longer side is
    ``side`` cells (cells shrink as the grid grows)."""
    return 6 if side <= 6 else 5 if side <= 10 else 4


def fit_value(value, chars: int, digits: int = 2) -> str:
    """``value`` written in at most ``chars`` characters if it can be: fewer
    decimals first, then a short exponent form (``1e+03`` -> ``1e3``).

    >>> fit_value(4.666667, 4), fit_value(4.666667, 3), fit_value(1000, 3), fit_value(-0.125, 4)
    ('4.67', '4.7', '1e3', '-0.1')
    """
    for d in range(digits, -1, -1):
        text = fmt(value, d)
        if len(text) <= chars:
            return text
    v = float(value)
    for d in range(max(chars - 4, 0), -1, -1):
        mant, exp = f"{v:.{d}e}".split("e")
        text = f"{mant}e{int(exp)}"
        if len(text) <= chars or d == 0:
            return text
    return fmt(value, 0)  # pragma: no cover


def plotly_width(text: str) -> str:
    """``text`` with a zero-width space after each wide (CJK) character, so
    that Plotly, which sizes heatmap text by counting characters, leaves
    room for their double width."""
    return "".join(ch + "\u200b" if ord(ch) >= WIDE else ch for ch in str(text))


def colon_after(label: str) -> str:
    """The colon that follows ``label``: full-width after Chinese ("步骤 1："), ": " otherwise.

    >>> colon_after("列"), colon_after("Column")
    ('：', ': ')
    """
    return "：" if any("\u3400" <= ch <= "\u9fff" for ch in label) else ": "


def window_color(step: int) -> str:
    """Colour of the ``step``-th window in raster order."""
    palette = WINDOW_COLORS + EXTRA_COLORS
    return palette[step % len(palette)]


def rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def grid_figure(values, *, row0: int = 0, col0: int = 0, padding=None, text=None,
                colorscale=None, zmin=None, zmax=None, title: str = "",
                digits: int = 2, cell_px: int = 46, show_scale: bool = False,
                padding_label: str = "pad", padding_text=None,
                title_lift: int = TITLE_LIFT) -> go.Figure:
    """A heatmap of ``values`` with each value written in its cell.

    Parameters
    ----------
    values : (H, W) array
    row0, col0 : int
        Coordinates of the top-left cell (negative when padding is shown).
    padding : (H, W) bool array, optional
        Cells drawn grey and labelled ``padding_label`` instead of a value.
    text : (H, W) array of str, optional
        Overrides the written values.
    padding_text : (H, W) array of str, optional
        What to write in padding cells (default ``padding_label``).
    title_lift : int
        Pixels between the grid and its title, where the column numbers are.
    """
    z = np.asarray(values, dtype=float)
    h, w = z.shape
    pad = np.zeros(z.shape, bool) if padding is None else np.asarray(padding, bool)
    chars = cell_chars(max(h, w))
    if text is None:
        text = (np.vectorize(lambda v: fit_value(v, chars, digits), otypes=[str])(z) if z.size
                else np.empty(z.shape, str))
    pad_text = plotly_width(padding_label) if padding_text is None else np.asarray(padding_text, dtype=object)
    text = np.where(pad, pad_text, np.asarray(text, dtype=object))
    exact = np.vectorize(lambda v: fmt(v, HOVER_DIGITS), otypes=[object])(z) if z.size else np.empty(z.shape, object)
    xs = np.arange(w) + col0
    ys = np.arange(h) + row0
    real = np.where(pad, np.nan, z)
    auto_lo, auto_hi, clipped = color_range(real)
    lo = zmin if zmin is not None else auto_lo
    hi = zmax if zmax is not None else auto_hi
    clipped = clipped and zmin is None and zmax is None
    if hi <= lo:
        hi = lo + 1.0
    fig = go.Figure()
    fig.add_trace(go.Heatmap(
        # padding cells are written by the padding trace only (Plotly writes text on NaN cells too)
        z=np.where(np.isfinite(real), real, np.nan), x=xs, y=ys, text=np.where(pad, "", text),
        texttemplate="%{text}", textfont=cell_font(text), customdata=exact,
        colorscale=colorscale or CELL_SCALE, zmin=lo, zmax=hi, showscale=show_scale,
        xgap=2, ygap=2, hovertemplate="(%{y}, %{x}): %{customdata}<extra></extra>", name="values",
    ))
    if pad.any():
        fig.add_trace(go.Heatmap(
            z=np.where(pad, 0.0, np.nan), x=xs, y=ys, text=np.where(pad, text, ""), texttemplate="%{text}",
            textfont=cell_font(np.where(pad, text, ""), "#555555"),
            colorscale=[[0, PADDING_FILL], [1, PADDING_FILL]],
            showscale=False, xgap=2, ygap=2, hovertemplate="(%{y}, %{x}): %{text}<extra></extra>", name="padding",
        ))
    side = max(h, w)
    lift = title_lift if title else 0
    fig.update_layout(
        # The column numbers sit above the grid, so the title goes to the top
        # of the figure, clear of them.
        title={"text": title, "x": 0.5, "xanchor": "center", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 8}} if title else None,
        margin={"l": 30, "r": 10, "t": (40 if title else 30) + lift, "b": 20},
        height=int(min(620, 70 + cell_px * max(h, 2))) + lift,
        width=None,
        plot_bgcolor="white",
        showlegend=False,
        font={"size": CELL_TEXT_MAX},  # the cap of the cell text's size; other text has its own size
        hoverlabel={"font": {"size": 13}},
        # what the colours mean, for the page's caption (lessons.ui.chart)
        meta={"color_clip": [lo, hi]} if clipped else None,
    )
    fig.update_xaxes(side="top", tickmode="array", tickvals=xs, showgrid=False, zeroline=False,
                     constrain="domain", range=[col0 - 0.5, col0 + w - 0.5], fixedrange=True,
                     tickfont={"size": 10 if side > 10 else 12})
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=ys, showgrid=False,
                     zeroline=False, scaleanchor="x", scaleratio=1, constrain="domain",
                     fixedrange=True, tickfont={"size": 10 if side > 10 else 12})
    return fig


def cell_font(text, color: str = "black") -> dict:
    """The heatmap text font for cells holding ``text``: no size, so Plotly
    fits it to the cell (up to the layout's font size), unless a text carries
    markup, which Plotly would count as characters (then 15 px)."""
    markup = any("<" in str(t) for t in np.asarray(text, dtype=object).ravel())
    return {"size": 15, "color": color} if markup else {"color": color}


def window_shape(row_start, row_stop, col_start, col_stop, color: str, *, fill_alpha=0.28,
                 width: int = 4, dash: str | None = None) -> dict:
    """A layout shape outlining the half-open window ``[row_start, row_stop) x [col_start, col_stop)``."""
    return {
        "type": "rect", "xref": "x", "yref": "y",
        "x0": col_start - 0.5, "x1": col_stop - 0.5, "y0": row_start - 0.5, "y1": row_stop - 0.5,
        "line": {"color": color, "width": width, **({"dash": dash} if dash else {})},
        "fillcolor": rgba(color, fill_alpha), "layer": "above",
    }


def cell_shape(row, col, color: str, *, width: int = 3, fill_alpha: float = 0.0) -> dict:
    """A square around one cell (an argmax, a selected value, a changed output)."""
    return window_shape(row, row + 1, col, col + 1, color, fill_alpha=fill_alpha, width=width)


def taps_path(rec, color: str) -> dict:
    """One path shape with a square on every cell (tap) a dilated window reads."""
    squares = [f"M{c - 0.5},{r - 0.5}H{c + 0.5}V{r + 0.5}H{c - 0.5}Z"
               for r in rec.rows.tolist() for c in rec.cols.tolist()]
    return {"type": "path", "xref": "x", "yref": "y", "path": "".join(squares),
            "line": {"color": color, "width": 2}, "fillcolor": rgba(color, 0.35), "layer": "above"}


def record_shapes(rec, color: str, *, dilated: bool = False) -> list[dict]:
    """Shapes for one traced window: its extent, filled; or, when the window
    is ``dilated`` (``Geometry.dilated``), its extent dotted and its taps filled."""
    if not dilated:
        return [window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop, color)]
    return [window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop, color,
                         fill_alpha=0.0, width=2, dash="dot"), taps_path(rec, color)]


def padded_view(trace, plane_values):
    """The input with its padding and any window overhang, for drawing.

    Returns ``(values, padding_mask, row0, col0)`` covering ``trace.extent``
    (see :func:`lessons.gradflow.on_padded`).
    """
    grid = on_padded(trace.geometry, plane_values)
    return grid.values, grid.padding, grid.row0, grid.col0
