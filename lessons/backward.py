"""Lesson 6, the backward pass: where each output gradient goes.

``compute(Settings(...))`` pools one input both ways (average and max), pushes
the upstream gradient back and returns a :class:`Lesson`: the numbers, the
verdicts, and the sentences to show as ``(translation key, fields)`` pairs.
The gradients come from ``pooling_core`` (``res.backward``, ``res.indices``,
``res.trace``); this module arranges them: the gradient drawn over the padded
input (so the share that falls on padding can be seen), how many windows touch
each cell, and whether the total gradient is preserved, worked out from the
sums themselves. NumPy only; no plotly, no streamlit.

>>> lesson = compute(Settings())          # the tutorial's figure 1, upstream all ones
>>> lesson.upstream_sum, lesson.split_sum, lesson.copy_sum
(4.0, 4.0, 16.0)
>>> lesson.avg.verdict
('bw.v_avg_exact', {'up': '4', 'got': '4', 'n': 4, 'lost': '0', 'diff': '0'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pooling_core import PoolResult, pool2d

from .examples import MAX_SIDE, GridError, parse_grid
from .gradcheck import GradCheck, gradcheck
from .gradflow import (PaddedGradient, PaddedGrid, SumReport, copy_gradient, on_padded, padded_gradient,
                       route_counts, sum_factor, sum_report, touch_counts)
from .numbers import fmt

__all__ = [
    "INPUT_PRESETS", "UPSTREAM_PRESETS", "MODES", "QUICK", "Message",
    "make_input", "read_upstream", "make_upstream", "Box", "shown_windows", "window_boxes",
    "N_RANGE", "KERNEL_RANGE", "STRIDE_RANGE", "PADDING_RANGE", "Settings", "ModeView", "Lesson", "compute", "figure_titles", "num",
]

INPUT_PRESETS = ("ramp", "random", "ties")
UPSTREAM_PRESETS = ("ones", "range", "random", "custom")
MODES = ("avg", "max")
# The sliders' ranges (the page and the URL guard both read them).
N_RANGE = (2, MAX_SIDE)
KERNEL_RANGE = (1, 6)
STRIDE_RANGE = (1, 6)
PADDING_RANGE = (0, 3)
# The page's quick settings, as Settings fields.
QUICK = {
    "tutorial": {"kernel": 2, "stride": 2, "padding": 0, "n": 4, "x_preset": "ramp"},
    "overlap": {"kernel": 3, "stride": 1, "padding": 0, "x_preset": "random"},  # shuffled: some cell wins twice
    "padding": {"kernel": 3, "stride": 2, "padding": 1, "count_include_pad": True},
}

Message = tuple[str, dict]  # (translation key, {field: value}): a sentence the page translates

_TITLES = {"input": "bw.input_title", "upstream": "bw.upstream_title", "divisor": "bw.divisor_title",
           "split": "bw.split_title", "copy": "bw.copy_title", "max_input": "bw.max_input_title",
           "indices": "bw.indices_title", "max_grad": "bw.max_grad_title", "touch": "bw.touch_title",
           "routes": "bw.routes_title", "numeric": "bw.numeric_title", "analytic": "bw.analytic_title",
           "padding": "common.padding_cell"}


# ---------------------------------------------------------------- inputs

def make_input(preset: str, n: int, seed: int = 0) -> np.ndarray:
    """An ``(n, n)`` input: ``"ramp"`` 1..n² row by row (the tutorial's figure 1
    for n = 4), ``"random"`` the same numbers shuffled, ``"ties"`` small whole
    numbers 0..3, so that windows hold equal maxima."""
    rng = np.random.default_rng(seed)
    if preset == "ramp":
        return np.arange(1, n * n + 1, dtype=float).reshape(n, n)
    if preset == "random":
        return (rng.permutation(n * n) + 1).astype(float).reshape(n, n)
    if preset == "ties":
        return rng.integers(0, 4, size=(n, n)).astype(float)
    raise ValueError(f"input preset must be one of {INPUT_PRESETS}, got {preset!r}")


_SEPARATORS = re.compile(r"[\s,;]+")  # what parse_grid reads between numbers


def read_upstream(text: str, shape) -> np.ndarray:
    """Numbers typed by the user, read row by row into ``shape``.

    Any layout will do (spaces, commas, semicolons or new lines between the
    numbers): when the count fits, the numbers are regrouped into rows first,
    then read by :func:`lessons.examples.parse_grid`, which raises
    :class:`~lessons.examples.GridError` when they do not fit.

    >>> read_upstream("1 -2; 3.5, 4", (2, 2)).tolist()
    [[1.0, -2.0], [3.5, 4.0]]
    """
    h, w = shape
    if max(h, w) > MAX_SIDE:
        raise GridError("too_big", limit=MAX_SIDE)
    numbers = [tok for tok in _SEPARATORS.split(str(text).strip()) if tok]
    if len(numbers) == h * w:
        text = "\n".join(" ".join(numbers[r * w:(r + 1) * w]) for r in range(h))
    return parse_grid(text, h, w)


def make_upstream(preset: str, shape, seed: int = 0, text: str = "") -> np.ndarray:
    """The gradient arriving at each output cell.

    ``"ones"``; ``"range"`` 1, 2, … in raster order; ``"random"`` whole numbers
    from −3 to 3; ``"custom"`` the numbers in ``text`` (see :func:`read_upstream`).
    """
    shape = tuple(shape)
    if preset == "ones":
        return np.ones(shape)
    if preset == "range":
        return np.arange(1, int(np.prod(shape)) + 1, dtype=float).reshape(shape)
    if preset == "random":
        return np.random.default_rng(seed).integers(-3, 4, size=shape).astype(float)
    if preset == "custom":
        return read_upstream(text, shape)
    raise ValueError(f"upstream preset must be one of {UPSTREAM_PRESETS}, got {preset!r}")


# ---------------------------------------------------------------- which windows to outline

@dataclass(frozen=True)
class Box:
    """The half-open extent of the window in raster step ``step``, in input coordinates."""

    step: int
    row_start: int
    row_stop: int
    col_start: int
    col_stop: int


def shown_windows(geometry) -> tuple[int, ...]:
    """Raster steps of the windows to outline: all of them when they sit side by
    side, else the first one and its right and lower neighbours, to show the overlap."""
    ho, wo = geometry.out_shape
    if not geometry.overlaps and ho * wo <= 16:
        return tuple(range(ho * wo))
    return tuple(sorted({0, min(1, wo - 1), wo if ho > 1 else 0}))


def window_boxes(geometry) -> tuple[Box, ...]:
    """:class:`Box` of each window in :func:`shown_windows`."""
    rows, cols, wo = geometry.rows, geometry.cols, geometry.out_shape[1]
    boxes = []
    for step in shown_windows(geometry):
        i, j = divmod(step, wo)
        boxes.append(Box(step, int(rows.starts[i]), int(rows.stops[i]), int(cols.starts[j]), int(cols.stops[j])))
    return tuple(boxes)


# ---------------------------------------------------------------- the lesson, assembled

@dataclass(frozen=True)
class Settings:
    """Everything the page's settings widgets decide; the defaults are the widgets' defaults."""

    x_preset: str = "ramp"
    n: int = 4
    seed: int = 0
    kernel: int = 2
    stride: int = 2
    padding: int = 0
    count_include_pad: bool = True
    g_preset: str = "ones"
    g_text: str = ""


@dataclass(frozen=True, eq=False)
class ModeView:
    """One pooling of the input (average or max) and where its gradient goes.

    ``input`` and ``gradient`` cover the padded input; ``windows`` are the
    windows to outline, ``argmax`` the recorded maxima as (row, col) (max only);
    ``touches`` counts the windows touching each cell, ``routes`` the windows
    picking it (max only). ``shared``, ``verdict``, ``check_verdict`` and
    ``ties`` are sentences to show (``ties`` is None for average pooling);
    ``max_diff`` is the check's largest difference, written out.
    """

    mode: str
    res: PoolResult
    input: PaddedGrid
    windows: tuple[Box, ...]
    argmax: tuple[tuple[int, int], ...]
    gradient: PaddedGradient
    touches: PaddedGrid
    routes: np.ndarray | None
    report: SumReport
    check: GradCheck
    max_diff: str
    shared: Message
    verdict: Message
    check_verdict: Message
    ties: Message | None


@dataclass(frozen=True, eq=False)
class Lesson:
    """Everything lesson 6 shows for one :class:`Settings`.

    ``grad_output`` is the upstream gradient (all ones, with ``upstream_problem``
    saying why, when typed numbers do not fit); ``copy`` the copy mistake over
    the padded input. ``divisor`` is the one divisor every window shares, else
    None. The sums and ``factor`` (copy sum / upstream sum, None when the
    upstream sum is 0) back the metrics; the ``Message`` fields are sentences.
    """

    settings: Settings
    x: np.ndarray
    grad_output: np.ndarray
    upstream_problem: Message | None
    avg: ModeView
    max: ModeView
    copy: PaddedGrid
    divisor: int | None
    windows_partial: bool  # not every window is outlined
    upstream_sum: float
    split_sum: float
    copy_sum: float
    factor: float | None
    windows_note: Message | None
    divisor_text: Message
    copy_verdict: Message
    max_text: Message
    indices_caption: Message
    max_ties: Message | None

    @property
    def out_shape(self) -> tuple[int, int]:
        return self.grad_output.shape

    def by_mode(self, mode: str) -> ModeView:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        return self.avg if mode == "avg" else self.max


def figure_titles(mode: str = "avg") -> dict[str, str]:
    """Translation key of each figure's title (section 4's gradient for ``mode``),
    and of ``"padding"``, the word written in padding cells."""
    return {**_TITLES, "where_grad": "bw.grad_title_max" if mode == "max" else "bw.grad_title_avg"}


def num(value) -> str:
    """A sum or a difference as the lesson writes it, in sentences and metrics alike (4 decimals at most)."""
    return fmt(value, 4)


def _upstream(s: Settings, shape) -> tuple[np.ndarray, Message | None]:
    """The upstream gradient, or all ones and what was wrong with the typed numbers."""
    try:
        return make_upstream(s.g_preset, shape, s.seed, s.g_text), None
    except GridError as exc:
        rows, cols = shape
        if exc.code == "too_big":
            problem = ("bw.gtext_too_big", {"rows": rows, "cols": cols, "limit": MAX_SIDE})
        elif exc.code == "too_large":
            problem = ("bw.gtext_too_large", {"limit": exc.fields["limit"]})
        else:
            problem = ("bw.gtext_bad", {"count": rows * cols, "rows": rows, "cols": cols})
        return np.ones(shape), problem


def _mode_view(res: PoolResult, g: np.ndarray) -> ModeView:
    is_max = res.mode == "max"
    gradient, touches = padded_gradient(res, g), touch_counts(res)
    routes = route_counts(res) if is_max else None
    report = sum_report(res, g, gradient, routes if is_max else touches.real)
    check = gradcheck(res, g)
    diff = check.max_abs_diff
    d = f"{diff:.1e}" if 0 < diff < 1e-3 else num(diff)
    shared = ("bw.shared_none", {}) if not report.shared_cells else (
        "bw.shared_max" if is_max else "bw.shared_avg",
        {"cells": report.shared_cells, "r": report.most_at[0], "c": report.most_at[1], "most": report.most})
    ties = None
    if is_max:
        ties = ("bw.check_ties", {"n": check.n_ties}) if check.n_ties else ("bw.check_no_ties", {})
    width = res.input.shape[-1]
    return ModeView(
        mode=res.mode, res=res, input=on_padded(res.geometry, res.input), windows=window_boxes(res.geometry),
        argmax=tuple(divmod(int(k), width) for k in res.indices.ravel()) if is_max else (),
        gradient=gradient, touches=touches, routes=routes, report=report, check=check, max_diff=d, shared=shared,
        verdict=(f"bw.v_{report.reason}", {"up": num(report.upstream), "got": num(report.received), "n": g.size,
                                           "lost": num(report.lost), "diff": num(report.received - report.upstream)}),
        check_verdict=("bw.check_ok" if check.agrees() else "bw.check_bad", {"d": d}),
        ties=ties,
    )


def compute(settings: Settings) -> Lesson:
    """Pool the chosen input both ways and push the upstream gradient back.

    Raises ``ValueError`` (from ``pool2d``) when the settings do not fit together.
    """
    s = settings
    x = make_input(s.x_preset, s.n, s.seed)
    res_avg = pool2d(x, s.kernel, s.stride, s.padding, mode="avg", count_include_pad=s.count_include_pad)
    res_max = pool2d(x, s.kernel, s.stride, s.padding, mode="max")
    g, problem = _upstream(s, res_avg.output.shape)
    avg, mx = _mode_view(res_avg, g), _mode_view(res_max, g)
    copy = copy_gradient(res_avg, g)
    div = res_avg.divisor
    divisor = int(div.flat[0]) if (div == div.flat[0]).all() else None
    up, copy_sum = float(g.sum()), float(copy.sum())
    factor = sum_factor(copy_sum, up)
    partial = len(avg.windows) < res_avg.trace.n_windows
    n_tied = mx.check.n_ties
    return Lesson(
        settings=s, x=x, grad_output=g, upstream_problem=problem, avg=avg, max=mx,
        copy=on_padded(res_avg.geometry, copy), divisor=divisor, windows_partial=partial,
        upstream_sum=up, split_sum=float(avg.gradient.grad_input.sum()), copy_sum=copy_sum, factor=factor,
        windows_note=("bw.windows_partial", {}) if partial else None,
        divisor_text=("bw.avg_divisor_varies", {}) if divisor is None else ("bw.avg_divisor_uniform", {"n": divisor}),
        copy_verdict=("bw.copy_verdict_zero", {}) if factor is None else
        ("bw.copy_verdict", {"up": num(up), "copy": num(copy_sum), "factor": num(factor)}),
        max_text=("bw.max_text", {"w": s.n}),
        indices_caption=("bw.indices_caption", {"ids": res_max.indices.tolist()}),
        max_ties=("bw.max_ties", {"n": n_tied}) if n_tied else None,
    )
