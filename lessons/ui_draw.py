"""Streamlit side of "draw your own input": a pad to paint cells, a value
picker, a clear button, and the drawing's code bound to the page's URL.

One call per page, :func:`draw_input`, with a key prefix (``"pg"``), the
input as the lesson would show it untouched (``example``) and what that
example was made from (``base``: a new base starts a fresh drawing). The
drawing lives in one URL-bound text box, ``<prefix>_draw`` (see
:mod:`lessons.drawing` for the code), so a shared link holds it; a click on
the pad, the clear button and the typed numbers all write that box in their
callbacks, before the page runs. Logic: :mod:`lessons.drawing`; figure:
:mod:`lessons.figures.draw`; strings: ``draw.*``.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import streamlit as st

from . import drawing
from .examples import MAX_SIDE, GridError, format_grid, parse_grid
from .figures.draw import pad_figure
from .ui import tr
from .ui_cache import figure

PALETTE = tuple(range(10))  # the values a pad paints: the whole numbers the examples use
GRADIENT_PALETTE = tuple(range(-3, 4))  # ... and a gradient's, as the backward page's random ones


def _keys(prefix: str) -> dict[str, str]:
    return {name: f"{prefix}_{name}" for name in ("draw", "draw_base", "draw_clear")}


def _store(prefix: str, example: np.ndarray, grid: np.ndarray) -> None:
    """Write ``grid`` as the drawing (no code when it is the example itself)."""
    st.session_state[f"{prefix}_draw"] = "" if np.array_equal(grid, example) else drawing.encode(grid)


def _store_text(text_key: str, grid: np.ndarray) -> None:
    """Write ``grid`` into a one-line text box, rows separated by "; "."""
    st.session_state[text_key] = format_grid(grid).replace("\n", "; ")


def _painted(prefix: str, chart_key: str, values: np.ndarray, default: int, store) -> None:
    """Pad callback: paint the selected cells and ``store`` the new grid, then give
    the pad a fresh key (no selection left)."""
    s = st.session_state
    event = s.get(chart_key) or {}
    points = (event.get("selection") or {}).get("points") if hasattr(event, "get") else None
    cells = drawing.selected_cells(points, values.shape)
    if cells:
        value = s.get(f"{prefix}_paint")
        store(drawing.paint(values, cells, default if value is None else value))
    s[f"{prefix}_draw_n"] = s.get(f"{prefix}_draw_n", 0) + 1


def _pad(prefix: str, grid: np.ndarray, *, drawn, palette, default: int, store, width: int = 900,
         signed: bool = False) -> None:
    """The hint, the value picker and the pad; a click calls ``store(new grid)``."""
    s = st.session_state
    st.caption(tr("draw.hint"))
    st.pills(tr("draw.value"), palette, default=default, key=f"{prefix}_paint")
    chart_key = f"{prefix}_pad_{s.get(f'{prefix}_draw_n', 0)}"
    hover, marks = tr("draw.pad_hover"), None if drawn is None else np.asarray(drawn, bool)
    fig = figure(("draw_pad", grid.shape, grid.tobytes(), None if marks is None else marks.tobytes(), hover, width,
                  signed), lambda: pad_figure(grid, drawn=marks, hover=hover, width=width, signed=signed))
    st.plotly_chart(fig, key=chart_key, width="stretch", config={"displaylogo": False},
                    selection_mode=("points", "box"),
                    on_select=partial(_painted, prefix, chart_key, grid, default, store))


def _typed(prefix: str, text_key: str, example: np.ndarray) -> None:
    """Text box callback: numbers that read become the drawing (errors are shown by the page run)."""
    try:
        grid = parse_grid(st.session_state[text_key], *example.shape)
    except GridError:
        return
    _store(prefix, example, grid)
    st.session_state[f"{text_key}_tag"] = drawing.encode(grid)  # keep the text as typed


def _read(code: str, example: np.ndarray) -> tuple[np.ndarray, str | None]:
    """The grid to show for ``code`` and what to say about it (or None)."""
    if not code.strip():
        return example, None
    try:
        drawn = drawing.decode(code.strip())
    except drawing.DrawError as exc:
        st.warning(tr("draw.bad_code", reason=tr(f"draw.err.{exc.code}", **exc.fields)), icon=":material/draw:")
        return example, None
    if drawn.shape == example.shape:
        return drawn, None
    grid, (rows, cols) = drawing.resize(drawn, *example.shape, fill=example)
    return grid, tr("draw.resized", h=example.shape[0], w=example.shape[1], dh=drawn.shape[0], dw=drawn.shape[1],
                    rows=rows, cols=cols)


def _text_box(prefix: str, text_key: str, grid: np.ndarray, example: np.ndarray, label: str, help: str) -> None:
    """The typed grid (the playground's): shows the drawing, and typing changes it."""
    s, tag = st.session_state, drawing.encode(grid)
    if s.get(f"{text_key}_tag") != tag:
        s[text_key], s[f"{text_key}_tag"] = format_grid(grid), tag
    text = st.text_area(label, key=text_key, height=min(420, 40 + 24 * grid.shape[0]), help=help,
                        on_change=_typed, args=(prefix, text_key, example))
    try:
        parse_grid(text, *grid.shape)
    except GridError as exc:
        st.error(tr(f"pg.grid_err.{exc.code}", **exc.fields), icon=":material/edit_off:")
        st.caption(tr("draw.text_fallback"))


def draw_input(prefix: str, example, *, base, title: str = "draw.title", palette=PALETTE, default: int = 9,
               text: dict | None = None, width: int = 900) -> tuple[tuple[float, ...], ...] | None:
    """Show the drawing controls in an expander titled ``title`` (a key) and
    return the grid to use: None while it is the example itself.

    ``base`` (hashable) names what the example was made from: when it
    changes (a new preset, a new seed) the drawing is cleared; a new size
    keeps the drawing's overlap. ``text`` (``{"key", "label", "help"}``) adds a
    box to type the numbers, row by row. ``width``: about how wide the pad's column is, in px.
    """
    s, k = st.session_state, _keys(prefix)
    example = np.asarray(example, dtype=float)
    if s.get(k["draw_base"]) not in (None, base):
        s[k["draw"]] = ""  # before the box is drawn, so this run already shows the new example
    s[k["draw_base"]] = base
    notice = st.container()  # what the reader must see with the pad closed
    # A stateful expander: its content runs only while it is open, so a first load
    # draws no pad (a collapsed expander's chart is still drawn by the browser).
    with st.expander(tr(title), key=f"{prefix}_draw_open", on_change="rerun") as pad_box:
        top = st.container()
        code = st.text_input(tr("draw.code"), key=k["draw"], bind="query-params", help=tr("draw.code_help"))
        with notice:
            grid, note = _read(code or "", example)
            if note:
                st.info(note, icon=":material/crop:")
            changed = int((grid != example).sum())
            if changed:
                st.caption(tr("draw.using", n=changed, total=grid.size))
        with top:
            if pad_box.open:  # the pad and its buttons; the boxes to type in are light and always there
                _pad(prefix, grid, drawn=grid != example, palette=palette, default=default,
                     store=partial(_store, prefix, example), width=width)
                st.button(tr("draw.clear"), key=k["draw_clear"], icon=":material/ink_eraser:", disabled=not code,
                          on_click=s.update, kwargs={k["draw"]: ""})
            if text:
                _text_box(prefix, text["key"], grid, example, text["label"], text["help"])
    return None if not changed else tuple(map(tuple, grid.tolist()))


def draw_into_text(prefix: str, grid, text_key: str, *, show: bool = True, where=st, title: str = "draw.title_upstream",
                   palette=GRADIENT_PALETTE, default: int = 1) -> None:
    """A pad for a grid typed in the one-line text box ``text_key`` (the backward
    page's upstream gradient): a click rewrites the box, which the URL already holds.
    Nothing is shown unless ``show``, nor for a grid too big to type (the box explains that)."""
    grid = np.asarray(grid, dtype=float)
    if show and max(grid.shape) <= MAX_SIDE:
        with where.expander(tr(title), key=f"{prefix}_draw_open", on_change="rerun") as pad_box:  # lazy, as above
            if pad_box.open:
                _pad(prefix, grid, drawn=None, palette=palette, default=default, store=partial(_store_text, text_key),
                     signed=True)
