"""Lesson 2: the tutorial's Figure 1, a 2×2 window with stride 2 over the 4×4
input 1..16, one window at a time, average and max pooling side by side."""

import numpy as np
import streamlit as st

from lessons.figures.formula import size_formula
from lessons.figures.grid import WINDOW_COLOR_NAMES, fmt
from lessons.figures.walkthrough import arithmetic_text, walkthrough_figure
from lessons.ui import chart, explained_errors, tr
from pooling_core import explain_output_size, pool2d

X = np.arange(1, 17, dtype=float).reshape(4, 4)  # the tutorial's input
KERNEL, STRIDE = 2, 2
SIZES = [explain_output_size(n, KERNEL, STRIDE) for n in X.shape]  # rows, columns: 2 windows each way
N_WINDOWS = SIZES[0].out * SIZES[1].out
HEAD = {"avg": "wt.avg_head", "max": "wt.max_head"}


def _move(delta: int) -> None:
    step = st.session_state.get("wt_step", 1) + delta
    st.session_state["wt_step"] = min(max(step, 1), N_WINDOWS)


st.title(tr("nav.walkthrough"))
st.markdown(tr("wt.lead", h=X.shape[0], w=X.shape[1], n=X.size, kh=KERNEL, kw=KERNEL, s=STRIDE, windows=N_WINDOWS))

c_back, c_next, c_step, c_show = st.columns([1.4, 1.4, 3.6, 3], vertical_alignment="bottom")
with c_step:
    step = st.slider(tr("common.step"), 1, N_WINDOWS, key="wt_step", bind="query-params")
with c_back:
    st.button(tr("common.prev"), key="wt_back", on_click=_move, args=(-1,), disabled=step <= 1, width="stretch")
with c_next:
    st.button(tr("common.next"), key="wt_next", on_click=_move, args=(1,), disabled=step >= N_WINDOWS,
              width="stretch")
with c_show:  # two toggles, not a radio: a bound radio would put its translated label in the URL
    modes = [mode for mode in ("avg", "max")
             if st.toggle(tr(HEAD[mode]), value=True, key=f"wt_{mode}", bind="query-params")]

if not modes:
    st.info(tr("wt.pick_one"))
results, records = [], []
with explained_errors():
    results = [pool2d(X, KERNEL, STRIDE, mode=mode) for mode in modes]
    records = [res.trace.windows() for res in results]

if results:
    titles = []
    for mode in modes:
        name = tr(f"common.{mode}")
        titles += [tr("wt.panel_input", mode=name), tr("wt.panel_output", mode=name)]
    fig = walkthrough_figure(results, titles=titles, step=step, play_label=tr("common.play"),
                             pause_label=tr("common.pause"), step_label=tr("common.step"))
    chart(fig, key="wt_fig")
    st.caption(tr("wt.play_hint", windows=N_WINDOWS))

    rec = records[0][step - 1]
    st.markdown(tr("wt.where", n=step, total=N_WINDOWS, color=tr(f"wt.color_{WINDOW_COLOR_NAMES[rec.step]}"),
                   r0=rec.row_start, r1=rec.row_stop - 1, c0=rec.col_start, c1=rec.col_stop - 1,
                   i=rec.out_row, j=rec.out_col))
    for col, res, recs in zip(st.columns(len(results)), results, records):
        rec = recs[step - 1]
        with col:
            st.markdown(f"#### {tr(HEAD[res.mode])}")
            st.markdown(f"### `{arithmetic_text(rec)}`")
            if res.mode == "avg":
                st.markdown(tr("wt.avg_note", count=rec.real_values.size, total=fmt(rec.total),
                               divisor=rec.divisor))
            else:
                st.markdown(tr("wt.max_note", value=fmt(rec.output), r=rec.argmax[0], c=rec.argmax[1]))
            st.caption(tr("wt.output_so_far", cells=", ".join(fmt(r.output) for r in recs[:step])))

st.subheader(tr("wt.size_head"))
st.markdown(tr("wt.size_intro"))
rows, cols = SIZES
with explained_errors():
    st.latex(size_formula(rows, "H").line)
    st.latex(size_formula(cols, "W").line)
    st.markdown(tr("wt.size_floor", num=rows.numerator, s=rows.stride, q=fmt(rows.quotient), out=rows.out))
    odd = explain_output_size(5, KERNEL, STRIDE)
    st.markdown(tr("wt.size_half", h=odd.size, out=odd.out, half=fmt(odd.size / 2)))

left, right = st.columns(2)
with left:
    st.subheader(tr("wt.notice_head"))
    st.markdown("\n".join(f"- {tr(f'wt.notice_{i}')}" for i in (1, 2, 3)))
with right:
    st.subheader(tr("wt.try_head"))
    st.markdown("\n".join(f"- {tr(f'wt.try_{i}')}" for i in (1, 2, 3, 4)))
