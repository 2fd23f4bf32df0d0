"""Streamlit helpers every page shares: the current language, translated text
and the one way a page reports a configuration the core refuses."""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from .i18n import DEFAULT_LANG, LANGS, t


def lang() -> str:
    """The language picked in the sidebar (``?lang=zh`` in the URL)."""
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def tr(key: str, /, **fields) -> str:
    """Translate ``key`` into the current language."""
    return t(key, lang(), **fields)


def show_error(exc: Exception) -> None:
    """Explain a ``ValueError`` from the core; never a traceback."""
    st.error(tr("common.error", message=str(exc)), icon=":material/error:")
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
    e.g. an ``st.empty()`` slot, if given)."""
    where.plotly_chart(fig, key=key, width="stretch", config={"displaylogo": False})
