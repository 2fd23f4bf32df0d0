"""Twins against the real frameworks: the playground's code strings, run in PyTorch and PaddlePaddle.

For each framework, random playground settings go through the page's own view model
(:func:`lessons.playground.compute` with that framework picked); every code string it offers is run
with the framework (CPU, float64) and must give the numbers the page shows, to the bit (NaN where
NaN, and the sign of every zero). Settings the page refuses must come with no code. A summary line
prints the counts. Skipped where torch or paddle is not installed (``pip install -r
requirements-oracles.txt``; .ci/run does).
"""

import dataclasses
import math
import warnings

import numpy as np
import pytest

from lessons import playground as pg

N_SETTINGS = 320  # per framework


def random_settings(seed: int, n: int, framework: str) -> list[pg.Settings]:
    """Playground settings as a student reaches them with the sliders, plus edited grids with ties."""
    rng = np.random.default_rng(seed)
    found = []
    for _ in range(n):
        h, w = (int(v) for v in rng.integers(1, 9, 2))
        kernel = tuple(int(v) for v in rng.integers(1, 6, 2))
        stride = tuple(int(v) for v in rng.integers(1, 5, 2))
        dilation = tuple(int(v) for v in rng.integers(1, 3, 2)) if rng.random() < 0.2 else (1, 1)
        if rng.random() < 0.5:  # even padding, within half the window, as PyTorch takes it
            ph, pw = (int(rng.integers(0, k // 2 + 1)) for k in kernel)
            padding = (ph, ph, pw, pw)
        else:
            padding = tuple(int(v) for v in rng.integers(0, 4, 4))
        grid = None
        if rng.random() < 0.3:  # an edited grid full of ties, signed zeros among them
            grid = tuple(tuple(float(v) for v in row) for row in rng.choice([0.0, -0.0, 1.0, -1.0, 2.0], (h, w)))
        found.append(pg.Settings(
            preset=str(rng.choice(["ramp", "random", "checker", "edge"])), seed=int(rng.integers(0, 50)), h=h, w=w,
            kernel=kernel, stride=stride, dilation=dilation, padding=padding,
            mode=str(rng.choice(["max", "avg"])), ceil_mode=bool(rng.integers(2)),
            count_include_pad=bool(rng.integers(2)), grid=grid, framework=framework))
    return found


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
        return False
    real = ~np.isnan(a)
    return bool(np.array_equal(np.signbit(a[real]), np.signbit(b[real])))


def _torch_runner():
    torch = pytest.importorskip("torch")

    def run(code, x):
        scope = {"F": torch.nn.functional, "x": torch.tensor(x, dtype=torch.float64)[None, None]}
        exec(code, scope)
        return scope["y"].numpy()[0, 0]
    return run


def _paddle_runner():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paddle = pytest.importorskip("paddle")
    paddle.set_device("cpu")

    def run(code, x):
        scope = {"F": paddle.nn.functional, "x": paddle.to_tensor(np.asarray(x, dtype=np.float64)[None, None])}
        exec(code, scope)
        return scope["y"].numpy()[0, 0]
    return run


@pytest.mark.parametrize("framework, seed", [("pytorch", 12), ("paddle", 13)])
def test_code_strings_give_the_pages_numbers(framework, seed, capsys):
    run = _torch_runner() if framework == "pytorch" else _paddle_runner()
    counts = {"settings": 0, "code": 0, "F.pad code": 0, "match": 0, "mismatch": 0, "no code": 0, "refused": 0,
              "differ": 0}
    mismatches = []
    for s in random_settings(seed, N_SETTINGS, framework):
        view = pg.compute(s)
        counts["settings"] += 1
        counts["differ"] += view.disagreement is not None
        code = view.torch_code if framework == "pytorch" else view.paddle_code
        if view.result is None:
            counts["refused"] += 1
            assert code is None, f"code offered for settings the page refuses: {s}"
            continue
        if code is None:
            counts["no code"] += 1
            continue
        counts["code"] += 1
        counts["F.pad code"] += "F.pad" in code
        got = run(code, view.x)
        if same_bits(got, view.result.output):
            counts["match"] += 1
        else:
            counts["mismatch"] += 1
            mismatches.append((s, code, got, view.result.output))
    with capsys.disabled():
        print(f"\n[oracle {framework}] " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    assert counts["settings"] >= 300 and counts["code"] >= 150
    assert not mismatches, mismatches[:3]


def test_the_issues_cases_in_paddle():
    """The three cases of issue 12, in the real PaddlePaddle and in the core."""
    run = _paddle_runner()
    base = pg.Settings(h=1, w=3, kernel=(1, 2), stride=(1, 2), grid=((1.0, 2.0, 3.0),), framework="paddle")
    cases = [
        (dataclasses.replace(base, padding=(0, 0, 1, 1), ceil_mode=True), [1.0, 3.0, -3.4028234663852886e38]),
        (dataclasses.replace(base, padding=(0, 0, 1, 1), ceil_mode=True, mode="avg", count_include_pad=False),
         [1.0, 2.5, math.nan]),
        (dataclasses.replace(base, padding=(0, 0, 0, 1), mode="avg"), [1.5, 3.0]),
        (dataclasses.replace(base, w=2, grid=((0.0, -0.0),)), [-0.0]),
    ]
    for s, expected in cases:
        view = pg.compute(s)
        assert same_bits(view.result.output[0], np.array(expected)), s
        assert same_bits(run(view.paddle_code, view.x)[0], np.array(expected)), s
        assert view.disagreement is not None


def test_same_padding_in_paddle(capsys):
    """``padding="SAME"`` (the page's button): the core's Paddle rules against Paddle's own "SAME"."""
    from pooling_core import pool2d

    run = _paddle_runner()
    rng = np.random.default_rng(14)
    checked = 0
    for _ in range(120):
        h, w, kh, kw = (int(v) for v in rng.integers(1, 9, 4))
        sh, sw = (int(v) for v in rng.integers(1, 5, 2))
        mode, ceil, cip = str(rng.choice(["max", "avg"])), bool(rng.integers(2)), bool(rng.integers(2))
        x = rng.standard_normal((h, w))
        ours = pool2d(x, (kh, kw), (sh, sw), "SAME", mode=mode, ceil_mode=ceil, count_include_pad=cip,
                      convention="paddle").output
        extra = "" if mode == "max" else f", exclusive={not cip}"
        theirs = run(f'y = F.{mode}_pool2d(x, [{kh}, {kw}], [{sh}, {sw}], "SAME", ceil_mode={ceil}{extra})', x)
        assert same_bits(theirs, ours), (h, w, kh, kw, sh, sw, mode, ceil, cip)
        checked += 1
    with capsys.disabled():
        print(f"\n[oracle paddle SAME] {checked} settings, {checked} match")
