"""Reading the arguments: the input array, whole numbers, ``(h, w)`` pairs and
every spelling of padding (PyTorch's, TensorFlow's ``"SAME"``, PaddlePaddle's).

Each reader checks one argument up front and raises ``ValueError`` (or
``TypeError`` for an input that does not hold real numbers) naming the
argument, what it got and what would do.
"""

from __future__ import annotations

import numbers

import numpy as np

from .errors import PoolingError

__all__ = [
    "as_input",
    "real_array",
    "as_int",
    "as_pair",
    "same_padding",
    "paddle_padding",
    "normalize_padding",
]


def real_array(x, name: str = "x") -> np.ndarray:
    """Return ``x`` as an array of real numbers: float arrays keep their dtype,
    integer arrays become float64; anything else is a ``TypeError``.

    >>> real_array([[1, 2]]).dtype
    dtype('float64')
    """
    arr = np.asarray(x)
    if arr.dtype == np.bool_ or arr.dtype.kind not in "fiu":
        raise TypeError(
            f"{name} must hold real numbers (float or int), got dtype {arr.dtype}; "
            f"convert it with np.asarray({name}, dtype=float)"
        )
    if arr.dtype.kind in "iu":
        arr = arr.astype(np.float64)
    return arr


def as_input(x, name: str = "x") -> np.ndarray:
    """Check a pooling input: real numbers (see :func:`real_array`) of shape
    ``(H, W)``, ``(C, H, W)`` or ``(N, C, H, W)``."""
    arr = real_array(x, name)
    if arr.ndim not in (2, 3, 4):
        raise PoolingError(
            f"{name} must have shape (H, W), (C, H, W) or (N, C, H, W), got {arr.ndim} "
            f"dimension(s) with shape {arr.shape}",
            "input_ndim", name=name, ndim=arr.ndim, shape=arr.shape,
        )
    return arr


