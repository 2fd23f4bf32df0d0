"""lessons/figures/backward.py: the pictures of lesson 6, built from its view models."""

import numpy as np
import pytest
from conftest import FIGURE1_INPUT
from numpy.testing import assert_allclose, assert_array_equal

from lessons import backward as bw
from lessons.figures import backward as fb
from lessons.figures.grid import CELL_SCALE, GRAD_SCALE, HIGHLIGHT, TITLE_LIFT, WINDOW_COLORS
from lessons.gradcheck import gradcheck
from lessons.gradflow import on_padded, padded_gradient, touch_counts
from lessons.i18n import t
from pooling_core import pool2d

ONES = np.ones((2, 2))


def labels(mode="avg", lang="en"):
    return {name: t(key, lang) for name, key in bw.figure_titles(mode).items()}


def scale(trace):
    return [[float(a), b] for a, b in trace.colorscale]


def z(fig, i=0):
    return np.array(fig.data[i].z, dtype=float)


def text(fig, i=0):
    return np.array(fig.data[i].text, dtype=object)


def colors(fig):
    return [s.line.color for s in fig.layout.shapes]


def test_input_figure_figure_1_windows_in_the_tutorial_colours():
    g = pool2d(FIGURE1_INPUT, 2, mode="avg").geometry
    fig = fb.input_figure(on_padded(g, FIGURE1_INPUT), windows=bw.window_boxes(g), title="Input")
    assert_array_equal(z(fig), FIGURE1_INPUT)
    assert colors(fig) == list(WINDOW_COLORS)
    first = fig.layout.shapes[0]
    assert (first.x0, first.x1, first.y0, first.y1) == (-0.5, 1.5, -0.5, 1.5)
    assert first.fillcolor.endswith("0.18)")
    assert fig.layout.margin.t == 40 + TITLE_LIFT and fig.layout.title.yref == "container"


def test_input_figure_overlap_outlines_three_windows_and_argmax():
    view = bw.compute(bw.Settings(kernel=3, stride=1)).max
    assert bw.shown_windows(view.res.geometry) == (0, 1, 2)
    fig = fb.input_figure(view.input, windows=view.windows, argmax=view.argmax)
    assert colors(fig) == list(WINDOW_COLORS[:3]) + [HIGHLIGHT] * 4
    argmax = [(s.x0 + 0.5, s.y0 + 0.5) for s in fig.layout.shapes[3:]]
    assert sorted(argmax) == [(2, 2), (2, 3), (3, 2), (3, 3)]  # (col, row)


def test_too_many_argmax_cells_are_not_outlined():
    x = bw.make_input("random", 16)
    view = bw.compute(bw.Settings(x_preset="random", n=16, kernel=1, stride=1)).max
    assert len(view.argmax) == 256
    fig = fb.input_figure(view.input, windows=view.windows, argmax=view.argmax)
    assert HIGHLIGHT not in colors(fig) and len(fig.layout.shapes) == 3
    assert_array_equal(z(fig), x)


def test_gradient_figure_is_diverging_and_centred():
    fig = fb.gradient_figure([[1.0, -2.0], [0.5, 0.0]], title="g")
    heat = fig.data[0]
    assert scale(heat) == GRAD_SCALE
    assert heat.zmax == pytest.approx(2.0 * fb.HEADROOM) and heat.zmin == -heat.zmax
    assert text(fig).tolist() == [["1", "-2"], ["0.5", "0"]]
    fig = fb.gradient_figure(np.zeros((2, 2)))
    assert fig.data[0].zmax == pytest.approx(fb.HEADROOM)


def test_padded_gradient_figure_writes_the_lost_share_on_padding():
    res = pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg")
    fig = fb.padded_gradient_figure(padded_gradient(res, ONES), windows=bw.window_boxes(res.geometry),
                                    padding_label="pad")
    assert [tr.name for tr in fig.data] == ["values", "padding"]
    pad_text = text(fig, 1)
    assert pad_text[0, 0] == "pad<br>0.11" and pad_text[0, 2] == "pad<br>0.22"
    assert pad_text[5, 5] == "pad"          # never reached: nothing lost there
    assert pad_text[1, 1] == ""             # real cells carry no padding text
    assert z(fig)[2, 2] == pytest.approx(4 / 9)
    plain = fb.padded_gradient_figure(padded_gradient(res, ONES), padding_label="pad", show_lost=False)
    assert text(plain, 1)[0, 0] == "pad" and not plain.layout.shapes


