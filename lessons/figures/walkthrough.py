"""Figures for lessons 1 and 2: an input grid beside its pooled output.

Lesson 1 shows a feature map with every window outlined next to its pooled
result (:func:`intro_figure`). Lesson 2 walks through the tutorial's Figure 1
window by window (:func:`walkthrough_figure`, from a
:class:`lessons.walkthrough.View`): one still picture per step, which the page
redraws as its step moves (Play included; see ``lessons/ui_step.py``). Every number and rectangle comes
from a ``pooling_core`` trace. Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .grid import CELL_SCALE, HIGHLIGHT, colon_after, fmt, record_shapes, window_color, window_shape
from .panels import Panel, axis_suffix, on_panel, panel_layout

CURRENT_CELL = "#000000"  # outline of the output cell the current window writes
UNFILLED_FILL = "#f4f4f4"  # output cells not computed yet
UNFILLED_TEXT = "?"
VISITED_ALPHA = 0.13
PLAIN_SCALE = [[0.0, "#f5f5f5"], [1.0, "#f5f5f5"]]  # walkthrough input: neutral, so window colours stand out
PHONE_PX = 358  # a phone's chart width (390 px screen), that the rows arrangement is sized for


# --------------------------------------------------------------------------- pieces


def _inset(row: int, col: int, color: str, *, inset: float = 0.1, width: int = 4) -> dict:
    """A square just inside one cell, so it stays visible on a window's edge."""
    shape = window_shape(row, row + 1, col, col + 1, color, fill_alpha=0.0, width=width)
    shape.update(x0=shape["x0"] + inset, x1=shape["x1"] - inset, y0=shape["y0"] + inset, y1=shape["y1"] - inset)
    return shape


def _input_trace(values, panel: int, *, zmin=None, zmax=None, colorscale=None) -> dict:
    """A heatmap of ``values`` on subplot ``panel``, each value written in its
    cell, by default in the light scale every page uses."""
    z = np.asarray(values, dtype=float)
    h, w = z.shape
    suffix = axis_suffix(panel)
    return dict(
        type="heatmap", z=z.tolist(), x=list(range(w)), y=list(range(h)),
        text=[[fmt(v) for v in row] for row in z], texttemplate="%{text}",
        textfont={"color": "black"}, colorscale=colorscale or CELL_SCALE,
        zmin=float(z.min()) if zmin is None else zmin, zmax=float(z.max()) if zmax is None else zmax,
        showscale=False, xgap=2, ygap=2, xaxis=f"x{suffix}", yaxis=f"y{suffix}",
        hovertemplate="(%{y}, %{x}): %{text}<extra></extra>", name="input",
    )


# --------------------------------------------------------------------------- lesson 1


def intro_figure(res, *, titles: tuple[str, str], outline: str = "#444444") -> go.Figure:
    """A 2-D input with every window outlined, beside its pooled output.

    Parameters
    ----------
    res : pooling_core.pool.PoolResult
        Pooling of a 2-D input (no padding needed; windows drawn from the trace).
    titles : (input title, output title)
    """
    x = np.asarray(res.input, dtype=float)
    out = np.asarray(res.output, dtype=float)
    lo, hi = float(min(x.min(), out.min())), float(max(x.max(), out.max()))
    layout = panel_layout([Panel(*x.shape, title=titles[0]), Panel(*out.shape, title=titles[1])], spacing=0.08)
    t = res.trace
    layout["shapes"] = [
        on_panel(window_shape(int(t.row_start[i, j]), int(t.row_stop[i, j]), int(t.col_start[i, j]),
                              int(t.col_stop[i, j]), outline, fill_alpha=0.0, width=3), 1)
        for i in range(out.shape[0]) for j in range(out.shape[1])
    ]
    layout.update(height=420, margin={"l": 30, "r": 10, "t": 40, "b": 30})
    data = [_input_trace(x, 1, zmin=lo, zmax=hi), _input_trace(out, 2, zmin=lo, zmax=hi)]
    return go.Figure({"data": data, "layout": layout})


# --------------------------------------------------------------------------- lesson 2


def _output_trace(res, records, n_filled: int, panel: int) -> dict:
    """The output grid after ``n_filled`` windows: computed cells in their
    window's colour with their value, the rest pale with a question mark."""
    ho, wo = res.output.shape[-2:]
    n = len(records)
    z = np.full((ho, wo), -1.0)
    text = np.full((ho, wo), UNFILLED_TEXT, dtype=object)
    for rec in records[:n_filled]:
        z[rec.out_row, rec.out_col] = rec.step
        text[rec.out_row, rec.out_col] = fmt(rec.output)
    # One colour band per level: -1 = not yet computed, k = window k.
    colors = [UNFILLED_FILL] + [window_color(k) for k in range(n)]
    scale = []
    for level, color in enumerate(colors):
        scale += [[level / len(colors), color], [(level + 1) / len(colors), color]]
    suffix = axis_suffix(panel)
    return dict(
        type="heatmap", z=z.tolist(), x=list(range(wo)), y=list(range(ho)), text=text.tolist(),
        texttemplate="%{text}", textfont={"color": "black"}, colorscale=scale,
        zmin=-1.5, zmax=n - 0.5, showscale=False, xgap=2, ygap=2, xaxis=f"x{suffix}",
        yaxis=f"y{suffix}", hovertemplate="(%{y}, %{x}): %{text}<extra></extra>", name="output",
    )


