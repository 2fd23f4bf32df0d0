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


# The pads' expanders open (a closed one runs none of its content: no pad is sent on a first load).
OPEN = {f"{prefix}_draw_open": True for prefix in ("pg", "inv", "bw", "bw_g")}


@pytest.mark.parametrize("page, prefix", [("3_playground.py", "pg"), ("5_invariance.py", "inv"),
                                          ("6_backward.py", "bw")])
def test_a_pad_is_drawn_only_once_its_expander_is_open(page, prefix):
    at = run_page(page)
    assert not [c for c in at.get("plotly_chart") if f"{prefix}_pad_" in c.proto.id]
    at.session_state[f"{prefix}_draw_open"] = True  # what a click on the expander's title does
    at.run()
    assert not at.exception
    assert _pad(at, prefix).size


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
    at = run_page("5_invariance.py", lang, state=OPEN, inv_draw=encode(drawn))
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


# backward -----------------------------------------------------------------------------------

def test_a_backward_drawing_is_hashable_and_pooled():
    from lessons import backward as bw
    drawn = ((0.0, 0.0, 0.0, 0.0), (0.0, 9.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0))
    s = bw.Settings(x_drawn=drawn)
    assert {s: 1}[bw.Settings(x_drawn=drawn)] == 1  # the page caches by settings
    lesson = bw.compute(s)
    assert lesson.max.res.output.tolist() == [[9, 0], [0, 1]]
    with pytest.raises(ValueError, match="must be 5x5 to match n"):
        bw.compute(bw.Settings(n=5, x_drawn=drawn))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_backward_page_draws_its_input_and_keeps_the_overlap_on_a_new_n(lang):
    drawn = np.zeros((4, 4))
    drawn[1, 1] = 9
    at = run_page("6_backward.py", lang, state=OPEN, bw_draw=encode(drawn))
    np.testing.assert_array_equal(_pad(at, "bw"), drawn)
    assert t("draw.using", lang, n=16, total=16) in _captions(at)
    at.slider(key="bw_n").set_value(5).run()
    assert not at.exception
    assert _pad(at, "bw")[1, 1] == 9 and _pad(at, "bw")[4].tolist() == [21, 22, 23, 24, 25]  # ramp fills in
    assert t("draw.resized", lang, h=5, w=5, dh=4, dw=4, rows=4, cols=4) in _captions(at)
    at.radio(key="bw_x").set_value("ties").run()
    assert at.text_input(key="bw_draw").value == ""


def test_the_backward_page_explains_a_hostile_drawing():
    at = run_page("6_backward.py", "zh", bw_draw="4x4i" + "Z" * 99)
    reason = t("draw.err.count", "zh", expected=16, got="> 16")
    assert t("draw.bad_code", "zh", reason=reason) in _captions(at)


def test_the_upstream_pad_shows_the_typed_gradient_only_for_custom():
    def pads(at):
        return [c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart") if "bw_g_pad_" in c.proto.id]

    assert not pads(run_page("6_backward.py", state=OPEN, bw_g="ones"))
    at = run_page("6_backward.py", "zh", state=OPEN, bw_g="custom", bw_gtext="1 2; 3 -3")
    assert len(pads(at)) == 1 and t("draw.title_upstream", "zh") in [e.label for e in at.expander]
    np.testing.assert_array_equal(_pad(at, "bw_g"), [[1, 2], [3, -3]])
    assert not pads(run_page("6_backward.py", state=OPEN, bw_g="custom", bw_n=16, bw_s=1, bw_p=1))  # 17x17: too big to type
