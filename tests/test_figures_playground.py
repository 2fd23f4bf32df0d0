"""Figure builders of the playground (lessons/figures/playground.py)."""

import numpy as np
import pytest
from conftest import FIGURE1_AVG, FIGURE1_INPUT
from pagetest import plotly_array

from lessons.examples import preset
from lessons.figures import playground as pf
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS, window_color
from pooling_core import pool2d

RAMP4 = FIGURE1_INPUT


_array = plotly_array


def _heatmaps(fig, axis):
    return [t for t in fig.data if t.type == "heatmap" and (t.xaxis or "x") == axis]


def _rect(shape):
    """(row_start, row_stop, col_start, col_stop) of a window_shape rectangle."""
    return (shape["y0"] + 0.5, shape["y1"] + 0.5, shape["x0"] + 0.5, shape["x1"] + 0.5)


def _step_shapes(res, x, k):
    """The shapes of the figure at 0-based step ``k``."""
    fig = pf.playground_figure(res, x, step=k)
    assert not fig.frames and not fig.layout.updatemenus and not fig.layout.sliders  # one step control: the page's
    return [s.to_plotly_json() for s in fig.layout.shapes]


# the figure at each step ------------------------------------------------------------

def test_window_colours_start_with_the_tutorials_and_never_take_the_maximums():
    assert [window_color(k) for k in range(4)] == list(WINDOW_COLORS)
    assert HIGHLIGHT not in {window_color(k) for k in range(64)}
    assert len({window_color(k) for k in range(64)}) == 8


def test_each_step_draws_its_window_on_the_trace():
    x = preset("ramp", 6, 6)
    res = pool2d(x, 2, 2)
    tr = res.trace
    for k in range(9):
        i, j = divmod(k, 3)
        shapes = _step_shapes(res, x, k)
        window = shapes[0]
        assert (window["xref"], window["yref"]) == ("x", "y")
        assert _rect(window) == (tr.row_start[i, j], tr.row_stop[i, j], tr.col_start[i, j], tr.col_stop[i, j])
        assert window["line"]["color"] == window_color(k)
        out_cell = shapes[-1]
        assert (out_cell["xref"], out_cell["yref"]) == ("x2", "y2")
        assert _rect(out_cell) == (i, i + 1, j, j + 1)
        argmax = shapes[1]  # max pooling marks the winner of the window
        rec = tr.window(i, j)
        assert argmax["line"]["color"] == HIGHLIGHT
        assert _rect(argmax) == (rec.argmax[0], rec.argmax[0] + 1, rec.argmax[1], rec.argmax[1] + 1)
    # the tutorial's colours for the first four windows: pink, blue, green, yellow
    assert [_step_shapes(res, x, k)[0]["line"]["color"] for k in range(4)] == list(WINDOW_COLORS)


def test_the_step_is_drawn_and_clamped():
    x = preset("ramp", 6, 6)
    res = pool2d(x, 2, 2)
    fig = pf.playground_figure(res, x, step=4)
    shapes = [s.to_plotly_json() for s in fig.layout.shapes]
    assert _rect(shapes[0]) == (2, 4, 2, 4)
    assert _rect(shapes[-1]) == (1, 2, 1, 2)
    # out-of-range steps are clamped, not an error
    last = pf.playground_figure(res, x, step=99).layout.shapes[0]
    assert _rect(last.to_plotly_json()) == (4, 6, 4, 6)


def test_every_one_of_256_windows_can_be_shown():
    x = preset("random", 16, 16, seed=1)
    res = pool2d(x, 1, 1)
    assert res.trace.n_windows == 256
    assert _rect(_step_shapes(res, x, 63)[0]) == (3, 4, 15, 16)  # window 63 = row 3, column 15
    assert _rect(_step_shapes(res, x, 200)[0]) == (12, 13, 8, 9)
    assert _rect(_step_shapes(res, x, 255)[0]) == (15, 16, 15, 16)


def test_a_single_window():
    x = preset("ramp", 4, 4)
    fig = pf.playground_figure(pool2d(x, 4), x)
    assert _rect(fig.layout.shapes[0].to_plotly_json()) == (0, 4, 0, 4)


def test_padding_cells_are_greyed_and_labelled():
    res = pool2d(RAMP4, 3, 1, (1, 0, 2, 1), mode="avg")
    fig = pf.playground_figure(res, RAMP4, padding_label="填充")
    values, padding = _heatmaps(fig, "x")
    assert padding.name == "padding"
    assert _array(values.x).tolist() == [-2, -1, 0, 1, 2, 3, 4] and _array(values.y).tolist() == [-1, 0, 1, 2, 3]
    z = _array(values.z).astype(float)
    pad = ~np.isnan(_array(padding.z).astype(float))
    expected_pad = np.ones((5, 7), bool)
    expected_pad[1:, 2:6] = False
    assert np.array_equal(pad, expected_pad)
    assert np.array_equal(z[1:, 2:6], RAMP4) and np.isnan(z[expected_pad]).all()
    # each cell is written once: padding cells by the padding trace (zero-width spaces: see grid.plotly_width)
    text = np.array([[str(t).replace("\u200b", "") for t in row] for row in padding.text], dtype=object)
    assert (text[expected_pad] == "填充").all() and (text[~expected_pad] == "").all()
    values_text = np.array(values.text, dtype=object)
    assert (values_text[expected_pad] == "").all() and values_text[1, 2] == "1"


