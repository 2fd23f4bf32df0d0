"""lessons.kmax: the K-max lesson's data and its view of one setting."""

import math
from dataclasses import FrozenInstanceError

import numpy as np
import pytest
from conftest import FIGURE2_COLUMNS, FIGURE2_INPUT, FIGURE2_KMAX

from lessons import kmax as km
from lessons.i18n import LANGS, Items, t
from pooling_core import kmax_pool


def say(text, lang="en"):
    key, fields = text
    return t(key, lang, **fields)


def test_figure2_is_the_tutorials_input():
    np.testing.assert_array_equal(km.FIGURE2, FIGURE2_INPUT)
    assert [list(c) for c in km.FIGURE2_COLUMNS] == [list(c) for c in FIGURE2_COLUMNS]
    assert km.FEATURE_LABELS == ("F1", "F2", "F3", "F4")
    assert km.K_RANGE == (1, 4)


def test_sentences_have_the_same_lengths_in_both_languages_and_spell_their_text():
    assert {key: km.sentence_label(key) for key in km.SENTENCES} == {"short": "4", "medium": "7", "long": "10"}
    for per_lang in km.SENTENCES.values():
        assert set(per_lang) == set(LANGS)
        for sentence in per_lang.values():
            assert sentence.matrix.shape == (len(km.SENTENCE_FEATURES), len(sentence.words))
    assert km.SENTENCES["medium"]["en"].text == " ".join(km.SENTENCES["medium"]["en"].words)
    assert km.SENTENCES["medium"]["zh"].text == "这部电影其实一点也不好看"
    with pytest.raises(ValueError, match="spell"):
        km._sentence("a film", [("a", (0, 0, 0, 0)), ("movie", (0, 0, 0, 1))])


def test_sentence_keeps_each_features_strongest_words_in_reading_order():
    s = km.SENTENCES["medium"]["en"]
    res = kmax_pool(s.matrix, 2, axis=-1)
    assert km.kept_words(s, res) == (("not", "all"), ("film", "good"), ("at", "all"), ("the", "film"))
    # "the" and "good" tie on the film feature (1 each): the earlier word wins
    sorted_res = kmax_pool(s.matrix, 2, axis=-1, keep_order=False)
    assert km.kept_words(s, sorted_res)[2] == ("all", "at")
    zh = km.SENTENCES["medium"]["zh"]
    assert km.kept_words(zh, kmax_pool(zh.matrix, 2, axis=-1))[2] == ("一点", "也")
    assert km.kept_words(zh, kmax_pool(zh.matrix, 2, axis=-1, keep_order=False))[2] == ("也", "一点")


def test_dynamic_k_rows_papers_example():
    rows = km.dynamic_k_rows(3, 18, 3)
    assert [r.k for r in rows] == [12, 6, 3]
    assert rows[0].formula == "k_1 = max(3, ⌈(3 − 1) / 3 × 18⌉) = max(3, ⌈12⌉) = max(3, 12) = 12"
    assert rows[2].formula.endswith("= max(3, 0) = 3")


@pytest.mark.parametrize("L,s,k_top", [(3, 17, 3), (4, 10, 2), (6, 60, 10), (1, 5, 1), (5, 1, 4)])
def test_dynamic_k_rows_match_the_formula(L, s, k_top):
    rows = km.dynamic_k_rows(L, s, k_top)
    assert [r.layer for r in rows] == list(range(1, L + 1))
    for r in rows:
        assert r.rounded == math.ceil((L - r.layer) * s / L)
        assert r.k == max(k_top, r.rounded)
    assert rows[-1].k == k_top


def test_dynamic_k_rows_show_the_unrounded_share():
    rows = km.dynamic_k_rows(3, 17, 3)
    assert [r.k for r in rows] == [12, 6, 3]
    assert "⌈11.33⌉" in rows[0].formula and "⌈5.67⌉" in rows[1].formula


