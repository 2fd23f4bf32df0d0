"""Streamlit helpers every page shares: the current language, translated text
(keys, and the ``(key, fields)`` pairs lesson view models carry) and the one
way a page reports a configuration the core refuses."""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from .errors import error_text
from .figures.style import scaled
from .i18n import DEFAULT_LANG, LANGS, t
from .ui_cache import SharedFigure, computed, dict_figure, figure, shared  # noqa: F401  (pages import them from here)
from .numbers import fmt
from .ui_present import controls_box, figure_first, font_scale, scroll_box, wide_and_phone  # noqa: F401  (layout helpers)


def lang() -> str:
    """The language picked in the sidebar (``?lang=zh`` in the URL)."""
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def tr(key: str, /, **fields) -> str:
    """Translate ``key`` into the current language."""
    return t(key, lang(), **fields)


def say(text: tuple[str, dict], /, **more) -> str:
    """Translate a view model's ``(key, fields)`` pair (``more`` adds fields)."""
    key, fields = text
    return tr(key, **fields, **more)


def show_note(note: tuple[str, str, dict]) -> None:
    """Show a view model's ``(level, key, fields)`` note: level is the streamlit
    call (``"caption"``, ``"info"``, ``"success"``, ``"warning"``)."""
    level, key, fields = note
    getattr(st, level)(tr(key, **fields))


def show_error(error: Exception | str) -> None:
    """Explain a ``ValueError`` from the core in the reader's language (lessons/errors.py);
    never a traceback."""
    st.error(tr("common.error", message=error_text(error, lang())), icon=":material/error:")
    st.caption(tr("common.error_hint"))


@contextmanager
def explained_errors():
    """``with explained_errors(): ...`` shows a core ``ValueError`` with
    :func:`show_error` and lets the page carry on below the block."""
    try:
        yield
    except ValueError as exc:
        show_error(exc)


def chart(fig, key: str, where=st) -> None:
    """Render a plotly figure full width with a stable key (into ``where``,
    e.g. an ``st.empty()`` slot, if given); larger fonts in presenting mode,
    and a caption saying what the colours mean when the figure's colour
    scale leaves outliers out (``layout.meta["color_clip"]``)."""
    as_dict = fig if isinstance(fig, dict) else fig.to_dict() if isinstance(fig, SharedFigure) else None
    meta = (as_dict.get("layout") or {}).get("meta") if as_dict is not None else fig.layout.meta
    clip = meta.get("color_clip") if isinstance(meta, dict) else None
    fig = scaled(fig, font_scale())
    # A dict here comes from a validated figure (a shared one moved to a step, or scaled): no second validation.
    where.plotly_chart(dict_figure(fig) if isinstance(fig, dict) else fig, key=key, width="stretch",
                       config={"displaylogo": False})
    if clip:  # a slot (st.empty()) holds one element: then the caption goes where the page is writing
        slot = type(getattr(where, "_provided_cursor", None)).__name__ == "LockedCursor"
        (st if slot else where).caption(tr("grid.color_clip", lo=fmt(clip[0]), hi=fmt(clip[1])))
