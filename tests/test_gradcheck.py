"""lessons/gradcheck.py: the finite-difference check the backward lesson shows."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from lessons.gradcheck import EPS, GradCheck, gradcheck, numeric_gradient, tie_cells, tied_windows
from pooling_core import pool2d


def distinct(shape, seed):
    """Values at least 1 apart: no maximum changes within ±EPS."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    return (rng.permutation(n) + 0.25 * rng.random(n)).reshape(shape)


def loop_gradient(x, g, *args, **kwargs):
    """The plain loop the vectorised numeric_gradient must agree with."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[idx] += EPS
        down[idx] -= EPS
        grad[idx] = (np.sum(g * pool2d(up, *args, **kwargs).output)
                     - np.sum(g * pool2d(down, *args, **kwargs).output)) / (2 * EPS)
    return grad


CONFIGS = [
    dict(kernel_size=2),                                          # the tutorial's figure 1
    dict(kernel_size=3, stride=1),                                # overlap
    dict(kernel_size=2, stride=1),                                # overlap
    dict(kernel_size=3, stride=2, padding=1),                     # padding, counted
    dict(kernel_size=3, stride=2, padding=1, count_include_pad=False),
    dict(kernel_size=3, stride=1, padding=2),                     # padding > half a window
    dict(kernel_size=2, stride=3),                                # gaps between windows
    dict(kernel_size=(2, 3), stride=(1, 2), padding=(1, 0, 2, 1)),
    dict(kernel_size=3, stride=2, ceil_mode=True),
    dict(kernel_size=2, stride=1, dilation=2),
]


@pytest.mark.parametrize("mode", ["avg", "max"])
@pytest.mark.parametrize("config", CONFIGS, ids=str)
def test_numeric_gradient_matches_backward(mode, config):
    x = distinct((5, 6), seed=len(str(config)))
    if mode == "max":
        config = {k: v for k, v in config.items() if k != "count_include_pad"}
    res = pool2d(x, mode=mode, **config)
    g = np.random.default_rng(7).normal(size=res.output.shape)
    kw = {k: v for k, v in config.items() if k not in ("kernel_size",)}
    numeric = numeric_gradient(x, g, config["kernel_size"], mode=mode, **kw)
    assert_allclose(numeric, res.backward(g), atol=1e-8)
    check = gradcheck(res, g)
    assert isinstance(check, GradCheck)
    assert check.agrees() and check.max_abs_diff < 1e-8
    assert check.n_ties == 0 and not check.tie_cells.any()
    assert_array_equal(check.difference, check.numeric - check.analytic)


@pytest.mark.parametrize("config", CONFIGS[:6], ids=str)
def test_vectorised_difference_equals_the_plain_loop(config):
    x = distinct((4, 5), seed=3)
    config = {k: v for k, v in config.items() if k != "count_include_pad"}
    g = np.arange(1.0, 1.0 + pool2d(x, **config).output.size).reshape(pool2d(x, **config).output.shape)
    k = config.pop("kernel_size")
    assert_allclose(numeric_gradient(x, g, k, mode="max", **config),
                    loop_gradient(x, g, k, mode="max", **config), atol=1e-9)


def test_tutorial_example_values():
    """Figure 1 with an all-ones upstream gradient: average hands 1/4 to every
    cell, max hands 1 to 6, 8, 14 and 16."""
    x = np.arange(1.0, 17.0).reshape(4, 4)
    g = np.ones((2, 2))
    assert_allclose(numeric_gradient(x, g, 2, mode="avg"), np.full((4, 4), 0.25), atol=1e-9)
    expected = np.zeros((4, 4))
    expected[[1, 1, 3, 3], [1, 3, 1, 3]] = 1
    assert_allclose(numeric_gradient(x, g, 2, mode="max"), expected, atol=1e-9)


def test_upstream_gradient_weights_the_windows():
    x = np.arange(1.0, 17.0).reshape(4, 4)
    g = np.array([[1.0, 2.0], [3.0, -4.0]])
    numeric = numeric_gradient(x, g, 2, mode="avg")
    assert_allclose(numeric[:2, :2], np.full((2, 2), 0.25), atol=1e-9)
    assert_allclose(numeric[2:, 2:], np.full((2, 2), -1.0), atol=1e-9)


def test_padding_share_is_missing_from_the_numeric_gradient_too():
    """Average pooling with counted zero padding: the numeric gradient (which
    knows nothing about rules) also sums to less than the upstream gradient."""
    x = np.arange(1.0, 17.0).reshape(4, 4)
    g = np.ones((2, 2))
    numeric = numeric_gradient(x, g, 3, 2, 1, mode="avg")
    assert numeric.sum() == pytest.approx(25 / 9, abs=1e-9)
    numeric_no_pad = numeric_gradient(x, g, 3, 2, 1, mode="avg", count_include_pad=False)
    assert numeric_no_pad.sum() == pytest.approx(4.0, abs=1e-9)


def test_ties_are_found_and_explain_the_disagreement():
    """All-equal 4x4 input, 2x2 max pooling: each window has a four-way tie.
    Raising any tied cell moves the max (slope 1), lowering it does not (slope 0),
    so the central difference gives 1/2 everywhere, while backward gives 1 to
    the first cell of each window."""
    res = pool2d(np.ones((4, 4)), 2, mode="max")
    check = gradcheck(res, np.ones((2, 2)))
    assert_allclose(check.numeric, np.full((4, 4), 0.5), atol=1e-9)
    expected = np.zeros((4, 4))
    expected[::2, ::2] = 1
    assert_array_equal(check.analytic, expected)
    assert check.n_ties == 4 and check.tied.all() and check.tie_cells.all()
    assert check.max_abs_diff == pytest.approx(0.5)
    assert not check.agrees()


def test_tie_cells_marks_only_the_tied_maxima():
    x = np.array([[5.0, 5.0, 1.0, 2.0],
                  [0.0, 1.0, 3.0, 0.0]])
    res = pool2d(x, 2, mode="max")
    assert_array_equal(tied_windows(res), [[True, False]])
    assert_array_equal(tie_cells(res), [[True, True, False, False], [False, False, False, False]])
    check = gradcheck(res, np.array([[2.0, 1.0]]))
    # the untied window agrees exactly; the tied one disagrees by half its gradient
    assert_allclose(check.numeric[:, 2:], check.analytic[:, 2:], atol=1e-9)
    assert_allclose(check.numeric[0, :2], [1.0, 1.0], atol=1e-9)
    assert_array_equal(check.analytic[0, :2], [2.0, 0.0])


def test_average_pooling_has_no_ties():
    res = pool2d(np.ones((4, 4)), 2, mode="avg")
    assert not tied_windows(res).any() and not tie_cells(res).any()
    assert gradcheck(res, np.ones((2, 2))).agrees()


def test_only_two_dimensional_inputs():
    res = pool2d(np.ones((2, 4, 4)), 2, mode="avg")
    with pytest.raises(ValueError, match="2-D"):
        gradcheck(res, np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match="2-D"):
        numeric_gradient(np.ones((2, 4, 4)), np.ones((2, 2, 2)), 2)


def trace_ties(res):
    """Ties read window by window from the trace: the definition the vectorised code must match."""
    tied = np.zeros(res.geometry.out_shape, dtype=bool)
    cells = np.zeros(res.input.shape[-2:], dtype=bool)
    for rec in res.trace.windows():
        winners = ~rec.is_padding & (rec.values == rec.output)
        tied[rec.out_row, rec.out_col] = winners.sum() > 1
        if winners.sum() > 1:
            rr, cc = np.nonzero(winners)
            cells[rec.rows[rr], rec.cols[cc]] = True
    return tied, cells


@pytest.mark.parametrize("config", CONFIGS, ids=str)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ties_match_the_window_by_window_trace(config, seed):
    config = {k: v for k, v in config.items() if k != "count_include_pad"}
    x = np.random.default_rng(seed).integers(0, 3, size=(5, 6)).astype(float)  # few values: many ties
    if seed == 2:
        x[0, 0] = np.nan  # a NaN equals nothing, so it ties with nothing
    res = pool2d(x, mode="max", **config)
    tied, cells = trace_ties(res)
    assert_array_equal(tied_windows(res), tied)
    assert_array_equal(tie_cells(res), cells)
    assert tied.any()


def test_ties_in_a_chosen_plane():
    x = np.ones((2, 4, 4))
    x[1] = np.arange(16.0).reshape(4, 4)
    res = pool2d(x, 2, mode="max")
    assert tied_windows(res).all() and tie_cells(res).all()              # the first plane by default
    assert not tied_windows(res, plane=1).any() and not tie_cells(res, plane=1).any()
