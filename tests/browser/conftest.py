"""Fixtures for the browser tests: one app server and one Chromium for the
whole session, a fresh browser context per test.

Without /usr/bin/chromium or the playwright package the tests are skipped,
except under CI (``CI=true``), where they fail: CI must run them.
"""

from __future__ import annotations

import pytest

from . import (
    AppServer,
    is_ci,
    launch_chromium,
    missing_requirements,
    new_page,
    wait_for_app,
)


@pytest.fixture(scope="session")
def _browser_requirements() -> None:
    reason = missing_requirements()
    if reason is None:
        return
    if is_ci():
        pytest.fail(f"browser tests must run under CI, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(_browser_requirements):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def app_server(browser):
    """The running app; ``app_server.url`` is its base URL.

    The home page is opened once before any test, so every test finds the
    server in the same state whichever tests run (see
    ``test_deep_link_on_fresh_server`` for what a cold server does)."""
    server = AppServer()
    try:
        server.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        warm = new_page(browser)
        try:
            warm.goto(server.url + "/")
            wait_for_app(warm, timeout=60_000, charts=False)
        finally:
            warm.context.close()
        yield server
    finally:
        server.stop()


@pytest.fixture()
def page(browser):
    page = new_page(browser)
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        page.context.close()
