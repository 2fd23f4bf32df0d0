"""Presenting mode (?present=1) in a real browser, every page, both languages,
at a 1280x720 projector: no sidebar and no toolbar, the lessons along the top,
the language switch and the way out on screen, charts drawn, larger chart
text that still does not overlap, and the figure and the controls that change
it on screen together. Entering from the
sidebar's button and leaving again, with the mode kept across pages and a
language switch. One server and one browser for the module.
"""

from __future__ import annotations

import pytest

from lessons.i18n import t
from lessons.registry import PAGES

from . import page_url, runs, wait_for_app, wait_for_rerun
from .layout_checks import CHART_TEXT_OVERLAPS, CHARTS_SETTLED, TRUNCATED_TEXT

pytestmark = pytest.mark.browser

LANGS = ("en", "zh")
VIEWPORT = {"width": 1280, "height": 720}

# Per page: the key of its main chart and of the widgets that change it
# (Streamlit gives each keyed element the class st-key-<key>).
FIGURE_AND_CONTROLS = {
    "": ("intro_fig", ()),
    "walkthrough": ("wt_fig", ("wt_step", "wt_next", "wt_avg", "wt_max")),
    "playground": ("pg_figure", ("pg_preset", "pg_h", "pg_kh", "pg_sh", "pg_dh", "pg_pt", "pg_pr", "pg_mode",
                                 "pg_ceil", "pg_cip")),
    "kmax": ("km_walk", ("km_k", "km_keep_order")),
    "invariance": ("inv_out_after", ("inv_pattern", "inv_mode", "inv_dx", "inv_dy", "inv_kernel", "inv_stride")),
    "backward": ("bw_fig_input", ("bw_x", "bw_n", "bw_k", "bw_s", "bw_p", "bw_g")),
    "pictures": ("pic_fig_patch", ("pic_src", "pic_k", "pic_s", "pic_n", "pic_px", "pic_py")),
}

# Scroll the chart's bottom to the window's bottom, then bring each control
# into view (inside its own scrolling box if it has one) and check that the
# chart and that control are both wholly inside the window, below the top bar
# (the lessons, the language switch and the way out).
TOGETHER = """
([chart, controls]) => {
  const bar = document.querySelector('[data-testid=stHeader]').getBoundingClientRect().bottom;
  const inView = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= bar - 1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1; };
  const fig = document.querySelector(`.st-key-${chart}`);
  if (!fig) return [`no chart ${chart}`];
  if (fig.getBoundingClientRect().height > innerHeight) return [`chart ${chart} is taller than the window`];
  const problems = [];
  for (const key of controls) {
    const el = document.querySelector(`.st-key-${key}`);
    if (!el) { problems.push(`no control ${key}`); continue; }
    fig.scrollIntoView({block: 'end'});
    el.scrollIntoView({block: 'nearest'});
    if (!inView(el) || !inView(fig)) {
      const f = fig.getBoundingClientRect(), c = el.getBoundingClientRect();
      problems.push(`${key} (top ${Math.round(c.top)}, bottom ${Math.round(c.bottom)}) and the chart ` +
                    `(top ${Math.round(f.top)}, bottom ${Math.round(f.bottom)}) are not on screen together`);
    }
  }
  return problems;
}
"""

VISIBLE = ("(sel) => [...document.querySelectorAll(sel)]"
           ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0).length")


@pytest.fixture(scope="module")
def server(app_server):
    """The session's app server and Chromium (conftest's ``app_server``, ``browser``)."""
    return app_server


@pytest.fixture()
def page(browser):
    from . import RUN_COUNTER

    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def visible(page, selector: str) -> int:
    return page.evaluate(VISIBLE, selector)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_presents_its_figure_with_its_controls(server, page, lang):
    problems = []
    for lesson in PAGES:
        query = "present=1" + ("&lang=zh" if lang == "zh" else "")
        page.goto(page_url(server.url, lesson.url_path, query))
        wait_for_app(page)
        name = lesson.url_path or "intro"
        if visible(page, "[data-testid=stSidebar]"):
            problems.append(f"{name}: the sidebar shows")
        if visible(page, "[data-testid=stToolbarActions], [data-testid=stMainMenu]"):
            problems.append(f"{name}: the toolbar shows")
        if not visible(page, "[data-testid=stTopNav]") or visible(page, "[data-testid=stTopNavLink]") < 3:
            problems.append(f"{name}: the lessons are not along the top")
        if not visible(page, ".st-key-lang") or not visible(page, ".st-key-present_exit"):
            problems.append(f"{name}: the language switch or the way out is missing")
        page.wait_for_function(CHARTS_SETTLED)
        problems += [f"{name} {lang}: {p}" for p in page.evaluate(CHART_TEXT_OVERLAPS) + page.evaluate(TRUNCATED_TEXT)]
        chart, controls = FIGURE_AND_CONTROLS[lesson.url_path]
        problems += [f"{name} {lang}: {p}" for p in page.evaluate(TOGETHER, [chart, list(controls)])]
    assert not problems, "\n".join(problems)


def test_enter_keep_across_pages_and_languages_then_leave(server, page):
    page.goto(page_url(server.url, "walkthrough"))
    wait_for_app(page)
    assert visible(page, "[data-testid=stSidebar]")
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.locator(".st-key-present_enter button").click()  # opens the address with ?present=1
    page.wait_for_url("**/walkthrough?present=1")
    wait_for_app(page)
    assert not visible(page, "[data-testid=stSidebar]")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > size
    # chart fonts are larger too: the walkthrough's panel titles
    title_px = page.evaluate("parseFloat(document.querySelector('.st-key-wt_fig .annotation-text').style.fontSize)")
    assert title_px > 15
    # to the next lesson along the top: still presenting
    before = runs(page)
    page.locator("[data-testid=stTopNavLink]", has_text=t("nav.playground", "en")).click()
    wait_for_rerun(page, before)
    page.wait_for_function("() => location.pathname.endsWith('/playground') && location.search.includes('present=1')")
    assert not visible(page, "[data-testid=stSidebar]")
    # switch the language in the header: still presenting, now in Chinese
    before = runs(page)
    page.locator(".st-key-lang [data-testid=stRadioOption]").nth(1).click()
    wait_for_rerun(page, before)
    page.wait_for_function("() => location.search.includes('lang=zh') && location.search.includes('present=1')")
    assert t("present.exit", "zh") in page.locator(".st-key-present_exit").inner_text()
    # and out again, still in Chinese
    page.locator(".st-key-present_exit button").click()
    page.wait_for_url("**/playground?lang=zh")
    wait_for_app(page)
    assert visible(page, "[data-testid=stSidebar]")
    assert t("present.enter", "zh") in page.locator(".st-key-present_enter").inner_text()


def test_a_phone_keeps_the_way_out_on_screen(server, browser):
    """On a 390 px phone the bar joins the page and wraps: "Exit presenting" is not cut at the edge."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(page_url(server.url, "walkthrough", "present=1"))
        wait_for_app(page)
        inside = page.evaluate("""() => {
            const b = document.querySelector('.st-key-present_exit button').getBoundingClientRect();
            const bar = document.querySelector('.st-key-present_bar').getBoundingClientRect();
            return [b.left >= bar.left - 1 && b.right <= bar.right + 1 && b.right <= innerWidth, b.right, bar.right];
        }""")
        assert inside[0], f"the way out ends at {inside[1]} px, its bar at {inside[2]} px"
    finally:
        context.close()
