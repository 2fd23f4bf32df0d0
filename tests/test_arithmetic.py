"""One window's computation as text (lessons/arithmetic.py), for the walkthrough and the playground."""

import doctest
import math

import numpy as np
import pytest
from conftest import FIGURE1_INPUT

from lessons import arithmetic
from lessons.arithmetic import (
    arithmetic_notes,
    arithmetic_text,
    is_shown_exactly,
    tap_counts,
    window_arithmetic,
    window_terms,
)
from lessons.examples import preset
from pooling_core import pool2d

RAMP4 = FIGURE1_INPUT


def test_docstring_examples():
    assert doctest.testmod(arithmetic).failed == 0


# the tutorial's Figure 1, both spellings ------------------------------------------------------

def test_figure_one_result_first_as_the_walkthrough_writes_it():
    avg, mx = pool2d(RAMP4, 2, 2, mode="avg"), pool2d(RAMP4, 2, 2, mode="max")
    assert [arithmetic_text(r) for r in avg.trace.windows()] == [
        "3.5 = (1 + 2 + 5 + 6) / 4",
        "5.5 = (3 + 4 + 7 + 8) / 4",
        "11.5 = (9 + 10 + 13 + 14) / 4",
        "13.5 = (11 + 12 + 15 + 16) / 4",
    ]
    assert [arithmetic_text(r) for r in mx.trace.windows()] == [
        "max(1, 2, 5, 6) = 6",
        "max(3, 4, 7, 8) = 8",
        "max(9, 10, 13, 14) = 14",
        "max(11, 12, 15, 16) = 16",
    ]


def test_figure_one_result_last_as_the_playground_writes_it():
    avg = pool2d(RAMP4, 2, mode="avg").trace
    assert window_arithmetic(avg.window(0, 0)) == "(1 + 2 + 5 + 6) / 4 = 14 / 4 = 3.5"
    assert window_arithmetic(avg.window(1, 1)) == "(11 + 12 + 15 + 16) / 4 = 54 / 4 = 13.5"
    assert window_arithmetic(avg.window(0, 0), latex=True) == r"\dfrac{1 + 2 + 5 + 6}{4} = \dfrac{14}{4} = 3.5"
    mx = pool2d(RAMP4, 2).trace
    assert window_arithmetic(mx.window(0, 1)) == "max(3, 4, 7, 8) = 8"
    assert window_arithmetic(mx.window(0, 1), latex=True) == r"\max(3,\ 4,\ 7,\ \boxed{8}) = 8"


# one rule for "=" and "≈" ----------------------------------------------------------------------

@pytest.mark.parametrize("value, exact", [
    (3.5, True), (13.5, True), (0.25, True), (-2.5, True), (1e12, True), (0.0, True), (-0.0, True),
    (14 / 9, False), (1 / 3, False), (0.125, False), (-0.625, False),
    (1e-13, False),  # shown as "0": the rounded digits are not the whole value
    (0.1 + 0.2, False),  # 0.30000000000000004 is not 0.3
    (math.inf, True), (-math.inf, True),
])
def test_approximately_equal_exactly_when_digits_were_rounded_away(value, exact):
    assert is_shown_exactly(value) is exact


def test_both_spellings_share_the_rule():
    ninths = pool2d(np.array([[1, 1, 1], [1, 1, 1], [1, 1, 2]], float), 3, mode="avg").trace.window(0, 0)
    assert arithmetic_text(ninths) == "1.11 ≈ (1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2) / 9"
    assert window_arithmetic(ninths).endswith("= 10 / 9 ≈ 1.11")
    assert window_arithmetic(ninths, latex=True).endswith(r"\dfrac{10}{9} \approx 1.11")
    tiny = pool2d(np.array([[1e-13, 0.0]]), (1, 2), mode="max").trace.window(0, 0)
    assert arithmetic_text(tiny) == "max(0, 0) ≈ 0" and window_arithmetic(tiny) == "max(0, 0) ≈ 0"


# padding, overhang, signs, long sums -------------------------------------------------------------

def test_counted_padding_shows_as_zeros_in_reading_order_and_excluded_padding_does_not():
    counted = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=True).trace.window(0, 0)
    assert window_arithmetic(counted) == "(0 + 0 + 0 + 0 + 1 + 2 + 0 + 5 + 6) / 9 = 14 / 9 ≈ 1.56"
    assert arithmetic_text(counted) == "1.56 ≈ (0 + 0 + 0 + 0 + 1 + 2 + 0 + 5 + 6) / 9"
    latex = window_arithmetic(counted, latex=True)
    assert latex.count(r"\textcolor{gray}{0}") == 5 and r"\approx 1.56" in latex
    excluded = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=False).trace.window(0, 0)
    assert window_arithmetic(excluded) == "(1 + 2 + 5 + 6) / 4 = 14 / 4 = 3.5"
    assert arithmetic_text(excluded) == "3.5 = (1 + 2 + 5 + 6) / 4"
    mx = pool2d(RAMP4, 3, 2, 1).trace.window(0, 0)
    assert window_arithmetic(mx) == "max(1, 2, 5, 6) = 6"
    geometry = pool2d(RAMP4, 3, 2, 1, mode="avg").geometry
    assert tap_counts(counted, geometry) == {"padding": 5, "counted_padding": 5, "overhang": 0, "terms": 9}
    assert tap_counts(excluded, geometry) == {"padding": 5, "counted_padding": 0, "overhang": 0, "terms": 4}


