"""Small input grids for the lessons, and a plain-text form a student can edit.

NumPy only (no streamlit, no plotly), so any page may import it.

>>> preset("ramp", 2, 3).tolist()
[[1, 2, 3], [4, 5, 6]]
>>> parse_grid("1 2\\n3, 4.5", 2, 2).tolist()
[[1.0, 2.0], [3.0, 4.5]]
"""

from __future__ import annotations

import math
import re

import numpy as np

__all__ = [
    "PRESETS", "MAX_SIDE", "SEED_MAX", "MAX_ABS", "GridError",
    "ramp", "random_ints", "checker", "edge", "face", "preset", "eye_feature_map",
    "format_grid", "parse_grid",
]

PRESETS = ("ramp", "random", "checker", "edge", "face")
MAX_SIDE = 16  # the largest grid a lesson draws
SEED_MAX = 9999  # the random presets' seeds run from 0 to this
MAX_ABS = 1e6  # larger numbers make unreadable cells and sums that lose precision
HIGH = 9  # bright value of the patterns; random values are 0..HIGH

# A face on an 8x8 canvas: two eyes, a nose, a smiling mouth. Left-right
# symmetric; other sizes are sampled from it (see face()).
_FACE = np.array([
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 9, 9, 0, 0, 9, 9, 0],
    [0, 9, 9, 0, 0, 9, 9, 0],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 5, 5, 0, 0, 0],
    [0, 0, 0, 5, 5, 0, 0, 0],
    [0, 7, 0, 0, 0, 0, 7, 0],
    [0, 0, 7, 7, 7, 7, 0, 0],
])


