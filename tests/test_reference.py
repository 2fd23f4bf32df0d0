"""Hand-checked values for the naive reference in ``pooling_core.reference``.

Every expected value below is worked out by hand in the comments, so that the
reference itself is pinned down before it is used to judge the fast engine.
"""

import math

import numpy as np
import pytest
from numpy.testing import assert_array_equal, assert_allclose

from conftest import FIGURE1_AVG, FIGURE1_INPUT, FIGURE1_MAX, FIGURE2_INPUT, FIGURE2_KMAX
from pooling_core.reference import (
    output_size_reference,
    pool2d_backward_reference,
    pool2d_reference,
)
from pooling_core.reference_kmax import kmax_backward_reference, kmax_reference

NAN = math.nan
INF = math.inf


# ---------------------------------------------------------------------------
# The tutorial's figures
# ---------------------------------------------------------------------------


def test_figure1_average():
    # [[1,2],[5,6]] -> 14/4 = 3.5; [[3,4],[7,8]] -> 22/4 = 5.5; ...
    ref = pool2d_reference(FIGURE1_INPUT, 2, 2, mode="avg")
    assert_array_equal(ref.output, FIGURE1_AVG)
    assert ref.indices is None
    assert_array_equal(ref.divisor, [[4, 4], [4, 4]])


def test_figure1_max():
    ref = pool2d_reference(FIGURE1_INPUT, 2, 2, mode="max")
    assert_array_equal(ref.output, FIGURE1_MAX)
    # 6 is at (1, 1) -> 1*4+1 = 5, 8 at (1, 3) -> 7, 14 at (3, 1) -> 13, ...
    assert_array_equal(ref.indices, [[5, 7], [13, 15]])
    assert ref.divisor is None


def test_figure1_integer_input_gives_float64():
    ref = pool2d_reference(FIGURE1_INPUT.astype(np.int64), 2, mode="max")
    assert ref.output.dtype == np.float64
    assert_array_equal(ref.output, FIGURE1_MAX)


def test_figure2_kmax():
    kept = kmax_reference(FIGURE2_INPUT, 2)
    # F1=[1,2,3,2] -> [2,3] (the 2 at index 1, not the one at index 3)
    # F2=[5,6,1,8] -> [6,8]; F3=[4,4,8,6] -> [8,6]; F4=[3,0,9,5] -> [9,5]
    assert_array_equal(kept.output, np.transpose(FIGURE2_KMAX))
    assert_array_equal(kept.indices, [[1, 1, 2, 2], [2, 3, 3, 3]])
    assert kept.indices.dtype == np.int64


def test_figure2_kmax_largest_first():
    kept = kmax_reference(FIGURE2_INPUT, 2, keep_order=False)
    assert_array_equal(kept.output, [[3, 8, 8, 9], [2, 6, 6, 5]])
    assert_array_equal(kept.indices, [[2, 3, 2, 2], [1, 1, 3, 3]])


# ---------------------------------------------------------------------------
# Padding
# ---------------------------------------------------------------------------


def test_padding_one_on_3x3():
    # x = [[1,2,3],[4,5,6],[7,8,9]], kernel 2, stride 2, padding 1.
    # Per axis: padded length 5, window span 2 -> floor(3/2)+1 = 2 windows,
    # starting at -1 and 1: taps {-1,0} (real: 0) and {1,2}.
    x = np.arange(1, 10).reshape(3, 3)
    ref = pool2d_reference(x, 2, 2, 1, mode="max")
    # windows: {1}, {2,3}, {4,7}, {5,6,8,9}
    assert_array_equal(ref.output, [[1, 3], [7, 9]])
    assert_array_equal(ref.indices, [[0, 2], [6, 8]])

    # count_include_pad=True: every tap is inside [-1, 4) -> divisor 2*2.
    ref = pool2d_reference(x, 2, 2, 1, mode="avg")
    assert_array_equal(ref.divisor, [[4, 4], [4, 4]])
    assert_array_equal(ref.output, [[1 / 4, 5 / 4], [11 / 4, 28 / 4]])

    # count_include_pad=False: divide by the real cells only.
    ref = pool2d_reference(x, 2, 2, 1, mode="avg",
                           count_include_pad=False)
    assert_array_equal(ref.divisor, [[1, 2], [2, 4]])
    assert_array_equal(ref.output, [[1, 2.5], [5.5, 7]])


