"""Lesson 7: pooling a real picture, by max and by average, level after level.

:class:`Settings` holds what the page's widgets choose; :func:`compute` takes
them and a picture (``(H, W, 3)`` uint8, from :func:`load_sample` or
:func:`lessons.picture.decode`) and returns a :class:`View`: the pyramid of
pooled pictures for both modes with their sizes, a zoomed patch of real pixels
with one window worked out, where max and average differ, and the tutorial's
question answered on the picture: are the eyes still there? Every pooling is
``pooling_core.pool2d`` on the ``(C, H, W)`` picture, so the RGB channels are
pooled independently. NumPy only; text is ``(translation key, fields)``.

>>> view = compute(Settings(source="face", levels=4), load_sample("face"))
>>> [lv.shape for lv in view.levels]
[(512, 512), (256, 256), (128, 128), (64, 64), (32, 32)]
>>> [e.visible for e in view.eyes.verdicts]
[True, True]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pooling_core import pool2d

from . import picture
from .arithmetic import window_arithmetic
from .i18n import Key

__all__ = ["ASSETS", "SAMPLES", "SOURCES", "MODES", "VIEWS", "CHANNELS", "MAX_LEVELS", "VISIBLE", "Settings",
           "Level", "Patch", "Eyes", "View", "load_sample", "gray", "map_box", "compute"]

ASSETS = Path(__file__).resolve().parent.parent / "assets"


@dataclass(frozen=True)
class Sample:
    file: str
    eyes: tuple[tuple[int, int, int, int], ...] = ()  # (top, left, bottom, right) of each eye, in pixels


# The pictures in assets/ (see assets/LICENSES.md); the eye boxes were measured on those files.
SAMPLES = {
    "face": Sample("face.png", ((196, 150, 244, 214), (196, 298, 244, 362))),  # = make_assets.FACE_EYES
    "astronaut": Sample("astronaut.jpg", ((95, 190, 106, 211), (95, 236, 107, 253))),
    "cat": Sample("cat.jpg", ((85, 135, 145, 202), (110, 297, 165, 345))),
    "stripes": Sample("stripes.png"),
    "text": Sample("text.png"),
    "coffee": Sample("coffee.jpg"),
    "rocket": Sample("rocket.jpg"),
    "tripod": Sample("camera.png"),
}
SOURCES = (*SAMPLES, "upload", "camera")
MODES = ("max", "avg")
VIEWS = ("rgb", "gray")
CHANNELS = {"rgb": ("R", "G", "B"), "gray": ("Y",)}
MAX_LEVELS = 4
KERNEL_RANGE, STRIDE_RANGE = (1, 4), (1, 4)
VISIBLE = 24  # an eye whose brightness differs from the face around it by this much (of 255) is still seen
_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601, as Pillow's convert("L")


@dataclass(frozen=True)
class Settings:
    source: str = "face"
    kernel: int = 2
    stride: int = 2
    levels: int = 3
    view: str = "rgb"  # pool the RGB channels, or the grayscale picture
    patch_x: int = 31  # where the zoomed patch sits, in % of the width and height
    patch_y: int = 46  # (the defaults put it on the edge of the drawn face's left eye)

    def check(self) -> None:
        """Raise ``ValueError`` naming the setting out of range (URL parameters are hostile too)."""
        for name, (lo, hi) in (("kernel", KERNEL_RANGE), ("stride", STRIDE_RANGE), ("levels", (1, MAX_LEVELS)),
                               ("patch_x", (0, 100)), ("patch_y", (0, 100))):
            value = getattr(self, name)
            if not lo <= value <= hi:
                raise ValueError(f"{name} = {value} is outside {lo}..{hi}")
        if self.view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}")


@dataclass(frozen=True, eq=False)
class Level:
    """One level of the pyramid: level 0 is the picture itself."""

    index: int
    images: dict  # mode -> (h, w, C) uint8

    @property
    def shape(self) -> tuple[int, int]:
        return self.images["max"].shape[:2]

    @property
    def pixels(self) -> int:
        return self.shape[0] * self.shape[1]


@dataclass(frozen=True, eq=False)
class Patch:
    """A few windows' worth of real pixels and the first (pink) window's numbers."""

    box: tuple[int, int, int, int]  # (top, left, bottom, right) in the picture
    values: np.ndarray  # (P, P, C) uint8
    outputs: dict  # mode -> (C, oh, ow) pooled patch
    arithmetic: dict  # mode -> one line per channel


@dataclass(frozen=True)
class EyeRow:
    level: int
    shape: tuple[int, int]
    eye: tuple[int, int]  # size of the first eye's box at this level, in pixels
    contrast: dict  # mode -> brightness difference between eye and face around it (0..255)


@dataclass(frozen=True)
class EyeVerdict:
    mode: str
    visible: bool
    text: tuple


@dataclass(frozen=True, eq=False)
class Eyes:
    rows: tuple[EyeRow, ...]
    verdicts: tuple[EyeVerdict, ...]


@dataclass(frozen=True, eq=False)
class View:
    settings: Settings
    levels: tuple[Level, ...]
    notes: tuple[tuple, ...]  # (level, key, fields) for the page
    patch: Patch
    diff: np.ndarray  # (h, w) max - avg at the last level, gray, 0..255
    diff_text: tuple
    eyes: Eyes | None
    eyes_text: tuple

    @property
    def last(self) -> Level:
        return self.levels[-1]


def load_sample(name: str) -> np.ndarray:
    """A sample picture from assets/ as ``(H, W, 3)`` uint8, read through the same decoder as uploads."""
    if name not in SAMPLES:
        raise ValueError(f"source must be one of {', '.join(SAMPLES)}")
    return picture.decode((ASSETS / SAMPLES[name].file).read_bytes()).pixels


def gray(pixels: np.ndarray) -> np.ndarray:
    """``(..., 3)`` RGB to ``(...)`` float32 luma; a one-channel array is returned as it is."""
    a = np.asarray(pixels, dtype=np.float32)
    return a[..., 0] if a.shape[-1] == 1 else a @ _LUMA


def _to_image(chw: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(np.moveaxis(chw, 0, -1)), 0, 255).astype(np.uint8)


def _pyramid(x: np.ndarray, s: Settings) -> tuple[list[Level], int]:
    """Pool ``x`` (C, H, W) float32 up to ``s.levels`` times in each mode; stop where no window fits."""
    levels = [Level(0, {m: _to_image(x) for m in MODES})]
    current = {m: x for m in MODES}
    for n in range(1, s.levels + 1):
        if min(current["max"].shape[1:]) < s.kernel:
            break
        current = {m: pool2d(current[m], s.kernel, s.stride, mode=m).output for m in MODES}
        levels.append(Level(n, {m: _to_image(current[m]) for m in MODES}))
    return levels, len(levels) - 1


def map_box(box, kernel: int, stride: int, shape_out: tuple[int, int]):
    """Where the input box ``(top, left, bottom, right)`` lands after one pooling:
    the output cells whose window centre lies inside it; when none does (the box
    is smaller than a step), the one cell whose window holds the box's centre.
    Returns the output box and whether it shrank below one pixel."""
    half = (kernel - 1) / 2
    out = []
    small = False
    for lo, hi, n in ((box[0], box[2], shape_out[0]), (box[1], box[3], shape_out[1])):
        j0, j1 = math.ceil((lo - half) / stride), math.floor((hi - 1 - half) / stride)
        if j0 > j1:
            small = True
            j0 = j1 = int((lo + hi - 1) / 2 // stride)
        out.append((min(max(j0, 0), n - 1), min(max(j1, 0), n - 1) + 1))
    (t, b), (l_, r) = out
    return (t, l_, b, r), small


def _contrast(img: np.ndarray, box) -> float:
    """|mean brightness inside ``box`` - mean of a ring as wide as the box around it|."""
    g = gray(img)
    t, l_, b, r = box
    h, w = b - t, r - l_
    outer = g[max(t - h, 0):b + h, max(l_ - w, 0):r + w]
    inside = g[t:b, l_:r]
    ring_n = outer.size - inside.size
    if ring_n <= 0:
        return 0.0
    ring = (outer.sum() - inside.sum()) / ring_n
    return float(abs(inside.mean() - ring))


def _eyes(levels: list[Level], eyes_px, s: Settings) -> Eyes:
    rows = []
    boxes = list(eyes_px)
    gone = False
    for lv in levels:
        if lv.index > 0:
            mapped = [map_box(bx, s.kernel, s.stride, lv.shape) for bx in boxes]
            boxes = [bx for bx, _ in mapped]
            gone = gone or any(small for _, small in mapped)
        contrast = {m: min(_contrast(lv.images[m], bx) for bx in boxes) for m in MODES}
        eye = (boxes[0][2] - boxes[0][0], boxes[0][3] - boxes[0][1])
        rows.append(EyeRow(lv.index, lv.shape, eye, contrast))
    last = rows[-1]
    verdicts = []
    for m in MODES:
        c = round(last.contrast[m])
        visible = c >= VISIBLE
        key = "pic.eyes_yes" if visible else "pic.eyes_no"
        verdicts.append(EyeVerdict(m, visible, (key, {"mode": Key(f"common.{m}"), "level": last.level, "h": last.shape[0],
                                                     "w": last.shape[1], "c": c, "limit": VISIBLE})))
    return Eyes(tuple(rows), tuple(verdicts))


def _patch(x: np.ndarray, s: Settings) -> Patch:
    """Two windows by two windows of real pixels where the patch sliders point, on the window grid."""
    _, h, w = x.shape
    size_h, size_w = min(s.kernel + s.stride, h), min(s.kernel + s.stride, w)
    top = int(round(s.patch_y / 100 * (h - size_h))) // s.stride * s.stride
    left = int(round(s.patch_x / 100 * (w - size_w))) // s.stride * s.stride
    part = x[:, top:top + size_h, left:left + size_w]
    outputs, lines = {}, {}
    for m in MODES:
        res = pool2d(part, s.kernel, s.stride, mode=m)
        outputs[m] = res.output
        lines[m] = tuple(window_arithmetic(res.trace.window(0, 0, c)) for c in range(part.shape[0]))
    return Patch((top, left, top + size_h, left + size_w), _to_image(part), outputs, lines)


def compute(s: Settings, pixels: np.ndarray) -> View:
    """The lesson for the picture ``pixels`` ((H, W, 3) uint8) under settings ``s``."""
    s.check()
    rgb = np.asarray(pixels)
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError("the picture must be an (H, W, 3) array")
    x = np.moveaxis(rgb, -1, 0).astype(np.float32) if s.view == "rgb" else gray(rgb)[None]
    levels, reached = _pyramid(x, s)
    notes = []
    if reached < s.levels:
        notes.append(("warning", "pic.levels_stopped", {"asked": s.levels, "reached": reached, "k": s.kernel}))
    if s.stride < s.kernel:
        notes.append(("caption", "pic.overlap", {"k": s.kernel, "s": s.stride}))
    elif s.stride > s.kernel:
        notes.append(("caption", "pic.gaps", {"k": s.kernel, "s": s.stride}))
    last = levels[-1]
    diff = np.clip(gray(last.images["max"]) - gray(last.images["avg"]), 0, 255)
    big = float((diff >= 48).mean()) * 100
    diff_text = ("pic.diff_stats", {"level": last.index, "mean": f"{diff.mean():.1f}", "big": f"{big:.0f}%"})
    sample = SAMPLES.get(s.source)
    eyes = _eyes(levels, sample.eyes, s) if sample is not None and sample.eyes and reached > 0 else None
    eyes_text = ("pic.eyes_measured" if eyes else "pic.eyes_unknown", {"limit": VISIBLE})
    return View(s, tuple(levels), tuple(notes), _patch(x, s), diff, diff_text, eyes, eyes_text)
