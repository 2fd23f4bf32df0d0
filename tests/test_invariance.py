"""lessons.invariance: its example inputs behave as the page says, and its
view of one setting has the right numbers and verdicts."""

from dataclasses import FrozenInstanceError

import numpy as np
import pytest

from lessons import invariance as inv
from lessons.i18n import t
from lessons.shift import changed_cells, shift, shift_sweep, shifted_view, unchanged_share
from pooling_core import pool2d

M = inv.MARGIN
SHIFTS = [(d, 0) for d in inv.SHIFTS]


def view(name, dx=0, dy=0, zeros=False):
    scene = inv.pattern_scene(name)
    return shift(shifted_view(scene, M), dx, dy) if zeros else shifted_view(scene, M, dx, dy)


def max3(x):
    return pool2d(x, 3, 3, mode="max").output


def avg3(x):
    return pool2d(x, 3, 3, mode="avg").output


def test_scenes_are_12x12_small_integers_and_copies():
    assert inv.SHIFTS == (-3, -2, -1, 0, 1, 2, 3)
    for name in inv.PATTERNS:
        scene = inv.pattern_scene(name)
        assert scene.shape == (12, 12)
        assert scene.min() >= 0 and scene.max() <= 9 and (scene == np.round(scene)).all()
        scene[0, 0] = 99
        assert inv.pattern_scene(name)[0, 0] != 99
    with pytest.raises(ValueError, match="pattern"):
        inv.pattern_scene("nope")


def test_figure3_example_one_pixel_right_leaves_max_output_unchanged():
    x = view("figure3")
    assert x.tolist() == [list(map(float, r)) for r in inv.FIGURE3_VIEW]
    moved = view("figure3", dx=1)
    # a new column entered on the left, everything else moved one to the right
    np.testing.assert_array_equal(moved[:, 1:], x[:, :-1])
    assert moved[:, 0].max() <= 2
    assert max3(x).tolist() == [[8, 7], [9, 6]]
    assert max3(moved).tolist() == [[8, 7], [9, 6]]
    assert unchanged_share(max3(x), max3(moved)) == 1.0
    # ... while every average changes
    assert unchanged_share(avg3(x), avg3(moved)) == 0.0


def test_figure3_example_shift_left_changes_two_outputs():
    after = max3(view("figure3", dx=-1))
    assert after.tolist() == [[8, 3], [3, 6]]
    assert changed_cells([[8, 7], [9, 6]], after).tolist() == [[False, True], [True, False]]


def test_boundary_bar_crosses_into_the_next_window():
    before = max3(view("boundary"))
    assert before.tolist() == [[9, 2], [9, 2]]
    assert max3(view("boundary", dx=1)).tolist() == [[2, 9], [2, 9]]  # every output changed
    assert max3(view("boundary", dx=-1)).tolist() == [[9, 2], [9, 2]]  # the other way: none


def test_a_large_value_entering_changes_one_output_unless_zeros_enter():
    before = max3(view("enter"))
    assert before.tolist() == [[4, 5], [5, 4]]
    assert max3(view("enter", dx=1)).tolist() == [[9, 5], [5, 4]]
    assert max3(view("enter", dy=1)).tolist() == [[4, 9], [5, 4]]
    assert max3(view("enter", dx=1, zeros=True)).tolist() == [[4, 5], [5, 4]]


def test_a_shift_by_the_whole_stride_moves_the_output_one_cell():
    for name in inv.PATTERNS:
        before, after = max3(view(name)), max3(view(name, dx=3))
        np.testing.assert_array_equal(after[:, 1], before[:, 0])


