"""In a real browser: the tab title follows the language, choices show names in the reader's
language while the URL keeps code names, and a link made in Chinese opens the same view in
English (lessons/ui_choice.py). One server for the module (the session's)."""

from __future__ import annotations

import pytest

from lessons.i18n import t

from . import page_url, runs, wait_for_rerun
from .test_pages import assert_no_errors, lesson_by_path, open_lesson, query

pytestmark = pytest.mark.browser


def _shown_choice(page, key: str) -> str:
    box = page.locator(f".st-key-{key}")
    checked = box.locator("[data-testid=stRadioOption]:has(input:checked)")
    if checked.count():
        return checked.inner_text().strip()
    return box.locator("input[role=combobox]").input_value().strip()  # a select box


def test_choices_and_title_follow_the_language_and_keep_the_link(page, app_server):
    playground = lesson_by_path("playground")
    open_lesson(page, app_server, page_url(app_server.url, playground.url_path, "lang=zh&pg_mode=avg&pg_preset=face"))
    assert_no_errors(page, app_server)
    page.wait_for_function(f"document.title.includes({t('app.title', 'zh')!r})", timeout=10_000)
    assert _shown_choice(page, "pg_mode") == t("common.avg", "zh")
    assert _shown_choice(page, "pg_preset") == t("pg.preset_name.face", "zh")

    # change a choice in Chinese: the URL gets the code name, not the label
    before = runs(page)
    page.locator(".st-key-pg_mode [data-testid=stRadioOption]").nth(0).click()  # 最大池化
    page.wait_for_function("new URLSearchParams(location.search).get('pg_mode') === null", timeout=10_000)
    wait_for_rerun(page, before)
    assert _shown_choice(page, "pg_mode") == t("common.max", "zh")
    before = runs(page)
    page.locator(".st-key-pg_mode [data-testid=stRadioOption]").nth(1).click()
    page.wait_for_function("new URLSearchParams(location.search).get('pg_mode') === 'avg'", timeout=10_000)
    wait_for_rerun(page, before)
    link = page.url

    # the same link in English: same view, English names, English tab title
    open_lesson(page, app_server, link.replace("lang=zh", "lang=en"))
    assert _shown_choice(page, "pg_mode") == t("common.avg", "en")
    assert _shown_choice(page, "pg_preset") == t("pg.preset_name.face", "en")
    page.wait_for_function(f"document.title.includes({t('app.title', 'en')!r})", timeout=10_000)

    # switching the language in the sidebar keeps every choice and the code names in the URL
    before = runs(page)
    page.locator(".st-key-lang [data-testid=stRadioOption]").nth(1).click()
    page.wait_for_function("new URLSearchParams(location.search).get('lang') === 'zh'", timeout=10_000)
    wait_for_rerun(page, before)
    assert _shown_choice(page, "pg_mode") == t("common.avg", "zh")
    assert (query(page).get("pg_mode"), query(page).get("pg_preset")) == ("avg", "face"), page.url
    assert _shown_choice(page, "lang") == "中文"
    assert_no_errors(page, app_server)
