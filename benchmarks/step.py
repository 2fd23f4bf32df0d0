"""Time what one step of Play costs the server, and print a table.

    python -m benchmarks.step            # median of 9
    python -m benchmarks.step --quick    # one run each, a smoke run

While a reader plays a lesson, the server reruns the page's step fragment
(lessons/ui_step.py) once per step: it draws the figure of the new step and
Streamlit checks and serialises it (``plotly.tools.return_figure_from_figure_or_data``
and ``to_json``, both timed here as "send"). Streamlit's own per-run overhead
(a few ms) comes on top; issue 11 measures a whole class. At the normal speed
a step lasts 1.2 s, so a step's time divided by 1200 ms is the share of one
core a playing reader takes. Times are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import platform

import plotly.io as pio
import plotly.tools

from benchmarks.core import median_ms
from lessons import kmax as km
from lessons import playground as pg
from lessons import walkthrough as wt
from lessons.figures import kmax as kfig
from lessons.figures import playground as pgfig
from lessons.figures.walkthrough import walkthrough_figure
from lessons.ui_step import SPEEDS


def _send(fig) -> None:
    """What st.plotly_chart does with the figure before it leaves the server."""
    pio.to_json(plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True), validate=False)


def cases():
    yield "walkthrough (4 windows)", lambda: walkthrough_figure(wt.compute(wt.Settings(step=3)), titles=["t"] * 4)
    view = km.compute(km.Settings())
    yield "K-max walk (4 columns)", lambda: kfig.kmax_walk_figure(km.FIGURE2, view.columns, column=2)
    for side in (6, 16):
        out = pg.compute(pg.Settings(h=side, w=side, kernel=(2, 2), stride=(1, 1)))
        base = pgfig.playground_figure(out.result, out.x).to_plotly_json()
        yield f"playground {side}x{side}, shapes moved", lambda o=out, b=base: pgfig.at_step(b, o.result, 4)
        yield f"playground {side}x{side}, rebuilt", lambda o=out: pgfig.playground_figure(o.result, o.x, step=4)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    repeats = 1 if ap.parse_args(argv).quick else 9
    print(f"Python {platform.python_version()}, {platform.machine()}; median of {repeats} (ms)")
    print(f"{'one step of Play':<34} {'draw':>8} {'send':>8} {'total':>8} {'% core':>7}")
    for name, draw in cases():
        fig = draw()
        t_draw, t_send = median_ms(draw, repeats), median_ms(lambda f=fig: _send(f), repeats)
        share = 100 * (t_draw + t_send) / (1000 * SPEEDS["normal"])
        print(f"{name:<34} {t_draw:8.1f} {t_send:8.1f} {t_draw + t_send:8.1f} {share:6.1f}%")


if __name__ == "__main__":
    main()
