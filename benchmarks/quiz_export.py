"""Time the check-yourself questions and the exports, and print a table.

    python -m benchmarks.quiz_export            # median of 5
    python -m benchmarks.quiz_export --quick    # one run each, a smoke run

Targets (issue 9): a question, and checking an answer, in well under 50 ms
(they run on every rerun of a page). The files may take from a few ms (CSV,
JSON) to seconds (a 120-frame GIF), so pages build them only when the
download button is pressed (``data=`` a callable), never on a rerun. Times
are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import platform

import numpy as np

from benchmarks.core import median_ms
from lessons import quiz
from lessons.export import figure_html, trace_csv, trace_gif, trace_json
from lessons.figures.grid import grid_figure
from pooling_core import pool2d

FIGURE1 = np.arange(1, 17, dtype=float).reshape(4, 4)
LARGE = np.random.default_rng(0).integers(0, 10, (16, 16)).astype(float)

CASES = [
    # name, input, kernel, stride, padding, mode
    ("figure 1, avg 2x2/2", FIGURE1, 2, 2, 0, "avg"),
    ("16x16, max 3x3/1 pad 1 (256 windows)", LARGE, 3, 1, 1, "max"),
    ("16x16, avg 9x9/1 pad 8 (576 windows)", LARGE, 9, 1, 8, "avg"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat per step")
    repeats = 1 if parser.parse_args().quick else 5
    print(f"python {platform.python_version()}, numpy {np.__version__}, median of {repeats}, ms\n")
    steps = ["forward q", "backward q", "check", "CSV", "JSON", "GIF", "HTML"]
    print(f"{'case':40}" + "".join(f"{s:>11}" for s in steps))
    for name, x, k, s, p, mode in CASES:
        res = pool2d(x, k, s, p, mode=mode)
        g = np.ones(res.output.shape)
        q = quiz.forward_question(res, 7)
        fig = grid_figure(x)
        times = [
            median_ms(lambda: quiz.forward_question(pool2d(x, k, s, p, mode=mode), 7), repeats),
            median_ms(lambda: quiz.backward_question(pool2d(x, k, s, p, mode=mode), g, 7), repeats),
            median_ms(lambda: q.check("３，５"), repeats),
            median_ms(lambda: trace_csv(pool2d(x, k, s, p, mode=mode)), repeats),
            median_ms(lambda: trace_json(pool2d(x, k, s, p, mode=mode)), repeats),
            median_ms(lambda: trace_gif(pool2d(x, k, s, p, mode=mode)), max(1, repeats // 2)),
            median_ms(lambda: figure_html(fig), max(1, repeats // 2)),
        ]
        print(f"{name:40}" + "".join(f"{t:11.1f}" for t in times))
    gif = trace_gif(pool2d(LARGE, 3, 1, 1))
    print(f"\nGIF of the 256-window case: {gif.frames} frames of {gif.windows} windows, "
          f"{len(gif.data) / 1e3:.0f} kB; HTML file: {len(figure_html(grid_figure(FIGURE1))) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
