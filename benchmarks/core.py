"""Time pooling_core against PyTorch on the CPU and print a table.

    python -m benchmarks.core            # full sizes (about a minute)
    python -m benchmarks.core --quick    # small sizes, a smoke run

PyTorch is optional: without it only pooling_core's times are printed.
Targets (issue 2): forward no slower than PyTorch, forward+backward no more
than 1.5x PyTorch. Numbers are medians over repeats, in milliseconds.
The last row is lesson 7's picture pyramid (issue 8): a 1024x1024 RGB picture
pooled 2x2/2 through 4 levels by max and by average, target < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import numpy as np

from pooling_core import pool2d

CASES = [
    # name, shape, kernel, stride, padding, mode
    ("max 2x2/2", (8, 64, 112, 112), 2, 2, 0, "max"),
    ("max 3x3/2 pad 1", (8, 64, 112, 112), 3, 2, 1, "max"),
    ("avg 2x2/2", (8, 64, 56, 56), 2, 2, 0, "avg"),
    ("avg 3x3/1 pad 1", (32, 16, 32, 32), 3, 1, 1, "avg"),
]


def median_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def ours(x, k, s, p, mode, g):
    fwd = lambda: pool2d(x, k, s, p, mode=mode).output  # noqa: E731
    both = lambda: pool2d(x, k, s, p, mode=mode).backward(g)  # noqa: E731
    return fwd, both


def theirs(torch, x, k, s, p, mode, g):
    import torch.nn.functional as F

    op = (lambda t: F.max_pool2d(t, k, s, p)) if mode == "max" else (lambda t: F.avg_pool2d(t, k, s, p))
    xt = torch.from_numpy(x)
    gt = torch.from_numpy(g)

    def fwd():
        with torch.no_grad():
            return op(xt)

    def both():
        leaf = xt.detach().requires_grad_()
        op(leaf).backward(gt)
        return leaf.grad

    return fwd, both


PYRAMID_TARGET_MS = 100.0


def pyramid_ms(repeats: int) -> float:
    """Lesson 7's work: (3, 1024, 1024) float32 through 4 levels of 2x2/2, max and average."""
    x = np.random.default_rng(1).integers(0, 256, (3, 1024, 1024)).astype(np.float32)

    def run():
        for mode in ("max", "avg"):
            y = x
            for _ in range(4):
                y = pool2d(y, 2, 2, mode=mode).output

    return median_ms(run, repeats)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small shapes, few repeats")
    parser.add_argument("--repeats", type=int, default=None)
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 15)
    try:
        import torch
    except ImportError:
        torch = None
    rng = np.random.default_rng(0)
    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"torch {torch.__version__ + f' ({torch.get_num_threads()} threads)' if torch else 'not installed'}, "
          f"{os.cpu_count()} cores, float32, median of {repeats}")
    head = f"{'case':<18} {'shape':<18} {'fwd ms':>8} {'torch':>8} {'ratio':>6}   {'fwd+bwd':>8} {'torch':>8} {'ratio':>6}"
    print(head)
    print("-" * len(head))
    arrays = []
    for name, shape, k, s, p, mode in CASES:
        if args.quick:
            shape = (1, 4) + shape[2:]
        x = rng.standard_normal(shape, dtype=np.float32)
        out_shape = pool2d(x[:1, :1], k, s, p, mode=mode).output.shape[-2:]
        g = rng.standard_normal(shape[:2] + out_shape, dtype=np.float32)
        arrays.append((x, g))
    # All of pooling_core first, then all of PyTorch: PyTorch's OpenMP threads
    # keep spinning for a while after each call and would take a core from
    # whatever runs next.
    rows = []
    for (name, shape, k, s, p, mode), (x, g) in zip(CASES, arrays):
        f, fb = ours(x, k, s, p, mode, g)
        rows.append([median_ms(f, repeats), None, None, median_ms(fb, repeats), None, None])
    if torch is not None:
        for (name, shape, k, s, p, mode), (x, g), row in zip(CASES, arrays, rows):
            tf, tfb = theirs(torch, x, k, s, p, mode, g)
            row[1], row[4] = median_ms(tf, repeats), median_ms(tfb, repeats)
            row[2], row[5] = row[0] / row[1], row[3] / row[4]
    for (name, shape, k, s, p, mode), (x, g), row in zip(CASES, arrays, rows):
        cells = [f"{v:8.2f}" if v is not None else f"{'-':>8}" for v in row]
        cells[2] = f"{row[2]:6.2f}" if row[2] is not None else f"{'-':>6}"
        cells[5] = f"{row[5]:6.2f}" if row[5] is not None else f"{'-':>6}"
        shape_s = "x".join(map(str, x.shape))
        print(f"{name:<18} {shape_s:<18} {cells[0]} {cells[1]} {cells[2]}   {cells[3]} {cells[4]} {cells[5]}")
    if torch is not None:
        print("ratio = pooling_core / torch (below 1: pooling_core faster). "
              "Targets: fwd <= 1.0, fwd+bwd <= 1.5")
    ms = pyramid_ms(repeats)
    verdict = "ok" if ms < PYRAMID_TARGET_MS else "MISSED"
    print(f"{'picture pyramid':<18} {'3x1024x1024':<18} {ms:8.2f}   4 levels x (max + avg); "
          f"target < {PYRAMID_TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
