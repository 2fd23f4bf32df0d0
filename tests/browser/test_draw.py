"""Draw your own input, in Chromium: on the playground, invariance and backward pages, in
both languages, clicking pad cells changes the lesson's figures and the URL, and that URL
opened in a fresh browser context shows the same drawing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from lessons.drawing import decode
from lessons.i18n import t

from . import ERROR_ALERT, EXCEPTION, new_page, page_url, runs, screenshot, wait_for_app, wait_for_rerun

pytestmark = pytest.mark.browser


def _rows(text: str) -> np.ndarray:
    return np.array([row.split() for row in text.split(";")], dtype=float)


# page, URL settings, expander title, the pad's key prefix, the URL key and how to read it, the pad's
# shape, and two (cell, value) paints
CASES = {
    "playground": ("playground", "pg_h=4&pg_w=4", "draw.title_typed", "pg", "pg_draw", decode, (4, 4),
                   [((1, 2), 9), ((3, 0), 0)]),
    "invariance": ("invariance", "", "draw.title", "inv", "inv_draw", decode, (6, 6), [((0, 1), 0), ((2, 2), 9)]),
    "backward": ("backward", "", "draw.title", "bw", "bw_draw", decode, (4, 4), [((0, 0), 9), ((3, 3), 0)]),
    "upstream": ("backward", "bw_g=custom&bw_gtext=1+1%3B+1+1", "draw.title_upstream", "bw_g", "bw_gtext", _rows,
                 (2, 2), [((0, 1), -3), ((1, 0), 3)]),
}

# Every chart's values (heatmap z) but the pad's: what the lesson draws.
LESSON_VALUES = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => ![...c.closest('[class*=st-key-]')?.classList || []].some(k => k.includes('_pad_')))
    .map(c => c.querySelector('.js-plotly-plot'))
    .filter(p => p && p._fullData)
    .map(p => JSON.stringify(p._fullData.filter(d => d.type === 'heatmap').map(d => d.z)))"""



def _pad(prefix: str) -> str:
    return f"[class*=st-key-{prefix}_pad_] .js-plotly-plot"


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def _open(page, url):
    page.goto(url)
    wait_for_app(page, timeout=60_000)


def _expand(page, title, prefix):
    page.locator("[data-testid=stExpander] summary").filter(has_text=title).click()
    page.locator(_pad(prefix)).wait_for()
    page.wait_for_function(f"() => !!document.querySelector('{_pad(prefix)}')?._fullLayout")


def _pad_values(page, prefix) -> np.ndarray:
    z = page.evaluate(f"() => document.querySelector('{_pad(prefix)}')._fullData[0].z")
    return np.array(z, dtype=float)


def _paint(page, prefix, cell, value):
    """Pick ``value`` in the palette, then click ``cell`` of the pad and wait for the rerun.
    (Clicking the picked value unpicks it, and the pad then paints its default, 9.)"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    pill = page.locator(f"[data-testid=stExpander]:has({_pad(prefix)}) [data-testid=stButtonGroup] button").get_by_text(
        str(value), exact=True)
    before = runs(page)
    pill.click()
    wait_for_rerun(page, before)
    drawn = f"() => !!document.querySelector('{_pad(prefix)}')?.querySelector('.scatterlayer .point')"
    for attempt in range(3):  # a click that lands while Plotly is still wiring the new pad is lost: click again
        page.wait_for_function(drawn)
        page.locator(_pad(prefix)).scroll_into_view_if_needed()
        x, y = page.evaluate("""([pad, r, c]) => {
            const p = document.querySelector(pad), L = p._fullLayout;
            const box = p.getBoundingClientRect();
            return [box.x + L.xaxis._offset + L.xaxis.d2p(c), box.y + L.yaxis._offset + L.yaxis.d2p(r)];
        }""", [_pad(prefix), *cell])
        before = runs(page)
        page.mouse.click(x, y)
        try:
            wait_for_rerun(page, before, timeout=10_000 if attempt < 2 else 30_000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_function(drawn)


def _no_errors(page):
    assert page.locator(EXCEPTION).count() == 0
    assert not page.locator(ERROR_ALERT).all_inner_texts()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(CASES))
def test_drawing_changes_the_lesson_and_the_url_and_a_fresh_browser_sees_it(browser, app_server, page, name, lang):
    url_path, settings, title_key, prefix, url_key, read, shape, paints = CASES[name]
    query = "&".join(q for q in (settings, "" if lang == "en" else "lang=zh") if q)
    _open(page, page_url(app_server.url, url_path, query))
    untouched = page.evaluate(LESSON_VALUES)
    _expand(page, t(title_key, lang), prefix)
    expected = _pad_values(page, prefix)
    assert expected.shape == shape
    for cell, value in paints:
        _paint(page, prefix, cell, value)
        expected[cell] = value
    np.testing.assert_array_equal(_pad_values(page, prefix), expected)
    code = _query(page).get(url_key)
    assert code, f"no {url_key} in {page.url}"
    np.testing.assert_array_equal(read(code), expected)
    drawn = page.evaluate(LESSON_VALUES)
    assert drawn != untouched  # the lesson's figures follow the drawing
    if url_key.endswith("_draw"):
        assert t("draw.using", lang, n=len(paints), total=expected.size) in page.inner_text("[data-testid=stMain]")
    _no_errors(page)
    print(f"screenshot: {screenshot(page, f'draw_{name}_{lang}')}")

    fresh = new_page(browser)
    try:
        _open(fresh, page.url)
        # charts far down the page may still be drawing when the run has finished
        fresh.wait_for_function(f"() => ({LESSON_VALUES})().length >= {len(drawn)}", timeout=30_000)
        assert fresh.evaluate(LESSON_VALUES) == drawn
        _expand(fresh, t(title_key, lang), prefix)
        np.testing.assert_array_equal(_pad_values(fresh, prefix), expected)
        _no_errors(fresh)
    finally:
        fresh.context.close()


def test_a_box_drag_paints_a_block(app_server, page):
    _open(page, page_url(app_server.url, "invariance", ""))
    _expand(page, t("draw.title", "en"), "inv")
    before = runs(page)
    page.locator(f"[data-testid=stExpander]:has({_pad('inv')}) [data-testid=stButtonGroup] button").get_by_text(
        "0", exact=True).click()
    wait_for_rerun(page, before)
    page.wait_for_function(f"() => !!document.querySelector('{_pad('inv')}')?.querySelector('.scatterlayer .point')")
    pad = page.locator(_pad("inv"))
    pad.scroll_into_view_if_needed()
    pad.hover()
    pad.locator("[data-attr=dragmode][data-val=select]").click()
    corners = page.evaluate("""(pad) => {
        const p = document.querySelector(pad), L = p._fullLayout, box = p.getBoundingClientRect();
        const at = (r, c) => [box.x + L.xaxis._offset + L.xaxis.d2p(c), box.y + L.yaxis._offset + L.yaxis.d2p(r)];
        return [at(0.7, 0.7), at(2.3, 2.3)];
    }""", _pad("inv"))
    before = runs(page)
    page.mouse.move(*corners[0])
    page.mouse.down()
    page.mouse.move(*corners[1], steps=8)
    page.mouse.up()
    wait_for_rerun(page, before)
    page.wait_for_function(f"() => !!document.querySelector('{_pad('inv')}')?.querySelector('.scatterlayer .point')")
    grid = _pad_values(page, "inv")
    assert (grid[1:3, 1:3] == 0).all(), grid  # the four cells inside the box
    np.testing.assert_array_equal(decode(_query(page)["inv_draw"]), grid)
    _no_errors(page)
