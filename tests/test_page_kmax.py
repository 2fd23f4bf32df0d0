"""Page 4 (K-max pooling) run headless: defaults in both languages, every
widget at its extremes, the numbers on screen."""

import json
from functools import partial

import numpy as np
import pytest
from conftest import FIGURE2_INPUT, FIGURE2_KMAX
from pagetest import chart_spec, plotly_array, run_page

from lessons.i18n import Items, t

run = partial(run_page, "4_kmax.py")
arr = partial(plotly_array, dtype=float)
figure = chart_spec


def markdown(at):
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_show_figure2_and_the_papers_dynamic_k(lang):
    at = run(lang)
    assert at.title[0].value == t("km.title", lang)
    assert at.slider(key="km_k").value == 2 and at.toggle(key="km_keep_order").value is True
    walk = figure(at, "km_walk")
    np.testing.assert_array_equal(arr(walk["data"][1]["z"]), np.array(FIGURE2_KMAX).T)
    assert [f["name"] for f in walk["frames"]] == ["F1", "F2", "F3", "F4"]
    assert walk["layout"]["updatemenus"][0]["buttons"][0]["label"] == t("common.play", lang)
    text = markdown(at)
    for column, kept in zip(FIGURE2_INPUT.T, FIGURE2_KMAX):
        assert f"[{', '.join(str(int(v)) for v in column)}]" in text and f"**[{kept[0]}, {kept[1]}]**" in text
    assert at.info[0].value == t("km.order_on", lang)
    for k in (12, 6, 3):
        assert f"= {k}`" in text
    assert list(arr(figure(at, "km_dynamic")["data"][0]["y"])) == [12, 6, 3]
    # the 7-word sentence pooled to 4 x 2
    assert at.radio(key="km_sentence").value == "medium"
    assert arr(figure(at, "km_sentence_out")["data"][0]["z"]).shape == (4, 2)
    assert at.success[0].value == t("km.nlp_fixed", lang, n=7, k=2)
    assert len(at.get("plotly_chart")) == 4


def test_english_sentences_are_spaced_and_lists_use_commas():
    at = run("en")
    assert list(at.radio(key="km_sentence").proto.captions) == [
        "“a truly great film”", "“the film was not good at all”", "“i did not expect the ending to be this good”"]
    text = markdown(at)
    assert "**F2** = [5, 6, 1, 8]: the 2 largest sit at rows 1, 3 → **[6, 8]**" in text
    assert "**intensity**: at, all" in text


def test_chinese_sentence_and_words():
    at = run("zh")
    spec = figure(at, "km_sentence_in")
    assert spec["layout"]["xaxis"]["ticktext"] == ["这部", "电影", "其实", "一点", "也", "不", "好看"]
    assert "**程度**：一点、也" in markdown(at)
    assert list(at.radio(key="km_sentence").proto.captions) == [
        "“结局真的很精彩”", "“这部电影其实一点也不好看”", "“我本来没想到这部电影会这么好看呢”"]
    assert "**F2** = [5, 6, 1, 8]：最大的 2 个值位于第 1、3 行 → **[6, 8]**" in markdown(at)
    assert figure(at, "km_dynamic")["data"][0]["x"] == ["第 1 层", "第 2 层", "第 3 层"]


@pytest.mark.parametrize("k,expected", [
    (1, [[3, 8, 8, 9]]),
    (4, FIGURE2_INPUT),
])
def test_k_slider_extremes(k, expected):
    at = run()
    at.slider(key="km_k").set_value(k).run()
    assert not at.exception
    np.testing.assert_array_equal(arr(figure(at, "km_walk")["data"][1]["z"]), expected)
    assert arr(figure(at, "km_sentence_out")["data"][0]["z"]).shape == (4, k)
    assert t("km.output_title", "en", k=k, w=4) in json.dumps(figure(at, "km_walk")["layout"]["annotations"],
                                                               ensure_ascii=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_keep_order_off_sorts_largest_first(lang):
    at = run(lang)
    at.toggle(key="km_keep_order").set_value(False).run()
    assert not at.exception
    np.testing.assert_array_equal(arr(figure(at, "km_walk")["data"][1]["z"]), [[3, 8, 8, 9], [2, 6, 6, 5]])
    assert at.info[0].value == t("km.order_off", lang, k=2, cols=Items(("F1", "F2")))
    at.slider(key="km_k").set_value(3).run()
    assert at.info[0].value == t("km.order_off", lang, k=3, cols=Items(("F1", "F2", "F3", "F4")))
    assert t("km.nlp_order_off", lang) in markdown(at)


@pytest.mark.parametrize("choice,n", [("short", 4), ("long", 10)])
def test_other_sentences_keep_the_output_size(choice, n):
    at = run()
    at.radio(key="km_sentence").set_value(choice).run()
    assert not at.exception
    assert len(figure(at, "km_sentence_in")["layout"]["xaxis"]["ticktext"]) == n
    assert arr(figure(at, "km_sentence_out")["data"][0]["z"]).shape == (4, 2)
    assert at.success[0].value == t("km.nlp_fixed", "en", n=n, k=2)


def test_dynamic_k_sliders_at_their_extremes():
    at = run()
    at.slider(key="km_L").set_value(6)
    at.slider(key="km_ktop").set_value(10)
    at.slider(key="km_s").set_value(1)
    at.run()
    assert not at.exception
    assert list(arr(figure(at, "km_dynamic")["data"][0]["y"])) == [10] * 6
    assert at.warning[0].value == t("km.dyn_too_short", "en", s=1)
    at.slider(key="km_L").set_value(1)
    at.slider(key="km_ktop").set_value(1)
    at.slider(key="km_s").set_value(60)
    at.run()
    assert not at.exception
    assert list(arr(figure(at, "km_dynamic")["data"][0]["y"])) == [1]
    assert "k_1 = max(1, ⌈(1 − 1) / 1 × 60⌉) = max(1, ⌈0⌉) = max(1, 0) = 1" in markdown(at)
    assert not at.warning


def test_settings_come_from_the_url():
    # a choice is stored in the URL under its label: the sentence's word count
    at = run("en", km_k="3", km_keep_order="false", km_sentence="10", km_s="17")
    assert at.slider(key="km_k").value == 3 and at.toggle(key="km_keep_order").value is False
    assert at.radio(key="km_sentence").value == "long"
    assert list(arr(figure(at, "km_dynamic")["data"][0]["y"])) == [12, 6, 3]
    np.testing.assert_array_equal(arr(figure(at, "km_walk")["data"][1]["z"])[:, 0], [3, 2, 2])
