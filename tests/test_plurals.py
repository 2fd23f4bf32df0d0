"""English that counts right: "1 window", "the largest value sits at row 2", never "1 windows" or
"window(s)". (Chinese has no plural and writes the number.)"""

import re

from lessons.i18n import TEXT, Items, Key, t


def test_a_number_chooses_its_word():
    assert t("inv.summary_same", "en", mode=Key("common.max"), n=1) == \
        "With max pooling, the only output value is unchanged by this shift."
    assert t("inv.summary_same", "en", mode=Key("common.max"), n=4) == \
        "With max pooling, all 4 output values are unchanged by this shift."
    assert t("inv.summary_same", "zh", mode=Key("common.max"), n=1) == "使用最大池化时，这次平移后全部 1 个输出值都没有变化。"


def test_a_list_chooses_its_word():
    one = t("km.column_line", "en", name="F1", values="1, 2", k=1, rows=Items((2,)), kept="3")
    assert one == "**F1** = [1, 2]: the largest sits at row 2 → **[3]**"
    two = t("km.column_line", "en", name="F1", values="1, 2", k=2, rows=Items((1, 2)), kept="2, 3")
    assert "the 2 largest sit at rows 1, 2" in two


def test_numbers_still_format_as_numbers():
    assert t("pg.grid_err.row_length", "en", row=2, got=1, expected=3) == \
        "Line 2 has 1 number, but every line needs 3 (the input width)."
    assert t("err.padding_count", "en", value=(1, 2, 3), count=3).endswith("not 3 numbers.")


def test_no_english_string_hedges_with_an_s_in_brackets():
    hedged = [key for key, entry in TEXT.items() if re.search(r"\w\(s\)", entry["en"])]
    assert hedged == []
