"""lessons/figures/backward.py: the numbers behind lesson 6 and its figures."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from lessons.figures import backward as fb
from lessons.figures.grid import CELL_SCALE, GRAD_SCALE, HIGHLIGHT, TITLE_LIFT, WINDOW_COLORS
from lessons.i18n import t
from pooling_core import pool2d

RAMP = np.arange(1.0, 17.0).reshape(4, 4)
ONES = np.ones((2, 2))


def en(key, **fields):
    return t(key, "en", **fields)


def scale(trace):
    return [[float(a), b] for a, b in trace.colorscale]


def z(fig, i=0):
    return np.array(fig.data[i].z, dtype=float)


def text(fig, i=0):
    return np.array(fig.data[i].text, dtype=object)


def colors(fig):
    return [s.line.color for s in fig.layout.shapes]


# ---------------------------------------------------------------- presets

def test_input_presets():
    assert_array_equal(fb.make_input("ramp", 4), RAMP)
    shuffled = fb.make_input("random", 5, seed=3)
    assert sorted(shuffled.ravel()) == list(range(1, 26))
    assert not np.array_equal(shuffled, fb.make_input("ramp", 5))
    assert_array_equal(shuffled, fb.make_input("random", 5, seed=3))  # seeded
    ties = fb.make_input("ties", 6, seed=1)
    assert set(np.unique(ties)) <= {0.0, 1.0, 2.0, 3.0}
    with pytest.raises(ValueError, match="input preset"):
        fb.make_input("zeros", 4)


def test_upstream_presets():
    assert_array_equal(fb.make_upstream("ones", (2, 3)), np.ones((2, 3)))
    assert_array_equal(fb.make_upstream("range", (2, 2)), [[1, 2], [3, 4]])
    r = fb.make_upstream("random", (5, 5), seed=2)
    assert r.min() >= -3 and r.max() <= 3 and np.array_equal(r, np.round(r))
    assert_array_equal(r, fb.make_upstream("random", (5, 5), seed=2))
    assert_array_equal(fb.make_upstream("custom", (2, 2), text="1 -2; 3.5, 4"), [[1, -2], [3.5, 4]])
    assert fb.make_upstream("custom", (2, 2), text="1 2 3") is None
    with pytest.raises(ValueError, match="upstream preset"):
        fb.make_upstream("zeros", (2, 2))


@pytest.mark.parametrize("typed, expected", [
    ("1 2 3 4", [[1, 2], [3, 4]]),
    ("1,2\n3,4", [[1, 2], [3, 4]]),
    (" 1; 2 ;3;4 ", [[1, 2], [3, 4]]),
    ("-1e0 0.5 2 -3", [[-1, 0.5], [2, -3]]),
    ("", None), ("1 2 3", None), ("1 2 3 4 5", None), ("1 2 x 4", None), ("1 2 nan 4", None),
])
def test_parse_grid(typed, expected):
    got = fb.parse_grid(typed, (2, 2))
    if expected is None:
        assert got is None
    else:
        assert_array_equal(got, expected)


# ---------------------------------------------------------------- where the gradient goes

def test_average_splits_into_n_equal_parts_on_figure_1():
    res = pool2d(RAMP, 2, mode="avg")
    pg = fb.padded_gradient(res, [[1.0, 2.0], [3.0, 4.0]])
    assert not pg.padding.any() and (pg.row0, pg.col0) == (0, 0)
    assert_allclose(pg.values, [[0.25, 0.25, 0.5, 0.5], [0.25, 0.25, 0.5, 0.5],
                                [0.75, 0.75, 1.0, 1.0], [0.75, 0.75, 1.0, 1.0]])
    assert pg.lost == 0 and pg.values.sum() == pytest.approx(10.0)


def test_copy_mistake_multiplies_the_sum_by_n():
    res = pool2d(RAMP, 2, mode="avg")
    copy = fb.copy_gradient(res, ONES)
    assert_array_equal(copy, np.ones((4, 4)))
    assert copy.sum() == 4 * ONES.sum() == 16
    assert fb.sum_factor(copy.sum(), ONES.sum()) == 4
    g = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert fb.copy_gradient(res, g).sum() == pytest.approx(4 * g.sum())
    assert fb.sum_factor(5.0, 0.0) is None
    with pytest.raises(ValueError, match="avg"):
        fb.copy_gradient(pool2d(RAMP, 2), ONES)


def test_padding_swallows_part_of_the_average_gradient():
    """3x3 windows, stride 2, padding 1 on the 4x4 input: the four windows
    hold 4, 6, 6 and 9 real cells of 9, so 25/9 of 4 reaches the input and
    11/9 falls on padding."""
    res = pool2d(RAMP, 3, 2, 1, mode="avg")
    pg = fb.padded_gradient(res, ONES)
    assert (pg.row0, pg.col0) == (-1, -1) and pg.values.shape == (6, 6)
    assert pg.grad_input.sum() == pytest.approx(25 / 9)
    assert pg.lost == pytest.approx(11 / 9)
    assert pg.values[0, 0] == pytest.approx(1 / 9)   # top-left padding corner: one window
    assert pg.values[0, 2] == pytest.approx(2 / 9)   # padding shared by two windows
    assert_array_equal(pg.values[-1], 0)             # the bottom padding row is never reached
    # nothing is lost when the divisor counts only real cells, or for max pooling
    for other in (pool2d(RAMP, 3, 2, 1, mode="avg", count_include_pad=False), pool2d(RAMP, 3, 2, 1)):
        pg = fb.padded_gradient(other, ONES)
        assert pg.lost == 0 and pg.lost_abs == 0 and pg.grad_input.sum() == pytest.approx(4)


def test_window_counts_and_route_counts():
    overlap = pool2d(RAMP, 3, 1, mode="avg")
    counts, pad, r0, c0 = fb.window_counts(overlap)
    assert_array_equal(counts, [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]])
    assert not pad.any() and (r0, c0) == (0, 0)
    padded = pool2d(RAMP, 3, 2, 1, mode="avg")
    counts, pad, r0, c0 = fb.window_counts(padded)
    assert (r0, c0) == (-1, -1) and counts[0, 0] == 1 and counts[2, 2] == 4 and counts[5, 5] == 0
    assert pad[0].all() and not pad[1:5, 1:5].any()
    assert_array_equal(fb.route_counts(pool2d(RAMP, 2)), [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]])
    peak = RAMP.copy()
    peak[1, 1] = 100
    routes = fb.route_counts(pool2d(peak, 3, 1))
    assert routes[1, 1] == 4 and routes.sum() == 4


# ---------------------------------------------------------------- the verdict, from numbers

def test_verdict_tutorial_case_is_preserved_for_both_modes():
    for mode, reason in (("avg", "avg_exact"), ("max", "max_one_cell")):
        rep = fb.sum_report(pool2d(RAMP, 2, mode=mode), ONES)
        assert rep.preserved and rep.reason == reason
        assert rep.upstream == rep.received == 4 and rep.lost == 0
        assert rep.shared_cells == 0 and rep.most == 1


def test_verdict_max_overlap_one_cell_collects_several_gradients():
    peak = RAMP.copy()
    peak[1, 1] = 100
    g = np.array([[1.0, 2.0], [3.0, 4.0]])
    res = pool2d(peak, 3, 1)
    rep = fb.sum_report(res, g)
    assert rep.preserved and rep.reason == "max_one_cell" and rep.received == 10
    assert (rep.shared_cells, rep.most, rep.most_at) == (1, 4, (1, 1))
    assert res.backward(g)[1, 1] == 10


def test_verdict_avg_overlap_without_padding_is_preserved():
    g = np.array([[1.0, -2.0], [3.0, 5.0]])
    rep = fb.sum_report(pool2d(RAMP, 3, 1, mode="avg"), g)
    assert rep.preserved and rep.reason == "avg_exact"
    assert rep.received == pytest.approx(7.0)
    assert (rep.shared_cells, rep.most, rep.most_at) == (12, 4, (1, 1))


def test_verdict_avg_counted_padding_shrinks_the_sum():
    rep = fb.sum_report(pool2d(RAMP, 3, 2, 1, mode="avg"), ONES)
    assert not rep.preserved and rep.reason == "avg_lost"
    assert rep.received == pytest.approx(25 / 9) and rep.lost == pytest.approx(11 / 9)
    rep = fb.sum_report(pool2d(RAMP, 3, 2, 1, mode="avg", count_include_pad=False), ONES)
    assert rep.preserved and rep.reason == "avg_exact" and rep.received == pytest.approx(4)


def test_verdict_preserved_only_by_luck():
    # padding shares +15/9 and -15/9 cancel: 3 * 5/9 (window 0,0) - 5 * 3/9 (window 0,1)
    rep = fb.sum_report(pool2d(RAMP, 3, 2, 1, mode="avg"), [[3.0, -5.0], [0.0, 0.0]])
    assert rep.preserved and rep.reason == "avg_cancel"
    # only the middle window of a 5x5 input is free of padding, and only it gets a gradient
    g = np.zeros((3, 3))
    g[1, 1] = 2.0
    rep = fb.sum_report(pool2d(fb.make_input("ramp", 5), 2, 2, 1, mode="avg"), g)
    assert rep.preserved and rep.reason == "avg_zero_on_padding"


@pytest.mark.parametrize("k, s, p", [(1, 1, 0), (2, 1, 0), (3, 1, 1), (3, 2, 1), (4, 2, 2), (2, 3, 1), (5, 1, 2)])
@pytest.mark.parametrize("cip", [True, False])
def test_sum_bookkeeping_always_balances(k, s, p, cip):
    x = fb.make_input("random", 7, seed=k + s + p)
    for mode in ("avg", "max"):
        res = pool2d(x, k, s, p, mode=mode, count_include_pad=cip)
        g = fb.make_upstream("random", res.output.shape, seed=1)
        rep = fb.sum_report(res, g)
        assert rep.received + rep.lost == pytest.approx(rep.upstream, abs=1e-9)
        if mode == "max" or p == 0 or not cip:
            assert rep.preserved and rep.lost == 0


# ---------------------------------------------------------------- figures

def test_input_figure_figure_1_windows_in_the_tutorial_colours():
    fig = fb.input_figure(pool2d(RAMP, 2, mode="avg"), title="Input")
    assert_array_equal(z(fig), RAMP)
    assert colors(fig) == list(WINDOW_COLORS)
    first = fig.layout.shapes[0]
    assert (first.x0, first.x1, first.y0, first.y1) == (-0.5, 1.5, -0.5, 1.5)
    assert fig.layout.margin.t == 40 + TITLE_LIFT and fig.layout.title.yref == "container"


def test_input_figure_overlap_outlines_three_windows_and_argmax():
    res = pool2d(RAMP, 3, 1)
    assert fb._shown_windows(res) == [0, 1, 2]
    fig = fb.input_figure(res, mark_argmax=True)
    assert colors(fig) == list(WINDOW_COLORS[:3]) + [HIGHLIGHT] * 4
    argmax = [(s.x0 + 0.5, s.y0 + 0.5) for s in fig.layout.shapes[3:]]
    assert sorted(argmax) == [(2, 2), (2, 3), (3, 2), (3, 3)]  # (col, row)


def test_gradient_figure_is_diverging_and_centred():
    fig = fb.gradient_figure([[1.0, -2.0], [0.5, 0.0]], title="g")
    heat = fig.data[0]
    assert scale(heat) == GRAD_SCALE
    assert heat.zmax == pytest.approx(2.0 * fb.HEADROOM) and heat.zmin == -heat.zmax
    assert text(fig).tolist() == [["1", "-2"], ["0.5", "0"]]
    fig = fb.gradient_figure(np.zeros((2, 2)))
    assert fig.data[0].zmax == pytest.approx(fb.HEADROOM)


def test_split_and_copy_figures_on_one_scale():
    view = fb.main_view(fb.compute(fb.Settings()), en)
    split, copy = view.figures["split"], view.figures["copy"]
    assert_allclose(z(split), np.full((4, 4), 0.25))
    assert_allclose(z(copy), np.ones((4, 4)))
    assert split.data[0].zmax == copy.data[0].zmax == pytest.approx(fb.HEADROOM)
    assert text(split)[0, 0] == "0.25" and text(copy)[0, 0] == "1"
    assert colors(copy) == list(WINDOW_COLORS)
    assert split.layout.title.text == en("bw.split_title")


def test_padded_gradient_figure_writes_the_lost_share_on_padding():
    res = pool2d(RAMP, 3, 2, 1, mode="avg")
    fig = fb.padded_gradient_figure(res, fb.padded_gradient(res, ONES), padding_label="pad")
    assert [tr.name for tr in fig.data] == ["values", "padding"]
    pad_text = text(fig, 1)
    assert pad_text[0, 0] == "pad<br>0.11" and pad_text[0, 2] == "pad<br>0.22"
    assert pad_text[5, 5] == "pad"          # never reached: nothing lost there
    assert pad_text[1, 1] == ""             # real cells carry no padding text
    assert z(fig)[2, 2] == pytest.approx(4 / 9)


def test_upstream_and_indices_figures():
    up = fb.upstream_figure([[1.0, 2.0], [3.0, 4.0]], title="up")
    assert_array_equal(z(up), [[1, 2], [3, 4]])
    assert colors(up) == list(WINDOW_COLORS)
    assert scale(up.data[0]) == GRAD_SCALE
    res = pool2d(RAMP, 2)
    idx = fb.indices_figure(res)
    assert_array_equal(z(idx), [[6, 8], [14, 16]])
    assert text(idx).tolist() == [["6<br>(1,1)", "8<br>(1,3)"], ["14<br>(3,1)", "16<br>(3,3)"]]
    assert colors(idx) == list(WINDOW_COLORS)
    big = fb.indices_figure(pool2d(fb.make_input("ramp", 16), 2))
    assert text(big)[0, 0] == "17" and not big.layout.shapes  # flat ids only, 8x8 output


def test_count_figure():
    res = pool2d(RAMP, 3, 2, 1, mode="avg")
    counts, pad, r0, c0 = fb.window_counts(res)
    fig = fb.count_figure(counts, padding=pad, row0=r0, col0=c0, padding_label="pad")
    assert scale(fig.data[0]) == CELL_SCALE and fig.data[0].zmin == 0 and fig.data[0].zmax == 4
    assert text(fig)[2, 2] == "4" and text(fig)[3, 3] == "1"
    assert text(fig, 1)[0, 0] == "pad<br>1" and text(fig, 1)[5, 5] == "pad<br>0" and text(fig, 1)[2, 2] == ""


def test_check_figures_share_a_scale_and_outline_ties():
    from lessons.gradcheck import gradcheck
    res = pool2d(np.array([[5.0, 5.0, 1.0, 2.0], [0.0, 1.0, 3.0, 0.0]]), 2)
    numeric, analytic = fb.check_figures(gradcheck(res, np.array([[2.0, 1.0]])), titles=("n", "a"))
    assert numeric.data[0].zmax == analytic.data[0].zmax == pytest.approx(2 * fb.HEADROOM)
    assert_allclose(z(numeric)[0], [1, 1, 0, 0], atol=1e-9)
    assert_array_equal(z(analytic)[0], [2, 0, 0, 0])
    assert colors(numeric) == [HIGHLIGHT, HIGHLIGHT]


# ---------------------------------------------------------------- the assembled lesson

def test_main_view_defaults():
    c = fb.compute(fb.Settings())
    assert c.upstream_ok and c.out_shape == (2, 2)
    v = fb.main_view(c, en)
    assert list(v.figures) == ["input", "upstream", "split", "copy", "max_input", "indices", "max_grad"]
    assert (v.divisor, v.windows_partial, v.n_tied) == (4, False, 0)
    assert (v.upstream_sum, v.split_sum, v.copy_sum, v.factor) == (4, 4, 16, 4)
    assert_array_equal(z(v.figures["max_grad"]), [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]])


def test_main_view_with_padding_and_ties():
    counted = fb.main_view(fb.compute(fb.Settings(x_preset="ties", kernel=3, padding=1, g_preset="range")), en)
    assert counted.divisor == 9 and "divisor" not in counted.figures and counted.windows_partial
    assert counted.upstream_sum == 10 and counted.split_sum == pytest.approx(70 / 9)  # 4*1+6*2+6*3+9*4 over 9
    assert counted.copy_sum == 70 and counted.factor == 7
    assert counted.n_tied == 2  # seed 0's 0..3 input has two windows with a tied maximum
    real = fb.main_view(fb.compute(fb.Settings(kernel=3, padding=1, count_include_pad=False)), en)
    assert real.divisor is None and "divisor" in real.figures
    assert_array_equal(z(real.figures["divisor"]), [[4, 6], [6, 9]])
    assert real.split_sum == pytest.approx(4)


def test_custom_upstream_falls_back_to_ones():
    c = fb.compute(fb.Settings(g_preset="custom", g_text="1 2 3"))
    assert not c.upstream_ok and np.array_equal(c.grad_output, ONES)
    c = fb.compute(fb.Settings(g_preset="custom", g_text="1 2 3 -4"))
    assert c.upstream_ok and c.grad_output.tolist() == [[1, 2], [3, -4]]


def test_compute_raises_for_impossible_settings():
    with pytest.raises(ValueError, match="kernel_size"):
        fb.compute(fb.Settings(n=2, kernel=6))


def test_mode_views():
    c = fb.compute(fb.Settings(kernel=3, stride=1))
    avg = fb.mode_view(c, "avg", en)
    assert list(avg.figures) == ["touch", "where_grad"]
    assert avg.report.reason == "avg_exact" and avg.check.agrees()
    assert avg.figures["where_grad"].layout.title.text == en("bw.grad_title_avg")
    mx = fb.mode_view(c, "max", en)
    assert list(mx.figures) == ["touch", "routes", "where_grad"]
    assert_array_equal(z(mx.figures["routes"]), [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1]])
    assert mx.report.reason == "max_one_cell" and mx.check.max_abs_diff < 1e-8
    assert len(mx.check_figures) == 2
