"""The app works in a classroom without internet: every lesson page in both
languages loads with every request that would leave the machine blocked, and
there are none (fonts, icons and the favicon all come from the app's server).

One browser context for all pages: every request is routed; those to the app
server (127.0.0.1/localhost) go through, any other is aborted and counted.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from lessons.registry import PAGES

from . import RUN_COUNTER, VIEWPORT, page_url, wait_for_app

pytestmark = pytest.mark.browser

LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


def test_no_request_leaves_the_machine_on_any_page(browser, app_server):
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(RUN_COUNTER)
    outside: list[str] = []
    seen: list[str] = []

    def guard(route):
        url = route.request.url
        seen.append(url)
        scheme, host = urlsplit(url).scheme, urlsplit(url).hostname or ""
        if scheme in ("data", "blob") or host in LOCAL:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(60_000)
    visited = []
    try:
        for lang in ("en", "zh"):
            for lesson in PAGES:
                page.goto(page_url(app_server.url, lesson.url_path, "lang=zh" if lang == "zh" else ""))
                wait_for_app(page)
                page.wait_for_load_state("networkidle")
                visited.append((lesson.url_path or "intro", lang))
        # the favicon is the app's own file, served by the app
        icon = page.evaluate("document.querySelector('link[rel~=icon]')?.href || ''")
        assert urlsplit(icon).hostname in LOCAL or icon.startswith("data:"), icon
    finally:
        context.close()
    assert len(visited) == 2 * len(PAGES) and len(seen) > 0
    assert outside == [], f"{len(outside)} request(s) left the machine: {sorted(set(outside))[:10]}"