def test_settings_are_frozen_and_hashable_with_the_pages_defaults():
    s = km.Settings()
    assert (s.k, s.keep_order, s.sentence, s.lang, s.num_layers, s.k_top, s.length) == (2, True, "medium", "en",
                                                                                          3, 3, 18)
    assert hash(s) == hash(km.Settings()) and s != km.Settings(k=3)
    with pytest.raises(FrozenInstanceError):
        s.k = 3


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_default_view_is_figure2_and_the_papers_example(lang):
    view = km.compute(km.Settings(lang=lang))
    np.testing.assert_array_equal(view.columns.output, np.array(FIGURE2_KMAX).T)
    lines = [say(line, lang) for line in view.column_lines]
    assert lines[1] == t("km.column_line", lang, name="F2", k=2, values="5, 6, 1, 8", rows=Items((1, 3)), kept="6, 8")
    assert ("第 1、2 行" if lang == "zh" else "at rows 1, 2 →") in lines[0]
    assert view.order_note == ("km.order_on", {}) and view.sentence_order_note == "km.nlp_order_on"
    assert say(view.output_title, lang) == t("km.output_title", lang, k=2, w=4)
    assert view.sentence is km.SENTENCES["medium"][lang]
    assert view.sentence_result.output.shape == (4, 2)
    assert say(view.fixed_note, lang) == t("km.nlp_fixed", lang, n=7, k=2)
    assert [say(name, lang) for name in view.layer_names] == [t("km.dyn_layer", lang, layer=n) for n in (1, 2, 3)]
    assert [r.k for r in view.layers] == [12, 6, 3] and view.too_short is None


def test_kept_lines_name_the_feature_and_join_the_words_in_each_language():
    view = km.compute(km.Settings(lang="zh"))
    assert view.kept[2] == ("一点", "也")
    assert say(view.kept_lines[2], "zh") == "**程度**：一点、也"
    en = km.compute(km.Settings())
    assert say(en.kept_lines[0]) == "**negation**: not, all"
    assert [t(f) for f in en.feature_names] == ["negation", "positive", "intensity", "about film"]


def test_order_off_and_a_sentence_shorter_than_k():
    view = km.compute(km.Settings(k=1, keep_order=False, num_layers=6, k_top=10, length=1))
    assert view.order_note == ("km.order_off_same", {"k": 1}) and view.sentence_order_note == "km.nlp_order_off"
    np.testing.assert_array_equal(view.columns.output, [[3, 8, 8, 9]])
    assert [r.k for r in view.layers] == [10] * 6
    assert view.too_short == ("km.dyn_too_short", {"s": 1})


@pytest.mark.parametrize("bad, message", [({"sentence": "huge"}, "sentence"), ({"lang": "fr"}, "lang"),
                                          ({"k": 5}, "k")])
def test_compute_names_the_setting_it_refuses(bad, message):
    with pytest.raises(ValueError, match=message):
        km.compute(km.Settings(**bad))


@pytest.mark.parametrize("k, cols", [(2, ("F1", "F2")), (3, ("F1", "F2", "F3", "F4")), (4, ("F1", "F2", "F3", "F4"))])
def test_the_order_dropped_note_uses_the_current_k(k, cols):
    """It once said "with k = 2" whatever k was: now the k and the columns that change are the real ones."""
    key, fields = km.compute(km.Settings(k=k, keep_order=False)).order_note
    assert (key, fields["k"], tuple(fields["cols"])) == ("km.order_off", k, cols)
    kept = kmax_pool(km.FIGURE2, k, axis=-2).output
    ranked = kmax_pool(km.FIGURE2, k, axis=-2, keep_order=False).output
    assert all((kept[:, j] != ranked[:, j]).any() == (name in cols) for j, name in enumerate(km.FEATURE_LABELS))
    assert f"k = {k} 时 {'、'.join(cols)} 的顺序变了" in t(key, "zh", **fields)
