"""lessons/backward.py: the backward lesson's presets, settings and view models."""

import dataclasses

import numpy as np
import pytest
from conftest import FIGURE1_INPUT, FIGURE1_MAX
from numpy.testing import assert_allclose, assert_array_equal

from lessons import backward as bw
from lessons.examples import MAX_ABS, MAX_SIDE, GridError
from lessons.i18n import TEXT

ONES = np.ones((2, 2))


def keys_of(message):
    return message[0]


# ---------------------------------------------------------------- presets

def test_input_presets():
    assert_array_equal(bw.make_input("ramp", 4), FIGURE1_INPUT)
    shuffled = bw.make_input("random", 5, seed=3)
    assert sorted(shuffled.ravel()) == list(range(1, 26))
    assert not np.array_equal(shuffled, bw.make_input("ramp", 5))
    assert_array_equal(shuffled, bw.make_input("random", 5, seed=3))  # seeded
    ties = bw.make_input("ties", 6, seed=1)
    assert set(np.unique(ties)) <= {0.0, 1.0, 2.0, 3.0}
    with pytest.raises(ValueError, match="input preset"):
        bw.make_input("zeros", 4)


def test_upstream_presets():
    assert_array_equal(bw.make_upstream("ones", (2, 3)), np.ones((2, 3)))
    assert_array_equal(bw.make_upstream("range", (2, 2)), [[1, 2], [3, 4]])
    r = bw.make_upstream("random", (5, 5), seed=2)
    assert r.min() >= -3 and r.max() <= 3 and np.array_equal(r, np.round(r))
    assert_array_equal(r, bw.make_upstream("random", (5, 5), seed=2))
    assert_array_equal(bw.make_upstream("custom", (2, 2), text="1 -2; 3.5, 4"), [[1, -2], [3.5, 4]])
    with pytest.raises(GridError):
        bw.make_upstream("custom", (2, 2), text="1 2 3")
    with pytest.raises(ValueError, match="upstream preset"):
        bw.make_upstream("zeros", (2, 2))


@pytest.mark.parametrize("typed, expected", [
    ("1 2 3 4", [[1, 2], [3, 4]]),           # any line layout: the numbers are regrouped into rows
    ("1,2\n3,4", [[1, 2], [3, 4]]),
    (" 1; 2 ;3;4 ", [[1, 2], [3, 4]]),
    ("1\n2\n3\n4", [[1, 2], [3, 4]]),
    ("-1e0 0.5 2 −3", [[-1, 0.5], [2, -3]]),   # a typographic minus too
])
def test_read_upstream_accepts_any_layout(typed, expected):
    assert_array_equal(bw.read_upstream(typed, (2, 2)), expected)


@pytest.mark.parametrize("typed, code", [
    ("", "empty"), ("1 2 3", "row_count"), ("1 2 3 4 5", "row_count"), ("1 2\n3 4 5", "row_length"),
    ("1 2 x 4", "not_number"), ("1 2 nan 4", "not_finite"), ("1 2 inf 4", "not_finite"),
    (f"1 2 3 {10 * MAX_ABS:g}", "too_large"),
])
def test_read_upstream_refuses_what_does_not_fit(typed, code):
    with pytest.raises(GridError) as err:
        bw.read_upstream(typed, (2, 2))
    assert err.value.code == code


def test_read_upstream_on_an_output_too_big_to_type():
    side = MAX_SIDE + 1
    with pytest.raises(GridError) as err:
        bw.read_upstream(" ".join(["1"] * side * side), (side, side))
    assert err.value.code == "too_big" and err.value.fields == {"limit": MAX_SIDE}


# ---------------------------------------------------------------- settings

def test_settings_are_hashable_and_default_to_the_tutorial_case():
    s = bw.Settings()
    assert hash(s) == hash(bw.Settings()) and s == bw.Settings()
    assert {s: 1}[bw.Settings()] == 1
    assert all(isinstance(getattr(s, f.name), (str, int, bool, type(None))) for f in dataclasses.fields(s))  # x_drawn: None
    assert dataclasses.replace(s, **bw.QUICK["tutorial"]) == s
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.kernel = 3


