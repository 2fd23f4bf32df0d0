"""Grids side by side in one figure: the layout every multi-panel figure shares.

Each panel is a pair of axes (``x``/``y``, ``x2``/``y2``, ...) holding one
grid. Panels are as wide as their share of the columns and as tall as their
share of the tallest grid's rows, so a cell has one size in every panel and
the grids' tops line up. Built as a plain dict (cheaper than
``make_subplots``: pages rerun on every step). Plotly layout only; no
streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .grid import CELL_TEXT_MAX

__all__ = ["Panel", "axis_suffix", "on_panel", "panel_layout"]


@dataclass(frozen=True)
class Panel:
    """One grid of ``rows`` x ``cols`` cells whose top-left cell is ``(row0, col0)``
    (negative when padding is drawn). ``toward`` pins the grid to one side of
    its share of the width (``"left"``, ``"right"``) when the height limits it."""

    rows: int
    cols: int
    row0: int = 0
    col0: int = 0
    title: str = ""
    toward: str | None = None


def axis_suffix(panel: int) -> str:
    """``""`` for panel 1, ``"2"`` for panel 2, ...: plotly's axis names."""
    return "" if panel == 1 else str(panel)


def on_panel(shape: dict, panel: int) -> dict:
    """``shape`` moved onto the axes of ``panel`` (1-based)."""
    suffix = axis_suffix(panel)
    return {**shape, "xref": f"x{suffix}", "yref": f"y{suffix}"}


def panel_layout(panels, *, spacing: float, ticks: str = "bottom", tick_size: int = 11,
                 title_size: int = 15, axis_titles: bool = False, y_toward: str | None = "top") -> dict:
    """The layout of ``panels`` (a sequence of :class:`Panel`) left to right.

    Parameters
    ----------
    spacing : float
        Gap between neighbouring panels, as a fraction of the figure's width.
    ticks : {"bottom", "top"}
        Where the column numbers go. At the bottom, a shorter grid gets the
        top part of the height, so its numbers sit right under it; on top,
        every panel's row axis spans the tallest grid's rows (the extra rows
        stay empty), so the grids can also be centred (``y_toward=None``).
    axis_titles : bool
        Titles as the column axes' titles (above the column numbers when
        ``ticks="top"``) instead of centred above the plotting area.
    y_toward : str or None
        Where a grid sits when its width limits it: ``"top"`` lines the grids
        up under their titles; ``None`` centres them.
    """
    panels = list(panels)
    total = sum(p.cols for p in panels)
    tallest = max(p.rows for p in panels)
    free = 1.0 - spacing * (len(panels) - 1)
    # The layout's font size caps the cell text, which Plotly fits to the cells
    # (see grid.cell_font); every other text names its own size.
    layout: dict = {"plot_bgcolor": "white", "showlegend": False, "font": {"size": CELL_TEXT_MAX},
                    "hoverlabel": {"font": {"size": 13}}}
    annotations = []
    x0 = 0.0
    for n, p in enumerate(panels, start=1):
        suffix = axis_suffix(n)
        x1 = min(1.0, x0 + free * p.cols / total)
        common = {"tickmode": "array", "showgrid": False, "zeroline": False, "fixedrange": True,
                  "constrain": "domain", "tickfont": {"size": tick_size}}
        xaxis = dict(common, domain=[x0, x1], anchor=f"y{suffix}", side=ticks,
                     tickvals=list(range(p.col0, p.col0 + p.cols)), range=[p.col0 - 0.5, p.col0 + p.cols - 0.5])
        yaxis = dict(common, anchor=f"x{suffix}", tickvals=list(range(p.row0, p.row0 + p.rows)),
                     scaleanchor=f"x{suffix}", scaleratio=1)
        if ticks == "top":
            yaxis["range"] = [p.row0 + tallest - 0.5, p.row0 - 0.5]
        else:
            yaxis.update(domain=[1.0 - p.rows / tallest, 1.0], range=[p.row0 + p.rows - 0.5, p.row0 - 0.5])
        if p.toward:
            xaxis["constraintoward"] = p.toward
        if y_toward:
            yaxis["constraintoward"] = y_toward
        if p.title and axis_titles:
            xaxis["title"] = {"text": p.title, "font": {"size": title_size}}
        elif p.title:
            annotations.append(dict(text=p.title, xref="paper", yref="paper", x=(x0 + x1) / 2, y=1.0,
                                    xanchor="center", yanchor="bottom", showarrow=False,
                                    font={"size": title_size}))
        layout[f"xaxis{suffix}"], layout[f"yaxis{suffix}"] = xaxis, yaxis
        x0 = x1 + spacing
    layout["annotations"] = annotations
    return layout


def stack_panels(layout: dict, panels, *, spacing: float) -> dict:
    """Turn a :func:`panel_layout` (with ``ticks="top"``) into one panel
    above the next, each as wide as the figure: for grids too wide to stand
    side by side at a readable cell size. ``spacing`` is the gap between
    panels as a fraction of the figure's height (it holds the next panel's
    title and column numbers). Returns ``layout``, changed in place."""
    panels = list(panels)
    total = sum(p.rows for p in panels)
    free = 1.0 - spacing * (len(panels) - 1)
    y1 = 1.0
    for n, p in enumerate(panels, start=1):
        suffix = axis_suffix(n)
        y0 = max(0.0, y1 - free * p.rows / total)
        layout[f"xaxis{suffix}"].update(domain=[0.0, 1.0], constraintoward="center")
        layout[f"yaxis{suffix}"].update(domain=[y0, y1], range=[p.row0 + p.rows - 0.5, p.row0 - 0.5],
                                        constraintoward="top")
        y1 = y0 - spacing
    return layout