def test_output_heatmap_holds_the_pooled_numbers_on_the_second_axes():
    res = pool2d(RAMP4, 2, mode="avg")
    fig = pf.playground_figure(res, RAMP4)
    (out,) = _heatmaps(fig, "x2")
    assert out.yaxis == "y2"
    assert _array(out.z).tolist() == FIGURE1_AVG
    assert np.array(out.text).tolist() == [["3.5", "5.5"], ["11.5", "13.5"]]
    # one colour scale for both grids, so equal numbers look alike
    (inp,) = [t for t in _heatmaps(fig, "x") if t.name == "values"]
    assert (out.zmin, out.zmax) == (inp.zmin, inp.zmax) == (1.0, 16.0)


def test_input_outline_and_dashed_padding_edge_for_a_ceil_mode_overhang():
    res = pool2d(np.ones((5, 5)), 2, 2, ceil_mode=True)  # the last windows reach row/col 5
    assert res.geometry.has_overhang
    lines = pf.static_traces(res.trace)
    assert len(lines) == 2
    assert lines[0]["x"] == [-0.5, 4.5, 4.5, -0.5, -0.5] and lines[0]["line"]["dash"] == "solid"
    assert lines[1]["line"]["dash"] == "dash"
    assert lines[1]["x"] == [-0.5, 4.5, 4.5, -0.5, -0.5]  # no padding: its edge is the input's edge
    res = pool2d(np.ones((4, 4)), 2, 2, padding=1)
    assert not res.geometry.has_overhang
    assert len(pf.static_traces(res.trace)) == 1


def test_dilated_window_marks_each_tap():
    x = preset("ramp", 7, 7)
    res = pool2d(x, 3, 1, dilation=2)
    rec = res.trace.window(0, 1)
    outline, taps, argmax, out_cell = pf.step_shapes(rec, dilated=res.geometry.dilated)
    assert outline["line"]["dash"] == "dot" and _rect(outline) == (0, 5, 1, 6)
    assert taps["type"] == "path" and taps["path"].count("M") == 9
    assert "M0.5,-0.5H1.5V0.5H0.5Z" in taps["path"]  # the tap on row 0, column 1
    assert _rect(argmax) == (4, 5, 5, 6)  # the largest tap: row 4, column 5


def test_a_dilated_figure_walks_the_taps_at_every_step():
    x = preset("ramp", 7, 7)
    res = pool2d(x, 3, 2, dilation=2)
    for k in range(res.trace.n_windows):
        outline, taps = _step_shapes(res, x, k)[:2]
        rec = res.trace.window(*divmod(k, res.output.shape[1]))
        assert outline["line"]["dash"] == "dot" and _rect(outline) == (rec.row_start, rec.row_stop,
                                                                       rec.col_start, rec.col_stop)
        assert taps["path"].count("M") == 9 and taps["line"]["color"] == window_color(k)
    assert all(s["type"] == "rect" for s in _step_shapes(pool2d(x, 3, 2), x, 0))


def test_input_and_output_cells_have_one_size_and_tops_in_line():
    res = pool2d(RAMP4, 2, 2, padding=(1, 0, 1, 1), mode="avg")  # padded input 5 x 6, output 2 x 3
    assert res.output.shape == (2, 3)
    lay = pf.playground_figure(res, RAMP4, input_title="in", output_title="out").layout
    (x0, x1), (x2, x3) = lay.xaxis.domain, lay.xaxis2.domain
    cell = (x1 - x0) / 6
    assert (x3 - x2) / 3 == pytest.approx(cell) and (x2 - x1) == pytest.approx(1.5 * cell)  # gap: 1.5 cells
    assert list(lay.yaxis.range) == [3.5, -1.5] and list(lay.yaxis2.range) == [4.5, -0.5]  # 5 rows each
    assert lay.yaxis.scaleanchor == "x" and lay.yaxis2.scaleanchor == "x2"
    assert (lay.xaxis.constraintoward, lay.xaxis2.constraintoward) == ("right", "left")  # hugging the gap
    assert lay.xaxis.side == lay.xaxis2.side == "top"
    assert (lay.xaxis.title.text, lay.xaxis2.title.text) == ("in", "out")
    assert list(lay.xaxis.tickvals) == [-1, 0, 1, 2, 3, 4] and list(lay.yaxis2.tickvals) == [0, 1]


def test_at_step_moves_only_the_shapes():
    x = preset("random", 7, 5, seed=3)
    res = pool2d(x, (3, 2), 2, (1, 0, 0, 1), dilation=(1, 2), ceil_mode=True)
    base = pf.playground_figure(res, x, input_title="in").to_plotly_json()
    for k in (0, 3, res.trace.n_windows - 1, 99):
        moved = pf.at_step(base, res, k)
        built = pf.playground_figure(res, x, step=k, input_title="in").to_plotly_json()
        assert moved["layout"]["shapes"] == built["layout"]["shapes"]
        assert moved["data"] is base["data"]
        assert {**moved["layout"], "shapes": None} == {**built["layout"], "shapes": None}
    assert base["layout"]["shapes"] == pf.at_step(base, res, 0)["layout"]["shapes"]  # the base is not changed
