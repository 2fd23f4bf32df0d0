"""The drawing pad's figure: one clickable point per cell in reading order, drawn cells outlined,
cells sized to the column (colour only when too small for text)."""

import numpy as np

from lessons.drawing import selected_cells
from lessons.figures.draw import MIN_TEXT_PX, pad_cell_px, pad_figure
from lessons.figures.grid import HIGHLIGHT


def test_one_point_per_cell_in_reading_order_and_drawn_cells_outlined():
    values = np.arange(6, dtype=float).reshape(2, 3)
    drawn = np.zeros((2, 3), bool)
    drawn[1, 0] = True
    fig = pad_figure(values, drawn=drawn)
    points = next(tr for tr in fig.data if tr.type == "scatter")
    assert list(points.x) == [0, 1, 2, 0, 1, 2] and list(points.y) == [0, 0, 0, 1, 1, 1]
    # the point a click selects names the cell it sits on
    assert selected_cells([{"point_index": k} for k in range(6)], (2, 3)) == list(zip(points.y, points.x))
    assert list(points.customdata) == values.ravel().tolist()
    heat = next(tr for tr in fig.data if tr.type == "heatmap")
    assert heat.hoverinfo == "skip"  # hover and clicks go to the points
    outlined = [(s.y0 + 0.5, s.x0 + 0.5) for s in fig.layout.shapes if s.line.color == HIGHLIGHT]
    assert outlined == [(1, 0)]


def test_cells_follow_the_column_width():
    assert pad_cell_px((4, 4), 900) == 34
    small = pad_cell_px((16, 16), 230)
    assert 8 <= small < MIN_TEXT_PX
    fig = pad_figure(np.zeros((16, 16)), width=230)
    assert next(tr for tr in fig.data if tr.type == "heatmap").texttemplate == ""
    assert fig.layout.height < 300  # no tall empty figure in a narrow column
    assert next(tr for tr in pad_figure(np.zeros((4, 4))).data if tr.type == "heatmap").texttemplate == "%{text}"


def test_a_signed_pad_is_coloured_as_gradients_are():
    heat = next(tr for tr in pad_figure(np.array([[1.0, -3.0]]), signed=True).data if tr.type == "heatmap")
    assert heat.zmin == -heat.zmax and heat.zmax > 3
