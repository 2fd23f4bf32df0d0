"""The K-max lesson's figures: the tutorial's figure 2 exactly, one frame per
column, sentences of any length giving the same output size, dynamic k."""

import math

import numpy as np
import pytest

from lessons.figures import kmax as km
from lessons.figures.grid import HIGHLIGHT
from pooling_core import kmax_pool

F = km.FIGURE2
FIG2_K2 = [[2, 6, 8, 9], [3, 8, 6, 5]]  # F1 -> [2,3], F2 -> [6,8], F3 -> [8,6], F4 -> [9,5]
SELECTED_ROWS_K2 = [[1, 2], [1, 3], [2, 3], [2, 3]]


def walk(k=2, keep_order=True):
    res = kmax_pool(F, k, axis=-2, keep_order=keep_order)
    return res, km.kmax_walk_figure(F, res, play_label="Play", step_label="Column")


def highlighted(shapes, color=HIGHLIGHT):
    return sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in shapes
                  if s.line.color == color and s.x1 - s.x0 == 1 and s.y1 - s.y0 == 1)


def test_figure2_columns_are_the_tutorials_features():
    assert [F[:, j].tolist() for j in range(4)] == [[1, 2, 3, 2], [5, 6, 1, 8], [4, 4, 8, 6], [3, 0, 9, 5]]


def test_walk_figure_shows_the_exact_figure2_result():
    res, fig = walk()
    inp, out = fig.data
    np.testing.assert_array_equal(inp.z, F)
    np.testing.assert_array_equal(out.z, FIG2_K2)
    assert np.asarray(out.text).tolist() == [["2", "6", "8", "9"], ["3", "8", "6", "5"]]
    assert list(out.x) == [5, 6, 7, 8] and list(out.y) == [0, 1]
    # the still picture outlines every kept cell; F1 keeps the 2 at row 1, not row 3
    assert highlighted(fig.layout.shapes) == sorted(
        (r, c) for c, rows in enumerate(SELECTED_ROWS_K2) for r in rows)
    assert (1, 0) in highlighted(fig.layout.shapes) and (3, 0) not in highlighted(fig.layout.shapes)


def test_one_frame_per_column_writing_the_output_up_to_it():
    _, fig = walk()
    assert [f.name for f in fig.frames] == ["F1", "F2", "F3", "F4"]
    for c, frame in enumerate(fig.frames):
        assert frame.traces == (1,)
        z = np.asarray(frame.data[0].z, dtype=float)
        np.testing.assert_array_equal(z[:, :c + 1], np.asarray(FIG2_K2)[:, :c + 1])
        assert np.isnan(z[:, c + 1:]).all()
        assert all(t == "" for t in np.asarray(frame.data[0].text)[:, c + 1:].ravel())
        # this column's kept cells in vermilion, earlier columns' in grey
        assert highlighted(frame.layout.shapes) == [(r, c) for r in SELECTED_ROWS_K2[c]]
        assert len(highlighted(frame.layout.shapes, km.DONE_COLOR)) == 2 * c
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == ["F1", "F2", "F3", "F4"]
    assert all(s.args[1]["frame"]["redraw"] for s in steps)
    assert fig.layout.updatemenus[0].buttons[0].label == "Play"


def test_without_keep_order_values_come_largest_first():
    res, fig = walk(keep_order=False)
    np.testing.assert_array_equal(fig.data[1].z, [[3, 8, 8, 9], [2, 6, 6, 5]])
    assert res.indices[:, 0].tolist() == [2, 1]


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_every_k_gives_k_rows_and_four_frames(k):
    res, fig = walk(k)
    assert np.asarray(fig.data[1].z).shape == (k, 4)
    assert len(fig.frames) == 4
    assert len(highlighted(fig.layout.shapes)) == 4 * k
    if k == 1:
        np.testing.assert_array_equal(fig.data[1].z, [[3, 8, 8, 9]])
    if k == 4:
        np.testing.assert_array_equal(fig.data[1].z, F)


def test_walk_figure_rejects_a_result_of_another_axis():
    with pytest.raises(ValueError, match="axis=-2"):
        km.kmax_walk_figure(F, kmax_pool(F, 2, axis=-1))


def test_sentences_have_the_same_lengths_in_both_languages():
    assert {key: km.sentence_label(key) for key in km.SENTENCES} == {"short": "4", "medium": "7", "long": "10"}
    for per_lang in km.SENTENCES.values():
        assert set(per_lang) == {"en", "zh"}
        for sentence in per_lang.values():
            assert sentence.matrix.shape == (len(km.SENTENCE_FEATURES), len(sentence.words))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("k", [1, 2, 4])
def test_any_sentence_gives_a_4_by_k_output(lang, k):
    for per_lang in km.SENTENCES.values():
        s = per_lang[lang]
        res = kmax_pool(s.matrix, k, axis=-1)
        fig_in, fig_out = km.sentence_figures(s, res, ["a", "b", "c", "d"], input_title="in", output_title="out")
        assert np.asarray(fig_out.data[0].z).shape == (4, k)
        assert list(fig_in.layout.xaxis.ticktext) == list(s.words)
        assert len(highlighted(fig_in.layout.shapes)) == 4 * k


def test_sentence_keeps_each_features_strongest_words_in_reading_order():
    s = km.SENTENCES["medium"]["en"]
    res = kmax_pool(s.matrix, 2, axis=-1)
    assert km.kept_words(s, res) == [["not", "all"], ["film", "good"], ["at", "all"], ["the", "film"]]
    # "the" and "good" tie on the film feature (1 each): the earlier word wins
    sorted_res = kmax_pool(s.matrix, 2, axis=-1, keep_order=False)
    assert km.kept_words(s, sorted_res)[2] == ["all", "at"]
    _, fig_out = km.sentence_figures(s, res, ["neg", "pos", "int", "film"])
    assert np.asarray(fig_out.data[0].text)[0].tolist() == ["not<br>9", "all<br>2"]
    zh = km.SENTENCES["medium"]["zh"]
    assert km.kept_words(zh, kmax_pool(zh.matrix, 2, axis=-1))[2] == ["一点", "也"]
    assert km.kept_words(zh, kmax_pool(zh.matrix, 2, axis=-1, keep_order=False))[2] == ["也", "一点"]


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


def test_dynamic_k_figure_bars_and_sentence_line():
    fig = km.dynamic_k_figure(km.dynamic_k_rows(3, 18, 3), layer_label="layer {}")
    assert list(fig.data[0].y) == [12, 6, 3]
    assert list(fig.data[0].x) == ["layer 1", "layer 2", "layer 3"]
    assert fig.layout.shapes[0].y0 == 18