def test_asymmetric_padding():
    # x = [[1,2,3],[4,5,6]], kernel 2, stride 2, (top,bottom,left,right) =
    # (1,0,0,2). Rows: padded 3 -> 1 window at -1, taps {-1,0} -> real row 0.
    # Columns: padded 5 -> floor(3/2)+1 = 2 windows at 0 and 2: taps {0,1}
    # and {2,3} (real: 2).
    x = np.arange(1, 7).reshape(2, 3)
    ref = pool2d_reference(x, 2, 2, (1, 0, 0, 2))
    assert_array_equal(ref.output, [[2, 3]])
    assert_array_equal(ref.indices, [[1, 2]])
    # include pad: rows {-1,0} both in [-1,2) -> 2; columns 2 and 2 -> 4.
    ref = pool2d_reference(x, 2, 2, (1, 0, 0, 2), mode="avg")
    assert_array_equal(ref.divisor, [[4, 4]])
    assert_array_equal(ref.output, [[3 / 4, 3 / 4]])
    ref = pool2d_reference(x, 2, 2, (1, 0, 0, 2), mode="avg",
                           count_include_pad=False)
    assert_array_equal(ref.divisor, [[2, 1]])
    assert_array_equal(ref.output, [[1.5, 3]])


def test_two_entry_padding_is_per_axis():
    # (p_h, p_w) = (0, 1): only the columns are padded.
    x = np.arange(1, 10).reshape(3, 3)
    ref = pool2d_reference(x, (3, 2), 1, (0, 1))
    # one row of windows; column windows start at -1,0,1,2
    assert ref.output.shape == (1, 4)
    assert_array_equal(ref.output, [[7, 8, 9, 9]])


def test_padding_larger_than_half_kernel():
    # x = [[5]], kernel 3, stride 1, padding 2: padded 5, span 3 -> 3 windows
    # at -2, -1, 0, each of which contains the single real cell.
    x = np.array([[5.0]])
    ref = pool2d_reference(x, 3, 1, 2)
    assert_array_equal(ref.output, np.full((3, 3), 5.0))
    assert_array_equal(ref.indices, np.zeros((3, 3)))
    ref = pool2d_reference(x, 3, 1, 2, mode="avg")
    assert_array_equal(ref.divisor, np.full((3, 3), 9))
    assert_array_equal(ref.output, np.full((3, 3), 5 / 9))
    ref = pool2d_reference(x, 3, 1, 2, mode="avg",
                           count_include_pad=False)
    assert_array_equal(ref.output, np.full((3, 3), 5.0))


def test_same_padding_odd_extra_goes_after():
    # size 5, kernel 2, stride 2: out = ceil(5/2) = 3, total pad =
    # (3-1)*2 + 2 - 5 = 1 -> before 0, after 1.
    x = np.arange(25).reshape(5, 5)
    ref = pool2d_reference(x, 2, 2, "SAME")
    assert_array_equal(ref.output, [[6, 8, 9], [16, 18, 19], [21, 23, 24]])
    assert_array_equal(ref.windows.row_start[:, 0], [0, 2, 4])
    assert_array_equal(ref.windows.row_stop[:, 0], [2, 4, 6])


def test_same_padding_stride_one_keeps_size():
    # size 4, kernel 4, stride 1: total pad 3 -> 1 before, 2 after.
    x = np.arange(16).reshape(4, 4)
    ref = pool2d_reference(x, 4, 1, "same")
    assert_array_equal(ref.windows.col_start[0], [-1, 0, 1, 2])
    assert ref.output.shape == (4, 4)


def test_valid_padding_is_no_padding():
    ref = pool2d_reference(FIGURE1_INPUT, 3, 1, "Valid")
    assert_array_equal(ref.output, [[11, 12], [15, 16]])


