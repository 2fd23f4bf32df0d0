"""Lesson 3, the playground: every pooling setting on one page.

Thin page: read the widgets, pool once, hand the result to the figure
builders in ``lessons/figures/playground.py``, render. Every setting is bound
to the URL, so a teacher can share the exact view.
"""

import streamlit as st

from lessons import examples
from lessons.figures import playground as pgfig
from lessons.examples import MAX_SIDE
from lessons.ui import chart, explained_errors, tr
from pooling_core import NoWindowError, explain_output_size, pool2d, same_padding

URL = {"bind": "query-params"}
PAD_MAX = 8
DILATION_MAX = 4
DEFAULTS = {"pg_h": 6, "pg_w": 6, "pg_kh": 2, "pg_kw": 2, "pg_sh": 2, "pg_sw": 2,
            "pg_dh": 1, "pg_dw": 1}


def _setting(key):
    return st.session_state.get(key, DEFAULTS.get(key, 0))


def _apply_same_padding():
    """Button callback: TensorFlow/PaddlePaddle "SAME" padding for the current sizes."""
    h, w, kh, kw, sh, sw, dh, dw = (_setting(k) for k in
                                    ("pg_h", "pg_w", "pg_kh", "pg_kw", "pg_sh", "pg_sw", "pg_dh", "pg_dw"))
    pads = same_padding(h, kh, sh, dh) + same_padding(w, kw, sw, dw)
    if max(pads) > PAD_MAX:
        st.session_state["pg_same_note"] = ("too_big",) + pads
        return
    for key, value in zip(("pg_pt", "pg_pb", "pg_pl", "pg_pr"), pads):
        st.session_state[key] = value
    st.session_state["pg_same_note"] = ("applied",) + pads


def _reset_grid(text):
    st.session_state["pg_grid"] = text


st.title(tr("pg.title"))
st.markdown(tr("pg.intro"))

controls, view = st.columns([1, 2.3], gap="large")

with view:
    st.subheader(tr("pg.sec_windows"))
    figure_slot = st.empty()  # the figure goes on top, drawn once the controls are read

with controls:
    st.subheader(tr("pg.sec_input"))
    # Options are shown by their code names ("face", "avg"): a bound widget puts the
    # label it shows into the URL, and code names keep a shared link working in
    # both languages. The translation is written next to them.
    preset = st.selectbox(tr("pg.preset"), examples.PRESETS, key="pg_preset", **URL)
    st.caption(tr(f"pg.preset.{preset}"))
    seed = st.number_input(tr("pg.seed"), min_value=0, max_value=9999, value=0, step=1,
                           key="pg_seed", disabled=preset != "random", help=tr("pg.seed_help"), **URL)
    c1, c2 = st.columns(2)
    h = c1.slider(tr("pg.h"), 1, MAX_SIDE, 6, key="pg_h", **URL)
    w = c2.slider(tr("pg.w"), 1, MAX_SIDE, 6, key="pg_w", **URL)
    st.caption(tr("common.too_big", limit=MAX_SIDE))

    base = examples.preset(preset, h, w, int(seed))
    base_text = examples.format_grid(base)
    signature = f"{preset}|{h}|{w}|{int(seed)}"
    if st.session_state.get("pg_grid_source") != signature or "pg_grid" not in st.session_state:
        st.session_state["pg_grid"] = base_text  # a new preset or size starts a fresh grid
        st.session_state["pg_grid_source"] = signature
    with st.expander(tr("pg.edit_title")):
        text = st.text_area(tr("pg.edit_label"), key="pg_grid", height=min(420, 40 + 24 * h),
                            help=tr("pg.edit_help"))
        st.button(tr("pg.edit_reset"), key="pg_grid_reset", on_click=_reset_grid, args=(base_text,))
    try:
        x = examples.parse_grid(text, h, w)
    except examples.GridError as exc:
        st.error(tr(f"pg.grid_err.{exc.code}", **exc.fields), icon=":material/edit_off:")
        st.caption(tr("pg.grid_fallback"))
        x = base.astype(float)
    else:
        if (x != base).any():
            st.caption(tr("pg.grid_edited"))

    st.subheader(tr("pg.sec_window"))
    c1, c2 = st.columns(2)
    kh = c1.slider(tr("pg.kh"), 1, MAX_SIDE, 2, key="pg_kh", **URL)
    kw = c2.slider(tr("pg.kw"), 1, MAX_SIDE, 2, key="pg_kw", **URL)
    sh = c1.slider(tr("pg.sh"), 1, MAX_SIDE, 2, key="pg_sh", **URL)
    sw = c2.slider(tr("pg.sw"), 1, MAX_SIDE, 2, key="pg_sw", **URL)
    dh = c1.slider(tr("pg.dh"), 1, DILATION_MAX, 1, key="pg_dh", help=tr("pg.dilation_help"), **URL)
    dw = c2.slider(tr("pg.dw"), 1, DILATION_MAX, 1, key="pg_dw", help=tr("pg.dilation_help"), **URL)

    st.subheader(tr("pg.sec_padding"))
    c1, c2 = st.columns(2)
    pt = c1.slider(tr("pg.pt"), 0, PAD_MAX, key="pg_pt", **URL)
    pb = c2.slider(tr("pg.pb"), 0, PAD_MAX, key="pg_pb", **URL)
    pl = c1.slider(tr("pg.pl"), 0, PAD_MAX, key="pg_pl", **URL)
    pr = c2.slider(tr("pg.pr"), 0, PAD_MAX, key="pg_pr", **URL)
    st.button(tr("pg.same"), key="pg_same", on_click=_apply_same_padding, help=tr("pg.same_help"),
              icon=":material/padding:")
    note = st.session_state.pop("pg_same_note", None)
    if note:
        status, *pads = note
        fields = dict(zip(("top", "bottom", "left", "right"), pads), limit=PAD_MAX)
        (st.success if status == "applied" else st.warning)(tr(f"pg.same_{status}", **fields))

    st.subheader(tr("pg.sec_rules"))
    mode = st.radio(tr("common.mode"), ("max", "avg"), key="pg_mode", horizontal=True,
                    captions=(tr("common.max"), tr("common.avg")), **URL)
    ceil_mode = st.toggle(tr("pg.ceil"), value=False, key="pg_ceil", help=tr("pg.ceil_help"), **URL)
    cip = st.toggle(tr("pg.cip"), value=True, key="pg_cip", disabled=mode == "max",
                    help=tr("pg.cip_help"), **URL)
    if mode == "max":
        st.caption(tr("pg.cip_max"))
    elif not any((pt, pb, pl, pr)):
        st.caption(tr("pg.cip_no_padding"))

