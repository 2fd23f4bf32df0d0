"""No link can break a page: every page opened with each of its URL keys set to hostile values
renders without an exception, and the page says which settings it could not use."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lessons import urlguard
from lessons.registry import PAGES
from lessons.urlguard import Flag, Int, OneOf, Text, clean

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HOSTILE = ["inf", "-inf", "nan", "1e309", "9" * 40, "-5", "", "abc", "<script>alert(1)</script>", "x" * 10_000]
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "intro")
@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: v[:12] or "empty")
def test_every_key_hostile_at_once(page, value):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page.path)
    for key in urlguard.RULES:  # every page's keys: the page's own, and others' riding along
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "the page did not render"
    shown = " ".join(block.value for block in at.info)
    assert "<script>" not in shown and "x" * 100 not in shown  # the note never echoes the value


def test_rules_cover_every_bound_widget():
    """Every ``key="..."`` bound to the URL in a page has a rule (or the test above would miss it)."""
    for page in PAGES:
        source = (Path(APP).parent / page.path).read_text()
        for call in re.findall(r"\((?:[^()]|\([^()]*\))*bind=\"query-params\"(?:[^()]|\([^()]*\))*\)", source):
            key = re.search(r'key="(\w+)"', call)
            if key:
                assert key.group(1) in urlguard.RULES, f"{page.path}: {key.group(1)} has no URL rule"


@pytest.mark.parametrize("rule,value,expected", [
    (Int(1, 16), "3", None),
    (Int(1, 16), "99", ("16", "url.why.clamped")),
    (Int(1, 16), "-5", ("1", "url.why.clamped")),
    (Int(1, 16), " 4", ("4", "url.why.tidied")),
    (Int(1, 16), "1e309", (None, "url.why.not_whole")),
    (Int(1, 16), "inf", (None, "url.why.not_whole")),
    (Int(1, 16), "3.5", (None, "url.why.not_whole")),
    (Int(1, 16), "9" * 40, (None, "url.why.not_whole")),
    (Flag(), "true", None),
    (Flag(), "False", None),
    (Flag(), "yes", (None, "url.why.not_a_switch")),
    (OneOf(("max", "avg")), "avg", None),
    (OneOf(("max", "avg")), "平均", (None, "url.why.not_an_option")),
    (Text(10), "1 2\n3 4", None),
    (Text(10), "x" * 11, (None, "url.why.too_long")),
])
def test_rules(rule, value, expected):
    fixes = clean({"k": value}, {"k": rule})
    assert (None if not fixes else (fixes[0].value, fixes[0].why)) == expected


@pytest.mark.parametrize("value", ["inf", "NaN", "1e309", "-1e20", "x" * 5000])
def test_unknown_keys_get_the_generic_checks(value):
    (fix,) = clean({"zz_new": value}, {})
    assert fix.value is None


@pytest.mark.parametrize("value", ["3", "abc", "", "1,2;3,4"])
def test_unknown_keys_with_plain_values_are_left_alone(value):
    assert clean({"zz_new": value}, {}) == ()


def test_repeated_keys_are_judged_by_the_last_value():
    assert clean({"pg_h": ["3", "inf"]})[0].why == "url.why.not_whole"


def test_shown_key_never_echoes_markup():
    assert urlguard.shown_key("pg_h") == "pg_h"
    assert urlguard.shown_key("<img src=x onerror=alert(1)>") == "?"


def test_the_note_speaks_the_links_language():
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("lesson_pages/3_playground.py")
    at.query_params.update(lang="zh", pg_h="99", pg_seed="inf")
    at.run()
    assert not at.exception
    note = at.info[0].value
    assert "已改用 16" in note and "pg_seed" in note
    assert at.slider(key="pg_h").value == 16
