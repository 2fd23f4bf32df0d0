"""Lesson 3, the playground: every pooling setting, each bound to the URL (a teacher shares the view)."""

import streamlit as st

from lessons import examples, ui_quiz
from lessons import playground as pg
from lessons import ui_frameworks as fw
from lessons.examples import MAX_SIDE
from lessons.figures import playground as pgfig
from lessons.ui import chart, computed, figure, lang, say, scroll_box, show_error, show_note, tr
from lessons.ui_choice import choice
from lessons.ui_step import stepper
from lessons.ui_draw import draw_input

URL = {"bind": "query-params"}
D = pg.Settings()  # the widgets' defaults
PADS = ("pg_pt", "pg_pb", "pg_pl", "pg_pr")


def _apply_same_padding():
    """Button callback: TensorFlow/PaddlePaddle "SAME" padding for the current sizes."""
    s = st.session_state
    pads, note = pg.same_padding_request((s["pg_h"], s["pg_w"]), (s["pg_kh"], s["pg_kw"]),
                                         (s["pg_sh"], s["pg_sw"]), (s["pg_dh"], s["pg_dw"]))
    if pads:
        s.update(zip(PADS, pads))
    s["pg_same_note"] = note


st.title(tr("pg.title"))
st.markdown(tr("pg.intro"))

view, controls = st.columns([2.3, 1], gap="large")  # figure first: it leads when a phone stacks them

with view:
    st.subheader(tr("pg.sec_windows"))
    figure_slot = st.container()  # the figure goes on top, drawn once the controls are read

with scroll_box(controls):  # presenting: the controls scroll beside the figure
    st.subheader(tr("pg.sec_input"))
    # Options show names in the reader's language; the URL keeps their code names (lessons/ui_choice.py).
    preset = choice(st.selectbox, tr("pg.preset"), examples.PRESETS, key="pg_preset", default=D.preset,
                    names=lambda p: tr(f"pg.preset_name.{p}"))
    st.caption(tr(f"pg.preset.{preset}"))
    seed = st.number_input(tr("pg.seed"), min_value=0, max_value=examples.SEED_MAX, value=D.seed, step=1,
                           key="pg_seed", disabled=preset != "random", help=tr("pg.seed_help"), **URL)
    c1, c2 = st.columns(2)
    h = c1.slider(tr("pg.h"), 1, MAX_SIDE, D.h, key="pg_h", **URL)
    w = c2.slider(tr("pg.w"), 1, MAX_SIDE, D.w, key="pg_w", **URL)
    st.caption(tr("common.too_big", limit=MAX_SIDE))

    drawn = draw_input("pg", examples.preset(preset, h, w, int(seed)), base=(preset, int(seed)), width=230,
                       title="draw.title_typed", text={"key": "pg_grid", "label": tr("pg.edit_label"),
                                                       "help": tr("pg.edit_help")})

    st.subheader(tr("pg.sec_window"))
    c1, c2 = st.columns(2)
    kh = c1.slider(tr("pg.kh"), 1, MAX_SIDE, D.kernel[0], key="pg_kh", **URL)
    kw = c2.slider(tr("pg.kw"), 1, MAX_SIDE, D.kernel[1], key="pg_kw", **URL)
    sh = c1.slider(tr("pg.sh"), 1, MAX_SIDE, D.stride[0], key="pg_sh", **URL)
    sw = c2.slider(tr("pg.sw"), 1, MAX_SIDE, D.stride[1], key="pg_sw", **URL)
    dh = c1.slider(tr("pg.dh"), 1, pg.DILATION_MAX, D.dilation[0], key="pg_dh", help=tr("pg.dilation_help"), **URL)
    dw = c2.slider(tr("pg.dw"), 1, pg.DILATION_MAX, D.dilation[1], key="pg_dw", help=tr("pg.dilation_help"), **URL)

    st.subheader(tr("pg.sec_padding"))
    c1, c2 = st.columns(2)  # no value=: "SAME" sets them, and their default is 0, as in D.padding
    pt = c1.slider(tr("pg.pt"), 0, pg.PAD_MAX, key="pg_pt", **URL)
    pb = c2.slider(tr("pg.pb"), 0, pg.PAD_MAX, key="pg_pb", **URL)
    pl = c1.slider(tr("pg.pl"), 0, pg.PAD_MAX, key="pg_pl", **URL)
    pr = c2.slider(tr("pg.pr"), 0, pg.PAD_MAX, key="pg_pr", **URL)
    st.button(tr("pg.same"), key="pg_same", on_click=_apply_same_padding, help=tr("pg.same_help"),
              icon=":material/padding:")
    if note := st.session_state.pop("pg_same_note", None):
        show_note(note)

    st.subheader(tr("pg.sec_rules"))
    framework = fw.framework_picker()
    mode = choice(st.radio, tr("common.mode"), pg.MODES, key="pg_mode", default=D.mode, horizontal=True,
                  names=lambda m: tr(f"common.{m}"))
    ceil_mode = st.toggle(tr("pg.ceil"), value=D.ceil_mode, key="pg_ceil", help=tr("pg.ceil_help"), **URL)
    cip = st.toggle(tr("pg.cip"), value=D.count_include_pad, key="pg_cip", disabled=mode == "max",
                    help=tr("pg.cip_help"), **URL)

    settings = pg.Settings(
        preset=preset, seed=int(seed), h=h, w=w, kernel=(kh, kw), stride=(sh, sw), dilation=(dh, dw),
        padding=(pt, pb, pl, pr), mode=mode, ceil_mode=ceil_mode, count_include_pad=cip, grid=drawn,
        framework=framework)
    out = computed(("pg", settings), lambda: pg.compute(settings))  # shared by every session, read-only
    if out.cip_note:
        st.caption(tr(out.cip_note))

with view:
    if out.error:
        show_error(out.error)
    if out.result is None:
        chart(figure(("pg_in", out.settings), lambda: pgfig.input_figure(out.x)), "pg_input_only", figure_slot)
        st.caption(tr("pg.no_windows"))
    else:
        # Built once per settings and language (ui_cache); each step only moves its shapes.
        base = figure(("pg", out.settings, lang()), lambda: pgfig.playground_figure(
            out.result, out.x, input_title=tr("pg.fig_input"), output_title=tr("pg.fig_output"),
            padding_label=tr("common.padding_cell"), overhang_label=tr("pg.overhang_cell"))).to_dict()

        def _draw(step: int) -> None:  # what follows the step, run by ui_step's fragment
            shown = pg.window_view(out, step)
            chart(pgfig.at_step(base, out.result, step - 1), key="pg_figure")
            for note in out.figure_notes:
                st.caption(say(note))
            st.markdown(say(shown.info))
            st.latex(shown.arithmetic)
            st.caption(" ".join(say(note) for note in shown.notes))
        with figure_slot:
            stepper("pg", out.n_windows, _draw, label=tr("pg.step"), help=tr("pg.step_help"))

    st.subheader(tr("pg.sec_formula"))
    st.markdown(tr("pg.formula_intro"))
    for axis in out.formulas:
        st.latex(axis.formula.general)
        st.latex(axis.formula.numbers)
        show_note(axis.note)
    if out.size_note:
        st.markdown(say(out.size_note))
    fw.show_disagreement(out)

st.divider()
left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("pg.sec_knobs"))
    st.markdown(tr("pg.knobs"))
with right:
    st.subheader(tr("pg.sec_frameworks"))
    st.markdown(tr("pg.frameworks"))
    fw.code_panel(out, framework)
ui_quiz.playground(out)
