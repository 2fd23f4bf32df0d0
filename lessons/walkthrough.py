"""Lesson 2, the walkthrough: the tutorial's Figure 1, one window at a time.

A 2×2 window with stride 2 over the 4×4 input 1..16, average and max pooling
side by side. :class:`Settings` holds the step and the modes switched on;
:func:`compute` returns a :class:`View` with the pooled results, every
window's arithmetic and what to say about the current window and the output
size. NumPy only; text is ``(translation key, fields)``.

>>> view = compute(Settings(step=2))
>>> [m.arithmetic[1] for m in view.modes]
['5.5 = (3 + 4 + 7 + 8) / 4', 'max(3, 4, 7, 8) = 8']
"""

from __future__ import annotations

from dataclasses import dataclass

from pooling_core import PoolResult, WindowRecord, explain_output_size, pool2d

from . import examples
from .arithmetic import arithmetic_text
from .formula import SizeFormula, size_formula
from .numbers import fmt

__all__ = ["INPUT", "KERNEL", "STRIDE", "MODES", "N_WINDOWS", "LEAD", "Settings", "ModeView", "View",
           "compute"]

INPUT = examples.ramp(4, 4).astype(float)  # the tutorial's input
INPUT.flags.writeable = False
KERNEL, STRIDE = 2, 2
MODES = ("avg", "max")
ODD_SIZE = 5  # where the tutorial's shortcut H/2 fails
_SIZES = tuple(explain_output_size(n, KERNEL, STRIDE) for n in INPUT.shape)  # 2 windows each way
N_WINDOWS = _SIZES[0].out * _SIZES[1].out
LEAD = ("wt.lead", {"h": INPUT.shape[0], "w": INPUT.shape[1], "n": INPUT.size, "kh": KERNEL, "kw": KERNEL,
                    "s": STRIDE, "windows": N_WINDOWS})


@dataclass(frozen=True)
class Settings:
    """The window shown (``step``, 1-based) and the modes switched on, in :data:`MODES` order."""

    step: int = 1
    modes: tuple[str, ...] = MODES


@dataclass(frozen=True, eq=False)
class ModeView:
    """One mode's pooling, windows and text at the current step."""

    mode: str
    result: PoolResult
    records: tuple[WindowRecord, ...]  # raster order
    arithmetic: tuple[str, ...]  # one line per window
    head: str  # translation key of the mode's heading
    note: tuple[str, dict]  # how the current window's output is made
    so_far: tuple[str, dict]  # the outputs computed up to the current window


@dataclass(frozen=True, eq=False)
class View:
    step: int
    modes: tuple[ModeView, ...]  # empty when every mode is switched off
    where: tuple[str, dict] | None  # the current window; the page adds its colour's name
    formulas: tuple[SizeFormula, SizeFormula]  # height, width
    floor_note: tuple[str, dict]
    half_note: tuple[str, dict]


def _mode_view(mode: str, step: int) -> ModeView:
    result = pool2d(INPUT, KERNEL, STRIDE, mode=mode)
    records = tuple(result.trace.windows())
    rec = records[step - 1]
    if mode == "avg":
        note = ("wt.avg_note", {"count": rec.real_values.size, "total": fmt(rec.total), "divisor": rec.divisor})
    else:
        note = ("wt.max_note", {"value": fmt(rec.output), "r": rec.argmax[0], "c": rec.argmax[1]})
    so_far = ("wt.output_so_far", {"cells": ", ".join(fmt(r.output) for r in records[:step])})
    return ModeView(mode, result, records, tuple(arithmetic_text(r) for r in records), f"wt.{mode}_head",
                    note, so_far)


def compute(settings: Settings) -> View:
    """Everything the walkthrough shows at ``settings``."""
    step = settings.step
    if not 1 <= step <= N_WINDOWS:
        raise ValueError(f"step must be between 1 and {N_WINDOWS}, got {step}")
    unknown = set(settings.modes) - set(MODES)
    if unknown:
        raise ValueError(f"modes must be among {MODES}, got {sorted(unknown)}")
    modes = tuple(_mode_view(mode, step) for mode in MODES if mode in settings.modes)
    where = None
    if modes:
        rec = modes[0].records[step - 1]
        where = ("wt.where", {"n": step, "total": N_WINDOWS, "r0": rec.row_start, "r1": rec.row_stop - 1,
                              "c0": rec.col_start, "c1": rec.col_stop - 1, "i": rec.out_row, "j": rec.out_col})
    rows, cols = _SIZES
    odd = explain_output_size(ODD_SIZE, KERNEL, STRIDE)
    return View(
        step=step, modes=modes, where=where,
        formulas=(size_formula(rows, "H"), size_formula(cols, "W")),
        floor_note=("wt.size_floor", {"num": rows.numerator, "s": rows.stride, "q": fmt(rows.quotient),
                                      "out": rows.out}),
        half_note=("wt.size_half", {"h": odd.size, "out": odd.out, "half": fmt(odd.size / 2)}),
    )

