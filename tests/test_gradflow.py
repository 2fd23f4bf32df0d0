"""lessons/gradflow.py: where the gradient goes, and whether its total is preserved."""

import numpy as np
import pytest
from conftest import FIGURE1_INPUT
from numpy.testing import assert_allclose, assert_array_equal

from lessons.backward import make_input, make_upstream
from lessons.gradflow import (copy_gradient, on_padded, padded_gradient, route_counts, sum_factor, sum_report,
                              touch_counts)
from pooling_core import pool2d

ONES = np.ones((2, 2))


def report(res, g):
    """sum_report with its inputs worked out once, as compute() does."""
    senders = route_counts(res) if res.mode == "max" else touch_counts(res).real
    return sum_report(res, g, padded_gradient(res, g), senders)


def test_on_padded_places_the_input_inside_its_padding():
    res = pool2d(FIGURE1_INPUT, 3, 2, 1)
    grid = on_padded(res.geometry, FIGURE1_INPUT)
    assert (grid.row0, grid.col0) == (-1, -1) and grid.values.shape == (6, 6)
    assert grid.padding[0].all() and grid.padding[:, -1].all() and not grid.padding[1:5, 1:5].any()
    assert_array_equal(grid.real, FIGURE1_INPUT)
    assert grid.values[grid.padding].sum() == 0
    plain = on_padded(pool2d(FIGURE1_INPUT, 2).geometry, FIGURE1_INPUT)
    assert not plain.padding.any() and (plain.row0, plain.col0) == (0, 0)


def test_average_splits_into_n_equal_parts_on_figure_1():
    res = pool2d(FIGURE1_INPUT, 2, mode="avg")
    pg = padded_gradient(res, [[1.0, 2.0], [3.0, 4.0]])
    assert not pg.padding.any() and (pg.row0, pg.col0) == (0, 0)
    assert_allclose(pg.values, [[0.25, 0.25, 0.5, 0.5], [0.25, 0.25, 0.5, 0.5],
                                [0.75, 0.75, 1.0, 1.0], [0.75, 0.75, 1.0, 1.0]])
    assert_array_equal(pg.grad_input, pg.values)
    assert pg.lost == 0 and pg.values.sum() == pytest.approx(10.0) and not pg.counted.any()


def test_copy_mistake_multiplies_the_sum_by_n():
    res = pool2d(FIGURE1_INPUT, 2, mode="avg")
    copy = copy_gradient(res, ONES)
    assert_array_equal(copy, np.ones((4, 4)))
    assert copy.sum() == 4 * ONES.sum() == 16
    assert sum_factor(copy.sum(), ONES.sum()) == 4
    g = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert copy_gradient(res, g).sum() == pytest.approx(4 * g.sum())
    assert sum_factor(5.0, 0.0) is None
    with pytest.raises(ValueError, match="avg"):
        copy_gradient(pool2d(FIGURE1_INPUT, 2), ONES)


def test_padding_swallows_part_of_the_average_gradient():
    """3x3 windows, stride 2, padding 1 on the 4x4 input: the four windows
    hold 4, 6, 6 and 9 real cells of 9, so 25/9 of 4 reaches the input and
    11/9 falls on padding."""
    res = pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg")
    pg = padded_gradient(res, ONES)
    assert (pg.row0, pg.col0) == (-1, -1) and pg.values.shape == (6, 6)
    assert pg.grad_input.sum() == pytest.approx(25 / 9)
    assert_array_equal(pg.real, pg.grad_input)
    assert pg.lost == pytest.approx(11 / 9)
    assert pg.values[0, 0] == pytest.approx(1 / 9)   # top-left padding corner: one window
    assert pg.values[0, 2] == pytest.approx(2 / 9)   # padding shared by two windows
    assert_array_equal(pg.values[-1], 0)             # the bottom padding row is never reached
    assert pg.counted[0, :5].all() and not pg.counted[-1].any() and not pg.counted[1:5, 1:5].any()
    # nothing is lost when the divisor counts only real cells, or for max pooling
    real_only = pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg", count_include_pad=False)
    for other in (real_only, pool2d(FIGURE1_INPUT, 3, 2, 1)):
        pg = padded_gradient(other, ONES)
        assert pg.lost == 0 and pg.lost_abs == 0 and pg.grad_input.sum() == pytest.approx(4)
        assert not pg.counted.any()


