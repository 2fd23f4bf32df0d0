"""The translation-invariance lesson's logic: its example scenes, the shift
the student picks, and how many pooled outputs survive it.

Each pattern is a 6×6 input in the middle of a 12×12 *scene*: shifting the
input by up to 3 pixels brings the neighbouring scene content into view (see
:func:`lessons.shift.shifted_view`). The patterns:

* ``figure3``: like the tutorial's figure 3. Every 3×3 window's maximum sits
  away from the window's right edge, so a one-pixel shift to the right leaves
  the 2×2 max-pooled output unchanged (a shift to the left does not).
* ``boundary``: a bright bar on the right edge of the left windows; a
  one-pixel shift right carries it across the window boundary.
* ``enter``: mild values with a 9 waiting just outside each edge; the shift
  that brings it in changes one output.
* ``noise``: deterministic pseudo-random values 0..9.

:func:`compute` turns the page's :class:`Settings` into an
:class:`InvarianceView`. NumPy only; no plotly, no streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import PoolResult, pool2d

from .i18n import Key
from .shift import changed_cells, entering_mask, shift, shift_sweep, shifted_view

MARGIN = 3  # scene content around the input: the largest shift the page offers
SIZE = 6
MODES = ("max", "avg")
SHIFTS = tuple(range(-MARGIN, MARGIN + 1))  # the horizontal shifts of the sweep


def _noise(shape, seed: int, high: int) -> np.ndarray:
    """Integers ``0..high`` from a fixed linear congruential generator, so the
    patterns never depend on NumPy's random streams."""
    n = int(np.prod(shape))
    out = np.empty(n)
    state = seed
    for i in range(n):
        state = (1103515245 * state + 12345) % 2**31
        out[i] = (state >> 16) % (high + 1)
    return out.reshape(shape)


def _scene(view, *, seed: int, outside=()) -> np.ndarray:
    """A scene of small background values (0..2) with ``view`` in the middle and
    ``outside`` = ((row, col, value), ...) placed in view coordinates."""
    scene = _noise((SIZE + 2 * MARGIN,) * 2, seed, 2)
    scene[MARGIN:MARGIN + SIZE, MARGIN:MARGIN + SIZE] = np.asarray(view, dtype=float)
    for r, c, v in outside:
        scene[MARGIN + r, MARGIN + c] = v
    return scene


FIGURE3_VIEW = (
    (1, 8, 2, 0, 1, 3),
    (3, 2, 3, 7, 2, 1),
    (0, 1, 0, 2, 1, 0),
    (2, 2, 3, 1, 0, 2),
    (9, 2, 1, 3, 6, 1),
    (1, 0, 2, 1, 2, 0),
)
BOUNDARY_VIEW = (
    (0, 1, 2, 1, 1, 0),
    (1, 0, 9, 1, 0, 2),
    (2, 2, 8, 0, 1, 0),
    (1, 0, 9, 0, 0, 1),
    (0, 1, 7, 0, 2, 0),
    (2, 0, 1, 1, 0, 1),
)
ENTER_VIEW = (
    (1, 4, 2, 1, 1, 3),
    (3, 1, 1, 5, 2, 1),
    (0, 1, 0, 2, 1, 0),
    (2, 3, 3, 1, 0, 2),
    (5, 2, 1, 3, 4, 1),
    (1, 0, 2, 1, 2, 0),
)

# Background seeds chosen so that, at the default 3x3 windows and stride 3, no
# horizontal shift leaves an average unchanged by coincidence (small integers
# make equal sums easy); the test suite checks this.
PATTERNS = {
    "figure3": _scene(FIGURE3_VIEW, seed=155),
    "boundary": _scene(BOUNDARY_VIEW, seed=947),
    # A 9 just left of row 1, above column 4, right of row 4 and below column 1.
    "enter": _scene(ENTER_VIEW, seed=939, outside=((1, -1, 9), (-1, 4, 9), (4, SIZE, 9), (SIZE, 1, 9))),
    "noise": _noise((SIZE + 2 * MARGIN,) * 2, 2024, 9),
}


def pattern_scene(name: str) -> np.ndarray:
    """A copy of the ``(12, 12)`` scene of pattern ``name``."""
    if name not in PATTERNS:
        raise ValueError(f"pattern must be one of {sorted(PATTERNS)}, got {name!r}")
    return PATTERNS[name].copy()


def pattern_view(name: str) -> np.ndarray:
    """The ``(SIZE, SIZE)`` input of pattern ``name``, before any shift (what a drawing starts from)."""
    return shifted_view(pattern_scene(name), MARGIN)


