"""The drawing pad: a number grid whose cells can be clicked (or tapped, or boxed).

Plotly cannot select heatmap cells, so on top of :func:`grid_figure`'s heatmap
sits one invisible square marker per cell, in reading order (point ``k`` is
cell ``divmod(k, W)``, what :func:`lessons.drawing.selected_cells` reads).
Cells that differ from the example are outlined. Plotly only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .grid import HIGHLIGHT, cell_shape, grid_figure

PAD_CELL_PX = 34  # cell size the pad's height is planned for


def pad_figure(values, *, drawn=None, hover: str = "row %{y}, col %{x}") -> go.Figure:
    """The pad for ``values`` (an ``(H, W)`` grid); ``drawn`` (bool, same shape)
    marks the cells the student changed, outlined in vermilion.

    The markers carry the clicks: the heatmap below them is skipped by hover,
    so the nearest cell's marker is always the one picked.
    """
    z = np.asarray(values, dtype=float)
    h, w = z.shape
    fig = grid_figure(z, cell_px=PAD_CELL_PX)
    fig.update_traces(hoverinfo="skip", hovertemplate=None, selector={"type": "heatmap"})
    rows, cols = np.divmod(np.arange(h * w), w)
    fig.add_trace(go.Scatter(
        x=cols, y=rows, mode="markers", name="cells", showlegend=False,
        marker={"symbol": "square", "size": int(PAD_CELL_PX * 0.8), "color": "rgba(0,0,0,0)"},
        selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}},
        hovertemplate=hover + "<extra></extra>",
    ))
    if drawn is not None:
        for r, c in zip(*np.nonzero(np.asarray(drawn, bool))):
            fig.add_shape(cell_shape(int(r), int(c), HIGHLIGHT, width=2))
    fig.update_layout(hovermode="closest", margin={"l": 30, "r": 10, "t": 56, "b": 10})
    return fig
