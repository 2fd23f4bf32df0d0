"""lesson_pages/6_backward.py driven by AppTest: defaults in both languages, every
widget at its extremes, an impossible setting, and the numbers on screen."""

import json

import numpy as np
import pytest
from pagetest import plotly_array, run_page

from lessons.i18n import t

array = plotly_array


def run(lang="en", **widgets):
    return run_page("6_backward.py", lang, state=widgets)


def charts(at) -> dict:
    """Figures on the page by title."""
    out = {}
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        out[spec["layout"].get("title", {}).get("text", "")] = spec
    return out


def texts(elements):
    return [e.value for e in elements]


def metrics(at):
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def test_defaults_english():
    at = run()
    assert at.title[0].value == t("bw.title", "en")
    figs = charts(at)
    assert len(at.get("plotly_chart")) == 11
    assert [el.key for el in at.get("plotly_chart")] == [  # the lesson (the drawing pad waits for its expander)
        "bw_fig_input", "bw_fig_upstream", "bw_fig_split", "bw_fig_copy", "bw_fig_max_input", "bw_fig_indices",
        "bw_fig_max_grad", "bw_fig_touch", "bw_fig_where_grad", "bw_fig_numeric", "bw_fig_analytic"]
    assert np.array_equal(array(figs[t("bw.upstream_title", "en")]["data"][0]["z"]), [[1, 1], [1, 1]])
    split = array(figs[t("bw.split_title", "en")]["data"][0]["z"])
    assert split.shape == (4, 4) and np.allclose(split, 0.25)
    assert np.allclose(array(figs[t("bw.copy_title", "en")]["data"][0]["z"]), 1.0)
    indices = figs[t("bw.indices_title", "en")]["data"][0]
    assert np.array_equal(array(indices["z"]), [[6, 8], [14, 16]])
    assert array(indices["text"])[0][0] == "6<br>(1,1)"
    m = metrics(at)
    assert m[t("bw.sum_upstream", "en")][0] == "4"
    assert m[t("bw.sum_split", "en")][0] == "4"
    assert m[t("bw.sum_copy", "en")] == ("16", "×4")
    assert m[t("bw.sum_input", "en")] == ("4", "")
    assert not at.error  # st.error is only for settings that do not work
    assert texts(at.warning) == [t("bw.copy_verdict", "en", up="4", copy="16", factor="4")]
    success = texts(at.success)
    assert success[0] == t("bw.v_avg_exact", "en", up="4", got="4")
    assert success[1].startswith("✓ They agree")
    assert "[[5, 7], [13, 15]]" in " ".join(texts(at.caption))


def test_defaults_chinese():
    at = run("zh")
    assert at.title[0].value == t("bw.title", "zh")
    assert t("bw.split_title", "zh") in charts(at)
    assert texts(at.success)[0].startswith("✓ 总和不变")
    assert not at.error
    assert texts(at.warning) == [t("bw.copy_verdict", "zh", up="4", copy="16", factor="4")]
    mode = at.radio(key="bw_mode")
    # names in the reader's language; the URL keeps code names (lessons/ui_choice.py)
    assert mode.options == [t("common.avg", "zh"), t("common.max", "zh")] and mode.value == "avg"
    assert at.radio(key="bw_g").options[0] == t("bw.g_ones", "zh")


@pytest.mark.parametrize("key, value, n_charts", [  # the lesson's figures (no drawing pad: its expander is closed)
    ("bw_n", 2, 11), ("bw_n", 16, 11),
    ("bw_k", 1, 11), ("bw_s", 1, 11), ("bw_s", 6, 11),
    ("bw_p", 1, 11), ("bw_cip", False, 11),
    ("bw_x", "random", 11), ("bw_x", "ties", 11),
    ("bw_g", "range", 11), ("bw_g", "random", 11),
    ("bw_seed", 9999, 11),
    ("bw_mode", "max", 12),  # touch counts, route counts, gradient
])
def test_each_widget_at_its_extremes(key, value, n_charts):
    at = run()
    widget = {"bw_cip": at.toggle, "bw_x": at.radio, "bw_g": at.radio, "bw_seed": at.number_input,
              "bw_mode": at.radio}.get(key, at.slider)(key=key)
    widget.set_value(value).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == n_charts
    assert not at.error


