"""The translation-invariance lesson: its example inputs behave as the page
says, and its figures mark the right cells."""

import numpy as np
import pytest

from lessons.figures import invariance as inv
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS
from lessons.shift import changed_cells, entering_mask, shift, shift_sweep, shifted_view, unchanged_share
from pooling_core import pool2d

M = inv.MARGIN
SHIFTS = [(d, 0) for d in range(-3, 4)]


def view(name, dx=0, dy=0, zeros=False):
    scene = inv.pattern_scene(name)
    return shift(shifted_view(scene, M), dx, dy) if zeros else shifted_view(scene, M, dx, dy)


def max3(x):
    return pool2d(x, 3, 3, mode="max").output


def avg3(x):
    return pool2d(x, 3, 3, mode="avg").output


def test_scenes_are_12x12_small_integers_and_copies():
    for name in inv.PATTERNS:
        scene = inv.pattern_scene(name)
        assert scene.shape == (12, 12)
        assert scene.min() >= 0 and scene.max() <= 9 and (scene == np.round(scene)).all()
        scene[0, 0] = 99
        assert inv.pattern_scene(name)[0, 0] != 99
    with pytest.raises(ValueError, match="pattern"):
        inv.pattern_scene("nope")


def test_figure3_example_one_pixel_right_leaves_max_output_unchanged():
    x = view("figure3")
    assert x.tolist() == [list(map(float, r)) for r in inv.FIGURE3_VIEW]
    moved = view("figure3", dx=1)
    # a new column entered on the left, everything else moved one to the right
    np.testing.assert_array_equal(moved[:, 1:], x[:, :-1])
    assert moved[:, 0].max() <= 2
    assert max3(x).tolist() == [[8, 7], [9, 6]]
    assert max3(moved).tolist() == [[8, 7], [9, 6]]
    assert unchanged_share(max3(x), max3(moved)) == 1.0
    # ... while every average changes
    assert unchanged_share(avg3(x), avg3(moved)) == 0.0


def test_figure3_example_shift_left_changes_two_outputs():
    after = max3(view("figure3", dx=-1))
    assert after.tolist() == [[8, 3], [3, 6]]
    assert changed_cells([[8, 7], [9, 6]], after).tolist() == [[False, True], [True, False]]


def test_boundary_bar_crosses_into_the_next_window():
    before = max3(view("boundary"))
    assert before.tolist() == [[9, 2], [9, 2]]
    assert max3(view("boundary", dx=1)).tolist() == [[2, 9], [2, 9]]  # every output changed
    assert max3(view("boundary", dx=-1)).tolist() == [[9, 2], [9, 2]]  # the other way: none


def test_a_large_value_entering_changes_one_output_unless_zeros_enter():
    before = max3(view("enter"))
    assert before.tolist() == [[4, 5], [5, 4]]
    assert max3(view("enter", dx=1)).tolist() == [[9, 5], [5, 4]]
    assert max3(view("enter", dy=1)).tolist() == [[4, 9], [5, 4]]
    assert max3(view("enter", dx=1, zeros=True)).tolist() == [[4, 5], [5, 4]]


def test_a_shift_by_the_whole_stride_moves_the_output_one_cell():
    for name in inv.PATTERNS:
        before, after = max3(view(name)), max3(view(name, dx=3))
        np.testing.assert_array_equal(after[:, 1], before[:, 0])


def test_share_over_shifts_max_versus_average():
    scene = inv.pattern_scene("figure3")
    assert shift_sweep(scene, M, SHIFTS, max3) == [0.0, 0.0, 0.5, 1.0, 1.0, 0.25, 0.0]
    assert shift_sweep(scene, M, SHIFTS, avg3) == [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]
    noise = inv.pattern_scene("noise")
    max_shares = shift_sweep(noise, M, SHIFTS, max3)
    avg_shares = shift_sweep(noise, M, SHIFTS, avg3)
    assert max_shares == [0.5, 0.5, 0.75, 1.0, 0.5, 0.5, 0.5]
    assert all(m >= a for m, a in zip(max_shares, avg_shares))
    assert sum(avg_shares) == 1.0  # only the zero shift keeps the averages


@pytest.mark.parametrize("name", list(inv.PATTERNS))
def test_default_windows_every_horizontal_shift_changes_every_average(name):
    scene = inv.pattern_scene(name)
    avg_shares = shift_sweep(scene, M, SHIFTS, avg3)
    assert avg_shares == [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]  # no coincidental equal sums
    assert all(m >= a for m, a in zip(shift_sweep(scene, M, SHIFTS, max3), avg_shares))


def test_input_figure_outlines_windows_and_each_maximum():
    x = view("figure3")
    fig = inv.input_figure(x, pool2d(x, 3, 3), title="Original")
    shapes = fig.layout.shapes
    windows = [s for s in shapes if s.x1 - s.x0 == 3]
    assert [s.line.color for s in windows] == list(WINDOW_COLORS)
    maxima = sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in shapes if s.line.color == HIGHLIGHT)
    assert maxima == [(0, 1), (1, 3), (4, 0), (4, 4)]
    assert fig.layout.title.text == "<b>Original</b>"
    np.testing.assert_array_equal(fig.data[0].z, x)


def test_input_figure_marks_entering_cells_and_no_maximum_for_average():
    moved = view("figure3", dx=1, dy=1)
    fig = inv.input_figure(moved, pool2d(moved, 3, 3, mode="avg"), entering=entering_mask((6, 6), 1, 1))
    dotted = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert len(dotted) == 11
    assert not [s for s in fig.layout.shapes if s.line.color == HIGHLIGHT]


def test_output_figure_marks_changed_cells_with_the_old_value():
    before = np.array([[8.0, 7.0], [9.0, 6.0]])
    after = np.array([[8.0, 3.0], [3.0, 6.0]])
    fig = inv.output_figure(after, before=before, was="(was {})")
    marked = sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in fig.layout.shapes)
    assert marked == [(0, 1), (1, 0)]
    assert all(s.line.color == HIGHLIGHT for s in fig.layout.shapes)
    text = np.asarray(fig.data[0].text)
    assert text[0, 0] == "8" and text[0, 1].startswith("3<br>") and "(was 7)" in text[0, 1]
    assert not inv.output_figure(before, before=before).layout.shapes


def test_share_figure_bars_in_percent_with_the_current_shift_marked():
    fig = inv.share_figure(range(-3, 4), {"max": [0, 0, .5, 1, 1, .25, 0], "avg": [0, 0, 0, 1, 0, 0, 0]},
                           current=1, names={"max": "max pooling", "avg": "average pooling"})
    bars = {t.name: t for t in fig.data}
    assert list(bars["max pooling"].y) == [0, 0, 50, 100, 100, 25, 0]
    assert list(bars["average pooling"].text) == ["0%", "0%", "0%", "100%", "0%", "0%", "0%"]
    assert bars["max pooling"].marker.color == inv.MODE_COLORS["max"]
    band = fig.layout.shapes[0]
    assert (band.x0, band.x1) == (0.5, 1.5)
