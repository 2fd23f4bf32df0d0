"""Layouts that hold, in a real browser, on every page in both languages, at
a 1280x720 projector, at 150 % browser zoom (Chrome lays a 1280x720 window
zoomed to 150 % out as an 853x480 CSS-px viewport) and on a 390x844 phone:
chart titles, panel titles and annotations do not run into each other or out
of their chart, no button or label is cut, and a 16x16 grid's cell texts do
not touch. The drawing pads are opened and measured too (inside their
column at every size); on a phone chart and panel titles stay readable and
the backward page shows its first figures before its settings. One server
and one browser for the module; the sizes are visited by resizing one loaded
page.
"""

from __future__ import annotations

import pytest

from lessons.registry import PAGES

from . import page_url, wait_for_app
from .layout_checks import (
    CELL_TEXT_COUNT,
    CELL_TEXT_OVERLAPS,
    CHART_TEXT_OVERLAPS,
    CHARTS_INSIDE,
    CHARTS_SETTLED,
    OPEN_PADS,
    SMALL_TITLES,
    TRUNCATED_TEXT,
)

pytestmark = pytest.mark.browser

SIZES = {"1280x720": (1280, 720), "zoom150": (853, 480), "phone": (390, 844)}
LANGS = ("en", "zh")
MIN_TITLE_PX = 11  # on a phone, no chart or panel title is shrunk below this

# On a phone the backward page's first figure comes before its block of settings (~900 px tall).
FIGURE_BEFORE_SETTINGS = """() => document.querySelector('.st-key-bw_fig_input').getBoundingClientRect().top <
  document.querySelector('[class*="st-key-present_controls_bw"]').getBoundingClientRect().top"""


@pytest.fixture(scope="module")
def server(app_server):
    """The session's app server and Chromium (conftest's ``app_server``, ``browser``)."""
    return app_server


def measure(page, size) -> list[str]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    page.wait_for_timeout(150)
    wait_for_app(page)
    try:
        page.wait_for_function(CHARTS_SETTLED, timeout=10_000)  # plotly relaid out; titles fitted
    except PlaywrightTimeout:
        pass  # a chart that does not follow its box: CHARTS_INSIDE names it
    problems = page.evaluate(CHART_TEXT_OVERLAPS) + page.evaluate(TRUNCATED_TEXT) + page.evaluate(CHARTS_INSIDE)
    if size == "phone":
        problems += page.evaluate(SMALL_TITLES, MIN_TITLE_PX)
        if page.locator(".st-key-bw_fig_input").count() and not page.evaluate(FIGURE_BEFORE_SETTINGS):
            problems.append("the settings come before the first figure")
    return [f"[{size}] {p}" for p in problems]


@pytest.mark.parametrize("lang", LANGS)
def test_titles_do_not_overlap_and_nothing_is_cut(server, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems = []
    try:
        for lesson in PAGES:
            page.goto(page_url(server.url, lesson.url_path, "" if lang == "en" else f"lang={lang}"))
            wait_for_app(page)
            page.evaluate(OPEN_PADS)  # measure the drawing pads too
            for size in SIZES:
                problems += [f"{lesson.url_path or 'intro'} {lang} {p}" for p in measure(page, size)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_sixteen_by_sixteen_grid_cells_do_not_touch(server, browser):
    """The playground's input at the 16x16 cap with decimals and an outlier
    (random values, 1 px of padding, so 18x18 cells with the padding labels)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        for lang in LANGS:
            query = ("pg_mode=avg&pg_cip=true&pg_preset=ramp&pg_h=16&pg_w=16&pg_kh=3&pg_kw=3&pg_sh=1&pg_sw=1"
                     "&pg_pt=1&pg_pb=1&pg_pl=1&pg_pr=1")
            page.goto(page_url(server.url, "playground", query + ("&lang=zh" if lang == "zh" else "")))
            wait_for_app(page)
            page.wait_for_timeout(300)
            assert page.evaluate(CELL_TEXT_COUNT) >= 18 * 18
            assert page.evaluate(CELL_TEXT_OVERLAPS) == []
    finally:
        context.close()
