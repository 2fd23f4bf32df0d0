"""The playground's PyTorch code for padding PyTorch's pooling cannot take (uneven, or more than
half the window): F.pad, then pooling. Run here against a stand-in for torch.nn.functional built
on pooling_core, whose semantics are PyTorch's (tests/test_core_torch.py checks that where torch
is installed), so the code is checked to compute what the page shows."""

import types

import numpy as np
import pytest

from lessons.frameworks import framework_code, torch_differences
from pooling_core import pool2d


class Tensor(np.ndarray):
    def new_ones(self, shape):
        return np.ones(shape).view(Tensor)


def _pool(mode):
    def pool(x, kernel_size, stride, padding=(0, 0), dilation=(1, 1), ceil_mode=False, count_include_pad=True):
        return pool2d(np.asarray(x), kernel_size, stride, padding, mode=mode, dilation=dilation, ceil_mode=ceil_mode,
                      count_include_pad=count_include_pad).output.view(Tensor)
    return pool


def _pad(x, pad, value=0.0):
    left, right, top, bottom = pad
    return np.pad(np.asarray(x), ((0, 0), (0, 0), (top, bottom), (left, right)), constant_values=value).view(Tensor)


F = types.SimpleNamespace(pad=_pad, max_pool2d=_pool("max"), avg_pool2d=_pool("avg"))


def test_uneven_padding_gets_f_pad_code():
    code, _ = framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), False, True, "max")
    assert code.startswith('x = F.pad(x, (0, 1, 0, 1), value=float("-inf"))\ny = F.max_pool2d(')
    # an average that does not count padding: F.pad's zeros would count, and dividing by a pooled
    # mask of ones rounds differently from the page in the last bit (issue 12), so no code
    assert framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), False, False, "avg")[0] is None
    # average pooling has no dilation in PyTorch
    assert framework_code((2, 2), (2, 2), (0, 1, 0, 1), (2, 1), False, True, "avg")[0] is None
    # ceil mode with bottom padding would keep another window: the code crops it
    assert framework_code((2, 2), (2, 2), (0, 1, 0, 1), (1, 1), True, True, "max")[0].splitlines()[-1].startswith(
        "y = y[..., :")


def test_f_pad_code_computes_what_the_page_shows():
    rng = np.random.default_rng(10)
    checked = set()
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(2, 8, size=2))
        k = tuple(int(v) for v in rng.integers(1, 4, size=2))
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        pads = tuple(int(v) for v in rng.integers(0, 3, size=4))
        d = (1, 1) if rng.integers(2) else tuple(int(v) for v in rng.integers(1, 3, size=2))
        mode, ceil, cip = ("max", "avg")[rng.integers(2)], bool(rng.integers(2)), bool(rng.integers(2))
        if not {"asymmetric", "half"} & {c for c, _ in torch_differences(k, pads, d, mode)}:
            continue
        x = rng.integers(-9, 10, size=(h, w)).astype(float)
        try:
            ours = pool2d(x, k, s, pads, mode=mode, dilation=d, ceil_mode=ceil, count_include_pad=cip).output
        except ValueError:
            continue  # refused: the page offers no code (tests/test_playground.py)
        code, _ = framework_code(k, s, pads, d, ceil, cip, mode)
        if code is None:
            continue
        scope = {"F": F, "x": x[None, None].view(Tensor)}
        exec(code, scope)
        np.testing.assert_allclose(np.asarray(scope["y"])[0, 0], ours, err_msg=code)
        checked.add((mode, cip if mode == "avg" else None, ceil))
    assert {("max", None, False), ("avg", True, False), ("max", None, True), ("avg", True, True)} <= checked


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_the_stand_in_agrees_with_plain_padding_where_pytorch_pads_itself(mode):
    x = np.arange(25.0).reshape(5, 5)
    direct = pool2d(x, 3, 2, 1, mode=mode).output
    scope = {"F": F, "x": x[None, None].view(Tensor)}
    exec(framework_code((3, 3), (2, 2), (1, 1, 1, 1), (1, 1), False, True, mode)[0], scope)
    np.testing.assert_allclose(np.asarray(scope["y"])[0, 0], direct)
