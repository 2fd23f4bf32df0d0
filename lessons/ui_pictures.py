"""Streamlit helpers of lesson 7 (real pictures): where the picture comes from,
the per-upload cache, and drawing the view's sections.

An upload is decoded once per upload, not once per rerun: the decoded picture
is kept in this session's state under the SHA-256 of the file's bytes (at most
:data:`KEEP` of them), so it lives in memory only and ends with the session;
nothing a student sends is written to disk or shared with other sessions. The
sample pictures and their lessons are shared (they are the project's own).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

import numpy as np
import streamlit as st
from PIL import Image

from . import picture
from . import pictures as pic
from .figures import pictures as fpic
from .i18n import Items, Key
from .ui import chart, computed, figure, say, show_note, tr

KEEP = 2  # decoded uploads (and their pictures) kept per session
WHERE = 320  # size of the small picture that shows where the patch is
MARK = 14  # smallest side of the box marking the patch on it, in pixels


@st.cache_data(max_entries=len(pic.SAMPLES), show_spinner=False)
def _sample(name: str) -> np.ndarray:
    return pic.load_sample(name)


def _pyramid_key(settings: pic.Settings) -> pic.Settings:
    """The settings the pyramid's pictures depend on (not where the patch is)."""
    return replace(settings, patch_x=0, patch_y=0)


@st.cache_resource(max_entries=32, show_spinner=False)
def _sample_pngs(key: pic.Settings, _view: pic.View) -> dict:
    return _encode(_view)


def _remember(store: dict, key, make):
    if key not in store:
        store[key] = make()
        while len(store) > KEEP:
            store.pop(next(iter(store)))
    return store[key]


def decode_upload(file) -> tuple[str, picture.Picture | picture.PictureError]:
    """``(digest, picture or error)`` for an uploaded file, decoded once per upload in this session."""
    data = file.getvalue()
    digest = hashlib.sha256(data).hexdigest()

    def make():
        try:
            return picture.decode(data)
        except picture.PictureError as exc:
            return exc

    return digest, _remember(st.session_state.setdefault("_pic_uploads", {}), digest, make)


def upload_view(digest: str, pixels: np.ndarray, settings: pic.Settings) -> tuple[pic.View, dict]:
    """The lesson for an upload; its pictures are encoded once per (upload, pyramid settings) in this session."""
    view = pic.compute(settings, pixels)
    store = st.session_state.setdefault("_pic_pngs", {})
    return view, {**_remember(store, (digest, _pyramid_key(settings)), lambda: _encode(view)), **_where(view)}


@st.cache_resource(max_entries=64, show_spinner=False)
def _sample_lesson(settings: pic.Settings) -> pic.View:  # read-only once built: one shared copy per setting
    return pic.compute(settings, _sample(settings.source))


def sample_view(settings: pic.Settings) -> tuple[pic.View, dict]:
    view = _sample_lesson(settings)  # a sample's small picture is shared too (an upload's never is)
    where = computed(("pic_where", settings), lambda: _where(view))
    return view, {**_sample_pngs(_pyramid_key(settings), view), **where}


