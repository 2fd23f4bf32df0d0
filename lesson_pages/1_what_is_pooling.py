"""Lesson 1: what pooling is, a picture, the three kinds, and the map of lessons."""

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from lessons.examples import eye_feature_map
from lessons.figures.walkthrough import intro_figure
from lessons.registry import PAGES
from lessons.ui import chart, computed, explained_errors, figure, lang, tr
from pooling_core import pool2d

st.title(tr("nav.intro"))
st.markdown(tr("intro.lead"))
st.markdown(tr("intro.why"))
st.markdown(tr("intro.effect"))

st.subheader(tr("intro.picture"))
with explained_errors():
    x, res = computed(("intro",), lambda: (eye_feature_map(), pool2d(eye_feature_map(), 2, stride=2, mode="max")))
    (h, w), (ho, wo) = x.shape, res.output.shape
    fig = figure(("intro", lang()), lambda: intro_figure(
        res, titles=(tr("intro.fig_input", h=h, w=w), tr("intro.fig_output", h=ho, w=wo))))
    chart(fig, key="intro_fig")
    st.caption(tr("intro.fig_caption", h=h, w=w, n_in=x.size, n_out=res.output.size))

st.subheader(tr("intro.kinds"))
st.markdown("\n".join(f"- {tr(k)}" for k in ("intro.kind_avg", "intro.kind_max", "intro.kind_kmax")))

st.subheader(tr("intro.map"))
for page in PAGES:
    if not page.blurb_key:
        continue
    title = tr(page.title_key)
    try:
        st.page_link(page.path, label=title, icon=page.icon)
    except StreamlitPageNotFoundError:  # page run on its own, outside app.py's navigation
        st.markdown(f"**{title}**")
    st.caption(tr(page.blurb_key))

st.divider()
st.caption(tr("app.credits"))
