"""Hostile input in a real browser: a link with values no widget can take opens the page with a
note instead of "This app has encountered an error", and markup typed into any text box shows as
text (no script runs, no element is created)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from lessons.registry import PAGES

from . import EXCEPTION, page_url, runs, screenshot, wait_for_app, wait_for_rerun

pytestmark = pytest.mark.browser

MARKUP = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"><b>bold</b>'


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


@pytest.mark.parametrize("url_path, query, dropped, clamped", [
    ("playground", "lang=zh&pg_seed=1e309&pg_h=99&pg_mode=%3Cscript%3E", {"pg_seed", "pg_mode"}, {"pg_h": "16"}),
    ("backward", "bw_seed=inf&bw_k=-3&bw_gtext=" + "x" * 3000, {"bw_seed", "bw_gtext"}, {"bw_k": "1"}),
])
def test_hostile_link_opens_the_page(page, app_server, url_path, query, dropped, clamped):
    page.goto(page_url(app_server.url, url_path, query))
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0
    note = page.locator("[data-testid=stAlertContentInfo]").first.inner_text()
    assert all(key in note for key in dropped | set(clamped)), note
    page.wait_for_function(f"() => !location.search.includes({sorted(dropped)[0]!r})")
    shown = _query(page)
    assert not dropped & set(shown), shown
    assert all(shown.get(key) == value for key, value in clamped.items()), shown
    screenshot(page, f"hostile_link_{url_path}")


def _has_text_boxes(lesson) -> bool:
    source = (Path(__file__).resolve().parents[2] / lesson.path).read_text()
    return any(f"st.{call}(" in source for call in ("text_input", "text_area", "chat_input")) or "ui_draw" in source


@pytest.mark.parametrize("lesson", [p for p in PAGES if _has_text_boxes(p)], ids=lambda p: p.url_path)
def test_markup_in_text_boxes_shows_as_text(page, app_server, lesson):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    query = "bw_g=custom" if lesson.url_path == "backward" else ""
    page.goto(page_url(app_server.url, lesson.url_path, query))
    wait_for_app(page)
    for expander in page.locator("[data-testid=stExpander] summary").all():
        expander.click()
    boxes = page.locator("[data-testid=stMain] textarea, [data-testid=stMain] input[type=text]:not([role=combobox])")
    filled = 0
    for i in range(boxes.count()):
        box = boxes.nth(i)
        if not box.is_visible() or not box.is_editable():
            continue
        before = runs(page)
        box.fill(MARKUP)
        box.press("Control+Enter" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
        wait_for_rerun(page, before, timeout=60_000)  # a full backward run on a loaded 2-core machine
        filled += 1
    assert filled, "no text box found"
    assert page.locator(EXCEPTION).count() == 0
    assert page.evaluate("window.__xss") is None
    assert page.locator("[data-testid=stMain] img[src=x], [data-testid=stMain] b:text-is('bold')").count() == 0
    assert not dialogs
