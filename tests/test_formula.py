"""The output-size formula and what to say about it (lessons/formula.py)."""

import doctest
import itertools

import pytest

from lessons import formula
from lessons.formula import formula_note, size_formula
from pooling_core import NoWindowError, explain_output_size, output_size


def _no_window(*args, **kwargs):
    """The derivation the core's NoWindowError carries for settings where no window fits."""
    with pytest.raises(NoWindowError) as caught:
        explain_output_size(*args, **kwargs)
    return caught.value.derivation


def test_docstring_examples():
    assert doctest.testmod(formula).failed == 0


def test_figure_one_on_one_line():
    # The walkthrough shows the tutorial's Figure 1 (4 x 4, 2 x 2 windows, stride 2) on one line.
    assert size_formula(explain_output_size(4, 2, 2), "H").line == (
        r"H_{out} = \left\lfloor \dfrac{H + p_{h1} + p_{h2} - k_h}{s_h} \right\rfloor + 1"
        r" = \left\lfloor \dfrac{4 + 0 + 0 - 2}{2} \right\rfloor + 1 = \left\lfloor \dfrac{2}{2} \right\rfloor + 1"
        r" = \lfloor 1 \rfloor + 1 = 1 + 1 = 2"
    )
    odd = size_formula(explain_output_size(5, 2, 2), "W").line
    assert odd.startswith(r"W_{out} = \left\lfloor \dfrac{W + p_{w1}")
    assert odd.endswith(r"\lfloor 1.5 \rfloor + 1 = 1 + 1 = 2")
    ceil = size_formula(explain_output_size(5, 2, 2, ceil_mode=True), "H").line
    assert r"\lceil 1.5 \rceil + 1 = 2 + 1 = 3" in ceil


def test_formula_with_every_number_put_in():
    f = size_formula(explain_output_size(6, 2, 2), "H")
    assert f.general == r"H_{out} = \left\lfloor \dfrac{H + p_{h1} + p_{h2} - k_h}{s_h} \right\rfloor + 1"
    assert f.numbers == (r"H_{out} = \left\lfloor \dfrac{6 + 0 + 0 - 2}{2} \right\rfloor + 1 = "
                         r"\left\lfloor \dfrac{4}{2} \right\rfloor + 1 = \lfloor 2 \rfloor + 1 = 2 + 1 = 3")
    assert (f.out, f.ok, f.dropped, f.uncovered, f.overhang) == (3, True, False, 0, 0)


def test_floor_leaves_a_remainder_uncovered_and_ceil_hangs_over():
    floor = size_formula(explain_output_size(7, 2, 2, pad_before=1, pad_after=0), "W")
    assert r"\dfrac{7 + 1 + 0 - 2}{2}" in floor.numbers and floor.out == 4 and floor.uncovered == 0
    floor = size_formula(explain_output_size(7, 2, 2), "W")
    assert r"\lfloor 2.5 \rfloor + 1 = 2 + 1 = 3" in floor.numbers
    assert (floor.out, floor.uncovered, floor.overhang) == (3, 1, 0)
    ceil = size_formula(explain_output_size(7, 2, 2, ceil_mode=True), "W")
    assert r"\lceil 2.5 \rceil + 1 = 3 + 1 = 4" in ceil.numbers and ceil.general.startswith(r"W_{out} = \left\lceil")
    assert (ceil.out, ceil.uncovered, ceil.overhang) == (4, 0, 1)
    thirds = size_formula(explain_output_size(9, 2, 3), "H")
    assert r"\lfloor 2.33\ldots \rfloor" in thirds.numbers


def test_ceil_mode_drops_a_window_that_would_start_past_the_input():
    f = size_formula(explain_output_size(3, 1, 2, pad_before=0, pad_after=1, ceil_mode=True), "H")
    assert f.dropped and f.out == 2 and f.last_start == 4
    assert f.numbers.endswith(r"\lceil 1.5 \rceil + 1 = 2 + 1 = 3 = 3 - 1 = 2")
    f = size_formula(explain_output_size(4, 3, 2, pad_before=0, pad_after=2, ceil_mode=True), "H")
    assert f.dropped and f.last_start == 4 and f.out == 2  # it would start in the bottom padding


def test_dilation_appears_in_the_formula():
    f = size_formula(explain_output_size(7, 3, 1, dilation=2), "W")
    assert r"(d_w(k_w - 1) + 1)" in f.general
    assert r"\dfrac{7 + 0 + 0 - (2 \cdot (3 - 1) + 1)}{1}" in f.numbers and f.out == 3


def test_a_window_that_does_not_fit_ends_at_zero_or_less():
    f = size_formula(_no_window(2, 5, 2), "H")
    assert not f.ok and f.out == -1 and (f.uncovered, f.overhang) == (0, 0)
    assert f.numbers.endswith(r"\lfloor -1.5 \rfloor + 1 = -2 + 1 = -1 \le 0")


def test_formula_agrees_with_the_pooled_array_on_every_configuration():
    for size, k, s, pb, pa, d, ceil in itertools.product(range(1, 8), range(1, 5), range(1, 4), range(3),
                                                         range(3), (1, 2), (False, True)):
        try:
            expected = output_size(size, k, s, pb, pa, d, ceil)
        except ValueError:
            f = size_formula(_no_window(size, k, s, pb, pa, d, ceil))
            assert not f.ok and f.out < 1
            continue
        f = size_formula(explain_output_size(size, k, s, pb, pa, d, ceil))
        assert f.out == expected and f.numbers.endswith(f" {expected}")
        last_stop = (f.out - 1) * s + (k - 1) * d + 1  # in padded coordinates
        assert last_stop + f.uncovered - f.overhang == size + pb + pa


def test_formula_notes_pick_the_right_story():
    def note(size, k, s, pb=0, pa=0, d=1, ceil=False):
        return formula_note(size_formula(explain_output_size(size, k, s, pb, pa, d, ceil), "W"))

    assert note(6, 2, 2)[:2] == ("caption", "pg.formula_exact.W")
    level, key, fields = note(7, 2, 2)
    assert (level, key, fields["n"]) == ("caption", "pg.formula_uncovered.W", 1)
    level, key, fields = note(7, 2, 2, ceil=True)
    assert (level, key, fields["n"]) == ("caption", "pg.formula_overhang.W", 1)
    level, key, fields = note(3, 1, 2, pa=1, ceil=True)
    assert (level, key) == ("info", "pg.formula_dropped.W")
    assert (fields["start"], fields["last"], fields["out"]) == (4, 2, 2)
    level, key, fields = formula_note(size_formula(_no_window(2, 5, 2), "H"))
    assert (level, key, fields["span"], fields["padded"]) == ("warning", "pg.formula_none.H", 5, 2)
    level, key, fields = formula_note(size_formula(_no_window(3, 4, 1, 0, 0, 2), "W"))  # dilated: 7 wide
    assert (level, key, fields["span"], fields["padded"]) == ("warning", "pg.formula_none.W", 7, 3)


def test_every_note_key_exists_in_both_languages():
    from lessons.i18n import TEXT

    for kind, axis in itertools.product(("none", "dropped", "uncovered", "overhang", "exact"), "HW"):
        entry = TEXT[f"pg.formula_{kind}.{axis}"]
        assert entry["en"] and entry["zh"]