# ---------------------------------------------------------------------------
# Ceil mode
# ---------------------------------------------------------------------------


def test_ceil_mode_adds_partial_window():
    # x = 1..9 in 3x3, kernel 2, stride 2. Floor: (3-2)//2+1 = 1 window.
    # Ceil: ceil(1/2)+1 = 2 windows at 0 and 2 (2 < 3, so it is kept).
    x = np.arange(1, 10).reshape(3, 3)
    ref = pool2d_reference(x, 2, 2)
    assert_array_equal(ref.output, [[5]])
    ref = pool2d_reference(x, 2, 2, ceil_mode=True)
    assert_array_equal(ref.output, [[5, 6], [8, 9]])
    assert_array_equal(ref.indices, [[4, 5], [7, 8]])
    # The overhang past the input is not padding: it never counts.
    ref = pool2d_reference(x, 2, 2, mode="avg", ceil_mode=True)
    assert_array_equal(ref.divisor, [[4, 2], [2, 1]])
    assert_array_equal(ref.output, [[3, 4.5], [7.5, 9]])


def test_ceil_mode_with_padding_counts_padding_not_overhang():
    # x = [1..6] as one row; kernel (1,3), stride (1,2), padding (0,1).
    # Columns: padded 8, span 3 -> ceil(5/2)+1 = 4 windows at -1,1,3,5
    # (last start 6 in padded coords < 6 + 1, so it stays).
    # Window 3 has taps 5,6,7: real {5}; inside [-1, 7): {5, 6}.
    x = np.arange(1, 7).reshape(1, 6)
    ref = pool2d_reference(x, (1, 3), (1, 2), (0, 1),
                           ceil_mode=True)
    assert_array_equal(ref.output, [[2, 4, 6, 6]])
    assert_array_equal(ref.indices, [[1, 3, 5, 5]])
    ref = pool2d_reference(x, (1, 3), (1, 2), (0, 1),
                           mode="avg", ceil_mode=True)
    assert_array_equal(ref.divisor, [[3, 3, 3, 2]])
    assert_array_equal(ref.output, [[1, 3, 5, 3]])
    ref = pool2d_reference(x, (1, 3), (1, 2), (0, 1),
                           mode="avg", ceil_mode=True,
                           count_include_pad=False)
    assert_array_equal(ref.divisor, [[2, 3, 3, 1]])
    assert_array_equal(ref.output, [[1.5, 3, 5, 6]])


def test_ceil_mode_drops_window_starting_in_bottom_padding():
    # size 5, kernel 3, stride 3, padding 1: padded 7, room 4,
    # ceil(4/3)+1 = 3, but window 2 would start at 6 >= 5 + 1 -> dropped.
    assert output_size_reference(5, 3, 3, 1, 1, ceil_mode=True) == 2
    assert output_size_reference(5, 3, 3, 1, 1, ceil_mode=False) == 2
    # size 6, kernel 3, stride 2, padding 1: ceil(5/2)+1 = 4 (start 6 < 7).
    assert output_size_reference(6, 3, 2, 1, 1, ceil_mode=True) == 4
    assert output_size_reference(6, 3, 2, 1, 1, ceil_mode=False) == 3


def test_ceil_mode_window_longer_than_input():
    # PyTorch allows this: size 3, kernel 4, stride 2, ceil ->
    # ceil((3-4)/2)+1 = 0+1 = 1 window covering the whole input.
    x = np.arange(9.0).reshape(3, 3)
    ref = pool2d_reference(x, 4, 2, ceil_mode=True)
    assert_array_equal(ref.output, [[8]])
    assert_array_equal(ref.indices, [[8]])
    ref = pool2d_reference(x, 4, 2, mode="avg", ceil_mode=True)
    assert_array_equal(ref.divisor, [[9]])
    assert_array_equal(ref.output, [[4]])
    with pytest.raises(ValueError, match="kernel_size"):
        pool2d_reference(x, 4, 2, ceil_mode=False)


# ---------------------------------------------------------------------------
# Dilation
# ---------------------------------------------------------------------------


