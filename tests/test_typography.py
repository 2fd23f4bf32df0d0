"""Chinese typography over the whole translation table.

Chinese text takes full-width punctuation (，。：；？！（）、“”); numbers, formulas, code and
format fields keep ASCII. These tests read every "zh" string of the merged table, so a string
added by any page is checked too.
"""

import re

import pytest

from lessons.i18n import TEXT, t

CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_HAN = re.compile(f"[{CJK}]")
# `code`, {fields} and URLs are not prose: blank them out (same length) before looking.
_NOT_PROSE = re.compile(r"`[^`]*`|\{[^{}]*\}|https?://\S+")
# an ASCII mark with a CJK character directly on either side, or a Chinese-style comma
# (no space after it) between a field and a word: "{limit_h},k_w"
_ASCII_NEXT_TO_CJK = re.compile(f"[{CJK}][,:;?!()\"]|[,:;?!()\"][{CJK}]|,(?=[A-Za-z])")
# *...* or _..._ around text holding a CJK character (bold ** is fine)
_ITALIC_CJK = re.compile(f"(?<![*\\w])\\*(?!\\*)[^*\\n]*[{CJK}][^*\\n]*(?<!\\*)\\*(?!\\*)"
                         f"|(?<![_\\w])_(?!_)[^_\\n]*[{CJK}][^_\\n]*(?<!_)_(?!_)")


def _prose(s: str) -> str:
    return _NOT_PROSE.sub(lambda m: "x" * len(m.group()), s)


def ascii_punctuation_next_to_cjk(s: str) -> list[str]:
    p = _prose(s)
    return [s[max(0, m.start() - 6):m.end() + 6] for m in _ASCII_NEXT_TO_CJK.finditer(p)]


def italics_on_chinese(s: str) -> list[str]:
    # bold markers first: "**加粗**" is not italics
    p = _prose(s).replace("**", "\0\0")
    return [s[m.start():m.end()] for m in _ITALIC_CJK.finditer(p)]


ZH = {key: entry["zh"] for key, entry in TEXT.items() if "zh" in entry}


def test_the_checks_can_fail():
    assert ascii_punctuation_next_to_cjk("图 1:2×2,步幅 2")
    assert ascii_punctuation_next_to_cjk("这组参数无法一起使用:{message}")
    assert ascii_punctuation_next_to_cjk("池化一章(前向计算)")
    assert ascii_punctuation_next_to_cjk("会怎样?")
    assert ascii_punctuation_next_to_cjk("最多 {a},k_w = 2 时")
    assert not ascii_punctuation_next_to_cjk("图 1：2×2，步幅 2；格子 (1, 2) 与 [5, 6]，`f(x, y)`，{a}:{b}")
    assert italics_on_chinese("取最大值(*最大池化*)")
    assert italics_on_chinese("_平均_")
    assert not italics_on_chinese("**最大池化** 与 *max id*，a * b * c")


def test_every_table_entry_has_chinese():
    assert [key for key, entry in TEXT.items() if not entry.get("zh")] == []


@pytest.mark.parametrize("check", [ascii_punctuation_next_to_cjk, italics_on_chinese])
def test_chinese_typography_over_the_whole_table(check):
    bad = {key: hits for key, s in ZH.items() if (hits := check(s))}
    assert bad == {}


def test_no_english_sentence_in_chinese():
    """A run of three English words in a Chinese string is an untranslated phrase (names of
    parameters, code and fields aside)."""
    words = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")
    allowed = {"awesome-DeepLearning"}
    bad = {key: m.group() for key, s in ZH.items() for m in words.finditer(_prose(s))
           if _HAN.search(s) and m.group() not in allowed}
    assert bad == {}


def test_one_name_for_the_count_padding_switch():
    """The switch has one name on every page, and the glossary uses that name."""
    for lang in ("en", "zh"):
        name = t("pg.cip", lang)
        assert t("bw.cip_label", lang) == name
        assert f"**{name}**" in t("pg.knobs", lang)
