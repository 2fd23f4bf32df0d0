"""Page 5 (translation invariance) run headless: defaults in both languages,
every widget at its extremes, the numbers and marks on screen."""

from functools import partial

import numpy as np
import pytest
from pagetest import chart_spec, plotly_array, run_page

from lessons.figures.grid import HIGHLIGHT
from lessons.i18n import t

run = partial(run_page, "5_invariance.py")
arr = partial(plotly_array, dtype=float)
figure = chart_spec


def z(at, key):
    return arr(figure(at, key)["data"][0]["z"])


def marked(at, key="inv_out_after"):
    """Output cells outlined as changed."""
    shapes = figure(at, key)["layout"].get("shapes", [])
    return sorted((int(s["y0"] + 0.5), int(s["x0"] + 0.5)) for s in shapes if s["line"]["color"] == HIGHLIGHT)


def bars(at):
    return {trace["name"]: list(arr(trace["y"])) for trace in figure(at, "inv_sweep")["data"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_rebuild_figure3_max_output_unchanged(lang):
    at = run(lang)
    assert at.title[0].value == t("inv.title", lang)
    assert (at.radio(key="inv_pattern").value, at.slider(key="inv_dx").value, at.slider(key="inv_dy").value) \
        == ("figure3", 1, 0)
    assert (at.slider(key="inv_kernel").value, at.slider(key="inv_stride").value) == (3, 3)
    assert at.radio(key="inv_mode").value == "max" and at.toggle(key="inv_zeros").value is False
    np.testing.assert_array_equal(z(at, "inv_out_before"), [[8, 7], [9, 6]])
    np.testing.assert_array_equal(z(at, "inv_out_after"), [[8, 7], [9, 6]])
    np.testing.assert_array_equal(z(at, "inv_in_after")[:, 1:], z(at, "inv_in_before")[:, :-1])
    assert marked(at) == []
    assert at.success[0].value == t("inv.summary_same", lang, mode=t("common.max", lang), n=4)
    shares = bars(at)
    assert shares[t("common.max", lang)] == [0, 0, 50, 100, 100, 25, 0]
    assert shares[t("common.avg", lang)] == [0, 0, 0, 100, 0, 0, 0]
    text = "\n".join(m.value for m in at.markdown)
    assert t("inv.note.figure3", lang) in text and t("inv.breaks", lang) in text
    assert t("inv.both_modes", lang, max_pct="100%", avg_pct="0%") in text
    assert any(t("inv.fill_note.scene", lang) == c.value for c in at.caption)


def test_shift_left_changes_two_max_outputs():
    at = run()
    at.slider(key="inv_dx").set_value(-1).run()
    assert not at.exception
    np.testing.assert_array_equal(z(at, "inv_out_after"), [[8, 3], [3, 6]])
    assert marked(at) == [(0, 1), (1, 0)]
    assert at.warning[0].value == t("inv.summary_changed", "en", mode=t("common.max", "en"), changed=2, n=4)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_average_pooling_changes_every_output(lang):
    at = run(lang)
    at.radio(key="inv_mode").set_value("avg").run()
    assert not at.exception
    assert marked(at) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert at.warning[0].value == t("inv.summary_changed", lang, mode=t("common.avg", lang), changed=4, n=4)
    # no maxima outlined in the inputs for average pooling
    assert marked(at, "inv_in_before") == []


def test_boundary_pattern_and_the_large_value_entering():
    at = run()
    at.radio(key="inv_pattern").set_value("boundary").run()
    np.testing.assert_array_equal(z(at, "inv_out_after"), [[2, 9], [2, 9]])
    assert len(marked(at)) == 4
    at.radio(key="inv_pattern").set_value("enter").run()
    np.testing.assert_array_equal(z(at, "inv_out_after"), [[9, 5], [5, 4]])
    assert marked(at) == [(0, 0)]
    at.toggle(key="inv_zeros").set_value(True).run()  # zeros enter instead: nothing changes
    assert not at.exception
    np.testing.assert_array_equal(z(at, "inv_out_after"), [[4, 5], [5, 4]])
    assert marked(at) == []
    assert z(at, "inv_in_after")[:, 0].tolist() == [0] * 6
    assert any(t("inv.fill_note.zeros", "en") == c.value for c in at.caption)


@pytest.mark.parametrize("dx,dy", [(-3, -3), (3, 3), (-3, 3), (0, 0)])
def test_shift_extremes(dx, dy):
    at = run()
    at.radio(key="inv_pattern").set_value("noise")
    at.slider(key="inv_dx").set_value(dx)
    at.slider(key="inv_dy").set_value(dy)
    at.run()
    assert not at.exception
    entered = [s for s in figure(at, "inv_in_after")["layout"]["shapes"] if s["line"].get("dash") == "dot"]
    assert len(entered) == 36 - (6 - abs(dx)) * (6 - abs(dy))
    if (dx, dy) == (0, 0):
        assert marked(at) == [] and at.success
    assert len(figure(at, "inv_sweep")["data"]) == 2


@pytest.mark.parametrize("kernel,stride,shape", [(1, 1, (6, 6)), (6, 6, (1, 1)), (6, 1, (1, 1)), (1, 6, (1, 1)),
                                                 (2, 2, (3, 3))])
def test_kernel_and_stride_extremes(kernel, stride, shape):
    at = run()
    at.slider(key="inv_kernel").set_value(kernel)
    at.slider(key="inv_stride").set_value(stride)
    at.run()
    assert not at.exception
    assert z(at, "inv_out_after").shape == shape
    if kernel == 6:  # one window over everything: the 9 is still inside after the shift
        assert z(at, "inv_out_after").tolist() == [[9]]


def test_settings_come_from_the_url():
    at = run("zh", inv_pattern="2", inv_dx="-1", inv_mode="avg", inv_kernel="2")
    assert at.radio(key="inv_pattern").value == "boundary"  # "2": a link from before names showed
    assert at.query_params["inv_pattern"] == "boundary"  # ... now rewritten to the code name
    assert at.radio(key="inv_mode").value == "avg" and at.slider(key="inv_dx").value == -1
    assert at.slider(key="inv_kernel").value == 2
    assert z(at, "inv_out_after").shape == (2, 2)  # floor((6 - 2) / 3) + 1 with the default stride 3
