"""Every lesson in a real browser: it opens in both languages without an
error and draws its charts; a shared URL
restores its settings, also as the first request to a fresh server; moving a
slider reruns the page and updates the URL; the language switch keeps the
settings and follows the student to the next page.

Screenshots of every page in both languages go to ``artifacts/``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from lessons.i18n import LANGS as LANGUAGE_OPTIONS
from lessons.i18n import t
from lessons.registry import PAGES

from . import (
    CHARTS_DRAWN,
    ERROR_ALERT,
    EXCEPTION,
    MARKS,
    AppServer,
    new_page,
    page_url,
    runs,
    screenshot,
    wait_for_app,
    wait_for_rerun,
)

pytestmark = pytest.mark.browser

LANGS = ("en", "zh")
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def slug(lesson) -> str:
    return lesson.url_path or "intro"


def lesson_by_path(url_path: str):
    return next(p for p in PAGES if p.url_path == url_path)


def lang_query(lang: str) -> str:
    return "" if lang == "en" else f"lang={lang}"


def open_lesson(page, server, url: str) -> None:
    """Open ``url`` and wait for the run to finish and the charts to be drawn;
    on a timeout, fail with what the page and the server log show."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(url)
    try:
        wait_for_app(page)
    except PlaywrightTimeout as exc:
        raise AssertionError(f"{url} did not finish loading: {exc}\n{diagnostics(page, server)}") from None


def diagnostics(page, server) -> str:
    main = page.locator("[data-testid=stMain]")
    text = main.inner_text() if main.count() else page.inner_text("body")
    state = page.evaluate(
        "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state')")
    return (f"script state: {state}; exceptions: {page.locator(EXCEPTION).count()}; "
            f"errors: {page.locator(ERROR_ALERT).count()}\n--- page text (end) ---\n{text[-1500:]}"
            f"\n--- server log (end) ---\n{server.log_tail(3000)}")


def assert_no_errors(page, server) -> None:
    exceptions = page.locator(EXCEPTION).count()
    errors = page.locator(ERROR_ALERT).all_inner_texts()
    assert exceptions == 0 and not errors, (
        f"{page.url}: {exceptions} exception box(es), error messages {errors}\n{diagnostics(page, server)}")


def drawn_charts(page) -> list[dict]:
    """What each Plotly chart on the page holds once drawn."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].map(c => {
        const p = c.querySelector('.js-plotly-plot');
        return {visible: c.offsetParent !== null,
                svg: !!(p && p.querySelector('svg.main-svg')),
                drawn: !!(p && p.querySelector(MARKS)),
                traces: p && p._fullData ? p._fullData.length : 0};
    })""".replace("MARKS", repr(MARKS)))


def widget_value(page, key: str) -> str:
    """The value a keyed widget shows: a slider's thumb label, else its input."""
    box = page.locator(f".st-key-{key}")
    assert box.count() == 1, f"no widget with key {key!r} on {page.url}"
    thumb = box.locator("[data-testid=stSliderThumbValue]")
    if thumb.count():
        return thumb.first.inner_text().strip()
    return box.locator("input").first.input_value().strip()


def nav_texts(page) -> list[str]:
    """The sidebar navigation's page titles, in order (without the icons)."""
    links = page.locator("[data-testid=stSidebarNav] a[data-testid=stSidebarNavLink]")
    return [s.split("\n")[-1].strip() for s in links.all_inner_texts()]


def current_title(page) -> str:
    current = page.locator("[data-testid=stSidebarNav] a[aria-current=page]")
    assert current.count() == 1, f"{current.count()} current pages in the navigation"
    return current.inner_text().split("\n")[-1].strip()


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


# The main area's text without code, formulas and charts.
PROSE = """() => {
    const main = document.querySelector('[data-testid=stMain]').cloneNode(true);
    main.querySelectorAll('code, pre, .katex, .stPlotlyChart, [data-testid=stPlotlyChart]').forEach(e => e.remove());
    return main.textContent;
}"""


# (a) every page, both languages ---------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson", PAGES, ids=slug)
def test_page_opens_and_draws(page, app_server, lesson, lang):
    open_lesson(page, app_server, page_url(app_server.url, lesson.url_path, lang_query(lang)))
    shot = screenshot(page, f"{slug(lesson)}_{lang}")
    print(f"screenshot: {shot}")

    assert_no_errors(page, app_server)

    charts = drawn_charts(page)
    visible = [c for c in charts if c["visible"]]
    assert visible, f"{page.url} shows no Plotly chart"
    assert all(c["svg"] and c["drawn"] and c["traces"] > 0 for c in visible), charts

    # The navigation is in the chosen language, in the registry's order, and
    # marks this page as the current one.
    assert nav_texts(page) == [t(p.title_key, lang) for p in PAGES]
    assert current_title(page) == t(lesson.title_key, lang)
    href = page.locator("[data-testid=stSidebarNav] a[aria-current=page]").get_attribute("href")
    assert urlsplit(href).path == "/" + lesson.url_path

    # Markdown rendered everywhere: no literal ** left over (CommonMark does not
    # close ** between a punctuation mark and a CJK character, e.g. "：**教").
    prose = page.evaluate(PROSE)
    stray = [m.group(0) for m in re.finditer(r".{0,20}\*\*.{0,20}", prose)]
    assert not stray, f"unrendered markdown on {page.url}: {stray}"

    # The lesson itself speaks the chosen language.
    text = page.inner_text("[data-testid=stMain]")
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    if lang == "zh":
        assert cjk >= 20, f"only {cjk} Chinese characters on {page.url}:\n{text[:800]}"
    else:
        assert cjk <= 0.1 * latin, f"{cjk} Chinese vs {latin} Latin letters on {page.url}:\n{text[:800]}"
    assert t("app.sidebar_note", lang) in page.inner_text("[data-testid=stSidebar]")


