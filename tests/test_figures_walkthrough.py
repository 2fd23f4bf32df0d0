"""Figure builders of lessons 1 and 2: the tutorial's Figure 1 frame by frame
and the intro picture."""

import numpy as np
import pytest
from conftest import FIGURE1_AVG as AVG
from conftest import FIGURE1_INPUT as X
from conftest import FIGURE1_MAX as MAX

from lessons import walkthrough as wt
from lessons.examples import eye_feature_map
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS
from lessons.figures.walkthrough import UNFILLED_TEXT, intro_figure, walkthrough_figure
from pooling_core import pool2d

TITLES = ["in avg", "out avg", "in max", "out max"]


def _figure(step=1, modes=wt.MODES, titles=TITLES):
    return walkthrough_figure(wt.compute(wt.Settings(step=step, modes=modes)), titles=titles)


@pytest.fixture(scope="module")
def results():
    return pool2d(X, 2, 2, mode="avg"), pool2d(X, 2, 2, mode="max")


@pytest.fixture(scope="module")
def fig():
    return _figure(step=1)


def _window(shapes, xref="x"):
    """The current window on one input panel: the one outlined rectangle of width 4."""
    found = [s for s in shapes if s.xref == xref and s.line.width == 4 and s.x1 - s.x0 == 2]
    assert len(found) == 1, found
    return found[0]


def test_core_gives_the_tutorials_numbers(results):
    avg, mx = results
    np.testing.assert_array_equal(avg.output, AVG)
    np.testing.assert_array_equal(mx.output, MAX)


def _steps():
    """The figure at each step, 1 to 4."""
    return [_figure(step=k) for k in (1, 2, 3, 4)]


def test_one_still_figure_per_window_in_visiting_order(results):
    trace = results[0].trace
    for k, frame in enumerate(_steps()):
        assert not frame.frames and not frame.layout.sliders and not frame.layout.updatemenus
        i, j = divmod(k, 2)
        for xref in ("x", "x3"):  # both input panels
            win = _window(frame.layout.shapes, xref)
            assert win.line.color == WINDOW_COLORS[k]
            assert (win.y0 + 0.5, win.y1 + 0.5) == (trace.row_start[i, j], trace.row_stop[i, j])
            assert (win.x0 + 0.5, win.x1 + 0.5) == (trace.col_start[i, j], trace.col_stop[i, j])
            tints = [s for s in frame.layout.shapes if s.xref == xref and s.line.width == 0]
            assert [s.line.color for s in tints] == list(WINDOW_COLORS[:k])


def test_steps_fill_the_output_cells_one_by_one():
    steps = _steps()
    for k, frame in enumerate(steps):
        for data, expected in zip(frame.data[1::2], (AVG, MAX)):
            text = np.array(data.text)
            flat = [str(v) if n <= k else UNFILLED_TEXT
                    for n, v in enumerate(np.array(expected).ravel().tolist())]
            assert text.ravel().tolist() == [s.removesuffix(".0") for s in flat]
            # computed cells carry their window's index (the colour band), the rest -1
            assert np.array(data.z).ravel().tolist() == [n if n <= k else -1 for n in range(4)]
    last = steps[-1]
    assert np.array(last.data[1].text).tolist() == [["3.5", "5.5"], ["11.5", "13.5"]]
    assert np.array(last.data[3].text).tolist() == [["6", "8"], ["14", "16"]]


def test_output_colours_are_the_window_colours(fig):
    scale = fig.data[1].colorscale
    colours = [c for _, c in scale][::2]
    assert colours[1:] == list(WINDOW_COLORS)
    assert (fig.data[1].zmin, fig.data[1].zmax) == (-1.5, 3.5)


def test_max_panel_highlights_the_argmax(results):
    mx = results[1]
    for k, frame in enumerate(_steps()):
        rec = mx.trace.window(*divmod(k, 2))
        marks = [s for s in frame.layout.shapes if s.line.color == HIGHLIGHT]
        assert len(marks) == 1
        mark = marks[0]
        assert mark.xref == "x3"  # the max input panel, not the average one
        assert round((mark.y0 + mark.y1) / 2) == rec.argmax[0] == [1, 1, 3, 3][k]
        assert round((mark.x0 + mark.x1) / 2) == rec.argmax[1] == [1, 3, 1, 3][k]
        assert X[rec.argmax] == rec.output


