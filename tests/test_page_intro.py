"""Lesson 1 page, "What pooling is": run through app.py (it is the default
page, and its links need app.py's navigation) and on its own."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lessons.i18n import t
from lessons.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]
POOLED = [[8, 3, 2, 9], [3, 2, 1, 3], [1, 1, 1, 1], [0, 2, 2, 0]]
KEYS = ["intro.lead", "intro.why", "intro.effect", "intro.kind_avg", "intro.kind_max", "intro.kind_kmax"]


def _text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def _check_content(at, lang):
    assert not at.exception, at.exception
    assert at.title[0].value == t("nav.intro", lang)
    text = _text(at)
    for key in KEYS:
        assert t(key, lang) in text, key
    assert t("intro.fig_caption", lang, h=8, w=8, n_in=64, n_out=16) in text
    assert t("app.credits", lang) in text
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert spec["data"][1]["text"] == [[str(v) for v in row] for row in POOLED]
    assert len(spec["layout"]["shapes"]) == 16  # every 2×2 window outlined
    assert [a["text"] for a in spec["layout"]["annotations"]] == [
        t("intro.fig_input", lang, h=8, w=8), t("intro.fig_output", lang, h=4, w=4)]
    return text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_default_page_of_the_app(lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["lang"] = lang  # the sidebar radio's key
    at.run()
    assert at.radio(key="lang").value == lang
    _check_content(at, lang)
    links = at.get("page_link")
    # one link to each of the five following lessons, in order, titled in this language
    assert [link.proto.label for link in links] == [t(p.title_key, lang) for p in PAGES[1:]]
    assert [link.proto.icon for link in links] == [p.icon for p in PAGES[1:]]
    assert [link.proto.page for link in links] == [p.url_path for p in PAGES[1:]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_alone_lists_the_lessons_without_links(lang):
    at = AppTest.from_file(str(ROOT / "lesson_pages" / "1_what_is_pooling.py"), default_timeout=30)
    at.session_state["lang"] = lang
    at.run()
    text = _check_content(at, lang)
    assert not at.get("page_link")
    for page in PAGES[1:]:
        assert f"**{t(page.title_key, lang)}**" in text
    for key in ("intro.map_walkthrough", "intro.map_playground", "intro.map_kmax",
                "intro.map_invariance", "intro.map_backward"):
        assert t(key, lang) in text
