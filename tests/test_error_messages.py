"""Every refusal of the core reaches the student in their language: the core raises a
PoolingError with a reason and fields, lessons/errors.py words it through the table."""

import ast
import re
from pathlib import Path

import numpy as np
import pytest
from pagetest import run_page
from test_typography import ascii_punctuation_next_to_cjk

from lessons.errors import REASONS, error_key, error_text
from lessons.i18n import t
from pooling_core import NoWindowError, PoolingError, dynamic_k, kmax_pool, paddle_padding, pool2d, same_padding
from pooling_core.size import explain_output_size

ROOT = Path(__file__).resolve().parents[1]
X = np.arange(16.0).reshape(4, 4)

# one call per kind of refusal (the first ones are those the pages can meet with their widgets)
BAD_CALLS = {
    "no_window": lambda: pool2d(X[:2, :2], 3),
    "no_window (dilated, width)": lambda: pool2d(X, (1, 3), dilation=(1, 2)),
    "window_all_padding": lambda: pool2d(X[:1, :1], 1, padding=(1, 0, 0, 0)),
    "window_all_padding (dilated)": lambda: pool2d(X, 2, 1, padding=(0, 0, 3, 0), dilation=(1, 2)),
    "too_small": lambda: pool2d(X, 0),
    "too_small (size)": lambda: explain_output_size(0, 1, 1, axis_name="height"),
    "too_small (same_padding)": lambda: same_padding(4, 2, 0),
    "too_small (dynamic_k)": lambda: dynamic_k(1, 3, 0, 3),
    "not_whole": lambda: pool2d(X, 2.0),
    "not_pair": lambda: pool2d(X, (2, 2, 2)),
    "input_ndim": lambda: pool2d(np.ones(4), 2),
    "same_needs_sizes": lambda: paddle_padding("SAME"),
    "padding_word": lambda: pool2d(X, 2, padding="FULL"),
    "padding_pairs": lambda: paddle_padding([[0, 0], [0, 0], [1], [0, 1]]),
    "padding_batch": lambda: paddle_padding([[1, 0], [0, 0], [1, 1], [0, 1]]),
    "padding_count": lambda: pool2d(X, 2, padding=(1, 1, 1)),
    "padding_negative": lambda: pool2d(X, 2, padding=-1),
    "mode": lambda: pool2d(X, 2, mode="mean"),
    "grad_shape": lambda: pool2d(X, 2).backward(np.ones((3, 3))),
    "grad_shape (kmax)": lambda: kmax_pool(X, 2).backward(np.ones((3, 3))),
    "max_only": lambda: pool2d(X, 2, mode="avg").indices,
    "kmax_scalar": lambda: kmax_pool(np.float64(3.0), 1),
    "axis_range": lambda: kmax_pool(X, 2, axis=5),
    "k_range": lambda: kmax_pool(X, 5),
    "layer_range": lambda: dynamic_k(4, 3, 18, 3),
    "plane_range": lambda: pool2d(X, 2).trace.window(0, 0, plane=(1,)),
    "window_range": lambda: pool2d(X, 2).trace.window(2, 0),
    "convention": lambda: pool2d(X, 2, convention="tensorflow"),
    "paddle_dilation": lambda: pool2d(X, 2, dilation=2, convention="paddle"),
    "no_window (paddle)": lambda: pool2d(X[:1], (4, 1), (2, 1), convention="paddle"),
}


def _raise(name) -> PoolingError:
    with pytest.raises(PoolingError) as info:
        BAD_CALLS[name]()
    return info.value


def english_words_in_chinese(s: str) -> list[str]:
    """Runs of English words in a Chinese message, besides parameter names and code:
    "kernel_size=3" or "dilation" alone is fine, "does not fit" is not."""
    prose = re.sub(r"\w+=\S+|\([^()]*\)", " ", s)
    return re.findall(r"[A-Za-z]{2,}(?: +[A-Za-z]{2,})+", prose)


@pytest.mark.parametrize("name", BAD_CALLS)
def test_every_refusal_is_worded_in_both_languages(name):
    exc = _raise(name)
    assert isinstance(exc, ValueError) and exc.reason in REASONS
    en, zh = error_text(exc, "en"), error_text(exc, "zh")
    assert en and not re.search(r"[\u4e00-\u9fff]", en)
    assert re.search(r"[\u4e00-\u9fff]", zh)
    assert english_words_in_chinese(zh) == [], zh
    assert ascii_punctuation_next_to_cjk(zh) == [], zh
    assert "{" not in en + zh  # every field filled in
    for value in exc.fields.values():  # the numbers the student needs are in the sentence
        if isinstance(value, int) and not isinstance(value, bool):
            assert str(value) in zh or name.startswith(("window_all_padding", "plane")), (value, zh)


def test_the_list_of_reasons_is_what_the_core_raises():
    """Every PoolingError(...) in pooling_core names a reason lessons/errors.py knows, and each
    known reason is raised by one of the calls above."""
    raised = set()
    for path in (ROOT / "pooling_core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "PoolingError" and len(node.args) > 1:
                raised.add(node.args[1].value)
    assert raised | {"no_window"} <= set(REASONS)
    seen = {error_key(_raise(name))[0].removeprefix("err.") for name in BAD_CALLS}
    assert seen == set(REASONS)


def test_no_window_error_keeps_its_derivation_and_says_the_axis():
    exc = _raise("no_window (dilated, width)")
    assert isinstance(exc, NoWindowError) and exc.derivation.out < 1
    assert exc.fields["axis"] == "width"
    assert error_text(exc, "zh") == t("err.no_window", "zh", span=5, cells="列", kernel=3, dilation=2, axis="宽度",
                                      size=4, pad_before=0, pad_after=0, padded=4)
    assert "5 columns" in error_text(exc, "en")


def test_an_error_without_a_reason_is_not_shown_in_english_to_a_chinese_reader():
    assert error_text(ValueError("boom"), "en") == "boom"
    assert error_text(ValueError("boom"), "zh") == t("err.other", "zh")


# the pages ------------------------------------------------------------------------------------

PAGE_ERRORS = [
    ("3_playground.py", {"pg_h": 2, "pg_kh": 5}, "kernel_size=5"),
    ("3_playground.py", {"pg_h": 1, "pg_w": 1, "pg_kh": 1, "pg_kw": 1, "pg_pt": 1}, None),
    ("6_backward.py", {"bw_n": 2, "bw_k": 6}, "kernel_size=6"),
    ("6_backward.py", {"bw_n": 2, "bw_k": 1, "bw_p": 2}, None),
]


@pytest.mark.parametrize("page, query, detail", PAGE_ERRORS)
def test_pages_show_the_refusal_in_the_readers_language(page, query, detail):
    zh = run_page(page, "zh", **query)
    (message,) = [e.value for e in zh.error]
    assert message.startswith(t("common.error", "zh", message=""))
    assert english_words_in_chinese(message) == [] and ascii_punctuation_next_to_cjk(message) == []
    en = run_page(page, "en", **query)
    (english,) = [e.value for e in en.error]
    assert not re.search(r"[\u4e00-\u9fff]", english)
    if detail:
        assert detail in message and detail in english
