"""Exports: the GIF has one frame per window and its first frame shows the
first window; the CSV's and JSON's rows are the trace's; the HTML carries
plotly.js inline; file names say which settings made them."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import numpy as np
import pytest
from conftest import FIGURE1_INPUT, ROOT
from PIL import Image, ImageSequence

from lessons.export import (
    CSV_COLUMNS,
    GIF_FRAME_CAP,
    LABELS,
    export_name,
    figure_html,
    kmax_name,
    trace_csv,
    trace_gif,
    trace_json,
)
from lessons.export.gif import PALETTE, tint
from lessons.figures.grid import HIGHLIGHT, PADDING_FILL, window_color
from lessons.i18n import TEXT
from pooling_core import pool2d

SETTINGS = {
    "figure1_max": dict(kernel_size=2, mode="max"),
    "figure1_avg": dict(kernel_size=2, mode="avg"),
    "overlap_pad_avg": dict(kernel_size=3, stride=1, padding=1, mode="avg"),
    "pad_not_counted": dict(kernel_size=3, stride=2, padding=1, mode="avg", count_include_pad=False),
    "dilated_max": dict(kernel_size=2, stride=1, dilation=2, mode="max"),
    "ceil_max": dict(kernel_size=3, stride=2, ceil_mode=True, mode="max"),
    "uneven": dict(kernel_size=(2, 3), stride=(1, 2), padding=(1, 0, 0, 2), mode="avg"),
}
X = np.array([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8, 9, 7, 9], [3, 2, 3, 8, 4]], dtype=float)


def result(name: str, x=X):
    return pool2d(x, **SETTINGS[name])


def rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def frames(data: bytes) -> list[Image.Image]:
    im = Image.open(io.BytesIO(data))
    assert im.format == "GIF" and im.info.get("loop") == 0
    return [f.convert("RGB") for f in ImageSequence.Iterator(im)]


def near(a, b, tol: int = 3) -> bool:
    return all(abs(int(p) - int(q)) <= tol for p, q in zip(a, b))


def background_pixel(box, cell: int) -> tuple[int, int]:
    """A point of a cell clear of its value (centre) and of window outlines (edges)."""
    return box[0] + cell // 5 + 2, box[1] + cell // 5 + 2


# ---------------------------------------------------------------- GIF


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_gif_has_one_frame_per_window(name):
    res = result(name)
    gif = trace_gif(res)
    assert gif.frames == gif.windows == res.trace.n_windows == res.output.size and not gif.capped
    assert len(frames(gif.data)) == res.output.size


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_first_frame_shows_the_first_window(name):
    res = result(name)
    gif = trace_gif(res)
    lay = gif.layout
    first, second = frames(gif.data)[:2]
    rec = res.trace.window(0, 0)
    taps = {(int(r), int(c)) for r in rec.rows for c in rec.cols}
    h, w = X.shape
    for r in range(lay.row0, lay.row0 + lay.rows):
        for c in range(lay.col0, lay.col0 + lay.cols):
            real = 0 <= r < h and 0 <= c < w
            under = (255, 255, 255) if real else rgb(PADDING_FILL)
            want = tint(window_color(0), under) if (r, c) in taps else under
            got = first.getpixel(background_pixel(lay.input_box(r, c), lay.cell))
            assert near(got, want), ((r, c), got, want)
    # the output: cell (0, 0) in the first window's colour, the rest still empty
    assert near(first.getpixel(background_pixel(lay.output_box(0, 0), lay.cell)), tint(window_color(0)))
    if res.output.size > 1:
        assert near(first.getpixel(background_pixel(lay.output_box(*divmod(1, res.output.shape[1])), lay.cell)),
                    (244, 244, 244))
        # the second frame has moved on to the second window, in its own colour
        rec1 = res.trace.window(*divmod(1, res.output.shape[1]))
        r, c = next((int(r), int(c)) for r in rec1.rows for c in rec1.cols
                    if 0 <= r < h and 0 <= c < w and (r, c) not in taps)
        assert near(second.getpixel(background_pixel(lay.input_box(r, c), lay.cell)), tint(window_color(1)))
    # the window's outline in its colour at its top-left corner
    x0, y0, _, _ = lay.input_box(rec.row_start, rec.col_start)
    assert near(first.getpixel((x0, y0 + lay.cell // 2)), rgb(window_color(0)))
    if rec.argmax is not None:
        bx = lay.input_box(*rec.argmax)
        assert near(first.getpixel((bx[0] + 2, bx[1] + lay.cell // 2)), rgb(HIGHLIGHT))


def test_gif_colours_are_exact_palette_entries():
    colors = {tuple(PALETTE.getpalette()[i:i + 3]) for i in range(0, 768, 3)}
    for k in range(8):
        assert rgb(window_color(k)) in colors and tint(window_color(k)) in colors


def test_gif_of_a_big_input_stops_at_the_cap_and_says_so():
    x = np.arange(256, dtype=float).reshape(16, 16)
    gif = trace_gif(pool2d(x, 1))
    assert (gif.frames, gif.windows, gif.capped) == (GIF_FRAME_CAP, 256, True)
    assert len(frames(gif.data)) == GIF_FRAME_CAP
    assert gif.layout.width <= 1000 and gif.layout.height <= 720
    small = trace_gif(pool2d(FIGURE1_INPUT, 2), max_frames=3)
    assert (small.frames, small.windows, small.capped) == (3, 4, True)
    assert "{shown}" in TEXT[LABELS["gif_capped"]]["en"] and "{total}" in TEXT[LABELS["gif_capped"]]["zh"]


def test_gif_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError, match="one \\(H, W\\) input"):
        trace_gif(pool2d(np.ones((2, 4, 4)), 2))
    with pytest.raises(ValueError, match="max_frames"):
        trace_gif(pool2d(FIGURE1_INPUT, 2), max_frames=0)


# ---------------------------------------------------------------- CSV and JSON


def _check_row(rec, row, values, taps):
    """One exported row against the trace's record of the same window."""
    assert (row["out_row"], row["out_col"]) == (rec.out_row, rec.out_col)
    assert (row["row_start"], row["row_stop"], row["col_start"], row["col_stop"]) == \
        (rec.row_start, rec.row_stop, rec.col_start, rec.col_stop)
    assert taps == [(int(r), int(c)) for r in rec.rows for c in rec.cols]
    want = [None if p else float(v) for v, p in zip(rec.values.ravel(), rec.is_padding.ravel())]
    assert values == want
    assert row["mode"] == rec.mode and float(row["output"]) == rec.output


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_csv_rows_match_the_trace(name):
    res = result(name)
    text = trace_csv(res).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    rows = list(reader)
    records = res.trace.windows()
    assert len(rows) == len(records) == res.output.size
    for k, (row, rec) in enumerate(zip(rows, records)):
        assert int(row["window"]) == k + 1
        ints = {key: int(row[key]) for key in ("out_row", "out_col", "row_start", "row_stop", "col_start", "col_stop")}
        values = [None if v == "pad" else float(v) for v in row["values"].split()]
        taps = [(int(r), int(c)) for r in row["tap_rows"].split() for c in row["tap_cols"].split()]
        _check_row(rec, {**row, **ints}, values, taps)
        if rec.mode == "avg":
            assert float(row["total"]) == rec.total and int(row["divisor"]) == rec.divisor
            assert int(row["padding_counted"]) == int((rec.counted & rec.is_padding).sum())
            assert row["argmax_row"] == row["argmax_col"] == ""
        else:
            assert (int(row["argmax_row"]), int(row["argmax_col"])) == rec.argmax
            assert row["total"] == row["divisor"] == ""


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_json_rows_match_the_trace(name):
    res = result(name)
    doc = json.loads(trace_json(res), parse_constant=lambda c: pytest.fail(f"invalid JSON constant {c}"))
    assert np.array_equal(np.array(doc["input"], dtype=float), X)
    assert np.array_equal(np.array(doc["output"], dtype=float), res.output)
    s = doc["settings"]
    g = res.geometry
    assert s["mode"] == res.mode and s["kernel_size"] == list(g.kernel_size)
    assert s["padding"] == [g.rows.pad_before, g.rows.pad_after, g.cols.pad_before, g.cols.pad_after]
    assert s["count_include_pad"] == res.count_include_pad and s["ceil_mode"] == g.rows.derivation.ceil_mode
    for k, (row, rec) in enumerate(zip(doc["windows"], res.trace.windows(), strict=True)):
        assert row["window"] == k + 1
        values = [None if v is None else float(v) for v in row["values"]]
        _check_row(rec, row, values, [tuple(t) for t in row["taps"]])
        if rec.mode == "avg":
            assert (row["total"], row["divisor"]) == (rec.total, rec.divisor)
        else:
            assert tuple(row["argmax"]) == rec.argmax


