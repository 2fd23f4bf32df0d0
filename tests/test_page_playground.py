"""Lesson 3 page, the playground: every widget by its key, both languages,
configurations the core refuses, and settings read from the URL."""

import json
from functools import partial

import numpy as np
import pytest
from pagetest import plotly_array, run_page

from lessons.arithmetic import window_arithmetic
from lessons.errors import error_text
from lessons.examples import preset
from lessons.i18n import Items, t
from lessons.playground import Settings
from pooling_core import pool2d

_run = partial(run_page, "3_playground.py")
DEFAULTS = {"pg_h": 6, "pg_w": 6, "pg_kh": 2, "pg_kw": 2, "pg_sh": 2, "pg_sw": 2, "pg_pt": 0,
            "pg_pb": 0, "pg_pl": 0, "pg_pr": 0, "pg_dh": 1, "pg_dw": 1, "pg_ceil": False,
            "pg_cip": True, "pg_mode": "max", "pg_preset": "ramp", "pg_seed": 0}
SLIDERS = ("pg_h", "pg_w", "pg_kh", "pg_kw", "pg_sh", "pg_sw", "pg_pt", "pg_pb", "pg_pl", "pg_pr",
           "pg_dh", "pg_dw")


def _settings(at) -> dict:
    out = {k: at.slider(key=k).value for k in SLIDERS}
    out.update(pg_ceil=at.toggle(key="pg_ceil").value, pg_cip=at.toggle(key="pg_cip").value,
               pg_mode=at.radio(key="pg_mode").value, pg_preset=at.selectbox(key="pg_preset").value,
               pg_seed=int(at.number_input(key="pg_seed").value))
    return out


def _pool(s: dict, x=None):
    """What the page should compute for settings ``s`` (raises like the page's core call)."""
    if x is None:
        x = preset(s["pg_preset"], s["pg_h"], s["pg_w"], s["pg_seed"])
    return pool2d(x, (s["pg_kh"], s["pg_kw"]), (s["pg_sh"], s["pg_sw"]),
                  (s["pg_pt"], s["pg_pb"], s["pg_pl"], s["pg_pr"]), mode=s["pg_mode"],
                  dilation=(s["pg_dh"], s["pg_dw"]), ceil_mode=s["pg_ceil"], count_include_pad=s["pg_cip"])


def _specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart") if "pg_pad_" not in c.proto.id]


def _grids(spec):
    """(input values, output values) heatmaps of the playground figure."""
    heat = [d for d in spec["data"] if d["type"] == "heatmap"]
    inp = next(d for d in heat if d.get("name") == "values" and d.get("xaxis", "x") == "x")
    out = next(d for d in heat if d.get("xaxis") == "x2")
    return inp, out


def _z(trace, field="z") -> np.ndarray:
    return plotly_array(trace[field], float)


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for kind in (at.error, at.warning, at.info, at.success) for e in kind]
    return "\n".join(parts)


def _latex(at) -> list[str]:
    return [el.body.strip().strip("$").strip() for el in at.latex]


def _assert_page_matches_core(at):
    """The figure and the formula show exactly what pool2d computes for the widgets' settings."""
    s = _settings(at)
    try:
        res = _pool(s)
    except ValueError as exc:
        assert len(at.error) == 1 and error_text(exc, "en") in at.error[0].value  # worded by lessons/errors.py
        (spec,) = _specs(at)
        assert not spec.get("frames")
        return None
    assert len(at.error) == 0
    (spec,) = _specs(at)
    _, out = _grids(spec)
    np.testing.assert_allclose(_z(out), res.output)
    assert not spec.get("frames")  # one step control: the page's slider, not a Plotly animation
    n = res.trace.n_windows
    assert (at.slider(key="pg_step").max if n > 1 else 1) == n
    ho, wo = res.output.shape
    latex = _latex(at)
    assert any(line.startswith("H_{out} =") and line.endswith(f" {ho}") for line in latex)
    assert any(line.startswith("W_{out} =") and line.endswith(f" {wo}") for line in latex)
    return res


