"""Run a vectorized kernel on every core.

The kernels in :mod:`pooling_core.pool` are whole-array NumPy code over
``(P, H, W)`` planes. A big batch is cut into one block of planes per core and
the blocks run on threads (NumPy releases the GIL inside its loops), which is
how PyTorch uses the CPU too. Smaller blocks, sized for the CPU cache, were
measured slower here (more Python calls per pass). A small input, such as any
the lessons show, is one block run directly on the calling thread.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

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


def run_tiled(kernel, *arrays: np.ndarray) -> None:
    """Call ``kernel(*blocks)`` on matching blocks of planes of ``arrays``.

    Every array's first axis counts planes; the kernel writes only into the
    blocks it is given, so blocks never touch each other's memory.
    """
    blocks = plane_blocks(arrays[0].shape[0], sum(a[:1].nbytes for a in arrays))
    if len(blocks) == 1:
        kernel(*arrays)
    else:
        list(_pool().map(lambda b: kernel(*(a[b] for a in arrays)), blocks))
