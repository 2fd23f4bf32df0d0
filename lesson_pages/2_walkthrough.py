"""Lesson 2: the tutorial's Figure 1, a 2×2 window with stride 2 over the 4×4
input 1..16, one window at a time, average and max pooling side by side.

Thin page: read the widgets, build ``lessons.walkthrough.Settings``, compute,
hand the view to the figure builder, render."""

import streamlit as st

from lessons import ui_quiz
from lessons import walkthrough as wt
from lessons.figures.grid import WINDOW_COLOR_NAMES
from lessons.figures.walkthrough import walkthrough_figure
from lessons.ui import chart, say, tr

URL = {"bind": "query-params"}
DEFAULTS = wt.Settings()


def _move(delta: int) -> None:
    st.session_state["wt_step"] = wt.moved(st.session_state.get("wt_step", DEFAULTS.step), delta)


st.title(tr("nav.walkthrough"))
st.markdown(say(wt.LEAD))

c_back, c_next, c_step, c_show = st.columns([1.4, 1.4, 3.6, 3], vertical_alignment="bottom")
with c_step:  # no value=: the Back/Next buttons set it, and its default is 1, DEFAULTS.step
    step = st.slider(tr("common.step"), 1, wt.N_WINDOWS, key="wt_step", **URL)
with c_back:
    st.button(tr("common.prev"), key="wt_back", on_click=_move, args=(-1,), disabled=step <= 1, width="stretch")
with c_next:
    st.button(tr("common.next"), key="wt_next", on_click=_move, args=(1,), disabled=step >= wt.N_WINDOWS,
              width="stretch")
with c_show:  # two toggles, not a radio: a bound radio would put its translated label in the URL
    modes = tuple(mode for mode in wt.MODES
                  if st.toggle(tr(f"wt.{mode}_head"), value=mode in DEFAULTS.modes, key=f"wt_{mode}", **URL))

view = wt.compute(wt.Settings(step=step, modes=modes))

if not view.modes:
    st.info(tr("wt.pick_one"))
else:
    titles = []
    for mode in view.modes:
        name = tr(f"common.{mode.mode}")
        titles += [tr("wt.panel_input", mode=name), tr("wt.panel_output", mode=name)]
    fig = walkthrough_figure(view, titles=titles, play_label=tr("common.play"), pause_label=tr("common.pause"),
                             step_label=tr("common.step"))
    chart(fig, key="wt_fig")
    st.caption(tr("wt.play_hint", windows=wt.N_WINDOWS))

    st.markdown(say(view.where, color=tr(f"wt.color_{WINDOW_COLOR_NAMES[view.step - 1]}")))
    for col, mode in zip(st.columns(len(view.modes)), view.modes):
        with col:
            st.markdown(f"#### {tr(mode.head)}")
            st.markdown(f"### `{mode.arithmetic[view.step - 1]}`")
            st.markdown(say(mode.note))
            st.caption(say(mode.so_far))

st.subheader(tr("wt.size_head"))
st.markdown(tr("wt.size_intro"))
for formula in view.formulas:
    st.latex(formula.line)
st.markdown(say(view.floor_note))
st.markdown(say(view.half_note))

left, right = st.columns(2)
with left:
    st.subheader(tr("wt.notice_head"))
    st.markdown("\n".join(f"- {tr(f'wt.notice_{i}')}" for i in (1, 2, 3)))
with right:
    st.subheader(tr("wt.try_head"))
    st.markdown("\n".join(f"- {tr(f'wt.try_{i}')}" for i in (1, 2, 3, 4)))

ui_quiz.walkthrough(view)
