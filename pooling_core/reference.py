"""Naive, loop-based reference implementation of 2-D pooling and k-max pooling.

This module is the "obviously correct" twin of the fast, vectorized engine in
:mod:`pooling_core`. Every result here is computed straight from the written
definitions with plain Python loops, one window and one cell at a time, in the
style of a textbook ``pool2d``. It is slow on purpose: its job is to be easy to
read and to check by hand, so that the test-suite can compare the fast code
against it.

It deliberately imports nothing from the rest of :mod:`pooling_core`, so that
a mistake in the fast code cannot leak into the reference and hide itself.

Conventions (the same as PyTorch's ``max_pool2d`` / ``avg_pool2d``):

* An input is a real array of shape ``(H, W)``, ``(C, H, W)`` or
  ``(N, C, H, W)``; the last two axes form one *plane* and every plane is
  pooled on its own.
* Along one axis, window ``o`` starts at ``o * stride - pad_before`` (in input
  coordinates, so it may be negative) and its *taps* are
  ``start + j * dilation`` for ``j`` in ``range(kernel)``.
* A tap is *real* when it lands inside the input (``0 <= tap < size``);
  otherwise it lands in the padding.
"""

import math

import numpy as np

__all__ = [
    "pool2d_reference",
    "pool2d_backward_reference",
    "pool2d_windows_reference",
    "output_size_reference",
    "kmax_reference",
    "kmax_backward_reference",
]

MODES = ("max", "avg")


# ---------------------------------------------------------------------------
# Checking and normalising the arguments
# ---------------------------------------------------------------------------


def _is_integer(value):
    """Tell whether ``value`` is a plain integer (``bool`` does not count).

    Parameters
    ----------
    value : object
        Anything.

    Returns
    -------
    bool
        True for Python and NumPy integers, False for everything else
        (floats such as ``2.0``, booleans, strings, ...).
    """
    if isinstance(value, (bool, np.bool_)):
        return False
    return isinstance(value, (int, np.integer))


def _check_integer(name, value, minimum):
    """Return ``value`` as an ``int`` after checking it is an integer >= minimum.

    Parameters
    ----------
    name : str
        Parameter name, used in the error message.
    value : object
        The value to check.
    minimum : int
        Smallest allowed value.

    Returns
    -------
    int
        The checked value.

    Raises
    ------
    ValueError
        If ``value`` is not an integer or is smaller than ``minimum``.
    """
    if not _is_integer(value):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return int(value)


def _pair(name, value, minimum):
    """Turn an int or an ``(h, w)`` pair into a checked ``(h, w)`` tuple.

    Parameters
    ----------
    name : str
        Parameter name, used in error messages.
    value : int or tuple of two ints
        One value for both axes, or one value per axis.
    minimum : int
        Smallest allowed value.

    Returns
    -------
    tuple of int
        ``(value_for_rows, value_for_columns)``.

    Raises
    ------
    ValueError
        If the value is not an int or a pair of ints >= ``minimum``.
    """
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair, got {value!r}")
        return (_check_integer(name, value[0], minimum),
                _check_integer(name, value[1], minimum))
    number = _check_integer(name, value, minimum)
    return (number, number)


def _same_padding_1d(size, kernel, stride, dilation):
    """TensorFlow's "SAME" padding along one axis.

    The output gets ``ceil(size / stride)`` windows; just enough padding is
    added to make that possible, split as evenly as possible, with the odd
    extra cell going after (bottom / right).

    Parameters
    ----------
    size, kernel, stride, dilation : int
        Input length and pooling parameters along this axis.

    Returns
    -------
    tuple of int
        ``(pad_before, pad_after)``.
    """
    wanted_out = math.ceil(size / stride)
    window_span = (kernel - 1) * dilation + 1
    total = max((wanted_out - 1) * stride + window_span - size, 0)
    before = total // 2
    after = total - before
    return before, after