# (b) the walkthrough's Play, Back/Next and keys: tests/browser/test_step.py


# (c) a shared URL restores its settings ------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_shared_url_restores_playground(page, app_server, lang):
    lesson = lesson_by_path("playground")
    q = "&".join(filter(None, [lang_query(lang), "pg_kh=3&pg_sh=1"]))
    open_lesson(page, app_server, page_url(app_server.url, lesson.url_path, q))
    assert_no_errors(page, app_server)
    assert widget_value(page, "pg_kh") == "3"
    assert widget_value(page, "pg_sh") == "1"
    # The settings stay in the address (an invalid value would be dropped).
    params = query(page)
    assert params.get("pg_kh") == "3" and params.get("pg_sh") == "1", page.url
    assert current_title(page) == t(lesson.title_key, lang)
    assert nav_texts(page) == [t(p.title_key, lang) for p in PAGES]
    if lang == "zh":
        text = page.inner_text("[data-testid=stMain]")
        assert len(CJK.findall(text)) >= 20, text[:800]


# (d) moving a slider reruns and updates the URL ----------------------------------------

CHART_DATA = """() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]
    .map(p => p.data.map(d => [d.z, d.x, d.y, d.text])))"""


def test_slider_keyboard_updates_url(page, app_server):
    lesson = lesson_by_path("playground")
    open_lesson(page, app_server, page_url(app_server.url, lesson.url_path))
    key = "pg_h"
    slider = page.locator(f".st-key-{key} input[type=range]")
    assert slider.count() == 1, f"no slider with key {key!r}"
    value = int(widget_value(page, key))
    at_max = value >= int(slider.get_attribute("max"))
    expected = value - 1 if at_max else value + 1
    assert key not in query(page), "a default value should not be in the URL"
    data_before = page.evaluate(CHART_DATA)
    runs_before = runs(page)

    slider.focus()
    page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
    page.wait_for_function(f"new URLSearchParams(location.search).get({key!r}) === '{expected}'", timeout=10_000)
    wait_for_rerun(page, runs_before)

    assert widget_value(page, key) == str(expected)
    assert query(page)[key] == str(expected)
    assert page.evaluate(CHART_DATA) != data_before, "the charts did not change after the rerun"
    assert_no_errors(page, app_server)
    page.wait_for_function(CHARTS_DRAWN)


# A shared link is often the first request after the server starts ------------------------

def test_deep_link_on_fresh_server(browser):
    """Opening a lesson's URL before anyone opened the home page must still go
    through app.py (navigation, language switch), not run the page file alone."""
    lesson = lesson_by_path("playground")
    with AppServer() as server:
        page = new_page(browser)
        try:
            open_lesson(page, server, page_url(server.url, lesson.url_path, "lang=zh&pg_kh=3"))
            texts = nav_texts(page)
            assert texts == [t(p.title_key, "zh") for p in PAGES], (
                f"a cold server ran {lesson.path} without app.py: navigation shows {texts}")
            assert widget_value(page, "pg_kh") == "3"
            assert_no_errors(page, server)
        finally:
            page.context.close()


# The language switch keeps the lesson's settings and follows the student ---------------

def test_language_switch_keeps_settings_and_pages(page, app_server):
    playground, kmax = lesson_by_path("playground"), lesson_by_path("kmax")
    open_lesson(page, app_server, page_url(app_server.url, playground.url_path, "pg_kh=3"))
    assert nav_texts(page) == [t(p.title_key, "en") for p in PAGES]

    before = runs(page)
    # The sidebar's language radio (key "lang"), its options in LANGUAGE_OPTIONS' order.
    options = page.locator(".st-key-lang [data-testid=stRadioOption]")
    assert options.count() == len(LANGUAGE_OPTIONS)
    options.nth(list(LANGUAGE_OPTIONS).index("zh")).click()
    page.wait_for_function("new URLSearchParams(location.search).get('lang') === 'zh'", timeout=10_000)
    wait_for_rerun(page, before)
    assert nav_texts(page) == [t(p.title_key, "zh") for p in PAGES]
    assert widget_value(page, "pg_kh") == "3"
    assert query(page).get("pg_kh") == "3", page.url

    before = runs(page)
    page.evaluate("window.__samePage = true")  # gone if the click loads the page anew
    page.locator(f"[data-testid=stSidebarNav] a[href$='/{kmax.url_path}']").click()
    page.wait_for_function(f"location.pathname === '/{kmax.url_path}'", timeout=10_000)
    # The new page's run (slow on a loaded machine: a whole suite on two cores). A full load
    # instead of Streamlit's own page switch would start the run counter from 0 again.
    page.wait_for_function(f"!window.__samePage || (window.__stRuns || 0) > {before}", timeout=60_000)
    assert page.evaluate("window.__samePage === true"), "the lesson link reloaded the whole page"
    wait_for_app(page, timeout=60_000)
    page.wait_for_function("new URLSearchParams(location.search).get('lang') === 'zh'", timeout=10_000)
    assert nav_texts(page) == [t(p.title_key, "zh") for p in PAGES]
    assert current_title(page) == t(kmax.title_key, "zh")
    assert len(CJK.findall(page.inner_text("[data-testid=stMain]"))) >= 20
    assert_no_errors(page, app_server)
