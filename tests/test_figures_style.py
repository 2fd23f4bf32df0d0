"""Readable grids and presenting-mode figures: values written to fit their
cells, cell text sized by Plotly from the cell, a colour scale one outlier
cannot wash out, wide grids stacked, every font scaled for a projector."""

from __future__ import annotations

import numpy as np
import pytest

from lessons.figures import grid as g
from lessons.figures import style
from lessons.figures.panels import Panel, panel_layout, stack_panels
from lessons.figures.playground import playground_figure
from lessons.figures.walkthrough import walkthrough_figure
from pooling_core import pool2d


# ------------------------------------------------------------------ colour scale

def test_one_outlier_does_not_stretch_the_colour_scale():
    x = np.arange(1.0, 17.0).reshape(4, 4)
    x[3, 3] = 1000
    lo, hi, clipped = g.color_range(x)
    assert (lo, hi, clipped) == (1.0, 15.0, True)
    low = x.copy()
    low[0, 0] = -500
    assert g.color_range(low)[:2] == (2.0, 15.0)


def test_spread_out_values_keep_their_full_range():
    assert g.color_range(np.arange(16.0)) == (0.0, 15.0, False)
    assert g.color_range([0, 0, 0, 0, 3]) == (0.0, 3.0, False)  # mostly equal: nothing to tell apart
    assert g.color_range([np.nan, np.inf, 2.0, 5.0]) == (2.0, 5.0, False)
    assert g.color_range([np.nan]) == (0.0, 1.0, False)


def test_grid_figure_clips_the_scale_and_says_so():
    x = np.arange(1.0, 17.0).reshape(4, 4)
    x[0, 0] = 1000
    fig = g.grid_figure(x)
    heat = fig.data[0]
    assert (heat.zmin, heat.zmax) == (2.0, 16.0)
    assert fig.layout.meta == {"color_clip": [2.0, 16.0]}
    # a scale the caller chose is the caller's: no note
    assert g.grid_figure(x, zmin=0, zmax=1000).layout.meta is None
    assert g.grid_figure(np.arange(16.0).reshape(4, 4)).layout.meta is None


def test_playground_figure_clips_too_and_notes_it():
    x = np.arange(1.0, 17.0).reshape(4, 4)
    x[2, 2] = 1000
    fig = playground_figure(pool2d(x, 2, mode="max"), x)
    assert fig.layout.meta["color_clip"][1] < 1000
    assert fig.data[0].zmax < 1000


# ------------------------------------------------------------------ values that fit

@pytest.mark.parametrize("value, chars, text", [
    (4.666667, 6, "4.67"), (4.666667, 3, "4.7"), (4.666667, 1, "5"), (12, 2, "12"),
    (1000, 4, "1000"), (1000, 3, "1e3"), (123456, 4, "1e5"), (-0.125, 4, "-0.1"), (0.5, 3, "0.5"),
    (float("nan"), 3, "NaN"),
])
def test_values_are_written_in_the_room_a_cell_has(value, chars, text):
    assert g.fit_value(value, chars) == text


def test_bigger_grids_get_shorter_values():
    assert g.cell_chars(4) > g.cell_chars(8) > g.cell_chars(16)
    x = np.full((16, 16), 14.666667)
    assert set(np.asarray(g.grid_figure(x).data[0].text).ravel()) == {"14.7"}
    assert set(np.asarray(g.grid_figure(x[:4, :4]).data[0].text).ravel()) == {"14.67"}


def test_hover_shows_the_full_precision():
    x = np.array([[1 / 3, 2.0], [1000.0, -2.5]])
    heat = g.grid_figure(x).data[0]
    assert heat.hovertemplate.count("%{customdata}") == 1
    assert np.asarray(heat.customdata)[0, 0] == "0.333333"


