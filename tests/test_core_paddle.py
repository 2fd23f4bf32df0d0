"""``convention="paddle"``: PaddlePaddle 3.3.1's pooling rules in the core.

First the three minimal cases from issue 12 (where PyTorch and Paddle part
ways), as plain tests that need no framework; then the size rules; then
hypothesis against :mod:`pooling_core.reference_paddle`, the plain loops
(themselves checked against the real Paddle by tests/test_oracles.py).
"""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from test_core_against_reference import input_arrays, int_or_pair, outcome

from pooling_core import explain_output_size, output_size, pool2d
from pooling_core.reference_paddle import (
    LOWEST,
    pool2d_paddle_backward_reference,
    pool2d_paddle_reference,
)

ROW3 = np.array([[1.0, 2.0, 3.0]])


def same_bits(a, b):
    """Equal values, NaN where NaN, and the same sign on every zero."""
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape
    assert_array_equal(a, b)
    keep = ~np.isnan(a)
    assert_array_equal(np.signbit(a[keep]), np.signbit(b[keep]))


# The three cases ------------------------------------------------------------------------

def test_ceil_mode_keeps_the_window_past_the_input():
    kw = dict(kernel_size=(1, 2), stride=(1, 2), padding=(0, 0, 1, 1), ceil_mode=True)
    assert pool2d(ROW3, **kw).output.tolist() == [[1.0, 3.0]]
    assert pool2d(ROW3, **kw, convention="paddle").output.tolist() == [[1.0, 3.0, LOWEST]]
    assert LOWEST == float(np.float32(-3.4028235e38))
    same_bits(pool2d(ROW3, **kw, mode="avg", count_include_pad=False, convention="paddle").output,
              [[1.0, 2.5, math.nan]])
    same_bits(pool2d(ROW3, **kw, mode="avg", count_include_pad=True, convention="paddle").output,
              [[0.5, 2.5, 0.0]])
    # without padding too: x = [1, 2], kernel 1, stride 2
    x = np.array([[1.0, 2.0]])
    assert pool2d(x, 1, 2, ceil_mode=True).output.tolist() == [[1.0]]
    assert pool2d(x, 1, 2, ceil_mode=True, convention="paddle").output.tolist() == [[1.0, LOWEST]]


def test_divisor_bounded_by_leading_padding_on_both_sides():
    kw = dict(kernel_size=(1, 2), stride=(1, 2), padding=(0, 0, 0, 1), mode="avg", count_include_pad=True)
    assert pool2d(ROW3, **kw).output.tolist() == [[1.5, 1.5]]
    res = pool2d(ROW3, **kw, convention="paddle")
    assert res.output.tolist() == [[1.5, 3.0]]
    assert res.divisor.tolist() == [[2, 1]]
    assert res.trace.window(0, 1).counted.tolist() == [[True, False]]


def test_tied_zeros_last_wins_but_mask_names_the_first():
    x = np.array([[0.0, -0.0]])
    torch_res, paddle_res = pool2d(x, (1, 2)), pool2d(x, (1, 2), convention="paddle")
    assert not np.signbit(torch_res.output[0, 0]) and np.signbit(paddle_res.output[0, 0])
    assert paddle_res.indices.tolist() == [[0]]           # return_mask: the first
    assert paddle_res.trace.window(0, 0).argmax == (0, 1)  # the value shown: the last
    # the gradient goes to the first cell equal to the output, as Paddle's backward does
    assert paddle_res.backward(np.ones((1, 1))).tolist() == [[1.0, 0.0]]


def test_settings_pytorch_refuses():
    # a 1x7 input and a 4x4 window: C's division truncates (1 - 4) / 4 to 0, so one row
    x = np.arange(1.0, 8.0).reshape(1, 7)
    with pytest.raises(ValueError):
        pool2d(x, 4)
    assert pool2d(x, 4, convention="paddle").output.tolist() == [[4.0]]
    assert explain_output_size(1, 4, 4, convention="paddle").rule == "truncate"
    # padding wider than half the window: windows of padding only are computed
    res = pool2d(ROW3, (1, 2), 1, (0, 0, 3, 3), mode="avg", count_include_pad=False, convention="paddle")
    same_bits(res.output, [[-0.0, math.nan, 1.0, 1.5, 2.5, 3.0, math.nan, -0.0]])