# defaults -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults(lang):
    at = _run(lang)
    assert at.title[0].value == t("pg.title", lang)
    assert _settings(at) == DEFAULTS
    d = Settings()  # the page's defaults are the settings record's
    assert DEFAULTS == {"pg_h": d.h, "pg_w": d.w, "pg_kh": d.kernel[0], "pg_kw": d.kernel[1], "pg_sh": d.stride[0],
                        "pg_sw": d.stride[1], "pg_pt": d.padding[0], "pg_pb": d.padding[1], "pg_pl": d.padding[2],
                        "pg_pr": d.padding[3], "pg_dh": d.dilation[0], "pg_dw": d.dilation[1],
                        "pg_ceil": d.ceil_mode, "pg_cip": d.count_include_pad, "pg_mode": d.mode,
                        "pg_preset": d.preset, "pg_seed": d.seed}
    assert at.slider(key="pg_step").value == 1
    assert len(at.error) == 0 and len(at.warning) == 0
    (spec,) = _specs(at)
    inp, out = _grids(spec)
    np.testing.assert_array_equal(_z(inp), np.arange(1, 37).reshape(6, 6))
    assert _z(out).tolist() == [[8, 10, 12], [20, 22, 24], [32, 34, 36]]
    assert not spec.get("frames") and not spec["layout"].get("updatemenus")
    assert at.button(key="pg_play").label == t("common.play", lang)
    assert spec["layout"]["xaxis"]["title"]["text"] == t("pg.fig_input", lang)
    latex = _latex(at)
    assert latex[0] == r"\max(1,\ 2,\ 7,\ \boxed{8}) = 8"
    assert r"H_{out} = \left\lfloor \dfrac{6 + 0 + 0 - 2}{2} \right\rfloor + 1 = \left\lfloor \dfrac{4}{2} " \
           r"\right\rfloor + 1 = \lfloor 2 \rfloor + 1 = 2 + 1 = 3" in latex
    text = _text(at)
    for key in ("pg.fig_caption", "pg.cip_max", "pg.formula_exact.H", "pg.formula_exact.W", "pg.knobs",
                "pg.frameworks", "pg.preset.ramp"):
        assert t(key, lang) in text, key
    assert t("pg.window_info", lang, k=1, n=9, rows=Items((0, 1)), cols=Items((0, 1)), i=0, j=0) in text
    assert t("pg.formula_result", lang, h=6, w=6, ho=3, wo=3) in text
    assert at.toggle(key="pg_cip").disabled  # only average pooling counts padding
    assert not at.code and not at.toggle(key="pg_code").value  # code is shown on request
    at.toggle(key="pg_code").set_value(True).run()
    codes = [c.value for c in at.code]
    assert len(codes) == 1 and codes[0].startswith("import torch.nn.functional as F\ny = F.max_pool2d(")
    at.radio(key="pg_fw").set_value("paddle").run()  # the code follows the framework picked
    codes = [c.value for c in at.code]
    assert len(codes) == 1 and codes[0].startswith("import paddle.nn.functional as F\n")
    assert codes[0].endswith("padding=[0, 0, 0, 0],\n    ceil_mode=False)")


def test_every_setting_is_bound_to_the_url():
    at = _run()
    for key in SLIDERS + ("pg_step",):
        assert at.slider(key=key).proto.query_param_key == key
    for key in ("pg_ceil", "pg_cip", "pg_code"):
        assert at.toggle(key=key).proto.query_param_key == key
    assert at.number_input(key="pg_seed").proto.query_param_key == "pg_seed"
    # choices show names in the reader's language and keep code names in the URL (lessons/ui_choice.py)
    assert list(at.radio(key="pg_mode").options) == [t("common.max"), t("common.avg")]
    assert list(at.selectbox(key="pg_preset").options)[-1] == t("pg.preset_name.face")
    at.radio(key="pg_mode").set_value("avg").run()
    at.selectbox(key="pg_preset").set_value("face").run()
    assert (at.query_params["pg_mode"], at.query_params["pg_preset"]) == ("avg", "face")