@pytest.mark.parametrize("widgets, message", [
    ({"bw_k": 6}, "kernel_size=6"),                  # bigger than the 4x4 input
    ({"bw_n": 2, "bw_k": 3}, "kernel_size=3"),
    ({"bw_p": 3}, "too much padding"),           # 2x2 windows entirely in the padding
])
def test_invalid_settings_show_an_error_and_the_page_continues(widgets, message):
    at = run()
    for key, value in widgets.items():
        at.slider(key=key).set_value(value).run()
    assert not at.exception
    errors = texts(at.error)
    assert len(errors) == 1 and message in errors[0]
    assert texts(at.info) == [t("bw.fix_settings", "en")]
    assert [el.key for el in at.get("plotly_chart")] == []  # no figure (the drawing pad's expander is closed)
    assert texts(at.caption)[-1] == t("bw.credit", "en")  # the page ran to its end
    at.slider(key="bw_k").set_value(2).run()
    at.slider(key="bw_p").set_value(0).run()
    assert len(at.get("plotly_chart")) == 11 and not at.info


def test_all_extremes_together():
    at = run(bw_n=16, bw_k=6, bw_s=1, bw_p=3, bw_x="ties", bw_g="random", bw_seed=9999, bw_mode="max",
             bw_cip=False)
    assert len(at.get("plotly_chart")) == 13
    assert texts(at.warning) and texts(at.warning)[-1].startswith("Careful")


def test_padding_quick_setting_shows_the_lost_share():
    at = run()
    at.button(key="bw_try_padding").click().run()
    assert (at.slider(key="bw_k").value, at.slider(key="bw_s").value, at.slider(key="bw_p").value) == (3, 2, 1)
    warnings = texts(at.warning)
    assert warnings[-1] == t("bw.v_avg_lost", "en", up="4", got="2.7778", lost="1.2222")
    assert metrics(at)[t("bw.sum_input", "en")] == ("2.7778", "-1.2222")
    assert warnings[0] == t("bw.copy_verdict", "en", up="4", copy="25", factor="6.25")
    assert not at.error
    pad = charts(at)[t("bw.grad_title_avg", "en")]["data"][1]
    assert pad["name"] == "padding" and array(pad["text"])[0][0] == "pad<br>0.11"
    at.toggle(key="bw_cip").set_value(False).run()
    assert len(at.get("plotly_chart")) == 12  # real-cell divisors differ: the divisor grid appears
    assert texts(at.success)[0] == t("bw.v_avg_exact", "en", up="4", got="4")


def test_overlap_quick_setting_max_adds_up():
    at = run(bw_mode="max")
    at.button(key="bw_try_overlap").click().run()
    assert (at.slider(key="bw_k").value, at.slider(key="bw_s").value) == (3, 1)
    assert at.radio(key="bw_x").value == "random"
    # shuffled 1..16 (seed 0): 15 at (2, 0) is the maximum of both left windows
    assert texts(at.success)[0] == t("bw.v_max_one_cell", "en", up="4", got="4", n=4)
    assert t("bw.shared_max", "en", cells=1, r=2, c=0, most=2) in texts(at.markdown)
    routes = array(charts(at)[t("bw.routes_title", "en")]["data"][0]["z"])
    assert np.array_equal(routes, [[0, 0, 0, 0], [0, 0, 0, 0], [2, 1, 0, 0], [0, 0, 0, 1]])
    grad = array(charts(at)[t("bw.grad_title_max", "en")]["data"][0]["z"])
    assert grad[2, 0] == 2 and grad.sum() == 4
    at.button(key="bw_try_tutorial").click().run()
    assert (at.slider(key="bw_k").value, at.slider(key="bw_s").value, at.slider(key="bw_p").value) == (2, 2, 0)
    assert at.radio(key="bw_x").value == "ramp"


