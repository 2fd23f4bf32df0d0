"""The fast engine against PyTorch, on the cases PyTorch can express.

PyTorch is only a witness here: the project never depends on it, and these
tests are skipped when it is not installed.

PyTorch's pooling takes symmetric padding of at most half the kernel, and its
average pooling has no dilation; inside those limits ``pool2d`` promises the
very same outputs, argmax indices and gradients as ``max_pool2d`` /
``avg_pool2d`` on the CPU, ties and NaN included.
"""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

from conftest import FIGURE1_INPUT
from pooling_core import kmax_pool, pool2d

torch = pytest.importorskip("torch")
F = torch.nn.functional

NAN = math.nan
INF = math.inf

SETTINGS = settings(max_examples=250, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

TORCH_DTYPES = {np.dtype(np.float32): torch.float32,
                np.dtype(np.float64): torch.float64}


# ---------------------------------------------------------------------------
# Running PyTorch
# ---------------------------------------------------------------------------


def torch_pool(x, grad_output, kernel, stride, padding, mode, dilation,
               ceil_mode, count_include_pad):
    """Pool ``x`` with PyTorch; return ``(output, indices, grad_input)``.

    A 2-D ``x`` is given a channel axis for PyTorch and lost again after.
    ``grad_output=None`` skips the backward pass.
    """
    squeeze = x.ndim == 2
    tx = torch.tensor(x[None] if squeeze else x, dtype=TORCH_DTYPES[x.dtype],
                      requires_grad=True)
    indices = None
    if mode == "max":
        out, indices = F.max_pool2d(tx, kernel, stride, padding, dilation,
                                    ceil_mode=ceil_mode, return_indices=True)
        indices = indices.numpy()
    else:
        out = F.avg_pool2d(tx, kernel, stride, padding, ceil_mode=ceil_mode,
                           count_include_pad=count_include_pad)
    grad = None
    if grad_output is not None:
        g = torch.tensor(grad_output[None] if squeeze else grad_output,
                         dtype=out.dtype)
        out.backward(g)
        grad = tx.grad.numpy()
    out = out.detach().numpy()
    if squeeze:
        out = out[0]
        indices = None if indices is None else indices[0]
        grad = None if grad is None else grad[0]
    return out, indices, grad


# ---------------------------------------------------------------------------
# Cases PyTorch can express
# ---------------------------------------------------------------------------


@st.composite
def torch_cases(draw, modes=("max", "avg")):
    """A random pooling case inside PyTorch's limits.

    Returns ``(x, params)`` where ``params`` holds ``kernel``, ``stride``,
    ``padding`` (``(p_h, p_w)``, each at most half the kernel), ``mode``,
    ``dilation`` (1 for average pooling), ``ceil_mode`` and
    ``count_include_pad``.
    """
    mode = draw(st.sampled_from(modes))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    stride = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    padding = (draw(st.integers(0, kernel[0] // 2)),
               draw(st.integers(0, kernel[1] // 2)))
    if mode == "max":
        dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    else:
        dilation = (1, 1)
    lead = tuple(draw(st.lists(st.integers(1, 3), min_size=1, max_size=2)))
    if draw(st.booleans()) and len(lead) == 1:
        lead = ()  # a plain 2-D plane
    span = [(k - 1) * d + 1 for k, d in zip(kernel, dilation)]
    # Mostly inputs the window fits in, sometimes ones it does not.
    height = draw(st.integers(max(1, span[0] - 2 * padding[0] - 1), 9))
    width = draw(st.integers(max(1, span[1] - 2 * padding[1] - 1), 9))
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    kind = draw(st.sampled_from(["ties", "floats", "special"]))
    if kind == "ties":
        elements = st.integers(-2, 2).map(float)
    elif kind == "floats":
        elements = st.floats(-100, 100, width=np.dtype(dtype).itemsize * 8)
    else:
        elements = st.sampled_from([-1.0, 0.0, -0.0, 1.0, 1.0, NAN, -INF])
    x = draw(hnp.arrays(dtype, lead + (height, width), elements=elements))
    params = dict(kernel=kernel, stride=stride, padding=padding, mode=mode,
                  dilation=dilation, ceil_mode=draw(st.booleans()),
                  count_include_pad=draw(st.booleans()))
    return x, params


def compare_with_torch(x, params, seed):
    """Run both sides on one case and assert they agree."""
    p = params
    try:
        res = pool2d(x, p["kernel"], p["stride"], p["padding"],
                     mode=p["mode"], dilation=p["dilation"],
                     ceil_mode=p["ceil_mode"],
                     count_include_pad=p["count_include_pad"])
    except ValueError as error:
        # The only thing pool2d refuses inside PyTorch's limits is a window
        # that does not fit, or a dilated window whose taps all fall in the
        # padding (PyTorch returns -inf with a bogus index for those).
        try:
            torch_pool(x, None, p["kernel"], p["stride"], p["padding"],
                       p["mode"], p["dilation"], p["ceil_mode"],
                       p["count_include_pad"])
        except RuntimeError:
            return
        assert "padding" in str(error), str(error)
        return
    grad_output = np.random.default_rng(seed).standard_normal(
        res.output.shape).astype(x.dtype)
    out, indices, grad = torch_pool(
        x, grad_output, p["kernel"], p["stride"], p["padding"], p["mode"],
        p["dilation"], p["ceil_mode"], p["count_include_pad"])
    assert res.output.shape == out.shape
    assert res.output.dtype == x.dtype
    rtol = 1e-6 if x.dtype == np.float32 else 1e-12
    eps = np.finfo(x.dtype).eps
    if p["mode"] == "max":
        assert_array_equal(res.output, out)
        assert_array_equal(np.signbit(res.output), np.signbit(out))
        assert_array_equal(res.indices, indices)
    else:
        finite = np.abs(x[np.isfinite(x)])
        scale = float(finite.max()) if finite.size else 1.0
        assert_allclose(res.output, out, rtol=rtol, atol=64 * eps * scale)
    grad_scale = float(np.abs(grad_output).max()) if grad_output.size else 1.0
    assert_allclose(res.backward(grad_output), grad, rtol=rtol,
                    atol=64 * eps * grad_scale)


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


@SETTINGS
@given(case=torch_cases(), seed=st.integers(0, 2**32 - 1))
def test_pool2d_matches_torch(case, seed):
    x, params = case
    compare_with_torch(x, params, seed)


@SETTINGS
@given(case=torch_cases(modes=("max",)), seed=st.integers(0, 2**32 - 1))
def test_max_pool2d_dilated_matches_torch(case, seed):
    x, params = case
    compare_with_torch(x, params, seed)


@pytest.mark.parametrize("x, params", [
    # ties: the first maximum wins
    (np.array([[1.0, 3.0], [3.0, 1.0]]), dict(kernel=2, stride=2, padding=0)),
    # NaN: the last NaN wins
    (np.array([[NAN, 5.0], [NAN, 1.0]]), dict(kernel=2, stride=2, padding=0)),
    # all -inf: the first real cell, also under padding
    (np.full((3, 3), -INF), dict(kernel=3, stride=1, padding=1)),
    # ceil mode with a window longer than the input
    (np.arange(9.0).reshape(3, 3), dict(kernel=4, stride=2, padding=0,
                                        ceil_mode=True)),
    # ceil mode with padding: the overhang is not counted
    (np.arange(6.0).reshape(1, 6), dict(kernel=(1, 3), stride=(1, 2),
                                        padding=(0, 1), ceil_mode=True)),
])
@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("count_include_pad", [True, False])
def test_known_cases_match_torch(x, params, mode, count_include_pad):
    full = dict(kernel=params["kernel"], stride=params["stride"],
                padding=params["padding"], mode=mode, dilation=1,
                ceil_mode=params.get("ceil_mode", False),
                count_include_pad=count_include_pad)
    compare_with_torch(x, full, seed=0)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("row", [[-0.0, 0.0], [0.0, -0.0]])
def test_max_of_signed_zeros_matches_torch(row, dtype):
    # PyTorch keeps the first of equal values, sign of zero included.
    x = np.array([row], dtype=dtype)
    tx = torch.tensor(x[None])
    out, indices = F.max_pool2d(tx, (1, 2), return_indices=True)
    res = pool2d(x, (1, 2))
    assert_array_equal(res.indices, indices.numpy()[0])
    assert_array_equal(np.signbit(res.output), np.signbit(out.numpy()[0]))


def test_figure1_matches_torch():
    x = FIGURE1_INPUT
    out, indices, _ = torch_pool(x, None, 2, 2, 0, "max", 1, False, True)
    assert_array_equal(pool2d(x, 2).output, out)
    assert_array_equal(pool2d(x, 2).indices, indices)
    out, _, _ = torch_pool(x, None, 2, 2, 0, "avg", 1, False, True)
    assert_array_equal(pool2d(x, 2, mode="avg").output, out)


# ---------------------------------------------------------------------------
# k-max pooling against torch.topk
# ---------------------------------------------------------------------------


@st.composite
def topk_cases(draw):
    shape = tuple(draw(st.lists(st.integers(1, 6), min_size=2, max_size=4)))
    axis = draw(st.integers(-len(shape), len(shape) - 1))
    k = draw(st.integers(1, shape[axis]))
    kind = draw(st.sampled_from(["ties", "floats", "nan"]))
    if kind == "ties":
        elements = st.integers(-2, 2).map(float)
    elif kind == "floats":
        elements = st.floats(-100, 100)
    else:
        elements = st.sampled_from([-1.0, 0.0, 1.0, NAN])
    x = draw(hnp.arrays(np.float64, shape, elements=elements))
    return x, k, axis


@SETTINGS
@given(case=topk_cases())
def test_kmax_values_match_topk(case):
    # torch.topk's order among equal values is not specified, so only the
    # values (largest first, NaN largest) are compared in general...
    x, k, axis = case
    values, indices = torch.topk(torch.tensor(x), k, dim=axis, largest=True,
                                 sorted=True)
    res = kmax_pool(x, k, axis, keep_order=False)
    assert_array_equal(res.output, values.numpy())
    # ...and the indices where every line has no repeated value.
    moved = np.moveaxis(x, axis, -1).reshape(-1, x.shape[axis])
    distinct = all(len(set(line.tolist())) == len(line)
                   and not np.isnan(line).any() for line in moved)
    if distinct:
        assert_array_equal(res.indices, indices.numpy())
        in_order = kmax_pool(x, k, axis, keep_order=True)
        assert_array_equal(in_order.indices,
                           np.sort(indices.numpy(), axis=axis))


@SETTINGS
@given(case=topk_cases(), seed=st.integers(0, 2**32 - 1))
def test_kmax_backward_matches_autograd(case, seed):
    # Gradients through gather at the chosen positions, checked by autograd.
    x, k, axis = case
    res = kmax_pool(x, k, axis)
    tx = torch.tensor(x, requires_grad=True)
    out = torch.gather(tx, axis, torch.tensor(res.indices))
    assert_array_equal(out.detach().numpy(), res.output)
    g = np.random.default_rng(seed).standard_normal(res.output.shape)
    out.backward(torch.tensor(g))
    assert_array_equal(res.backward(g), tx.grad.numpy())