def test_quick_settings_name_settings_fields():
    fields = {f.name for f in dataclasses.fields(bw.Settings)}
    for name, change in bw.QUICK.items():
        assert set(change) <= fields, name
        bw.compute(dataclasses.replace(bw.Settings(), **change))  # each one fits together


def test_figure_titles_are_translation_keys():
    for mode in bw.MODES:
        titles = bw.figure_titles(mode)
        assert all(key in TEXT for key in titles.values())
        assert titles["where_grad"] == f"bw.grad_title_{mode}"


# ---------------------------------------------------------------- the lesson on figure 1

def test_figure_1_split_keeps_the_sum_and_copy_multiplies_it_by_4():
    lesson = bw.compute(bw.Settings())
    assert lesson.out_shape == (2, 2) and lesson.upstream_problem is None
    assert_array_equal(lesson.x, FIGURE1_INPUT)
    assert_array_equal(lesson.grad_output, ONES)
    assert (lesson.upstream_sum, lesson.split_sum, lesson.copy_sum, lesson.factor) == (4, 4, 16, 4)
    assert lesson.split_sum == lesson.upstream_sum and lesson.copy_sum == 4 * lesson.upstream_sum
    assert_allclose(lesson.avg.gradient.values, np.full((4, 4), 0.25))
    assert_array_equal(lesson.copy.values, np.ones((4, 4)))
    assert (lesson.divisor, lesson.windows_partial, lesson.windows_note, lesson.max_ties) == (4, False, None, None)
    assert lesson.divisor_text == ("bw.avg_divisor_uniform", {"n": 4})
    assert lesson.copy_verdict == ("bw.copy_verdict", {"up": "4", "copy": "16", "factor": "4"})
    assert lesson.max_text == ("bw.max_text", {"w": 4})
    assert lesson.indices_caption == ("bw.indices_caption", {"ids": [[5, 7], [13, 15]]})


def test_figure_1_mode_views():
    lesson = bw.compute(bw.Settings())
    avg, mx = lesson.by_mode("avg"), lesson.by_mode("max")
    assert (avg.mode, mx.mode) == ("avg", "max") and lesson.avg is avg and lesson.max is mx
    assert_array_equal(mx.res.output, FIGURE1_MAX)
    assert [b.step for b in avg.windows] == [0, 1, 2, 3]
    first = avg.windows[0]
    assert (first.row_start, first.row_stop, first.col_start, first.col_stop) == (0, 2, 0, 2)
    assert avg.argmax == () and mx.argmax == ((1, 1), (1, 3), (3, 1), (3, 3))
    assert_array_equal(mx.gradient.values, [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]])
    assert avg.routes is None and mx.routes.sum() == 4
    assert_array_equal(avg.touches.values, np.ones((4, 4)))
    assert avg.shared == mx.shared == ("bw.shared_none", {})
    assert avg.verdict == ("bw.v_avg_exact", {"up": "4", "got": "4", "n": 4, "lost": "0", "diff": "0"})
    assert keys_of(mx.verdict) == "bw.v_max_one_cell"
    assert avg.check.agrees() and keys_of(avg.check_verdict) == "bw.check_ok"
    assert avg.check_verdict[1]["d"] == avg.max_diff and "e-" in avg.max_diff  # rounding error, written 1.2e-12
    assert avg.ties is None and mx.ties == ("bw.check_no_ties", {})
    with pytest.raises(ValueError, match="mode"):
        lesson.by_mode("sum")


# ---------------------------------------------------------------- other settings