def _padding(padding, height, width, kernel, stride, dilation):
    """Turn any accepted ``padding`` spelling into ``(top, bottom, left, right)``.

    Parameters
    ----------
    padding : int, tuple or str
        ``p`` (all four sides), ``(p_h, p_w)``, ``(top, bottom, left, right)``,
        or the strings ``"same"`` / ``"valid"`` (any letter case).
    height, width : int
        Size of the input plane.
    kernel, stride, dilation : tuple of int
        Already checked ``(h, w)`` pairs.

    Returns
    -------
    tuple of int
        ``(top, bottom, left, right)``.

    Raises
    ------
    ValueError
        For an unknown string, a tuple of the wrong length, or a negative or
        non-integer amount.
    """
    if isinstance(padding, str):
        word = padding.lower()
        if word == "valid":
            return (0, 0, 0, 0)
        if word == "same":
            top, bottom = _same_padding_1d(height, kernel[0], stride[0],
                                           dilation[0])
            left, right = _same_padding_1d(width, kernel[1], stride[1],
                                           dilation[1])
            return (top, bottom, left, right)
        raise ValueError(f"padding string must be 'same' or 'valid', "
                         f"got {padding!r}")
    if isinstance(padding, (tuple, list)):
        amounts = [_check_integer("padding", p, 0) for p in padding]
        if len(amounts) == 2:
            return (amounts[0], amounts[0], amounts[1], amounts[1])
        if len(amounts) == 4:
            return tuple(amounts)
        raise ValueError(f"padding must have 2 or 4 entries, got {padding!r}")
    amount = _check_integer("padding", padding, 0)
    return (amount, amount, amount, amount)


def _as_real_array(x):
    """Check the input's type and pick the dtype results are given in.

    Parameters
    ----------
    x : array_like
        The input.

    Returns
    -------
    x : numpy.ndarray
        The input as an array (not copied, not converted).
    out_dtype : numpy.dtype
        ``x.dtype`` for float16/32/64, ``float64`` for integer inputs.

    Raises
    ------
    TypeError
        For booleans, complex numbers, strings, objects and other non-real
        dtypes.
    """
    x = np.asarray(x)
    if x.dtype.kind == "f":
        return x, x.dtype
    if x.dtype.kind in "iu":
        return x, np.dtype(np.float64)
    raise TypeError(f"x must hold real numbers, got dtype {x.dtype}")


def _check_ndim(x):
    """Raise ValueError unless ``x`` is 2-D, 3-D or 4-D."""
    if x.ndim not in (2, 3, 4):
        raise ValueError(f"x must be 2-D, 3-D or 4-D, got shape {x.shape}")


# ---------------------------------------------------------------------------
# Windows along one axis
# ---------------------------------------------------------------------------


