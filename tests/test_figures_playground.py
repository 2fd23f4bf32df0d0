"""Figure builders and formula text of the playground (lessons/figures/playground.py)."""

import itertools
import math

import numpy as np
import pytest
from pagetest import plotly_array

from lessons.examples import preset
from lessons.figures import playground as pf
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLORS, window_color
from pooling_core import NoWindowError, explain_output_size, output_size, pool2d

RAMP4 = np.arange(1, 17).reshape(4, 4)


_array = plotly_array


def _heatmaps(fig, axis):
    return [t for t in fig.data if t.type == "heatmap" and (t.xaxis or "x") == axis]


def _rect(shape):
    """(row_start, row_stop, col_start, col_stop) of a window_shape rectangle."""
    return (shape["y0"] + 0.5, shape["y1"] + 0.5, shape["x0"] + 0.5, shape["x1"] + 0.5)


def _frame_shapes(fig, k):
    return [s.to_plotly_json() if hasattr(s, "to_plotly_json") else s for s in fig.frames[k].layout.shapes]


# animation frames -------------------------------------------------------------------

def test_window_colours_start_with_the_tutorials_and_never_take_the_maximums():
    assert [window_color(k) for k in range(4)] == list(WINDOW_COLORS)
    assert HIGHLIGHT not in {window_color(k) for k in range(64)}
    assert len({window_color(k) for k in range(64)}) == 8


def test_frame_count_is_every_window_up_to_the_cap():
    assert pf.frame_count(9) == 9
    assert pf.frame_count(64) == 64
    assert pf.frame_count(256) == pf.FRAME_CAP == 64
    assert pf.frame_count(300, cap=10) == 10


def test_default_figure_has_one_frame_per_window_and_rectangles_on_the_trace():
    x = preset("ramp", 6, 6)
    res = pool2d(x, 2, 2)
    fig = pf.playground_figure(res, x)
    tr = res.trace
    assert [f.name for f in fig.frames] == [str(k) for k in range(9)]
    for k in range(9):
        i, j = divmod(k, 3)
        shapes = _frame_shapes(fig, k)
        window = shapes[0]
        assert (window["xref"], window["yref"]) == ("x", "y")
        assert _rect(window) == (tr.row_start[i, j], tr.row_stop[i, j], tr.col_start[i, j], tr.col_stop[i, j])
        assert window["line"]["color"] == window_color(k)
        out_cell = shapes[-1]
        assert (out_cell["xref"], out_cell["yref"]) == ("x2", "y2")
        assert _rect(out_cell) == (i, i + 1, j, j + 1)
        argmax = shapes[1]  # max pooling marks the winner of the window
        rec = tr.window(i, j)
        assert argmax["line"]["color"] == HIGHLIGHT
        assert _rect(argmax) == (rec.argmax[0], rec.argmax[0] + 1, rec.argmax[1], rec.argmax[1] + 1)
    # the tutorial's colours for the first four windows: pink, blue, green, yellow
    assert [_frame_shapes(fig, k)[0]["line"]["color"] for k in range(4)] == list(WINDOW_COLORS)


def test_play_and_pause_buttons_run_the_frames_in_order():
    x = preset("ramp", 6, 6)
    fig = pf.playground_figure(pool2d(x, 2, 2), x, play_label="播放", pause_label="暂停")
    (menu,) = fig.layout.updatemenus
    play, pause = menu.buttons
    assert play.label.endswith("播放") and pause.label.endswith("暂停")
    assert play.method == pause.method == "animate"
    assert list(play.args[0]) == [str(k) for k in range(9)]
    assert play.args[1]["frame"]["redraw"] is False  # only shapes move
    assert list(pause.args[0]) == [None]