def test_settings_come_from_the_url():
    query = {"pg_h": 4, "pg_w": 5, "pg_kh": 3, "pg_pt": 1, "pg_pr": 1, "pg_mode": "avg",
             "pg_preset": "face", "pg_ceil": "true", "pg_cip": "false", "pg_step": 3}
    at = _run("zh", **query)
    s = _settings(at)
    assert {k: s[k] for k in query if k in s} == {"pg_h": 4, "pg_w": 5, "pg_kh": 3, "pg_pt": 1, "pg_pr": 1,
                                                  "pg_mode": "avg", "pg_preset": "face", "pg_ceil": True,
                                                  "pg_cip": False}
    assert at.slider(key="pg_step").value == 3
    res = _assert_page_matches_core(at)
    rec = res.trace.window(0, 2)
    assert _latex(at)[0] == window_arithmetic(rec, latex=True)


def test_values_outside_a_widgets_range_fall_back_to_its_default():
    at = _run(pg_h=40, pg_step=99, pg_mode="mean", pg_preset="smiley", pg_pt=-1)
    s = _settings(at)
    assert (s["pg_h"], s["pg_mode"], s["pg_preset"], s["pg_pt"]) == (6, "max", "ramp", 0)
    assert at.slider(key="pg_step").value == 1
    _assert_page_matches_core(at)


# every widget at its extremes -----------------------------------------------------------------

EXTREMES = [(k, lo, hi) for k, lo, hi in (
    ("pg_h", 1, 16), ("pg_w", 1, 16), ("pg_kh", 1, 16), ("pg_kw", 1, 16), ("pg_sh", 1, 16), ("pg_sw", 1, 16),
    ("pg_pt", 0, 8), ("pg_pb", 0, 8), ("pg_pl", 0, 8), ("pg_pr", 0, 8), ("pg_dh", 1, 4), ("pg_dw", 1, 4))]


@pytest.mark.parametrize("key, lo, hi", EXTREMES)
def test_each_slider_at_its_extremes(key, lo, hi):
    at = _run()
    slider = at.slider(key=key)
    assert (slider.min, slider.max) == (lo, hi)
    for value in (lo, hi):
        at.slider(key=key).set_value(value).run()
        assert not at.exception
        assert at.slider(key=key).value == value
        _assert_page_matches_core(at)


def test_toggles_radio_preset_and_seed():
    at = _run(pg_pt=1, pg_pl=1, pg_kh=3, pg_kw=3)  # padding, so counting it matters
    at.radio(key="pg_mode").set_value("avg").run()
    assert not at.toggle(key="pg_cip").disabled
    counted = _assert_page_matches_core(at)
    assert r"\textcolor{gray}{0}" in _latex(at)[0]
    at.toggle(key="pg_cip").set_value(False).run()
    excluded = _assert_page_matches_core(at)
    assert not np.array_equal(counted.output, excluded.output)
    assert r"\textcolor{gray}" not in _latex(at)[0]
    assert t("pg.arith_avg_pad_skipped", "en", n=5, d=4) in _text(at)
    at.toggle(key="pg_ceil").set_value(True).run()
    _assert_page_matches_core(at)
    at.toggle(key="pg_ceil").set_value(False).run()
    at.radio(key="pg_mode").set_value("max").run()
    _assert_page_matches_core(at)
    for name in ("random", "checker", "edge", "face", "ramp"):
        at.selectbox(key="pg_preset").set_value(name).run()
        res = _assert_page_matches_core(at)
        assert t(f"pg.preset.{name}", "en") in _text(at)
        inp, _ = _grids(_specs(at)[0])
        np.testing.assert_array_equal(_z(inp)[1:, 1:], preset(name, 6, 6))
        assert res is not None
    at.selectbox(key="pg_preset").set_value("random").run()
    assert not at.number_input(key="pg_seed").disabled
    grids = []
    for seed in (0, 9999):
        at.number_input(key="pg_seed").set_value(seed).run()
        _assert_page_matches_core(at)
        grids.append(_z(_grids(_specs(at)[0])[0])[1:, 1:])
    np.testing.assert_array_equal(grids[1], preset("random", 6, 6, 9999))
    assert not np.array_equal(grids[0], grids[1])


