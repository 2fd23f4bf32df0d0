"""The questions: each built from what a page computed and a seed.

Every expected answer is read from the core: ``trace.window(i, j)`` for an
output value, the axis' size derivation (:func:`pooling_core.explain_output_size`)
for H_out / W_out, ``indices`` for where a max sends its gradient,
``backward`` for how much reaches an input cell, ``kmax_pool`` for what K-max
keeps. The worked arithmetic is written from the same records, so it always
agrees with the answer. Wrong answers that a common slip produces (the sum
instead of the average, H_out without the ``+ 1``) are computed only to
recognise them.
"""

from __future__ import annotations

import numpy as np

from pooling_core import NoWindowError, explain_output_size, kmax_pool

from ..arithmetic import is_shown_exactly, shorten, window_arithmetic
from ..numbers import fmt
from .question import Question, new_question, pick

_VALUE_PROMPT = {"avg": "quiz.q_value_avg", "max": "quiz.q_value_max"}
_OTHER_MODE = {"avg": "quiz.trap_other_mode_avg", "max": "quiz.trap_other_mode_max"}
_TOTAL_PROMPT = {"avg": "quiz.q_total_avg", "max": "quiz.q_total_max"}
_SIZE_PROMPT = {"H": "quiz.q_size_h", "W": "quiz.q_size_w"}
_KMAX_PROMPT = {("col", True): "quiz.q_kmax_col_order", ("col", False): "quiz.q_kmax_col_sorted",
                ("row", True): "quiz.q_kmax_row_order", ("row", False): "quiz.q_kmax_row_sorted"}


def _equals(value) -> str:
    """``"= 3.5"``, or ``"≈ 3.33"`` when the shown digits round the value."""
    return ("= " if is_shown_exactly(value) else "≈ ") + fmt(value)


def _join(parts, sep: str) -> str:
    return sep.join(shorten(parts))


def _listed(items) -> str:
    """``[1, 2, 3]``: a list the text shows as code, the same in both languages."""
    return "[" + ", ".join(str(v) if isinstance(v, (int, np.integer)) else fmt(v) for v in items) + "]"


def _plane(res) -> None:
    if res.input.ndim != 2:
        raise ValueError(f"questions are asked about one (H, W) input, got shape {res.input.shape}")


def _window(res, seed: int, salt: str):
    """The trace record of the output cell the seed picks."""
    _plane(res)
    ho, wo = res.output.shape
    i, j = divmod(pick(seed, salt, ho * wo), wo)
    return res.trace.window(i, j)


def _where(rec) -> dict:
    return {"i": rec.out_row, "j": rec.out_col, "r0": rec.row_start, "r1": rec.row_stop - 1,
            "c0": rec.col_start, "c1": rec.col_stop - 1}


def _dilation_note(rec) -> tuple:
    dilated = len(rec.rows) > 1 and rec.rows[1] - rec.rows[0] > 1 or len(rec.cols) > 1 and rec.cols[1] - rec.cols[0] > 1
    if not dilated:
        return ()
    return (("quiz.q_dilated", {"rows": _listed(rec.rows.tolist()), "cols": _listed(rec.cols.tolist())}),)


def _grad(res, grad_output) -> np.ndarray:
    g = np.asarray(grad_output, dtype=float)
    if g.shape != res.output.shape or not np.isfinite(g).all():
        raise ValueError(f"grad_output must be finite numbers of the output's shape {res.output.shape}")
    return g


# ---------------------------------------------------------------- forward


