"""Gradients of the fast engine: finite differences and where the sum goes.

Every ``backward`` is checked against a central finite difference of
``L(x) = sum(grad_output * forward(x))``, whose gradient with respect to ``x``
is exactly what ``backward(grad_output)`` must return.

Then the bookkeeping the lessons talk about: when does the total gradient
that flows into the input equal the total that came out of the layer?

* max pooling: always. Each window hands its whole gradient to one real cell.
* average pooling: whenever no counted tap is padding. Each window hands
  ``grad / divisor`` to each real tap; if every counted tap is real, the
  window gives away exactly ``grad``. Overlap, dilation and the ceil-mode
  overhang (which is never counted) do not change that.
* average pooling with zero padding counted in the divisor: the padding
  swallows its share, so the sum shrinks.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from pooling_core import kmax_pool, pool2d

EPS = 1e-6


def numeric_gradient(forward, x, grad_output, eps=EPS):
    """Central finite difference of ``sum(grad_output * forward(x))``.

    Parameters
    ----------
    forward : callable
        Maps an array shaped like ``x`` to the layer's output.
    x : numpy.ndarray
        float64 point at which to differentiate.
    grad_output : numpy.ndarray
        Weights of the output cells.
    eps : float, optional
        Step size.

    Returns
    -------
    numpy.ndarray
        Shaped like ``x``.
    """
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[index] += eps
        down[index] -= eps
        grad[index] = (np.sum(grad_output * forward(up))
                       - np.sum(grad_output * forward(down))) / (2 * eps)
    return grad


def distinct_values(shape, seed):
    """float64 values at least 1 apart, so that a step of EPS never changes
    which cell is a window's maximum (max pooling is differentiable there)."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    return (rng.permutation(n) + 0.3 * rng.random(n)).reshape(shape)


POOL_CONFIGS = [
    dict(kernel_size=2),
    dict(kernel_size=2, stride=1),                           # overlap
    dict(kernel_size=3, stride=2, padding=1),                # padding
    dict(kernel_size=(2, 3), stride=(1, 2), padding=(1, 0, 2, 1)),
    dict(kernel_size=3, stride=2, ceil_mode=True),           # overhang
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True),
    dict(kernel_size=2, stride=1, dilation=2),               # dilation
    dict(kernel_size=2, stride=2, padding=1, dilation=(2, 1), ceil_mode=True),
    dict(kernel_size=3, stride=1, padding=2),                # > half kernel
    dict(kernel_size=3, stride=2, padding="same"),
]


@pytest.mark.parametrize("shape", [(5, 6), (2, 5, 4), (1, 2, 4, 5)])
@pytest.mark.parametrize("config", POOL_CONFIGS, ids=str)
def test_max_backward_matches_finite_differences(config, shape):
    x = distinct_values(shape, seed=1)
    res = pool2d(x, mode="max", **config)
    g = np.random.default_rng(2).standard_normal(res.output.shape)
    numeric = numeric_gradient(
        lambda z: pool2d(z, mode="max", **config).output, x, g)
    assert_allclose(res.backward(g), numeric, atol=1e-6)


@pytest.mark.parametrize("count_include_pad", [True, False])
@pytest.mark.parametrize("shape", [(5, 6), (2, 5, 4)])
@pytest.mark.parametrize("config", POOL_CONFIGS, ids=str)
def test_avg_backward_matches_finite_differences(config, shape,
                                                 count_include_pad):
    x = np.random.default_rng(3).standard_normal(shape)
    kwargs = dict(config, mode="avg", count_include_pad=count_include_pad)
    res = pool2d(x, **kwargs)
    g = np.random.default_rng(4).standard_normal(res.output.shape)
    numeric = numeric_gradient(lambda z: pool2d(z, **kwargs).output, x, g)
    assert_allclose(res.backward(g), numeric, atol=1e-6)