def test_step_slider_from_first_to_last_window():
    at = _run()
    assert (at.slider(key="pg_step").min, at.slider(key="pg_step").max) == (1, 9)
    at.slider(key="pg_step").set_value(5).run()
    assert _latex(at)[0] == r"\max(15,\ 16,\ 21,\ \boxed{22}) = 22"
    spec = _specs(at)[0]
    window = spec["layout"]["shapes"][0]
    assert (window["x0"], window["x1"], window["y0"], window["y1"]) == (1.5, 3.5, 1.5, 3.5)
    at.slider(key="pg_step").set_value(9).run()
    assert _latex(at)[0] == r"\max(29,\ 30,\ 35,\ \boxed{36}) = 36"
    assert t("pg.window_info", "en", k=9, n=9, rows="4, 5", cols="4, 5", i=2, j=2) in _text(at)


def test_many_windows_reach_the_last_one():
    at = _run(pg_h=16, pg_w=16, pg_kh=1, pg_kw=1, pg_sh=1, pg_sw=1, pg_step=256)
    assert at.slider(key="pg_step").value == 256 and at.button(key="pg_next").disabled
    assert _latex(at)[0] == r"\max(\boxed{256}) = 256"


# settings the core refuses -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_window_larger_than_the_input_is_explained_and_the_page_stays_usable(lang):
    at = _run(lang, pg_h=2, pg_w=2, pg_kh=5)
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith(t("common.error", lang, message="")) and "kernel_size=5" in message
    assert t("common.error_hint", lang) in _text(at)
    # the formula says where it goes wrong, for the height only
    assert t("pg.formula_none.H", lang, span=5, padded=2) in _text(at)
    latex = _latex(at)
    assert any(line.startswith("H_{out} =") and line.endswith(r"-2 + 1 = -1 \le 0") for line in latex)
    assert any(line.startswith("W_{out} =") and line.endswith("= 1") for line in latex)
    # the input is still drawn, the rest of the lesson is still there, every widget still works
    (spec,) = _specs(at)
    assert not spec.get("frames")
    assert _z(spec["data"][0]).tolist() == [[1, 2], [3, 4]]
    assert t("pg.no_windows", lang) in _text(at)
    assert {h.value for h in at.subheader} >= {t("pg.sec_formula", lang), t("pg.sec_knobs", lang),
                                                t("pg.sec_frameworks", lang)}
    at.slider(key="pg_kh").set_value(2).run()
    assert not at.exception and len(at.error) == 0
    _assert_page_matches_core(at)


def test_a_window_of_padding_only_is_refused_with_the_reason():
    at = _run(pg_h=1, pg_w=1, pg_kh=1, pg_kw=1, pg_pt=1)
    assert len(at.error) == 1 and "too much padding" in at.error[0].value
    assert len(at.warning) == 0  # the size formula itself is fine: one window per axis
    text = _text(at)  # PyTorch would refuse it too: padding more than half of a 1-cell window
    assert t("pg.torch.half", "en", kh=1, kw=1, limit_h=0, limit_w=0) in text
    assert t("pg.torch.asymmetric", "en") in text
    _assert_page_matches_core(at)


def test_ceil_mode_says_when_the_last_window_is_dropped():
    at = _run(pg_w=3, pg_kw=1, pg_sw=2, pg_pr=1, pg_ceil="true")
    assert t("pg.formula_dropped.W", "en", start=4, last=2, out=2) in _text(at)
    res = _assert_page_matches_core(at)
    assert res.output.shape == (3, 2)


def test_pytorch_notes_follow_the_settings():
    at = _run(pg_pb=1, pg_mode="avg", pg_dw=2, pg_code="true")
    text = _text(at)
    assert t("pg.torch.asymmetric", "en") in text and t("pg.torch.avg_dilation", "en") in text
    assert not at.code  # PyTorch has no direct spelling for these settings
    at.radio(key="pg_fw").set_value("paddle").run()
    assert t("pg.paddle.dilation", "en") in _text(at)
    assert not at.code  # nor PaddlePaddle


# the editable grid --------------------------------------------------------------------------------