def test_share_over_shifts_max_versus_average():
    scene = inv.pattern_scene("figure3")
    assert shift_sweep(scene, M, SHIFTS, max3) == [0.0, 0.0, 0.5, 1.0, 1.0, 0.25, 0.0]
    assert shift_sweep(scene, M, SHIFTS, avg3) == [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]
    noise = inv.pattern_scene("noise")
    max_shares = shift_sweep(noise, M, SHIFTS, max3)
    avg_shares = shift_sweep(noise, M, SHIFTS, avg3)
    assert max_shares == [0.5, 0.5, 0.75, 1.0, 0.5, 0.5, 0.5]
    assert all(m >= a for m, a in zip(max_shares, avg_shares))
    assert sum(avg_shares) == 1.0  # only the zero shift keeps the averages


@pytest.mark.parametrize("name", list(inv.PATTERNS))
def test_default_windows_every_horizontal_shift_changes_every_average(name):
    scene = inv.pattern_scene(name)
    avg_shares = shift_sweep(scene, M, SHIFTS, avg3)
    assert avg_shares == [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]  # no coincidental equal sums
    assert all(m >= a for m, a in zip(shift_sweep(scene, M, SHIFTS, max3), avg_shares))


def test_settings_are_frozen_and_hashable_with_the_pages_defaults():
    s = inv.Settings()
    assert (s.pattern, s.mode, s.zeros, s.dx, s.dy, s.kernel, s.stride) == ("figure3", "max", False, 1, 0, 3, 3)
    assert hash(s) == hash(inv.Settings()) and s != inv.Settings(dx=-1)
    with pytest.raises(FrozenInstanceError):
        s.dx = 2


def say(text, lang="en"):
    key, fields = text
    return t(key, lang, **fields)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_default_view_rebuilds_figure3(lang):
    v = inv.compute(inv.Settings())
    np.testing.assert_array_equal(v.original, view("figure3"))
    np.testing.assert_array_equal(v.moved, view("figure3", dx=1))
    assert v.before.output.tolist() == v.after.output.tolist() == [[8, 7], [9, 6]]
    assert v.changed == 0 and not v.changed_mask.any()
    assert v.entering[:, 0].all() and v.entering.sum() == 6
    assert v.shares == {"max": (0.0, 0.0, 0.5, 1.0, 1.0, 0.25, 0.0), "avg": (0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0)}
    assert (v.pattern_note, v.fill_note) == ("inv.note.figure3", "inv.fill_note.scene")
    assert say(v.verdict, lang) == t("inv.summary_same", lang, mode=t("common.max", lang), n=4)
    assert say(v.both_modes, lang) == t("inv.both_modes", lang, max_pct="100%", avg_pct="0%")
    assert say(v.shifted_title, lang) == t("inv.shifted", lang, dx=1, dy=0)
    assert say(v.sweep_caption, lang) == t("inv.sweep_caption", lang, dy=0)


def test_view_of_a_shift_left_under_average_pooling():
    v = inv.compute(inv.Settings(mode="avg", dx=-1))
    assert v.changed == 4 and v.changed_mask.all()
    assert say(v.verdict) == t("inv.summary_changed", "en", mode=t("common.avg", "en"), changed=4, n=4)
    assert say(v.both_modes) == "For this shift: 50% of the outputs stay the same with max pooling, 0% with " \
                                "average pooling."


def test_view_with_zeros_entering_and_a_vertical_shift_in_the_sweep():
    v = inv.compute(inv.Settings(pattern="enter", zeros=True, dy=1))
    assert v.fill_note == "inv.fill_note.zeros"
    assert (v.moved[0] == 0).all() and (v.moved[:, 0] == 0).all()
    sweep = shift_sweep(inv.pattern_scene("enter"), M, [(d, 1) for d in inv.SHIFTS], max3, fill=0.0)
    assert v.shares["max"] == tuple(sweep)


@pytest.mark.parametrize("bad, message", [({"pattern": "nope"}, "pattern"), ({"mode": "min"}, "mode"),
                                          ({"dx": 4}, "dx"), ({"dy": -4, "zeros": True}, "dy"),
                                          ({"kernel": 7}, "kernel")])
def test_compute_names_the_setting_it_refuses(bad, message):
    with pytest.raises(ValueError, match=message):
        inv.compute(inv.Settings(**bad))
