"""Lesson 7 in a real browser, in both languages: a sample photo, an upload
through the file picker, a bad upload explained without a traceback, and a
picture taken with Chromium's fake camera (a second Chromium started with
``--use-fake-device-for-media-stream --use-fake-ui-for-media-stream``).

Screenshots go to ``artifacts/`` as ``pictures_*.png``.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from lessons.i18n import t

from . import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ERROR_ALERT, EXCEPTION, RUN_COUNTER, VIEWPORT, page_url, runs, screenshot
from . import wait_for_app, wait_for_rerun

pytestmark = pytest.mark.browser

LANGS = ("en", "zh")
FAKE_CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]

# every <img> in the main area has arrived and decoded
IMAGES_LOADED = """() => {
  const imgs = [...document.querySelectorAll('[data-testid=stMain] img')];
  return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
}"""


def url(server, lang: str, source: str) -> str:
    return page_url(server.url, "pictures", f"pic_src={source}" + ("&lang=zh" if lang == "zh" else ""))


def headers(page) -> list[str]:
    return [s.strip() for s in page.locator("[data-testid=stMain] h2").all_inner_texts()]


def assert_clean(page) -> None:
    assert page.locator(EXCEPTION).count() == 0
    assert page.locator(ERROR_ALERT).all_inner_texts() == []


def upload(page, name: str, data: bytes, mime: str = "image/png") -> None:
    before = runs(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data})
    page.wait_for_function(f"(window.__stRuns || 0) > {before}")  # a bad file draws no chart to wait for
    wait_for_app(page, charts=False)
    page.wait_for_selector(f"{ERROR_ALERT}, [data-testid=stMain] h2", timeout=30_000)


def jpeg(w: int, h: int) -> bytes:
    yy, xx = np.mgrid[0:h, 0:w]
    rgb = np.stack([xx * 255 / w, yy * 255 / h, np.full_like(xx, 120)], axis=-1).astype(np.uint8)
    rgb[h // 3:h // 3 + 2] = 255  # a thin bright line for max pooling to keep
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=90)
    return buf.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_sample_photo(page, app_server, lang):
    page.goto(url(app_server, lang, "astronaut"))
    wait_for_app(page)
    page.wait_for_function(IMAGES_LOADED)
    assert_clean(page)
    assert t("pic.eyes_title", lang) in headers(page)
    assert page.locator("[data-testid=stMain] img").count() == 10
    screenshot(page, f"pictures_photo_{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_upload(page, app_server, lang):
    page.goto(url(app_server, lang, "upload"))
    wait_for_app(page, charts=False)
    assert t("pic.waiting_upload", lang) in page.inner_text("[data-testid=stMain]")
    upload(page, "holiday.jpg", jpeg(1600, 900), "image/jpeg")
    wait_for_app(page)
    page.wait_for_function(IMAGES_LOADED)
    assert_clean(page)
    text = page.inner_text("[data-testid=stMain]")
    assert t("pic.scaled", lang, ow=1600, oh=900, w=1024, h=576, max=1024) in text
    assert "512×288" in text and t("pic.pyramid_title", lang) in headers(page)
    screenshot(page, f"pictures_upload_{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_bad_upload_is_explained(page, app_server, lang):
    page.goto(url(app_server, lang, "upload"))
    wait_for_app(page, charts=False)
    upload(page, "notes.png", b"not a picture at all\n" * 40)
    errors = page.locator(ERROR_ALERT).all_inner_texts()
    assert len(errors) == 1 and t("pic.err_format", lang, formats="PNG, JPEG, WebP, GIF")[:10] in errors[0]
    assert page.locator(EXCEPTION).count() == 0
    assert t("pic.pyramid_title", lang) not in headers(page)
    ARTIFACTS.mkdir(exist_ok=True)  # (the shared screenshot helper waits for charts; this page has none)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": 1150})
    page.screenshot(path=str(ARTIFACTS / f"pictures_bad_upload_{lang}.png"), full_page=True)


@pytest.fixture(scope="module")
def camera_browser(browser):
    """A second Chromium whose camera is Chromium's fake device (a moving test pattern)."""
    cam = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_CAMERA)
    try:
        yield cam
    finally:
        cam.close()


@pytest.mark.parametrize("lang", LANGS)
def test_camera_picture(camera_browser, app_server, lang):
    context = camera_browser.new_context(viewport=VIEWPORT, locale="en-US", permissions=["camera"])
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(url(app_server, lang, "camera"))
        wait_for_app(page, charts=False)
        button = page.locator("[data-testid=stCameraInputButton]")
        page.wait_for_function("() => { const b = document.querySelector('[data-testid=stCameraInputButton]');"
                               " return b && !b.disabled; }", timeout=60_000)  # the fake device can be slow to start
        page.wait_for_timeout(500)  # let the fake device deliver a few frames
        before = runs(page)
        button.click()
        wait_for_rerun(page, before)
        page.wait_for_selector("[data-testid=stMain] h2", timeout=30_000)
        wait_for_app(page)
        page.wait_for_function(IMAGES_LOADED)
        assert_clean(page)
        assert t("pic.eyes_title", lang) in headers(page)
        assert "| " not in page.inner_text("[data-testid=stMain]")  # tables are drawn, not raw markdown
        screenshot(page, f"pictures_camera_{lang}")
    finally:
        context.close()