def test_dilation_two():
    # x = 0..15 in 4x4, kernel 2, dilation 2, stride 1: span 3 -> 2 windows
    # per axis. Window (0,0) taps rows {0,2} x cols {0,2}: 0,2,8,10.
    x = np.arange(16).reshape(4, 4)
    ref = pool2d_reference(x, 2, 1, dilation=2)
    assert_array_equal(ref.output, [[10, 11], [14, 15]])
    assert_array_equal(ref.indices, [[10, 11], [14, 15]])
    ref = pool2d_reference(x, 2, 1, mode="avg", dilation=2)
    assert_array_equal(ref.divisor, [[4, 4], [4, 4]])
    # (0+2+8+10)/4 = 5, (1+3+9+11)/4 = 6, (4+6+12+14)/4 = 9, 10
    assert_array_equal(ref.output, [[5, 6], [9, 10]])
    assert_array_equal(ref.windows.row_start, [[0, 0], [1, 1]])
    assert_array_equal(ref.windows.row_stop, [[3, 3], [4, 4]])
    assert_array_equal(ref.windows.col_start, [[0, 1], [0, 1]])
    assert_array_equal(ref.windows.col_stop, [[3, 4], [3, 4]])


def test_dilation_with_padding_counts_taps_not_span():
    # One row [1,2,3], kernel (1,2), dilation (1,2), stride 1, padding (0,1):
    # padded length 5, span 3 -> 3 windows at -1, 0, 1 with taps
    # {-1,1}, {0,2}, {1,3}.
    x = np.array([[1.0, 2.0, 3.0]])
    ref = pool2d_reference(x, (1, 2), 1, (0, 1),
                           dilation=(1, 2))
    assert_array_equal(ref.output, [[2, 3, 2]])
    assert_array_equal(ref.indices, [[1, 2, 1]])
    # include pad: taps inside [-1, 4): all 2 in each window
    ref = pool2d_reference(x, (1, 2), 1, (0, 1), mode="avg",
                           dilation=(1, 2))
    assert_array_equal(ref.divisor, [[2, 2, 2]])
    assert_array_equal(ref.output, [[1, 2, 1]])
    ref = pool2d_reference(x, (1, 2), 1, (0, 1), mode="avg",
                           dilation=(1, 2),
                           count_include_pad=False)
    assert_array_equal(ref.divisor, [[1, 2, 1]])
    assert_array_equal(ref.output, [[2, 2, 2]])


def test_dilated_window_with_no_real_tap_is_an_error():
    # Row of 2 cells, kernel 2, dilation 3, padding 1: the only window starts
    # at -1, taps {-1, 2}: neither is a real cell.
    with pytest.raises(ValueError, match="padding"):
        pool2d_reference(np.ones((1, 2)), (1, 2), 1, (0, 1), dilation=(1, 3))


# ---------------------------------------------------------------------------
# Ties, NaN and infinities
# ---------------------------------------------------------------------------


def test_tie_goes_to_first_maximum():
    ref = pool2d_reference(np.array([[1, 3], [3, 1]]), 2)
    assert_array_equal(ref.output, [[3]])
    assert_array_equal(ref.indices, [[1]])


def test_nan_wins_and_last_nan_is_reported():
    x = np.array([[NAN, 5.0], [NAN, 1.0]])
    ref = pool2d_reference(x, 2)
    assert np.isnan(ref.output[0, 0])
    assert_array_equal(ref.indices, [[2]])


def test_nan_before_larger_value_still_wins():
    x = np.array([[1.0, NAN, 7.0, 9.0]])
    ref = pool2d_reference(x, (1, 4))
    assert np.isnan(ref.output[0, 0])
    assert_array_equal(ref.indices, [[1]])


