"""Figures and formulas for the playground (lesson 3).

Everything here is plotly/numpy and returns plain values or figures, so plain
pytest can check frames, shapes and formula text; the page only renders them.

- :func:`playground_figure`: the padded input and the output side by side,
  the current window outlined, with Plotly frames that walk the window over
  the input (at most :data:`FRAME_CAP` of them) while the output cell it fills
  lights up.
- :func:`window_arithmetic`: one window's computation, ``max(...) = v`` or
  ``(a + b + 0) / 3 = v``, padding zeros shown where the average counts them.
- :func:`size_formula`: the output-size formula with every number put in,
  from :func:`pooling_core.explain_output_size`.
- :func:`torch_differences`, :func:`framework_code`: the same settings in
  PyTorch and PaddlePaddle, and where PyTorch would refuse them.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .formula import SizeFormula, size_formula
from .grid import (
    HIGHLIGHT,
    cell_shape,
    fmt,
    grid_figure,
    padded_view,
    rgba,
    window_color,
    window_shape,
)

__all__ = [
    "FRAME_CAP", "MAX_TERMS", "frame_count", "playground_figure", "input_figure", "static_traces",
    "step_shapes", "has_overhang", "window_terms", "window_counts", "window_arithmetic",
    "arithmetic_notes", "SizeFormula", "size_formula", "formula_note",
    "torch_differences", "framework_code",
]

FRAME_CAP = 64  # animate at most this many windows: a light figure, a fast rerun
MAX_TERMS = 16  # longer window sums are shortened with "…"
BORDER = "#333333"  # outline of the real input
GAP_CELLS = 1.5  # space between the input and the output, in cells
def frame_count(n_windows: int, cap: int = FRAME_CAP) -> int:
    """How many windows the animation walks through: all of them, up to ``cap``."""
    return max(0, min(int(n_windows), int(cap)))


def _on_output_axes(shape: dict) -> dict:
    return {**shape, "xref": "x2", "yref": "y2"}


def _outline_trace(top, bottom, left, right, *, dash: str = "solid", width: float = 2) -> dict:
    """A closed line around rows ``[top, bottom)`` and columns ``[left, right)``.

    Outlines that never move are traces, not layout shapes, so the animation
    frames (which replace every layout shape) stay small.
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
    if has_overhang(trace):
        lines.append(_outline_trace(-g.rows.pad_before, g.rows.size + g.rows.pad_after,
                                    -g.cols.pad_before, g.cols.size + g.cols.pad_after,
                                    dash="dash", width=1.5))
    return lines


def has_overhang(trace) -> bool:
    """True when some window reaches past the padding (ceil mode's last window)."""
    g = trace.geometry
    return tuple(trace.extent) != (-g.rows.pad_before, g.rows.size + g.rows.pad_after,
                                   -g.cols.pad_before, g.cols.size + g.cols.pad_after)


def window_counts(rec, geometry) -> dict[str, int]:
    """How many of a window's cells are padding, padding the average counts,
    overhang past the padding (ceil mode), and terms in its arithmetic."""
    def within_padding(taps, axis):
        return (taps >= -axis.pad_before) & (taps < axis.size + axis.pad_after)

    inside = np.outer(within_padding(rec.rows, geometry.rows), within_padding(rec.cols, geometry.cols))
    return {
        "padding": int(rec.is_padding.sum()),
        "counted_padding": int((rec.is_padding & rec.counted).sum()) if rec.mode == "avg" else 0,
        "overhang": int((~inside).sum()),
        "terms": len(window_terms(rec)),
    }


def _taps_path(rec, color: str) -> dict:
    """One path shape with a square on every cell a dilated window reads."""
    squares = [f"M{c - 0.5},{r - 0.5}H{c + 0.5}V{r + 0.5}H{c - 0.5}Z"
               for r in rec.rows.tolist() for c in rec.cols.tolist()]
    return {"type": "path", "xref": "x", "yref": "y", "path": "".join(squares),
            "line": {"color": color, "width": 2}, "fillcolor": rgba(color, 0.35), "layer": "above"}


def step_shapes(rec) -> list[dict]:
    """Shapes for one window: its outline on the input (dotted, plus its taps,
    when dilated), its maximum (max pooling) and the output cell it fills."""
    color = window_color(rec.step)
    dilated = (len(rec.rows) > 1 and rec.rows[1] - rec.rows[0] > 1) or (
        len(rec.cols) > 1 and rec.cols[1] - rec.cols[0] > 1)
    if dilated:
        shapes = [window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop, color,
                               fill_alpha=0.0, width=2, dash="dot"), _taps_path(rec, color)]
    else:
        shapes = [window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop, color)]
    if rec.argmax is not None:
        shapes.append(cell_shape(rec.argmax[0], rec.argmax[1], HIGHLIGHT, width=4))
    shapes.append(_on_output_axes(cell_shape(rec.out_row, rec.out_col, color, width=4, fill_alpha=0.35)))
    return shapes


