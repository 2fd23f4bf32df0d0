"""A student's own input grid: painted cell by cell, carried in the page's URL.

A drawing is an ``(H, W)`` float grid (1 <= H, W <= ``MAX_SIDE``, every value
finite and within ``MAX_ABS``). :func:`encode` writes it as a short URL-safe
code and :func:`decode` reads one back, treating the code as hostile: any
fault raises :class:`DrawError` with a ``code`` and ``fields`` a page
translates (``draw.err.<code>``), never anything else.

The code is ``<H>x<W><kind><body>``, only characters from ``[0-9A-Za-z._-]``:

* kind ``i`` (whole numbers from -61 to 61, what a palette paints): one
  base-62 digit per cell (``0-9``, ``a-z`` = 10..35, ``A-Z`` = 36..61), a
  leading ``-`` for a negative value, and ``_<digit>`` repeating the cell
  before it that many more times (run-length), e.g. ``2x3i9_20-1_2``;
* kind ``n`` (any other numbers, e.g. typed decimals): the numbers written out
  (``1.5``, ``-2``, ``1e-05``) in reading order, separated by ``_``.

:func:`resize` keeps the overlapping top-left part of a drawing when H or W
changes; :func:`paint` sets cells; :func:`selected_cells` reads the cells a
Plotly selection names. NumPy only (no streamlit).

>>> code = encode([[9, 9, 9], [0, -1, 0]])
>>> code
'2x3i9_20-10'
>>> decode(code).tolist()
[[9.0, 9.0, 9.0], [0.0, -1.0, 0.0]]
"""

from __future__ import annotations

import math
import re

import numpy as np

from .examples import MAX_ABS, MAX_SIDE

__all__ = ["DIGITS", "MAX_CODE", "DrawError", "encode", "decode", "resize", "paint", "selected_cells"]

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"  # base 62
MAX_CODE = 6000  # longest code read: 256 cells of long decimals fit, a flood does not
_HEADER = re.compile(r"([0-9]{1,3})x([0-9]{1,3})([a-z])")
_SAFE = re.compile(r"[0-9A-Za-z._-]*")
_NUMBER = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,17})?(e-?[0-9]{1,3})?")


class DrawError(ValueError):
    """A drawing code that cannot be read: ``code`` names the fault (the page
    shows ``draw.err.<code>``), ``fields`` fill in the message."""

    def __init__(self, code: str, **fields):
        super().__init__(f"{code}: {fields}")
        self.code, self.fields = code, fields


def _grid(values) -> np.ndarray:
    """``values`` as a float grid a drawing may hold (ValueError otherwise)."""
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 2 or not (1 <= arr.shape[0] <= MAX_SIDE and 1 <= arr.shape[1] <= MAX_SIDE):
        raise ValueError(f"a drawing must be a 2-D grid of 1 to {MAX_SIDE} rows and columns, got shape {arr.shape}")
    if not np.isfinite(arr).all() or np.abs(arr).max() > MAX_ABS:
        raise ValueError(f"a drawing holds finite numbers from -{MAX_ABS:g} to {MAX_ABS:g}")
    return arr


