"""The fast engine in ``pooling_core`` against the naive loops of the reference.

First the tutorial's figures, checked on the fast code. Then property tests:
hypothesis draws random shapes, window layouts, dtypes and values (with many
ties, NaN and -inf), and the fast code must agree with the reference on every
output, index, divisor, window extent and gradient, and on whether the
configuration is valid at all.
"""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

from conftest import FIGURE1_AVG, FIGURE1_INPUT, FIGURE1_MAX, FIGURE2_INPUT, FIGURE2_KMAX
from pooling_core import kmax_pool, pool2d
from pooling_core.reference import pool2d_backward_reference, pool2d_reference
from pooling_core.reference_kmax import kmax_backward_reference, kmax_reference

NAN = math.nan
INF = math.inf

SETTINGS = settings(max_examples=250, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------
# The tutorial's figures, on the fast code
# ---------------------------------------------------------------------------


def test_figure1_average_fast():
    # The figure's integers, pooled in float64.
    res = pool2d(FIGURE1_INPUT.astype(np.int64), 2, 2, mode="avg")
    assert_array_equal(res.output, FIGURE1_AVG)
    assert res.output.dtype == np.float64
    assert_array_equal(res.trace.divisor, [[4, 4], [4, 4]])


def test_figure1_max_fast():
    res = pool2d(FIGURE1_INPUT, 2, 2, mode="max")
    assert_array_equal(res.output, FIGURE1_MAX)
    assert_array_equal(res.indices, [[5, 7], [13, 15]])
    assert res.indices.dtype == np.int64
    assert_array_equal(res.trace.row_start, [[0, 0], [2, 2]])
    assert_array_equal(res.trace.row_stop, [[2, 2], [4, 4]])
    assert_array_equal(res.trace.col_start, [[0, 2], [0, 2]])
    assert_array_equal(res.trace.col_stop, [[2, 4], [2, 4]])


def test_figure1_default_stride_is_kernel():
    assert_array_equal(pool2d(FIGURE1_INPUT, 2).output, FIGURE1_MAX)


def test_figure2_kmax_fast():
    res = kmax_pool(FIGURE2_INPUT, 2)
    assert_array_equal(res.output, np.transpose(FIGURE2_KMAX))
    assert_array_equal(res.indices, [[1, 1, 2, 2], [2, 3, 3, 3]])
    assert res.indices.dtype == np.int64


def test_figure2_kmax_fast_largest_first():
    res = kmax_pool(FIGURE2_INPUT, 2, keep_order=False)
    assert_array_equal(res.output, [[3, 8, 8, 9], [2, 6, 6, 5]])
    assert_array_equal(res.indices, [[2, 3, 2, 2], [1, 1, 3, 3]])


def test_figure2_kmax_backward_fast():
    grad = kmax_pool(FIGURE2_INPUT, 2).backward([[1, 2, 3, 4],
                                                 [5, 6, 7, 8]])
    assert_array_equal(grad, [[0, 0, 0, 0], [1, 2, 0, 0], [5, 0, 3, 4],
                              [0, 6, 7, 8]])


# ---------------------------------------------------------------------------
# Hand-made corner cases, fast vs reference (quick to read when they fail)
# ---------------------------------------------------------------------------

CORNER_CASES = [
    # (x, kwargs)
    (np.array([[1, 3], [3, 1]]), dict(kernel_size=2)),
    (np.array([[NAN, 5.0], [NAN, 1.0]]), dict(kernel_size=2)),
    (np.array([[1.0, NAN, 7.0, 9.0]]), dict(kernel_size=(1, 4))),
    (np.full((2, 2), -INF), dict(kernel_size=2)),
    (np.array([[-INF]]), dict(kernel_size=2, stride=1, padding=1)),
    (np.array([[0.0, -INF, -INF], [0.0, -INF, -INF]]),
     dict(kernel_size=2, stride=1)),
    (np.array([[-INF, -INF, 0.0], [-INF, -INF, 0.0]]),
     dict(kernel_size=3, stride=1, padding=1)),
    (np.arange(1, 10).reshape(3, 3), dict(kernel_size=2, stride=2, padding=1)),
    (np.arange(1, 10).reshape(3, 3), dict(kernel_size=2, ceil_mode=True)),
    (np.arange(9.0).reshape(3, 3), dict(kernel_size=4, stride=2,
                                        ceil_mode=True)),
    (np.arange(1, 7).reshape(1, 6), dict(kernel_size=(1, 3), stride=(1, 2),
                                         padding=(0, 1), ceil_mode=True)),
    (np.arange(1, 7).reshape(2, 3), dict(kernel_size=2,
                                         padding=(1, 0, 0, 2))),
    (np.array([[5.0]]), dict(kernel_size=3, stride=1, padding=2)),
    (np.arange(16).reshape(4, 4), dict(kernel_size=2, stride=1, dilation=2)),
    (np.array([[1.0, 2.0, 3.0]]), dict(kernel_size=(1, 2), stride=1,
                                       padding=(0, 1), dilation=(1, 2))),
    (np.arange(25).reshape(5, 5), dict(kernel_size=2, padding="SAME")),
    (np.arange(16).reshape(4, 4), dict(kernel_size=4, stride=1,
                                       padding="same")),
]


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("count_include_pad", [True, False])
@pytest.mark.parametrize("case", range(len(CORNER_CASES)))
def test_corner_cases_match_reference(case, mode, count_include_pad):
    x, kwargs = CORNER_CASES[case]
    kwargs = dict(kwargs, mode=mode, count_include_pad=count_include_pad)
    check_against_reference(x, kwargs, np.ones)


# ---------------------------------------------------------------------------
# The comparison itself
# ---------------------------------------------------------------------------


def outcome(function, *args, **kwargs):
    """Call ``function``; return ``(result, None)`` or ``(None, ValueError)``."""
    try:
        return function(*args, **kwargs), None
    except ValueError as error:
        return None, error


def tolerances(dtype):
    """(rtol, atol factor) for comparing sums in ``dtype``."""
    if np.dtype(dtype) == np.float32:
        return 1e-6, 64 * np.finfo(np.float32).eps
    return 1e-12, 64 * np.finfo(np.float64).eps


def finite_scale(array):
    """Largest finite absolute value in ``array`` (1.0 if there is none)."""
    finite = np.abs(array[np.isfinite(array)])
    return float(finite.max()) if finite.size else 1.0


def check_against_reference(x, kwargs, make_grad):
    """Assert fast ``pool2d`` and the reference agree on everything.

    Parameters
    ----------
    x : numpy.ndarray
        The input.
    kwargs : dict
        Keyword arguments for both ``pool2d`` and ``pool2d_reference``.
    make_grad : callable
        ``make_grad(shape)`` returns a gradient for the backward check.
    """
    x_before = np.array(x, copy=True)
    expected, ref_error = outcome(pool2d_reference, x, **kwargs)
    res, fast_error = outcome(pool2d, x, **kwargs)
    assert (ref_error is None) == (fast_error is None), (
        f"validity differs: reference raised {ref_error!r}, "
        f"fast raised {fast_error!r}")
    if ref_error is not None:
        return
    ref_out = expected.output
    mode = kwargs.get("mode", "max")

    assert res.output.shape == ref_out.shape
    assert res.output.dtype == ref_out.dtype
    rtol, atol_factor = tolerances(ref_out.dtype)
    if mode == "max":
        assert_array_equal(res.output, ref_out)
        # == cannot tell 0.0 from -0.0; the first of tied zeros must win.
        assert_array_equal(np.signbit(res.output), np.signbit(ref_out))
        assert res.indices.dtype == np.int64
        assert_array_equal(res.indices, expected.indices)
    else:
        atol = atol_factor * finite_scale(np.asarray(x, dtype=np.float64))
        assert_allclose(res.output, ref_out, rtol=rtol, atol=atol)
        assert_array_equal(res.trace.divisor, expected.divisor)

    for name in ("row_start", "row_stop", "col_start", "col_stop"):
        assert_array_equal(getattr(res.trace, name),
                           getattr(expected.windows, name), err_msg=name)

    grad_output = make_grad(ref_out.shape)
    ref_grad = pool2d_backward_reference(x, grad_output, **kwargs)
    atol = atol_factor * 16 * finite_scale(grad_output)
    # The fast backward may take another road when nothing else was read
    # from the result yet (max pooling: no argmax computed), so check both a
    # fresh result and the one whose indices were read above.
    fresh = pool2d(x, **kwargs)
    for result in (fresh, res):
        grad = result.backward(grad_output)
        assert grad.shape == np.shape(x)
        assert grad.dtype == ref_grad.dtype
        assert_allclose(grad, ref_grad, rtol=rtol, atol=atol)
    # Nothing wrote into the caller's array.
    assert_array_equal(x, x_before)


# ---------------------------------------------------------------------------
# Hypothesis strategies
# ---------------------------------------------------------------------------


def int_or_pair(low, high):
    """An int in [low, high] or an (h, w) pair of them."""
    one = st.integers(low, high)
    return st.one_of(one, st.tuples(one, one))


def paddings():
    """Every accepted spelling of padding, amounts up to 3 (> half kernel)."""
    amount = st.integers(0, 3)
    return st.one_of(
        amount,
        st.tuples(amount, amount),
        st.tuples(amount, amount, amount, amount),
        st.sampled_from(["same", "valid", "SAME", "Valid"]),
    )


FLOAT_KINDS = ("ties", "floats", "special")


@st.composite
def input_arrays(draw, shape, dtype):
    """An input of ``shape`` and ``dtype`` with many ties, sometimes NaN/-inf.

    Integer dtypes draw from a small set (ties). Float dtypes draw one of:
    small integers (ties), general floats, or small integers mixed with NaN
    and -inf.
    """
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        return draw(hnp.arrays(dtype, shape, elements=st.integers(-3, 3)))
    kind = draw(st.sampled_from(FLOAT_KINDS))
    if kind == "ties":
        elements = st.integers(-3, 3).map(float)
    elif kind == "floats":
        elements = st.floats(-100, 100, width=dtype.itemsize * 8)
    else:
        elements = st.sampled_from([-1.0, 0.0, -0.0, 1.0, 2.0, 2.0, NAN,
                                    -INF])
    return draw(hnp.arrays(dtype, shape, elements=elements))


@st.composite
def pool_cases(draw, dtypes=(np.float32, np.float64, np.int64, np.int32)):
    """A random ``(x, kwargs)`` pooling case; it may be invalid on purpose."""
    lead = tuple(draw(st.lists(st.integers(1, 3), min_size=0, max_size=2)))
    height, width = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    dtype = draw(st.sampled_from(dtypes))
    x = draw(input_arrays(lead + (height, width), dtype))
    kwargs = dict(
        kernel_size=draw(int_or_pair(1, 4)),
        stride=draw(st.one_of(st.none(), int_or_pair(1, 4))),
        padding=draw(paddings()),
        dilation=draw(st.one_of(st.just(1), int_or_pair(1, 3))),
        mode=draw(st.sampled_from(["max", "avg"])),
        ceil_mode=draw(st.booleans()),
        count_include_pad=draw(st.booleans()),
    )
    return x, kwargs


def random_grad(seed):
    """A ``make_grad`` that draws a normal gradient from ``seed``."""
    def make(shape):
        return np.random.default_rng(seed).standard_normal(shape)
    return make


# ---------------------------------------------------------------------------
# Property tests: pool2d
# ---------------------------------------------------------------------------


@SETTINGS
@given(case=pool_cases(), seed=st.integers(0, 2**32 - 1))
def test_pool2d_matches_reference(case, seed):
    x, kwargs = case
    check_against_reference(x, kwargs, random_grad(seed))


@SETTINGS
@given(case=pool_cases(dtypes=(np.float64,)),
       seed=st.integers(0, 2**32 - 1))
def test_pool2d_matches_reference_small_valid_windows(case, seed):
    # Same as above but with the window kept small relative to the input,
    # so that almost every drawn case is valid and reaches the comparisons.
    x, kwargs = case
    kwargs["kernel_size"] = min(np.max(kwargs["kernel_size"]), x.shape[-2],
                                x.shape[-1])
    kwargs["dilation"] = 1
    check_against_reference(x, kwargs, random_grad(seed))


@settings(max_examples=60, deadline=None)
@given(case=pool_cases(dtypes=(np.float16,)), seed=st.integers(0, 10**6))
def test_pool2d_float16_matches_reference(case, seed):
    # Max pooling only picks values, so float16 must agree exactly. Average
    # pooling may round differently (the reference sums in float64 and
    # rounds once), so it gets float16's precision.
    x, kwargs = case
    expected, ref_error = outcome(pool2d_reference, x, **kwargs)
    res, fast_error = outcome(pool2d, x, **kwargs)
    assert (ref_error is None) == (fast_error is None)
    if ref_error is None:
        assert res.output.dtype == np.float16
        if kwargs["mode"] == "max":
            assert_array_equal(res.output, expected.output)
            assert_array_equal(np.signbit(res.output),
                               np.signbit(expected.output))
            assert_array_equal(res.indices, expected.indices)
        else:
            scale = finite_scale(x.astype(np.float64))
            assert_allclose(res.output.astype(np.float64), expected.output,
                            rtol=2e-3, atol=2e-3 * scale)
            assert_array_equal(res.trace.divisor, expected.divisor)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("stride", [None, 1])
@pytest.mark.parametrize("row", [[-0.0, 0.0], [0.0, -0.0], [-0.0, -0.0, 0.0],
                                 [0.0, -0.0, -1.0]])
def test_max_of_signed_zeros_is_the_first_maximum(row, stride, dtype):
    # 0.0 and -0.0 are equal, so the first one is the maximum (PyTorch's
    # rule), and the output is that cell's value, sign included: the output
    # must be exactly x at the reported index. (== cannot see the sign of
    # zero, hence this test; np.maximum's choice between equal zeros is not
    # the same for every dtype.)
    x = np.array([row, row], dtype=dtype)
    kernel = (2, len(row))
    res = pool2d(x, kernel, stride)
    ref = pool2d_reference(x, kernel, stride)
    assert_array_equal(res.indices, ref.indices)
    assert_array_equal(np.signbit(res.output), np.signbit(ref.output))
    assert np.signbit(res.output[0, 0]) == np.signbit(x.flat[res.indices[0, 0]])


@SETTINGS
@given(case=pool_cases())
def test_indices_point_at_the_output_values(case):
    # Independent of the reference: reading x at the reported index gives
    # back the output (NaN where the output is NaN).
    x, kwargs = case
    kwargs["mode"] = "max"
    res, error = outcome(pool2d, x, **kwargs)
    if error is not None:
        return
    height, width = x.shape[-2:]
    flat = x.reshape(x.shape[:-2] + (height * width,)).astype(np.float64)
    lead_out = res.indices.reshape(x.shape[:-2] + (-1,))
    picked = np.take_along_axis(flat, lead_out, axis=-1)
    picked = picked.reshape(res.output.shape)
    assert_array_equal(picked, res.output)
    assert_array_equal(np.signbit(picked), np.signbit(res.output))


# ---------------------------------------------------------------------------
# Sizes the small random cases never reach
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs", [
    dict(kernel_size=16, stride=1),                 # 256 kernel offsets
    dict(kernel_size=(16, 17), stride=(2, 1)),      # 272 offsets
    dict(kernel_size=(17, 17), stride=3, padding=4),
    dict(kernel_size=(1, 300), stride=(1, 1), padding=(0, 0, 2, 3)),
    dict(kernel_size=(9, 9), stride=1, dilation=2, padding=3),
], ids=str)
@pytest.mark.parametrize("mode", ["max", "avg"])
def test_large_kernels_match_reference(kwargs, mode):
    rng = np.random.default_rng(20)
    shape = (2, 303) if kwargs["kernel_size"] == (1, 300) else (2, 20, 21)
    x = rng.integers(-3, 4, size=shape).astype(np.float64)
    x[rng.random(shape) < 0.01] = NAN
    check_against_reference(x, dict(kwargs, mode=mode), random_grad(21))