def test_custom_upstream_gradient():
    at = run(bw_g="custom")
    assert texts(at.warning)[0] == t("bw.gtext_bad", "en", count=4, rows=2, cols=2)
    at.text_input(key="bw_gtext").input("1 2; 3 -4").run()
    assert t("bw.gtext_bad", "en", count=4, rows=2, cols=2) not in texts(at.warning)
    figs = charts(at)
    assert np.array_equal(array(figs[t("bw.upstream_title", "en")]["data"][0]["z"]), [[1, 2], [3, -4]])
    assert metrics(at)[t("bw.sum_copy", "en")] == ("8", "×4")
    at.text_input(key="bw_gtext").input("1 2 3").run()
    assert texts(at.warning)[0] == t("bw.gtext_bad", "en", count=4, rows=2, cols=2)
    at.text_input(key="bw_gtext").input("1\n2\n3\n5e7").run()
    assert texts(at.warning)[0] == t("bw.gtext_too_large", "en", limit="1000000")
    assert not at.error and not at.exception


def test_custom_upstream_on_an_output_too_big_to_type():
    at = run(bw_g="custom", bw_n=16, bw_s=1, bw_p=1, bw_gtext="1 2")
    assert texts(at.warning)[0] == t("bw.gtext_too_big", "en", rows=17, cols=17, limit=16)
    assert len(at.get("plotly_chart")) == 11 and not at.error


def test_zero_upstream_sum_has_no_factor():
    at = run(bw_g="custom", bw_gtext="1 -1 2 -2")
    assert texts(at.warning) == [t("bw.copy_verdict_zero", "en")]
    assert metrics(at)[t("bw.sum_copy", "en")] == ("0", "")


def test_ties_warning_in_chinese():
    at = run("zh", bw_x="ties", bw_mode="max", bw_k=3, bw_p=1)
    assert texts(at.warning)[-1].startswith("注意")
    assert any(i.startswith("有 2 个窗口") for i in texts(at.info))


def test_every_lesson_string_in_both_languages_with_the_same_fields_and_used():
    import re
    import string
    from pathlib import Path

    from lessons import backward as bw
    from lessons.text.backward import TEXT

    def fields(s):
        return {name for _, name, _, _ in string.Formatter().parse(s) if name}

    assert TEXT and all(key.startswith("bw.") for key in TEXT)
    for key, entry in TEXT.items():
        assert entry["en"].strip() and entry["zh"].strip(), key
        assert fields(entry["en"]) == fields(entry["zh"]), key
    built = ([f"bw.v_{r}" for r in ("max_one_cell", "avg_exact", "avg_zero_on_padding", "avg_cancel",
                                     "avg_lost", "differs")]
             + [f"bw.shared_{m}" for m in ("avg", "max")] + [f"bw.grad_title_{m}" for m in ("avg", "max")]
             + [f"bw.x_{p}" for p in bw.INPUT_PRESETS] + [f"bw.g_{p}" for p in bw.UPSTREAM_PRESETS]
             + [f"bw.try_{q}" for q in ("tutorial", "overlap", "padding")])
    assert not [key for key in built if key not in TEXT]
    # and every key is used: written out in the lesson's code, or built from a name above
    root = Path(__file__).resolve().parents[1]
    code = "".join((root / f).read_text(encoding="utf-8") for f in
                   ("lesson_pages/6_backward.py", "lessons/backward.py", "lessons/figures/backward.py"))
    written = set(re.findall(r"""["'](bw\.[\w.]+)["']""", code))
    assert sorted(set(TEXT) - written - set(built)) == []