def test_the_shown_step_is_drawn_before_the_animation_runs():
    x = preset("ramp", 6, 6)
    res = pool2d(x, 2, 2)
    fig = pf.playground_figure(res, x, step=4)
    shapes = [s.to_plotly_json() for s in fig.layout.shapes]
    assert _rect(shapes[0]) == (2, 4, 2, 4)
    assert _rect(shapes[-1]) == (1, 2, 1, 2)
    # out-of-range steps are clamped, not an error
    last = pf.playground_figure(res, x, step=99).layout.shapes[0]
    assert _rect(last.to_plotly_json()) == (4, 6, 4, 6)


def test_more_windows_than_the_cap_animate_the_first_ones():
    x = preset("random", 16, 16, seed=1)
    res = pool2d(x, 1, 1)
    assert res.trace.n_windows == 256
    fig = pf.playground_figure(res, x, step=200)
    assert len(fig.frames) == pf.FRAME_CAP
    assert list(fig.layout.updatemenus[0].buttons[0].args[0]) == [str(k) for k in range(64)]
    assert _rect(_frame_shapes(fig, 63)[0]) == (3, 4, 15, 16)  # window 63 = row 3, column 15
    assert _rect(fig.layout.shapes[0].to_plotly_json()) == (12, 13, 8, 9)  # step 200 still shown


def test_a_single_window_needs_no_animation():
    x = preset("ramp", 4, 4)
    fig = pf.playground_figure(pool2d(x, 4), x)
    assert len(fig.frames) == 0
    assert not fig.layout.updatemenus
    assert _rect(fig.layout.shapes[0].to_plotly_json()) == (0, 4, 0, 4)


def test_padding_cells_are_greyed_and_labelled():
    res = pool2d(RAMP4, 3, 1, (1, 0, 2, 1), mode="avg")
    fig = pf.playground_figure(res, RAMP4, padding_label="填充")
    values, padding = _heatmaps(fig, "x")
    assert padding.name == "padding"
    assert _array(values.x).tolist() == [-2, -1, 0, 1, 2, 3, 4] and _array(values.y).tolist() == [-1, 0, 1, 2, 3]
    z = _array(values.z).astype(float)
    pad = ~np.isnan(_array(padding.z).astype(float))
    expected_pad = np.ones((5, 7), bool)
    expected_pad[1:, 2:6] = False
    assert np.array_equal(pad, expected_pad)
    assert np.array_equal(z[1:, 2:6], RAMP4) and np.isnan(z[expected_pad]).all()
    text = np.array(values.text, dtype=object)
    assert (text[expected_pad] == "填充").all() and text[1, 2] == "1"


def test_output_heatmap_holds_the_pooled_numbers_on_the_second_axes():
    res = pool2d(RAMP4, 2, mode="avg")
    fig = pf.playground_figure(res, RAMP4)
    (out,) = _heatmaps(fig, "x2")
    assert out.yaxis == "y2"
    assert _array(out.z).tolist() == [[3.5, 5.5], [11.5, 13.5]]
    assert np.array(out.text).tolist() == [["3.5", "5.5"], ["11.5", "13.5"]]
    # one colour scale for both grids, so equal numbers look alike
    (inp,) = [t for t in _heatmaps(fig, "x") if t.name == "values"]
    assert (out.zmin, out.zmax) == (inp.zmin, inp.zmax) == (1.0, 16.0)


def test_input_outline_and_dashed_padding_edge_for_a_ceil_mode_overhang():
    res = pool2d(np.ones((5, 5)), 2, 2, ceil_mode=True)  # the last windows reach row/col 5
    assert pf.has_overhang(res.trace)
    lines = pf.static_traces(res.trace)
    assert len(lines) == 2
    assert lines[0]["x"] == [-0.5, 4.5, 4.5, -0.5, -0.5] and lines[0]["line"]["dash"] == "solid"
    assert lines[1]["line"]["dash"] == "dash"
    assert lines[1]["x"] == [-0.5, 4.5, 4.5, -0.5, -0.5]  # no padding: its edge is the input's edge
    res = pool2d(np.ones((4, 4)), 2, 2, padding=1)
    assert not pf.has_overhang(res.trace)
    assert len(pf.static_traces(res.trace)) == 1


