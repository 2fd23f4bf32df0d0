"""Shifting an input and counting which pooled outputs stay the same.

The translation-invariance lesson moves a pattern by a few pixels and asks
how many pooled values survive. Two ways to fill the cells a shift vacates:

* ``shift(x, dx, dy, fill=0.0)``: whatever leaves the grid is lost and
  ``fill`` (zeros by default) enters;
* ``shifted_view(scene, margin, dx, dy)``: the input is the centre of a
  larger *scene*, and a shift shows the scene's neighbouring content, as when
  an object moves inside a bigger picture (the tutorial's figure 3, where a
  new column enters on the left).

Sign convention: ``dx > 0`` moves the content right, ``dy > 0`` moves it down.
NumPy only; the pooling itself is passed in as a function, so this module
does not depend on how it is computed.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable

import numpy as np

__all__ = ["shift", "shifted_view", "entering_mask", "changed_cells", "unchanged_share",
           "shift_sweep"]


def _whole(name: str, value) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number of pixels, got {value!r}")
    return int(value)


def _span(d: int, n: int) -> tuple[slice, slice]:
    """(source, destination) slices along one axis of length ``n`` for a shift by ``d``."""
    d = max(-n, min(n, d))
    if d >= 0:
        return slice(0, n - d), slice(d, n)
    return slice(-d, n), slice(0, n + d)


def shift(x, dx: int = 0, dy: int = 0, *, fill=0.0) -> np.ndarray:
    """Move the content of a 2-D array ``dx`` cells right and ``dy`` cells down.

    Parameters
    ----------
    x : (H, W) array_like
    dx, dy : int
        Negative values move left / up. A shift of the whole width or more
        leaves only ``fill``.
    fill : float
        Value of the cells the shift vacates.

    Returns
    -------
    (H, W) float array: the shape is kept, content pushed over the edge is lost.

    Examples
    --------
    >>> shift([[1, 2, 3], [4, 5, 6]], 1).tolist()
    [[0.0, 1.0, 2.0], [0.0, 4.0, 5.0]]
    >>> shift([[1, 2, 3], [4, 5, 6]], -1, 1, fill=9).tolist()
    [[9.0, 9.0, 9.0], [2.0, 3.0, 9.0]]
    """
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"x must be a 2-D array, got shape {arr.shape}")
    dx, dy = _whole("dx", dx), _whole("dy", dy)
    out = np.full(arr.shape, float(fill))
    (src_r, dst_r), (src_c, dst_c) = _span(dy, arr.shape[0]), _span(dx, arr.shape[1])
    out[dst_r, dst_c] = arr[src_r, src_c]
    return out


def shifted_view(scene, margin: int, dx: int = 0, dy: int = 0) -> np.ndarray:
    """The ``(H, W)`` centre of ``scene`` after its content moved by ``(dx, dy)``.

    ``scene`` has shape ``(H + 2*margin, W + 2*margin)``; the unshifted input
    is ``scene[margin:-margin, margin:-margin]``. Moving the content right by
    ``dx`` brings the ``dx`` scene columns just left of the input into view.

    Examples
    --------
    >>> scene = np.arange(16).reshape(4, 4)      # a 2x2 input with margin 1
    >>> shifted_view(scene, 1).tolist()
    [[5.0, 6.0], [9.0, 10.0]]
    >>> shifted_view(scene, 1, dx=1).tolist()    # column 0 of the scene enters
    [[4.0, 5.0], [8.0, 9.0]]
    """
    arr = np.asarray(scene, dtype=float)
    margin, dx, dy = _whole("margin", margin), _whole("dx", dx), _whole("dy", dy)
    if arr.ndim != 2:
        raise ValueError(f"scene must be a 2-D array, got shape {arr.shape}")
    h, w = arr.shape[0] - 2 * margin, arr.shape[1] - 2 * margin
    if margin < 0 or h < 1 or w < 1:
        raise ValueError(f"margin={margin} leaves no input inside a scene of shape {arr.shape}")
    if abs(dx) > margin or abs(dy) > margin:
        raise ValueError(f"a shift of ({dx}, {dy}) needs a margin of at least "
                         f"{max(abs(dx), abs(dy))}, the scene has {margin}")
    top, left = margin - dy, margin - dx
    return arr[top:top + h, left:left + w].copy()


def entering_mask(shape, dx: int = 0, dy: int = 0) -> np.ndarray:
    """True at the cells a shift by ``(dx, dy)`` fills with new content.

    >>> entering_mask((2, 3), dx=1).astype(int).tolist()
    [[1, 0, 0], [1, 0, 0]]
    """
    h, w = shape
    kept = shift(np.ones((h, w)), dx, dy, fill=0.0)
    return kept == 0.0


def changed_cells(before, after, *, atol: float = 1e-9) -> np.ndarray:
    """Boolean mask: True where ``after`` differs from ``before`` by more than ``atol``.

    >>> changed_cells([[8, 7], [9, 6]], [[8, 7], [9, 5]]).tolist()
    [[False, False], [False, True]]
    """
    a, b = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"outputs to compare must have the same shape, got {a.shape} and {b.shape}")
    return ~np.isclose(a, b, rtol=0.0, atol=atol, equal_nan=True)


def unchanged_share(before, after, *, atol: float = 1e-9) -> float:
    """Fraction of cells (0 to 1) where ``after`` equals ``before``.

    >>> unchanged_share([[8, 7], [9, 6]], [[8, 7], [9, 5]])
    0.75
    """
    changed = changed_cells(before, after, atol=atol)
    return int(np.count_nonzero(~changed)) / changed.size if changed.size else 1.0


def shift_sweep(scene, margin: int, shifts: Iterable[tuple[int, int]],
                pool: Callable[[np.ndarray], np.ndarray], *, fill: float | None = None) -> list[float]:
    """For every ``(dx, dy)`` in ``shifts``, the share of ``pool``'s outputs unchanged.

    Parameters
    ----------
    scene, margin
        As in :func:`shifted_view`.
    shifts : iterable of (dx, dy)
    pool : function from an (H, W) input to its pooled output
    fill : float, optional
        None: new scene content enters (:func:`shifted_view`). A number: the
        centre is shifted with :func:`shift` and this value enters instead.

    Examples
    --------
    >>> scene = np.zeros((5, 5)); scene[2, 2] = 1   # one bright pixel, margin 1
    >>> row_max = lambda x: x.max(axis=1)
    >>> shift_sweep(scene, 1, [(0, 0), (1, 0), (0, 1)], row_max)
    [1.0, 1.0, 0.3333333333333333]
    """
    base_input = shifted_view(scene, margin)
    before = pool(base_input)
    shares = []
    for dx, dy in shifts:
        moved = shifted_view(scene, margin, dx, dy) if fill is None else shift(base_input, dx, dy, fill=fill)
        shares.append(unchanged_share(before, pool(moved)))
    return shares