BIG_CONFIGS = [
    dict(kernel_size=3, stride=1, padding=1),       # stride 1
    dict(kernel_size=2),                            # disjoint windows
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True),
    dict(kernel_size=2, stride=1, dilation=2, padding=(0, 1, 2, 0)),
]


@pytest.mark.parametrize("config", BIG_CONFIGS, ids=str)
@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_big_batches_match_small_ones(config, mode, dtype):
    # A batch of more than a megabyte is cut into blocks of planes shared
    # among threads; one sample of it (under the threshold) is pooled in one
    # go. Both roads must give the same bits, and a few sampled planes must
    # match the reference.
    rng = np.random.default_rng(22)
    x = rng.integers(-4, 5, size=(4, 64, 24, 24)).astype(dtype)
    x[rng.random(x.shape) < 0.001] = NAN
    kwargs = dict(config, mode=mode)
    res = pool2d(x, **kwargs)
    g = rng.standard_normal(res.output.shape).astype(dtype)
    grad = res.backward(g)
    for n in range(x.shape[0]):
        alone = pool2d(x[n], **kwargs)
        assert_array_equal(res.output[n], alone.output)
        assert_array_equal(grad[n], alone.backward(g[n]))
        if mode == "max":
            assert_array_equal(res.indices[n], alone.indices)
    for n, c in [(0, 0), (1, 17), (3, 63)]:
        sampled = x[n, c]
        ref = pool2d_reference(sampled, **kwargs)
        assert_allclose(res.output[n, c], ref.output, rtol=1e-6)
        if mode == "max":
            assert_array_equal(res.indices[n, c], ref.indices)
        ref_grad = pool2d_backward_reference(sampled, g[n, c], **kwargs)
        assert_allclose(grad[n, c], ref_grad, rtol=1e-6, atol=1e-6)


