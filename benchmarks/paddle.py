"""Time pooling_core's ``convention="paddle"`` against its PyTorch rules and the real PaddlePaddle.

    python -m benchmarks.paddle            # full sizes
    python -m benchmarks.paddle --quick    # small sizes, a smoke run

PaddlePaddle is optional (requirements-oracles.txt). Medians in milliseconds, float32, forward
and forward+backward; the PyTorch convention takes its stride-1 shortcut, Paddle's rules do not.
"""

from __future__ import annotations

import argparse
import warnings

import numpy as np

from pooling_core import pool2d

from .core import CASES, median_ms


def ours(x, k, s, p, mode, g, convention):
    def fwd():
        return pool2d(x, k, s, p, mode=mode, convention=convention).output

    def both():
        return pool2d(x, k, s, p, mode=mode, convention=convention).backward(g)
    return fwd, both


def real_paddle(paddle, x, k, s, p, mode, g):
    F = paddle.nn.functional
    op = (lambda t: F.max_pool2d(t, k, s, p)) if mode == "max" else (lambda t: F.avg_pool2d(t, k, s, p))
    xt, gt = paddle.to_tensor(x), paddle.to_tensor(g)

    def fwd():
        with paddle.no_grad():
            return op(xt)

    def both():
        leaf = xt.detach()
        leaf.stop_gradient = False
        op(leaf).backward(gt)
        return leaf.grad
    return fwd, both


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small shapes, few repeats")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else 9
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import paddle
        paddle.set_device("cpu")
    except ImportError:
        paddle = None
    print(f"numpy {np.__version__}, paddle {paddle.__version__ if paddle else 'not installed'}, float32, "
          f"median of {repeats}")
    head = (f"{'case':<18} {'shape':<16} {'pytorch rules':>13} {'paddle rules':>12} {'real paddle':>11}"
            f"   {'fwd+bwd: pytorch rules':>22} {'paddle rules':>12} {'real paddle':>11}")
    print(head)
    print("-" * len(head))
    rng = np.random.default_rng(0)
    for name, shape, k, s, p, mode in CASES:
        if args.quick:
            shape = (1, 4) + shape[2:]
        x = rng.standard_normal(shape, dtype=np.float32)
        out = pool2d(x, k, s, p, mode=mode, convention="paddle").output
        g = rng.standard_normal(out.shape, dtype=np.float32)
        cells = []
        runs = [ours(x, k, s, p, mode, g, c) for c in ("pytorch", "paddle")]
        if paddle is not None:
            runs.append(real_paddle(paddle, x, k, s, p, mode, g))
        fwd = [median_ms(f, repeats) for f, _ in runs] + [None] * (3 - len(runs))
        both = [median_ms(b, repeats) for _, b in runs] + [None] * (3 - len(runs))
        for v, width in zip(fwd, (13, 12, 11)):
            cells.append(f"{v:{width}.2f}" if v is not None else f"{'-':>{width}}")
        cells.append("  ")
        for v, width in zip(both, (22, 12, 11)):
            cells.append(f"{v:{width}.2f}" if v is not None else f"{'-':>{width}}")
        print(f"{name:<18} {'x'.join(map(str, shape)):<16} " + " ".join(cells))


if __name__ == "__main__":
    main()
