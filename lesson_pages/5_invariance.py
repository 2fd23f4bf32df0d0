"""Lesson 5: does pooling survive a small shift? The tutorial's figure 3,
rebuilt with our own numbers, next to the shifts that break it."""

import streamlit as st

from lessons import shift as sh
from lessons.figures import invariance as ifig
from lessons.ui import chart, explained_errors, tr
from pooling_core import pool2d

MODES = ("max", "avg")
SWEEP = range(-ifig.MARGIN, ifig.MARGIN + 1)

# Choice widgets show language-neutral option labels (their translated names go
# in captions): a label that changes with the language makes Streamlit lose the
# selection on a language switch and puts language-specific values in the URL.
mode_names = {m: tr(f"common.{m}") for m in MODES}
PATTERNS = list(ifig.PATTERNS)

st.title(tr("inv.title"))
st.markdown(tr("inv.intro"))

c1, c2, c3 = st.columns([3, 2, 3])
with c1:
    pattern = st.radio(tr("inv.pattern"), PATTERNS, key="inv_pattern", bind="query-params",
                       format_func=lambda p: str(PATTERNS.index(p) + 1),
                       captions=[tr(f"inv.pattern.{p}") for p in PATTERNS])
with c2:
    mode = st.radio(tr("common.mode"), MODES, key="inv_mode", bind="query-params",
                    captions=[mode_names[m] for m in MODES])
with c3:
    zeros = st.toggle(tr("inv.fill_zeros"), value=False, key="inv_zeros", help=tr("inv.fill_zeros_help"),
                      bind="query-params")
    fill = "zeros" if zeros else "scene"
s1, s2, s3, s4 = st.columns(4)
with s1:
    dx = st.slider(tr("inv.dx"), -ifig.MARGIN, ifig.MARGIN, 1, key="inv_dx", bind="query-params")
with s2:
    dy = st.slider(tr("inv.dy"), -ifig.MARGIN, ifig.MARGIN, 0, key="inv_dy", bind="query-params")
with s3:
    kernel = st.slider(tr("inv.kernel"), 1, ifig.SIZE, 3, key="inv_kernel", bind="query-params")
with s4:
    stride = st.slider(tr("inv.stride"), 1, ifig.SIZE, 3, key="inv_stride", bind="query-params")

st.markdown(tr(f"inv.note.{pattern}"))
st.caption(tr(f"inv.fill_note.{fill}"))

scene = ifig.pattern_scene(pattern)
fill_value = None if fill == "scene" else 0.0
original = sh.shifted_view(scene, ifig.MARGIN)
moved = sh.shifted_view(scene, ifig.MARGIN, dx, dy) if fill_value is None else sh.shift(original, dx, dy, fill=0.0)

with explained_errors():
    before = pool2d(original, kernel, stride, mode=mode)
    after = pool2d(moved, kernel, stride, mode=mode)
    left, right = st.columns(2)
    with left:
        chart(ifig.input_figure(original, before, title=tr("inv.original")), key="inv_in_before")
        chart(ifig.output_figure(before.output, title=tr("inv.out_original")), key="inv_out_before")
    with right:
        chart(ifig.input_figure(moved, after, entering=sh.entering_mask(moved.shape, dx, dy),
                                title=tr("inv.shifted", dx=dx, dy=dy)), key="inv_in_after")
        chart(ifig.output_figure(after.output, before=before.output, title=tr("inv.out_shifted"),
                                 was=tr("inv.was")), key="inv_out_after")
    st.caption(tr("inv.legend"))

    n_changed = int(sh.changed_cells(before.output, after.output).sum())
    mode_name = mode_names[mode]
    if n_changed:
        st.warning(tr("inv.summary_changed", mode=mode_name, changed=n_changed, n=after.output.size))
    else:
        st.success(tr("inv.summary_same", mode=mode_name, n=after.output.size))

    shares = {m: sh.shift_sweep(scene, ifig.MARGIN, [(d, dy) for d in SWEEP],
                                lambda x, m=m: pool2d(x, kernel, stride, mode=m).output, fill=fill_value)
              for m in MODES}
    now = {m: shares[m][list(SWEEP).index(dx)] for m in MODES}
    st.markdown(tr("inv.both_modes", max_pct=f"{now['max']:.0%}", avg_pct=f"{now['avg']:.0%}"))

    st.subheader(tr("inv.sweep_header"))
    chart(ifig.share_figure(list(SWEEP), shares, current=dx, names=mode_names,
                            x_title=tr("inv.sweep_x"), y_title=tr("inv.sweep_y")), key="inv_sweep")
    st.caption(tr("inv.sweep_caption", dy=dy))

st.subheader(tr("inv.breaks_header"))
st.markdown(tr("inv.breaks"))
st.info(tr("inv.takeaway"))
