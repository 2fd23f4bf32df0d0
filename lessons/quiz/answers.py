"""Reading what a student typed into an answer box.

Students type numbers the way their keyboard and habits make them: ``3.5``,
``3,5``, ``(1, 2)``, ``1 2``, ``第1行第2列``, full-width digits and commas from
a Chinese input method (``３．５``, ``（１，２）``), ``。`` for the decimal
point, ``−`` for minus. This module turns such text into numbers, or raises
:class:`Unreadable` with a code naming what went wrong. It never evaluates
anything: the text is only matched against a number pattern and a short list
of label words.

Pure Python, no NumPy.

>>> read_number("３．５")
(3.5,)
>>> read_number("3,5")
(3.5,)
>>> read_cell("（1，2）"), read_cell("row 1, col 2"), read_cell("第1行第2列")
((1, 2), (1, 2), (1, 2))
>>> read_numbers("[6、8]")
(6.0, 8.0)
"""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = ["Unreadable", "MAX_CHARS", "MAX_NUMBERS", "read_number", "read_cell", "read_numbers"]

MAX_CHARS = 200  # longer text is not an answer to any of our questions
MAX_NUMBERS = 64  # the longest list a question asks for is a grid side (16)

# After NFKC (full-width digits, commas, brackets and minus become ASCII),
# what an input method or a word processor still leaves.
_TRANSLATE = str.maketrans({
    "\u2212": "-",  # − minus sign
    "\u2013": "-",  # – en dash, typed for minus by word processors
    "\u3002": ".",  # 。 a Chinese input method's full stop, typed for the decimal point
    "\u3001": ",",  # 、 enumeration comma
    "\u3010": "[", "\u3011": "]", "\u300c": "[", "\u300d": "]", "\u3014": "(", "\u3015": ")",
})
# A number stands on its own: "1.2.3" is not the numbers 1.2 and .3.
_NUMBER = re.compile(r"(?<![\d.])[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\d.])")
_NOT_FINITE = re.compile(r"(?i)\b(?:nan|inf|infinity)\b|∞")
# Words a student may write around the numbers: "row 1, col 2", "H_out = 3",
# "第1行第2列", "答案：3.5".
_LABELS = re.compile(
    r"(?i)\b(?:rows?|cols?|columns?|cell|r|c|h|w|h_out|w_out|hout|wout|out|output|answer|ans|x|y|i|j)\b"
    r"|第|行|列|格|输出|答案|高|宽|是|为|等于|约"
)
_SEPARATORS = re.compile(r"[\s,;:=≈()\[\]{}<>]+")
# A lone comma between digits, nothing else: a decimal comma ("3,5"), or a
# thousands separator when exactly three digits follow ("1,000").
_DECIMAL_COMMA = re.compile(r"([-+]?\d+),(\d+)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


class Unreadable(ValueError):
    """The text is not an answer of the kind asked for.

    ``code`` is one of ``empty``, ``too_long``, ``not_number``,
    ``not_finite``, ``count`` (too many or too few numbers), ``not_whole``
    (a cell given with a fraction).
    """

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _normalize(text) -> str:
    if not isinstance(text, str):
        raise Unreadable("not_number")
    if len(text) > MAX_CHARS:
        raise Unreadable("too_long")
    s = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).strip()
    if not s:
        raise Unreadable("empty")
    if _NOT_FINITE.search(s):
        raise Unreadable("not_finite")
    return s


def _tokens(s: str) -> list[str]:
    """The numbers in ``s``; anything but numbers, separators and label words is refused."""
    found = _NUMBER.findall(s)
    rest = _NUMBER.sub(" ", s)
    rest = _LABELS.sub(" ", rest)
    if _SEPARATORS.sub("", rest):
        raise Unreadable("not_number")
    if not found:
        raise Unreadable("empty")
    if len(found) > MAX_NUMBERS:
        raise Unreadable("count")
    return found


def _finite(token: str) -> float:
    v = float(token)
    if not math.isfinite(v):
        raise Unreadable("not_finite")
    return v


def read_number(text) -> tuple[float, ...]:
    """One number, as every reading the text allows (one, or two for ``1,000``).

    ``"3,5"`` is read as 3.5 (a decimal comma); ``"1,000"`` as both 1.0 and
    1000.0, and a checker accepts either; ``"1,234.5"`` as 1234.5.

    >>> read_number(" −2.50 "), read_number("1,000"), read_number("H_out = 3")
    ((-2.5,), (1.0, 1000.0), (3.0,))
    """
    s = _normalize(text)
    m = _DECIMAL_COMMA.fullmatch(s)
    if m:
        whole, frac = m.groups()
        decimal = _finite(f"{whole}.{frac}")
        if len(frac) == 3 and len(whole.lstrip("+-")) <= 3:
            return (decimal, _finite(whole + frac))
        return (decimal,)
    s = _THOUSANDS.sub("", s) if "." in s else s
    found = _tokens(s)
    if len(found) != 1:
        raise Unreadable("count")
    return (_finite(found[0]),)


def read_cell(text) -> tuple[int, int]:
    """A cell as ``(row, column)``: two whole numbers, in that order.

    >>> read_cell("1 2"), read_cell("[0;3]"), read_cell("r2c0")
    ((1, 2), (0, 3), (2, 0))
    """
    found = _tokens(_normalize(text))
    if len(found) != 2:
        raise Unreadable("count")
    values = [_finite(tok) for tok in found]
    if any(v != int(v) for v in values):
        raise Unreadable("not_whole")
    return int(values[0]), int(values[1])


def read_numbers(text) -> tuple[float, ...]:
    """A list of numbers; commas, spaces, ``、`` and ``;`` separate them.

    >>> read_numbers("6, 8"), read_numbers("６，８"), read_numbers("2.5 -1")
    ((6.0, 8.0), (6.0, 8.0), (2.5, -1.0))
    """
    return tuple(_finite(tok) for tok in _tokens(_normalize(text)))
