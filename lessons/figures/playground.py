"""Figures of the playground (lesson 3).

- :func:`playground_figure`: the padded input and the output side by side,
  the current window outlined and the output cell it fills lit up. One still
  picture per step: the page moves the step and redraws it, Play included
  (``lessons/ui_step.py``), so there are no Plotly frames.
- :func:`input_figure`: the input alone, when no window fits.

Plotly and NumPy only; what the page says about the windows is worked out in
``lessons/playground.py``.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .grid import (HIGHLIGHT, cell_font, cell_shape, color_range, grid_figure, padded_view, plotly_width,
                   record_shapes, window_color)
from .panels import Panel, on_panel, panel_layout, stack_panels

__all__ = ["playground_figure", "at_step", "input_figure", "static_traces", "step_shapes"]

BORDER = "#333333"  # outline of the real input
OVERHANG_FILL = "#fafafa"  # past the padding (ceil mode): neither input nor padding, unlike grey padding
GAP_CELLS = 1.5  # space between the input and the output, in cells
# Wider than this many cells side by side (input, gap, output), the cells would
# be too small to read at 1280 px: the output goes below the input instead.
STACK_CELLS = 24
STACKED_CELL_PX = 30  # cell size the height of a stacked figure is planned for
STACKED_GAP_PX = 70  # between the stacked grids: the output's title and column numbers


def _outline_trace(top, bottom, left, right, *, dash: str = "solid", width: float = 2) -> dict:
    """A closed line around rows ``[top, bottom)`` and columns ``[left, right)``.

    Outlines that never move are traces, not layout shapes: the layout's shapes
    are only what changes from one step to the next.
    """
    y0, y1, x0, x1 = top - 0.5, bottom - 0.5, left - 0.5, right - 0.5
    return {"type": "scatter", "x": [x0, x1, x1, x0, x0], "y": [y0, y0, y1, y1, y0], "mode": "lines",
            "line": {"color": BORDER, "width": width, "dash": dash}, "hoverinfo": "skip",
            "showlegend": False, "xaxis": "x", "yaxis": "y"}


def static_traces(trace) -> list[dict]:
    """Outlines that never move (scatter traces, as dicts): the real input
    (solid) and, when a ceil-mode window hangs past it, the edge of the
    padding (dashed)."""
    g = trace.geometry
    lines = [_outline_trace(0, g.rows.size, 0, g.cols.size)]
    if g.has_overhang:
        r_lo, r_hi, c_lo, c_hi = g.padded_box
        lines.append(_outline_trace(r_lo, r_hi, c_lo, c_hi, dash="dash", width=1.5))
    return lines


def overhang_mask(geometry, shape, row0: int, col0: int) -> np.ndarray:
    """True for the cells of a drawn grid (``shape``, top-left at ``row0, col0``) that lie past
    the padded input: only a ceil-mode window reaches them."""
    r_lo, r_hi, c_lo, c_hi = geometry.padded_box
    rows = np.arange(shape[0])[:, None] + row0
    cols = np.arange(shape[1])[None, :] + col0
    return (rows < r_lo) | (rows >= r_hi) | (cols < c_lo) | (cols >= c_hi)


def _overhang_trace(mask, row0: int, col0: int, label: str) -> dict:
    h, w = mask.shape
    return {"type": "heatmap", "z": np.where(mask, 0.0, np.nan).tolist(), "x": list(range(col0, col0 + w)),
            "y": list(range(row0, row0 + h)), "text": np.where(mask, plotly_width(label), "").tolist(),
            "texttemplate": "%{text}", "textfont": cell_font([label], "#888888"),  # sized from the cell
            "colorscale": [[0, OVERHANG_FILL], [1, OVERHANG_FILL]],
            "showscale": False, "xgap": 2, "ygap": 2, "hovertemplate": f"{label}<extra></extra>", "name": "overhang",
            "xaxis": "x", "yaxis": "y"}


def step_shapes(rec, *, dilated: bool = False) -> list[dict]:
    """Shapes for one window: its outline on the input (dotted, plus its taps,
    when ``dilated``), its maximum (max pooling) and the output cell it fills."""
    color = window_color(rec.step)
    shapes = record_shapes(rec, color, dilated=dilated)
    if rec.argmax is not None:
        shapes.append(cell_shape(rec.argmax[0], rec.argmax[1], HIGHLIGHT, width=4))
    shapes.append(on_panel(cell_shape(rec.out_row, rec.out_col, color, width=4, fill_alpha=0.35), 2))
    return shapes


def _value_range(*arrays) -> tuple[float, float, bool]:
    """``(lo, hi, clipped)``: the colour scale's ends for all of ``arrays``;
    one outlier does not stretch it (:func:`lessons.figures.grid.color_range`)."""
    values = np.concatenate([np.asarray(a, float).ravel() for a in arrays])
    # PaddlePaddle's -3.4028235e38 (a max window without input) is no value to colour by
    return color_range(values[np.abs(values) < 1e38])


def input_figure(values, *, title: str = "") -> go.Figure:
    """The input alone, for when the settings do not give any window."""
    return grid_figure(np.asarray(values, float), title=title)


def playground_figure(res, values, *, step: int = 0, input_title: str = "", output_title: str = "",
                      padding_label: str = "pad", overhang_label: str = "out") -> go.Figure:
    """The padded input (left) and the output (right) in one figure.

    Parameters
    ----------
    res : PoolResult
        A 2-D pooling of ``values``.
    values : (H, W) array
        The input as pooled.
    step : int
        0-based raster index of the window shown (clipped to the windows there are).

    ``layout.shapes`` are :func:`step_shapes` of that window; the outlines of
    :func:`static_traces` do not depend on the step. Equal cell sizes on both sides; padding
    cells grey and labelled ``padding_label``; cells a ceil-mode window reaches past
    the padding white and labelled ``overhang_label`` (they count for nothing, not
    even as padding).
    """
    trace = res.trace
    x = np.asarray(values, float)
    out = np.asarray(res.output, float)
    padded, pad_mask, row0, col0 = padded_view(trace, x)
    zmin, zmax, clipped = _value_range(x, out)
    # Both grids are drawn by grid_figure and only their traces are kept: one
    # plotly check of the whole figure at the end, and no copy of the template.
    overhang = overhang_mask(trace.geometry, padded.shape, row0, col0)
    fin = grid_figure(padded, row0=row0, col0=col0, padding=pad_mask & ~overhang, zmin=zmin, zmax=zmax,
                      padding_label=padding_label).to_dict()
    if overhang.any():
        fin["data"].append(_overhang_trace(overhang, row0, col0, overhang_label))
    fout = grid_figure(out, zmin=zmin, zmax=zmax).to_dict()
    n_rows, n_cols_in = padded.shape  # never fewer rows than the output
    ho, wo = out.shape
    layout_panels = [Panel(n_rows, n_cols_in, row0, col0, input_title, toward="right"),
                     Panel(ho, wo, title=output_title, toward="left")]
    layout = panel_layout(
        layout_panels,
        spacing=GAP_CELLS / (n_cols_in + GAP_CELLS + wo), ticks="top",
        tick_size=10 if max(n_rows, n_cols_in) > 10 else 12, title_size=14, axis_titles=True, y_toward=None)
    if n_cols_in + GAP_CELLS + wo > STACK_CELLS:  # too wide side by side: the output goes below the input
        height = 110 + STACKED_CELL_PX * (n_rows + ho) + STACKED_GAP_PX
        stack_panels(layout, layout_panels, spacing=STACKED_GAP_PX / (height - 110))
    else:
        height = int(min(640, 110 + (46 if n_rows <= 10 else 26) * n_rows))
    layout.update(height=height, margin={"l": 30, "r": 10, "t": 60, "b": 50},
                  meta={"color_clip": [zmin, zmax]} if clipped else None)
    data = fin["data"] + [{**heat, "xaxis": "x2", "yaxis": "y2"} for heat in fout["data"]] + static_traces(trace)

    step = min(max(int(step), 0), trace.n_windows - 1)
    layout["shapes"] = step_shapes(trace.window(*divmod(step, wo)), dilated=trace.geometry.dilated)
    return go.Figure(data=data, layout=layout)


def at_step(fig: dict, res, step: int) -> dict:
    """``fig``, a :func:`playground_figure` of ``res`` as a dict, moved to the
    0-based ``step``: only ``layout.shapes`` change (clipped like
    :func:`playground_figure`'s). Play redraws the figure at every step, and
    building it anew costs some ten times more than this at 16×16."""
    trace = res.trace
    step = min(max(int(step), 0), trace.n_windows - 1)
    shapes = step_shapes(trace.window(*divmod(step, res.output.shape[-1])), dilated=trace.geometry.dilated)
    return {**fig, "layout": {**fig["layout"], "shapes": shapes}}