def _check_size(h, w) -> tuple[int, int]:
    for name, v in (("h", h), ("w", w)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 1 <= v <= MAX_SIDE:
            raise ValueError(f"{name} must be a whole number from 1 to {MAX_SIDE}, got {v!r}")
    return int(h), int(w)


def ramp(h: int, w: int) -> np.ndarray:
    """``1 .. h*w`` in reading order (the tutorial's 4x4 figure when h = w = 4)."""
    h, w = _check_size(h, w)
    return np.arange(1, h * w + 1, dtype=np.int64).reshape(h, w)


def random_ints(h: int, w: int, seed: int = 0) -> np.ndarray:
    """Whole numbers 0..9; the same ``seed`` always gives the same grid."""
    h, w = _check_size(h, w)
    return np.random.default_rng(int(seed)).integers(0, HIGH + 1, size=(h, w), dtype=np.int64)


def checker(h: int, w: int) -> np.ndarray:
    """A checkerboard of 9 and 0, with 9 in the top-left corner."""
    h, w = _check_size(h, w)
    r, c = np.indices((h, w))
    return np.where((r + c) % 2 == 0, HIGH, 0).astype(np.int64)


def edge(h: int, w: int) -> np.ndarray:
    """A vertical step edge: 0 on the left, 9 from column ``w // 2`` on.

    A grid one column wide has no room for an edge across it, so it gets a
    horizontal edge instead (0 on top, 9 from row ``h // 2`` on).
    """
    h, w = _check_size(h, w)
    out = np.zeros((h, w), dtype=np.int64)
    if w > 1:
        out[:, w // 2:] = HIGH
    else:
        out[h // 2:, :] = HIGH
    return out


def face(h: int, w: int) -> np.ndarray:
    """A small face (eyes 9, nose 5, mouth 7, background 0), sampled to ``h x w``.

    Nearest-cell sampling of an 8x8 drawing; the right half is then the
    mirror image of the left, so the face stays symmetric at every size.
    """
    h, w = _check_size(h, w)
    src_r = ((np.arange(h) + 0.5) * _FACE.shape[0] / h).astype(int)
    src_c = ((np.arange(w) + 0.5) * _FACE.shape[1] / w).astype(int)
    out = _FACE[np.ix_(src_r, src_c)].copy()
    half = w // 2
    out[:, w - half:] = out[:, :half][:, ::-1]
    return out


def preset(name: str, h: int, w: int, seed: int = 0) -> np.ndarray:
    """The preset grid ``name`` (one of :data:`PRESETS`) of shape ``(h, w)``."""
    builders = {"ramp": ramp, "checker": checker, "edge": edge, "face": face}
    if name == "random":
        return random_ints(h, w, seed)
    if name not in builders:
        raise ValueError(f"preset must be one of {', '.join(PRESETS)}, got {name!r}")
    return builders[name](h, w)


def eye_feature_map() -> np.ndarray:
    """An 8×8 made-up feature map: the response of an "eye detector" on a face,
    strong at a left eye (row 1, col 1) and a right eye (row 1, col 6), weak
    elsewhere (lesson 1's picture)."""
    return np.array([
        [0, 1, 0, 0, 0, 0, 1, 0],
        [1, 8, 3, 0, 0, 2, 9, 1],
        [0, 3, 2, 0, 0, 1, 3, 0],
        [0, 0, 0, 1, 1, 0, 0, 0],
        [0, 0, 0, 1, 1, 0, 0, 0],
        [0, 1, 0, 0, 0, 0, 1, 0],
        [0, 0, 2, 1, 1, 2, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0],
    ], dtype=float)


def _number_text(v) -> str:
    v = float(v)
    if v == round(v) and abs(v) < 1e15:
        return str(int(round(v)))
    return repr(v)


def format_grid(values) -> str:
    """One line per row, numbers separated by spaces: the text a student edits."""
    arr = np.asarray(values)
    if arr.ndim != 2:
        raise ValueError(f"values must be a 2-D grid, got shape {arr.shape}")
    return "\n".join(" ".join(_number_text(v) for v in row) for row in arr)


class GridError(ValueError):
    """The edited grid cannot be read. ``code`` names the problem; ``fields``
    hold the numbers a translated message needs (1-based row numbers)."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        super().__init__(f"{code}: {fields}")


_SEPARATORS = re.compile(r"[\s,;]+")


def parse_grid(text: str, h: int, w: int) -> np.ndarray:
    """Read ``h`` rows of ``w`` numbers (spaces, commas or semicolons between
    numbers, one row per line; blank lines are skipped).

    Returns a float64 ``(h, w)`` array. Raises :class:`GridError` with one of
    the codes ``empty``, ``too_big``, ``row_count``, ``row_length``,
    ``not_number``, ``not_finite``, ``too_large``.

    >>> parse_grid("1 2 3", 2, 3)
    Traceback (most recent call last):
    ...
    lessons.examples.GridError: row_count: {'expected': 2, 'got': 1}
    """
    h, w = _check_size(h, w)
    lines = [line.strip() for line in str(text).splitlines()]
    rows = [[tok for tok in _SEPARATORS.split(line) if tok] for line in lines if line]
    if not rows:
        raise GridError("empty", expected_rows=h, expected_cols=w)
    widest = max(len(r) for r in rows)
    if len(rows) > MAX_SIDE or widest > MAX_SIDE:
        raise GridError("too_big", limit=MAX_SIDE)
    if len(rows) != h:
        raise GridError("row_count", expected=h, got=len(rows))
    out = np.empty((h, w), dtype=np.float64)
    for i, row in enumerate(rows):
        if len(row) != w:
            raise GridError("row_length", row=i + 1, expected=w, got=len(row))
        for j, tok in enumerate(row):
            try:
                v = float(tok.replace("−", "-"))
            except ValueError:
                raise GridError("not_number", row=i + 1, col=j + 1, token=tok[:12]) from None
            if not math.isfinite(v):
                raise GridError("not_finite", row=i + 1, col=j + 1, token=tok[:12])
            if abs(v) > MAX_ABS:
                raise GridError("too_large", row=i + 1, col=j + 1, limit=_number_text(MAX_ABS))
            out[i, j] = v
    return out