def test_cell_text_is_sized_from_the_cell_by_plotly():
    """No font size on plain cell text (Plotly then fits it to the cell, up to
    the layout's font size); text with markup keeps a size, since Plotly
    would count the markup as characters."""
    fig = g.grid_figure(np.ones((16, 16)), padding=np.pad(np.zeros((14, 14), bool), 1, constant_values=True))
    assert all(t.textfont.size is None for t in fig.data)
    assert fig.layout.font.size == g.CELL_TEXT_MAX
    assert fig.layout.xaxis.tickfont.size and fig.layout.hoverlabel.font.size  # other text names its size
    assert g.cell_font(["1", "2<br><span>was 3</span>"])["size"] == 15
    # each cell written once: padding cells only by the padding trace
    values, padding = fig.data
    assert np.asarray(values.text)[0, 0] == "" and np.asarray(padding.text)[0, 0] == "pad"


def test_wide_characters_count_double_for_plotly():
    assert g.plotly_width("pad") == "pad"
    assert g.plotly_width("填充") == "填\u200b充\u200b"
    assert len(g.plotly_width("填充")) == 4


# ------------------------------------------------------------------ stacking wide grids

def test_wide_playground_grids_stack_the_output_below_the_input():
    x = np.arange(256.0).reshape(16, 16)
    wide = playground_figure(pool2d(x, 3, 1, 1, mode="avg"), x)
    assert wide.layout.xaxis.domain == (0.0, 1.0) and wide.layout.xaxis2.domain == (0.0, 1.0)
    assert wide.layout.yaxis2.domain[1] < wide.layout.yaxis.domain[0]  # output below the input
    small = playground_figure(pool2d(x[:6, :6], 2, mode="avg"), x[:6, :6])
    assert small.layout.xaxis.domain[1] < small.layout.xaxis2.domain[0]  # side by side


def test_stack_panels_shares_the_height_by_rows():
    panels = [Panel(6, 6, title="in"), Panel(2, 2, title="out")]
    layout = stack_panels(panel_layout(panels, spacing=0.1, ticks="top", axis_titles=True), panels, spacing=0.2)
    top, bottom = layout["yaxis"]["domain"], layout["yaxis2"]["domain"]
    assert top[1] == 1.0 and bottom[0] == pytest.approx(0.0)
    assert top[0] - bottom[1] == pytest.approx(0.2)
    assert (top[1] - top[0]) / (bottom[1] - bottom[0]) == pytest.approx(3.0)


# ------------------------------------------------------------------ presenting: larger fonts

def _sizes(node, found=None):
    found = [] if found is None else found
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("font", "textfont", "tickfont") and isinstance(value, dict) and "size" in value:
                found.append(value["size"])
            elif key != "template":
                _sizes(value, found)
    elif isinstance(node, list):
        for item in node:
            _sizes(item, found)
    return found


def test_scaling_makes_every_font_larger():
    from lessons import walkthrough as wt

    fig = walkthrough_figure(wt.compute(wt.Settings()), titles=["a", "b", "c", "d"])
    spec = fig.to_dict()
    big = style.scaled(fig, 1.25)
    assert isinstance(big, dict) and fig.to_dict() == spec  # a copy; the figure is untouched
    before, after = _sizes(spec), _sizes(big)
    assert len(before) == len(after) > 0
    assert all(b == pytest.approx(a * 1.25, abs=0.06) for a, b in zip(before, after))
    assert big["layout"]["font"]["size"] == pytest.approx(g.CELL_TEXT_MAX * 1.25, abs=0.06)
    assert len(big.get("frames") or []) == len(spec.get("frames") or [])
    shared = style.scaled(spec, 1.25)  # a figure dict (a shared figure's) is copied too, never changed
    assert shared == big and fig.to_dict() == spec
    assert big["layout"]["margin"]["t"] > spec["layout"]["margin"]["t"]
    assert big["layout"]["height"] > spec["layout"]["height"]


def test_scaling_gives_plotly_default_fonts_a_size_and_leaves_one_alone():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
    assert style.scaled(fig, 1.5)["layout"]["font"]["size"] == pytest.approx(style.PLOTLY_FONT * 1.5)
    assert style.scaled(fig, 1) is fig


def test_scaling_moves_text_offsets_with_the_text():
    import plotly.graph_objects as go

    fig = go.Figure(layout={"annotations": [{"text": "Input", "yshift": 26, "font": {"size": 15}}]})
    note = style.scaled(fig, 1.5)["layout"]["annotations"][0]
    assert note["yshift"] == 39 and note["font"]["size"] == 22.5
