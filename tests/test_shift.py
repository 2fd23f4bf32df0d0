"""lessons.shift: shifting with a fill, shifting a view over a scene, and
counting unchanged outputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessons.shift import (changed_cells, entering_mask, shift, shifted_view, shift_sweep,
                           unchanged_share)

X = np.arange(1, 13, dtype=float).reshape(3, 4)


def test_shift_right_moves_columns_and_fills_the_left():
    out = shift(X, 1)
    assert out.shape == X.shape
    np.testing.assert_array_equal(out[:, 1:], X[:, :-1])
    np.testing.assert_array_equal(out[:, 0], [0, 0, 0])


def test_shift_left_and_down_with_a_custom_fill():
    out = shift(X, -2, 1, fill=-1)
    assert out.tolist() == [[-1, -1, -1, -1], [3, 4, -1, -1], [7, 8, -1, -1]]


def test_shift_by_the_whole_width_or_more_leaves_only_fill():
    for d in (4, 5, -4, -9):
        assert (shift(X, d, fill=7) == 7).all()
    assert (shift(X, 0, 3) == 0).all()


def test_zero_shift_is_a_copy():
    out = shift(X, 0, 0)
    np.testing.assert_array_equal(out, X)
    out[0, 0] = 99
    assert X[0, 0] == 1


@pytest.mark.parametrize("bad", [1.5, "1", True, None])
def test_shift_rejects_non_whole_amounts(bad):
    with pytest.raises(ValueError, match="dx"):
        shift(X, bad)
    with pytest.raises(ValueError, match="dy"):
        shift(X, 0, bad)


def test_shift_rejects_non_2d_input():
    with pytest.raises(ValueError, match="2-D"):
        shift(np.ones((2, 2, 2)), 1)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 7), st.integers(1, 7)),
              elements=st.integers(-9, 9).map(float)),
       st.integers(-8, 8), st.integers(-8, 8), st.integers(-5, 5).map(float))
def test_round_trip_restores_every_cell_that_stayed_in_view(x, dx, dy, fill):
    there = shift(x, dx, dy, fill=fill)
    back = shift(there, -dx, -dy, fill=fill)
    h, w = x.shape
    rows = slice(max(0, -dy), max(0, h - max(0, dy)))
    cols = slice(max(0, -dx), max(0, w - max(0, dx)))
    stayed = np.zeros(x.shape, bool)
    stayed[rows, cols] = True  # cells whose content is still inside after the first shift
    np.testing.assert_array_equal(back[stayed], x[stayed])
    assert (back[~stayed] == fill).all()
    # the cells that entered are exactly where the fill is
    entered = entering_mask(x.shape, dx, dy)
    assert (there[entered] == fill).all()
    assert entered.sum() == x.size - max(0, h - abs(dy)) * max(0, w - abs(dx))


def test_entering_mask_marks_the_vacated_strip():
    m = entering_mask((6, 6), dx=1, dy=1)
    assert m.sum() == 11
    assert m[:, 0].all() and m[0, :].all() and not m[1:, 1:].any()
    assert not entering_mask((6, 6)).any()


SCENE = np.arange(100, dtype=float).reshape(10, 10)  # a 6x6 input with margin 2


def test_shifted_view_without_shift_is_the_centre():
    np.testing.assert_array_equal(shifted_view(SCENE, 2), SCENE[2:8, 2:8])


def test_shifted_view_brings_in_the_neighbouring_scene_column():
    view = shifted_view(SCENE, 2, dx=1)
    np.testing.assert_array_equal(view[:, 0], SCENE[2:8, 1])  # new column from the scene
    np.testing.assert_array_equal(view[:, 1:], SCENE[2:8, 2:7])  # old content moved right


@pytest.mark.parametrize("dx,dy", [(2, 0), (-2, 1), (0, -2), (1, 1), (-1, -2)])
def test_shifted_view_equals_shifting_the_whole_scene(dx, dy):
    np.testing.assert_array_equal(shifted_view(SCENE, 2, dx, dy), shift(SCENE, dx, dy)[2:8, 2:8])


def test_shifted_view_round_trip():
    # moving the scene there and back gives the original view (the margin absorbs the loss)
    moved_scene = shift(SCENE, 2, -1, fill=np.nan)
    np.testing.assert_array_equal(moved_scene[2:8, 2:8], shifted_view(SCENE, 2, 2, -1))
    back = shift(moved_scene, -2, 1, fill=np.nan)[2:8, 2:8]
    np.testing.assert_array_equal(back, shifted_view(SCENE, 2))


def test_shifted_view_refuses_shifts_beyond_the_margin():
    with pytest.raises(ValueError, match="margin"):
        shifted_view(SCENE, 2, dx=3)
    with pytest.raises(ValueError, match="margin"):
        shifted_view(SCENE, 5)


def test_changed_cells_and_unchanged_share():
    before = [[8, 7], [9, 6]]
    assert changed_cells(before, [[8, 7], [9, 6]]).sum() == 0
    assert changed_cells(before, [[8, 2], [9, 6]]).tolist() == [[False, True], [False, False]]
    assert unchanged_share(before, [[8, 2], [1, 6]]) == 0.5
    assert unchanged_share(before, before) == 1.0
    assert unchanged_share([[1.0]], [[1.0 + 1e-12]]) == 1.0  # rounding noise is not a change
    with pytest.raises(ValueError, match="same shape"):
        changed_cells(before, [[1, 2, 3]])


def test_shift_sweep_with_new_content_and_with_zeros():
    scene = np.zeros((5, 5))
    scene[2, 2] = 1.0  # one bright pixel in the middle of a 3x3 input (margin 1)
    scene[2, 0] = 5.0  # a brighter pixel just left of the input
    row_max = lambda x: x.max(axis=1)  # noqa: E731
    shifts = [(0, 0), (1, 0), (-1, 0), (0, 1)]
    assert shift_sweep(scene, 1, shifts, row_max) == pytest.approx([1.0, 2 / 3, 1.0, 1 / 3])
    # with zeros entering, the bright pixel outside never comes in
    assert shift_sweep(scene, 1, shifts, row_max, fill=0.0) == pytest.approx([1.0, 1.0, 1.0, 1 / 3])