def test_dilated_window_marks_each_tap():
    x = preset("ramp", 7, 7)
    res = pool2d(x, 3, 1, dilation=2)
    rec = res.trace.window(0, 1)
    outline, taps, argmax, out_cell = pf.step_shapes(rec)
    assert outline["line"]["dash"] == "dot" and _rect(outline) == (0, 5, 1, 6)
    assert taps["type"] == "path" and taps["path"].count("M") == 9
    assert "M0.5,-0.5H1.5V0.5H0.5Z" in taps["path"]  # the tap on row 0, column 1
    assert _rect(argmax) == (4, 5, 5, 6)  # the largest tap: row 4, column 5


# one window's arithmetic ----------------------------------------------------------------

def test_tutorial_figure_one_arithmetic():
    avg = pool2d(RAMP4, 2, mode="avg").trace
    assert pf.window_arithmetic(avg.window(0, 0)) == "(1 + 2 + 5 + 6) / 4 = 14 / 4 = 3.5"
    assert pf.window_arithmetic(avg.window(1, 1)) == "(11 + 12 + 15 + 16) / 4 = 54 / 4 = 13.5"
    mx = pool2d(RAMP4, 2).trace
    assert pf.window_arithmetic(mx.window(0, 1)) == "max(3, 4, 7, 8) = 8"
    assert pf.window_arithmetic(mx.window(0, 1), latex=True) == r"\max(3,\ 4,\ 7,\ \boxed{8}) = 8"


def test_counted_padding_shows_as_zeros_and_excluded_padding_does_not():
    counted = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=True).trace.window(0, 0)
    assert pf.window_arithmetic(counted) == "(0 + 0 + 0 + 0 + 1 + 2 + 0 + 5 + 6) / 9 = 14 / 9 ≈ 1.56"
    latex = pf.window_arithmetic(counted, latex=True)
    assert latex.count(r"\textcolor{gray}{0}") == 5 and r"\approx 1.56" in latex
    excluded = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=False).trace.window(0, 0)
    assert pf.window_arithmetic(excluded) == "(1 + 2 + 5 + 6) / 4 = 14 / 4 = 3.5"
    mx = pool2d(RAMP4, 3, 2, 1).trace.window(0, 0)
    assert pf.window_arithmetic(mx) == "max(1, 2, 5, 6) = 6"
    geometry = pool2d(RAMP4, 3, 2, 1, mode="avg").geometry
    assert pf.window_counts(counted, geometry) == {"padding": 5, "counted_padding": 5, "overhang": 0, "terms": 9}
    assert pf.window_counts(excluded, geometry) == {"padding": 5, "counted_padding": 0, "overhang": 0, "terms": 4}


def test_ceil_mode_overhang_never_counts():
    x = np.arange(1, 10).reshape(3, 3)
    res = pool2d(x, 2, 2, ceil_mode=True, mode="avg")
    rec = res.trace.window(1, 1)  # only cell (2, 2) is real, three taps hang past the input
    assert pf.window_arithmetic(rec) == "(9) / 1 = 9 / 1 = 9"
    assert pf.window_counts(rec, res.geometry) == {"padding": 3, "counted_padding": 0, "overhang": 3, "terms": 1}


def test_negative_numbers_are_bracketed():
    x = np.array([[-1.0, 2.0], [-3.5, 0.0]])
    assert pf.window_arithmetic(pool2d(x, 2, mode="avg").trace.window(0, 0)) == \
        "((-1) + 2 + (-3.5) + 0) / 4 = (-2.5) / 4 ≈ -0.62"
    assert pf.window_arithmetic(pool2d(x, 2).trace.window(0, 0)) == "max((-1), 2, (-3.5), 0) = 2"


