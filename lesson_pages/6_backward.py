"""Lesson 6: the backward pass of average and max pooling, and when the total gradient is (not) preserved.

Widgets -> bw.Settings -> bw.compute (lessons/backward.py) -> lessons/figures/backward.py -> render; the
figures are cached per setting and language, as building one costs far more than the pooling itself.
"""

import streamlit as st

from lessons import backward as bw
from lessons import ui_quiz
from lessons.examples import MAX_SIDE, SEED_MAX
from lessons.figures import backward as fb
from lessons.gradcheck import EPS
from lessons.i18n import t
from lessons.ui import chart, controls_box, explained_errors, figure_first, lang, say, shared, tr
from lessons.ui_choice import choice
from lessons.ui_draw import draw_input, draw_into_text

DEFAULT = bw.Settings()
KEYS = {"x_preset": "bw_x", "n": "bw_n", "kernel": "bw_k", "stride": "bw_s", "padding": "bw_p",
        "count_include_pad": "bw_cip"}  # widget of each Settings field a quick setting changes


def _apply(name: str) -> None:
    for field, value in bw.QUICK[name].items():
        st.session_state[KEYS[field]] = value


# The lesson and its figures are read-only once built, so one shared copy per setting is safe.
@st.cache_resource(max_entries=64, show_spinner=False)
def _lesson(settings: bw.Settings, language: str):
    lesson = bw.compute(settings)
    return lesson, shared(fb.lesson_figures(lesson, {n: t(k, language) for n, k in bw.figure_titles().items()}))


@st.cache_resource(max_entries=64, show_spinner=False)
def _mode_figures(settings: bw.Settings, mode: str, language: str):
    labels = {name: t(key, language) for name, key in bw.figure_titles(mode).items()}
    return shared(fb.mode_figures(_lesson(settings, language)[0].by_mode(mode), labels))


st.title(tr("bw.title"))
st.markdown(tr("bw.intro"))

# ---------------------------------------------------------------- settings
with controls_box("bw", border=True):  # presenting: stays in view above the figures
    st.markdown(f"**{tr('bw.settings')}**")
    c1, c2, c3 = st.columns(3)
    with c1:
        # Choices show names in the reader's language; the URL keeps code names (lessons/ui_choice.py).
        x_preset = choice(st.radio, tr("bw.x_label"), bw.INPUT_PRESETS, key="bw_x", default=DEFAULT.x_preset,
                          names=lambda name: tr(f"bw.x_{name}"))
        n = st.slider(tr("bw.n_label"), *bw.N_RANGE, DEFAULT.n, key="bw_n", bind="query-params",
                      help=tr("common.too_big", limit=MAX_SIDE))
    with c2:
        k = st.slider(tr("bw.k_label"), *bw.KERNEL_RANGE, DEFAULT.kernel, key="bw_k", bind="query-params")
        s = st.slider(tr("bw.s_label"), *bw.STRIDE_RANGE, DEFAULT.stride, key="bw_s", bind="query-params")
        p = st.slider(tr("bw.p_label"), *bw.PADDING_RANGE, DEFAULT.padding, key="bw_p", bind="query-params")
        cip = st.toggle(tr("bw.cip_label"), DEFAULT.count_include_pad, key="bw_cip", bind="query-params",
                        help=tr("bw.cip_help"))
    with c3:
        g_preset = choice(st.radio, tr("bw.g_label"), bw.UPSTREAM_PRESETS, key="bw_g", default=DEFAULT.g_preset,
                          names=lambda name: tr(f"bw.g_{name}"))
        seed = st.number_input(tr("bw.seed_label"), 0, SEED_MAX, DEFAULT.seed, 1, key="bw_seed", bind="query-params")
        g_text = st.text_input(tr("bw.gtext_label"), DEFAULT.g_text, key="bw_gtext", bind="query-params",
                               placeholder="1 2; 3 4") if g_preset == "custom" else DEFAULT.g_text
    b0, b1, b2, b3 = st.columns([1, 2, 2, 2], vertical_alignment="center")
    b0.markdown(tr("bw.try"))
    for col, name in zip((b1, b2, b3), bw.QUICK):
        col.button(tr(f"bw.try_{name}"), key=f"bw_try_{name}", on_click=_apply, args=(name,), width="stretch")
    drawn = draw_input("bw", bw.make_input(x_preset, n, int(seed)), base=(x_preset, int(seed)))