def test_title_carries_the_arithmetic_of_its_step(fig):
    assert fig.layout.title.text == "<b>Step 1:   3.5 = (1 + 2 + 5 + 6) / 4      max(1, 2, 5, 6) = 6</b>"
    assert _figure(step=4).layout.title.text == "<b>Step 4:   13.5 = (11 + 12 + 15 + 16) / 4      " \
                                               "max(11, 12, 15, 16) = 16</b>"
    assert [a.text for a in fig.layout.annotations] == TITLES


def test_cells_have_one_size_in_every_panel(fig):
    lay = fig.layout
    in_x, out_x = lay.xaxis.domain, lay.xaxis2.domain
    in_y, out_y = lay.yaxis.domain, lay.yaxis2.domain
    assert (out_x[1] - out_x[0]) == pytest.approx((in_x[1] - in_x[0]) / 2)
    assert (out_y[1] - out_y[0]) == pytest.approx((in_y[1] - in_y[0]) / 2)
    assert out_y[1] == in_y[1] == 1.0  # tops aligned
    assert list(lay.yaxis.range) == [3.5, -0.5]  # row 0 on top


def test_rows_put_each_mode_on_a_row_of_its_own():
    """The phone's arrangement: input and output of one mode per row, one line of arithmetic per mode,
    each title above its own panel; the same shapes as side by side."""
    view = wt.compute(wt.Settings(step=2))
    fig = walkthrough_figure(view, titles=TITLES, rows=True)
    lay = fig.layout
    assert lay.title.text == "<b>Step 2: <br>5.5 = (3 + 4 + 7 + 8) / 4<br>max(3, 4, 7, 8) = 8</b>"
    assert lay.shapes == walkthrough_figure(view, titles=TITLES).layout.shapes
    assert lay.xaxis.domain == lay.xaxis3.domain and lay.xaxis2.domain == lay.xaxis4.domain
    assert lay.xaxis.domain[1] < lay.xaxis2.domain[0]  # input left of output, in each row
    assert lay.yaxis3.domain[1] < lay.yaxis.domain[0]  # the max row under the average row
    assert lay.yaxis.domain[1] == lay.yaxis2.domain[1] == 1.0
    for a, axis in zip(lay.annotations, ("yaxis", "yaxis2", "yaxis3", "yaxis4")):
        assert a.y == lay[axis].domain[1]  # each title right above its panel
    one = walkthrough_figure(wt.compute(wt.Settings(step=1, modes=("avg",))), titles=TITLES[:2], rows=True)
    assert one.layout.height < lay.height and list(one.layout.yaxis.domain) == [0.0, 1.0]


def test_one_mode_alone():
    fig = _figure(step=2, modes=("max",), titles=TITLES[2:])
    assert len(fig.data) == 2 and not fig.frames
    assert fig.layout.title.text == "<b>Step 2:   max(3, 4, 7, 8) = 8</b>"
    assert [s.xref for s in fig.layout.shapes if s.line.color == HIGHLIGHT] == ["x"]


def test_no_mode_no_figure():
    with pytest.raises(ValueError, match="at least one mode"):
        _figure(modes=())


def test_intro_picture():
    x = eye_feature_map()
    assert x.shape == (8, 8)
    res = pool2d(x, 2, 2, mode="max")
    expected = [[8, 3, 2, 9], [3, 2, 1, 3], [1, 1, 1, 1], [0, 2, 2, 0]]
    np.testing.assert_array_equal(res.output, expected)
    fig = intro_figure(res, titles=("map", "pooled"))
    assert np.array(fig.data[0].z).tolist() == x.tolist()
    assert np.array(fig.data[1].text).tolist() == [[str(v) for v in row] for row in expected]
    assert (fig.data[0].zmin, fig.data[0].zmax) == (fig.data[1].zmin, fig.data[1].zmax) == (0.0, 9.0)
    outlines = fig.layout.shapes
    assert len(outlines) == 16 and all(s.xref == "x" for s in outlines)
    corners = sorted((s.y0 + 0.5, s.x0 + 0.5) for s in outlines)
    assert corners == [(r, c) for r in (0, 2, 4, 6) for c in (0, 2, 4, 6)]
    assert all(s.x1 - s.x0 == 2 and s.y1 - s.y0 == 2 for s in outlines)
    assert [a.text for a in fig.layout.annotations] == ["map", "pooled"]
