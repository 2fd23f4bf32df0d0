"""Lesson 6: the backward pass of average and max pooling, and when the total
gradient is (not) preserved.

Widgets -> fb.compute (pool2d once per mode, then backward) -> figure builders
in lessons/figures/backward.py -> render. The built figures are cached per
setting: building a plotly figure costs far more than the pooling itself.
"""

import streamlit as st

from lessons.examples import MAX_SIDE
from lessons.figures import backward as fb
from lessons.figures.grid import fmt
from lessons.gradcheck import EPS
from lessons.i18n import t
from lessons.ui import chart, explained_errors, lang, tr

QUICK = {
    "tutorial": {"bw_k": 2, "bw_s": 2, "bw_p": 0, "bw_n": 4, "bw_x": "ramp"},
    "overlap": {"bw_k": 3, "bw_s": 1, "bw_p": 0, "bw_x": "random"},  # shuffled: some cell wins twice
    "padding": {"bw_k": 3, "bw_s": 2, "bw_p": 1, "bw_cip": True},
}


def _apply(name: str) -> None:
    for key, value in QUICK[name].items():
        st.session_state[key] = value


def _num(v) -> str:
    return fmt(v, 4)


def _text(language: str):
    return lambda key, **fields: t(key, language, **fields)


# Figures are read-only once built, so one shared copy per setting is safe.
@st.cache_resource(max_entries=64, show_spinner=False)
def _main(settings: fb.Settings, language: str):
    c = fb.compute(settings)
    return c, fb.main_view(c, _text(language))


@st.cache_resource(max_entries=64, show_spinner=False)
def _by_mode(settings: fb.Settings, mode: str, language: str):
    return fb.mode_view(fb.compute(settings), mode, _text(language))


st.title(tr("bw.title"))
st.markdown(tr("bw.intro"))

# ---------------------------------------------------------------- settings
with st.container(border=True):
    st.markdown(f"**{tr('bw.settings')}**")
    c1, c2, c3 = st.columns(3)
    with c1:
        # Choices are shown by their code names with the translation as a caption: a bound
        # widget writes the label it shows into the URL, and code names keep a shared link
        # working in both languages.
        x_preset = st.radio(tr("bw.x_label"), fb.INPUT_PRESETS, key="bw_x", bind="query-params",
                            captions=[tr(f"bw.x_{name}") for name in fb.INPUT_PRESETS])
        n = st.slider(tr("bw.n_label"), 2, MAX_SIDE, 4, key="bw_n", bind="query-params",
                      help=tr("common.too_big", limit=MAX_SIDE))
    with c2:
        k = st.slider(tr("bw.k_label"), 1, 6, 2, key="bw_k", bind="query-params")
        s = st.slider(tr("bw.s_label"), 1, 6, 2, key="bw_s", bind="query-params")
        p = st.slider(tr("bw.p_label"), 0, 3, 0, key="bw_p", bind="query-params")
        cip = st.toggle(tr("bw.cip_label"), True, key="bw_cip", bind="query-params", help=tr("bw.cip_help"))
    with c3:
        g_preset = st.radio(tr("bw.g_label"), fb.UPSTREAM_PRESETS, key="bw_g", bind="query-params",
                            captions=[tr(f"bw.g_{name}") for name in fb.UPSTREAM_PRESETS])
        seed = st.number_input(tr("bw.seed_label"), 0, 9999, 0, step=1, key="bw_seed", bind="query-params")
        g_text = ""
        if g_preset == "custom":
            g_text = st.text_input(tr("bw.gtext_label"), "", key="bw_gtext", bind="query-params",
                                   placeholder="1 2; 3 4")
    b0, b1, b2, b3 = st.columns([1, 2, 2, 2], vertical_alignment="center")
    b0.markdown(tr("bw.try"))
    for col, name in zip((b1, b2, b3), QUICK):
        col.button(tr(f"bw.try_{name}"), key=f"bw_try_{name}", on_click=_apply, args=(name,), width="stretch")

settings = fb.Settings(x_preset, n, int(seed), k, s, p, bool(cip), g_preset, g_text)
computed = view = None
with explained_errors():
    computed, view = _main(settings, lang())

if view is None:
    st.info(tr("bw.fix_settings"))
