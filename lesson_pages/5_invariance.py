"""Lesson 5: does pooling survive a small shift? The tutorial's figure 3,
rebuilt with our own numbers, next to the shifts that break it."""

import streamlit as st

from lessons import invariance as inv
from lessons.figures import invariance as ifig
from lessons.ui import chart, computed, controls_box, explained_errors, figure, lang, say, tr
from lessons.ui_choice import choice
from lessons.ui_draw import draw_input

DEFAULTS = inv.Settings()
PATTERNS = list(inv.PATTERNS)


# Choices show names in the reader's language; the URL keeps code names (lessons/ui_choice.py).
mode_names = {m: tr(f"common.{m}") for m in inv.MODES}

st.title(tr("inv.title"))
st.markdown(tr("inv.intro"))

with controls_box("inv"):  # presenting: stays in view above the figures
    c1, c2, c3 = st.columns([3, 2, 3])
    with c1:
        pattern = choice(st.radio, tr("inv.pattern"), PATTERNS, key="inv_pattern", default=DEFAULTS.pattern,
                         names=lambda p: tr(f"inv.pattern.{p}"),
                         aliases={str(i + 1): p for i, p in enumerate(PATTERNS)})
    with c2:
        mode = choice(st.radio, tr("common.mode"), inv.MODES, key="inv_mode", default=DEFAULTS.mode,
                      names=mode_names.get)
    with c3:
        zeros = st.toggle(tr("inv.fill_zeros"), value=DEFAULTS.zeros, key="inv_zeros", help=tr("inv.fill_zeros_help"),
                          bind="query-params")
    s1, s2, s3, s4 = st.columns(4)
    with s1:
        dx = st.slider(tr("inv.dx"), -inv.MARGIN, inv.MARGIN, DEFAULTS.dx, key="inv_dx", bind="query-params")
    with s2:
        dy = st.slider(tr("inv.dy"), -inv.MARGIN, inv.MARGIN, DEFAULTS.dy, key="inv_dy", bind="query-params")
    with s3:
        kernel = st.slider(tr("inv.kernel"), 1, inv.SIZE, DEFAULTS.kernel, key="inv_kernel", bind="query-params")
    with s4:
        stride = st.slider(tr("inv.stride"), 1, inv.SIZE, DEFAULTS.stride, key="inv_stride", bind="query-params")
drawn = draw_input("inv", inv.pattern_view(pattern), base=(pattern,))

with explained_errors():
    settings = inv.Settings(pattern=pattern, mode=mode, zeros=zeros, dx=dx, dy=dy, kernel=kernel, stride=stride,
                            drawing=drawn)
    view = computed(("inv", settings), lambda: inv.compute(settings))  # shared by every session, read-only
    st.markdown(tr(view.pattern_note))
    st.caption(tr(view.fill_note))
    left, right = st.columns(2)
    with left:
        chart(figure(("inv_in", view.settings, lang()), lambda: ifig.input_figure(
            view.original, view.before, title=tr("inv.original"))), key="inv_in_before")
        chart(figure(("inv_out", view.settings, lang()), lambda: ifig.output_figure(
            view.before.output, title=tr("inv.out_original"))), key="inv_out_before")
    with right:
        chart(figure(("inv_in_moved", view.settings, lang()), lambda: ifig.input_figure(
            view.moved, view.after, entering=view.entering, title=say(view.shifted_title))),
              key="inv_in_after")
        chart(figure(("inv_out_moved", view.settings, lang()), lambda: ifig.output_figure(
            view.after.output, before=view.before.output, changed=view.changed_mask, title=tr("inv.out_shifted"),
            was=tr("inv.was"))), key="inv_out_after")
    st.caption(tr("inv.legend"))
    (st.warning if view.changed else st.success)(say(view.verdict))
    st.markdown(say(view.both_modes))

    st.subheader(tr("inv.sweep_header"))
    chart(figure(("inv_sweep", view.settings, lang()), lambda: ifig.share_figure(
        inv.SHIFTS, view.shares, current=dx, names=mode_names, x_title=tr("inv.sweep_x"),
        y_title=tr("inv.sweep_y"))), key="inv_sweep")
    st.caption(say(view.sweep_caption))

st.subheader(tr("inv.breaks_header"))
st.markdown(tr("inv.breaks"))
st.info(tr("inv.takeaway"))
