"""Lesson 2: the tutorial's Figure 1, a 2×2 window with stride 2 over the 4×4
input 1..16, one window at a time, average and max pooling side by side.

Thin page: read the widgets, build ``lessons.walkthrough.Settings``, compute,
hand the view to the figure builder, render."""

import streamlit as st

from lessons import ui_quiz
from lessons import walkthrough as wt
from lessons.figures.grid import WINDOW_COLOR_NAMES
from lessons.figures.walkthrough import walkthrough_figure
from lessons.ui import chart, computed, figure, lang, say, tr, wide_and_phone
from lessons.ui_present import presenting
from lessons.ui_step import stepper

URL = {"bind": "query-params"}
DEFAULTS = wt.Settings()


def _draw(step: int) -> None:
    """Everything that follows the step: the figure, the arithmetic, the notes (run by ui_step's fragment)."""
    view = computed(("wt", step, modes), lambda: wt.compute(wt.Settings(step=step, modes=modes)))
    titles = []
    for mode in view.modes:
        name = tr(f"common.{mode.mode}")
        titles += [tr("wt.panel_input", mode=name), tr("wt.panel_output", mode=name)]
    # a phone gets one row per mode (four panels in a row leave their titles too small); the browser draws one
    for where, rows in zip(wide_and_phone("wt_fig"), (False, True)):
        chart(figure(("wt", step, modes, lang(), rows), lambda: walkthrough_figure(
            view, titles=titles, step_label=tr("common.step"), rows=rows)), key="wt_fig" + "_phone" * rows, where=where)
    st.markdown(say(view.where, color=tr(f"wt.color_{WINDOW_COLOR_NAMES[view.step - 1]}")))
    for col, mode in zip(st.columns(len(view.modes)), view.modes):
        with col:
            st.markdown(f"#### {tr(mode.head)}")
            st.markdown(f"### `{mode.arithmetic[view.step - 1]}`")
            st.markdown(say(mode.note))
            st.caption(say(mode.so_far))


st.title(tr("nav.walkthrough"))
st.markdown(say(wt.LEAD))

# two toggles, not a radio: a bound radio would put its translated label in the URL;
# presenting, the hint goes beside them, so the toggles, the step controls and the figure fit one screen
cols = st.columns([1, 1, 3] if presenting() else 4, vertical_alignment="center")
modes = tuple(mode for mode, col in zip(wt.MODES, cols)
              if col.toggle(tr(f"wt.{mode}_head"), value=mode in DEFAULTS.modes, key=f"wt_{mode}", **URL))
if not modes:
    st.info(tr("wt.pick_one"))
else:
    (cols[2] if presenting() else st).caption(tr("wt.play_hint", windows=wt.N_WINDOWS))
    stepper("wt", wt.N_WINDOWS, _draw, label=tr("common.step"))
view = computed(("wt", wt.N_WINDOWS, modes), lambda: wt.compute(wt.Settings(step=wt.N_WINDOWS, modes=modes)))

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
