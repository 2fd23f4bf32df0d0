"""Lesson 3, the playground: every pooling setting, worked out for the page.

:class:`Settings` is what the widgets hold (a frozen, hashable record: a
cache key, a URL); :func:`compute` pools once and returns a :class:`View`
with the numbers, the size formulas and what to say about them;
:func:`window_view` picks out one window of it (the page's step slider).
The editable grid is a small state machine of plain functions:
:func:`grid_state` says which text the grid holds, :func:`read_grid` reads it.

NumPy only (no streamlit, no plotly). Text is ``(translation key, fields)``.

>>> view = compute(Settings(h=4, w=4, mode="avg"))
>>> view.result.output.tolist()
[[3.5, 5.5], [11.5, 13.5]]
>>> window_view(view, 1).arithmetic
'\\\\dfrac{1 + 2 + 5 + 6}{4} = \\\\dfrac{14}{4} = 3.5'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import NoWindowError, PoolResult, WindowRecord, explain_output_size, pool2d, same_padding

from . import examples
from .arithmetic import arithmetic_notes, window_arithmetic
from .formula import SizeFormula, formula_note, size_formula
from .frameworks import Disagreement, disagreement, framework_code, torch_differences
from .i18n import Items, Key

__all__ = ["PAD_MAX", "DILATION_MAX", "FRAME_CAP", "MODES", "Settings", "View", "AxisFormula",
           "WindowView", "compute", "window_view", "GridState", "GridReading", "grid_state", "read_grid",
           "same_padding_request"]

PAD_MAX = 8  # the padding sliders' top
DILATION_MAX = 4  # the dilation sliders' top
FRAME_CAP = 64  # animate at most this many windows: a light figure, a fast rerun
MODES = ("max", "avg")


@dataclass(frozen=True)
class Settings:
    """Every setting of the playground; the defaults are the widgets' defaults.

    ``padding`` is ``(top, bottom, left, right)``; ``grid`` holds a student's
    edited numbers, row by row (``None``: the preset's own numbers).
    """

    preset: str = "ramp"
    seed: int = 0
    h: int = 6
    w: int = 6
    kernel: tuple[int, int] = (2, 2)
    stride: tuple[int, int] = (2, 2)
    dilation: tuple[int, int] = (1, 1)
    padding: tuple[int, int, int, int] = (0, 0, 0, 0)
    mode: str = "max"
    ceil_mode: bool = False
    count_include_pad: bool = True
    grid: tuple[tuple[float, ...], ...] | None = None
    framework: str = "pytorch"  # whose rules the page computes with (lessons.frameworks.FRAMEWORKS)


@dataclass(frozen=True, eq=False)
class AxisFormula:
    """One axis's output-size formula and how to comment it: ``note`` is
    ``(level, key, fields)`` with level ``"caption"``, ``"info"`` or ``"warning"``."""

    formula: SizeFormula
    note: tuple[str, str, dict]


@dataclass(frozen=True, eq=False)
class View:
    """What the playground shows for one :class:`Settings`.

    ``result`` is None when the core refuses the settings; ``error`` then
    holds its message, and the formulas still say why.
    """

    settings: Settings
    x: np.ndarray  # the input as pooled (the example, or the edited numbers)
    result: PoolResult | None
    error: ValueError | None  # the core's refusal (lessons/errors.py words it)
    figure_notes: tuple[tuple[str, dict], ...]  # captions under the figure
    formulas: tuple[AxisFormula, AxisFormula]  # height, width
    size_note: tuple[str, dict] | None  # "a 6×6 input becomes a 3×3 output"
    cip_note: str | None  # why the count-padding switch changes nothing
    torch_notes: tuple[tuple[str, dict], ...]  # what PyTorch would refuse
    torch_code: str | None
    paddle_code: str | None
    paddle_note: str | None
    disagreement: Disagreement | None = None  # PyTorch's and Paddle's numbers, where they differ

    @property
    def n_windows(self) -> int:
        return self.result.trace.n_windows if self.result is not None else 0


@dataclass(frozen=True, eq=False)
class WindowView:
    """One window of a :class:`View`: ``step`` is 1-based, in raster order."""

    step: int
    record: WindowRecord
    info: tuple[str, dict]
    arithmetic: str  # KaTeX
    notes: tuple[tuple[str, dict], ...]


def _input(s: Settings) -> np.ndarray:
    if s.grid is None:
        return examples.preset(s.preset, s.h, s.w, s.seed).astype(float)
    x = np.array(s.grid, dtype=float)
    if x.shape != (s.h, s.w):
        raise ValueError(f"grid must be {s.h}x{s.w} to match h and w, got shape {x.shape}")
    return x


def _derivations(s: Settings, result: PoolResult | None):
    """Both axes' size derivations: the pooling's own, or, when it was refused,
    the core's answer down to where no window fits."""
    if result is not None:
        return result.geometry.rows.derivation, result.geometry.cols.derivation
    (h, w), (kh, kw), (sh, sw), (dh, dw) = (s.h, s.w), s.kernel, s.stride, s.dilation
    top, bottom, left, right = s.padding
    found = []
    for args, name in (((h, kh, sh, top, bottom, dh), "height"), ((w, kw, sw, left, right, dw), "width")):
        try:
            found.append(explain_output_size(*args, s.ceil_mode, axis_name=name,  # Paddle has no dilation
                                             convention=s.framework if s.dilation == (1, 1) else "pytorch"))
        except NoWindowError as exc:  # the formula still shows why no window fits
            found.append(exc.derivation)
    return tuple(found)


def compute(s: Settings) -> View:
    """Pool the input once with settings ``s`` and work out everything the page says."""
    x = _input(s)
    result = error = None
    try:
        result = pool2d(x, s.kernel, s.stride, s.padding, mode=s.mode, dilation=s.dilation,
                        ceil_mode=s.ceil_mode, count_include_pad=s.count_include_pad, convention=s.framework)
    except ValueError as exc:
        error = exc
    formulas = tuple(AxisFormula(f, formula_note(f))
                     for f in (size_formula(d, axis) for d, axis in zip(_derivations(s, result), "HW")))
    figure_notes, size_note = [], None
    if result is not None:
        figure_notes.append(("pg.fig_caption", {}))
        if result.geometry.has_overhang:
            figure_notes.append(("pg.fig_overhang", {"outside": Key("pg.overhang_cell")}))
        if result.trace.n_windows > FRAME_CAP:
            figure_notes.append(("pg.anim_cap", {"n": result.trace.n_windows, "cap": FRAME_CAP}))
        ho, wo = result.output.shape
        size_note = ("pg.formula_result", {"h": s.h, "w": s.w, "ho": ho, "wo": wo})
    cip_note = "pg.cip_max" if s.mode == "max" else None if any(s.padding) else "pg.cip_no_padding"
    torch_code, paddle_code = framework_code(s.kernel, s.stride, s.padding, s.dilation, s.ceil_mode,
                                             s.count_include_pad, s.mode)
    differ = disagreement(x, s.kernel, s.stride, s.padding, s.dilation, s.ceil_mode, s.count_include_pad, s.mode)
    # Code only for the framework picked, and not for settings the page refuses: it would give
    # numbers the page does not show (tests/test_oracles.py runs it in the real frameworks).
    if result is None or s.framework != "pytorch":
        torch_code = None
    if result is None or s.framework != "paddle":
        paddle_code = None
    return View(
        settings=s, x=x, result=result, error=error, figure_notes=tuple(figure_notes), formulas=formulas,
        size_note=size_note, cip_note=cip_note,
        torch_notes=tuple((f"pg.torch.{code}", fields)
                          for code, fields in torch_differences(s.kernel, s.padding, s.dilation, s.mode)),
        torch_code=torch_code, paddle_code=paddle_code,
        paddle_note=None if paddle_code or s.dilation == (1, 1) else "pg.paddle.dilation", disagreement=differ,
    )


def window_view(view: View, step: int) -> WindowView:
    """Window ``step`` (1-based, raster order; clamped to the windows there are)."""
    if view.result is None:
        raise ValueError("no window to show: the settings give no output")
    trace = view.result.trace
    step = min(max(int(step), 1), trace.n_windows)
    rec = trace.window(*divmod(step - 1, view.result.output.shape[1]))
    info = ("pg.window_info", {"k": step, "n": trace.n_windows, "rows": Items(rec.rows.tolist()),
                               "cols": Items(rec.cols.tolist()), "i": rec.out_row, "j": rec.out_col})
    notes = tuple(("fw.arith_overhang", f) if k == "pg.arith_overhang" and not view.settings.ceil_mode else (k, f)
                  for k, f in arithmetic_notes(rec, trace.geometry))  # past the padding without ceil: Paddle
    if rec.is_padding.all():  # only PaddlePaddle's rules compute a window without input
        notes += ((f"fw.empty_{rec.mode}", {}),)
    return WindowView(step, rec, info, window_arithmetic(rec, latex=True), notes)


# The editable grid --------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class GridState:
    """The grid text to show (``text``), the example it started from
    (``source``, ``example``, ``example_text``), and whether the page must
    store a fresh grid (``fresh``: a new preset, size or seed)."""

    text: str
    source: str
    example: np.ndarray
    example_text: str
    fresh: bool


def grid_state(stored_text: str | None, stored_source: str | None, preset: str, h: int, w: int,
               seed: int) -> GridState:
    """Keep the stored grid text while the example it came from is still chosen,
    else start a fresh one from the example."""
    example = examples.preset(preset, h, w, int(seed))
    example_text = examples.format_grid(example)
    source = f"{preset}|{h}|{w}|{int(seed)}"
    if stored_text is None or stored_source != source:
        return GridState(example_text, source, example, example_text, fresh=True)
    return GridState(stored_text, source, example, example_text, fresh=False)


@dataclass(frozen=True)
class GridReading:
    """The numbers to pool: ``values`` (None: the example's own, because the text
    is unchanged or unreadable), whether they were ``edited``, and why the text
    could not be read (``error``: ``(translation key, fields)``)."""

    values: tuple[tuple[float, ...], ...] | None
    edited: bool = False
    error: tuple[str, dict] | None = None


def read_grid(text: str, state: GridState) -> GridReading:
    """Read the grid text against its example (see :func:`lessons.examples.parse_grid`)."""
    h, w = state.example.shape
    try:
        x = examples.parse_grid(text, h, w)
    except examples.GridError as exc:
        return GridReading(None, error=(f"pg.grid_err.{exc.code}", exc.fields))
    if (x == state.example).all():
        return GridReading(None)
    return GridReading(tuple(map(tuple, x.tolist())), edited=True)


def same_padding_request(size, kernel, stride, dilation):
    """TensorFlow's "SAME" padding for an ``size = (h, w)`` input, if the sliders reach it.

    Returns ``(padding or None, (level, key, fields))``: the padding
    ``(top, bottom, left, right)`` to set, or None when it needs more than
    :data:`PAD_MAX`, and what to tell the student.
    """
    pads = (same_padding(size[0], kernel[0], stride[0], dilation[0])
            + same_padding(size[1], kernel[1], stride[1], dilation[1]))
    fields = dict(zip(("top", "bottom", "left", "right"), pads), limit=PAD_MAX)
    if max(pads) > PAD_MAX:
        return None, ("warning", "pg.same_too_big", fields)
    return pads, ("success", "pg.same_applied", fields)