def test_long_sums_are_shortened_but_the_result_is_exact():
    x = preset("ramp", 16, 16)
    rec = pool2d(x, 16, mode="avg").trace.window(0, 0)
    text = pf.window_arithmetic(rec)
    assert text == "(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + … + 254 + 255 + 256) / 256 = 32896 / 256 = 128.5"
    assert r"\dots" in pf.window_arithmetic(rec, latex=True)


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
            values = [v for v, _ in pf.window_terms(rec)]
            if mode == "avg":
                assert len(values) == rec.divisor
                assert math.isclose(sum(values) / rec.divisor, rec.output)
            else:
                assert max(values) == rec.output
                assert [kind for _, kind in pf.window_terms(rec)].count("argmax") == 1


# the output-size formula -------------------------------------------------------------------

def test_formula_with_every_number_put_in():
    f = pf.size_formula(explain_output_size(6, 2, 2), "H")
    assert f.general == r"H_{out} = \left\lfloor \dfrac{H + p_{h1} + p_{h2} - k_h}{s_h} \right\rfloor + 1"
    assert f.numbers == (r"H_{out} = \left\lfloor \dfrac{6 + 0 + 0 - 2}{2} \right\rfloor + 1 = "
                         r"\left\lfloor \dfrac{4}{2} \right\rfloor + 1 = \lfloor 2 \rfloor + 1 = 2 + 1 = 3")
    assert (f.out, f.ok, f.dropped, f.uncovered, f.overhang) == (3, True, False, 0, 0)


def test_floor_leaves_a_remainder_uncovered_and_ceil_hangs_over():
    floor = pf.size_formula(explain_output_size(7, 2, 2, pad_before=1, pad_after=0), "W")
    assert r"\dfrac{7 + 1 + 0 - 2}{2}" in floor.numbers and floor.out == 4 and floor.uncovered == 0
    floor = pf.size_formula(explain_output_size(7, 2, 2), "W")
    assert r"\lfloor 2.5 \rfloor + 1 = 2 + 1 = 3" in floor.numbers
    assert (floor.out, floor.uncovered, floor.overhang) == (3, 1, 0)
    ceil = pf.size_formula(explain_output_size(7, 2, 2, ceil_mode=True), "W")
    assert r"\lceil 2.5 \rceil + 1 = 3 + 1 = 4" in ceil.numbers and ceil.general.startswith(r"W_{out} = \left\lceil")
    assert (ceil.out, ceil.uncovered, ceil.overhang) == (4, 0, 1)
    thirds = pf.size_formula(explain_output_size(9, 2, 3), "H")
    assert r"\lfloor 2.33\ldots \rfloor" in thirds.numbers


def test_ceil_mode_drops_a_window_that_would_start_past_the_input():
    d = explain_output_size(3, 1, 2, pad_before=0, pad_after=1, ceil_mode=True)
    assert d.dropped_last
    f = pf.size_formula(d, "H")
    assert f.dropped and f.out == 2 and f.last_start == 4
    assert f.numbers.endswith(r"\lceil 1.5 \rceil + 1 = 2 + 1 = 3 = 3 - 1 = 2")
    d = explain_output_size(4, 3, 2, pad_before=0, pad_after=2, ceil_mode=True)  # starts in the bottom padding
    f = pf.size_formula(d, "H")
    assert f.dropped and f.last_start == 4 and f.out == 2


def test_dilation_appears_in_the_formula():
    f = pf.size_formula(explain_output_size(7, 3, 1, dilation=2), "W")
    assert r"(d_w(k_w - 1) + 1)" in f.general
    assert r"\dfrac{7 + 0 + 0 - (2 \cdot (3 - 1) + 1)}{1}" in f.numbers and f.out == 3


def _no_window(*args, **kwargs):
    """The derivation the core's NoWindowError carries for settings where no window fits."""
    with pytest.raises(NoWindowError) as caught:
        explain_output_size(*args, **kwargs)
    return caught.value.derivation