kernel, stride, dilation, padding = (kh, kw), (sh, sw), (dh, dw), (pt, pb, pl, pr)

with view:
    res = None
    with explained_errors():
        res = pool2d(x, kernel, stride, padding, mode=mode, dilation=dilation,
                     ceil_mode=ceil_mode, count_include_pad=cip)

    if res is None:
        chart(pgfig.input_figure(x), key="pg_input_only", where=figure_slot)
        st.caption(tr("pg.no_windows"))
    else:
        trace = res.trace
        n = trace.n_windows
        wo = res.output.shape[1]
        figure_box = st.container()
        step = 1
        if n > 1:
            step = st.slider(tr("pg.step"), 1, n, key="pg_step", help=tr("pg.step_help"), **URL)
        rec = trace.window(*divmod(step - 1, wo))
        chart(pgfig.playground_figure(
            res, x, step=step - 1, input_title=tr("pg.fig_input"), output_title=tr("pg.fig_output"),
            play_label=tr("common.play"), pause_label=tr("common.pause"),
            padding_label=tr("common.padding_cell")), key="pg_figure", where=figure_slot)
        with figure_box:
            st.caption(tr("pg.fig_caption"))
            if pgfig.has_overhang(trace):
                st.caption(tr("pg.fig_overhang"))
            if n > pgfig.FRAME_CAP:
                st.caption(tr("pg.anim_cap", n=n, cap=pgfig.FRAME_CAP))

        st.markdown(tr("pg.window_info", k=step, n=n,
                       rows=", ".join(map(str, rec.rows.tolist())),
                       cols=", ".join(map(str, rec.cols.tolist())), i=rec.out_row, j=rec.out_col))
        st.latex(pgfig.window_arithmetic(rec, latex=True))
        st.caption(" ".join(tr(key, **fields) for key, fields in pgfig.arithmetic_notes(rec, trace.geometry)))

    st.subheader(tr("pg.sec_formula"))
    st.markdown(tr("pg.formula_intro"))
    axes = (("H", "height", h, kh, sh, pt, pb, dh), ("W", "width", w, kw, sw, pl, pr, dw))
    shape = []
    for axis, name, size, k, s, before, after, d in axes:
        try:
            derivation = explain_output_size(size, k, s, before, after, d, ceil_mode, axis_name=name)
        except NoWindowError as exc:  # the formula still shows why no window fits
            derivation = exc.derivation
        f = pgfig.size_formula(derivation, axis)
        shape.append(f.out)
        st.latex(f.general)
        st.latex(f.numbers)
        level, key, fields = pgfig.formula_note(f, size, k, d, before, after)
        getattr(st, level)(tr(key, **fields))
    if res is not None:
        st.markdown(tr("pg.formula_result", h=h, w=w, ho=shape[0], wo=shape[1]))

st.divider()
left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("pg.sec_knobs"))
    st.markdown(tr("pg.knobs"))
with right:
    st.subheader(tr("pg.sec_frameworks"))
    st.markdown(tr("pg.frameworks"))
    for code, fields in pgfig.torch_differences(kernel, padding, dilation, mode):
        st.info(tr(f"pg.torch.{code}", **fields), icon=":material/info:")
    torch_code, paddle_code = pgfig.framework_code(kernel, stride, padding, dilation, ceil_mode, cip, mode)
    # Off by default: the code highlighter is a large script, and the page
    # loads a good half-second sooner without it.
    if st.toggle(tr("pg.show_code"), key="pg_code", **URL):
        st.markdown(tr("pg.code_torch"))
        if torch_code:
            st.code("import torch.nn.functional as F\n" + torch_code, language="python")
        st.markdown(tr("pg.code_paddle"))
        if paddle_code:
            st.code("import paddle.nn.functional as F\n" + paddle_code, language="python")
    if not paddle_code:
        st.info(tr("pg.paddle.dilation"), icon=":material/info:")