def test_touch_counts_and_route_counts():
    overlap = touch_counts(pool2d(FIGURE1_INPUT, 3, 1, mode="avg"))
    assert_array_equal(overlap.values, [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]])
    assert not overlap.padding.any() and (overlap.row0, overlap.col0) == (0, 0)
    padded = touch_counts(pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg"))
    assert (padded.row0, padded.col0) == (-1, -1)
    assert padded.values[0, 0] == 1 and padded.values[2, 2] == 4 and padded.values[5, 5] == 0
    assert padded.padding[0].all() and not padded.padding[1:5, 1:5].any()
    assert_array_equal(padded.real, padded.values[1:5, 1:5])
    assert_array_equal(route_counts(pool2d(FIGURE1_INPUT, 2)),
                       [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]])
    peak = FIGURE1_INPUT.copy()
    peak[1, 1] = 100
    routes = route_counts(pool2d(peak, 3, 1))
    assert routes[1, 1] == 4 and routes.sum() == 4


@pytest.mark.parametrize("k, s, p, d", [(1, 1, 0, 1), (3, 1, 1, 1), (2, 3, 1, 1), (5, 1, 2, 1), (2, 1, 1, 2),
                                        (3, 2, 0, 2)])
def test_touch_counts_match_counting_window_by_window(k, s, p, d):
    res = pool2d(make_input("ramp", 7), k, s, p, dilation=d, mode="avg")
    got = touch_counts(res)
    want = np.zeros(got.values.shape, dtype=int)
    for rec in res.trace.windows():
        for r in rec.rows:
            for c in rec.cols:
                want[r - got.row0, c - got.col0] += 1
    assert_array_equal(got.values, want)


# ---------------------------------------------------------------- the verdict, from numbers

def test_verdict_tutorial_case_is_preserved_for_both_modes():
    for mode, reason in (("avg", "avg_exact"), ("max", "max_one_cell")):
        rep = report(pool2d(FIGURE1_INPUT, 2, mode=mode), ONES)
        assert rep.preserved and rep.reason == reason
        assert rep.upstream == rep.received == 4 and rep.lost == 0
        assert rep.shared_cells == 0 and rep.most == 1


def test_verdict_max_overlap_one_cell_collects_several_gradients():
    peak = FIGURE1_INPUT.copy()
    peak[1, 1] = 100
    g = np.array([[1.0, 2.0], [3.0, 4.0]])
    res = pool2d(peak, 3, 1)
    rep = report(res, g)
    assert rep.preserved and rep.reason == "max_one_cell" and rep.received == 10
    assert (rep.shared_cells, rep.most, rep.most_at) == (1, 4, (1, 1))
    assert res.backward(g)[1, 1] == 10


def test_verdict_avg_overlap_without_padding_is_preserved():
    g = np.array([[1.0, -2.0], [3.0, 5.0]])
    rep = report(pool2d(FIGURE1_INPUT, 3, 1, mode="avg"), g)
    assert rep.preserved and rep.reason == "avg_exact"
    assert rep.received == pytest.approx(7.0)
    assert (rep.shared_cells, rep.most, rep.most_at) == (12, 4, (1, 1))


def test_verdict_avg_counted_padding_shrinks_the_sum():
    rep = report(pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg"), ONES)
    assert not rep.preserved and rep.reason == "avg_lost"
    assert rep.received == pytest.approx(25 / 9) and rep.lost == pytest.approx(11 / 9)
    rep = report(pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg", count_include_pad=False), ONES)
    assert rep.preserved and rep.reason == "avg_exact" and rep.received == pytest.approx(4)


def test_verdict_preserved_only_by_luck():
    # padding shares +15/9 and -15/9 cancel: 3 * 5/9 (window 0,0) - 5 * 3/9 (window 0,1)
    rep = report(pool2d(FIGURE1_INPUT, 3, 2, 1, mode="avg"), [[3.0, -5.0], [0.0, 0.0]])
    assert rep.preserved and rep.reason == "avg_cancel"
    # only the middle window of a 5x5 input is free of padding, and only it gets a gradient
    g = np.zeros((3, 3))
    g[1, 1] = 2.0
    rep = report(pool2d(make_input("ramp", 5), 2, 2, 1, mode="avg"), g)
    assert rep.preserved and rep.reason == "avg_zero_on_padding"


@pytest.mark.parametrize("k, s, p", [(1, 1, 0), (2, 1, 0), (3, 1, 1), (3, 2, 1), (4, 2, 2), (2, 3, 1), (5, 1, 2)])
@pytest.mark.parametrize("cip", [True, False])
def test_sum_bookkeeping_always_balances(k, s, p, cip):
    x = make_input("random", 7, seed=k + s + p)
    for mode in ("avg", "max"):
        res = pool2d(x, k, s, p, mode=mode, count_include_pad=cip)
        g = make_upstream("random", res.output.shape, seed=1)
        rep = report(res, g)
        assert rep.received + rep.lost == pytest.approx(rep.upstream, abs=1e-9)
        if mode == "max" or p == 0 or not cip:
            assert rep.preserved and rep.lost == 0
