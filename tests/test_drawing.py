"""lessons.drawing: the drawing code (round trip, hostile codes), resizing, painting, selections."""

import re

import numpy as np
import pytest

from lessons import drawing
from lessons.drawing import DrawError, decode, encode, paint, resize, selected_cells
from lessons.examples import MAX_ABS, MAX_SIDE
from lessons.i18n import TEXT, t

URL_SAFE = re.compile(r"[0-9A-Za-z._-]+")


@pytest.mark.parametrize("grid", [
    [[0]],
    [[9, 9, 9], [0, -1, 0]],
    np.zeros((MAX_SIDE, MAX_SIDE)),
    np.full((MAX_SIDE, MAX_SIDE), -61.0),
    np.arange(-61, 62, dtype=float)[:120].reshape(8, 15),
    [[1.5, -2.25], [1e-05, MAX_ABS]],
    [[-MAX_ABS, 0.1 + 0.2]],
])
def test_round_trip_is_exact_and_url_safe(grid):
    code = encode(grid)
    assert URL_SAFE.fullmatch(code)
    assert np.array_equal(decode(code), np.asarray(grid, dtype=float))


def test_random_grids_round_trip():
    rng = np.random.default_rng(7)
    for _ in range(200):
        h, w = rng.integers(1, MAX_SIDE + 1, size=2)
        grid = rng.integers(-70, 70, size=(h, w)).astype(float)
        if rng.random() < 0.3:
            grid = grid * rng.normal(size=(h, w)) * 1000
        assert np.array_equal(decode(encode(grid)), grid)


def test_palette_drawings_are_short():
    grid = np.zeros((16, 16))
    grid[4:8, 4:8] = 9
    assert len(encode(grid)) < 60  # run-length: a 16x16 drawing with a block in it
    assert encode([[0, 1], [2, 3]]) == "2x2i0123"


@pytest.mark.parametrize("code, fault", [
    ("", "bad_header"),
    ("6x6", "bad_header"),
    ("x6i0", "bad_header"),
    ("6x6z0", "bad_header"),
    ("2x2i0_3 ", "bad_chars"),
    ("2x2i0%203", "bad_chars"),
    ("<script>alert(1)</script>", "bad_chars"),
    ("2x2i0_3\n", "bad_chars"),
    ("２x2i0_3", "bad_chars"),  # full-width digit
    ("0x2i", "bad_size"),
    ("17x1i0_g", "bad_size"),
    ("999x999i0", "bad_size"),
    ("2x2i012", "count"),
    ("2x2i01234", "count"),
    ("2x2i0_Z", "count"),
    ("2x2i0_Z_Z_Z_Z", "count"),
    ("2x2i0-", "bad_cell"),
    ("2x2i0_", "bad_cell"),
    ("2x2i_3", "bad_cell"),
    ("2x2i--1", "bad_cell"),
    ("2x2i0.1", "bad_cell"),
    ("1x2n1_nan", "bad_cell"),
    ("1x2n1_inf", "bad_cell"),
    ("1x2n1__2", "bad_cell"),
    ("1x2n1_1e999", "too_large"),
    ("1x2n1_2000000", "too_large"),
    ("1x2n1", "count"),
    ("1x1n", "count"),
    ("1x1n" + "9" * 40, "bad_cell"),
    ("2x2i" + "0" * drawing.MAX_CODE, "too_long"),
])
def test_hostile_codes_raise_draw_error_only(code, fault):
    with pytest.raises(DrawError) as info:
        decode(code)
    assert info.value.code == fault
    # every fault has a message in both languages, and its fields fill it
    for lang in ("en", "zh"):
        assert t(f"draw.err.{fault}", lang, **info.value.fields)


def test_every_fault_has_a_message():
    faults = {key.rsplit(".", 1)[1] for key in TEXT if key.startswith("draw.err.")}
    assert faults == {"too_long", "bad_chars", "bad_header", "bad_size", "bad_cell", "count", "too_large"}


def test_decode_refuses_what_is_not_text():
    for code in (None, 12, b"2x2i0_3", ["2x2i0_3"]):
        with pytest.raises(DrawError):
            decode(code)


def test_random_garbage_never_escapes_as_another_error():
    rng = np.random.default_rng(3)
    alphabet = np.array(list("0123456789xinaZ_-.e "))
    for _ in range(2000):
        code = "".join(rng.choice(alphabet, size=rng.integers(0, 14)))
        try:
            grid = decode(code)
        except DrawError:
            continue
        assert grid.ndim == 2 and np.isfinite(grid).all()


def test_encode_refuses_grids_a_lesson_cannot_hold():
    for bad in ([[np.nan]], [[np.inf]], [[2 * MAX_ABS]], np.zeros((MAX_SIDE + 1, 1)), np.zeros((0, 3)), [1, 2]):
        with pytest.raises(ValueError):
            encode(bad)


def test_resize_keeps_the_overlap_and_fills_the_rest():
    old = np.arange(1, 7, dtype=float).reshape(2, 3)
    fill = np.full((3, 2), -1.0)
    grid, kept = resize(old, 3, 2, fill)
    assert kept == (2, 2)
    assert grid.tolist() == [[1, 2], [4, 5], [-1, -1]]
    grid, kept = resize(old, 1, 5, fill=0)
    assert kept == (1, 3) and grid.tolist() == [[1, 2, 3, 0, 0]]
    back, _ = resize(resize(old, 2, 3, 0)[0], 2, 3, 0)
    assert np.array_equal(back, old)


def test_shrinking_then_growing_the_code_keeps_the_drawing():
    """The page keeps the code as drawn; each size shows its overlap, so growing back restores it."""
    old = np.arange(16, dtype=float).reshape(4, 4)
    code = encode(old)
    small, _ = resize(decode(code), 2, 2, fill=0)
    assert small.tolist() == [[0, 1], [4, 5]]
    assert np.array_equal(resize(decode(code), 4, 4, fill=0)[0], old)


def test_paint_sets_cells_and_refuses_bad_ones():
    grid = paint(np.zeros((2, 3)), [(0, 0), (1, 2)], 7)
    assert grid.tolist() == [[7, 0, 0], [0, 0, 7]]
    with pytest.raises(ValueError):
        paint(np.zeros((2, 3)), [(2, 0)], 1)
    with pytest.raises(ValueError):
        paint(np.zeros((2, 3)), [(0, 0)], float("nan"))


def test_selected_cells_reads_only_valid_indices():
    points = [{"point_index": 0}, {"point_index": 4}, {"point_index": 4}, {"point_index": True},
              {"point_index": -1}, {"point_index": 6}, {"point_index": 2.0}, "junk", None, {}]
    assert selected_cells(points, (2, 3)) == [(0, 0), (1, 1)]
    assert selected_cells(None, (2, 3)) == []
    assert selected_cells("0", (2, 3)) == []
