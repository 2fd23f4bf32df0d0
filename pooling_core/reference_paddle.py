"""PaddlePaddle's pooling rules with plain loops: the twin the fast code's
``convention="paddle"`` is tested against (the PyTorch twin is
:mod:`pooling_core.reference`). Slow on purpose and self-contained.

What PaddlePaddle 3.3.1's CPU kernels do, found by running them (float64):

* Size: ``out = (size + pad_before + pad_after - kernel) / stride + 1`` with
  C's division, which truncates toward zero; ceil mode adds ``stride - 1`` to
  the numerator first. No window is ever dropped, even one that starts past
  the input and its padding; 0 or fewer windows is an error here.
* Window ``o`` starts at ``start = o * stride - pad_before`` and its *bound*
  is ``min(start + kernel, size + pad_before)``: the *leading* padding is
  used on both sides. Its real cells are ``max(start, 0) .. min(bound, size)``.
* Max: start from ``-3.4028235e38`` (float32's lowest) and visit the real
  cells in row-major order, keeping ``best if best > v else v``: the last of
  equal values wins (``[0.0, -0.0]`` gives ``-0.0``), a NaN is taken and then
  replaced by the next cell, and a window without a real cell keeps the start.
* The mask (``return_mask``): the first cell with ``best < v`` (strict), so
  the first of equal values, never a NaN; -1 when no cell beat the start.
* Average: the row-major sum of the real cells divided by the product of the
  per-axis counts, ``bound - start`` (``exclusive=False``) or
  ``min(bound, size) - max(start, 0)`` (``exclusive=True``), which may be 0
  (``0 / 0 = nan``) or negative (``0 / -1 = -0.0``).
* Backward: average hands ``grad * (1 / divisor)`` to each real cell, that
  quotient worked out in float32; max
  hands the whole ``grad`` to the first real cell equal to the output.

>>> pool2d_paddle_reference([[1., 2., 3.]], (1, 2), (1, 2), (0, 0, 1, 1), ceil_mode=True).output.tolist()
[[1.0, 3.0, -3.4028234663852886e+38]]
"""

import math

import numpy as np

from .reference import PoolReference, WindowExtents, _checked, _pair, _padding

__all__ = ["LOWEST", "output_size_paddle_reference", "pool2d_paddle_reference",
           "pool2d_paddle_backward_reference"]

LOWEST = -3.4028234663852886e38  # -FLT_MAX: where Paddle's max starts


def output_size_paddle_reference(size, kernel, stride, pad_before=0, pad_after=0, ceil_mode=False):
    """Paddle's number of windows along one axis (no error here).

    >>> output_size_paddle_reference(1, 4, 4), output_size_paddle_reference(2, 1, 2, ceil_mode=True)
    (1, 2)
    """
    room = size + pad_before + pad_after - kernel
    if ceil_mode:
        room += stride - 1
    return int(room / stride) + 1  # int() truncates toward zero, like C


def _axis(name, size, kernel, stride, pad_before, pad_after, ceil_mode):
    count = output_size_paddle_reference(size, kernel, stride, pad_before, pad_after, ceil_mode)
    if count < 1:
        raise ValueError(f"kernel_size {kernel} gives no window along the {name}")
    axis = []
    for o in range(count):
        start = o * stride - pad_before
        bound = min(start + kernel, size + pad_before)
        axis.append((start, start + kernel, bound, max(start, 0), min(bound, size)))
    return axis


def _axes(x, kernel_size, stride, padding, dilation, ceil_mode):
    kernel = _pair("kernel_size", kernel_size, 1)
    stride = kernel if stride is None else _pair("stride", stride, 1)
    if _pair("dilation", dilation, 1) != (1, 1):
        raise ValueError("PaddlePaddle's pooling has no dilation")
    height, width = x.shape[-2], x.shape[-1]
    top, bottom, left, right = _padding(padding, height, width, kernel, stride, (1, 1))
    return (_axis("height", height, kernel[0], stride[0], top, bottom, ceil_mode),
            _axis("width", width, kernel[1], stride[1], left, right, ceil_mode))


