"""The stepping animation as an animated GIF, drawn with Pillow from the trace.

Frame ``k`` shows the input (with its padding, grey) and the window of step
``k`` in the walkthrough's colour for that step (``window_color``), the
argmax outlined in vermilion, and the output filling in: cells of earlier
windows hold their values, the current one is tinted with the window's
colour. A line above says which window it is and its arithmetic.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..arithmetic import window_arithmetic
from ..figures.grid import HIGHLIGHT, PADDING_FILL, window_color
from ..numbers import fmt

__all__ = ["GIF_FRAME_CAP", "GifExport", "GifLayout", "gif_layout", "trace_gif"]

GIF_FRAME_CAP = 120  # 120 frames at 0.8 s: a 1.6-minute animation; more is no longer a handout
MAX_WIDTH, MAX_HEIGHT = 1000, 720
FRAME_MS, LAST_FRAME_MS = 800, 2000
WINDOW_ALPHA = 0.28  # the figures' window fill
WHITE, GRID_LINE, TEXT, PENDING = (255, 255, 255), (187, 187, 187), (0, 0, 0), (244, 244, 244)
LABEL = (90, 90, 90)  # row and column numbers


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def tint(hex_color: str, base=WHITE, alpha: float = WINDOW_ALPHA) -> tuple[int, int, int]:
    """``hex_color`` laid over ``base`` with opacity ``alpha`` (what a window's fill looks like)."""
    return tuple(round(alpha * c + (1 - alpha) * b) for c, b in zip(_rgb(hex_color), base))


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's own font (no font file needed) at ``size`` pixels; Pillow
    before 10.1 (or without FreeType) has one small bitmap size only."""
    try:
        return ImageFont.load_default(size=size)
    except TypeError:
        return ImageFont.load_default()


@dataclass(frozen=True)
class GifLayout:
    """Where things are in a frame (pixels), so tests and pages can find them.

    ``input_box(r, c)`` takes input coordinates (negative in the padding),
    ``output_box(i, j)`` output coordinates; both return ``(x0, y0, x1, y1)``,
    half-open.
    """

    cell: int
    width: int
    height: int
    input_x: int
    output_x: int
    top: int
    row0: int
    col0: int
    rows: int
    cols: int
    out_rows: int
    out_cols: int

    def input_box(self, r: int, c: int) -> tuple[int, int, int, int]:
        x = self.input_x + (c - self.col0) * self.cell
        y = self.top + (r - self.row0) * self.cell
        return x, y, x + self.cell, y + self.cell

    def output_box(self, i: int, j: int) -> tuple[int, int, int, int]:
        x = self.output_x + j * self.cell
        y = self.top + i * self.cell
        return x, y, x + self.cell, y + self.cell


MARGIN, LABELS, TITLE, GAP = 14, 22, 34, 48


def gif_layout(trace) -> GifLayout:
    """The frame layout for ``trace``: cells as large as fit in 1000 x 720 px (16 to 56 px)."""
    r_lo, r_hi, c_lo, c_hi = trace.extent
    rows, cols = r_hi - r_lo, c_hi - c_lo
    ho, wo = trace.geometry.out_shape
    room_w = (MAX_WIDTH - 2 * MARGIN - 2 * LABELS - GAP) // (cols + wo)
    room_h = (MAX_HEIGHT - 2 * MARGIN - TITLE - LABELS) // max(rows, ho)
    cell = max(16, min(56, room_w, room_h))
    input_x = MARGIN + LABELS
    output_x = input_x + cols * cell + GAP + LABELS
    top = MARGIN + TITLE + LABELS
    width = output_x + wo * cell + MARGIN
    height = top + max(rows, ho) * cell + MARGIN
    return GifLayout(cell, width, height, input_x, output_x, top, r_lo, c_lo, rows, cols, ho, wo)


def _label_axes(draw, lay: GifLayout, x0: int, row_ids, col_ids) -> None:
    font = _font(max(9, min(14, lay.cell // 3)))
    for k, c in enumerate(col_ids):
        draw.text((x0 + k * lay.cell + lay.cell / 2, lay.top - LABELS / 2), str(c), fill=LABEL, font=font,
                  anchor="mm")
    for k, r in enumerate(row_ids):
        draw.text((x0 - LABELS / 2, lay.top + k * lay.cell + lay.cell / 2), str(r), fill=LABEL, font=font,
                  anchor="mm")


@lru_cache(maxsize=4096)
def _fitting_font(text: str, width: int, size: int):
    """The largest default font, at most ``size``, that writes ``text`` within ``width`` pixels."""
    while size > 7 and _font(size).getlength(text) > width:
        size -= 1
    return _font(size)


def _cell(draw, box, fill, text: str | None, cell: int) -> None:
    """One grid cell: its fill, the grid line, its value written in the middle."""
    draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=fill, outline=GRID_LINE)
    if text is not None:
        font = _fitting_font(text, cell - 4, max(9, min(20, int(cell * 0.4))))
        draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), text, fill=TEXT, font=font, anchor="mm")


def _outline(draw, box, color, width: int, inset: int = 0) -> None:
    draw.rectangle((box[0] + inset, box[1] + inset, box[2] - 1 - inset, box[3] - 1 - inset),
                   outline=color, width=width)


def _input_cell(res, r: int, c: int) -> tuple[tuple[int, int, int], str | None]:
    """Background colour and text of input cell (r, c) (grey and blank in the padding)."""
    h, w = res.input.shape
    if 0 <= r < h and 0 <= c < w:
        return WHITE, fmt(res.input[r, c])
    return _rgb(PADDING_FILL), None


def _background(res, lay: GifLayout) -> Image.Image:
    """The input grid with its values and the empty output: what the first frame starts from."""
    img = Image.new("RGB", (lay.width, lay.height), WHITE)
    draw = ImageDraw.Draw(img)
    for r in range(lay.row0, lay.row0 + lay.rows):
        for c in range(lay.col0, lay.col0 + lay.cols):
            _cell(draw, lay.input_box(r, c), *_input_cell(res, r, c), lay.cell)
    _label_axes(draw, lay, lay.input_x, range(lay.row0, lay.row0 + lay.rows), range(lay.col0, lay.col0 + lay.cols))
    _label_axes(draw, lay, lay.output_x, range(lay.out_rows), range(lay.out_cols))
    for i in range(lay.out_rows):
        for j in range(lay.out_cols):
            _cell(draw, lay.output_box(i, j), PENDING, None, lay.cell)
    return img


def _frame(done: Image.Image, res, lay: GifLayout, rec, n: int) -> Image.Image:
    """``done`` (the input and the outputs of earlier windows) with window ``rec`` on it."""
    img = done.copy()
    draw = ImageDraw.Draw(img)
    color = window_color(rec.step)
    line = max(2, lay.cell // 14)
    for r in rec.rows.tolist():  # the cells the window reads, tinted
        for c in rec.cols.tolist():
            fill, text = _input_cell(res, r, c)
            _cell(draw, lay.input_box(r, c), tint(color, fill), text, lay.cell)
    x0, y0, _, _ = lay.input_box(rec.row_start, rec.col_start)
    _, _, x1, y1 = lay.input_box(rec.row_stop - 1, rec.col_stop - 1)
    _outline(draw, (x0, y0, x1, y1), _rgb(color), line)
    if rec.argmax is not None:
        _outline(draw, lay.input_box(*rec.argmax), _rgb(HIGHLIGHT), 2, inset=2)
    box = lay.output_box(rec.out_row, rec.out_col)
    _cell(draw, box, tint(color), fmt(rec.output), lay.cell)
    _outline(draw, box, _rgb(color), line)
    title = (f"window {rec.step + 1}/{n}, output ({rec.out_row}, {rec.out_col}): "
             + window_arithmetic(rec).replace("≈", "~").replace("…", "..."))
    font = _fitting_font(title, lay.width - 2 * MARGIN, 18)
    draw.text((MARGIN, MARGIN + TITLE / 2 - 4), title, fill=TEXT, font=font, anchor="lm")
    return img


def _palette() -> Image.Image:
    """One fixed palette for every frame: the grid's colours, each window colour
    and its tints, and the grey steps of anti-aliased text on each background.
    Mapping to it is some ten times faster than quantizing every frame."""
    from ..figures.grid import EXTRA_COLORS, WINDOW_COLORS

    backgrounds = [WHITE, PENDING, _rgb(PADDING_FILL)]
    backgrounds += [tint(c, b) for c in WINDOW_COLORS + EXTRA_COLORS for b in (WHITE, _rgb(PADDING_FILL))]
    colors = [GRID_LINE, LABEL, _rgb(HIGHLIGHT)] + [_rgb(c) for c in WINDOW_COLORS + EXTRA_COLORS]
    for bg in backgrounds:
        colors += [tuple(round(bg[i] * (1 - f / 6)) for i in range(3)) for f in range(7)]  # bg .. black
    colors += [tuple(round(w + (LABEL[i] - w) * f / 4) for i, w in enumerate(WHITE)) for f in range(1, 4)]
    unique = list(dict.fromkeys(colors))[:256]
    flat = [v for c in unique for v in c]
    pal = Image.new("P", (1, 1))
    pal.putpalette(flat + flat[:3] * (256 - len(unique)))
    return pal


PALETTE = _palette()


@dataclass(frozen=True, eq=False)
class GifExport:
    """An animated GIF: ``data`` (bytes), ``frames`` drawn, ``windows`` in the trace."""

    data: bytes
    frames: int
    windows: int
    layout: GifLayout

    @property
    def capped(self) -> bool:
        """True when the animation stops before the last window (see :data:`GIF_FRAME_CAP`)."""
        return self.frames < self.windows


def trace_gif(res, *, max_frames: int = GIF_FRAME_CAP) -> GifExport:
    """One frame per window of ``res`` (a 2-D PoolResult), in the lesson's
    step order, the first frame showing the first window; at most
    ``max_frames`` frames (the first windows), and ``capped`` says so.

    >>> import numpy as np
    >>> from pooling_core import pool2d
    >>> gif = trace_gif(pool2d(np.arange(1, 17).reshape(4, 4), 2))
    >>> gif.frames, gif.windows, gif.capped, gif.data[:6]
    (4, 4, False, b'GIF89a')
    """
    if res.input.ndim != 2:
        raise ValueError(f"a GIF is drawn for one (H, W) input, got shape {res.input.shape}")
    if max_frames < 1:
        raise ValueError(f"max_frames must be at least 1, got {max_frames}")
    trace = res.trace
    lay = gif_layout(trace)
    n = trace.n_windows
    shown = min(n, int(max_frames))
    _, wo = trace.geometry.out_shape
    done = _background(res, lay)
    frames = []
    for k in range(shown):
        rec = trace.window(*divmod(k, wo))
        frames.append(_frame(done, res, lay, rec, n).quantize(palette=PALETTE, dither=Image.Dither.NONE))
        _cell(ImageDraw.Draw(done), lay.output_box(rec.out_row, rec.out_col), WHITE, fmt(rec.output), lay.cell)
    buf = io.BytesIO()
    durations = [FRAME_MS] * (shown - 1) + [LAST_FRAME_MS]
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=durations, loop=0,
                   disposal=1)
    return GifExport(buf.getvalue(), shown, n, lay)