def test_edited_numbers_are_pooled_and_kept_in_the_url():
    at = _run(pg_h=2, pg_w=4, pg_mode="avg")
    assert at.text_area(key="pg_grid").value == "1 2 3 4\n5 6 7 8"
    at.text_area(key="pg_grid").input("1 2 3 4\n5 6 7 100").run()
    assert not at.exception and len(at.error) == 0
    _, out = _grids(_specs(at)[0])
    assert _z(out).tolist() == [[3.5, 28.5]]
    assert t("draw.using", "en", n=1, total=8) in _text(at)
    assert at.text_input(key="pg_draw").value == "2x4n1_2_3_4_5_6_7_100"
    at.session_state["pg_draw_open"] = True  # the clear button sits with the pad, in the open expander
    at.run()
    at.button(key="pg_draw_clear").click().run()
    assert at.text_area(key="pg_grid").value == "1 2 3 4\n5 6 7 8"
    assert _z(_grids(_specs(at)[0])[1]).tolist() == [[3.5, 5.5]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bad_entry_is_named_and_the_drawing_is_used(lang):
    at = _run(lang, pg_h=2, pg_w=2, pg_draw="2x2i0_28")
    at.text_area(key="pg_grid").input("1 2\n3 four").run()
    assert not at.exception
    assert at.error[0].value == t("pg.grid_err.not_number", lang, row=2, col=2, token="four")
    assert t("draw.text_fallback", lang) in _text(at)
    _, out = _grids(_specs(at)[0])
    assert _z(out).tolist() == [[8]]  # the drawing 0 0 0 8 pooled instead
    at.text_area(key="pg_grid").input("1 2\n3 4\n5 6").run()
    assert at.error[0].value == t("pg.grid_err.row_count", lang, expected=2, got=3)


def test_a_new_preset_clears_the_drawing_and_a_new_size_keeps_its_overlap():
    at = _run(pg_h=2, pg_w=2)
    at.text_area(key="pg_grid").input("9 9\n9 9").run()
    at.slider(key="pg_w").set_value(3).run()
    assert at.text_area(key="pg_grid").value == "9 9 3\n9 9 6"  # the new column from the ramp
    assert t("draw.resized", "en", h=2, w=3, dh=2, dw=2, rows=2, cols=2) in _text(at)
    at.selectbox(key="pg_preset").set_value("checker").run()
    assert at.text_area(key="pg_grid").value == "9 0 9\n0 9 0"
    assert at.text_input(key="pg_draw").value == ""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("code, reason", [
    ("2x2i0_9", ("draw.err.count", {"expected": 4, "got": "> 4"})),
    ("<script>", ("draw.err.bad_chars", {})),
    ("99x2i0", ("draw.err.bad_size", {"h": 99, "w": 2, "limit": 16})),
])
def test_a_hostile_drawing_in_the_url_is_dropped_with_a_message(lang, code, reason):
    at = _run(lang, pg_h=2, pg_w=2, pg_draw=code)
    assert t("draw.bad_code", lang, reason=t(reason[0], lang, **reason[1])) in _text(at)
    assert _z(_grids(_specs(at)[0])[0]).tolist() == [[1, 2], [3, 4]]  # the example instead


# SAME padding ---------------------------------------------------------------------------------------

def test_same_padding_button_puts_the_odd_row_at_the_bottom_right():
    at = _run(pg_h=5, pg_w=7, pg_kh=3)
    at.button(key="pg_same").click().run()
    assert not at.exception
    pads = [at.slider(key=k).value for k in ("pg_pt", "pg_pb", "pg_pl", "pg_pr")]
    assert pads == [1, 1, 0, 1]  # height needs 2 (one each side), width needs 1 (right)
    assert t("pg.same_applied", "en", top=1, bottom=1, left=0, right=1) in _text(at)
    res = _assert_page_matches_core(at)
    assert res.output.shape == (3, 4)  # ceil(5 / 2) x ceil(7 / 2)


def test_same_padding_too_large_for_the_sliders_is_explained():
    at = _run(pg_kh=16, pg_dh=4)  # a window 61 rows tall
    at.button(key="pg_same").click().run()
    assert not at.exception
    assert [at.slider(key=k).value for k in ("pg_pt", "pg_pb", "pg_pl", "pg_pr")] == [0, 0, 0, 0]
    assert t("pg.same_too_big", "en", top=29, bottom=30, left=0, right=0, limit=8) in _text(at)