def _step_shapes(modes, k: int) -> list[dict]:
    """Shapes of step ``k`` (0-based): each mode's window on its input panel
    (earlier windows faintly tinted), the output cell being written, and for
    max pooling the winning cell."""
    shapes = []
    for m, mode in enumerate(modes):
        for done in mode.records[:k]:  # windows already visited: a faint tint of their colour
            tint = window_shape(done.row_start, done.row_stop, done.col_start, done.col_stop,
                                window_color(done.step), fill_alpha=VISITED_ALPHA, width=0)
            shapes.append(on_panel(tint, 2 * m + 1))
        rec = mode.records[k]
        color = window_color(rec.step)
        shapes += [on_panel(s, 2 * m + 1) for s in record_shapes(rec, color, dilated=mode.result.geometry.dilated)]
        if rec.mode == "max":
            shapes.append(on_panel(_inset(*rec.argmax, HIGHLIGHT), 2 * m + 1))
        shapes.append(on_panel(_inset(rec.out_row, rec.out_col, CURRENT_CELL, inset=0.04, width=3), 2 * m + 2))
    return shapes


def _step_title(view, k: int, step_label: str, sep: str = "      ") -> str:
    # Bold by hand: Streamlit's theme does not bold every title.
    lines = sep.join(m.arithmetic[k] for m in view.modes)
    return f"<b>{step_label} {k + 1}{colon_after(step_label)}{'  ' if sep.strip() == '' else sep}{lines}</b>"


ROW_GAP_PX = 56  # between two rows of panels: the column numbers above, the next titles below
ROW_DOMAINS = ((0.0, 0.48), (0.58, 1.0))  # input, output: the output's title needs the wider share


def _by_rows(layout: dict, panels, width: int) -> int:
    """Rearrange a :func:`panel_layout` of (input, output) pairs into one row per pair, each
    panel titled above it, for a chart about ``width`` px wide; returns the plot area's height."""
    n_rows = len(panels) // 2
    band = int((width - 40) * (ROW_DOMAINS[0][1] - ROW_DOMAINS[0][0]))  # the input grid's side, width-bound
    plot = n_rows * band + (n_rows - 1) * ROW_GAP_PX
    annotations = []
    for n, p in enumerate(panels):
        suffix, (x0, x1) = axis_suffix(n + 1), ROW_DOMAINS[n % 2]
        top = 1.0 - (n // 2) * (band + ROW_GAP_PX) / plot
        bottom = top - band / plot * p.rows / max(q.rows for q in panels)
        layout[f"xaxis{suffix}"]["domain"] = [x0, x1]
        layout[f"yaxis{suffix}"]["domain"] = [max(0.0, bottom), top]
        annotations.append(dict(text=p.title, xref="paper", yref="paper", x=(x0 + x1) / 2, y=top, xanchor="center",
                                yanchor="bottom", showarrow=False, font={"size": 15}))
    layout["annotations"] = annotations
    return plot


def walkthrough_figure(view, *, titles, step_label: str = "Step", rows: bool = False) -> go.Figure:
    """The walkthrough at ``view.step``: one still picture per step.

    For each mode the figure holds two panels: the input with the current
    window (max pooling: its winning cell outlined in ``HIGHLIGHT``; earlier
    windows faintly tinted), and the output with the cells computed so far in
    their windows' colours. The title carries the step's arithmetic. There are
    no Plotly frames: the page moves the step (``lessons.ui_step``), so the
    chart never shows another step than the page's controls and text.

    Parameters
    ----------
    view : lessons.walkthrough.View
        With at least one mode switched on.
    titles : sequence of str
        Two per mode: input panel title, output panel title.
    rows : bool
        One row per mode (input, output) and the arithmetic one line per mode, for a
        phone: four panels in a row leave their titles unreadably small there.
    """
    modes, step = view.modes, view.step
    if not modes:
        raise ValueError("the walkthrough figure needs at least one mode switched on")
    x = np.asarray(modes[0].result.input, dtype=float)
    panels = []
    for m, mode in enumerate(modes):
        panels += [Panel(*x.shape, title=titles[2 * m]), Panel(*mode.result.output.shape, title=titles[2 * m + 1])]
    layout = panel_layout(panels, spacing=0.04)
    data = []
    for m, mode in enumerate(modes):
        data += [_input_trace(x, 2 * m + 1, colorscale=PLAIN_SCALE),
                 _output_trace(mode.result, mode.records, step, 2 * m + 2)]
    layout.update(
        shapes=_step_shapes(modes, step - 1),
        title={"text": _step_title(view, step - 1, step_label, "<br>" if rows else "      "), "x": 0.5,
               "xanchor": "center", "font": {"size": 19, "family": "monospace"}},
        height=460,
        margin={"l": 30, "r": 20, "t": 100, "b": 30},
    )
    if rows:
        top = 70 + 24 * len(modes)  # the title's lines
        layout.update(height=top + 30 + _by_rows(layout, panels, PHONE_PX), margin={"l": 30, "r": 8, "t": top, "b": 30})
        # its lines grow downwards (Plotly sets a title of several lines one line too high: the larger pad)
        layout["title"].update(yref="container", y=1, yanchor="top", pad={"t": 24})
    return go.Figure({"data": data, "layout": layout})