def test_padding_and_ties():
    lesson = bw.compute(bw.Settings(x_preset="ties", kernel=3, padding=1, g_preset="range"))
    assert lesson.divisor == 9 and lesson.windows_partial and lesson.windows_note == ("bw.windows_partial", {})
    assert [b.step for b in lesson.avg.windows] == [0, 1, 2]
    assert lesson.upstream_sum == 10 and lesson.split_sum == pytest.approx(70 / 9)  # 4*1+6*2+6*3+9*4 over 9
    assert lesson.copy_sum == 70 and lesson.factor == 7
    assert lesson.max_ties == ("bw.max_ties", {"n": 2})  # seed 0's 0..3 input has two tied windows
    assert lesson.max.ties == ("bw.check_ties", {"n": 2}) and lesson.max.check.n_ties == 2
    assert keys_of(lesson.avg.verdict) == "bw.v_avg_lost"
    assert lesson.avg.verdict[1]["lost"] == bw.num(lesson.avg.report.lost)
    real = bw.compute(bw.Settings(kernel=3, padding=1, count_include_pad=False))
    assert real.divisor is None and real.divisor_text == ("bw.avg_divisor_varies", {})
    assert_array_equal(real.avg.res.divisor, [[4, 6], [6, 9]])
    assert real.split_sum == pytest.approx(4)


def test_overlap_shares_cells():
    lesson = bw.compute(dataclasses.replace(bw.Settings(), **bw.QUICK["overlap"]))
    # shuffled 1..16 (seed 0): 15 at (2, 0) is the maximum of both left windows
    assert lesson.max.shared == ("bw.shared_max", {"cells": 1, "r": 2, "c": 0, "most": 2})
    assert lesson.avg.shared == ("bw.shared_avg", {"cells": 12, "r": 1, "c": 1, "most": 4})


def test_overlap_both_modes_preserve_the_sum_and_pass_the_check():
    lesson = bw.compute(bw.Settings(kernel=3, stride=1))
    assert lesson.avg.report.reason == "avg_exact" and lesson.avg.check.agrees()
    assert lesson.max.report.reason == "max_one_cell" and lesson.max.check.max_abs_diff < 1e-8
    assert lesson.windows_partial and lesson.avg.touches.values.max() == 4


@pytest.mark.parametrize("typed, problem", [
    ("1 2 3", ("bw.gtext_bad", {"count": 4, "rows": 2, "cols": 2})),
    ("1 2 x 4", ("bw.gtext_bad", {"count": 4, "rows": 2, "cols": 2})),
    ("1 2 3 1e9", ("bw.gtext_too_large", {"limit": "1000000"})),
])
def test_custom_upstream_that_does_not_fit_falls_back_to_ones(typed, problem):
    lesson = bw.compute(bw.Settings(g_preset="custom", g_text=typed))
    assert lesson.upstream_problem == problem and np.array_equal(lesson.grad_output, ONES)
    assert problem[0] in TEXT


def test_custom_upstream():
    lesson = bw.compute(bw.Settings(g_preset="custom", g_text="1 2 3 -4"))
    assert lesson.upstream_problem is None and lesson.grad_output.tolist() == [[1, 2], [3, -4]]
    zero = bw.compute(bw.Settings(g_preset="custom", g_text="1 -1 2 -2"))
    assert zero.factor is None and zero.copy_verdict == ("bw.copy_verdict_zero", {})
    big = bw.compute(bw.Settings(n=16, kernel=2, stride=1, padding=1, g_preset="custom", g_text="1"))
    assert big.upstream_problem == ("bw.gtext_too_big", {"rows": 17, "cols": 17, "limit": MAX_SIDE})


def test_compute_raises_for_impossible_settings():
    with pytest.raises(ValueError, match="kernel_size"):
        bw.compute(bw.Settings(n=2, kernel=6))


def test_every_message_key_exists_and_its_fields_fill_it():
    from lessons.i18n import t
    settings = [bw.Settings(), bw.Settings(x_preset="ties", kernel=3, padding=1, g_preset="range"),
                bw.Settings(kernel=3, stride=1, x_preset="random"),
                bw.Settings(g_preset="custom", g_text="1 -1 2 -2"), bw.Settings(g_preset="custom", g_text="9")]
    for s in settings:
        lesson = bw.compute(s)
        messages = [lesson.upstream_problem, lesson.windows_note, lesson.divisor_text, lesson.copy_verdict,
                    lesson.max_text, lesson.indices_caption, lesson.max_ties]
        for view in (lesson.avg, lesson.max):
            messages += [view.shared, view.verdict, view.check_verdict, view.ties]
        for key, fields in filter(None, messages):
            for lang in ("en", "zh"):
                assert "{" not in t(key, lang, **fields), (key, lang)
