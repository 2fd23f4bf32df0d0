"""The output-size formula, written out for a student.

One axis at a time: the formula in symbols, then the same with every number
of a :class:`pooling_core.SizeDerivation` put in, step by step, down to the
output size. The numbers are the core's own (the function that sizes the
arrays), including those of a :class:`pooling_core.NoWindowError`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SizeFormula", "size_formula"]


@dataclass(frozen=True)
class SizeFormula:
    """The output-size formula for one axis, ready to show.

    ``general`` and ``numbers`` are KaTeX strings: the formula in symbols and
    the same formula with every number put in, step by step, down to ``out``.
    ``dropped`` says a ceil-mode window was removed because it would start at
    ``last_start`` (input coordinates), past the input. ``ok`` is False when no
    window fits (``out`` < 1). ``uncovered``: cells at the end of the padded
    input that no window reaches (floor left them out); ``overhang``: cells the
    last window reaches past the padded input (ceil mode). At most one of the
    two is non-zero; both are 0 when the windows end exactly at the edge.
    """

    axis: str
    general: str
    numbers: str
    out: int
    dropped: bool
    last_start: int | None
    ok: bool
    uncovered: int = 0
    overhang: int = 0

    @property
    def line(self) -> str:
        """Symbols and numbers on one line: ``H_{out} = ⌊…⌋ + 1 = ⌊(4 + 0 + 0 - 2)/2⌋ + 1 = … = 2``."""
        return self.general + self.numbers.removeprefix(f"{self.axis}_{{out}}")


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


def _build(axis, size, kernel, stride, pad_before, pad_after, dilation, ceil_mode,
           numerator, rounded, out, dropped, last_start) -> SizeFormula:
    sym = _symbols(axis)
    big_l, big_r, small_l, small_r = _brackets(ceil_mode)
    if dilation == 1:
        window_sym, window_num = sym["k"], str(kernel)
    else:
        window_sym = f"({sym['d']}({sym['k']} - 1) + 1)"
        window_num = f"({dilation} \\cdot ({kernel} - 1) + 1)"
    general = (f"{axis}_{{out}} = {big_l} \\dfrac{{{sym['size']} + {sym['p1']} + {sym['p2']} - "
               f"{window_sym}}}{{{sym['s']}}} {big_r} + 1")
    steps = [
        f"{big_l} \\dfrac{{{size} + {pad_before} + {pad_after} - {window_num}}}{{{stride}}} {big_r} + 1",
        f"{big_l} \\dfrac{{{numerator}}}{{{stride}}} {big_r} + 1",
        f"{small_l} {_quotient(numerator, stride)} {small_r} + 1",
        f"{rounded} + 1",
        str(rounded + 1),
    ]
    if dropped:
        steps.append(f"{rounded + 1} - 1 = {out}")
    numbers = f"{axis}_{{out}} = " + " = ".join(steps)
    if out < 1:
        numbers += r" \le 0"
        return SizeFormula(axis, general, numbers, out, dropped, last_start, False)
    # where the last window ends, against the end of the padded input
    past_end = (out - 1) * stride - numerator
    return SizeFormula(axis, general, numbers, out, dropped, last_start, True,
                       uncovered=max(-past_end, 0), overhang=max(past_end, 0))


def size_formula(d, axis: str = "H") -> SizeFormula:
    """The formula for one axis from a :class:`pooling_core.SizeDerivation`
    (also the one a :class:`pooling_core.NoWindowError` carries: it then ends
    at an output size of 0 or less).

    >>> from pooling_core import explain_output_size
    >>> print(size_formula(explain_output_size(5, 2, 2, ceil_mode=True), "W").numbers)
    W_{out} = \\left\\lceil \\dfrac{5 + 0 + 0 - 2}{2} \\right\\rceil + 1 = \\left\\lceil \\dfrac{3}{2} \\right\\rceil + 1 = \\lceil 1.5 \\rceil + 1 = 2 + 1 = 3
    """
    last_start = d.rounded * d.stride - d.pad_before if d.dropped_last else None
    return _build(axis, d.size, d.kernel, d.stride, d.pad_before, d.pad_after, d.dilation,
                  d.ceil_mode, d.numerator, d.rounded, d.out, d.dropped_last, last_start)
