"""The translation-invariance lesson's figures mark the right cells."""

import numpy as np

from lessons import invariance as inv
from lessons.figures import invariance as ifig
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS
from lessons.shift import changed_cells, entering_mask, shifted_view
from pooling_core import pool2d


def view(name, dx=0, dy=0):
    return shifted_view(inv.pattern_scene(name), inv.MARGIN, dx, dy)


def test_input_figure_outlines_windows_and_each_maximum():
    x = view("figure3")
    fig = ifig.input_figure(x, pool2d(x, 3, 3), title="Original")
    shapes = fig.layout.shapes
    windows = [s for s in shapes if s.x1 - s.x0 == 3]
    assert [s.line.color for s in windows] == list(WINDOW_COLORS)
    maxima = sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in shapes if s.line.color == HIGHLIGHT)
    assert maxima == [(0, 1), (1, 3), (4, 0), (4, 4)]
    assert fig.layout.title.text == "<b>Original</b>"
    np.testing.assert_array_equal(fig.data[0].z, x)


def test_input_figure_marks_entering_cells_and_no_maximum_for_average():
    moved = view("figure3", dx=1, dy=1)
    fig = ifig.input_figure(moved, pool2d(moved, 3, 3, mode="avg"), entering=entering_mask((6, 6), 1, 1))
    dotted = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert len(dotted) == 11
    assert not [s for s in fig.layout.shapes if s.line.color == HIGHLIGHT]


def test_output_figure_marks_changed_cells_with_the_old_value():
    before = np.array([[8.0, 7.0], [9.0, 6.0]])
    after = np.array([[8.0, 3.0], [3.0, 6.0]])
    fig = ifig.output_figure(after, before=before, changed=changed_cells(before, after), was="(was {})")
    marked = sorted((int(s.y0 + 0.5), int(s.x0 + 0.5)) for s in fig.layout.shapes)
    assert marked == [(0, 1), (1, 0)]
    assert all(s.line.color == HIGHLIGHT for s in fig.layout.shapes)
    text = np.asarray(fig.data[0].text)
    assert text[0, 0] == "8" and text[0, 1].startswith("3<br>") and "(was 7)" in text[0, 1]
    assert not ifig.output_figure(before, before=before, changed=changed_cells(before, before)).layout.shapes
    assert not ifig.output_figure(after).layout.shapes


def test_share_figure_bars_in_percent_with_the_current_shift_marked():
    fig = ifig.share_figure(range(-3, 4), {"max": [0, 0, .5, 1, 1, .25, 0], "avg": [0, 0, 0, 1, 0, 0, 0]},
                            current=1, names={"max": "max pooling", "avg": "average pooling"})
    bars = {t.name: t for t in fig.data}
    assert list(bars["max pooling"].y) == [0, 0, 50, 100, 100, 25, 0]
    assert list(bars["average pooling"].text) == ["0%", "0%", "0%", "100%", "0%", "0%", "0%"]
    assert bars["max pooling"].marker.color == ifig.MODE_COLORS["max"]
    band = fig.layout.shapes[0]
    assert (band.x0, band.x1) == (0.5, 1.5)
