"""The playground's lesson logic (lessons/playground.py): settings, view model, editable grid, SAME padding."""

import dataclasses
import doctest
import subprocess
import sys

import numpy as np
import pytest
from conftest import FIGURE1_AVG, FIGURE1_INPUT, FIGURE1_MAX, ROOT

from lessons import examples
from lessons import playground as pg
from lessons.i18n import TEXT, t

FIGURE1 = pg.Settings(h=4, w=4)  # the ramp 1..16 with 2 x 2 windows, stride 2


def test_docstring_examples():
    assert doctest.testmod(pg).failed == 0


def test_settings_are_hashable_and_default_to_the_widgets_defaults():
    s = pg.Settings()
    assert hash(s) == hash(pg.Settings()) and s == pg.Settings()
    assert {s, dataclasses.replace(s, grid=((1.0,),))} == {s, pg.Settings(grid=((1.0,),))}
    assert (s.preset, s.seed, s.h, s.w, s.kernel, s.stride, s.dilation, s.padding) == (
        "ramp", 0, 6, 6, (2, 2), (2, 2), (1, 1), (0, 0, 0, 0))
    assert (s.mode, s.ceil_mode, s.count_include_pad, s.grid) == ("max", False, True, None)
    assert s.padding == (0,) * 4  # the padding sliders start at their minimum, 0 (they have no value=)
    assert s.preset == examples.PRESETS[0] and s.mode == pg.MODES[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.h = 4


# the tutorial's Figure 1 ----------------------------------------------------------------------

@pytest.mark.parametrize("mode, expected", [("avg", FIGURE1_AVG), ("max", FIGURE1_MAX)])
def test_figure_one_view(mode, expected):
    view = pg.compute(dataclasses.replace(FIGURE1, mode=mode))
    np.testing.assert_array_equal(view.x, FIGURE1_INPUT)
    assert view.result.output.tolist() == expected and view.error is None
    assert view.n_windows == 4
    assert [a.formula.out for a in view.formulas] == [2, 2]
    assert [a.note[:2] for a in view.formulas] == [("caption", "pg.formula_exact.H"),
                                                    ("caption", "pg.formula_exact.W")]
    assert view.formulas[0].formula.numbers.endswith(r"\lfloor 1 \rfloor + 1 = 1 + 1 = 2")
    assert view.size_note == ("pg.formula_result", {"h": 4, "w": 4, "ho": 2, "wo": 2})
    assert view.figure_notes == (("pg.fig_caption", {}),)
    assert view.cip_note == ("pg.cip_max" if mode == "max" else "pg.cip_no_padding")
    assert view.torch_notes == () and view.paddle_note is None
    assert view.torch_code.startswith(f"y = F.{mode}_pool2d(") and view.paddle_code is None  # PyTorch picked
    paddle = pg.compute(dataclasses.replace(FIGURE1, mode=mode, framework="paddle"))
    assert paddle.paddle_code.startswith(f"y = F.{mode}_pool2d(") and paddle.torch_code is None


def test_figure_one_windows():
    avg = pg.compute(dataclasses.replace(FIGURE1, mode="avg"))
    first, last = pg.window_view(avg, 1), pg.window_view(avg, 4)
    assert first.arithmetic == r"\dfrac{1 + 2 + 5 + 6}{4} = \dfrac{14}{4} = 3.5"
    assert last.arithmetic == r"\dfrac{11 + 12 + 15 + 16}{4} = \dfrac{54}{4} = 13.5"
    assert first.info == ("pg.window_info", {"k": 1, "n": 4, "rows": (0, 1), "cols": (0, 1), "i": 0, "j": 0})
    assert t(*first.info[:1], "en", **first.info[1]).startswith("**Window 1 of 4** reads rows 0, 1 and columns 0, 1")
    one = pg.window_view(pg.compute(pg.Settings(h=2, w=2, kernel=(1, 2), stride=(1, 2))), 1)
    assert "reads row 0 and columns 0, 1," in t(one.info[0], "en", **one.info[1])  # English counts right
    assert "读取第 0 行、第 0、1 列" in t(one.info[0], "zh", **one.info[1])
    assert last.info == ("pg.window_info", {"k": 4, "n": 4, "rows": (2, 3), "cols": (2, 3), "i": 1, "j": 1})
    assert first.notes == (("pg.arith_avg", {"d": 4}),)
    mx = pg.compute(FIGURE1)
    assert [pg.window_view(mx, k).arithmetic for k in (1, 2, 3, 4)] == [
        r"\max(1,\ 2,\ 5,\ \boxed{6}) = 6", r"\max(3,\ 4,\ 7,\ \boxed{8}) = 8",
        r"\max(9,\ 10,\ 13,\ \boxed{14}) = 14", r"\max(11,\ 12,\ 15,\ \boxed{16}) = 16"]
    assert pg.window_view(mx, 99).step == 4 and pg.window_view(mx, 0).step == 1  # clamped


# settings the core refuses, and what is said about them ----------------------------------------

def test_no_window_fits_the_formula_still_says_why():
    view = pg.compute(pg.Settings(h=2, w=2, kernel=(5, 2)))
    assert view.result is None and "kernel_size=5" in str(view.error) and view.n_windows == 0
    (level, key, fields), width = view.formulas[0].note, view.formulas[1]
    assert (level, key, fields["span"], fields["padded"]) == ("warning", "pg.formula_none.H", 5, 2)
    assert view.formulas[0].formula.numbers.endswith(r"-2 + 1 = -1 \le 0") and width.formula.out == 1
    assert view.figure_notes == () and view.size_note is None
    np.testing.assert_array_equal(view.x, [[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="no window"):
        pg.window_view(view, 1)


def test_a_window_of_padding_only_is_refused_with_the_reason():
    view = pg.compute(pg.Settings(h=1, w=1, kernel=(1, 1), padding=(1, 0, 0, 0)))
    assert view.result is None and "padding is too large" in str(view.error)
    assert [a.formula.out for a in view.formulas] == [1, 1]  # the formulas themselves are fine: one window each
    assert view.torch_notes == (("pg.torch.asymmetric", {}),
                                ("pg.torch.half", {"kh": 1, "kw": 1, "limit_h": 0, "limit_w": 0}))
    assert view.torch_code is None and view.cip_note == "pg.cip_max"
    assert view.paddle_code is None and view.paddle_note is None  # no code for refused settings


def test_ceil_mode_overhang_dropped_window_and_the_animation_cap():
    overhang = pg.compute(pg.Settings(h=5, w=5, ceil_mode=True, mode="avg"))
    assert overhang.figure_notes == (("pg.fig_caption", {}), ("pg.fig_overhang", {"outside": "pg.overhang_cell"}))
    assert overhang.formulas[0].note[:2] == ("caption", "pg.formula_overhang.H")
    dropped = pg.compute(pg.Settings(w=3, kernel=(2, 1), padding=(0, 0, 0, 1), ceil_mode=True))
    assert dropped.formulas[1].note == ("info", "pg.formula_dropped.W",
                                        {"out": 2, "start": 4, "last": 2, "n": 1, "span": 1, "padded": 4})
    assert dropped.result.output.shape == (3, 2)
    many = pg.compute(pg.Settings(h=16, w=16, kernel=(1, 1), stride=(1, 1)))
    assert many.figure_notes[-1] == ("pg.anim_cap", {"n": 256, "cap": pg.FRAME_CAP})


def test_framework_notes_follow_the_settings():
    view = pg.compute(pg.Settings(padding=(0, 1, 0, 0), mode="avg", dilation=(1, 2)))
    assert [key for key, _ in view.torch_notes] == ["pg.torch.asymmetric", "pg.torch.avg_dilation"]
    assert view.torch_code is None and view.paddle_code is None and view.paddle_note == "pg.paddle.dilation"
    assert view.cip_note is None  # padding and the average: the switch matters


def test_every_key_the_view_can_name_exists():
    views = [pg.compute(s) for s in (
        pg.Settings(), pg.Settings(h=2, w=2, kernel=(5, 5)), pg.Settings(h=5, w=5, ceil_mode=True, mode="avg"),
        pg.Settings(h=16, w=16, kernel=(1, 1), stride=(1, 1)), pg.Settings(padding=(0, 1, 3, 0), dilation=(2, 1)))]
    keys = set()
    for v in views:
        keys |= {key for key, _ in v.figure_notes + v.torch_notes} | {a.note[1] for a in v.formulas}
        keys |= {k for k in (v.cip_note, v.paddle_note) if k} | ({v.size_note[0]} if v.size_note else set())
        if v.result is not None:
            w = pg.window_view(v, v.n_windows)
            keys |= {w.info[0]} | {key for key, _ in w.notes}
    assert len(keys) > 12 and keys <= set(TEXT)


# the editable grid ------------------------------------------------------------------------------

def test_a_fresh_grid_until_the_example_changes():
    state = pg.grid_state(None, None, "ramp", 2, 3, 0)
    assert (state.text, state.example_text, state.fresh) == ("1 2 3\n4 5 6", "1 2 3\n4 5 6", True)
    kept = pg.grid_state("9 9 9\n9 9 9", state.source, "ramp", 2, 3, 0)
    assert (kept.text, kept.example_text, kept.fresh) == ("9 9 9\n9 9 9", "1 2 3\n4 5 6", False)
    for changed in (("checker", 2, 3, 0), ("ramp", 3, 3, 0), ("ramp", 2, 2, 0), ("random", 2, 3, 0)):
        fresh = pg.grid_state("9 9 9\n9 9 9", state.source, *changed)
        assert fresh.fresh and fresh.text == examples.format_grid(examples.preset(*changed))
    assert pg.grid_state("9", pg.grid_state(None, None, "random", 2, 2, 1).source, "random", 2, 2, 2).fresh


def test_reading_the_grid_edited_unchanged_or_unreadable():
    state = pg.grid_state(None, None, "ramp", 2, 4, 0)
    assert pg.read_grid(state.text, state) == pg.GridReading(None)
    assert pg.read_grid("1, 2, 3, 4\n5 6 7 8.0", state) == pg.GridReading(None)  # the same numbers
    edited = pg.read_grid("1 2 3 4\n5 6 7 100", state)
    assert edited == pg.GridReading(((1.0, 2.0, 3.0, 4.0), (5.0, 6.0, 7.0, 100.0)), edited=True)
    bad = pg.read_grid("1 2 3 4\n5 6 7 four", state)
    assert bad == pg.GridReading(None, error=("pg.grid_err.not_number", {"row": 2, "col": 4, "token": "four"}))
    assert pg.read_grid("1 2", state).error == ("pg.grid_err.row_count", {"expected": 2, "got": 1})
    view = pg.compute(pg.Settings(h=2, w=4, mode="avg", grid=edited.values))
    assert view.result.output.tolist() == [[3.5, 28.5]]
    assert pg.compute(pg.Settings(h=2, w=4, mode="avg", grid=bad.values)).result.output.tolist() == [[3.5, 5.5]]
    with pytest.raises(ValueError, match="grid must be 2x3"):
        pg.compute(pg.Settings(h=2, w=3, grid=edited.values))


# SAME padding ---------------------------------------------------------------------------------------

def test_same_padding_puts_the_odd_row_at_the_bottom_right():
    pads, note = pg.same_padding_request((5, 7), (3, 2), (2, 2), (1, 1))
    assert pads == (1, 1, 0, 1)
    assert note == ("success", "pg.same_applied", {"top": 1, "bottom": 1, "left": 0, "right": 1, "limit": 8})
    view = pg.compute(pg.Settings(h=5, w=7, kernel=(3, 2), padding=pads))
    assert view.result.output.shape == (3, 4)  # ceil(5 / 2) x ceil(7 / 2)


def test_same_padding_too_large_for_the_sliders():
    pads, note = pg.same_padding_request((6, 6), (16, 2), (2, 2), (4, 1))  # a window 61 rows tall
    assert pads is None
    assert note == ("warning", "pg.same_too_big", {"top": 29, "bottom": 30, "left": 0, "right": 0, "limit": 8})


def test_the_lesson_logic_imports_neither_streamlit_nor_plotly():
    modules = ("lessons.playground", "lessons.walkthrough", "lessons.arithmetic", "lessons.formula",
               "lessons.frameworks", "lessons.examples")
    probe = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'streamlit', 'plotly'}))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