def test_a_window_that_does_not_fit_ends_at_zero_or_less():
    f = pf.size_formula(_no_window(2, 5, 2), "H")
    assert not f.ok and f.out == -1
    assert f.numbers.endswith(r"\lfloor -1.5 \rfloor + 1 = -2 + 1 = -1 \le 0")


def test_formula_agrees_with_the_pooled_array_on_every_configuration():
    for size, k, s, pb, pa, d, ceil in itertools.product(range(1, 8), range(1, 5), range(1, 4), range(3),
                                                         range(3), (1, 2), (False, True)):
        try:
            expected = output_size(size, k, s, pb, pa, d, ceil)
        except ValueError:
            f = pf.size_formula(_no_window(size, k, s, pb, pa, d, ceil))
            assert not f.ok and f.out < 1
            continue
        f = pf.size_formula(explain_output_size(size, k, s, pb, pa, d, ceil))
        assert f.out == expected and f.numbers.endswith(f" {expected}")
        last_stop = (f.out - 1) * s + (k - 1) * d + 1  # in padded coordinates
        assert last_stop + f.uncovered - f.overhang == size + pb + pa


# PyTorch and PaddlePaddle ------------------------------------------------------------------

def test_torch_differences():
    assert pf.torch_differences((2, 2), (0, 0, 0, 0), (1, 1), "max") == []
    assert pf.torch_differences((2, 2), (0, 1, 0, 1), (1, 1), "max") == [("asymmetric", {})]
    assert pf.torch_differences((3, 2), (2, 2, 1, 1), (1, 1), "max") == [
        ("half", {"kh": 3, "kw": 2, "limit_h": 1, "limit_w": 1})]
    assert pf.torch_differences((2, 2), (0, 0, 0, 0), (1, 2), "avg") == [("avg_dilation", {})]
    assert pf.torch_differences((2, 2), (0, 0, 0, 0), (1, 2), "max") == []


def test_framework_code():
    torch_code, paddle_code = pf.framework_code((2, 3), (2, 1), (1, 1, 0, 0), (1, 1), True, False, "avg")
    assert torch_code == ("y = F.avg_pool2d(\n    x, kernel_size=(2, 3), stride=(2, 1),\n"
                          "    padding=(1, 0), ceil_mode=True,\n    count_include_pad=False)")
    assert paddle_code == ("y = F.avg_pool2d(\n    x, kernel_size=[2, 3], stride=[2, 1],\n"
                           "    padding=[1, 1, 0, 0],\n    ceil_mode=True, exclusive=True)")
    torch_code, paddle_code = pf.framework_code((2, 2), (2, 2), (0, 0, 0, 0), (1, 1), False, True, "max")
    assert torch_code == ("y = F.max_pool2d(\n    x, kernel_size=(2, 2), stride=(2, 2),\n"
                          "    padding=(0, 0), dilation=(1, 1),\n    ceil_mode=False)")
    assert paddle_code.endswith("padding=[0, 0, 0, 0],\n    ceil_mode=False)")
    torch_code, paddle_code = pf.framework_code((3, 3), (1, 1), (0, 1, 0, 1), (2, 2), False, True, "max")
    assert torch_code is None and paddle_code is None


