"""The exported HTML figure opens in Chromium with the network blocked and
draws its chart: plotly.js is inside the file, nothing is fetched.

No app server is needed: the file is opened from disk (file://), and every
request that is not file:// is aborted and recorded.
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.export import export_name, figure_html
from lessons.figures.grid import grid_figure, window_shape
from pooling_core import pool2d

from . import ARTIFACTS, MARKS, offline_context

pytestmark = pytest.mark.browser

DRAWN = """
() => {
  const plot = document.querySelector('.js-plotly-plot');
  return !!(window.Plotly && plot && plot._fullLayout && plot.querySelector('svg.main-svg')
            && plot.querySelector(MARKS));
}
""".replace("MARKS", repr(MARKS))


def _figure():
    res = pool2d(np.arange(1, 17, dtype=float).reshape(4, 4), 2, mode="avg")
    rec = res.trace.window(0, 0)
    fig = grid_figure(res.input, title="Input 输入")
    fig.add_shape(window_shape(rec.row_start, rec.row_stop, rec.col_start, rec.col_stop, "#CC79A7"))
    return res, fig


@pytest.mark.parametrize("lang_title", ["en", "zh"])
def test_exported_html_draws_offline(browser, tmp_path, lang_title):
    res, fig = _figure()
    if lang_title == "zh":
        fig.update_layout(title_text="输入：平均池化")
    path = tmp_path / export_name(res, "html")
    path.write_bytes(figure_html(fig))

    context, blocked = offline_context(browser, {"width": 900, "height": 700})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(path.as_uri())
        page.wait_for_function(DRAWN, timeout=30_000)
        # the 16 cells are written in the heatmap, and the window is drawn
        texts = page.eval_on_selector_all(".js-plotly-plot text", "els => els.map(e => e.textContent)")
        assert {str(v) for v in range(1, 17)} <= set(texts)
        assert page.locator(".js-plotly-plot .shapelayer path").count() >= 1
        title = "Input 输入" if lang_title == "en" else "输入：平均池化"
        assert title in texts
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"export_offline_{lang_title}.png"))
    finally:
        context.close()
    assert blocked == [] and errors == []
