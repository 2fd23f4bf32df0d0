"""Pictures and sentences that must say what the numbers say (issue 10's read-through)."""

import numpy as np

from lessons import invariance as inv
from lessons import playground as pg
from lessons.arithmetic import arithmetic_notes
from lessons.figures.grid import PADDING_FILL
from lessons.figures.playground import OVERHANG_FILL, playground_figure
from lessons.i18n import t


def _traces(fig, name):
    return [d for d in fig.to_dict()["data"] if d.get("name") == name]


def test_ceil_mode_overhang_is_not_drawn_as_padding():
    """5 + 10 over 2 cells, not 4: the cells past the padding are white and marked "outside",
    the padding grey and marked "pad", and the note says the divisor."""
    x = np.array([[5.0, 10.0, 1.0], [2.0, 3.0, 4.0], [6.0, 7.0, 8.0]])
    view = pg.compute(pg.Settings(h=3, w=3, kernel=(2, 2), stride=(2, 2), padding=(1, 0, 0, 0), mode="avg",
                                  ceil_mode=True, count_include_pad=True, grid=x.tolist()))
    res = view.result
    rec = res.trace.window(0, 1)  # rows -1..0 (padding, then 10 and 1), cols 2..3 (3 is past the input)
    fig = playground_figure(res, x, padding_label="填充", overhang_label="界外")
    (pad,), (out,) = _traces(fig, "padding"), _traces(fig, "overhang")
    def text(trace):  # without the zero-width spaces that make Plotly count CJK as double width
        return np.array([[cell.replace("\u200b", "") for cell in row] for row in trace["text"]], dtype=object)

    pad_text, out_text = text(pad), text(out)
    assert (pad_text == "界外").sum() == 0 and (out_text == "界外").sum() == 4  # column 3, rows -1..2
    assert out["colorscale"][0][1] == OVERHANG_FILL != PADDING_FILL == pad["colorscale"][0][1]
    notes = dict(arithmetic_notes(rec, res.geometry))
    assert notes["pg.arith_overhang_avg"]["d"] == rec.divisor == 2  # padding counted, overhang not
    assert "除数是 2" in t("pg.arith_overhang_avg", "zh", **notes["pg.arith_overhang_avg"])
    assert ("pg.fig_overhang", {"outside": "pg.overhang_cell"}) in view.figure_notes


def test_the_invariance_heading_claims_no_more_than_the_chart_shows():
    """dx = +1 keeps every max-pooled output of the figure-3 pattern, dx = -1 only half: the
    share does not fall as the shift grows, so the heading must not say it does."""
    shares = dict(zip(inv.SHIFTS, inv.compute(inv.Settings()).shares["max"]))
    assert shares[1] == 1.0 and shares[-1] == 0.5
    for lang, claim in (("en", "grows"), ("zh", "越大")):
        assert claim not in t("inv.sweep_header", lang)
    assert "每种水平平移" in t("inv.sweep_header", "zh")


def test_figure_labels_take_a_full_width_colon_in_chinese():
    """'步骤 1:' was written into the walkthrough's title with an ASCII colon. (The K-max walk's
    '列:' slider prefix went with Plotly's own animation controls; ui_step labels the column.)"""
    from lessons import walkthrough as wt
    from lessons.figures.walkthrough import walkthrough_figure

    titles = ["in_avg", "out_avg", "in_max", "out_max"]
    fig = walkthrough_figure(wt.compute(wt.Settings(step=1)), titles=titles, step_label="步骤")
    assert fig.layout.title.text.startswith("<b>步骤 1：  ")
