"""Drawing for lesson 7 (real pictures): blocky enlargements, the patch of real
pixels with the window grid, the max-minus-average map. Only draws: the numbers
come from :mod:`lessons.pictures`. NumPy and Plotly; no streamlit.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from .grid import HIGHLIGHT, window_color, window_shape

DISPLAY = 256  # every pyramid picture is shown this many pixels wide (or high)
LARGEST = 512  # larger pictures are sent to the browser shrunk to this (a column is narrower anyway)
DIFF_RAMP = ((255, 255, 255), (0xD5, 0x5E, 0x00))  # no difference: white; 255: vermilion


def blocky(img: np.ndarray, size: int = DISPLAY, largest: int = LARGEST) -> np.ndarray:
    """``img`` enlarged by a whole factor with each pixel a square block, so the
    browser shows the pixels instead of smoothing them; pictures larger than
    ``largest`` are shrunk to it (by area averaging) for the screen."""
    img = img[..., 0] if img.ndim == 3 and img.shape[2] == 1 else img
    h, w = img.shape[:2]
    if max(h, w) > largest:
        small = Image.fromarray(img)
        small.thumbnail((largest, largest), Image.Resampling.BOX)
        return np.asarray(small)
    f = max(1, size // max(h, w))
    return np.repeat(np.repeat(img, f, axis=0), f, axis=1)


def outlined(img: np.ndarray, box, color: str = HIGHLIGHT, width: int = 3) -> np.ndarray:
    """A copy of ``img`` (RGB or gray) with the box ``(top, left, bottom, right)`` outlined,
    drawn a little outside a small box so it does not hide it."""
    rgb = np.repeat(img[..., None], 3, axis=2) if img.ndim == 2 else img[..., :3]
    if rgb.shape[2] == 1:
        rgb = np.repeat(rgb, 3, axis=2)
    out = rgb.copy()
    h, w = out.shape[:2]
    c = np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)], np.uint8)
    t, l_, b, r = box[0] - width, box[1] - width, box[2] + width, box[3] + width
    for r0, r1, c0, c1 in ((t, t + width, l_, r), (b - width, b, l_, r), (t, b, l_, l_ + width), (t, b, r - width, r)):
        out[max(r0, 0):min(max(r1, 0), h), max(c0, 0):min(max(c1, 0), w)] = c
    return out


def diff_image(diff: np.ndarray) -> np.ndarray:
    """max − average (0..255) as a white-to-vermilion picture; differences are
    doubled so that small ones show."""
    t = np.clip(diff * 2.0 / 255.0, 0, 1)[..., None]
    lo, hi = (np.array(c, np.float32) for c in DIFF_RAMP)
    return np.rint(lo + (hi - lo) * t).astype(np.uint8)


def patch_figure(values: np.ndarray, kernel: int, stride: int, *, title: str, channels: tuple[str, ...]) -> go.Figure:
    """The patch's pixels, each with its numbers written in, and the 2×2 windows
    outlined in the walkthrough's colours (pink, blue, green, yellow)."""
    p_h, p_w, n_ch = values.shape
    rgb = values if n_ch == 3 else np.repeat(values, 3, axis=2)
    if n_ch == 1:
        text = [[str(int(v)) for v in row] for row in values[..., 0]]
    else:
        text = [["<br>".join(f"{ch} {int(v)}" for ch, v in zip(channels, px)) for px in row] for row in values]
    luma = rgb.astype(float) @ np.array([0.299, 0.587, 0.114])
    rows, cols = np.mgrid[0:p_h, 0:p_w]
    dark = luma.ravel() <= 110
    fig = go.Figure(go.Image(z=rgb, hoverinfo="skip"))
    for is_dark, color in ((False, "#000000"), (True, "#ffffff")):  # one text trace per text colour
        pick = dark == is_dark
        fig.add_trace(go.Scatter(x=cols.ravel()[pick], y=rows.ravel()[pick], mode="text", hoverinfo="skip",
                                 text=[cell for cell, k in zip(sum(text, []), pick) if k], showlegend=False,
                                 textfont={"size": 12 if n_ch == 1 else 11, "color": color}))
    n_out = [(n - kernel) // stride + 1 for n in (p_h, p_w)]
    shapes = []
    for i in range(n_out[0]):
        for j in range(n_out[1]):
            step = i * n_out[1] + j
            shapes.append(window_shape(i * stride, i * stride + kernel, j * stride, j * stride + kernel,
                                       window_color(step), fill_alpha=0.0, width=5 - step,
                                       dash=None if step == 0 else "dot"))
    fig.update_layout(shapes=shapes)
    side = 90 * max(p_h, p_w)
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 14}}, height=side + 60, width=None,
                      margin={"l": 10, "r": 10, "t": 50, "b": 10})
    fig.update_xaxes(visible=False, range=[-0.6, p_w - 0.4])
    fig.update_yaxes(visible=False, range=[p_h - 0.4, -0.6], scaleanchor="x")
    return fig