@dataclass(frozen=True)
class Settings:
    """What the page's widgets choose; the defaults are the widgets' defaults.

    ``zeros``: the cells a shift vacates are filled with 0 instead of the
    scene's neighbouring content. ``drawing``: a student's own ``(SIZE, SIZE)``
    input, row by row, in the middle of the pattern's scene (None: the pattern's).
    """

    pattern: str = "figure3"
    mode: str = "max"
    zeros: bool = False
    dx: int = 1
    dy: int = 0
    kernel: int = 3
    stride: int = 3
    drawing: tuple[tuple[float, ...], ...] | None = None


@dataclass(frozen=True, eq=False)
class InvarianceView:
    """Everything the invariance page shows, for one :class:`Settings`.

    Text is ``(translation key, fields)``; a field may be a
    :class:`~lessons.i18n.Key` (see :func:`lessons.i18n.t`).
    """

    settings: Settings
    original: np.ndarray  # (SIZE, SIZE) input before the shift
    moved: np.ndarray  # ... and after it
    entering: np.ndarray  # bool (SIZE, SIZE): cells the shift filled with new content
    before: PoolResult  # pooled original
    after: PoolResult  # pooled moved input
    changed_mask: np.ndarray  # bool, shape of the output: the cells that differ
    shares: dict[str, tuple[float, ...]]  # mode -> share of unchanged outputs for each of SHIFTS (dy kept)
    pattern_note: str  # key
    fill_note: str  # key
    shifted_title: tuple[str, dict]
    verdict: tuple[str, dict]  # "inv.summary_same" or "inv.summary_changed"
    both_modes: tuple[str, dict]  # the chosen shift's unchanged share under each mode
    sweep_caption: tuple[str, dict]

    @property
    def changed(self) -> int:
        """How many output values the shift changed."""
        return int(self.changed_mask.sum())


def _pct(share: float) -> str:
    return f"{share:.0%}"


def compute(settings: Settings) -> InvarianceView:
    """Shift the chosen pattern by ``(dx, dy)``, pool it before and after, and
    sweep every horizontal shift under both modes.

    >>> view = compute(Settings())
    >>> view.before.output.tolist(), view.after.output.tolist(), view.changed
    ([[8.0, 7.0], [9.0, 6.0]], [[8.0, 7.0], [9.0, 6.0]], 0)
    >>> view.shares["max"]
    (0.0, 0.0, 0.5, 1.0, 1.0, 0.25, 0.0)
    """
    s = settings
    if s.mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {s.mode!r}")
    if s.dx not in SHIFTS or s.dy not in SHIFTS:
        raise ValueError(f"dx and dy must be whole numbers from {-MARGIN} to {MARGIN}, got ({s.dx!r}, {s.dy!r})")
    scene = pattern_scene(s.pattern)
    if s.drawing is not None:
        drawn = np.asarray(s.drawing, dtype=float)
        if drawn.shape != (SIZE, SIZE):
            raise ValueError(f"drawing must be {SIZE}x{SIZE}, got shape {drawn.shape}")
        scene[MARGIN:MARGIN + SIZE, MARGIN:MARGIN + SIZE] = drawn
    fill = 0.0 if s.zeros else None
    original = shifted_view(scene, MARGIN)
    moved = shift(original, s.dx, s.dy, fill=0.0) if s.zeros else shifted_view(scene, MARGIN, s.dx, s.dy)
    before = pool2d(original, s.kernel, s.stride, mode=s.mode)
    after = pool2d(moved, s.kernel, s.stride, mode=s.mode)
    changed_mask = changed_cells(before.output, after.output)
    changed = int(changed_mask.sum())
    shares = {m: tuple(shift_sweep(scene, MARGIN, [(d, s.dy) for d in SHIFTS],
                                   lambda x, m=m: pool2d(x, s.kernel, s.stride, mode=m).output, fill=fill))
              for m in MODES}
    now = {m: shares[m][SHIFTS.index(s.dx)] for m in MODES}
    mode_name, n = Key(f"common.{s.mode}"), after.output.size
    return InvarianceView(
        settings=s,
        original=original,
        moved=moved,
        entering=entering_mask(moved.shape, s.dx, s.dy),
        before=before,
        after=after,
        changed_mask=changed_mask,
        shares=shares,
        pattern_note="draw.inv_note" if s.drawing is not None else f"inv.note.{s.pattern}",
        fill_note="inv.fill_note.zeros" if s.zeros else "inv.fill_note.scene",
        shifted_title=("inv.shifted", {"dx": s.dx, "dy": s.dy}),
        verdict=(("inv.summary_changed", {"mode": mode_name, "changed": changed, "n": n}) if changed
                 else ("inv.summary_same", {"mode": mode_name, "n": n})),
        both_modes=("inv.both_modes", {"max_pct": _pct(now["max"]), "avg_pct": _pct(now["avg"])}),
        sweep_caption=("inv.sweep_caption", {"dy": s.dy}),
    )