def output_size_reference(size, kernel, stride, pad_before=0, pad_after=0,
                          dilation=1, ceil_mode=False):
    """Number of windows along one axis (may be < 1 for impossible cases).

    Parameters
    ----------
    size : int
        Input length along the axis.
    kernel, stride : int
        Window length (in taps) and step.
    pad_before, pad_after : int, optional
        Padding on each side.
    dilation : int, optional
        Distance between two taps.
    ceil_mode : bool, optional
        Round up instead of down.

    Returns
    -------
    int
        The number of windows. No error is raised here; callers check it.
    """
    padded = size + pad_before + pad_after
    span = (kernel - 1) * dilation + 1   # first tap to last tap, inclusive
    room = padded - span                 # how far the window can slide
    if ceil_mode:
        count = -((-room) // stride) + 1   # ceil(room / stride) + 1
        # The last window must start inside the input or the top/left
        # padding; if it starts at or past the end of the input, drop it.
        last_start_padded = (count - 1) * stride
        if last_start_padded >= size + pad_before:
            count -= 1
    else:
        count = room // stride + 1         # floor(room / stride) + 1
    return count


def _taps(start, kernel, dilation):
    """Positions (input coordinates) of the taps of one window along one axis."""
    return [start + j * dilation for j in range(kernel)]


def _real_taps(start, kernel, dilation, size):
    """The taps of one window that land inside the input (``0 <= t < size``)."""
    return [t for t in _taps(start, kernel, dilation) if 0 <= t < size]


def _window_starts(name, size, kernel, stride, pad_before, pad_after,
                   dilation, ceil_mode):
    """Start position of every window along one axis, after checking them.

    Parameters
    ----------
    name : str
        ``"height"`` or ``"width"``, only used in error messages.
    size, kernel, stride, pad_before, pad_after, dilation : int
        Input length and pooling parameters along this axis.
    ceil_mode : bool
        Round the window count up instead of down.

    Returns
    -------
    list of int
        ``o * stride - pad_before`` for every output position ``o``.

    Raises
    ------
    ValueError
        If there is no window at all (the window does not fit in the padded
        input) or if some window has no tap on a real input cell.
    """
    count = output_size_reference(size, kernel, stride, pad_before,
                                  pad_after, dilation, ceil_mode)
    if count < 1:
        raise ValueError(
            f"kernel_size {kernel} (dilation {dilation}) does not fit in the "
            f"padded input {name} {size} + {pad_before} + {pad_after}")
    starts = []
    for o in range(count):
        start = o * stride - pad_before
        if not _real_taps(start, kernel, dilation, size):
            raise ValueError(
                f"padding ({pad_before}, {pad_after}) along the {name} leaves "
                f"window {o} entirely in the padding")
        starts.append(start)
    return starts


def _taps_inside_padded_input(start, kernel, dilation, size, pad_before,
                              pad_after):
    """Count the taps that land in ``[-pad_before, size + pad_after)``.

    This is what ``count_include_pad=True`` divides by: real cells plus
    padding cells, but not the part of a ceil-mode window that hangs past
    the padding.
    """
    return len([t for t in _taps(start, kernel, dilation)
                if -pad_before <= t < size + pad_after])


# ---------------------------------------------------------------------------
# Setting up a pooling call
# ---------------------------------------------------------------------------


def _setup(x, kernel_size, stride, padding, mode, dilation, ceil_mode):
    """Check every argument and work out where the windows are.

    Returns
    -------
    dict
        ``x`` (array), ``out_dtype``, ``kernel``, ``dilation`` and ``pads``
        (``(top, bottom, left, right)``) and the window starts ``rows`` and
        ``cols`` (lists of int, input coordinates).
    """
    x, out_dtype = _as_real_array(x)
    _check_ndim(x)
    if mode not in MODES:
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    kernel = _pair("kernel_size", kernel_size, 1)
    stride = kernel if stride is None else _pair("stride", stride, 1)
    dilation = _pair("dilation", dilation, 1)
    height, width = x.shape[-2], x.shape[-1]
    pads = _padding(padding, height, width, kernel, stride, dilation)
    top, bottom, left, right = pads
    rows = _window_starts("height", height, kernel[0], stride[0], top, bottom,
                          dilation[0], ceil_mode)
    cols = _window_starts("width", width, kernel[1], stride[1], left, right,
                          dilation[1], ceil_mode)
    return {"x": x, "out_dtype": out_dtype, "kernel": kernel,
            "dilation": dilation, "pads": pads, "rows": rows, "cols": cols}


def _window_cells(row_start, col_start, setup, height, width):
    """Real cells ``(i, j)`` of one window, in row-major order."""
    kernel, dilation = setup["kernel"], setup["dilation"]
    cells = []
    for i in _real_taps(row_start, kernel[0], dilation[0], height):
        for j in _real_taps(col_start, kernel[1], dilation[1], width):
            cells.append((i, j))
    return cells


def _divisor(row_start, col_start, setup, height, width, count_include_pad):
    """What the sum of one average window is divided by."""
    kernel, dilation = setup["kernel"], setup["dilation"]
    top, bottom, left, right = setup["pads"]
    if count_include_pad:
        rows = _taps_inside_padded_input(row_start, kernel[0], dilation[0],
                                         height, top, bottom)
        cols = _taps_inside_padded_input(col_start, kernel[1], dilation[1],
                                         width, left, right)
    else:
        rows = len(_real_taps(row_start, kernel[0], dilation[0], height))
        cols = len(_real_taps(col_start, kernel[1], dilation[1], width))
    return rows * cols


# ---------------------------------------------------------------------------
# One window
# ---------------------------------------------------------------------------


def _max_of_window(plane, cells):
    """Maximum of one window and the flat index of the cell that holds it.

    Follows PyTorch's CPU rule exactly: start from ``-inf`` with the first
    real cell as the answer, then scan the cells in row-major order and take
    a cell when its value is larger than the best so far *or* is NaN.
    Consequences: among equal values the first one wins; if there is a NaN
    the result is NaN and the index is the *last* NaN; a window full of
    ``-inf`` answers ``-inf`` at its first cell.

    Parameters
    ----------
    plane : numpy.ndarray
        One 2-D input plane.
    cells : list of tuple of int
        The window's real cells in row-major order (never empty).

    Returns
    -------
    value : float
        The maximum.
    index : int
        ``i * W + j`` of the winning cell.
    """
    width = plane.shape[1]
    best_value = -math.inf
    best_i, best_j = cells[0]
    for i, j in cells:
        value = float(plane[i, j])
        if value > best_value or math.isnan(value):
            best_value = value
            best_i, best_j = i, j
    return best_value, best_i * width + best_j


def _sum_of_window(plane, cells):
    """Sum of one window's real cells, added in row-major order (float64)."""
    total = 0.0
    for i, j in cells:
        total += float(plane[i, j])
    return total


# ---------------------------------------------------------------------------
# Public functions: 2-D pooling
# ---------------------------------------------------------------------------


def pool2d_reference(x, kernel_size, stride=None, padding=0, *, mode="max",
                     dilation=1, ceil_mode=False, count_include_pad=True):
    """Pool every 2-D plane of ``x`` with plain loops.

    Parameters
    ----------
    x : array_like
        Real input of shape ``(H, W)``, ``(C, H, W)`` or ``(N, C, H, W)``.
    kernel_size : int or tuple of int
        Window size ``k`` or ``(k_h, k_w)``.
    stride : int or tuple of int, optional
        Step between windows; ``None`` (default) means ``kernel_size``.
    padding : int, tuple or str, optional
        ``p``, ``(p_h, p_w)``, ``(top, bottom, left, right)``, ``"same"`` or
        ``"valid"``.
    mode : {"max", "avg"}, optional
        Max pooling or average pooling.
    dilation : int or tuple of int, optional
        Distance between two taps of a window.
    ceil_mode : bool, optional
        Round the number of windows up (PyTorch rule) instead of down.
    count_include_pad : bool, optional
        For ``mode="avg"``: divide by the taps inside the padded input
        (True) or only by the taps on real cells (False).

    Returns
    -------
    output : numpy.ndarray
        Leading dims of ``x`` plus ``(H_out, W_out)``. Same float dtype as
        ``x``, float64 for integer inputs.
    indices : numpy.ndarray or None
        For ``mode="max"``: int64 array shaped like ``output`` with the flat
        index ``i * W + j`` of each maximum in its plane. None for "avg".
    divisor : numpy.ndarray or None
        For ``mode="avg"``: int64 array ``(H_out, W_out)`` with what each
        window's sum was divided by. None for "max".

    Raises
    ------
    TypeError
        If ``x`` is not real (bool, complex, object, strings).
    ValueError
        For any invalid argument or impossible window layout.
    """
    setup = _setup(x, kernel_size, stride, padding, mode, dilation, ceil_mode)
    x, rows, cols = setup["x"], setup["rows"], setup["cols"]
    height, width = x.shape[-2], x.shape[-1]
    lead = x.shape[:-2]

    output = np.zeros(lead + (len(rows), len(cols)), dtype=np.float64)
    indices = np.zeros(output.shape, dtype=np.int64)
    divisor = np.zeros((len(rows), len(cols)), dtype=np.int64)

    for oh, row_start in enumerate(rows):
        for ow, col_start in enumerate(cols):
            cells = _window_cells(row_start, col_start, setup, height, width)
            divisor[oh, ow] = _divisor(row_start, col_start, setup, height,
                                       width, count_include_pad)
            for plane_index in np.ndindex(lead):
                plane = x[plane_index]
                where = plane_index + (oh, ow)
                if mode == "max":
                    output[where], indices[where] = _max_of_window(plane, cells)
                else:
                    output[where] = (_sum_of_window(plane, cells)
                                     / divisor[oh, ow])

    output = output.astype(setup["out_dtype"])
    if mode == "max":
        return output, indices, None
    return output, None, divisor


def pool2d_backward_reference(x, grad_output, kernel_size, stride=None,
                              padding=0, *, mode="max", dilation=1,
                              ceil_mode=False, count_include_pad=True):
    """Gradient of ``pool2d_reference`` with respect to ``x``, by plain loops.

    Average pooling hands ``grad / divisor`` to each real tap of the window;
    max pooling hands the whole ``grad`` to the cell that held the maximum.
    Where windows overlap, the contributions are added up. Padding cells are
    not part of the input, so whatever would go to them is simply lost.

    Parameters
    ----------
    x : array_like
        The input that was pooled.
    grad_output : array_like
        Gradient of the loss with respect to the pooled output; must have the
        output's shape.
    kernel_size, stride, padding, mode, dilation, ceil_mode, count_include_pad
        Exactly as for :func:`pool2d_reference`.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, in the output's float dtype. The additions are
        done in float64 and rounded once at the end.

    Raises
    ------
    ValueError
        If an argument is invalid or ``grad_output`` has the wrong shape.
    """
    output, indices, divisor = pool2d_reference(
        x, kernel_size, stride, padding, mode=mode, dilation=dilation,
        ceil_mode=ceil_mode, count_include_pad=count_include_pad)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    if grad_output.shape != output.shape:
        raise ValueError(f"grad_output must have shape {output.shape}, "
                         f"got {grad_output.shape}")
    setup = _setup(x, kernel_size, stride, padding, mode, dilation, ceil_mode)
    x, rows, cols = setup["x"], setup["rows"], setup["cols"]
    height, width = x.shape[-2], x.shape[-1]
    lead = x.shape[:-2]

    grad_input = np.zeros(x.shape, dtype=np.float64)
    for plane_index in np.ndindex(lead):
        for oh, row_start in enumerate(rows):
            for ow, col_start in enumerate(cols):
                grad = grad_output[plane_index + (oh, ow)]
                if mode == "max":
                    flat = indices[plane_index + (oh, ow)]
                    i, j = flat // width, flat % width
                    grad_input[plane_index + (i, j)] += grad
                else:
                    cells = _window_cells(row_start, col_start, setup,
                                          height, width)
                    share = grad / divisor[oh, ow]
                    for i, j in cells:
                        grad_input[plane_index + (i, j)] += share
    return grad_input.astype(output.dtype)


def pool2d_windows_reference(x_shape, kernel_size, stride=None, padding=0, *,
                             dilation=1, ceil_mode=False):
    """Where every window sits, before clipping to the input.

    Parameters
    ----------
    x_shape : tuple of int
        Shape of the input (only the last two entries are used).
    kernel_size, stride, padding, dilation, ceil_mode
        As for :func:`pool2d_reference`.

    Returns
    -------
    dict of numpy.ndarray
        ``row_start``, ``row_stop``, ``col_start``, ``col_stop``: int64
        arrays of shape ``(H_out, W_out)`` giving each window's half-open
        extent ``[start, stop)`` in input coordinates. A start can be
        negative and a stop can pass the input size when the window reaches
        into the padding. The extent is ``(k - 1) * dilation + 1`` wide.
    """
    dummy = np.zeros(tuple(x_shape), dtype=np.float64)
    setup = _setup(dummy, kernel_size, stride, padding, "max", dilation,
                   ceil_mode)
    (kernel_h, kernel_w), (dilation_h, dilation_w) = (setup["kernel"],
                                                      setup["dilation"])
    span_h = (kernel_h - 1) * dilation_h + 1
    span_w = (kernel_w - 1) * dilation_w + 1
    rows, cols = setup["rows"], setup["cols"]
    shape = (len(rows), len(cols))
    extents = {name: np.zeros(shape, dtype=np.int64)
               for name in ("row_start", "row_stop", "col_start", "col_stop")}
    for oh, row_start in enumerate(rows):
        for ow, col_start in enumerate(cols):
            extents["row_start"][oh, ow] = row_start
            extents["row_stop"][oh, ow] = row_start + span_h
            extents["col_start"][oh, ow] = col_start
            extents["col_stop"][oh, ow] = col_start + span_w
    return extents


# ---------------------------------------------------------------------------
# Public functions: k-max pooling
# ---------------------------------------------------------------------------


def _is_better(candidate, best):
    """Tell whether value ``candidate`` beats ``best`` in k-max pooling.

    NaN counts as the largest value (as in ``torch.topk``). Equal values
    (including two NaNs) do not beat each other, so the earlier position,
    which is seen first, keeps its place.
    """
    if math.isnan(best):
        return False
    if math.isnan(candidate):
        return True
    return candidate > best


def _kmax_positions(values, k, keep_order):
    """Positions of the ``k`` largest entries of a 1-D list.

    Picks the best remaining position ``k`` times, scanning left to right, so
    ties go to the earlier position.

    Parameters
    ----------
    values : list of float
        One line of the input.
    k : int
        How many to keep.
    keep_order : bool
        True: return the positions in increasing order (original order of the
        line). False: in the order they were picked (largest first).

    Returns
    -------
    list of int
    """
    chosen = []
    for _ in range(k):
        best = None
        for position, value in enumerate(values):
            if position in chosen:
                continue
            if best is None or _is_better(value, values[best]):
                best = position
        chosen.append(best)
    if keep_order:
        chosen.sort()
    return chosen


def _kmax_setup(x, k, axis):
    """Check k-max arguments and return ``(x, out_dtype, axis, length)``."""
    x, out_dtype = _as_real_array(x)
    if x.ndim < 1:
        raise ValueError("x must have at least one dimension to pool along")
    if not _is_integer(axis) or not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis must be an integer in [{-x.ndim}, {x.ndim}),"
                         f" got {axis!r}")
    axis = int(axis) % x.ndim
    length = x.shape[axis]
    if not _is_integer(k) or not 1 <= k <= length:
        raise ValueError(f"k must be an integer in [1, {length}], got {k!r}")
    return x, out_dtype, axis, length


