"""The trace as a table: one row per window, as CSV and as JSON.

Every number is the trace's own (``PoolResult.trace.window(i, j)``), written
in full precision, so a spreadsheet can redo the lesson's arithmetic.
"""

from __future__ import annotations

import csv
import io
import json
import math

__all__ = ["CSV_COLUMNS", "trace_rows", "trace_csv", "trace_json"]

CSV_COLUMNS = (
    "window", "out_row", "out_col", "row_start", "row_stop", "col_start", "col_stop",
    "tap_rows", "tap_cols", "values", "mode", "total", "divisor", "padding_counted",
    "argmax_row", "argmax_col", "output",
)
PADDING = "pad"  # how a CSV marks a tap that falls on padding


def _number(v):
    """A float as JSON can hold it: whole numbers as ints, NaN and infinities as strings."""
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return int(v) if v == int(v) and abs(v) < 2 ** 53 else v


def _plane(res) -> None:
    if res.input.ndim != 2:
        raise ValueError(f"exports are made for one (H, W) input, got shape {res.input.shape}")


def trace_rows(res) -> list[dict]:
    """One dict per window, in raster order (the lesson's step order).

    Keys: ``window`` (1-based, as the pages count steps), ``out_row``,
    ``out_col``; the half-open extent ``row_start``, ``row_stop``,
    ``col_start``, ``col_stop`` (input coordinates, negative in the padding);
    ``taps`` ([row, col] of every cell the window reads, row-major) and
    ``values`` (what each tap read, ``None`` on padding); ``mode``; for an
    average ``total``, ``divisor`` and ``padding_counted`` (padding taps in the
    divisor), for a max ``argmax`` ([row, col]); ``output``.

    >>> import numpy as np
    >>> from pooling_core import pool2d
    >>> row = trace_rows(pool2d(np.arange(1, 17).reshape(4, 4), 2, mode="avg"))[0]
    >>> row["values"], row["total"], row["divisor"], row["output"]
    ([1, 2, 5, 6], 14, 4, 3.5)
    """
    return [row for row, _ in _rows_and_records(res)]


def _rows_and_records(res) -> list[tuple[dict, object]]:
    _plane(res)
    rows = []
    for rec in res.trace.windows():
        pad = rec.is_padding.ravel().tolist()
        tap_rows, tap_cols = rec.rows.tolist(), rec.cols.tolist()
        row = {
            "window": rec.step + 1, "out_row": rec.out_row, "out_col": rec.out_col,
            "row_start": rec.row_start, "row_stop": rec.row_stop,
            "col_start": rec.col_start, "col_stop": rec.col_stop,
            "taps": [[r, c] for r in tap_rows for c in tap_cols],
            "values": [None if p else _number(v) for v, p in zip(rec.values.ravel().tolist(), pad)],
            "mode": rec.mode,
        }
        if rec.mode == "avg":
            row.update(total=_number(rec.total), divisor=rec.divisor,
                       padding_counted=int((rec.counted & rec.is_padding).sum()))
        else:
            row["argmax"] = list(rec.argmax) if rec.argmax is not None else None  # Paddle: no cell won
        row["output"] = _number(rec.output)
        rows.append((row, rec))
    return rows


def _cell(v) -> str:
    return "" if v is None else str(v)


def trace_csv(res) -> bytes:
    """:func:`trace_rows` as CSV (UTF-8, one header line, columns :data:`CSV_COLUMNS`).

    ``tap_rows`` / ``tap_cols`` list the rows and columns the window reads,
    ``values`` its taps row by row, separated by spaces, ``pad`` on padding.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row, rec in _rows_and_records(res):
        argmax = row.get("argmax") or (None, None)
        writer.writerow([
            row["window"], row["out_row"], row["out_col"], row["row_start"], row["row_stop"],
            row["col_start"], row["col_stop"],
            " ".join(map(str, rec.rows.tolist())), " ".join(map(str, rec.cols.tolist())),
            " ".join(PADDING if v is None else str(v) for v in row["values"]), row["mode"],
            _cell(row.get("total")), _cell(row.get("divisor")), _cell(row.get("padding_counted")),
            _cell(argmax[0]), _cell(argmax[1]), row["output"],
        ])
    return out.getvalue().encode("utf-8")


def trace_json(res) -> bytes:
    """The settings, the input, the output and :func:`trace_rows` as one JSON document."""
    g = res.geometry
    r, c = g.rows, g.cols
    head = {
        "settings": {
            "mode": res.mode, "kernel_size": [r.kernel, c.kernel], "stride": [r.stride, c.stride],
            "padding": [r.pad_before, r.pad_after, c.pad_before, c.pad_after],
            "dilation": [r.dilation, c.dilation], "ceil_mode": r.derivation.ceil_mode,
            "count_include_pad": res.count_include_pad,
        },
        "input": [[_number(v) for v in line] for line in res.input.tolist()],
        "output": [[_number(v) for v in line] for line in res.output.tolist()],
    }
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, allow_nan=False)  # noqa: E731
    # One window per line: a teacher can read it, a program parses it.
    parts = [f'  "{key}": {dump(value)}' for key, value in head.items()]
    windows = ",\n    ".join(dump(row) for row in trace_rows(res))
    return ("{\n" + ",\n".join(parts) + f',\n  "windows": [\n    {windows}\n  ]\n}}\n').encode("utf-8")