def test_torch_code_computes_what_the_page_shows():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    checked = 0
    for _ in range(60):
        h, w = (int(v) for v in rng.integers(2, 9, size=2))
        k = tuple(int(v) for v in rng.integers(1, 4, size=2))
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        ph, pw = (int(rng.integers(0, kk // 2 + 1)) for kk in k)
        d = (1, 1) if rng.integers(2) else tuple(int(v) for v in rng.integers(1, 3, size=2))
        mode = "max" if rng.integers(2) else "avg"
        ceil, cip = bool(rng.integers(2)), bool(rng.integers(2))
        x = rng.integers(0, 10, size=(h, w)).astype(float)
        try:
            ours = pool2d(x, k, s, (ph, ph, pw, pw), mode=mode, dilation=d, ceil_mode=ceil,
                          count_include_pad=cip).output
        except ValueError:
            continue
        code, _ = pf.framework_code(k, s, (ph, ph, pw, pw), d, ceil, cip, mode)
        if code is None:
            continue
        scope = {"F": torch.nn.functional, "x": torch.tensor(x)[None, None]}
        exec(code, scope)
        np.testing.assert_allclose(scope["y"][0, 0].numpy(), ours)
        checked += 1
    assert checked > 20


# what the page says about a window and a formula -------------------------------------------

def test_arithmetic_notes_explain_the_padding():
    counted = pool2d(RAMP4, 3, 2, 1, mode="avg")
    assert pf.arithmetic_notes(counted.trace.window(0, 0), counted.geometry) == [
        ("pg.arith_avg", {"d": 9}), ("pg.arith_avg_pad_counted", {"n": 5})]
    excluded = pool2d(RAMP4, 3, 2, 1, mode="avg", count_include_pad=False)
    assert pf.arithmetic_notes(excluded.trace.window(0, 0), excluded.geometry) == [
        ("pg.arith_avg", {"d": 4}), ("pg.arith_avg_pad_skipped", {"n": 5, "d": 4})]
    mx = pool2d(RAMP4, 3, 2, 1)
    assert pf.arithmetic_notes(mx.trace.window(0, 0), mx.geometry) == [
        ("pg.arith_max", {"d": None}), ("pg.arith_max_pad", {"n": 5})]
    ceil = pool2d(np.arange(1, 10).reshape(3, 3), 2, 2, ceil_mode=True, mode="avg")
    assert pf.arithmetic_notes(ceil.trace.window(1, 1), ceil.geometry) == [
        ("pg.arith_avg", {"d": 1}), ("pg.arith_overhang", {"n": 3})]
    big = pool2d(preset("ramp", 16, 16), 16)
    assert pf.arithmetic_notes(big.trace.window(0, 0), big.geometry)[-1] == ("pg.arith_shortened", {"n": 256})


def test_formula_notes_pick_the_right_story():
    def note(size, k, s, pb=0, pa=0, d=1, ceil=False):
        f = pf.size_formula(explain_output_size(size, k, s, pb, pa, d, ceil), "W")
        return pf.formula_note(f, size, k, d, pb, pa)

    assert note(6, 2, 2)[:2] == ("caption", "pg.formula_exact.W")
    level, key, fields = note(7, 2, 2)
    assert (level, key, fields["n"]) == ("caption", "pg.formula_uncovered.W", 1)
    level, key, fields = note(7, 2, 2, ceil=True)
    assert (level, key, fields["n"]) == ("caption", "pg.formula_overhang.W", 1)
    level, key, fields = note(3, 1, 2, pa=1, ceil=True)
    assert (level, key) == ("info", "pg.formula_dropped.W")
    assert (fields["start"], fields["last"], fields["out"]) == (4, 2, 2)
    f = pf.size_formula(_no_window(2, 5, 2), "H")
    level, key, fields = pf.formula_note(f, 2, 5, 1, 0, 0)
    assert (level, key, fields["span"], fields["padded"]) == ("warning", "pg.formula_none.H", 5, 2)


def test_every_note_key_exists_in_both_languages():
    from lessons.i18n import TEXT

    keys = ["pg.arith_max", "pg.arith_avg", "pg.arith_max_pad", "pg.arith_avg_pad_counted",
            "pg.arith_avg_pad_skipped", "pg.arith_overhang", "pg.arith_shortened",
            "pg.torch.asymmetric", "pg.torch.half", "pg.torch.avg_dilation", "pg.paddle.dilation"]
    keys += [f"pg.formula_{kind}.{axis}" for kind in ("none", "dropped", "uncovered", "overhang", "exact")
             for axis in "HW"]
    for key in keys:
        assert TEXT[key]["en"] and TEXT[key]["zh"], key