def test_all_minus_infinity_reports_first_real_cell():
    x = np.full((2, 2), -INF)
    ref = pool2d_reference(x, 2)
    assert_array_equal(ref.output, [[-INF]])
    assert_array_equal(ref.indices, [[0]])
    # With padding 1 on a 1x1 input: every window's first real cell is (0,0).
    ref = pool2d_reference(np.array([[-INF]]), 2, 1, 1)
    assert_array_equal(ref.output, np.full((2, 2), -INF))
    assert_array_equal(ref.indices, np.zeros((2, 2)))
    # Window (0,1) of this 2x3 input is {-inf at (0,1), -inf at (0,2),
    # -inf (1,1), -inf (1,2)}, with padding 0 -> first real cell (0,1).
    x = np.array([[0.0, -INF, -INF], [0.0, -INF, -INF]])
    ref = pool2d_reference(x, 2, 1)
    assert_array_equal(ref.indices, [[0, 1]])


def test_plus_infinity_in_average():
    ref = pool2d_reference(np.array([[INF, 1.0], [2.0, 3.0]]), 2,
                           mode="avg")
    assert_array_equal(ref.output, [[INF]])


# ---------------------------------------------------------------------------
# Shapes and dtypes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lead", [(), (3,), (2, 3)])
def test_leading_dims_are_pooled_plane_by_plane(lead):
    rng = np.random.default_rng(0)
    x = rng.standard_normal(lead + (5, 4))
    ref = pool2d_reference(x, 2, 1)
    assert ref.output.shape == lead + (4, 3)
    for plane in np.ndindex(lead):
        alone = pool2d_reference(x[plane], 2, 1)
        assert_array_equal(ref.output[plane], alone.output)
        assert_array_equal(ref.indices[plane], alone.indices)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_dtype_is_kept(dtype):
    x = np.arange(16, dtype=dtype).reshape(4, 4)
    for mode in ("max", "avg"):
        ref = pool2d_reference(x, 2, mode=mode)
        assert ref.output.dtype == dtype
        grad = pool2d_backward_reference(x, np.ones(ref.output.shape), 2,
                                         mode=mode)
        assert grad.dtype == dtype


def test_non_real_dtypes_are_type_errors():
    for bad in (np.ones((2, 2), dtype=bool), np.ones((2, 2), dtype=complex),
                np.array([["a", "b"], ["c", "d"]]),
                np.empty((2, 2), dtype=object)):
        with pytest.raises(TypeError):
            pool2d_reference(bad, 1)


@pytest.mark.parametrize("kwargs, name", [
    (dict(kernel_size=0), "kernel_size"),
    (dict(kernel_size=2.5), "kernel_size"),
    (dict(kernel_size=True), "kernel_size"),
    (dict(kernel_size=2, stride=0), "stride"),
    (dict(kernel_size=2, padding=-1), "padding"),
    (dict(kernel_size=2, padding=(1, 1, 1)), "padding"),
    (dict(kernel_size=2, padding="full"), "padding"),
    (dict(kernel_size=2, dilation=0), "dilation"),
    (dict(kernel_size=2, mode="min"), "mode"),
    (dict(kernel_size=5), "kernel_size"),
    (dict(kernel_size=1, padding=1), "padding"),
])
def test_reference_rejects_invalid_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        pool2d_reference(np.ones((4, 4)), **kwargs)


def test_reference_rejects_wrong_ndim():
    for shape in [(4,), (1, 1, 1, 4, 4)]:
        with pytest.raises(ValueError, match="x"):
            pool2d_reference(np.ones(shape), 1)


# ---------------------------------------------------------------------------
# Backward
# ---------------------------------------------------------------------------


def test_backward_max_overlapping_windows_add_up():
    # All four 2x2 windows (stride 1) pick the 9 in the middle.
    x = np.array([[1, 2, 1], [2, 9, 2], [1, 2, 1]])
    grad = pool2d_backward_reference(x, [[1.0, 2.0], [3.0, 4.0]], 2, 1)
    assert_array_equal(grad, [[0, 0, 0], [0, 10, 0], [0, 0, 0]])


def test_backward_avg_overlapping_windows():
    # Each 2x2 window gives 1/4 to each of its cells: the middle cell is in
    # four windows, edge cells in two, corners in one.
    x = np.arange(9.0).reshape(3, 3)
    grad = pool2d_backward_reference(x, np.ones((2, 2)), 2, 1, mode="avg")
    assert_array_equal(grad, [[0.25, 0.5, 0.25], [0.5, 1, 0.5],
                              [0.25, 0.5, 0.25]])