def _png(img: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def _encode(view: pic.View) -> dict:
    """The pyramid's pictures and the difference map as PNG bytes (they do not depend on the patch)."""
    out = {(m, lv.index): _png(fpic.blocky(lv.images[m])) for lv in view.levels[1:] for m in pic.MODES}
    out[("max", 0)] = out[("avg", 0)] = _png(fpic.blocky(view.levels[0].images["max"]))  # the picture itself
    out["diff"] = _png(fpic.blocky(fpic.diff_image(view.diff)))
    return out


def _where(view: pic.View) -> dict:
    """The picture, small, with the patch outlined."""
    original = view.levels[0].images["max"]
    small = fpic.blocky(original, largest=WHERE)
    f = small.shape[0] / original.shape[0]
    t, l_, b, r = (int(round(v * f)) for v in view.patch.box)
    grow = max(0, MARK - (b - t)) // 2  # a patch of a few pixels gets a box that can be seen
    return {"where": _png(fpic.outlined(small, (t - grow, l_ - grow, b + grow, r + grow), width=3))}


def picture_notes(p: picture.Picture) -> None:
    """What was done to an uploaded picture before pooling."""
    w, h = p.size
    st.caption(tr("pic.size_line", w=w, h=h, n=f"{w * h:,}", fmt=p.format))
    if p.scaled:
        st.info(tr("pic.scaled", ow=p.original_size[0], oh=p.original_size[1], w=w, h=h, max=picture.MAX_SIDE))
    if p.rotated:
        st.caption(tr("pic.rotated"))
    if p.notes:
        st.caption(tr("pic.converted", what=Items(Key(f"pic.note.{n}") for n in p.notes)))


def picture_error(exc: picture.PictureError) -> None:
    st.error(tr("pic.err_title", message=tr(exc.key, **exc.fields)), icon=":material/broken_image:")
    st.caption(tr("pic.err_hint"))


def pyramid(view: pic.View, png: dict) -> None:
    """Both modes, one row each, every level side by side, and the sizes table."""
    for note in view.notes:
        show_note(note)
    for m in pic.MODES:
        st.markdown(f"**{tr(f'common.{m}')}**")
        for col, lv in zip(st.columns(len(view.levels)), view.levels):
            h, w = lv.shape
            cap = tr("pic.level0", h=h, w=w) if lv.index == 0 else tr("pic.level", n=lv.index, h=h, w=w)
            col.image(png[(m, lv.index)], caption=cap, width="stretch", output_format="PNG")
    total = view.levels[0].pixels
    rows = "\n".join(f"| {lv.index} | {lv.shape[1]}×{lv.shape[0]} | {lv.pixels:,} | {lv.pixels / total:.2%} |"
                     for lv in view.levels)
    st.markdown(tr("pic.table", rows=rows))


def patch(view: pic.View, png: dict) -> None:
    p, s = view.patch, view.settings
    left, right = st.columns([1, 2])
    left.image(png["where"], width="stretch", output_format="PNG")
    t, l_, b, r = p.box
    title = tr("pic.patch_fig", top=t, bottom=b - 1, left=l_, right=r - 1)
    def build():
        return fpic.patch_figure(p.values, s.kernel, s.stride, channels=pic.CHANNELS[s.view], title=title)
    # A sample's figure is shared by every session; an upload's stays with its session's run.
    fig = figure(("pic_patch", s, title), build) if s.source in pic.SAMPLES else build()
    chart(fig, "pic_fig_patch", right)
    st.markdown(tr("pic.window_math"))
    st.markdown("\n".join(f"- {tr('pic.window_line', ch=ch, max=mx, avg=av)}" for ch, mx, av in
                          zip(pic.CHANNELS[s.view], p.arithmetic["max"], p.arithmetic["avg"])))


def differences(view: pic.View, png: dict) -> None:
    left, right = st.columns([3, 2])
    left.markdown(tr("pic.diff_text"))
    left.markdown(say(view.diff_text))
    left.markdown(tr("pic.dark_note"))
    right.image(png["diff"], caption=tr("pic.diff_fig", n=view.last.index), width="stretch",
                output_format="PNG")


def eyes(view: pic.View) -> None:
    st.markdown(say(view.eyes_text))
    if view.eyes is None:
        return
    rows = "\n".join(f"| {r.level} | {r.shape[1]}×{r.shape[0]} | {r.eye[1]}×{r.eye[0]} | "
                     f"{r.contrast['max']:.0f} | {r.contrast['avg']:.0f} |" for r in view.eyes.rows)
    st.markdown(tr("pic.eyes_table", rows=rows))
    for v in view.eyes.verdicts:
        (st.success if v.visible else st.warning)(say(v.text))