def pool2d_paddle_reference(x, kernel_size, stride=None, padding=0, *, mode="max", dilation=1,
                            ceil_mode=False, count_include_pad=True):
    """Pool every ``(H, W)`` plane of ``x`` as PaddlePaddle does, with plain loops.

    Arguments as :func:`pooling_core.reference.pool2d_reference`
    (``count_include_pad=True`` is Paddle's ``exclusive=False``). ``indices``
    is Paddle's mask; ``windows`` the unclipped ``[start, start + kernel)``.
    """
    x, out_dtype = _checked(x, mode)
    rows, cols = _axes(x, kernel_size, stride, padding, dilation, ceil_mode)
    lead, width = x.shape[:-2], x.shape[-1]
    output = np.zeros(lead + (len(rows), len(cols)))
    indices = np.full(output.shape, -1, dtype=np.int64)
    divisor = np.zeros(output.shape[-2:], dtype=np.int64)
    windows = WindowExtents(*(np.zeros(output.shape[-2:], dtype=np.int64) for _ in range(4)))
    for oh, (r0, r1, rbound, rlo, rhi) in enumerate(rows):
        for ow, (c0, c1, cbound, clo, chi) in enumerate(cols):
            windows.row_start[oh, ow], windows.row_stop[oh, ow] = r0, r1
            windows.col_start[oh, ow], windows.col_stop[oh, ow] = c0, c1
            if count_include_pad:
                divisor[oh, ow] = (rbound - r0) * (cbound - c0)
            else:
                divisor[oh, ow] = (rhi - rlo) * (chi - clo)
            cells = [(i, j) for i in range(rlo, rhi) for j in range(clo, chi)]
            for plane in np.ndindex(lead):
                where, values = plane + (oh, ow), x[plane]
                if mode == "max":
                    best, mask_best = LOWEST, LOWEST
                    for i, j in cells:
                        v = float(values[i, j])
                        best = best if best > v else v
                        if mask_best < v:
                            mask_best, indices[where] = v, i * width + j
                    output[where] = best
                else:
                    total = 0.0
                    for i, j in cells:
                        total += float(values[i, j])
                    d = float(divisor[oh, ow])
                    output[where] = total / d if d else math.nan  # no cell: 0 / 0
    output = output.astype(out_dtype)
    if mode == "max":
        return PoolReference(output, indices, None, windows)
    return PoolReference(output, None, divisor, windows)


def _scale(divisor):
    # Paddle's average backward multiplies by 1 / divisor worked out in float32.
    with np.errstate(divide="ignore"):
        return float(np.float32(1.0) / np.float32(divisor))


def pool2d_paddle_backward_reference(x, grad_output, kernel_size, stride=None, padding=0, *,
                                     mode="max", dilation=1, ceil_mode=False, count_include_pad=True):
    """Gradient of :func:`pool2d_paddle_reference` with respect to ``x``, by plain loops."""
    pooled = pool2d_paddle_reference(x, kernel_size, stride, padding, mode=mode, dilation=dilation,
                                     ceil_mode=ceil_mode, count_include_pad=count_include_pad)
    grad_output = np.asarray(grad_output, dtype=np.float64)
    if grad_output.shape != pooled.output.shape:
        raise ValueError(f"grad_output must have shape {pooled.output.shape}, got {grad_output.shape}")
    x, _ = _checked(x, mode)
    rows, cols = _axes(x, kernel_size, stride, padding, dilation, ceil_mode)
    grad_input = np.zeros(x.shape)
    for plane in np.ndindex(x.shape[:-2]):
        for oh, (_, _, _, rlo, rhi) in enumerate(rows):
            for ow, (_, _, _, clo, chi) in enumerate(cols):
                grad = grad_output[plane + (oh, ow)]
                cells = [(i, j) for i in range(rlo, rhi) for j in range(clo, chi)]
                if mode == "max":
                    best = pooled.output[plane + (oh, ow)]
                    hit = [c for c in cells if x[plane + c] == best][:1]
                    for c in hit:
                        grad_input[plane + c] += grad
                else:
                    share = grad * _scale(pooled.divisor[oh, ow])
                    for c in cells:
                        grad_input[plane + c] += share
    return grad_input.astype(pooled.output.dtype)