def _value_range(*arrays) -> tuple[float, float]:
    finite = np.concatenate([np.asarray(a, float).ravel() for a in arrays])
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return 0.0, 1.0
    return float(finite.min()), float(finite.max())


def input_figure(values, *, title: str = "") -> go.Figure:
    """The input alone, for when the settings do not give any window."""
    return grid_figure(np.asarray(values, float), title=title)


def playground_figure(res, values, *, step: int = 0, cap: int = FRAME_CAP,
                      input_title: str = "", output_title: str = "",
                      play_label: str = "Play", pause_label: str = "Pause",
                      padding_label: str = "pad", frame_ms: int = 700) -> go.Figure:
    """The padded input (left) and the output (right) in one figure.

    Parameters
    ----------
    res : PoolResult
        A 2-D pooling of ``values``.
    values : (H, W) array
        The input as pooled.
    step : int
        0-based raster index of the window shown before the animation runs.
    cap : int
        Most windows the animation visits (the first ``cap`` in raster order).

    The figure's ``frames`` (named ``"0"``, ``"1"``, ...) change only
    ``layout.shapes``, to :func:`step_shapes` of that window; the outlines of
    :func:`static_traces` never move. Equal cell sizes on both sides; padding
    cells grey and labelled ``padding_label``.
    """
    trace = res.trace
    x = np.asarray(values, float)
    out = np.asarray(res.output, float)
    padded, pad_mask, row0, col0 = padded_view(trace, x)
    zmin, zmax = _value_range(x, out)
    # Both grids are drawn by grid_figure and joined as plain dicts: one
    # plotly check of the whole figure at the end, and no copy of the template.
    fin = grid_figure(padded, row0=row0, col0=col0, padding=pad_mask, zmin=zmin, zmax=zmax,
                      padding_label=padding_label).to_dict()
    fout = grid_figure(out, zmin=zmin, zmax=zmax).to_dict()
    n_rows_in, n_cols_in = padded.shape
    ho, wo = out.shape
    n_rows = max(n_rows_in, ho)
    total = n_cols_in + GAP_CELLS + wo
    split = n_cols_in / total
    tick = {"size": 10 if max(n_rows, n_cols_in) > 10 else 12}
    title_font = {"size": 14}

    layout = {k: v for k, v in fin["layout"].items() if k != "template"}
    layout["xaxis"].update(domain=[0, split], range=[col0 - 0.5, col0 + n_cols_in - 0.5],
                           constraintoward="right", title={"text": input_title, "font": title_font})
    layout["yaxis"].update(autorange=False, range=[row0 + n_rows - 0.5, row0 - 0.5])
    layout["xaxis2"] = {
        "domain": [split + GAP_CELLS / total, 1], "anchor": "y2", "side": "top",
        "range": [-0.5, wo - 0.5], "tickmode": "array", "tickvals": list(range(wo)), "showgrid": False,
        "zeroline": False, "fixedrange": True, "constrain": "domain", "constraintoward": "left",
        "tickfont": tick, "title": {"text": output_title, "font": title_font}}
    layout["yaxis2"] = {
        "anchor": "x2", "autorange": False, "range": [n_rows - 0.5, -0.5], "tickmode": "array",
        "tickvals": list(range(ho)), "showgrid": False, "zeroline": False, "fixedrange": True,
        "scaleanchor": "x2", "scaleratio": 1, "constrain": "domain", "tickfont": tick}
    layout.update(height=int(min(640, 110 + (46 if n_rows <= 10 else 26) * n_rows)),
                  margin={"l": 30, "r": 10, "t": 60, "b": 50})
    data = fin["data"] + [{**heat, "xaxis": "x2", "yaxis": "y2"} for heat in fout["data"]] + static_traces(trace)

    n = trace.n_windows
    step = min(max(int(step), 0), n - 1)
    shown = trace.window(*divmod(step, wo))
    layout["shapes"] = step_shapes(shown)
    frames = []
    n_frames = frame_count(n, cap)
    if n_frames > 1:
        frames = [{"name": str(k), "layout": {"shapes": step_shapes(
            shown if k == step else trace.window(*divmod(k, wo)))}} for k in range(n_frames)]
        play = {"frame": {"duration": frame_ms, "redraw": False}, "mode": "immediate",
                "fromcurrent": False, "transition": {"duration": 0}}
        pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate",
                 "transition": {"duration": 0}}
        layout["updatemenus"] = [{
            "type": "buttons", "direction": "left", "showactive": False,
            "x": 0, "y": 0, "xanchor": "left", "yanchor": "top", "pad": {"t": 8},
            "buttons": [
                {"label": "▶ " + play_label, "method": "animate",
                 "args": [[str(k) for k in range(n_frames)], play]},
                {"label": "‖ " + pause_label, "method": "animate", "args": [[None], pause]},
            ],
        }]
    return go.Figure(data=data, layout=layout, frames=frames)