def test_big_batch_max_backward_after_reading_indices():
    # Same gradient whichever road the max backward takes.
    rng = np.random.default_rng(23)
    x = rng.integers(-4, 5, size=(4, 64, 24, 24)).astype(np.float64)
    g = rng.standard_normal((4, 64, 12, 12))
    fresh = pool2d(x, 3, 2, 1).backward(g)
    res = pool2d(x, 3, 2, 1)
    res.indices
    assert_array_equal(res.backward(g), fresh)


# ---------------------------------------------------------------------------
# Property tests: k-max pooling
# ---------------------------------------------------------------------------


@st.composite
def kmax_cases(draw):
    """A random ``(x, k, axis, keep_order)``; k and axis may be invalid."""
    shape = tuple(draw(st.lists(st.integers(1, 6), min_size=2, max_size=4)))
    dtype = draw(st.sampled_from([np.float32, np.float64, np.int64]))
    x = draw(input_arrays(shape, dtype))
    axis = draw(st.integers(-len(shape) - 1, len(shape)))
    k = draw(st.integers(0, 7))
    keep_order = draw(st.booleans())
    return x, k, axis, keep_order


@SETTINGS
@given(case=kmax_cases(), seed=st.integers(0, 2**32 - 1))
def test_kmax_matches_reference(case, seed):
    x, k, axis, keep_order = case
    expected, ref_error = outcome(kmax_reference, x, k, axis, keep_order)
    res, fast_error = outcome(kmax_pool, x, k, axis, keep_order=keep_order)
    assert (ref_error is None) == (fast_error is None), (
        f"validity differs: reference {ref_error!r}, fast {fast_error!r}")
    if ref_error is not None:
        return
    assert res.output.dtype == expected.output.dtype
    assert_array_equal(res.output, expected.output)
    assert_array_equal(np.signbit(res.output), np.signbit(expected.output))
    assert res.indices.dtype == np.int64
    assert_array_equal(res.indices, expected.indices)
    grad_output = np.random.default_rng(seed).standard_normal(expected.output.shape)
    ref_grad = kmax_backward_reference(x, grad_output, k, axis, keep_order)
    grad = res.backward(grad_output)
    assert grad.shape == x.shape
    assert grad.dtype == ref_grad.dtype
    # Each position receives at most one gradient: only rounding to the
    # output dtype can differ, and both round the same float64 value.
    assert_array_equal(grad, ref_grad)


@pytest.mark.parametrize("keep_order", [True, False])
def test_kmax_nan_and_ties_fast(keep_order):
    x = np.array([[2.0, NAN, 2.0, 3.0, NAN, 3.0, -INF]]).T
    res = kmax_pool(x, 4, keep_order=keep_order)
    kept = kmax_reference(x, 4, keep_order=keep_order)
    assert_array_equal(res.output, kept.output)
    assert_array_equal(res.indices, kept.indices)
    expected_idx = [1, 3, 4, 5] if keep_order else [1, 4, 3, 5]
    assert_array_equal(res.indices[:, 0], expected_idx)


def test_kmax_one_dimensional_sentence():
    # A 1-D input pools along its only axis.
    x = np.array([3.0, 1.0, 4.0, 1.0, 5.0])
    res = kmax_pool(x, 3, axis=0)
    kept = kmax_reference(x, 3, axis=0)
    assert_array_equal(res.output, [3, 4, 5])
    assert_array_equal(res.output, kept.output)
    assert_array_equal(res.indices, kept.indices)