else:
    ho, wo = computed.out_shape
    if not computed.upstream_ok:
        st.warning(tr("bw.gtext_bad", count=ho * wo, rows=ho, cols=wo))
    figs = view.figures

    # 1 · forward recap and upstream gradient
    st.header(tr("bw.s1_title"))
    st.markdown(tr("bw.s1_text"))
    left, right = st.columns(2)
    with left:
        chart(figs["input"], "bw_fig_input")
        if view.windows_partial:
            st.caption(tr("bw.windows_partial"))
    with right:
        chart(figs["upstream"], "bw_fig_upstream")

    # 2 · average pooling: split, and the copy mistake
    st.header(tr("bw.avg_title"))
    st.markdown(tr("bw.avg_text"))
    if view.divisor is not None:
        st.markdown(tr("bw.avg_divisor_uniform", n=view.divisor))
    else:
        st.markdown(tr("bw.avg_divisor_varies"))
        chart(figs["divisor"], "bw_fig_divisor")
    st.markdown(tr("bw.copy_text"))
    left, right = st.columns(2)
    with left:
        chart(figs["split"], "bw_fig_split")
    with right:
        chart(figs["copy"], "bw_fig_copy")
    m1, m2, m3 = st.columns(3)
    m1.metric(tr("bw.sum_upstream"), _num(view.upstream_sum))
    m2.metric(tr("bw.sum_split"), _num(view.split_sum))
    m3.metric(tr("bw.sum_copy"), _num(view.copy_sum),
              None if view.factor is None else f"×{_num(view.factor)}", delta_color="inverse")
    # st.error is kept for settings that do not work; a mistaken rule gets a warning
    if view.factor is None:
        st.warning(tr("bw.copy_verdict_zero"))
    else:
        st.warning(tr("bw.copy_verdict", up=_num(view.upstream_sum), copy=_num(view.copy_sum),
                      factor=_num(view.factor)))

    # 3 · max pooling: record the argmax, route the gradient there
    st.header(tr("bw.max_title"))
    st.markdown(tr("bw.max_text", w=n))
    for col, name in zip(st.columns(3), ("max_input", "indices", "max_grad")):
        with col:
            chart(figs[name], f"bw_fig_{name}")
    st.caption(tr("bw.indices_caption", ids=computed.res_max.indices.tolist()))
    if view.n_tied:
        st.info(tr("bw.max_ties", n=view.n_tied))

    # 4 · is the total preserved?
    st.header(tr("bw.where_title"))
    st.markdown(tr("bw.where_text"))
    mode = st.radio(tr("bw.mode_label"), ("avg", "max"), key="bw_mode", bind="query-params",
                    horizontal=True, captions=(tr("common.avg"), tr("common.max")))
    mv = _by_mode(settings, mode, lang())
    for col, (name, fig) in zip(st.columns(len(mv.figures)), mv.figures.items()):
        with col:
            chart(fig, f"bw_fig_{name}")
    rep = mv.report
    if rep.shared_cells:
        st.markdown(tr(f"bw.shared_{mode}", cells=rep.shared_cells, r=rep.most_at[0], c=rep.most_at[1],
                       most=rep.most))
    else:
        st.markdown(tr("bw.shared_none"))
    m1, m2 = st.columns(2)
    m1.metric(tr("bw.sum_upstream"), _num(rep.upstream))
    m2.metric(tr("bw.sum_input"), _num(rep.received),
              None if rep.preserved else _num(rep.received - rep.upstream))
    verdict = tr(f"bw.v_{rep.reason}", up=_num(rep.upstream), got=_num(rep.received), n=ho * wo,
                 lost=_num(rep.lost), diff=_num(rep.received - rep.upstream))
    if rep.preserved:
        st.success(verdict)
    else:
        st.warning(verdict)

    # 5 · finite-difference check
    st.header(tr("bw.check_title"))
    st.markdown(tr("bw.check_text", eps=EPS, mode=tr(f"common.{mode}")))
    left, right = st.columns(2)
    with left:
        chart(mv.check_figures[0], "bw_fig_numeric")
    with right:
        chart(mv.check_figures[1], "bw_fig_analytic")
    diff = mv.check.max_abs_diff
    d = f"{diff:.1e}" if 0 < diff < 1e-3 else _num(diff)
    st.metric(tr("bw.max_diff"), d)
    if mv.check.agrees():
        st.success(tr("bw.check_ok", d=d))
    else:
        st.warning(tr("bw.check_bad", d=d))
    if mode == "max" and mv.check.n_ties:
        st.warning(tr("bw.check_ties", n=mv.check.n_ties))
    elif mode == "max":
        st.caption(tr("bw.check_no_ties"))

st.divider()
st.caption(tr("bw.credit"))
