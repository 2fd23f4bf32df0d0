"""The output-size formula, written out for a student, and what to say about it.

One axis at a time: the formula in symbols, then the same with every number
of a :class:`pooling_core.SizeDerivation` put in, step by step, down to the
output size. The numbers are the core's own (the function that sizes the
arrays), including those of a :class:`pooling_core.NoWindowError`; where the
last window ends (uncovered cells, overhang, a dropped window) is the
derivation's answer too. Text only: KaTeX strings and translation keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from pooling_core import SizeDerivation

__all__ = ["SizeFormula", "size_formula", "formula_note"]


@dataclass(frozen=True)
class SizeFormula:
    """The output-size formula for one axis, ready to show.

    ``general`` and ``numbers`` are KaTeX strings: the formula in symbols and
    the same formula with every number put in, step by step, down to ``out``.
    Everything else is read from ``derivation``.
    """

    axis: str
    derivation: SizeDerivation
    general: str
    numbers: str

    @property
    def line(self) -> str:
        """Symbols and numbers on one line: ``H_{out} = ⌊…⌋ + 1 = ⌊(4 + 0 + 0 - 2)/2⌋ + 1 = … = 2``."""
        return self.general + self.numbers.removeprefix(f"{self.axis}_{{out}}")

    @property
    def out(self) -> int:
        return self.derivation.out

    @property
    def ok(self) -> bool:
        """False when no window fits (the formula ends at 0 or less)."""
        return self.derivation.out >= 1

    @property
    def dropped(self) -> bool:
        """Ceil mode removed a last window that would start past the input."""
        return self.derivation.dropped_last

    @property
    def last_start(self) -> int:
        """Where the last window starts (input coordinates, before a ceil-mode drop)."""
        return self.derivation.last_start

    @property
    def uncovered(self) -> int:
        """Cells at the end of the padded input that no window reaches."""
        return self.derivation.uncovered

    @property
    def overhang(self) -> int:
        """Cells the last window reaches past the padded input (ceil mode)."""
        return self.derivation.overhang


def _symbols(axis: str) -> dict[str, str]:
    a = "h" if axis == "H" else "w"
    return {"size": axis, "p1": f"p_{{{a}1}}", "p2": f"p_{{{a}2}}", "k": f"k_{a}",
            "s": f"s_{a}", "d": f"d_{a}"}


def _quotient(numerator: int, stride: int) -> str:
    q = numerator / stride
    if numerator % stride == 0:
        return str(numerator // stride)
    s = f"{q:.2f}".rstrip("0").rstrip(".")
    return s if float(s) == q else s + r"\ldots"


def _brackets(ceil_mode: bool) -> tuple[str, str, str, str]:
    if ceil_mode:
        return r"\left\lceil", r"\right\rceil", r"\lceil", r"\rceil"
    return r"\left\lfloor", r"\right\rfloor", r"\lfloor", r"\rfloor"


def size_formula(d: SizeDerivation, axis: str = "H") -> SizeFormula:
    """The formula for one axis from a :class:`pooling_core.SizeDerivation`
    (also the one a :class:`pooling_core.NoWindowError` carries: it then ends
    at an output size of 0 or less).

    >>> from pooling_core import explain_output_size
    >>> print(size_formula(explain_output_size(5, 2, 2, ceil_mode=True), "W").numbers)
    W_{out} = \\left\\lceil \\dfrac{5 + 0 + 0 - 2}{2} \\right\\rceil + 1 = \\left\\lceil \\dfrac{3}{2} \\right\\rceil + 1 = \\lceil 1.5 \\rceil + 1 = 2 + 1 = 3
    """
    sym = _symbols(axis)
    big_l, big_r, small_l, small_r = _brackets(d.ceil_mode)
    if d.dilation == 1:
        window_sym, window_num = sym["k"], str(d.kernel)
    else:
        window_sym = f"({sym['d']}({sym['k']} - 1) + 1)"
        window_num = f"({d.dilation} \\cdot ({d.kernel} - 1) + 1)"
    general = (f"{axis}_{{out}} = {big_l} \\dfrac{{{sym['size']} + {sym['p1']} + {sym['p2']} - "
               f"{window_sym}}}{{{sym['s']}}} {big_r} + 1")
    steps = [
        f"{big_l} \\dfrac{{{d.size} + {d.pad_before} + {d.pad_after} - {window_num}}}{{{d.stride}}} {big_r} + 1",
        f"{big_l} \\dfrac{{{d.numerator}}}{{{d.stride}}} {big_r} + 1",
        f"{small_l} {_quotient(d.numerator, d.stride)} {small_r} + 1",
        f"{d.rounded} + 1",
        str(d.rounded + 1),
    ]
    if d.dropped_last:
        steps.append(f"{d.rounded + 1} - 1 = {d.out}")
    if d.rule == "truncate":  # PaddlePaddle: C's division, toward zero (ceil mode adds s - 1 first)
        extra, top = (d.stride - 1, f" + {d.stride - 1}") if d.ceil_mode else (0, "")
        steps = [f"\\operatorname{{trunc}}\\left(\\dfrac{{{d.numerator}{top}}}{{{d.stride}}}\\right) + 1",
                 f"\\operatorname{{trunc}}({_quotient(d.numerator + extra, d.stride)}) + 1", f"{d.rounded} + 1",
                 str(d.out)]
    numbers = f"{axis}_{{out}} = " + " = ".join(steps)
    if d.out < 1:
        numbers += r" \le 0"
    return SizeFormula(axis, d, general, numbers)


def formula_note(f: SizeFormula) -> tuple[str, str, dict]:
    """How to comment one axis's formula: ``(level, translation key, fields)``.

    ``level`` is ``"warning"`` (no window fits), ``"info"`` (ceil mode dropped
    a window) or ``"caption"`` (a remainder left uncovered, an overhang, or an
    exact fit).

    >>> from pooling_core import explain_output_size
    >>> formula_note(size_formula(explain_output_size(7, 2, 2), "W"))[:2]
    ('caption', 'pg.formula_uncovered.W')
    """
    d = f.derivation
    fields = {"out": d.out, "start": d.last_start, "last": d.size - 1, "n": d.uncovered or d.overhang,
              "span": d.span, "padded": d.padded_size}
    if not f.ok:
        return "warning", f"pg.formula_none.{f.axis}", fields
    if f.dropped:
        return "info", f"pg.formula_dropped.{f.axis}", fields
    if d.rule in ("truncate", "ceil_keep"):  # PaddlePaddle's rules (lessons/text/frameworks.py)
        return "info", f"fw.formula_{d.rule}.{f.axis}", fields
    if f.uncovered:
        return "caption", f"pg.formula_uncovered.{f.axis}", fields
    if f.overhang:
        return "caption", f"pg.formula_overhang.{f.axis}", fields
    return "caption", f"pg.formula_exact.{f.axis}", fields
