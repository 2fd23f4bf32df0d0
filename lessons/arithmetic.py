"""One window's computation as text, for every lesson that steps through windows.

The numbers come from a :class:`pooling_core.WindowRecord` (the trace of the
very arrays the core used), the padding questions from its
:class:`pooling_core.Geometry`. Two spellings share one list of terms and one
rule for ``=`` against ``≈``:

- :func:`arithmetic_text`, result first, as the walkthrough writes it:
  ``3.5 = (1 + 2 + 5 + 6) / 4``, ``max(1, 2, 5, 6) = 6``;
- :func:`window_arithmetic`, result last, plain or KaTeX, as the playground
  writes it: ``(1 + 2 + 5 + 6) / 4 = 14 / 4 = 3.5``.

NumPy only; notes for the page are ``(translation key, fields)`` pairs.
"""

from __future__ import annotations

import math

import numpy as np

from .i18n import Key
from .numbers import fmt

__all__ = ["MAX_TERMS", "window_terms", "is_shown_exactly", "shorten", "arithmetic_text", "window_arithmetic",
           "tap_counts", "arithmetic_notes"]

MAX_TERMS = 16  # longer window sums are shortened with "…"


def is_shown_exactly(value, digits: int = 2) -> bool:
    """True when ``fmt(value, digits)`` is the whole value (write ``=``), False
    when digits were rounded away (write ``≈``).

    >>> is_shown_exactly(3.5), is_shown_exactly(14 / 9), is_shown_exactly(1e-13)
    (True, False, False)
    """
    v = float(value)
    if not math.isfinite(v):
        return True  # "∞", "NaN": the symbol is the whole value
    return float(fmt(v, digits)) == v


def _sign(value) -> str:
    return "=" if is_shown_exactly(value) else "≈"


def _num(v) -> str:
    """A term: negative numbers in brackets, so ``+ (-1)`` reads as a sum."""
    s = fmt(v)
    return f"({s})" if s.startswith("-") else s


def window_terms(rec) -> list[tuple[float, str]]:
    """The numbers a window combines, in reading order, as ``(value, kind)``.

    ``kind`` is ``"real"``, ``"argmax"`` (max pooling's winner) or ``"pad"``
    (a zero-padding cell the average counts). Max pooling lists only real
    cells; padding the average does not count, and a ceil-mode overhang, is
    left out, so an average's terms always number ``rec.divisor``.
    """
    terms = []
    kh, kw = rec.values.shape
    for i in range(kh):
        for j in range(kw):
            if not rec.is_padding[i, j]:
                kind = "argmax" if rec.argmax_tap == (i, j) else "real"
                terms.append((float(rec.values[i, j]), kind))
            elif rec.mode == "avg" and rec.counted[i, j]:
                terms.append((0.0, "pad"))
    return terms


def shorten(items: list[str], limit: int = MAX_TERMS) -> list[str]:
    """``items``, or when there are more than ``limit`` the first ones, ``…`` and the last three."""
    items = list(items)
    if len(items) <= limit:
        return items
    head = limit - 4
    return items[:head] + ["…"] + items[-3:]


def arithmetic_text(rec) -> str:
    """One window's computation on one line, result first.

    Average: ``"3.5 = (1 + 2 + 5 + 6) / 4"`` (padding that counts in the
    divisor appears as ``0``); max: ``"max(1, 2, 5, 6) = 6"``. The first
    sign is ``≈`` when the result shown is rounded.
    """
    sep = ", " if rec.mode == "max" else " + "
    terms = sep.join(_num(v) for v, _ in window_terms(rec))
    if rec.mode == "max":
        return f"max({terms}) {_sign(rec.output)} {fmt(rec.output)}"
    return f"{fmt(rec.output)} {_sign(rec.output)} ({terms}) / {rec.divisor}"


def window_arithmetic(rec, *, latex: bool = False, max_terms: int = MAX_TERMS) -> str:
    """One window's computation, result last.

    Plain: ``max(1, 2, 7, 8) = 8`` or ``(1 + 2 + 0 + 0) / 4 = 3 / 4 = 0.75``.
    With ``latex=True`` a KaTeX version: the winner boxed, padding zeros grey.
    Sums longer than ``max_terms`` are shortened with an ellipsis.
    """
    result = f"{_sign(rec.output)} {fmt(rec.output)}"
    terms = window_terms(rec)
    if not latex:
        parts = shorten([_num(v) for v, _ in terms], max_terms)
        if rec.mode == "max":
            return "max(" + ", ".join(parts) + ") " + result
        return "(" + " + ".join(parts) + f") / {rec.divisor} = {_num(rec.total)} / {rec.divisor} " + result

    def show(v, kind):
        if kind == "argmax":
            return rf"\boxed{{{_num(v)}}}"
        if kind == "pad":
            return rf"\textcolor{{gray}}{{{_num(v)}}}"
        return _num(v)

    parts = [r"\dots" if p == "…" else p for p in shorten([show(v, k) for v, k in terms], max_terms)]
    result = result.replace("≈", r"\approx")
    if rec.mode == "max":
        return r"\max(" + r",\ ".join(parts) + ") " + result
    return (r"\dfrac{" + " + ".join(parts) + "}{" + str(rec.divisor) + "} = \\dfrac{"
            + _num(rec.total) + "}{" + str(rec.divisor) + "} " + result)


def tap_counts(rec, geometry) -> dict[str, int]:
    """How many of a window's taps are padding, padding the average counts,
    overhang past the padding (ceil mode), and terms in its arithmetic."""
    inside = np.outer(geometry.rows.within_padding(rec.rows), geometry.cols.within_padding(rec.cols))
    return {
        "padding": int(rec.is_padding.sum()),
        "counted_padding": int((rec.is_padding & rec.counted).sum()) if rec.mode == "avg" else 0,
        "overhang": int((~inside).sum()),
        "terms": len(window_terms(rec)),
    }


def arithmetic_notes(rec, geometry, *, max_terms: int = MAX_TERMS) -> list[tuple[str, dict]]:
    """What to say under one window's arithmetic: ``(translation key, fields)`` pairs.

    The mode's rule, then what happened to this window's padding (skipped by
    max, counted or left out by the average), cells past the padding, and a
    shortened sum.
    """
    counts = tap_counts(rec, geometry)
    in_padding = counts["padding"] - counts["overhang"]  # padding cells inside the padded input
    notes = [(f"pg.arith_{rec.mode}", {"d": rec.divisor})]
    if rec.mode == "max" and counts["padding"]:
        notes.append(("pg.arith_max_pad", {"n": counts["padding"]}))
    if rec.mode == "avg" and counts["counted_padding"]:
        notes.append(("pg.arith_avg_pad_counted", {"n": counts["counted_padding"]}))
    if rec.mode == "avg" and in_padding > counts["counted_padding"]:
        notes.append(("pg.arith_avg_pad_skipped", {"n": in_padding, "d": rec.divisor}))
    if counts["overhang"] and rec.mode == "avg":  # the divisor a reader of the picture would guess wrong
        notes.append(("pg.arith_overhang_avg", {"n": counts["overhang"], "d": rec.divisor,
                                                "outside": Key("pg.overhang_cell")}))
    elif counts["overhang"]:
        notes.append(("pg.arith_overhang", {"n": counts["overhang"]}))
    if counts["terms"] > max_terms:
        notes.append(("pg.arith_shortened", {"n": counts["terms"]}))
    return notes
