"""Screen styles for finished figures: every font (and the margins that hold
the titles) scaled for presenting on a projector.

The builders draw for a laptop screen; :func:`scaled` returns a copy with
every font ``factor`` times larger, including the animation frames' fonts
and the cap of the cell text (Plotly fits heatmap text to its cell, up to the
layout's font size, see :func:`lessons.figures.grid.cell_font`). Plotly only;
no streamlit.
"""

from __future__ import annotations

import copy

import plotly.graph_objects as go

__all__ = ["PLOTLY_FONT", "scaled", "scale_fonts"]

PLOTLY_FONT = 12  # Plotly's font size where a figure names none
MARGIN_KEYS = ("t", "b", "l", "r")
OFFSETS = ("xshift", "yshift", "standoff")  # pixel offsets of titles and annotations


def _scale_font(font: dict | None, factor: float, default: float | None = None) -> dict:
    font = dict(font or {})
    size = font.get("size", default)
    if isinstance(size, (int, float)) and not isinstance(size, bool):
        font["size"] = round(size * factor, 1)
    return font


def _walk(node, factor: float) -> None:
    """Scale every ``font`` / ``textfont`` / ``tickfont`` size and every text
    offset (:data:`OFFSETS`) below ``node`` in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "template":
                continue
            if key in ("font", "textfont", "tickfont", "insidetextfont", "outsidetextfont") and isinstance(value, dict):
                node[key] = _scale_font(value, factor)
            elif key in OFFSETS and isinstance(value, (int, float)) and not isinstance(value, bool):
                node[key] = round(value * factor, 1)  # text placed so many px off must move with its size
            else:
                _walk(value, factor)
    elif isinstance(node, list):
        for item in node:
            _walk(item, factor)


def scale_fonts(spec: dict, factor: float) -> dict:
    """Scale, in place, every explicit font size of a figure dict (``{"data",
    "layout", "frames"}``) by ``factor``, make the layout's own font (Plotly's
    default for every text without a size, and the cap of fitted cell text)
    explicit and scaled, and grow the margins and height to hold the larger
    titles. Returns ``spec``."""
    if factor == 1:
        return spec
    layout = spec.setdefault("layout", {})
    _walk(spec.get("data", []), factor)
    _walk(layout, factor)
    for frame in spec.get("frames", []) or []:
        _walk(frame, factor)
    if "size" not in layout.get("font", {}):
        layout["font"] = _scale_font(layout.get("font"), factor, PLOTLY_FONT)
    margin = layout.get("margin") or {}
    grown = 0.0
    for side in MARGIN_KEYS:
        if isinstance(margin.get(side), (int, float)):
            extra = margin[side] * (factor - 1)
            margin[side] = round(margin[side] + extra)
            grown += extra if side in ("t", "b") else 0
    if margin:
        layout["margin"] = margin
    if isinstance(layout.get("height"), (int, float)):
        layout["height"] = round(layout["height"] + grown)
    return spec


def scaled(fig: go.Figure | dict, factor: float) -> go.Figure | dict:
    """``fig`` (a Figure or a figure dict) with every font ``factor`` times larger
    (a figure dict; the original is not changed). ``factor == 1`` returns ``fig`` itself."""
    if factor == 1:
        return fig
    # A copy always: a shared figure's to_dict is the one dict every session draws (lessons/ui_cache.py).
    return scale_fonts(copy.deepcopy(fig if isinstance(fig, dict) else fig.to_dict()), factor)