@pytest.mark.parametrize("keep_order", [True, False])
@pytest.mark.parametrize("shape, k, axis", [
    ((6, 4), 2, -2), ((6, 4), 3, -1), ((2, 5, 3), 4, 1), ((7,), 3, 0),
])
def test_kmax_backward_matches_finite_differences(shape, k, axis, keep_order):
    x = distinct_values(shape, seed=5)
    res = kmax_pool(x, k, axis, keep_order=keep_order)
    g = np.random.default_rng(6).standard_normal(res.output.shape)
    numeric = numeric_gradient(
        lambda z: kmax_pool(z, k, axis, keep_order=keep_order).output, x, g)
    assert_allclose(res.backward(g), numeric, atol=1e-6)


def test_float32_backward_keeps_dtype():
    x = np.arange(16, dtype=np.float32).reshape(4, 4)
    for mode in ("max", "avg"):
        res = pool2d(x, 2, mode=mode)
        assert res.backward(np.ones((2, 2))).dtype == np.float32
    assert kmax_pool(x, 2).backward(np.ones((2, 4))).dtype == np.float32


# ---------------------------------------------------------------------------
# Where the gradient's sum goes
# ---------------------------------------------------------------------------


def total_in_and_out(x, mode, seed=7, **kwargs):
    """``(sum of grad_input, sum of grad_output)`` for a positive gradient."""
    res = pool2d(x, mode=mode, **kwargs)
    g = 0.5 + np.random.default_rng(seed).random(res.output.shape)
    return float(res.backward(g).sum()), float(g.sum())


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("shape, kernel", [
    ((4, 4), 2), ((6, 9), 3), ((2, 3, 6, 4), (3, 2)), ((5, 7), 2),
])
def test_non_overlapping_windows_conserve_the_sum(mode, shape, kernel):
    # stride = kernel, no padding: each window passes on exactly its share.
    # ((5, 7) with kernel 2 leaves the last row and column out: they simply
    # get nothing, the sum is still kept.)
    x = distinct_values(shape, seed=8)
    total_in, total_out = total_in_and_out(x, mode, kernel_size=kernel)
    assert total_in == pytest.approx(total_out, rel=1e-12)


@pytest.mark.parametrize("config", POOL_CONFIGS, ids=str)
def test_max_always_conserves_the_sum(config):
    # Overlap, padding, ceil mode, dilation: every window still hands its
    # whole gradient to exactly one real cell.
    x = distinct_values((2, 5, 6), seed=9)
    total_in, total_out = total_in_and_out(x, "max", **config)
    assert total_in == pytest.approx(total_out, rel=1e-12)


def test_overlapping_max_windows_pile_up_on_one_cell():
    # All four 2x2 windows (stride 1) pick the middle 9: it receives every
    # window's gradient, more than any single upstream gradient.
    x = np.array([[1.0, 2.0, 1.0], [2.0, 9.0, 2.0], [1.0, 2.0, 1.0]])
    res = pool2d(x, 2, 1)
    g = np.array([[1.0, 2.0], [3.0, 4.0]])
    grad = res.backward(g)
    assert grad[1, 1] == 10.0
    assert grad[1, 1] > g.max()
    assert np.count_nonzero(grad) == 1
    assert grad.sum() == g.sum()


@pytest.mark.parametrize("config", [
    dict(kernel_size=2, stride=1),
    dict(kernel_size=3, stride=1),
    dict(kernel_size=(3, 2), stride=(2, 1)),
    dict(kernel_size=2, stride=1, dilation=2),
    # The ceil-mode overhang past the input is not padding and never counts,
    # even with count_include_pad=True, so without padding the sum is kept.
    dict(kernel_size=3, stride=2, ceil_mode=True),
    dict(kernel_size=3, stride=2, ceil_mode=True, count_include_pad=False),
], ids=str)
def test_overlapping_avg_without_padding_conserves_the_sum(config):
    # Each window gives grad/divisor to each of its divisor real cells:
    # exactly its own gradient, however the windows overlap.
    x = np.random.default_rng(10).standard_normal((2, 5, 6))
    total_in, total_out = total_in_and_out(x, "avg", **config)
    assert total_in == pytest.approx(total_out, rel=1e-12)


