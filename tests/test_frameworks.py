"""The playground's settings in PyTorch and PaddlePaddle (lessons/frameworks.py)."""

import doctest

import numpy as np
import pytest

from lessons import frameworks
from lessons.frameworks import framework_code, torch_differences
from pooling_core import pool2d


def test_docstring_examples():
    assert doctest.testmod(frameworks).failed == 0


def test_torch_differences():
    assert torch_differences((2, 2), (0, 0, 0, 0), (1, 1), "max") == []
    assert torch_differences((2, 2), (0, 1, 0, 1), (1, 1), "max") == [("asymmetric", {})]
    assert torch_differences((3, 2), (2, 2, 1, 1), (1, 1), "max") == [
        ("half", {"kh": 3, "kw": 2, "limit_h": 1, "limit_w": 1})]
    assert torch_differences((2, 2), (0, 0, 0, 0), (1, 2), "avg") == [("avg_dilation", {})]
    assert torch_differences((2, 2), (0, 0, 0, 0), (1, 2), "max") == []


def test_framework_code():
    torch_code, paddle_code = framework_code((2, 3), (2, 1), (1, 1, 0, 0), (1, 1), True, False, "avg")
    assert torch_code == ("y = F.avg_pool2d(\n    x, kernel_size=(2, 3), stride=(2, 1),\n"
                          "    padding=(1, 0), ceil_mode=True,\n    count_include_pad=False)")
    assert paddle_code == ("y = F.avg_pool2d(\n    x, kernel_size=[2, 3], stride=[2, 1],\n"
                           "    padding=[1, 1, 0, 0],\n    ceil_mode=True, exclusive=True)")
    torch_code, paddle_code = framework_code((2, 2), (2, 2), (0, 0, 0, 0), (1, 1), False, True, "max")
    assert torch_code == ("y = F.max_pool2d(\n    x, kernel_size=(2, 2), stride=(2, 2),\n"
                          "    padding=(0, 0), dilation=(1, 1),\n    ceil_mode=False)")
    assert paddle_code.endswith("padding=[0, 0, 0, 0],\n    ceil_mode=False)")
    torch_code, paddle_code = framework_code((3, 3), (1, 1), (0, 1, 0, 1), (2, 2), False, True, "max")
    assert torch_code.startswith('x = F.pad(x, (0, 1, 0, 1), value=float("-inf"))\n') and paddle_code is None
    # an uneven average that does not count padding has no PyTorch spelling
    assert framework_code((2, 2), (1, 1), (0, 1, 0, 1), (1, 1), False, False, "avg")[0] is None
    torch_code, paddle_code = framework_code((3, 3), (1, 1), (0, 1, 0, 1), (2, 2), False, True, "avg")
    assert torch_code is None and paddle_code is None


def test_fpad_code_crops_in_ceil_mode():
    code, _ = framework_code((1, 2), (1, 2), (0, 0, 0, 2), (1, 1), True, True, "max")
    assert code.splitlines()[-1] == "y = y[..., :(h - 1) // 1 + 1, :(w - 1) // 2 + 1]"
    assert "y = y[" not in framework_code((1, 2), (1, 2), (0, 0, 0, 2), (1, 1), False, True, "max")[0]


def test_torch_code_computes_what_the_page_shows():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    checked = 0
    for _ in range(60):
        h, w = (int(v) for v in rng.integers(2, 9, size=2))
        k = tuple(int(v) for v in rng.integers(1, 4, size=2))
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        ph, pw = (int(rng.integers(0, kk // 2 + 1)) for kk in k)
        d = (1, 1) if rng.integers(2) else tuple(int(v) for v in rng.integers(1, 3, size=2))
        mode = "max" if rng.integers(2) else "avg"
        ceil, cip = bool(rng.integers(2)), bool(rng.integers(2))
        x = rng.integers(0, 10, size=(h, w)).astype(float)
        try:
            ours = pool2d(x, k, s, (ph, ph, pw, pw), mode=mode, dilation=d, ceil_mode=ceil,
                          count_include_pad=cip).output
        except ValueError:
            continue
        code, _ = framework_code(k, s, (ph, ph, pw, pw), d, ceil, cip, mode)
        if code is None:
            continue
        scope = {"F": torch.nn.functional, "x": torch.tensor(x)[None, None]}
        exec(code, scope)
        np.testing.assert_allclose(scope["y"][0, 0].numpy(), ours)
        checked += 1
    assert checked > 20


def test_every_difference_has_a_message_in_both_languages():
    from lessons.i18n import TEXT

    for key in ("pg.torch.asymmetric", "pg.torch.half", "pg.torch.avg_dilation", "pg.paddle.dilation"):
        assert TEXT[key]["en"] and TEXT[key]["zh"], key