# One window's arithmetic -------------------------------------------------------

def _num(v, digits: int = 2) -> str:
    s = fmt(v, digits)
    return f"({s})" if s.startswith("-") else s


def _approx(v, digits: int = 2) -> str:
    """``= 3.5`` or ``≈ 0.33`` when the shown digits are not the whole value."""
    s = fmt(v, digits)
    try:
        exact = float(s) == float(v)
    except ValueError:
        exact = True
    return ("= " if exact else "≈ ") + s


def window_terms(rec) -> list[tuple[float, str]]:
    """The numbers a window combines, in reading order, as ``(value, kind)``.

    ``kind`` is ``"real"``, ``"argmax"`` (max pooling's winner) or ``"pad"``
    (a zero-padding cell the average counts). Max pooling lists only real
    cells; padding the average does not count, and a ceil-mode overhang, is
    left out, so an average's terms always number ``rec.divisor``.
    """
    terms = []
    kh, kw = rec.values.shape
    for i in range(kh):
        for j in range(kw):
            if not rec.is_padding[i, j]:
                kind = "argmax" if rec.argmax_tap == (i, j) else "real"
                terms.append((float(rec.values[i, j]), kind))
            elif rec.mode == "avg" and rec.counted[i, j]:
                terms.append((0.0, "pad"))
    return terms


def _shorten(items: list[str], limit: int) -> list[str]:
    if len(items) <= limit:
        return items
    head = limit - 4
    return items[:head] + ["…"] + items[-3:]


def window_arithmetic(rec, *, latex: bool = False, max_terms: int = MAX_TERMS) -> str:
    """One window's computation as text.

    Plain: ``max(1, 2, 7, 8) = 8`` or ``(1 + 2 + 0 + 0) / 4 = 3 / 4 = 0.75``.
    With ``latex=True`` a KaTeX version: the winner boxed, padding zeros grey.
    Sums longer than ``max_terms`` are shortened with an ellipsis.
    """
    terms = window_terms(rec)
    if latex:
        def show(v, kind):
            s = _num(v)
            if kind == "argmax":
                return rf"\boxed{{{s}}}"
            if kind == "pad":
                return rf"\textcolor{{gray}}{{{s}}}"
            return s
        parts = _shorten([show(v, k) for v, k in terms], max_terms)
        parts = [r"\dots" if p == "…" else p for p in parts]
        result = _approx(rec.output).replace("≈", r"\approx")
        if rec.mode == "max":
            return r"\max(" + r",\ ".join(parts) + ") " + result
        return (r"\dfrac{" + " + ".join(parts) + "}{" + str(rec.divisor) + "} = \\dfrac{"
                + _num(rec.total) + "}{" + str(rec.divisor) + "} " + result)
    parts = _shorten([_num(v) for v, _ in terms], max_terms)
    if rec.mode == "max":
        return "max(" + ", ".join(parts) + ") " + _approx(rec.output)
    return ("(" + " + ".join(parts) + f") / {rec.divisor} = {_num(rec.total)} / {rec.divisor} "
            + _approx(rec.output))


def arithmetic_notes(rec, geometry, *, max_terms: int = MAX_TERMS) -> list[tuple[str, dict]]:
    """What to say under one window's arithmetic: ``(translation key, fields)`` pairs.

    The mode's rule, then what happened to this window's padding (skipped by
    max, counted or left out by the average), cells past the padding, and a
    shortened sum.
    """
    counts = window_counts(rec, geometry)
    in_padding = counts["padding"] - counts["overhang"]  # padding cells inside the padded input
    notes = [(f"pg.arith_{rec.mode}", {"d": rec.divisor})]
    if rec.mode == "max" and counts["padding"]:
        notes.append(("pg.arith_max_pad", {"n": counts["padding"]}))
    if rec.mode == "avg" and counts["counted_padding"]:
        notes.append(("pg.arith_avg_pad_counted", {"n": counts["counted_padding"]}))
    if rec.mode == "avg" and in_padding > counts["counted_padding"]:
        notes.append(("pg.arith_avg_pad_skipped", {"n": in_padding, "d": rec.divisor}))
    if counts["overhang"]:
        notes.append(("pg.arith_overhang", {"n": counts["overhang"]}))
    if counts["terms"] > max_terms:
        notes.append(("pg.arith_shortened", {"n": counts["terms"]}))
    return notes


