"""Apply :mod:`lessons.urlguard` to the live URL before any widget reads it, and say what changed.

``app.py`` calls :func:`guard_url` once per run, before its first widget: the guard knows every
page's keys (they carry the page's prefix), so it need not know which page is about to run.
"""

from __future__ import annotations

import streamlit as st

from . import urlguard
from .i18n import DEFAULT_LANG, LANGS, t


def _forget(key: str, value: str | None) -> None:
    """Replace (or drop) ``key`` in the URL and in the values Streamlit seeds widgets from."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as qp:
        if qp.is_bound(key):  # a widget already owns it: the widget's value wins on reruns
            return
        if value is None:
            qp._query_params.pop(key, None)
        else:
            qp._query_params[key] = value
        qp.set_initial_query_params_from_current()
        qp._send_query_param_msg()


def guard_url() -> None:
    """Clean the query parameters in place; show a note naming each parameter that changed."""
    params = st.query_params.to_dict()
    fixes = urlguard.clean(params)
    for fix in fixes:
        _forget(fix.key, fix.value)
    if fixes:
        # Before the language switch exists: the language is the link's own (when it is valid).
        lang = st.session_state.get("lang") or params.get("lang")
        lang = lang if lang in LANGS else DEFAULT_LANG
        lines = [t("url.fixed_head", lang)] + [
            "- " + t(fix.why, lang, key=urlguard.shown_key(fix.key), **dict(fix.fields)) for fix in fixes]
        st.info("\n".join(lines), icon=":material/link_off:")
