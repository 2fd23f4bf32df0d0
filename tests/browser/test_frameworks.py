"""The playground's framework picker in a real browser: a shared link with ``pg_fw=paddle`` opens
PaddlePaddle's numbers beside PyTorch's, and picking PyTorch (the default) takes pg_fw out of the URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lessons.i18n import t

from . import EXCEPTION, page_url, runs, screenshot, wait_for_app, wait_for_rerun

pytestmark = pytest.mark.browser

CEIL_CASE = "pg_h=3&pg_w=5&pg_pl=1&pg_pr=1&pg_ceil=true&pg_fw=paddle"


@pytest.mark.parametrize("lang", ["zh"])  # English is covered by the AppTest (tests/test_playground_frameworks.py)
def test_a_link_opens_the_disagreement_and_the_picker_updates_the_url(page, app_server, lang):
    page.goto(page_url(app_server.url, "playground", f"lang={lang}&{CEIL_CASE}"))
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0
    main = page.locator("[data-testid=stMain]")
    box = main.get_by_text(t("fw.differ", lang).strip("*"))
    box.wait_for()
    box.scroll_into_view_if_needed()
    assert "-3.4028235e+38" in main.inner_text()
    screenshot(page, f"playground_frameworks_{lang}")
    before = runs(page)
    page.locator("[data-testid=stRadio]").filter(has_text=t("fw.name.paddle", lang)).get_by_text(
        "PyTorch", exact=True).click()
    wait_for_rerun(page, before)
    page.wait_for_function("() => !location.search.includes('pg_fw')")  # the default leaves the URL
    query = {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}
    assert "pg_fw" not in query and query.get("pg_ceil") == "true"
    assert main.get_by_text(t("fw.differ", lang).strip("*")).count() == 1  # both results still side by side