def test_backward_avg_padding_swallows_its_share():
    # The 3x3 padding case above: window (0,0) has one real cell out of a
    # divisor of 4, so the cell gets 1/4 of the gradient.
    x = np.arange(1, 10).reshape(3, 3)
    grad = pool2d_backward_reference(x, np.ones((2, 2)), 2, 2, 1, mode="avg")
    assert_array_equal(grad, np.full((3, 3), 0.25))
    grad = pool2d_backward_reference(x, np.ones((2, 2)), 2, 2, 1, mode="avg",
                                     count_include_pad=False)
    assert_array_equal(grad, [[1, 0.5, 0.5], [0.5, 0.25, 0.25],
                              [0.5, 0.25, 0.25]])


def test_backward_rejects_wrong_grad_shape():
    with pytest.raises(ValueError, match="grad_output"):
        pool2d_backward_reference(np.ones((4, 4)), np.ones((3, 3)), 2)


def test_kmax_backward_scatters_to_positions():
    grad = kmax_backward_reference(FIGURE2_INPUT,
                                   [[1, 2, 3, 4], [5, 6, 7, 8]], 2)
    assert_array_equal(grad, [[0, 0, 0, 0],
                              [1, 2, 0, 0],
                              [5, 0, 3, 4],
                              [0, 6, 7, 8]])


# ---------------------------------------------------------------------------
# k-max details
# ---------------------------------------------------------------------------


def test_kmax_nan_is_largest():
    x = np.array([[1.0], [NAN], [3.0], [2.0]])
    kept = kmax_reference(x, 2)
    assert_array_equal(kept.output, [[NAN], [3.0]])
    assert_array_equal(kept.indices, [[1], [2]])
    kept = kmax_reference(x, 2, keep_order=False)
    assert_array_equal(kept.output, [[NAN], [3.0]])
    kept = kmax_reference(np.array([[3.0], [NAN]]), 2,
                          keep_order=False)
    assert_array_equal(kept.indices, [[1], [0]])


def test_kmax_ties_prefer_earlier_positions():
    x = np.array([[2, 2, 1, 2]])
    kept = kmax_reference(x, 2, axis=-1)
    assert_array_equal(kept.output, [[2, 2]])
    assert_array_equal(kept.indices, [[0, 1]])
    kept = kmax_reference(x, 3, axis=1, keep_order=False)
    assert_array_equal(kept.indices, [[0, 1, 3]])


def test_kmax_other_axis_and_leading_dims():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 5, 4))
    kept = kmax_reference(x, 3, axis=1)
    assert kept.output.shape == (2, 3, 5, 4)
    kept = kmax_reference(x, 2, axis=-1)
    assert kept.output.shape == (2, 3, 5, 2)
    assert_array_equal(np.take_along_axis(x, kept.indices, axis=-1), kept.output)


def test_kmax_rejects_bad_k_and_axis():
    with pytest.raises(ValueError, match="k"):
        kmax_reference(np.ones((4, 4)), 0)
    with pytest.raises(ValueError, match="k"):
        kmax_reference(np.ones((4, 4)), 5)
    with pytest.raises(ValueError, match="axis"):
        kmax_reference(np.ones((4, 4)), 2, axis=2)


def test_reference_backward_matches_finite_differences():
    # A tiny sanity check of the reference backward itself.
    rng = np.random.default_rng(2)
    x = rng.permutation(25).reshape(5, 5).astype(float)
    g = rng.standard_normal((3, 3))
    for mode in ("max", "avg"):
        grad = pool2d_backward_reference(x, g, 3, 2, 1, mode=mode)
        numeric = np.zeros_like(x)
        for i, j in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[i, j] = 1e-4
            up = (pool2d_reference(x + step, 3, 2, 1, mode=mode).output * g).sum()
            down = (pool2d_reference(x - step, 3, 2, 1, mode=mode).output * g).sum()
            numeric[i, j] = (up - down) / 2e-4
        assert_allclose(grad, numeric, atol=1e-7)