settings = bw.Settings(x_preset, n, int(seed), k, s, p, bool(cip), g_preset, g_text, drawn)
lesson = None
with explained_errors():
    lesson, figs = _lesson(settings, lang())

if lesson is None:
    st.info(tr("bw.fix_settings"))
else:
    if lesson.upstream_problem:
        st.warning(say(lesson.upstream_problem))

    # 1 · forward recap and upstream gradient (on a phone, before the settings)
    with figure_first("bw"):
        st.header(tr("bw.s1_title"))
        st.markdown(tr("bw.s1_text"))
        left, right = st.columns(2)
        chart(figs["input"], "bw_fig_input", left)
        if lesson.windows_note:
            left.caption(say(lesson.windows_note))
        chart(figs["upstream"], "bw_fig_upstream", right)
        draw_into_text("bw_g", lesson.grad_output, "bw_gtext", show=g_preset == "custom", where=right)

    # 2 · average pooling: split, and the copy mistake
    st.header(tr("bw.avg_title"))
    st.markdown(tr("bw.avg_text"))
    st.markdown(say(lesson.divisor_text))
    if "divisor" in figs:
        chart(figs["divisor"], "bw_fig_divisor")
    st.markdown(tr("bw.copy_text"))
    for col, name in zip(st.columns(2), ("split", "copy")):
        chart(figs[name], f"bw_fig_{name}", col)
    m1, m2, m3 = st.columns(3)
    m1.metric(tr("bw.sum_upstream"), bw.num(lesson.upstream_sum))
    m2.metric(tr("bw.sum_split"), bw.num(lesson.split_sum))
    factor = None if lesson.factor is None else f"×{bw.num(lesson.factor)}"
    m3.metric(tr("bw.sum_copy"), bw.num(lesson.copy_sum), factor, delta_color="inverse")
    st.warning(say(lesson.copy_verdict))  # st.error is kept for settings that do not work

    # 3 · max pooling: record the argmax, route the gradient there
    st.header(tr("bw.max_title"))
    st.markdown(say(lesson.max_text))
    for col, name in zip(st.columns(3), ("max_input", "indices", "max_grad")):
        chart(figs[name], f"bw_fig_{name}", col)
    st.caption(say(lesson.indices_caption))
    if lesson.max_ties:
        st.info(say(lesson.max_ties))

    # 4 · is the total preserved?
    st.header(tr("bw.where_title"))
    st.markdown(tr("bw.where_text"))
    mode = choice(st.radio, tr("bw.mode_label"), bw.MODES, key="bw_mode", default=bw.MODES[0], horizontal=True,
                  names=lambda m: tr(f"common.{m}"))
    view = lesson.by_mode(mode)
    mode_figs, check_figs = _mode_figures(settings, mode, lang())
    for col, (name, fig) in zip(st.columns(len(mode_figs)), mode_figs.items()):
        chart(fig, f"bw_fig_{name}", col)
    rep = view.report
    st.markdown(say(view.shared))
    m1, m2 = st.columns(2)
    m1.metric(tr("bw.sum_upstream"), bw.num(rep.upstream))
    m2.metric(tr("bw.sum_input"), bw.num(rep.received),
              None if rep.preserved else bw.num(rep.received - rep.upstream))
    (st.success if rep.preserved else st.warning)(say(view.verdict))

    # 5 · finite-difference check
    st.header(tr("bw.check_title"))
    st.markdown(tr("bw.check_text", eps=EPS, mode=tr(f"common.{mode}")))
    for col, fig, name in zip(st.columns(2), check_figs, ("numeric", "analytic")):
        chart(fig, f"bw_fig_{name}", col)
    st.metric(tr("bw.max_diff"), view.max_diff)
    (st.success if view.check.agrees() else st.warning)(say(view.check_verdict))
    if view.ties:
        (st.warning if view.check.n_ties else st.caption)(say(view.ties))

st.divider()
st.caption(tr("bw.credit"))

ui_quiz.backward(lesson)