def _number(v: float) -> str:
    if v == round(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def encode(values) -> str:
    """The URL code of a grid (see the module's docstring); :func:`decode` inverts it exactly."""
    arr = _grid(values)
    h, w = arr.shape
    flat = arr.ravel()
    if (flat == np.round(flat)).all() and np.abs(flat).max() < len(DIGITS):
        body, i = [], 0
        while i < flat.size:
            j = i + 1
            while j < flat.size and flat[j] == flat[i] and j - i <= len(DIGITS) - 1:
                j += 1
            v = int(flat[i])
            body.append(("-" if v < 0 else "") + DIGITS[abs(v)] + (f"_{DIGITS[j - i - 1]}" if j - i > 1 else ""))
            i = j
        return f"{h}x{w}i{''.join(body)}"
    return f"{h}x{w}n" + "_".join(_number(v) for v in flat)


def _small_ints(body: str, n: int) -> list[float]:
    out: list[float] = []
    i = 0
    while i < len(body):
        sign = 1
        if body[i] == "-":
            sign, i = -1, i + 1
        if i >= len(body) or body[i] not in DIGITS:
            raise DrawError("bad_cell", cell=len(out) + 1)
        out.append(float(sign * DIGITS.index(body[i])))
        i += 1
        if i < len(body) and body[i] == "_":
            if i + 1 >= len(body) or body[i + 1] not in DIGITS:
                raise DrawError("bad_cell", cell=len(out))
            out.extend([out[-1]] * DIGITS.index(body[i + 1]))
            i += 2
        if len(out) > n:
            raise DrawError("count", expected=n, got=f"> {n}")
    return out


def _decimals(body: str) -> list[float]:
    out = []
    for k, token in enumerate(body.split("_") if body else [], start=1):
        if not _NUMBER.fullmatch(token):
            raise DrawError("bad_cell", cell=k)
        v = float(token)
        if not math.isfinite(v) or abs(v) > MAX_ABS:
            raise DrawError("too_large", cell=k, limit=_number(MAX_ABS))
        out.append(v)
    return out


def decode(code: str) -> np.ndarray:
    """The grid a code holds; raises :class:`DrawError` for anything else.

    >>> decode("2x2i0_3").tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    >>> decode("2x2n1.5_-2_0_1e-05").tolist()
    [[1.5, -2.0], [0.0, 1e-05]]
    """
    if not isinstance(code, str):
        raise DrawError("bad_header")
    if len(code) > MAX_CODE:
        raise DrawError("too_long", limit=MAX_CODE)
    if not _SAFE.fullmatch(code):
        raise DrawError("bad_chars")
    head = _HEADER.match(code)
    if head is None or head.group(3) not in "in":
        raise DrawError("bad_header")
    h, w = int(head.group(1)), int(head.group(2))
    if not (1 <= h <= MAX_SIDE and 1 <= w <= MAX_SIDE):
        raise DrawError("bad_size", h=h, w=w, limit=MAX_SIDE)
    body = code[head.end():]
    cells = _small_ints(body, h * w) if head.group(3) == "i" else _decimals(body)
    if len(cells) != h * w:
        raise DrawError("count", expected=h * w, got=len(cells))
    return np.array(cells, dtype=float).reshape(h, w)


def resize(drawing, h: int, w: int, fill) -> tuple[np.ndarray, tuple[int, int]]:
    """``drawing`` on an ``(h, w)`` grid: its top-left ``(rows, cols)`` overlap is
    kept, the other cells come from ``fill`` (an ``(h, w)`` grid or one number).

    Returns the new grid and the overlap's shape.

    >>> grid, kept = resize([[1, 2], [3, 4]], 3, 1, fill=0)
    >>> grid.tolist(), kept
    ([[1.0], [3.0], [0.0]], (2, 1))
    """
    old = _grid(drawing)
    out = np.array(np.broadcast_to(np.asarray(fill, dtype=float), (h, w)))
    rows, cols = min(h, old.shape[0]), min(w, old.shape[1])
    out[:rows, :cols] = old[:rows, :cols]
    return _grid(out), (rows, cols)


def paint(values, cells, value) -> np.ndarray:
    """A copy of ``values`` with each ``(row, col)`` of ``cells`` set to ``value``.

    >>> paint([[0, 0], [0, 0]], [(0, 1), (1, 0)], 9).tolist()
    [[0.0, 9.0], [9.0, 0.0]]
    """
    out = _grid(values).copy()
    value = float(value)
    if not math.isfinite(value) or abs(value) > MAX_ABS:
        raise ValueError(f"value must be a finite number from -{MAX_ABS:g} to {MAX_ABS:g}, got {value!r}")
    for r, c in cells:
        if not (0 <= r < out.shape[0] and 0 <= c < out.shape[1]):
            raise ValueError(f"cell ({r}, {c}) is outside the {out.shape[0]}x{out.shape[1]} grid")
        out[r, c] = value
    return out


def selected_cells(points, shape) -> list[tuple[int, int]]:
    """The ``(row, col)`` cells a Plotly selection names, for a figure that has
    one point per cell in reading order (``point_index`` = row * W + col).

    The selection comes from the browser, so anything that is not a whole
    in-range index is skipped; each cell appears once, in the order given.

    >>> selected_cells([{"point_index": 5}, {"point_index": "x"}, {"point_index": 99}, {}], (2, 3))
    [(1, 2)]
    """
    h, w = shape
    out: list[tuple[int, int]] = []
    for point in points if isinstance(points, (list, tuple)) else ():
        k = point.get("point_index") if isinstance(point, dict) else None
        if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k < h * w:
            continue
        cell = divmod(k, w)
        if cell not in out:
            out.append(cell)
    return out
