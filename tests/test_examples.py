"""Input presets and the editable grid text (lessons/examples.py)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lessons import examples
from lessons.examples import GridError, format_grid, parse_grid, preset

SIZES = [(1, 1), (1, 7), (7, 1), (2, 2), (3, 5), (4, 4), (6, 6), (8, 8), (9, 13), (16, 16)]


def test_preset_names_are_the_ones_the_pages_share():
    assert examples.PRESETS == ("ramp", "random", "checker", "edge", "face")


@pytest.mark.parametrize("name", examples.PRESETS)
@pytest.mark.parametrize("h, w", SIZES)
def test_every_preset_has_the_asked_shape_and_whole_numbers(name, h, w):
    x = preset(name, h, w, seed=3)
    assert x.shape == (h, w)
    assert x.dtype.kind == "i"
    if name == "ramp":
        assert x.min() == 1 and x.max() == h * w
    else:
        assert x.min() >= 0 and x.max() <= 9


def test_ramp_is_the_tutorial_figure_at_4x4():
    assert preset("ramp", 4, 4).tolist() == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]
    assert preset("ramp", 2, 3).tolist() == [[1, 2, 3], [4, 5, 6]]


def test_random_is_fixed_by_its_seed():
    a = preset("random", 6, 6, seed=7)
    assert np.array_equal(a, preset("random", 6, 6, seed=7))
    assert not np.array_equal(a, preset("random", 6, 6, seed=8))
    big = preset("random", 16, 16, seed=0)
    assert set(np.unique(big)) == set(range(10))  # 256 draws reach every digit


def test_checker_alternates_nine_and_zero_from_the_top_left():
    x = preset("checker", 3, 4)
    assert x.tolist() == [[9, 0, 9, 0], [0, 9, 0, 9], [9, 0, 9, 0]]


def test_edge_is_a_vertical_step_in_the_middle():
    assert preset("edge", 2, 5).tolist() == [[0, 0, 9, 9, 9], [0, 0, 9, 9, 9]]
    assert preset("edge", 3, 6).tolist() == [[0, 0, 0, 9, 9, 9]] * 3
    # one column wide: the step turns horizontal
    assert preset("edge", 4, 1).ravel().tolist() == [0, 0, 9, 9]


@pytest.mark.parametrize("h", range(1, 17))
def test_face_is_left_right_symmetric_at_every_size(h):
    for w in range(1, 17):
        f = preset("face", h, w)
        assert np.array_equal(f, f[:, ::-1]), (h, w)


def test_face_draws_eyes_nose_and_mouth():
    f8 = preset("face", 8, 8)
    assert f8[1:3, 1:3].tolist() == [[9, 9], [9, 9]] and f8[1:3, 5:7].tolist() == [[9, 9], [9, 9]]
    assert f8[4:6, 3:5].tolist() == [[5, 5], [5, 5]]
    assert f8[7].tolist() == [0, 0, 7, 7, 7, 7, 0, 0]
    # at 16x16 every cell of the 8x8 drawing becomes a 2x2 block
    assert np.array_equal(preset("face", 16, 16), np.kron(f8, np.ones((2, 2), dtype=int)))
    assert set(np.unique(preset("face", 6, 6))) == {0, 5, 7, 9}


@pytest.mark.parametrize("h, w", [(0, 3), (3, 0), (17, 2), (2, 17), (2.5, 3), (True, 3), ("4", 4)])
def test_sizes_outside_one_to_sixteen_are_refused(h, w):
    with pytest.raises(ValueError, match="from 1 to 16"):
        preset("ramp", h, w)


def test_unknown_preset_names_the_choices():
    with pytest.raises(ValueError, match="ramp, random, checker, edge, face"):
        preset("smiley", 4, 4)


def test_format_grid_writes_one_line_per_row():
    assert format_grid(np.array([[1, 2], [3, 40]])) == "1 2\n3 40"
    assert format_grid(np.array([[0.5, -2.0]])) == "0.5 -2"


def test_parse_grid_accepts_spaces_commas_semicolons_and_blank_lines():
    x = parse_grid("1, 2;3\n\n  4 5   6  \n", 2, 3)
    assert x.dtype == np.float64
    assert x.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert parse_grid("−1.5 2e1", 1, 2).tolist() == [[-1.5, 20.0]]  # typographic minus


@pytest.mark.parametrize("text, h, w, code, fields", [
    ("", 2, 2, "empty", {"expected_rows": 2, "expected_cols": 2}),
    ("  \n \n", 2, 2, "empty", {"expected_rows": 2, "expected_cols": 2}),
    ("1 2\n3 4\n5 6", 2, 2, "row_count", {"expected": 2, "got": 3}),
    ("1 2\n3", 2, 2, "row_length", {"row": 2, "expected": 2, "got": 1}),
    ("1 2\n3 x", 2, 2, "not_number", {"row": 2, "col": 2, "token": "x"}),
    ("1 nan", 1, 2, "not_finite", {"row": 1, "col": 2, "token": "nan"}),
    ("inf 1", 1, 2, "not_finite", {"row": 1, "col": 1, "token": "inf"}),
    ("1 2000000", 1, 2, "too_large", {"row": 1, "col": 2, "limit": "1000000"}),
    ("\n".join(["1"] * 17), 16, 1, "too_big", {"limit": 16}),
    (" ".join(["1"] * 17), 1, 16, "too_big", {"limit": 16}),
])
def test_parse_grid_errors_name_the_problem_and_where(text, h, w, code, fields):
    with pytest.raises(GridError) as info:
        parse_grid(text, h, w)
    assert info.value.code == code
    assert info.value.fields == fields
    assert isinstance(info.value, ValueError)


def test_every_grid_error_code_has_a_message_in_both_languages():
    from lessons.i18n import TEXT

    for code in ("empty", "too_big", "row_count", "row_length", "not_number", "not_finite", "too_large"):
        entry = TEXT[f"pg.grid_err.{code}"]
        assert entry["en"] and entry["zh"]


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=16),
                  elements=st.floats(-1e6, 1e6, allow_nan=False)))
def test_format_then_parse_gives_back_the_same_numbers(x):
    assert np.array_equal(parse_grid(format_grid(x), *x.shape), x)
