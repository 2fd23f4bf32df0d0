"""The translation table: every key in both languages, fields that match."""

import re
import string

import pytest

from lessons.i18n import LANGS, TEXT, t
from lessons.registry import PAGES

FIELD = string.Formatter()


def fields(s: str) -> set[str]:
    return {name for _, name, _, _ in FIELD.parse(s) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_key_has_every_language(key):
    entry = TEXT[key]
    for lang in LANGS:
        assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{key!r} lacks {lang!r}"
    assert set(entry) <= set(LANGS), f"{key!r} has unknown languages {set(entry) - set(LANGS)}"


@pytest.mark.parametrize("key", sorted(TEXT))
def test_languages_agree_on_format_fields(key):
    en, zh = TEXT[key]["en"], TEXT[key]["zh"]
    assert fields(en) == fields(zh), f"{key!r}: {fields(en)} vs {fields(zh)}"


def test_chinese_text_is_chinese():
    """A zh entry that is plain ASCII (outside a few symbols) was not translated."""
    untranslated = [k for k, e in TEXT.items()
                    if re.fullmatch(r"[\x00-\x7f]*", e["zh"]) and re.search(r"[A-Za-z]{4,}", e["zh"])
                    and e["zh"] == e["en"]]
    assert untranslated == []


def test_every_page_has_a_title_in_both_languages():
    for page in PAGES:
        assert t(page.title_key, "en") != t(page.title_key, "zh")


def test_lookup_fills_fields_and_rejects_unknown_keys():
    assert "7" in t("common.too_big", "en", limit=7)
    assert "7" in t("common.too_big", "zh", limit=7)
    with pytest.raises(KeyError):
        t("no.such.key", "en")


def test_bold_markers_close_in_chinese():
    """Markdown cannot close ``**`` that follows punctuation and runs straight
    into a letter (``**更正:**教程``): the page would show the stars."""
    stuck = re.compile(r"[^\s*]\*\*(?=\w)")
    bad = []
    for key, entry in TEXT.items():
        for lang, s in entry.items():
            for m in stuck.finditer(s):
                closing = s[:m.start() + 1].count("**") % 2 == 1
                if closing and not s[m.start()].isalnum() and s[m.start()] != "}":  # a field is text
                    bad.append((key, lang, s[max(0, m.start() - 8):m.end() + 4]))
    assert bad == []
