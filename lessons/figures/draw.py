"""The drawing pad: a number grid whose cells can be clicked (or tapped, or boxed).

Plotly cannot select heatmap cells, so on top of :func:`grid_figure`'s heatmap
sits one invisible square marker per cell, in reading order (point ``k`` is
cell ``divmod(k, W)``, what :func:`lessons.drawing.selected_cells` reads).
Cells that differ from the example are outlined. Plotly only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .grid import GRAD_SCALE, HIGHLIGHT, cell_shape, grid_figure

PAD_CELL_PX = 34  # the largest cell the pad draws
MIN_TEXT_PX = 18  # smaller cells show colour only (the value is in the tooltip)
MARGIN = {"l": 30, "r": 10, "t": 56, "b": 10}  # room on top for the column numbers and Plotly's tools


def pad_cell_px(shape, width: int) -> int:
    """The cell size for an ``(H, W)`` pad in a column about ``width`` px wide.

    >>> pad_cell_px((6, 6), 900), pad_cell_px((16, 16), 230)
    (34, 11)
    """
    return int(max(8, min(PAD_CELL_PX, (width - MARGIN["l"] - MARGIN["r"]) // shape[1])))


def pad_figure(values, *, drawn=None, hover: str = "row %{y}, col %{x}", width: int = 900,
               signed: bool = False) -> go.Figure:
    """The pad for ``values`` (an ``(H, W)`` grid) in a column about ``width`` px
    wide; ``drawn`` (bool, same shape) marks the cells the student changed,
    outlined in vermilion. ``signed``: coloured as gradients are (blue negative,
    white zero, red positive) instead of light to dark.

    The markers carry the clicks: the heatmap below them is skipped by hover,
    so the nearest cell's marker is always the one picked.
    """
    z = np.asarray(values, dtype=float)
    h, w = z.shape
    cell = pad_cell_px(z.shape, width)
    reach = max(1.0, float(np.abs(z).max())) * 1.15  # past the largest value: black text stays readable
    fig = grid_figure(z, cell_px=cell, **({"colorscale": GRAD_SCALE, "zmin": -reach, "zmax": reach} if signed else {}))
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector={"type": "heatmap"})
    if cell < MIN_TEXT_PX:
        fig.update_traces(texttemplate="", selector={"type": "heatmap"})
        fig.update_xaxes(tickvals=list(range(0, w, 5)))
        fig.update_yaxes(tickvals=list(range(0, h, 5)))
    rows, cols = np.divmod(np.arange(h * w), w)
    fig.add_trace(go.Scatter(
        x=cols, y=rows, mode="markers", name="cells", showlegend=False,
        marker={"symbol": "square", "size": max(6, int(cell * 0.8)), "color": "rgba(0,0,0,0)"},
        selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}},
        customdata=z.ravel(), hovertemplate=hover + "<extra></extra>",
    ))
    if drawn is not None:
        for r, c in zip(*np.nonzero(np.asarray(drawn, bool))):
            fig.add_shape(cell_shape(int(r), int(c), HIGHLIGHT, width=2))
    # fixed ranges: autorange would pad for the markers' size
    fig.update_yaxes(autorange=False, range=[h - 0.5, -0.5])
    # grey gaps between the cells: a grid to aim at, also where cells are white (a shape under the
    # cells, not the plot's background, which Plotly draws a few pixels wider than the cells)
    fig.add_shape(type="rect", x0=-0.5, x1=w - 0.5, y0=-0.5, y1=h - 0.5, layer="below", line={"width": 0},
                  fillcolor="#d0d0d0")
    fig.update_layout(hovermode="closest", margin=MARGIN, height=MARGIN["t"] + MARGIN["b"] + cell * h)
    return fig