def test_the_tutorials_first_window_reads_as_in_the_book():
    rows = list(csv.DictReader(io.StringIO(trace_csv(pool2d(FIGURE1_INPUT, 2, mode="avg")).decode())))
    assert (rows[0]["values"], rows[0]["total"], rows[0]["divisor"], rows[0]["output"]) == ("1 2 5 6", "14", "4", "3.5")


def test_non_finite_values_stay_valid_json():
    x = X.copy()
    x[0, 0] = np.nan
    doc = json.loads(trace_json(pool2d(x, 2)), parse_constant=lambda c: pytest.fail(c))
    assert doc["windows"][0]["output"] == "NaN" and doc["input"][0][0] == "NaN"
    assert "NaN" in trace_csv(pool2d(x, 2)).decode()


# ---------------------------------------------------------------- HTML and names


def test_html_carries_plotly_js_inline_and_loads_nothing():
    from lessons.figures.grid import grid_figure

    html = figure_html(grid_figure(FIGURE1_INPUT, title="输入 Input")).decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert '<meta charset="utf-8"' in html and "输入 Input" in html
    assert re.search(r"plotly\.js v\d", html) and len(html) > 1_000_000  # the library itself, inline
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I)  # no script is fetched, from anywhere
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']https?:", html, re.I)