def value_question(res, seed: int) -> Question:
    """What is output (i, j)? (the walkthrough and the playground)"""
    rec = _window(res, seed, "value")
    real = [float(v) for v in rec.real_values]
    r_lo, r_hi, c_lo, c_hi = res.geometry.padded_box
    inside = np.outer((rec.rows >= r_lo) & (rec.rows < r_hi), (rec.cols >= c_lo) & (rec.cols < c_hi))
    padding = rec.is_padding & inside  # taps past the padding (ceil mode) are not padding: they count nowhere
    overhang = int(np.sum(~inside))
    math = window_arithmetic(rec)
    if rec.mode == "avg":
        worked = [("quiz.work_avg", {"math": math, "n": int(rec.counted.sum()), "d": rec.divisor})]
        pad_counted = int(np.sum(rec.counted & padding))
        skipped = int(np.sum(padding)) - pad_counted
        if pad_counted:
            worked.append(("quiz.work_avg_pad_counted", {"n": pad_counted}))
        if skipped:
            worked.append(("quiz.work_avg_pad_skipped", {"n": skipped, "d": rec.divisor}))
        traps = [(rec.total, ("quiz.trap_sum", {"total": fmt(rec.total), "d": rec.divisor})),
                 (max(real), (_OTHER_MODE["avg"], {}))]
        if pad_counted:
            traps.append((rec.total / len(real), ("quiz.trap_pad_counted", {"d": rec.divisor})))
        if skipped:
            traps.append((rec.total / (len(real) + skipped), ("quiz.trap_pad_skipped", {"d": rec.divisor})))
    else:
        worked = [("quiz.work_max", {"math": math, "r": rec.argmax[0], "c": rec.argmax[1]})]
        if padding.any():
            worked.append(("quiz.work_max_pad", {"n": int(np.sum(padding))}))
        traps = [(sum(real) / len(real), (_OTHER_MODE["max"], {}))]
    if overhang:
        worked.append(("quiz.work_overhang", {"n": overhang}))
    prompt = ((_VALUE_PROMPT[rec.mode], _where(rec)),) + _dilation_note(rec)
    return new_question("value", "number", seed, prompt, rec.output, worked, traps,
                        focus=(("out", (rec.out_row, rec.out_col)),))


def _out_with(d, **change) -> int | None:
    """The output size with some numbers changed (a slip), or None if no window fits."""
    args = dict(size=d.size, kernel=d.kernel, stride=d.stride, pad_before=d.pad_before,
                pad_after=d.pad_after, dilation=d.dilation, ceil_mode=d.ceil_mode)
    try:
        return explain_output_size(**{**args, **change}).out
    except NoWindowError:
        return None


def size_question(res, seed: int) -> Question:
    """What is H_out (or W_out)? The seed picks the axis."""
    axis = ("H", "W")[pick(seed, "size-axis", 2)]
    d = (res.geometry.rows if axis == "H" else res.geometry.cols).derivation
    fn = "ceil" if d.ceil_mode else "floor"
    prompt = [(_SIZE_PROMPT[axis], {"n": d.size, "k": d.kernel, "s": d.stride,
                                    "p0": d.pad_before, "p1": d.pad_after})]
    worked = []
    if d.dilation > 1:
        prompt.append(("quiz.q_size_dilation", {"d": d.dilation}))
        worked.append(("quiz.work_span", {"math": f"({d.kernel} - 1) * {d.dilation} + 1 = {d.span}"}))
    if d.ceil_mode:
        prompt.append(("quiz.q_size_ceil", {}))
    math = (f"{fn}(({d.size} + {d.pad_before} + {d.pad_after} - {d.span}) / {d.stride}) + 1 = "
            f"{fn}({d.numerator} / {d.stride}) + 1 = {d.rounded} + 1 = {d.rounded + 1}")
    worked.append(("quiz.work_size", {"out": f"{axis}_out", "math": math}))
    if d.dropped_last:
        worked.append(("quiz.work_size_dropped", {"start": d.last_start, "out": d.out}))
    traps = [(d.rounded, ("quiz.trap_plus_one", {})),
             (_out_with(d, ceil_mode=not d.ceil_mode), ("quiz.trap_rounding", {"fn": fn}))]
    if d.pad_before or d.pad_after:
        traps.append((_out_with(d, pad_before=0, pad_after=0), ("quiz.trap_padding", {})))
    if d.dilation > 1:
        traps.append((_out_with(d, dilation=1), ("quiz.trap_dilation", {"span": d.span})))
    traps = [(v, text) for v, text in traps if v is not None]
    return new_question("size", "integer", seed, prompt, int(d.out), worked, traps, focus=(("axis", axis),))


