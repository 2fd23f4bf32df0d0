"""Lesson 7, pooling a real picture: the view model against pooling_core, the
eyes answer, the assets, and the page under AppTest in both languages, with
sample pictures, uploads (good and bad) and a camera shot."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from lessons import pictures as pic
from lessons.figures import pictures as fpic
from lessons.i18n import t
from pagetest import chart_spec, run_page
from pooling_core import pool2d

ROOT = Path(__file__).resolve().parents[1]
PAGE = "7_pictures.py"


@pytest.fixture(scope="module")
def face():
    return pic.load_sample("face")


def png(img: Image.Image, fmt="PNG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


# ------------------------------------------------------------------ the view model

def test_levels_halve_the_picture_and_match_the_core(face):
    view = pic.compute(pic.Settings(source="face", levels=4), face)
    assert [lv.shape for lv in view.levels] == [(512, 512), (256, 256), (128, 128), (64, 64), (32, 32)]
    assert [lv.pixels for lv in view.levels] == [512 * 512 // 4 ** n for n in range(5)]
    x = np.moveaxis(face, -1, 0).astype(np.float32)
    for m in pic.MODES:
        y = x
        for lv in view.levels[1:]:
            y = pool2d(y, 2, 2, mode=m).output
            np.testing.assert_array_equal(lv.images[m], np.clip(np.rint(np.moveaxis(y, 0, -1)), 0, 255))


def test_channels_are_pooled_independently():
    rng = np.random.default_rng(0)
    img = rng.integers(0, 256, (40, 36, 3), dtype=np.uint8)
    view = pic.compute(pic.Settings(source="upload", kernel=3, stride=2, levels=1), img)
    for c in range(3):
        alone = pool2d(img[..., c].astype(np.float32), 3, 2, mode="max").output
        np.testing.assert_array_equal(view.levels[1].images["max"][..., c], alone.astype(np.uint8))
    g = pic.compute(pic.Settings(source="upload", levels=1, view="gray"), img)
    assert g.levels[1].images["avg"].shape == (20, 18, 1)


def test_max_is_never_below_average_and_keeps_thin_lines():
    stripes = pic.load_sample("stripes")
    view = pic.compute(pic.Settings(source="stripes", levels=1), stripes)
    lv = view.levels[1]
    assert np.all(lv.images["max"].astype(int) >= lv.images["avg"].astype(int))
    # the 1-pixel lines at x = 24, 40, ... (rows 24..239): max keeps 255, average halves them
    assert lv.images["max"][60, 12, 0] == 255 and lv.images["avg"][60, 12, 0] == 128
    assert view.diff.max() > 100 and view.diff.min() >= 0


def test_patch_is_two_by_two_windows_and_agrees_with_level_one(face):
    s = pic.Settings(source="face", levels=1)
    view = pic.compute(s, face)
    top, left, bottom, right = view.patch.box
    assert (bottom - top, right - left) == (4, 4) and top % 2 == 0 and left % 2 == 0
    for m in pic.MODES:
        out = np.moveaxis(view.patch.outputs[m], 0, -1)
        lv = view.levels[1].images[m][top // 2:top // 2 + 2, left // 2:left // 2 + 2]
        np.testing.assert_array_equal(np.clip(np.rint(out), 0, 255).astype(np.uint8), lv)
    # the default patch sits on the eye's edge: max and average differ in its pink window
    assert view.patch.arithmetic["max"][0] == "max(250, 40, 250, 250) = 250"
    assert view.patch.arithmetic["avg"][0] == "(250 + 40 + 250 + 250) / 4 = 790 / 4 = 197.5"
    assert len(pic.compute(pic.Settings(view="gray"), face).patch.arithmetic["max"]) == 1


def test_levels_stop_when_no_window_fits():
    tiny = np.zeros((20, 20, 3), np.uint8)
    view = pic.compute(pic.Settings(source="upload", kernel=4, stride=4, levels=4), tiny)
    assert [lv.shape for lv in view.levels] == [(20, 20), (5, 5), (1, 1)]
    assert ("warning", "pic.levels_stopped", {"asked": 4, "reached": 2, "k": 4}) in view.notes


@pytest.mark.parametrize("field, value", [("kernel", 0), ("stride", 9), ("levels", 5), ("patch_x", 101),
                                          ("view", "cmyk")])
def test_settings_out_of_range_name_the_setting(face, field, value):
    with pytest.raises(ValueError, match=field):
        pic.compute(pic.Settings(**{field: value}), face)


def test_map_box_follows_window_centres():
    assert pic.map_box((196, 150, 244, 214), 2, 2, (256, 256)) == ((98, 75, 122, 107), False)
    # smaller than one step: the cell whose window holds the box's centre
    assert pic.map_box((10, 10, 11, 11), 4, 4, (8, 8)) == ((2, 2, 3, 3), True)


def test_the_eyes_answer(face):
    view = pic.compute(pic.Settings(source="face", levels=4), face)
    assert [r.eye for r in view.eyes.rows] == [(48, 64), (24, 32), (12, 15), (5, 7), (2, 3)]  # cells whose window centre is in the eye
    assert all(v.visible for v in view.eyes.verdicts)
    # the astronaut's dark eyes on bright skin: max pooling loses them first
    astro = pic.compute(pic.Settings(source="astronaut", levels=2), pic.load_sample("astronaut"))
    assert [v.visible for v in astro.eyes.verdicts] == [False, True]
    assert pic.compute(pic.Settings(source="coffee", levels=1), pic.load_sample("coffee")).eyes is None


def test_every_sample_loads_and_the_drawn_face_has_its_eyes_where_the_lesson_says():
    for name in pic.SAMPLES:
        img = pic.load_sample(name)
        assert img.dtype == np.uint8 and img.shape[2] == 3 and max(img.shape[:2]) <= 512
    spec = importlib.util.spec_from_file_location("make_assets", ROOT / "assets" / "make_assets.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert make.FACE_EYES == pic.SAMPLES["face"].eyes
    assert set(make.PHOTOS) | {"face.png", "stripes.png", "text.png", "favicon.png"} == \
        {p.name for p in (ROOT / "assets").iterdir() if p.suffix in (".png", ".jpg")}
    licences = (ROOT / "assets" / "LICENSES.md").read_text()
    assert all(f"| {name} |" in licences for name in [*make.PHOTOS, "face.png", "favicon.png"])


def test_blocky_keeps_pixels_square_and_outline_marks_the_box():
    img = np.arange(12, dtype=np.uint8).reshape(3, 4, 1)
    big = fpic.blocky(img, 16)
    assert big.shape == (12, 16) and np.all(big[:4, :4] == 0) and big[11, 15] == 11
    marked = fpic.outlined(np.zeros((20, 20, 3), np.uint8), (8, 8, 12, 12), width=2)
    assert tuple(marked[6, 10]) == (0xD5, 0x5E, 0x00) and tuple(marked[10, 10]) == (0, 0, 0)


# ------------------------------------------------------------------ the page

def _texts(at) -> str:
    return "\n".join([*(m.value for m in at.markdown), *(e.value for e in at.error), *(i.value for i in at.info),
                      *(c.value for c in at.caption), *(s.value for s in at.success), *(w.value for w in at.warning)])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_with_a_sample(lang):
    at = run_page(PAGE, lang)
    assert not at.error
    assert len(at.get("image")) == 2 * 4 + 2  # two rows of original + 3 levels, the patch's place, the diff
    assert chart_spec(at, "pic_fig_patch")["layout"]["title"]["text"] == t("pic.patch_fig", lang, top=234, bottom=237,
                                                                            left=156, right=159)
    text = _texts(at)
    assert t("pic.eyes_title", lang) in [h.value for h in at.header]
    assert t("pic.eyes_yes", lang, mode=t("common.max", lang), level=3, h=64, w=64, c=114, limit=24) in text


def test_page_restores_settings_from_the_url():
    at = run_page(PAGE, "en", pic_src="stripes", pic_k="3", pic_s="3", pic_n="2", pic_view="gray")
    assert at.radio(key="pic_src").value == "stripes" and at.slider(key="pic_k").value == 3
    assert "| 2 | 56×56 | 3,136 |" in _texts(at)
    assert t("pic.eyes_unknown", "en", limit=pic.VISIBLE) in _texts(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_with_an_upload(lang):
    at = run_page(PAGE, lang, pic_src="upload")
    assert t("pic.waiting_upload", lang) in _texts(at)
    big = Image.fromarray(np.random.default_rng(2).integers(0, 256, (600, 1400, 3), np.uint8))
    at.file_uploader(key="pic_file").upload("holiday.jpg", png(big, "JPEG"), "image/jpeg")
    at.run()
    assert not at.exception and not at.error
    text = _texts(at)
    assert t("pic.scaled", lang, ow=1400, oh=600, w=1024, h=439, max=1024) in text
    assert "| 1 | 512×219 | 112,128 |" in text  # level 1 of the scaled picture


def _rotated_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways
    return png(Image.new("RGB", (120, 80), (200, 40, 40)), "JPEG", exif=exif.tobytes())


def _bomb() -> bytes:
    from test_picture import bomb_png

    return bomb_png(20_000)  # 400 megapixels in under a kilobyte


@pytest.mark.parametrize("name, data, size_row, notes", [
    ("plain.png", png(Image.new("RGB", (96, 64), (0, 90, 200))), "| 1 | 48×32 | 1,536 |", ()),
    ("photo.webp", png(Image.new("RGB", (96, 64), (0, 90, 200)), "WEBP"), "| 1 | 48×32 | 1,536 |", ()),
    ("print.jpg", png(Image.new("CMYK", (96, 64), (0, 80, 80, 0)), "JPEG"), "| 1 | 48×32 | 1,536 |", ("cmyk",)),
    ("sideways.jpg", _rotated_jpeg(), "| 1 | 40×60 | 2,400 |", ()),  # turned upright: 80 wide, 120 high
])
def test_page_with_good_uploads(name, data, size_row, notes):
    at = run_page(PAGE, "en", pic_src="upload")
    at.file_uploader(key="pic_file").upload(name, data, "application/octet-stream")
    at.run()
    assert not at.exception and not at.error
    text = _texts(at)
    assert size_row in text
    for note in notes:
        assert t(f"pic.note.{note}", "en") in text
    if name == "sideways.jpg":
        assert t("pic.rotated", "en") in text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name, data, key", [
    ("notes.png", b"just some text, not a picture\n" * 20, "pic.err_format"),
    ("cut.png", png(Image.new("RGB", (64, 64), (9, 9, 9)))[:60], "pic.err_corrupt"),
    ("bomb.png", _bomb(), "pic.err_bomb"),
])
def test_page_explains_a_bad_upload(lang, name, data, key):
    at = run_page(PAGE, lang, pic_src="upload")
    at.file_uploader(key="pic_file").upload(name, data, "image/png")
    at.run()
    assert not at.exception and len(at.error) == 1
    assert t(key, lang, formats="PNG, JPEG, WebP, GIF", detail="", limit=40)[:8] in at.error[0].value
    assert t("pic.pyramid_title", lang) not in [h.value for h in at.header]


def test_page_with_a_camera_shot():
    at = run_page(PAGE, "zh", pic_src="camera")
    assert t("pic.waiting_camera", "zh") in _texts(at)
    shot = Image.fromarray(np.full((480, 640, 3), 90, np.uint8))
    at.camera_input(key="pic_cam").set_value(("camera.jpg", png(shot, "JPEG"), "image/jpeg")) \
        if hasattr(at.camera_input(key="pic_cam"), "set_value") else pytest.skip("AppTest cannot fill a camera")
    at.run()
    assert not at.exception and not at.error
    assert "| 1 | 320×240 | 76,800 |" in _texts(at)
