"""Lesson 4: K-max pooling (the tutorial's figure 2), a sentence as a matrix,
and the paper's dynamic k."""

import streamlit as st

from lessons import kmax as km
from lessons import ui_quiz
from lessons.figures import kmax as kfig
from lessons.ui import chart, computed, explained_errors, figure, lang, say, tr
from lessons.ui_choice import choice
from lessons.ui_present import presenting
from lessons.ui_step import stepper

DEFAULTS = km.Settings()


st.title(tr("km.title"))
st.markdown(tr("km.intro"))

# Each section's widgets come first and its results below them: the results
# go into slots, filled once every widget has been read.
st.header(tr("km.fig2_header"))
st.markdown(tr("km.fig2_intro"))
# presenting, the walk's hint goes beside k and the order, so they, the step controls and the figure fit one screen
c1, c2, *hint = st.columns([1.7, 1.5, 3.6] if presenting() else [3, 2])
with c1:
    k = st.slider(tr("km.k"), *km.K_RANGE, DEFAULTS.k, key="km_k", help=tr("km.k_help"), bind="query-params")
with c2:
    keep_order = st.toggle(tr("km.keep_order"), value=DEFAULTS.keep_order, key="km_keep_order",
                           help=tr("km.keep_order_help"), bind="query-params")
figure2_slot = st.container()

st.header(tr("km.nlp_header"))
st.markdown(tr("km.nlp_intro"))
# Options show the sentence's length in the reader's language, the sentence itself as the caption; the URL
# keeps code names (lessons/ui_choice.py) and still reads the word counts older links carry.
choices = list(km.SENTENCES)
sentence = choice(st.radio, tr("km.sentence"), choices, key="km_sentence", default=DEFAULTS.sentence,
                  names=lambda c: tr("km.sentence_words", n=len(km.SENTENCES[c][lang()].words)),
                  aliases={km.sentence_label(c): c for c in choices}, horizontal=True,
                  captions=[tr("km.sentence_caption", text=km.SENTENCES[c][lang()].text) for c in choices])
sentence_slot = st.container()

st.header(tr("km.dyn_header"))
st.markdown(tr("km.dyn_intro"))
d1, d2, d3 = st.columns(3)
with d1:
    num_layers = st.slider(tr("km.dyn_L"), *km.LAYERS_RANGE, DEFAULTS.num_layers, key="km_L", bind="query-params")
with d2:
    k_top = st.slider(tr("km.dyn_ktop"), *km.K_TOP_RANGE, DEFAULTS.k_top, key="km_ktop", bind="query-params")
with d3:
    length = st.slider(tr("km.dyn_s"), *km.LENGTH_RANGE, DEFAULTS.length, key="km_s", bind="query-params")
dynamic_slot = st.container()
st.caption(tr("km.dyn_paper"))

view = None
with figure2_slot, explained_errors():
    settings = km.Settings(k=k, keep_order=keep_order, sentence=sentence, lang=lang(), num_layers=num_layers,
                           k_top=k_top, length=length)
    view = computed(("km", settings), lambda: km.compute(settings))  # shared by every session, read-only

if view is not None:
    with figure2_slot:
        (hint[0] if hint else st).caption(tr("km.walk_hint"))

        def _walk(column: int) -> None:  # what follows the column, run by ui_step's fragment
            chart(figure(("km_walk", view.settings, column, lang()), lambda: kfig.kmax_walk_figure(
                km.FIGURE2, view.columns, column=column - 1, col_labels=km.FEATURE_LABELS,
                input_title=tr("common.input"), output_title=say(view.output_title))), key="km_walk")
            st.markdown(say(view.column_lines[column - 1]))
        stepper("km", km.FIGURE2.shape[1], _walk, label=tr("km.column"))
        st.subheader(tr("km.columns_header"))
        st.markdown("\n".join("- " + say(line) for line in view.column_lines))
        st.caption(tr("km.rows_note"))
        st.info(say(view.order_note))
        st.markdown(tr("km.ties"))

    with sentence_slot:
        fig_in, fig_out = figure(("km_sentence", view.settings), lambda: kfig.sentence_figures(
            view.sentence, view.sentence_result, view.kept, [tr(f) for f in view.feature_names],
            input_title=say(view.sentence_titles[0]), output_title=say(view.sentence_titles[1])))
        n = len(view.sentence.words)
        left, right = st.columns([n + 2, max(k, 3) + 3])
        with left:
            chart(fig_in, key="km_sentence_in")
        with right:
            chart(fig_out, key="km_sentence_out")
        st.success(say(view.fixed_note))
        st.markdown(tr("km.nlp_kept") + "\n" + "\n".join("- " + say(line) for line in view.kept_lines))
        st.markdown(tr(view.sentence_order_note))
        st.caption(tr("km.nlp_scores_note"))

    with dynamic_slot:
        st.markdown("\n".join(f"- `{r.formula}`" for r in view.layers))
        chart(figure(("km_dynamic", view.settings), lambda: kfig.dynamic_k_figure(
            view.layers, layer_names=[say(name) for name in view.layer_names],
            length_label=tr("km.dyn_length"))), key="km_dynamic")
        if view.too_short:
            st.warning(say(view.too_short))

ui_quiz.kmax(view)
