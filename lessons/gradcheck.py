"""Check a pooling backward pass against finite differences (NumPy only).

The backward pass of a layer answers one question: if the loss is
``L(x) = sum(grad_output * pool(x))``, how does ``L`` change when one input
cell moves a little? A central finite difference answers the same question
by trying it, one cell at a time:

    dL/dx[r, c] ~ (L(x + eps at [r, c]) - L(x - eps at [r, c])) / (2 * eps)

Where the two answers agree, the backward pass is right. Max pooling has a
kink wherever a window holds two equal largest values (a tie): nudging either
one up makes it the winner, nudging it down hands the win to the other, so the
slope from the left and from the right differ. The central difference then
averages the two slopes and the check disagrees there, for a reason that has
nothing to do with a bug. :func:`tied_windows` finds those places.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import pool2d

__all__ = ["GradCheck", "numeric_gradient", "gradcheck", "tied_windows", "tie_cells"]

EPS = 1e-3  # inputs in the lessons are whole numbers, so no maximum changes within ±EPS


def numeric_gradient(x, grad_output, kernel_size, stride=None, padding=0, *, mode="max",
                     eps: float = EPS, **options) -> np.ndarray:
    """Central finite difference of ``sum(grad_output * pool2d(x, ...).output)``.

    Parameters
    ----------
    x : array_like, shape (H, W)
        The point where the slope is measured (taken as float64).
    grad_output : array_like, shape (H_out, W_out)
        The upstream gradient: the weight of each output cell in the loss.
    kernel_size, stride, padding, mode, **options
        Passed to :func:`pooling_core.pool2d` (e.g. ``count_include_pad``).
    eps : float
        Half the step of the difference.

    Returns
    -------
    ndarray, shape (H, W)
        The numeric gradient, to compare with ``pool2d(...).backward(grad_output)``.

    Examples
    --------
    >>> x = np.arange(1.0, 17.0).reshape(4, 4)
    >>> g = numeric_gradient(x, np.ones((2, 2)), 2, mode="avg")
    >>> np.round(g, 6)[0].tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    x = np.array(x, dtype=np.float64)
    g = np.asarray(grad_output, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"numeric_gradient needs a 2-D input (H, W), got shape {x.shape}")
    h, w = x.shape
    # One plane per input cell, that cell nudged: plane r * W + c moves cell (r, c).
    # Pooling all planes in one call is the same as looping over the cells.
    nudge = (np.eye(h * w) * eps).reshape(h * w, h, w)

    def losses(planes):
        out = pool2d(planes, kernel_size, stride, padding, mode=mode, **options).output
        return np.sum(g * out, axis=(-2, -1))

    return ((losses(x + nudge) - losses(x - nudge)) / (2 * eps)).reshape(h, w)


def _first_plane(a: np.ndarray, plane) -> np.ndarray:
    """The (H, W) plane ``plane`` of ``a`` (the first one by default)."""
    return a[(0,) * (a.ndim - 2) if plane is None else tuple(np.atleast_1d(plane).tolist())]


def _winners(res, plane):
    """Max pooling, every window at once: which of its real cells hold its maximum.

    Returns ``(winners, rows, cols)``: ``winners`` is (H_out, k_h, W_out, k_w)
    bool, tap ``(a, b)`` of window ``(i, j)`` reading input cell
    ``(rows[i, a], cols[j, b])``: the geometry's own tap positions.
    """
    g = res.geometry
    x, out = _first_plane(res.input, plane), _first_plane(res.output, plane)
    rows, cols = g.rows.taps(), g.cols.taps()
    real = g.rows.real_taps()[:, :, None, None] & g.cols.real_taps()[None, None, :, :]
    r, c = np.clip(rows, 0, x.shape[0] - 1), np.clip(cols, 0, x.shape[1] - 1)  # padding taps: masked by real
    values = x[r[:, :, None, None], c[None, None, :, :]]
    return real & (values == out[:, None, :, None]), rows, cols


def tied_windows(res, plane=None) -> np.ndarray:
    """(H_out, W_out) bool: max-pooling windows whose largest value occurs twice or more.

    All False for average pooling (it is smooth everywhere).
    """
    if res.mode != "max":
        return np.zeros(res.geometry.out_shape, dtype=bool)
    winners, _, _ = _winners(res, plane)
    return winners.sum(axis=(1, 3)) > 1


def tie_cells(res, plane=None) -> np.ndarray:
    """(H, W) bool: input cells that share the largest value of some tied window.

    These are the cells where a finite difference may disagree with the
    backward pass of max pooling.
    """
    cells = np.zeros(res.input.shape[-2:], dtype=bool)
    if res.mode != "max":
        return cells
    winners, rows, cols = _winners(res, plane)
    i, a, j, b = np.nonzero(winners & (winners.sum(axis=(1, 3)) > 1)[:, None, :, None])
    cells[rows[i, a], cols[j, b]] = True
    return cells


@dataclass(frozen=True)
class GradCheck:
    """Numeric and analytic gradients of one pooling call, side by side.

    Attributes
    ----------
    numeric, analytic, difference : ndarray, shape (H, W)
        ``difference = numeric - analytic``.
    max_abs_diff : float
    tied : ndarray of bool, shape (H_out, W_out)
        Windows with a tie for the maximum (max pooling only).
    tie_cells : ndarray of bool, shape (H, W)
        Input cells involved in a tie.
    """

    numeric: np.ndarray
    analytic: np.ndarray
    difference: np.ndarray
    max_abs_diff: float
    tied: np.ndarray
    tie_cells: np.ndarray

    @property
    def n_ties(self) -> int:
        return int(self.tied.sum())

    def agrees(self, tol: float = 1e-5) -> bool:
        return self.max_abs_diff <= tol


def gradcheck(res, grad_output, eps: float = EPS) -> GradCheck:
    """Compare ``res.backward(grad_output)`` with a finite difference.

    Parameters
    ----------
    res : pooling_core.PoolResult
        A pooling of a 2-D input (H, W).
    grad_output : array_like, shape ``res.output.shape``
    """
    if res.input.ndim != 2:
        raise ValueError(f"gradcheck needs a 2-D input (H, W), got shape {res.input.shape}")
    r, c = res.geometry.rows, res.geometry.cols
    analytic = np.asarray(res.backward(grad_output), dtype=np.float64)
    numeric = numeric_gradient(
        res.input, grad_output, (r.kernel, c.kernel), (r.stride, c.stride),
        (r.pad_before, r.pad_after, c.pad_before, c.pad_after), mode=res.mode,
        dilation=(r.dilation, c.dilation), ceil_mode=r.derivation.ceil_mode,
        count_include_pad=res.count_include_pad, eps=eps,
    )
    diff = numeric - analytic
    return GradCheck(numeric=numeric, analytic=analytic, difference=diff,
                     max_abs_diff=float(np.max(np.abs(diff))) if diff.size else 0.0,
                     tied=tied_windows(res), tie_cells=tie_cells(res))
