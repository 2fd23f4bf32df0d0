"""The K-max lesson's figures: the tutorial's figure 2 exactly, one frame per
column, sentences of any length giving the same output size, dynamic k."""

import numpy as np
import pytest
from conftest import FIGURE2_INPUT, FIGURE2_KMAX

from lessons import kmax as lk
from lessons.figures import kmax as km
from lessons.figures.grid import HIGHLIGHT
from pooling_core import kmax_pool

F = FIGURE2_INPUT
FIG2_K2 = np.array(FIGURE2_KMAX).T  # rows: the 2 kept values; columns: F1..F4
SELECTED_ROWS_K2 = [[1, 2], [1, 3], [2, 3], [2, 3]]


def walk(k=2, keep_order=True, column=None):
    res = kmax_pool(F, k, axis=-2, keep_order=keep_order)
    return res, km.kmax_walk_figure(F, res, column=column)


def highlighted(shapes, color=HIGHLIGHT):
    return sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in shapes
                  if s.line.color == color and s.x1 - s.x0 == 1 and s.y1 - s.y0 == 1)


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


def test_each_column_writes_the_output_up_to_it():
    for c in range(4):
        _, frame = walk(column=c)
        assert not frame.frames and not frame.layout.sliders and not frame.layout.updatemenus
        z = np.asarray(frame.data[1].z, dtype=float)
        np.testing.assert_array_equal(z[:, :c + 1], FIG2_K2[:, :c + 1])
        assert np.isnan(z[:, c + 1:]).all()
        assert all(t == "" for t in np.asarray(frame.data[1].text)[:, c + 1:].ravel())
        # this column's kept cells in vermilion, earlier columns' in grey
        assert highlighted(frame.layout.shapes) == [(r, c) for r in SELECTED_ROWS_K2[c]]
        assert len(highlighted(frame.layout.shapes, km.DONE_COLOR)) == 2 * c
    with pytest.raises(ValueError, match="column"):
        walk(column=4)


def test_without_keep_order_values_come_largest_first():
    res, fig = walk(keep_order=False)
    np.testing.assert_array_equal(fig.data[1].z, [[3, 8, 8, 9], [2, 6, 6, 5]])
    assert res.indices[:, 0].tolist() == [2, 1]


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_every_k_gives_k_rows(k):
    res, fig = walk(k)
    assert np.asarray(fig.data[1].z).shape == (k, 4)
    assert len(highlighted(fig.layout.shapes)) == 4 * k
    if k == 1:
        np.testing.assert_array_equal(fig.data[1].z, [[3, 8, 8, 9]])
    if k == 4:
        np.testing.assert_array_equal(fig.data[1].z, F)


def test_walk_figure_rejects_a_result_of_another_axis():
    with pytest.raises(ValueError, match="axis=-2"):
        km.kmax_walk_figure(F, kmax_pool(F, 2, axis=-1))


def sentence_figures(key, lang, k, keep_order=True, names=("a", "b", "c", "d"), **titles):
    view = lk.compute(lk.Settings(k=k, sentence=key, lang=lang, keep_order=keep_order))
    return view, km.sentence_figures(view.sentence, view.sentence_result, view.kept, names, **titles)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("k", [1, 2, 4])
def test_any_sentence_gives_a_4_by_k_output(lang, k):
    for key in lk.SENTENCES:
        view, (fig_in, fig_out) = sentence_figures(key, lang, k, input_title="in", output_title="out")
        assert np.asarray(fig_out.data[0].z).shape == (4, k)
        assert list(fig_in.layout.xaxis.ticktext) == list(view.sentence.words)
        assert list(fig_in.layout.yaxis.ticktext) == ["a", "b", "c", "d"]
        assert len(highlighted(fig_in.layout.shapes)) == 4 * k
        assert fig_in.layout.title.text == "<b>in</b>" and fig_out.layout.title.text == "<b>out</b>"


def test_sentence_output_cells_show_the_kept_word_above_its_score():
    _, (_, fig_out) = sentence_figures("medium", "en", 2)
    assert np.asarray(fig_out.data[0].text)[0].tolist() == ["not<br>9", "all<br>2"]
    assert np.asarray(fig_out.data[0].text)[2].tolist() == ["at<br>3", "all<br>7"]
    _, (_, fig_out) = sentence_figures("medium", "zh", 2, keep_order=False)
    assert np.asarray(fig_out.data[0].text)[2].tolist() == ["也<br>7", "一点<br>4"]


def test_sentence_figures_reject_a_result_along_the_features():
    s = lk.SENTENCES["short"]["en"]
    with pytest.raises(ValueError, match="axis=-1"):
        km.sentence_figures(s, kmax_pool(s.matrix, 2, axis=-2), (), ["a", "b", "c", "d"])


def test_dynamic_k_figure_bars_and_sentence_line():
    fig = km.dynamic_k_figure(lk.dynamic_k_rows(3, 18, 3), layer_names=["layer 1", "layer 2", "layer 3"],
                              length_label="sentence length s")
    assert list(fig.data[0].y) == [12, 6, 3]
    assert list(fig.data[0].x) == ["layer 1", "layer 2", "layer 3"]
    assert fig.layout.shapes[0].y0 == 18
    assert fig.layout.annotations[0].text == "sentence length s = 18"
