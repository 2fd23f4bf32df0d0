"""Lesson 7: pooling a real picture (a sample photo, an upload or a camera shot).

Widgets -> pic.Settings -> pic.compute (lessons/pictures.py), cached per picture and setting
(lessons/ui_pictures.py) -> render. Uploads are decoded once per upload and kept in this session only.
"""

import streamlit as st

from lessons import picture
from lessons import pictures as pic
from lessons import ui_pictures as ui
from lessons.ui import controls_box, explained_errors, tr
from lessons.ui_choice import choice

DEFAULT = pic.Settings()

st.title(tr("nav.pictures"))
st.markdown(tr("pic.intro"))

with controls_box("pic", border=True):  # presenting: stays in view above the figures
    st.markdown(f"**{tr('pic.settings')}**")
    source = choice(st.radio, tr("pic.source"), pic.SOURCES, key="pic_src", default=DEFAULT.source,
                    names=lambda s: tr(f"pic.src.{s}"), horizontal=True)
    file = None
    if source == "upload":
        file = st.file_uploader(tr("pic.upload_label"), key="pic_file", max_upload_size=picture.MAX_MB,
                                help=tr("pic.upload_help", mb=picture.MAX_MB))
    elif source == "camera":
        file = st.camera_input(tr("pic.camera_label"), key="pic_cam", help=tr("pic.upload_help", mb=picture.MAX_MB))
    c1, c2, c3, c4 = st.columns(4)
    k = c1.slider(tr("pic.kernel"), *pic.KERNEL_RANGE, DEFAULT.kernel, key="pic_k", bind="query-params")
    s = c2.slider(tr("pic.stride"), *pic.STRIDE_RANGE, DEFAULT.stride, key="pic_s", bind="query-params")
    levels = c3.slider(tr("pic.levels"), 1, pic.MAX_LEVELS, DEFAULT.levels, key="pic_n", bind="query-params")
    with c4:
        view_kind = choice(st.radio, tr("pic.view"), pic.VIEWS, key="pic_view", default=DEFAULT.view,
                           names=lambda v: tr(f"pic.view.{v}"))
    a, b = st.columns(2)
    px = a.slider(tr("pic.patch_x"), 0, 100, DEFAULT.patch_x, key="pic_px", bind="query-params")
    py = b.slider(tr("pic.patch_y"), 0, 100, DEFAULT.patch_y, key="pic_py", bind="query-params")

settings = pic.Settings(source, k, s, levels, view_kind, px, py)

lesson = None
with explained_errors():
    if source in pic.SAMPLES:
        lesson = ui.sample_view(settings)
    elif file is None:
        st.info(tr("pic.waiting_upload" if source == "upload" else "pic.waiting_camera"))
    else:
        digest, decoded = ui.decode_upload(file)
        if isinstance(decoded, picture.PictureError):
            ui.picture_error(decoded)
        else:
            ui.picture_notes(decoded)
            lesson = ui.upload_view(digest, decoded.pixels, settings)

if lesson is not None:
    view, png = lesson
    st.header(tr("pic.pyramid_title"))
    st.markdown(tr("pic.pyramid_text"))
    ui.pyramid(view, png)

    st.header(tr("pic.patch_title"))
    st.markdown(tr("pic.patch_text"))
    ui.patch(view, png)

    st.header(tr("pic.diff_title"))
    ui.differences(view, png)

    st.header(tr("pic.eyes_title"))
    ui.eyes(view)
    st.info(tr("pic.takeaway"))

st.divider()
st.caption(tr("pic.credit"))