# ---------------------------------------------------------------- backward


def route_question(res, grad_output, seed: int) -> Question:
    """Max pooling: which input cell receives output (i, j)'s gradient?"""
    if res.mode != "max":
        raise ValueError(f"route_question is about max pooling, this result has mode={res.mode!r}")
    g = _grad(res, grad_output)
    rec = _window(res, seed, "route")
    i, j = rec.out_row, rec.out_col
    cell = divmod(int(res.indices[i, j]), res.input.shape[1])
    worked = [("quiz.work_route", {"math": window_arithmetic(rec), "r": cell[0], "c": cell[1], "g": fmt(g[i, j])})]
    rr, cc = np.nonzero(~rec.is_padding & (rec.values == rec.output))
    ties = [(int(rec.rows[a]), int(rec.cols[b])) for a, b in zip(rr, cc)]
    if len(ties) > 1:
        worked.append(("quiz.work_route_tie", {"n": len(ties)}))
    traps = [(t, ("quiz.trap_tie", {"r": t[0], "c": t[1]})) for t in ties]
    traps.append(((i, j), ("quiz.trap_output_cell", {})))
    prompt = (("quiz.q_route", {**_where(rec), "g": fmt(g[i, j])}),) + _dilation_note(rec)
    return new_question("route", "cell", seed, prompt, cell, worked, traps,
                        focus=(("out", (i, j)), ("cell", cell)))


def share_question(res, grad_output, seed: int) -> Question:
    """Average pooling: how much of output (i, j)'s gradient does each cell of its window get?"""
    if res.mode != "avg":
        raise ValueError(f"share_question is about average pooling, this result has mode={res.mode!r}")
    g = _grad(res, grad_output)
    rec = _window(res, seed, "share")
    gi, d = float(g[rec.out_row, rec.out_col]), rec.divisor
    share = gi / d
    worked = [("quiz.work_share", {"math": f"{fmt(gi)} / {d} {_equals(share)}", "d": d})]
    pad_counted = int(np.sum(rec.counted & rec.is_padding))
    if pad_counted:
        worked.append(("quiz.work_share_pad_lost", {"n": pad_counted, "lost": fmt(pad_counted * share)}))
    traps = [(gi, ("quiz.trap_copy", {"d": d}))]
    if rec.is_padding.size != d:
        traps.append((gi / rec.is_padding.size, ("quiz.trap_divisor", {"d": d})))
    prompt = (("quiz.q_share", {**_where(rec), "g": fmt(gi)}),) + _dilation_note(rec)
    return new_question("share", "number", seed, prompt, share, worked, traps,
                        focus=(("out", (rec.out_row, rec.out_col)),))


def _windows_reading(res, r: int, c: int) -> list[tuple[int, int]]:
    """Output cells whose window reads input cell (r, c)."""
    rows, cols = res.geometry.rows, res.geometry.cols
    wi = np.nonzero(((rows.taps() == r) & rows.real_taps()).any(axis=1))[0]
    wj = np.nonzero(((cols.taps() == c) & cols.real_taps()).any(axis=1))[0]
    return [(int(i), int(j)) for i in wi for j in wj]