def test_upstream_and_indices_figures():
    up = fb.upstream_figure([[1.0, 2.0], [3.0, 4.0]], title="up")
    assert_array_equal(z(up), [[1, 2], [3, 4]])
    assert colors(up) == list(WINDOW_COLORS)
    assert scale(up.data[0]) == GRAD_SCALE
    res = pool2d(FIGURE1_INPUT, 2)
    idx = fb.indices_figure(res.output, res.indices, 4)
    assert_array_equal(z(idx), [[6, 8], [14, 16]])
    assert text(idx).tolist() == [["6<br>(1,1)", "8<br>(1,3)"], ["14<br>(3,1)", "16<br>(3,3)"]]
    assert colors(idx) == list(WINDOW_COLORS)
    big = pool2d(bw.make_input("ramp", 16), 2)
    big = fb.indices_figure(big.output, big.indices, 16)
    assert text(big)[0, 0] == "17" and not big.layout.shapes  # flat ids only, 8x8 output


def test_count_figure():
    counts = touch_counts(pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg"))
    fig = fb.count_figure(counts.values, padding=counts.padding, row0=counts.row0, col0=counts.col0,
                          padding_label="pad")
    assert scale(fig.data[0]) == CELL_SCALE and fig.data[0].zmin == 0 and fig.data[0].zmax == 4
    assert text(fig)[2, 2] == "4" and text(fig)[3, 3] == "1"
    assert text(fig, 1)[0, 0] == "pad<br>1" and text(fig, 1)[5, 5] == "pad<br>0" and text(fig, 1)[2, 2] == ""


def test_check_figures_share_a_scale_and_outline_ties():
    res = pool2d(np.array([[5.0, 5.0, 1.0, 2.0], [0.0, 1.0, 3.0, 0.0]]), 2)
    numeric, analytic = fb.check_figures(gradcheck(res, np.array([[2.0, 1.0]])), titles=("n", "a"))
    assert numeric.data[0].zmax == analytic.data[0].zmax == pytest.approx(2 * fb.HEADROOM)
    assert_allclose(z(numeric)[0], [1, 1, 0, 0], atol=1e-9)
    assert_array_equal(z(analytic)[0], [2, 0, 0, 0])
    assert colors(numeric) == [HIGHLIGHT, HIGHLIGHT]


# ---------------------------------------------------------------- the lesson's figures

def test_lesson_figures_defaults():
    figs = fb.lesson_figures(bw.compute(bw.Settings()), labels())
    assert list(figs) == ["input", "upstream", "split", "copy", "max_input", "indices", "max_grad"]
    assert_array_equal(z(figs["max_grad"]), [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]])
    split, copy = figs["split"], figs["copy"]
    assert_allclose(z(split), np.full((4, 4), 0.25))
    assert_allclose(z(copy), np.ones((4, 4)))
    assert split.data[0].zmax == copy.data[0].zmax == pytest.approx(fb.HEADROOM)  # one scale for both
    assert text(split)[0, 0] == "0.25" and text(copy)[0, 0] == "1"
    assert colors(copy) == list(WINDOW_COLORS)
    assert colors(figs["max_grad"]) == list(WINDOW_COLORS) + [HIGHLIGHT] * 4
    assert split.layout.title.text == t("bw.split_title", "en")
    zh = fb.lesson_figures(bw.compute(bw.Settings()), labels(lang="zh"))
    assert zh["split"].layout.title.text == t("bw.split_title", "zh")


def test_lesson_figures_with_padding():
    lesson = bw.compute(bw.Settings(kernel=3, padding=1, count_include_pad=False))
    figs = fb.lesson_figures(lesson, labels())
    assert list(figs)[:3] == ["input", "upstream", "divisor"]
    assert_array_equal(z(figs["divisor"]), [[4, 6], [6, 9]])
    assert text(figs["split"], 1)[0, 0] == t("common.padding_cell", "en")
    counted = fb.lesson_figures(bw.compute(bw.Settings(kernel=3, padding=1)), labels())
    assert "divisor" not in counted and text(counted["split"], 1)[0, 0].endswith("<br>0.11")
    assert "<br>" not in text(counted["copy"], 1)[0, 0]  # the copy mistake shows no lost shares


def test_mode_figures():
    lesson = bw.compute(bw.Settings(kernel=3, stride=1))
    avg, (numeric, analytic) = fb.mode_figures(lesson.avg, labels("avg"))
    assert list(avg) == ["touch", "where_grad"]
    assert avg["where_grad"].layout.title.text == t("bw.grad_title_avg", "en")
    assert_array_equal(z(avg["touch"]), [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]])
    assert numeric.layout.title.text == t("bw.numeric_title", "en")
    assert analytic.layout.title.text == t("bw.analytic_title", "en")
    mx, checks = fb.mode_figures(lesson.max, labels("max"))
    assert list(mx) == ["touch", "routes", "where_grad"]
    assert mx["where_grad"].layout.title.text == t("bw.grad_title_max", "en")
    assert_array_equal(z(mx["routes"]), [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1]])
    assert colors(mx["routes"]) == [HIGHLIGHT] * 4
    assert len(checks) == 2
