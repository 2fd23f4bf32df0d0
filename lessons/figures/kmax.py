"""Figures for the K-max pooling lesson (the tutorial's figure 2).

* :func:`kmax_walk_figure`: the input matrix and its K-max output side by
  side, walked one column at a time (the page moves the column).
* :func:`sentence_figures`: a sentence as a (features x words) matrix and
  what K-max along the words keeps.
* :func:`dynamic_k_figure`: the paper's k per layer.

The numbers come from :mod:`lessons.kmax`; text arrives translated.
Plotly and NumPy only; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..numbers import fmt
from .grid import HIGHLIGHT, cell_font, cell_shape, colon_after, grid_figure, window_color, window_shape

DONE_COLOR = "#999999"  # cells kept in columns already walked


def _blank_after(values: np.ndarray, text: np.ndarray, col: int):
    """Output shown after walking columns ``0..col``: later columns left empty."""
    z = np.array(values, dtype=float)
    t = np.array(text, dtype=object)
    z[:, col + 1:] = np.nan
    t[:, col + 1:] = ""
    return z, t


def kmax_walk_figure(x, kres, *, column: int | None = None, col_labels=None, input_title: str = "Input",
                     output_title: str = "Output") -> go.Figure:
    """The input and its K-max output in one picture, walked column by column.

    Parameters
    ----------
    x : (H, W) array
        Each column is one feature, pooled along the rows (``axis=-2``).
    kres : KMaxResult
        ``kmax_pool(x, k, axis=-2, ...)``.
    column : int, optional
        0-based column walked so far. ``None``: everything, every kept cell
        outlined. Column ``c`` outlines column ``c`` and its output column,
        marks its kept cells, greys those of the columns before it and writes
        the output up to column ``c``.
    col_labels : sequence of str, optional
        Column names (``F1``, ``F2``... by default).

    The output occupies columns ``W+1 .. 2W`` of the same axes, rows ``0..k-1``.
    """
    x = np.asarray(x, dtype=float)
    h, w = x.shape
    if kres.axis != x.ndim - 2 or kres.input_shape != x.shape:
        raise ValueError("kres must be kmax_pool(x, k, axis=-2) of this x")
    k = kres.output.shape[0]
    labels = list(col_labels) if col_labels is not None else [f"F{j + 1}" for j in range(w)]
    lo, hi = float(np.nanmin(x)), float(np.nanmax(x))
    fig = grid_figure(x, zmin=lo, zmax=hi)
    out_x = np.arange(w) + w + 1
    out_text = np.vectorize(fmt, otypes=[object])(kres.output)
    origin = np.vectorize(str, otypes=[object])(kres.indices)
    if column is not None:
        if not 0 <= column < w:
            raise ValueError(f"column must be between 0 and {w - 1}, got {column}")
        out_z, out_text = _blank_after(kres.output, out_text, column)
    else:
        out_z = kres.output
    fig.add_trace(go.Heatmap(
        z=out_z, x=out_x, y=np.arange(k), text=out_text, texttemplate="%{text}",
        customdata=origin, textfont=cell_font(out_text),  # sized from the cell, as the input's
        colorscale=fig.data[0].colorscale, zmin=lo, zmax=hi if hi > lo else lo + 1, showscale=False,
        xgap=2, ygap=2, hovertemplate="%{text} ← %{customdata}<extra></extra>", name="output",
    ))
    selected = kres.selected
    rows, cols = np.nonzero(selected)

    def column_shapes(c: int) -> list[dict]:
        shapes = [cell_shape(r, cc, DONE_COLOR, width=2) for r, cc in zip(rows, cols) if cc < c]
        color = window_color(c)
        shapes.append(window_shape(0, h, c, c + 1, color, fill_alpha=0.15, width=3))
        shapes.append(window_shape(0, k, w + 1 + c, w + 2 + c, color, fill_alpha=0.15, width=3))
        shapes += [cell_shape(r, c, HIGHLIGHT, width=4) for r in np.nonzero(selected[:, c])[0]]
        return shapes

    all_shapes = [cell_shape(r, c, HIGHLIGHT, width=4) for r, c in zip(rows, cols)]
    fig.update_layout(
        shapes=all_shapes if column is None else column_shapes(column),
        height=int(126 + 72 * h),
        margin={"l": 30, "r": 10, "t": 76, "b": 30},
        annotations=[
            {"x": x_mid, "y": 1, "xref": "x", "yref": "paper", "yshift": 32, "text": f"<b>{title}</b>",
             "showarrow": False, "yanchor": "bottom", "font": {"size": 15}}
            for x_mid, title in (((w - 1) / 2, input_title), (w + 1 + (w - 1) / 2, output_title))
        ],
    )
    fig.update_xaxes(tickvals=list(np.arange(w)) + list(out_x), ticktext=labels + labels,
                     range=[-0.5, 2 * w + 0.5])
    # on a narrow screen the grids are width-bound: keep them right under their titles, not centred below them
    fig.update_yaxes(range=[h - 0.5, -0.5], autorange=False, constraintoward="top")
    return fig


# ---------------------------------------------------------------- sentences

def sentence_figures(sentence, kres, kept, feature_names, *, input_title: str = "",
                     output_title: str = "") -> tuple[go.Figure, go.Figure]:
    """The sentence matrix with the kept cells outlined, and the (features x k) output.

    Parameters
    ----------
    sentence : lessons.kmax.Sentence
    kres : KMaxResult
        ``kmax_pool(sentence.matrix, k, axis=-1)``: K-max along the words.
    kept : sequence of sequences of str
        Per feature, the words kept (:func:`lessons.kmax.kept_words`): output
        cells show the kept word above its score.
    feature_names : sequence of str
    """
    x = sentence.matrix
    n_feat, n_words = x.shape
    if kres.input_shape != x.shape or kres.axis != 1:
        raise ValueError("kres must be kmax_pool(sentence.matrix, k, axis=-1)")
    lo, hi = float(x.min()), float(x.max())
    left = 14 + 8 * max(len(str(n)) for n in feature_names)
    fig_in = grid_figure(x, zmin=lo, zmax=hi, cell_px=50, title=f"<b>{input_title}</b>" if input_title else "",
                         title_lift=36)  # words are taller than numbers
    rows, cols = np.nonzero(kres.selected)
    fig_in.update_layout(shapes=[cell_shape(r, c, HIGHLIGHT, width=4) for r, c in zip(rows, cols)],
                         margin={"l": left})
    fig_in.update_xaxes(ticktext=list(sentence.words), tickfont={"size": 14})
    fig_in.update_yaxes(ticktext=list(feature_names))

    text = np.array([[f"{w}<br>{fmt(v)}" for w, v in zip(ws, vs)] for ws, vs in zip(kept, kres.output)],
                    dtype=object)
    fig_out = grid_figure(kres.output, zmin=lo, zmax=hi, text=text, cell_px=62,
                          title=f"<b>{output_title}</b>" if output_title else "")
    fig_out.update_layout(margin={"l": left})
    fig_out.update_xaxes(ticktext=[str(j + 1) for j in range(kres.output.shape[1])])
    fig_out.update_yaxes(ticktext=list(feature_names))
    return fig_in, fig_out


# ---------------------------------------------------------------- dynamic k

def dynamic_k_figure(rows, *, layer_names, k_label: str = "k",
                     length_label: str = "sentence length s") -> go.Figure:
    """Bars: k for each layer (``rows``: :func:`lessons.kmax.dynamic_k_rows`,
    named by ``layer_names``), with the sentence length as a dashed line."""
    fig = go.Figure(go.Bar(x=list(layer_names), y=[r.k for r in rows], text=[str(r.k) for r in rows],
                           textposition="outside", marker_color=window_color(1), name=k_label,
                           hovertemplate="%{x}: k = %{y}<extra></extra>"))
    s = rows[0].sentence_length if rows else 0
    fig.add_hline(y=s, line_dash="dash", line_color="#555555",
                  annotation_text=f"{length_label} = {s}", annotation_position="top left")
    top = max([s] + [r.k for r in rows])
    fig.update_layout(height=280, margin={"l": 40, "r": 10, "t": 30, "b": 30}, plot_bgcolor="white",
                      showlegend=False, yaxis={"title": k_label, "range": [0, top * 1.25 + 1],
                                               "gridcolor": "#eeeeee"})
    return fig
