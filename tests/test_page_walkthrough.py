"""Lesson 2 page: the 4×4 walkthrough driven by its step widgets, both languages."""

import json
from functools import partial

import pytest
from pagetest import run_page

from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS
from lessons.i18n import t

_run = partial(run_page, "2_walkthrough.py")
AVG_STEPS = ["3.5 = (1 + 2 + 5 + 6) / 4", "5.5 = (3 + 4 + 7 + 8) / 4",
             "11.5 = (9 + 10 + 13 + 14) / 4", "13.5 = (11 + 12 + 15 + 16) / 4"]
MAX_STEPS = ["max(1, 2, 5, 6) = 6", "max(3, 4, 7, 8) = 8", "max(9, 10, 13, 14) = 14",
             "max(11, 12, 15, 16) = 16"]


def _text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def _spec(at) -> dict:
    """The wide chart's spec, after checking that the phone's (one row per mode) shows the same step."""
    charts = at.get("plotly_chart")
    assert [c.key for c in charts] == ["wt_fig", "wt_fig_phone"]
    wide, phone = (json.loads(c.proto.spec) for c in charts)
    assert wide["layout"]["title"]["text"].split() == phone["layout"]["title"]["text"].replace("<br>", " ").split()
    assert wide["layout"]["shapes"] == phone["layout"]["shapes"]
    return wide


def _shows_step(at, step: int, modes=("avg", "max")) -> None:
    text = _text(at)
    assert at.slider(key="wt_step").value == step
    assert [at.toggle(key=f"wt_{m}").value for m in ("avg", "max")] == [m in modes for m in ("avg", "max")]
    for k in range(4):
        assert (f"`{AVG_STEPS[k]}`" in text) == (k == step - 1 and "avg" in modes)
        assert (f"`{MAX_STEPS[k]}`" in text) == (k == step - 1 and "max" in modes)
    assert at.button(key="wt_back").disabled == (step == 1)
    assert at.button(key="wt_next").disabled == (step == 4)
    # the chart shows the same step: its title, the current window's colour, the outputs so far
    layout = _spec(at)["layout"]
    assert "frames" not in _spec(at) and "sliders" not in layout and "updatemenus" not in layout
    assert f" {step}:" in layout["title"]["text"] or f" {step}：" in layout["title"]["text"]
    outlined = [s for s in layout["shapes"] if s["line"]["width"] == 4 and s["xref"] in ("x", "x3")]
    assert {s["line"]["color"] for s in outlined} - {HIGHLIGHT} == {WINDOW_COLORS[step - 1]}
    for trace in _spec(at)["data"][1::2]:
        assert sum(v != "?" for row in trace["text"] for v in row) == step


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults(lang):
    at = _run(lang)
    assert at.title[0].value == t("nav.walkthrough", lang)
    _shows_step(at, 1)
    text = _text(at)
    assert t("wt.where", lang, n=1, total=4, color=t("wt.color_pink", lang), r0=0, r1=1, c0=0, c1=1,
             i=0, j=0) in text
    assert t("wt.max_note", lang, value=6, r=1, c=1) in text
    assert t("wt.avg_note", lang, count=4, total=14, divisor=4) in text
    # the size formula with this example's numbers, and the two corrections of the tutorial
    latex = [x.value for x in at.latex]
    assert len(latex) == 2
    assert r"\dfrac{4 + 0 + 0 - 2}{2}" in latex[0] and latex[0].strip().strip("$").strip().endswith("= 2")
    assert latex[0].lstrip("$\n").startswith("H_{out}") and latex[1].lstrip("$\n").startswith("W_{out}")
    assert t("wt.size_floor", lang, num=2, s=2, q=1, out=2) in text
    assert t("wt.size_half", lang, h=5, out=2, half=2.5) in text
    assert t("wt.notice_1", lang) in text and t("wt.try_1", lang) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_is_one_still_step_in_the_tutorials_colours(lang):
    at = _run(lang, wt_step="4")
    spec = _spec(at)
    assert "frames" not in spec  # one step control: the page's, not a Plotly animation
    layout = spec["layout"]
    assert sum(s["line"]["color"] == HIGHLIGHT for s in layout["shapes"]) == 1
    assert spec["data"][1]["text"] == [["3.5", "5.5"], ["11.5", "13.5"]]
    assert spec["data"][3]["text"] == [["6", "8"], ["14", "16"]]
    assert layout["title"]["text"].startswith(f"<b>{t('common.step', lang)} 4{':' if lang == 'en' else '：'}")
    titles = [a["text"] for a in layout["annotations"]]
    assert titles[0] == t("wt.panel_input", lang, mode=t("common.avg", lang))
    assert titles[3] == t("wt.panel_output", lang, mode=t("common.max", lang))


def test_next_and_back_buttons_step_through():
    at = _run()
    for step in (2, 3, 4):
        at.button(key="wt_next").click().run()
        assert not at.exception
        _shows_step(at, step)
    assert t("wt.output_so_far", "en", cells="3.5, 5.5, 11.5, 13.5") in _text(at)
    assert t("wt.output_so_far", "en", cells="6, 8, 14, 16") in _text(at)
    at.button(key="wt_back").click().run()
    _shows_step(at, 3)


@pytest.mark.parametrize("step", [4, 1])
def test_slider_extremes(step):
    at = _run("zh")
    at.slider(key="wt_step").set_value(4).run()
    at.slider(key="wt_step").set_value(step).run()
    assert not at.exception
    _shows_step(at, step)
    assert f"第 {step} 步" in _text(at)


def test_step_from_the_url():
    at = _run(wt_step="3")
    _shows_step(at, 3)
    assert t("wt.color_green", "en") in _text(at)


@pytest.mark.parametrize("off, modes", [("wt_max", ("avg",)), ("wt_avg", ("max",))])
def test_one_mode_only(off, modes):
    at = _run()
    at.toggle(key=off).set_value(False).run()
    at.button(key="wt_next").click().run()
    assert not at.exception
    _shows_step(at, 2, modes)
    spec = _spec(at)
    assert len(spec["data"]) == 2 and "frames" not in spec
    assert (t("wt.max_head", "en") in _text(at)) == (modes == ("max",))
    assert (t("wt.avg_head", "en") in _text(at)) == (modes == ("avg",))


def test_both_modes_off_keeps_the_page_usable():
    at = _run("zh", wt_avg="false", wt_max="false")
    assert [i.value for i in at.info] == [t("wt.pick_one", "zh")]
    assert not at.get("plotly_chart")
    assert len(at.latex) == 2  # the size formula still shows
    at.toggle(key="wt_max").set_value(True).run()
    assert not at.info and len(at.get("plotly_chart")) == 2  # wide and phone
    assert f"`{MAX_STEPS[0]}`" in _text(at)