def total_question(res, grad_output, seed: int) -> Question:
    """How much gradient reaches input cell (r, c), from every window together?"""
    _plane(res)
    g = _grad(res, grad_output)
    grad_input = res.backward(g)
    h, w = res.input.shape
    rows = np.unique(res.geometry.rows.taps()[res.geometry.rows.real_taps()])
    cols = np.unique(res.geometry.cols.taps()[res.geometry.cols.real_taps()])
    cells = [(int(r), int(c)) for r in rows for c in cols]  # every cell some window reads
    if res.mode == "max" and pick(seed, "total-winner", 2) == 0:
        cells = sorted({divmod(int(f), w) for f in res.indices.ravel()})
    r, c = cells[pick(seed, "total-cell", len(cells))]
    windows = _windows_reading(res, r, c)
    where = _join((f"({i}, {j})" for i, j in windows), ", ")
    if res.mode == "avg":
        parts = [(g[i, j], int(res.divisor[i, j])) for i, j in windows]
        terms = [gi / d for gi, d in parts]
        math = (_join((f"{fmt(gi)} / {d}" for gi, d in parts), " + ") + " = "
                + _join((fmt(t) for t in terms), " + ") + f" {_equals(grad_input[r, c])}")
        worked = [("quiz.work_total_avg", {"n": len(windows), "windows": where, "math": math})]
        traps = [(terms[0], ("quiz.trap_one_window", {"n": len(windows)}))] if len(terms) > 1 else []
    else:
        won = [(i, j) for i, j in windows if int(res.indices[i, j]) == r * w + c]
        if won:
            math = _join((fmt(g[i, j]) for i, j in won), " + ") + f" {_equals(grad_input[r, c])}"
            worked = [("quiz.work_total_max", {"n": len(windows), "won": len(won),
                                               "windows": _join((f"({i}, {j})" for i, j in won), ", "),
                                               "math": math})]
        else:
            worked = [("quiz.work_total_max_none", {"n": len(windows), "windows": where})]
        traps = [(sum(g[i, j] for i, j in windows), ("quiz.trap_not_max", {}))]
        if len(won) > 1:
            traps.append((g[won[0]], ("quiz.trap_one_window", {"n": len(won)})))
    prompt = ((_TOTAL_PROMPT[res.mode], {"r": r, "c": c}),)
    return new_question("total", "number", seed, prompt, float(grad_input[r, c]), worked, traps,
                        focus=(("cell", (r, c)),))


# ---------------------------------------------------------------- K-max


def kmax_question(x, k: int, seed: int, *, keep_order: bool = True, axis: int = -2, labels=None) -> Question:
    """Which values does K-max keep from one column (``axis=-2``) or row
    (``axis=-1``) of ``x``, and in what order? ``labels`` name the columns
    (rows), e.g. the tutorial's F1..F4; by default they are numbered from 0."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or axis not in (-2, -1, 0, 1):
        raise ValueError(f"kmax_question needs a 2-D x and axis -2 or -1, got shape {x.shape} and axis {axis!r}")
    res = kmax_pool(x, k, axis=axis, keep_order=keep_order)
    ranked = kmax_pool(x, k, axis=axis, keep_order=False)
    along = "col" if axis in (-2, 0) else "row"
    n_lines = x.shape[1] if along == "col" else x.shape[0]
    line = pick(seed, "kmax-line", n_lines)
    take = (lambda a: a[:, line]) if along == "col" else (lambda a: a[line, :])
    values, kept = take(x), tuple(float(v) for v in take(res.output))
    name = str(labels[line]) if labels is not None and len(labels) == n_lines else str(line)
    worked = [("quiz.work_kmax", {"k": int(k), "largest": _listed(take(ranked.output)),
                                  "at": _listed(take(ranked.indices))})]
    if keep_order:
        worked.append(("quiz.work_kmax_order", {"at": _listed(take(res.indices)), "kept": _listed(kept)}))
        traps = [(tuple(float(v) for v in take(ranked.output)), ("quiz.trap_kmax_sorted", {}))]
    else:
        worked.append(("quiz.work_kmax_sorted", {"kept": _listed(kept)}))
        in_order = np.sort(take(ranked.indices))
        traps = [(tuple(float(values[p]) for p in in_order), ("quiz.trap_kmax_order", {}))]
    prompt = ((_KMAX_PROMPT[along, bool(keep_order)], {"name": name, "values": _listed(values), "k": int(k)}),)
    return new_question("kmax", "numbers", seed, prompt, kept, worked, traps, focus=(("line", line),))