def test_overlapping_avg_spreads_unevenly_but_keeps_the_sum():
    # 3x3 input, 2x2 windows, stride 1, all gradients 1: corners are in one
    # window, edges in two, the centre in four.
    res = pool2d(np.zeros((3, 3)), 2, 1, mode="avg")
    grad = res.backward(np.ones((2, 2)))
    assert_array_equal(grad, [[0.25, 0.5, 0.25], [0.5, 1.0, 0.5],
                              [0.25, 0.5, 0.25]])
    assert grad.sum() == 4.0


@pytest.mark.parametrize("config", [
    dict(kernel_size=2, stride=2, padding=1),
    dict(kernel_size=3, stride=1, padding=1),
    dict(kernel_size=3, stride=2, padding=(0, 1, 2, 0)),
    # ceil-mode windows hanging past the input *and* padding that counts
    dict(kernel_size=3, stride=2, padding=1, ceil_mode=True),
], ids=str)
def test_avg_with_counted_padding_loses_part_of_the_sum(config):
    x = np.random.default_rng(11).standard_normal((5, 6))
    res = pool2d(x, mode="avg", count_include_pad=True, **config)
    g = 0.5 + np.random.default_rng(12).random(res.output.shape)
    total_in = res.backward(g).sum()
    assert total_in < g.sum() - 1e-9
    # Exactly the real fraction of every window survives.
    real = pool2d(np.ones((5, 6)), mode="avg", count_include_pad=False,
                  **config).trace.divisor
    counted = res.trace.divisor
    assert total_in == pytest.approx(np.sum(g * real / counted), rel=1e-12)
    # Dividing by the real cells only keeps the whole sum.
    res = pool2d(x, mode="avg", count_include_pad=False, **config)
    assert res.backward(g).sum() == pytest.approx(g.sum(), rel=1e-12)


def test_ceil_overhang_with_padding_counted_shrinks_the_sum():
    # One row [1..6], kernel (1,3), stride (1,2), padding (0,1), ceil mode:
    # window 3 has taps 5, 6, 7 -> real {5}, counted {5, 6}: half its
    # gradient goes to the padding cell 6 and is lost (7 is overhang).
    x = np.arange(1.0, 7.0).reshape(1, 6)
    res = pool2d(x, (1, 3), (1, 2), (0, 1), mode="avg", ceil_mode=True)
    assert_array_equal(res.trace.divisor, [[3, 3, 3, 2]])
    grad = res.backward(np.array([[0.0, 0.0, 0.0, 1.0]]))
    assert_array_equal(grad, [[0, 0, 0, 0, 0, 0.5]])


def test_copying_the_gradient_n_times_is_wrong():
    # The classic mistake for average pooling's backward: give every cell of
    # a window the window's whole gradient instead of grad / n. For
    # non-overlapping k x k windows the sum grows n = k*k fold, and finite
    # differences side with the real backward.
    k = 2
    x = np.random.default_rng(13).standard_normal((4, 6))
    res = pool2d(x, k, mode="avg")
    g = np.random.default_rng(14).standard_normal(res.output.shape)
    copied = np.repeat(np.repeat(g, k, axis=0), k, axis=1)
    right = res.backward(g)
    n = k * k
    assert copied.sum() == pytest.approx(n * g.sum())
    assert right.sum() == pytest.approx(g.sum())
    assert_allclose(copied, n * right)
    numeric = numeric_gradient(lambda z: pool2d(z, k, mode="avg").output,
                               x, g)
    assert_allclose(right, numeric, atol=1e-6)
    assert not np.allclose(copied, numeric, atol=1e-3)


def test_kmax_conserves_the_sum():
    x = distinct_values((7, 5), seed=15)
    res = kmax_pool(x, 3)
    g = np.random.default_rng(16).standard_normal(res.output.shape)
    grad = res.backward(g)
    assert grad.sum() == pytest.approx(g.sum(), rel=1e-12)
    assert np.count_nonzero(grad) == g.size