def as_int(value, name: str) -> int:
    """Return ``value`` as a Python int, or raise ``ValueError`` naming ``name``.

    Python and NumPy integers pass; ``bool``, ``2.0`` and ``"2"`` do not.

    >>> as_int(np.int64(3), "k")
    3
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise PoolingError(
            f"{name} must be a whole number, got {value!r} ({type(value).__name__}); "
            f"pass an int such as 2",
            "not_whole", name=name, value=value,
        )
    return int(value)


def _items(value) -> list:
    if isinstance(value, np.ndarray):
        return list(np.asarray(value, dtype=object).ravel())
    return list(value)


def as_pair(value, name: str, *, minimum: int = 1) -> tuple[int, int]:
    """Read an int or an ``(h, w)`` pair, each at least ``minimum``.

    >>> as_pair(2, "kernel_size")
    (2, 2)
    >>> as_pair((3, 1), "stride")
    (3, 1)
    """
    if isinstance(value, (tuple, list, np.ndarray)):
        items = _items(value)
        if len(items) != 2:
            raise PoolingError(
                f"{name} must be an int or a pair (h, w), got {value!r} with {len(items)} entries",
                "not_pair", name=name, value=value, count=len(items),
            )
        pair = (as_int(items[0], f"{name}[0]"), as_int(items[1], f"{name}[1]"))
    else:
        v = as_int(value, name)
        pair = (v, v)
    for axis, v in zip("hw", pair):
        if v < minimum:
            raise PoolingError(
                f"{name} must be at least {minimum} on every axis, got {value!r} "
                f"({axis} = {v}); use {name}={minimum} or more",
                "too_small", name=name, minimum=minimum, value=v,
            )
    return pair


def same_padding(size: int, kernel: int, stride: int, dilation: int = 1) -> tuple[int, int]:
    """TensorFlow's (and PaddlePaddle's) ``"SAME"`` padding for one axis.

    The output keeps ``ceil(size / stride)`` cells; the padding needed for that
    is split in two with the odd extra cell going *after* (bottom or right).

    Returns
    -------
    (pad_before, pad_after)

    >>> same_padding(5, 2, 2)      # out = 3 needs 1 extra cell, at the end
    (0, 1)
    >>> same_padding(4, 3, 1)
    (1, 1)
    """
    size = as_int(size, "size")
    kernel, stride, dilation = (as_int(v, n) for v, n in ((kernel, "kernel"), (stride, "stride"), (dilation, "dilation")))
    if size < 1 or kernel < 1 or stride < 1 or dilation < 1:
        name, value = next((n, v) for n, v in (("size", size), ("kernel", kernel), ("stride", stride),
                                               ("dilation", dilation)) if v < 1)
        raise PoolingError(
            f"same_padding needs size, kernel, stride and dilation >= 1, got "
            f"size={size}, kernel={kernel}, stride={stride}, dilation={dilation}",
            "too_small", name=name, minimum=1, value=value,
        )
    out = -(-size // stride)
    span = (kernel - 1) * dilation + 1
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def paddle_padding(padding, *, input_size=None, kernel_size=None, stride=None, dilation=1):
    """Translate PaddlePaddle's padding spellings into ``(top, bottom, left, right)``.

    Parameters
    ----------
    padding : str or nested list
        ``[[0, 0], [0, 0], [pt, pb], [pl, pr]]`` (NCHW, one pair per dimension),
        ``[pt, pb, pl, pr]``, ``[ph, pw]``, an int, or the strings ``"SAME"`` /
        ``"VALID"``.
    input_size, kernel_size, stride, dilation : int or (h, w)
        Needed only for ``"SAME"``, whose padding depends on them.

    >>> paddle_padding([[0, 0], [0, 0], [1, 2], [0, 1]])
    (1, 2, 0, 1)
    >>> paddle_padding("SAME", input_size=(5, 5), kernel_size=2, stride=2)
    (0, 1, 0, 1)
    """
    if isinstance(padding, str):
        word = padding.strip().upper()
        if word == "VALID":
            return (0, 0, 0, 0)
        if word == "SAME":
            if input_size is None or kernel_size is None:
                raise PoolingError(
                    'padding="SAME" needs input_size and kernel_size to work out the padding',
                    "same_needs_sizes",
                )
            (h, w) = as_pair(input_size, "input_size")
            (kh, kw) = as_pair(kernel_size, "kernel_size")
            (sh, sw) = as_pair(kernel_size if stride is None else stride, "stride")
            (dh, dw) = as_pair(dilation, "dilation")
            return same_padding(h, kh, sh, dh) + same_padding(w, kw, sw, dw)
        raise PoolingError(f'padding string must be "SAME" or "VALID", got {padding!r}',
                           "padding_word", value=padding)
    if isinstance(padding, (list, tuple)) and len(padding) == 4 and all(
        isinstance(p, (list, tuple)) for p in padding
    ):
        pairs = [tuple(p) for p in padding]
        if any(len(p) != 2 for p in pairs):
            raise PoolingError(f"padding pairs must have two entries each, got {padding!r}",
                               "padding_pairs", value=padding)
        if any(as_int(v, "padding") != 0 for v in pairs[0] + pairs[1]):
            raise PoolingError(
                f"padding of the batch and channel dimensions must be [0, 0], got {padding!r}",
                "padding_batch", value=padding,
            )
        return normalize_padding(pairs[2] + pairs[3])
    return normalize_padding(padding)


def normalize_padding(padding) -> tuple[int, int, int, int]:
    """Read ``padding`` as ``(top, bottom, left, right)``.

    Accepts an int (all four sides), ``(p_h, p_w)`` (top = bottom = p_h,
    left = right = p_w) or ``(top, bottom, left, right)``: the tutorial's
    p_h1, p_h2, p_w1, p_w2.

    >>> normalize_padding((1, 2))
    (1, 1, 2, 2)
    """
    if isinstance(padding, (tuple, list, np.ndarray)):
        items = _items(padding)
        if len(items) == 2:
            ph, pw = (as_int(v, "padding") for v in items)
            pads = (ph, ph, pw, pw)
        elif len(items) == 4:
            pads = tuple(as_int(v, "padding") for v in items)
        else:
            raise PoolingError(
                f"padding must be an int, (p_h, p_w) or (top, bottom, left, right), "
                f"got {padding!r} with {len(items)} entries",
                "padding_count", value=padding, count=len(items),
            )
    else:
        p = as_int(padding, "padding")
        pads = (p, p, p, p)
    if min(pads) < 0:
        raise PoolingError(f"padding must not be negative, got {padding!r}; use 0 for no padding",
                           "padding_negative", value=min(pads))
    return pads
