"""Speed machinery for :mod:`pooling_core.pool`, kept out of the way of the
forward/backward pairs there.

- threads: a big batch is cut into one block of ``(H, W)`` planes per core and
  the blocks run on threads (NumPy releases the GIL inside its loops), which
  is how PyTorch uses the CPU too. Smaller blocks, sized for the CPU cache,
  were measured slower here (more Python calls per pass). A small input, such
  as any the lessons show, is one block run directly on the calling thread.
- dtypes: sums of float16 are taken in float32; argmax offsets are stored in
  the smallest integer that holds them.
- ties between signed zeros: which argument ``np.maximum`` returns is probed
  once per dtype.
- stride 1: each kernel offset becomes one long contiguous operation.
- first writers: an offset that is the first to reach its input cells
  (``TapStep.first_writer``) writes its gradient instead of adding it.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np

WORKERS = max(1, min(8, os.cpu_count() or 1))
MIN_SPLIT_BYTES = 1 << 20  # below this, threads cost more than they save
_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="pooling_core")
    return _executor


def plane_blocks(n_planes: int, plane_bytes: int) -> list[slice]:
    """Split ``n_planes`` planes into contiguous blocks, one per worker once
    the work (``n_planes * plane_bytes``) is worth sharing."""
    n_blocks = WORKERS if n_planes * plane_bytes >= MIN_SPLIT_BYTES else 1
    n_blocks = max(1, min(n_blocks, n_planes))
    edges = np.linspace(0, n_planes, n_blocks + 1).round().astype(int)
    return [slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:])]


def planes(a: np.ndarray) -> np.ndarray:
    """View (or copy) any ``(..., H, W)`` array as ``(P, H, W)``."""
    return a.reshape((-1,) + a.shape[-2:])


def run_tiled(kernel, *arrays: np.ndarray) -> None:
    """Call ``kernel(*blocks)`` on matching blocks of planes of ``arrays``.

    Every array is ``(..., H, W)`` and is seen as ``(P, H, W)`` planes; the
    kernel writes only into the blocks it is given, so blocks never touch
    each other's memory.
    """
    arrays = [planes(a) for a in arrays]
    blocks = plane_blocks(arrays[0].shape[0], sum(a[:1].nbytes for a in arrays))
    if len(blocks) == 1:
        kernel(*arrays)
    else:
        list(_pool().map(lambda b: kernel(*(a[b] for a in arrays)), blocks))


def accumulator_dtype(dtype: np.dtype) -> np.dtype:
    """Sums of float16 are taken in float32, as PyTorch does on the CPU."""
    return np.dtype(np.float32) if dtype == np.float16 else dtype


def offset_dtype(n_offsets: int) -> np.dtype:
    return np.dtype(np.uint8) if n_offsets <= 256 else np.dtype(np.int32)


@cache
def max_into(dtype: np.dtype):
    """``update(running, values)``: ``running = max(running, values)`` in place,
    keeping the *running* value when 0.0 meets -0.0, so the first of tied
    zeros wins with its sign, as in PyTorch.

    NumPy does not promise which argument ``np.maximum`` returns for tied
    zeros (here float32 returns the second, float16 the first), so the order
    is found by trying it on contiguous, strided and one-element arrays; where
    neither order holds everywhere, a masked copy decides explicitly.
    """
    def keeps_running(first_is_running: bool) -> bool:
        for running0 in (0.0, -0.0):
            for n, step in ((64, 1), (64, 2), (1, 1)):
                running = np.full(n * step, running0, dtype)[::step]
                new = np.full(n * step, -running0, dtype)[::step]
                got = np.maximum(running, new) if first_is_running else np.maximum(new, running)
                if not np.array_equal(np.signbit(got), np.signbit(running)):
                    return False
        return True

    if keeps_running(False):
        return lambda running, values: np.maximum(values, running, out=running)
    if keeps_running(True):
        return lambda running, values: np.maximum(running, values, out=running)
    return lambda running, values: np.copyto(running, values,
                                             where=(values > running) | np.isnan(values))


def add_into(cells, values, first_writer: bool) -> None:
    """``cells += values``; a first writer's cells still hold the zero fill, so it writes."""
    if first_writer:
        np.copyto(cells, values)
    else:
        np.add(cells, values, out=cells)


def add_product_into(cells, values, mask, first_writer: bool, scratch) -> None:
    """``cells += values * mask``, using ``scratch`` (shaped like ``values``) when adding."""
    if first_writer:
        np.multiply(values, mask, out=cells)
    else:
        np.multiply(values, mask, out=scratch)
        np.add(cells, scratch, out=cells)


def stride1_reduce(geom, x, output, reduce: str) -> None:
    """Stride-1 windows: ``output`` = each window's sum (``"sum"``) or maximum (``"max"``).

    With stride 1, the cell that kernel offset ``(i, j)`` adds to output
    ``(r, c)`` sits a fixed distance ``i * d_h * W_p + j * d_w`` further along
    the flattened padded planes. So each offset is one long contiguous 1-D
    operation instead of many short rows; the padded copy is filled with 0
    for sums and -inf for maxima, which changes no result.
    """
    row_lo, row_hi, col_lo, col_hi = geom.extent
    p, h, w = x.shape
    hp, wp = row_hi - row_lo, col_hi - col_lo
    padded = np.full((p, hp, wp), 0 if reduce == "sum" else -np.inf, dtype=output.dtype)
    padded[:, -row_lo:-row_lo + h, -col_lo:-col_lo + w] = x
    flat = padded.reshape(-1)
    (kh, kw), dh, dw = geom.kernel_size, geom.rows.dilation, geom.cols.dilation
    n = flat.size - ((kh - 1) * dh * wp + (kw - 1) * dw)  # every needed cell is below n
    acc = np.empty(flat.size, dtype=output.dtype)
    head = acc[:n]
    if reduce == "sum":  # 0 + first value, as PyTorch starts its sums (-0.0 becomes +0.0)
        start, update = (lambda h, v: np.add(v, 0, out=h)), (lambda h, v: np.add(h, v, out=h))
    else:
        start, update = np.copyto, max_into(output.dtype)
    for offset, (i, j) in enumerate(geom.offsets()):
        (update if offset else start)(head, flat[i * dh * wp + j * dw:][:n])
    ho, wo = geom.out_shape
    output[...] = acc.reshape(p, hp, wp)[:, :ho, :wo]
