"""Draw your own input, headless: the drawing code in the URL reaches the lesson on the
playground, invariance and backward pages; a new example clears it, a bad one is explained."""

from functools import partial

import numpy as np
import pytest
from pagetest import chart_spec, plotly_array, run_page

from lessons import invariance as inv
from lessons.drawing import encode
from lessons.i18n import t

arr = partial(plotly_array, dtype=float)


def _z(at, key, trace=0):
    return arr(chart_spec(at, key)["data"][trace]["z"])


def _captions(at):
    return [c.value for c in at.caption] + [i.value for i in at.info] + [w.value for w in at.warning]


def _pad(at, prefix):
    """The pad's grid (the chart's key carries a counter)."""
    for chart in at.get("plotly_chart"):
        if f"{prefix}_pad_" in chart.proto.id:
            return arr(__import__("json").loads(chart.proto.spec)["data"][0]["z"])
    raise AssertionError(f"no pad for {prefix}")


# invariance ---------------------------------------------------------------------------------

def test_an_invariance_drawing_replaces_the_input_in_its_scene():
    drawn = np.zeros((inv.SIZE, inv.SIZE))
    drawn[1, 1] = 9
    v = inv.compute(inv.Settings(drawing=tuple(map(tuple, drawn.tolist())), dx=1))
    np.testing.assert_array_equal(v.original, drawn)
    np.testing.assert_array_equal(v.moved[:, 1:], drawn[:, :-1])  # the scene's column enters on the left
    np.testing.assert_array_equal(v.moved[:, 0], inv.pattern_scene("figure3")[3:9, 2])
    assert v.pattern_note == "draw.inv_note"
    with pytest.raises(ValueError, match="drawing must be 6x6"):
        inv.compute(inv.Settings(drawing=((1.0,),)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_invariance_page_pools_a_drawing_from_the_url(lang):
    drawn = inv.pattern_view("figure3")
    drawn[0, 0] = 0  # figure 3's top-left window loses its 8 ...
    drawn[2, 2] = 9  # ... and gets a 9 on its right edge, which a shift right pushes out
    at = run_page("5_invariance.py", lang, inv_draw=encode(drawn))
    np.testing.assert_array_equal(_z(at, "inv_in_before"), drawn)
    np.testing.assert_array_equal(_pad(at, "inv"), drawn)
    assert _z(at, "inv_out_before")[0, 0] == 9
    assert t("draw.using", lang, n=2, total=36) in _captions(at)
    assert t("draw.inv_note", lang) in [m.value for m in at.markdown]
    at.radio(key="inv_pattern").set_value("noise").run()  # a new pattern starts from its own input
    assert at.text_input(key="inv_draw").value == ""
    np.testing.assert_array_equal(_z(at, "inv_in_before"), inv.pattern_view("noise"))


def test_the_invariance_drawing_resizes_a_code_of_another_size():
    at = run_page("5_invariance.py", inv_draw="2x2i9_3")
    shown = _z(at, "inv_in_before")
    assert (shown[:2, :2] == 9).all()
    np.testing.assert_array_equal(shown[2:], inv.pattern_view("figure3")[2:])
    assert t("draw.resized", "en", h=6, w=6, dh=2, dw=2, rows=2, cols=2) in _captions(at)
