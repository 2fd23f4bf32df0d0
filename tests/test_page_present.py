"""Presenting mode and the colour note, through Streamlit's AppTest: ?present=1
turns presenting on (and a bad value is refused by the URL guard), the
playground's controls then scroll beside the figure, every chart font is
larger, and an outlier in the playground's input gets the caption that says
what the colours mean, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

from pagetest import run_page
from streamlit.testing.v1 import AppTest

from lessons.figures.grid import CELL_TEXT_MAX
from lessons.i18n import t

ROOT = Path(__file__).resolve().parents[1]


def _app(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_present_in_the_url_turns_presenting_on():
    at = _app(present="1")
    assert at.number_input(key="present").value == 1
    assert not at.sidebar.radio  # the language switch left the sidebar for the top bar
    assert at.radio(key="lang").value == "en"
    plain = _app()
    assert plain.number_input(key="present").value == 0
    assert plain.sidebar.radio(key="lang")


def test_a_bad_present_value_does_not_turn_it_on():
    assert _app(present="yes").number_input(key="present").value == 0


def test_presenting_draws_larger_chart_fonts():
    def font(at):
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        return spec["layout"]["font"]["size"]

    normal = run_page("3_playground.py")
    big = run_page("3_playground.py", state={"present": 1})
    assert font(normal) == CELL_TEXT_MAX and font(big) > CELL_TEXT_MAX


def test_an_outlier_gets_a_note_on_the_colours():
    for lang in ("en", "zh"):
        at = run_page("3_playground.py", lang, pg_h=4, pg_w=4)
        note = t("grid.color_clip", lang, lo="{lo}", hi="{hi}").split("{lo}")[0]
        assert not any(note in c.value for c in at.caption)
        at.text_area(key="pg_grid").input("1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 1000").run()
        assert not at.exception
        assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
