"""The walkthrough's lesson logic (lessons/walkthrough.py): the tutorial's Figure 1, step by step."""

import dataclasses
import doctest

import numpy as np
import pytest
from conftest import FIGURE1_AVG, FIGURE1_INPUT, FIGURE1_MAX

from lessons import walkthrough as wt
from lessons.i18n import TEXT


def test_docstring_examples():
    assert doctest.testmod(wt).failed == 0


def test_the_input_is_the_tutorials_figure_one():
    np.testing.assert_array_equal(wt.INPUT, FIGURE1_INPUT)
    assert (wt.KERNEL, wt.STRIDE, wt.N_WINDOWS) == (2, 2, 4)
    assert wt.LEAD == ("wt.lead", {"h": 4, "w": 4, "n": 16, "kh": 2, "kw": 2, "s": 2, "windows": 4})
    with pytest.raises(ValueError):
        wt.INPUT[0, 0] = 99  # shared by every view: read-only


def test_settings_are_hashable_and_default_to_the_widgets_defaults():
    assert wt.Settings() == wt.Settings(step=1, modes=("avg", "max"))
    assert len({wt.Settings(), wt.Settings(), wt.Settings(step=2)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        wt.Settings().step = 2


def test_both_modes_give_the_tutorials_numbers():
    view = wt.compute(wt.Settings())
    avg, mx = view.modes
    assert (avg.mode, mx.mode) == ("avg", "max") and (avg.head, mx.head) == ("wt.avg_head", "wt.max_head")
    assert avg.result.output.tolist() == FIGURE1_AVG and mx.result.output.tolist() == FIGURE1_MAX
    assert [r.step for r in avg.records] == [0, 1, 2, 3]
    assert avg.arithmetic == ("3.5 = (1 + 2 + 5 + 6) / 4", "5.5 = (3 + 4 + 7 + 8) / 4",
                              "11.5 = (9 + 10 + 13 + 14) / 4", "13.5 = (11 + 12 + 15 + 16) / 4")
    assert mx.arithmetic == ("max(1, 2, 5, 6) = 6", "max(3, 4, 7, 8) = 8", "max(9, 10, 13, 14) = 14",
                             "max(11, 12, 15, 16) = 16")


@pytest.mark.parametrize("step, where, avg_note, max_note", [
    (1, {"r0": 0, "r1": 1, "c0": 0, "c1": 1, "i": 0, "j": 0}, {"count": 4, "total": "14", "divisor": 4},
     {"value": "6", "r": 1, "c": 1}),
    (2, {"r0": 0, "r1": 1, "c0": 2, "c1": 3, "i": 0, "j": 1}, {"count": 4, "total": "22", "divisor": 4},
     {"value": "8", "r": 1, "c": 3}),
    (3, {"r0": 2, "r1": 3, "c0": 0, "c1": 1, "i": 1, "j": 0}, {"count": 4, "total": "46", "divisor": 4},
     {"value": "14", "r": 3, "c": 1}),
    (4, {"r0": 2, "r1": 3, "c0": 2, "c1": 3, "i": 1, "j": 1}, {"count": 4, "total": "54", "divisor": 4},
     {"value": "16", "r": 3, "c": 3}),
])
def test_each_step_says_where_the_window_is_and_how_its_output_is_made(step, where, avg_note, max_note):
    view = wt.compute(wt.Settings(step=step))
    assert view.step == step
    assert view.where == ("wt.where", {"n": step, "total": 4, **where})
    avg, mx = view.modes
    assert avg.note == ("wt.avg_note", avg_note) and mx.note == ("wt.max_note", max_note)
    assert avg.so_far == ("wt.output_so_far", {"cells": ", ".join(["3.5", "5.5", "11.5", "13.5"][:step])})
    assert mx.so_far == ("wt.output_so_far", {"cells": ", ".join(["6", "8", "14", "16"][:step])})


def test_one_mode_or_none():
    (only,) = wt.compute(wt.Settings(step=2, modes=("max",))).modes
    assert only.mode == "max" and only.arithmetic[1] == "max(3, 4, 7, 8) = 8"
    assert [m.mode for m in wt.compute(wt.Settings(modes=("max", "avg"))).modes] == ["avg", "max"]
    none = wt.compute(wt.Settings(modes=()))
    assert none.modes == () and none.where is None
    assert [f.out for f in none.formulas] == [2, 2]  # the size formula still shows


def test_the_size_formula_and_the_two_corrections_of_the_tutorial():
    view = wt.compute(wt.Settings())
    rows, cols = view.formulas
    assert (rows.axis, cols.axis, rows.out, cols.out) == ("H", "W", 2, 2)
    assert r"\dfrac{4 + 0 + 0 - 2}{2}" in rows.line and rows.line.endswith("= 2")
    assert view.floor_note == ("wt.size_floor", {"num": 2, "s": 2, "q": "1", "out": 2})
    assert view.half_note == ("wt.size_half", {"h": 5, "out": 2, "half": "2.5"})


@pytest.mark.parametrize("settings", [wt.Settings(step=0), wt.Settings(step=5), wt.Settings(modes=("mean",))])
def test_settings_outside_the_lesson_are_refused(settings):
    with pytest.raises(ValueError):
        wt.compute(settings)


def test_every_key_the_view_names_exists():
    view = wt.compute(wt.Settings())
    keys = {wt.LEAD[0], view.where[0], view.floor_note[0], view.half_note[0]}
    keys |= {k for m in view.modes for k in (m.head, m.note[0], m.so_far[0])}
    assert len(keys) == 9 and keys <= set(TEXT)
