"""Figures built once and shared by every session and rerun.

A page's figures depend only on its settings (the frozen ``Settings`` records
in lessons/*.py) and the language, and building one costs tens of ms of
Plotly validation, far more than the pooling. So a page asks for

    chart(figure(("pg", out.settings, step, lang()), lambda: pgfig.playground_figure(...)), key=...)

and the figure is built the first time that key is seen, then handed out as
is. The key must name the figure and hold everything ``build`` reads.

Why ``st.cache_resource`` (one shared object) and not ``st.cache_data`` (a
copy per hit): measured on the playground's figure (benchmarks/load.py's
machine), a cache_data hit unpickles the Figure, which re-validates it (31 ms
against 81 ms to build); caching its dict instead makes ``st.plotly_chart``
validate it again (33 ms); a shared Figure costs nothing on a hit, and
``st.plotly_chart`` copies it (``to_dict``, 2 ms) before serialising, so
nobody's rerun sees another's changes. The rule that comes with sharing:
never change a figure ``figure`` returned (no ``update_layout`` on it).
``max_entries`` bounds the memory (a figure is tens to hundreds of kB).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

MAX_FIGURES = 128  # over all pages: every page's defaults in both languages, and room for students' settings


@st.cache_resource(max_entries=MAX_FIGURES, show_spinner=False)
def _shared(key: tuple, _build: Callable[[], Any]) -> Any:
    return _build()


def figure(key: tuple, build: Callable[[], Any]) -> Any:
    """``build()``, built once per ``key`` (a tuple starting with the figure's
    name, then the settings record, language and whatever else ``build``
    reads) and shared; read-only."""
    if not (isinstance(key, tuple) and key and isinstance(key[0], str)):
        raise TypeError("figure key: a tuple starting with the figure's name")
    return _shared(key, build)