@pytest.mark.parametrize("name, ext, expected", [
    ("figure1_max", "gif", "pooling_max_k2x2_s2x2_p0-0-0-0_4x5.gif"),
    ("overlap_pad_avg", "csv", "pooling_avg_k3x3_s1x1_p1-1-1-1_4x5.csv"),
    ("pad_not_counted", "json", "pooling_avg_k3x3_s2x2_p1-1-1-1_padnotcounted_4x5.json"),
    ("dilated_max", "html", "pooling_max_k2x2_s1x1_p0-0-0-0_d2x2_4x5.html"),
    ("ceil_max", "gif", "pooling_max_k3x3_s2x2_p0-0-0-0_ceil_4x5.gif"),
    ("uneven", "gif", "pooling_avg_k2x3_s1x2_p1-0-0-2_4x5.gif"),
])
def test_file_names_say_the_settings(name, ext, expected):
    assert export_name(result(name), ext) == expected
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", expected)


def test_names_refuse_unknown_extensions():
    with pytest.raises(ValueError, match="ext"):
        export_name(result("figure1_max"), "exe")
    assert kmax_name(2, True, (4, 4), "html") == "kmax_k2_ordered_4x4.html"
    assert kmax_name(3, False, (4, 6), "csv") == "kmax_k3_sorted_4x6.csv"
    with pytest.raises(ValueError, match="ext"):
        kmax_name(2, True, (4, 4), "../x")


def test_export_labels_are_translated():
    for key in LABELS.values():
        assert TEXT[key]["en"] and TEXT[key]["zh"] and TEXT[key]["en"] != TEXT[key]["zh"]
    used = set(re.findall(r'"(export\.[a-z_]+)"', (ROOT / "lessons" / "export" / "__init__.py").read_text()))
    assert used == {k for k in TEXT if k.startswith("export.")}


def test_export_never_imports_streamlit():
    probe = ("import sys, numpy as np; from lessons import export; from pooling_core import pool2d;"
             "export.trace_gif(pool2d(np.ones((4, 4)), 2));"
             "print('streamlit' in {m.split('.')[0] for m in sys.modules})")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
