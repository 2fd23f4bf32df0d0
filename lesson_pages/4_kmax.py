"""Lesson 4: K-max pooling (the tutorial's figure 2), a sentence as a matrix,
and the paper's dynamic k."""

import streamlit as st

from lessons.figures import kmax as kfig
from lessons.figures.grid import fmt
from lessons.ui import chart, explained_errors, lang, tr
from pooling_core import kmax_pool

zh = lang() == "zh"
sep = "、" if zh else ", "  # between listed items
joiner = "" if zh else " "  # between the words of a sentence

st.title(tr("km.title"))
st.markdown(tr("km.intro"))

# ---- the tutorial's figure 2 -------------------------------------------------
st.header(tr("km.fig2_header"))
st.markdown(tr("km.fig2_intro"))
c1, c2 = st.columns([3, 2])
with c1:
    k = st.slider(tr("km.k"), 1, kfig.FIGURE2.shape[0], 2, key="km_k", help=tr("km.k_help"),
                  bind="query-params")
with c2:
    keep_order = st.toggle(tr("km.keep_order"), value=True, key="km_keep_order",
                           help=tr("km.keep_order_help"), bind="query-params")

with explained_errors():
    res = kmax_pool(kfig.FIGURE2, k, axis=-2, keep_order=keep_order)
    h, w = kfig.FIGURE2.shape
    st.caption(tr("km.walk_hint", play=tr("common.play")))
    chart(kfig.kmax_walk_figure(
        kfig.FIGURE2, res, col_labels=kfig.FEATURE_LABELS, input_title=tr("km.input_title"),
        output_title=tr("km.output_title", k=k, w=w), play_label=tr("common.play"),
        pause_label=tr("common.pause"), step_label=tr("km.column")), key="km_walk")

    st.subheader(tr("km.columns_header"))
    lines = [
        "- " + tr("km.column_line", name=name, k=k,
                  values=", ".join(fmt(v) for v in kfig.FIGURE2[:, j]),
                  rows=sep.join(str(int(i)) for i in res.indices[:, j]),
                  kept=", ".join(fmt(v) for v in res.output[:, j]))
        for j, name in enumerate(kfig.FEATURE_LABELS)
    ]
    st.markdown("\n".join(lines))
    st.caption(tr("km.rows_note"))
    st.info(tr("km.order_on" if keep_order else "km.order_off"))
    st.markdown(tr("km.ties"))

# ---- a sentence as a matrix --------------------------------------------------
st.header(tr("km.nlp_header"))
st.markdown(tr("km.nlp_intro"))
sentences = {key: per_lang[lang()] for key, per_lang in kfig.SENTENCES.items()}
# Options are labelled by their word count, the same in both languages, and the
# sentence itself is the caption: a label that changes with the language would
# lose the selection on a language switch (and put language-specific text in the URL).
choice = st.radio(tr("km.sentence"), list(sentences), index=1, key="km_sentence", horizontal=True,
                  format_func=kfig.sentence_label,
                  captions=[f"“{joiner.join(s.words)}”" for s in sentences.values()], bind="query-params")
sentence = sentences[choice]
features = [tr(f"km.feat.{name}") for name in kfig.SENTENCE_FEATURES]
n = len(sentence.words)
with explained_errors():
    sres = kmax_pool(sentence.matrix, k, axis=-1, keep_order=keep_order)
    fig_in, fig_out = kfig.sentence_figures(
        sentence, sres, features, input_title=tr("km.nlp_input_title", n=n),
        output_title=tr("km.nlp_output_title", k=k))
    left, right = st.columns([n + 2, max(k, 3) + 3])
    with left:
        chart(fig_in, key="km_sentence_in")
    with right:
        chart(fig_out, key="km_sentence_out")
    st.success(tr("km.nlp_fixed", n=n, k=k))
    st.markdown(tr("km.nlp_kept") + "\n" + "\n".join(
        "- " + tr("km.nlp_kept_line", feature=f, words=sep.join(ws))
        for f, ws in zip(features, kfig.kept_words(sentence, sres))))
    st.markdown(tr("km.nlp_order_on" if keep_order else "km.nlp_order_off"))
    st.caption(tr("km.nlp_scores_note"))

# ---- dynamic k ---------------------------------------------------------------
st.header(tr("km.dyn_header"))
st.markdown(tr("km.dyn_intro"))
d1, d2, d3 = st.columns(3)
with d1:
    num_layers = st.slider(tr("km.dyn_L"), 1, 6, 3, key="km_L", bind="query-params")
with d2:
    k_top = st.slider(tr("km.dyn_ktop"), 1, 10, 3, key="km_ktop", bind="query-params")
with d3:
    length = st.slider(tr("km.dyn_s"), 1, 60, 18, key="km_s", bind="query-params")
with explained_errors():
    rows = kfig.dynamic_k_rows(num_layers, length, k_top)
    st.markdown("\n".join(f"- `{r.formula}`" for r in rows))
    chart(kfig.dynamic_k_figure(rows, layer_label=tr("km.dyn_layer"), length_label=tr("km.dyn_length")),
          key="km_dynamic")
    if any(r.k > length for r in rows):
        st.warning(tr("km.dyn_too_short", s=length))
st.caption(tr("km.dyn_paper"))
