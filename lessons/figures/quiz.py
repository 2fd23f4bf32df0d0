"""The picture a cell question is answered on: the input grid, the window the
question is about outlined, and one invisible marker per cell so that a click
on a cell selects it (Plotly selects markers, not heatmap cells). Plotly only."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .grid import WINDOW_COLORS, grid_figure, window_shape


def pick_figure(values, window=None, *, color: str = WINDOW_COLORS[1]) -> go.Figure:
    """``values`` (H, W) as a grid whose x is the column and y the row; ``window``
    ``(row_start, row_stop, col_start, col_stop)`` is outlined, clipped to the grid.

    >>> fig = pick_figure(np.arange(6).reshape(2, 3), (0, 2, 1, 3))
    >>> [t.type for t in fig.data], len(fig.data[-1].x), fig.layout.shapes[0].x0
    (['heatmap', 'scatter'], 6, 0.5)
    """
    z = np.asarray(values, dtype=float)
    h, w = z.shape
    fig = grid_figure(z, cell_px=40)
    rows, cols = np.divmod(np.arange(h * w), w)
    fig.add_trace(go.Scatter(
        x=cols, y=rows, mode="markers", name="cells", showlegend=False,
        marker={"size": 30, "color": "rgba(0,0,0,0)", "symbol": "square"},
        hovertemplate="(%{y}, %{x})<extra></extra>",
        selected={"marker": {"color": "rgba(213,94,0,0.35)"}}, unselected={"marker": {"opacity": 1}},
    ))
    if window is not None:
        r0, r1, c0, c1 = window
        r0, r1, c0, c1 = max(r0, 0), min(r1, h), max(c0, 0), min(c1, w)
        if r0 < r1 and c0 < c1:
            fig.add_shape(window_shape(r0, r1, c0, c1, color, fill_alpha=0.0, width=3))
    fig.update_traces(hoverinfo="skip", selector={"type": "heatmap"})  # the markers take the hover and the click
    return fig