# The output-size formula: lessons/figures/formula.py; what to say about it here.

def formula_note(f: SizeFormula, size: int, kernel: int, dilation: int, pad_before: int,
                 pad_after: int) -> tuple[str, str, dict]:
    """How to comment one axis's formula: ``(level, translation key, fields)``.

    ``level`` is ``"warning"`` (no window fits), ``"info"`` (ceil mode dropped
    a window) or ``"caption"`` (a remainder left uncovered, an overhang, or an
    exact fit).
    """
    fields = {"out": f.out, "start": f.last_start, "last": size - 1, "n": f.uncovered or f.overhang,
              "span": (kernel - 1) * dilation + 1, "padded": size + pad_before + pad_after}
    if not f.ok:
        return "warning", f"pg.formula_none.{f.axis}", fields
    if f.dropped:
        return "info", f"pg.formula_dropped.{f.axis}", fields
    if f.uncovered:
        return "caption", f"pg.formula_uncovered.{f.axis}", fields
    if f.overhang:
        return "caption", f"pg.formula_overhang.{f.axis}", fields
    return "caption", f"pg.formula_exact.{f.axis}", fields


# Where PyTorch differs -------------------------------------------------------------

def torch_differences(kernel, padding, dilation, mode: str) -> list[tuple[str, dict]]:
    """What PyTorch's ``max_pool2d`` / ``avg_pool2d`` would refuse in these settings.

    Parameters
    ----------
    kernel, dilation : (h, w)
    padding : (top, bottom, left, right)

    Returns ``(code, fields)`` pairs: ``"asymmetric"`` (PyTorch pads both sides
    of an axis equally), ``"half"`` (PyTorch allows at most half the kernel
    as padding), ``"avg_dilation"`` (``avg_pool2d`` has no dilation).
    """
    (kh, kw), (dh, dw) = kernel, dilation
    top, bottom, left, right = padding
    found = []
    if top != bottom or left != right:
        found.append(("asymmetric", {}))
    if max(top, bottom) > kh // 2 or max(left, right) > kw // 2:
        found.append(("half", {"kh": kh, "kw": kw, "limit_h": kh // 2, "limit_w": kw // 2}))
    if mode == "avg" and (dh > 1 or dw > 1):
        found.append(("avg_dilation", {}))
    return found


# The same settings in PyTorch and PaddlePaddle ----------------------------------------

def framework_code(kernel, stride, padding, dilation, ceil_mode: bool,
                   count_include_pad: bool, mode: str) -> tuple[str | None, str | None]:
    """The pooling call for these settings in PyTorch and in PaddlePaddle.

    Parameters
    ----------
    kernel, stride, dilation : (h, w)
    padding : (top, bottom, left, right)

    Returns ``(torch_code, paddle_code)``; ``None`` where that library has no
    direct spelling (PyTorch: see :func:`torch_differences`; PaddlePaddle's
    pooling has no dilation).

    >>> print(framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), False, False, "avg")[1])
    y = F.avg_pool2d(
        x, kernel_size=[2, 2], stride=[2, 2],
        padding=[0, 1, 0, 1],
        ceil_mode=False, exclusive=True)
    """
    (kh, kw), (sh, sw), (dh, dw) = kernel, stride, dilation
    top, bottom, left, right = padding
    torch_code = None
    if not torch_differences(kernel, padding, dilation, mode):
        head = f"    x, kernel_size=({kh}, {kw}), stride=({sh}, {sw}),\n"
        if mode == "max":
            torch_code = (f"y = F.max_pool2d(\n{head}    padding=({top}, {left}), dilation=({dh}, {dw}),\n"
                          f"    ceil_mode={ceil_mode})")
        else:
            torch_code = (f"y = F.avg_pool2d(\n{head}    padding=({top}, {left}), ceil_mode={ceil_mode},\n"
                          f"    count_include_pad={count_include_pad})")
    paddle_code = None
    if dh == 1 and dw == 1:
        paddle_code = (f"y = F.{mode}_pool2d(\n    x, kernel_size=[{kh}, {kw}], stride=[{sh}, {sw}],\n"
                       f"    padding=[{top}, {bottom}, {left}, {right}],\n    ceil_mode={ceil_mode}"
                       + (")" if mode == "max" else f", exclusive={not count_include_pad})"))
    return torch_code, paddle_code