def test_a_corner_window_of_figure_one_with_padding():
    counted = pool2d(RAMP4, 2, 2, padding=1, mode="avg").trace.window(0, 0)
    assert arithmetic_text(counted) == "0.25 = (0 + 0 + 0 + 1) / 4"
    skipped = pool2d(RAMP4, 2, 2, padding=1, mode="avg", count_include_pad=False).trace.window(0, 0)
    assert arithmetic_text(skipped) == "1 = (1) / 1"


def test_ceil_mode_overhang_never_counts():
    x = np.arange(1, 10).reshape(3, 3)
    res = pool2d(x, 2, 2, ceil_mode=True, mode="avg")
    rec = res.trace.window(1, 1)  # only cell (2, 2) is real, three taps hang past the input
    assert window_arithmetic(rec) == "(9) / 1 = 9 / 1 = 9"
    assert tap_counts(rec, res.geometry) == {"padding": 3, "counted_padding": 0, "overhang": 3, "terms": 1}


def test_negative_numbers_are_bracketed():
    x = np.array([[-1.0, 2.0], [-3.5, 0.0]])
    avg = pool2d(x, 2, mode="avg").trace.window(0, 0)
    assert window_arithmetic(avg) == "((-1) + 2 + (-3.5) + 0) / 4 = (-2.5) / 4 ≈ -0.62"
    assert arithmetic_text(avg) == "-0.62 ≈ ((-1) + 2 + (-3.5) + 0) / 4"
    assert window_arithmetic(pool2d(x, 2).trace.window(0, 0)) == "max((-1), 2, (-3.5), 0) = 2"


def test_long_sums_are_shortened_but_the_result_is_exact():
    rec = pool2d(preset("ramp", 16, 16), 16, mode="avg").trace.window(0, 0)
    text = window_arithmetic(rec)
    assert text == ("(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + … + 254 + 255 + 256) / 256"
                    " = 32896 / 256 = 128.5")
    assert r"\dots" in window_arithmetic(rec, latex=True)


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("cip", [True, False])
def test_terms_always_reproduce_the_output(mode, cip):
    rng = np.random.default_rng(0)
    for _ in range(40):
        h, w = rng.integers(1, 8, size=2)
        x = rng.integers(-5, 10, size=(h, w)).astype(float)
        k = tuple(int(v) for v in rng.integers(1, 4, size=2))
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        p = tuple(int(v) for v in rng.integers(0, 2, size=4))
        try:
            res = pool2d(x, k, s, p, mode=mode, ceil_mode=bool(rng.integers(2)), count_include_pad=cip)
        except ValueError:
            continue
        for rec in res.trace.windows():
            values = [v for v, _ in window_terms(rec)]
            if mode == "avg":
                assert len(values) == rec.divisor
                assert math.isclose(sum(values) / rec.divisor, rec.output)
            else:
                assert max(values) == rec.output
                assert [kind for _, kind in window_terms(rec)].count("argmax") == 1


# what the page says under the arithmetic ----------------------------------------------------------

def test_arithmetic_notes_explain_the_padding():
    counted = pool2d(RAMP4, 3, 2, 1, mode="avg")
    assert arithmetic_notes(counted.trace.window(0, 0), counted.geometry) == [
        ("pg.arith_avg", {"d": 9}), ("pg.arith_avg_pad_counted", {"n": 5})]
    excluded = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=False)
    assert arithmetic_notes(excluded.trace.window(0, 0), excluded.geometry) == [
        ("pg.arith_avg", {"d": 4}), ("pg.arith_avg_pad_skipped", {"n": 5, "d": 4})]
    mx = pool2d(RAMP4, 3, 2, 1)
    assert arithmetic_notes(mx.trace.window(0, 0), mx.geometry) == [
        ("pg.arith_max", {"d": None}), ("pg.arith_max_pad", {"n": 5})]
    ceil = pool2d(np.arange(1, 10).reshape(3, 3), 2, 2, ceil_mode=True, mode="avg")
    assert arithmetic_notes(ceil.trace.window(1, 1), ceil.geometry) == [  # the divisor said outright
        ("pg.arith_avg", {"d": 1}), ("pg.arith_overhang_avg", {"n": 3, "d": 1, "outside": "pg.overhang_cell"})]
    ceil_max = pool2d(np.arange(1, 10).reshape(3, 3), 2, 2, ceil_mode=True)
    assert arithmetic_notes(ceil_max.trace.window(1, 1), ceil_max.geometry)[-1] == ("pg.arith_overhang", {"n": 3})
    big = pool2d(preset("ramp", 16, 16), 16)
    assert arithmetic_notes(big.trace.window(0, 0), big.geometry)[-1] == ("pg.arith_shortened", {"n": 256})


def test_every_note_key_exists_in_both_languages():
    from lessons.i18n import TEXT

    for key in ("pg.arith_max", "pg.arith_avg", "pg.arith_max_pad", "pg.arith_avg_pad_counted",
                "pg.arith_avg_pad_skipped", "pg.arith_overhang", "pg.arith_shortened"):
        assert TEXT[key]["en"] and TEXT[key]["zh"], key