def test_paddle_refuses_dilation_and_unknown_conventions():
    with pytest.raises(ValueError, match="dilation"):
        pool2d(ROW3, 1, dilation=2, convention="paddle")
    with pytest.raises(ValueError, match="convention"):
        pool2d(ROW3, 1, convention="tensorflow")


def test_size_rules_say_which_rule_decided():
    assert explain_output_size(5, 2, 2).rule == "floor"
    assert explain_output_size(5, 2, 2, ceil_mode=True).rule == "ceil"
    assert explain_output_size(2, 1, 2, ceil_mode=True).rule == "ceil_drop"
    d = explain_output_size(2, 1, 2, ceil_mode=True, convention="paddle")
    assert (d.rule, d.out, d.convention) == ("ceil_keep", 2, "paddle")
    assert output_size(3, 2, 2, 1, 1, ceil_mode=True, convention="paddle") == 3
    assert output_size(3, 2, 2, 1, 1, ceil_mode=True) == 2
    with pytest.raises(ValueError, match="no window"):
        explain_output_size(1, 4, 2, convention="paddle")  # (1 - 4) / 2 + 1 = 0


# Against the plain loops --------------------------------------------------------------------------

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def paddle_cases(draw):
    lead = tuple(draw(st.lists(st.integers(1, 2), min_size=0, max_size=2)))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    dtype = draw(st.sampled_from([np.float64, np.float64, np.float32, np.int64]))
    x = draw(input_arrays(lead + (h, w), dtype))
    padding = draw(st.one_of(st.integers(0, 3), st.tuples(*[st.integers(0, 4)] * 4), st.just("same")))
    kwargs = dict(kernel_size=draw(int_or_pair(1, 5)), stride=draw(st.one_of(st.none(), int_or_pair(1, 4))),
                  padding=padding, mode=draw(st.sampled_from(["max", "avg"])), ceil_mode=draw(st.booleans()),
                  count_include_pad=draw(st.booleans()), dilation=draw(st.sampled_from([1, 1, 1, 2])))
    return x, kwargs


@SETTINGS
@given(case=paddle_cases(), seed=st.integers(0, 2**32 - 1))
def test_paddle_convention_matches_reference(case, seed):
    x, kwargs = case
    expected, ref_error = outcome(pool2d_paddle_reference, x, **kwargs)
    res, fast_error = outcome(pool2d, x, **kwargs, convention="paddle")
    assert (ref_error is None) == (fast_error is None), f"reference {ref_error!r}, fast {fast_error!r}"
    if ref_error is not None:
        return
    assert res.output.dtype == expected.output.dtype
    exact = res.output.dtype == np.float64
    if exact or kwargs["mode"] == "max":
        same_bits(res.output, expected.output)
    else:
        assert_allclose(res.output, expected.output, rtol=1e-5, atol=1e-4)
    for name in ("row_start", "row_stop", "col_start", "col_stop"):
        assert_array_equal(getattr(res.trace, name), getattr(expected.windows, name))
    if kwargs["mode"] == "max":
        assert_array_equal(res.indices, expected.indices)
        # the trace's winner holds the output's value (or no cell won)
        rec = res.trace.window(0, 0)
        if rec.argmax is not None:
            assert x[(0,) * (x.ndim - 2) + rec.argmax] == rec.output or math.isnan(rec.output)
    else:
        assert_array_equal(res.divisor, expected.divisor)
    grad = np.random.default_rng(seed).standard_normal(res.output.shape)
    got = res.backward(grad)
    want = pool2d_paddle_backward_reference(x, grad, **kwargs)
    # Overlapping windows add into a cell in another order than Paddle's loop: to rounding.
    assert_allclose(got, want, rtol=1e-12 if exact else 1e-4, atol=1e-12 if exact else 1e-4)


def test_paddle_max_after_a_nan_may_end_below_its_start():
    """Paddle's fold ``best if best > v else v``: a NaN replaces the start, then -inf replaces the NaN,
    so the window gives -inf (checked in PaddlePaddle 3.3.1); all -inf without a NaN keeps the start."""
    nan, inf = np.nan, np.inf
    assert pool2d(np.array([[nan, nan], [nan, -inf]]), 2, convention="paddle").output[0, 0] == -inf
    assert pool2d(np.full((2, 2), -inf), 2, convention="paddle").output[0, 0] == -3.4028234663852886e38