def kmax_reference(x, k, axis=-2, keep_order=True):
    """k-max pooling with plain loops: keep the ``k`` largest along ``axis``.

    Parameters
    ----------
    x : array_like
        Real input with at least one dimension (a sentence matrix is 2-D).
    k : int
        Number of values to keep, ``1 <= k <= x.shape[axis]``.
    axis : int, optional
        Axis to pool along; default ``-2`` (within each column of a matrix).
    keep_order : bool, optional
        Keep the values in their original order (True, default) or sort them
        largest first (False). Ties go to the earlier position; NaN counts as
        the largest value.

    Returns
    -------
    output : numpy.ndarray
        ``x`` with ``x.shape[axis]`` replaced by ``k``; float dtype of ``x``
        (float64 for integer inputs).
    indices : numpy.ndarray
        int64, same shape as ``output``: the positions along ``axis``.
    """
    x, out_dtype, axis, _ = _kmax_setup(x, k, axis)
    moved = np.moveaxis(x, axis, -1)          # pool along the last axis
    out_moved = np.zeros(moved.shape[:-1] + (k,), dtype=np.float64)
    idx_moved = np.zeros(out_moved.shape, dtype=np.int64)
    for line_index in np.ndindex(moved.shape[:-1]):
        values = [float(v) for v in moved[line_index]]
        for slot, position in enumerate(_kmax_positions(values, k,
                                                        keep_order)):
            out_moved[line_index + (slot,)] = values[position]
            idx_moved[line_index + (slot,)] = position
    output = np.moveaxis(out_moved, -1, axis).astype(out_dtype)
    indices = np.moveaxis(idx_moved, -1, axis).copy()
    return output, indices


def kmax_backward_reference(x, grad_output, k, axis=-2, keep_order=True):
    """Gradient of :func:`kmax_reference` with respect to ``x``.

    Each kept value passes its gradient back to the position it came from;
    every other position gets zero.

    Parameters
    ----------
    x : array_like
        The input that was pooled.
    grad_output : array_like
        Gradient with respect to the k-max output (same shape as it).
    k, axis, keep_order
        As for :func:`kmax_reference`.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, in the output's float dtype.
    """
    output, indices = kmax_reference(x, k, axis, keep_order)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    if grad_output.shape != output.shape:
        raise ValueError(f"grad_output must have shape {output.shape}, "
                         f"got {grad_output.shape}")
    x, _, axis, _ = _kmax_setup(x, k, axis)
    grad_input = np.zeros(x.shape, dtype=np.float64)
    for where in np.ndindex(output.shape):
        target = list(where)
        target[axis] = indices[where]
        grad_input[tuple(target)] += grad_output[where]
    return grad_input.astype(output.dtype)
