"""Option widgets that show names in the reader's language and keep code names in the URL.

A widget bound with ``bind="query-params"`` writes the label it *shows* into the URL, so a
translated label would put "最大池化" in a link and lose the choice when the language
changes. :func:`choice` binds by hand instead: the widget shows translated names
(``format_func``), while the URL holds the option's code name (``?pg_mode=avg``), which is
the same in every language. So a link made in Chinese opens the same view in English, and
switching the language keeps every choice (the widget's key, not its label, is its identity).

The URL is read, checked and written here:

* on a page's first run the widget starts from the URL's value if it is one of the options
  (anything else is ignored and removed from the URL);
* a value the URL changes to while the session runs (the browser's back button) is taken up;
* after the widget is read, the URL is updated; the default is left out of it, as Streamlit
  does for bound widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

_SYNCED = "_url_synced_{}"  # the value this module last wrote to the URL for a key
_LABELS = "_shown_labels_{}"  # the labels a widget showed on the last run


def url_value(key: str, options: Sequence[str], default: str, aliases: Mapping[str, str] | None = None) -> str:
    """The value the widget ``key`` should start from: the URL's, when it is a valid option
    (or an older spelling of one in ``aliases``, so links shared before keep working)."""
    raw = st.query_params.get(key)
    raw = (aliases or {}).get(raw, raw)
    return raw if raw in options else default


def choice(widget: Callable, label: str, options: Sequence[str], *, key: str, default: str,
           names: Callable[[str], str], aliases: Mapping[str, str] | None = None, **kwargs) -> str:
    """Show ``widget`` (``st.radio``, ``st.selectbox``, ``st.segmented_control``) over the code
    names ``options``, labelled by ``names(option)``, and keep the URL parameter ``key`` in
    step with it. Returns the chosen code name."""
    options = tuple(options)
    if default not in options:
        raise ValueError(f"default {default!r} is not one of the options {options}")
    state = st.session_state
    raw = (aliases or {}).get(st.query_params.get(key), st.query_params.get(key))
    synced = state.get(_SYNCED.format(key))
    if key not in state or state[key] not in options:
        state[key] = url_value(key, options, default, aliases)
    elif raw in options and raw != synced and raw != state[key]:
        state[key] = raw  # the URL changed under us (back button, a pasted link)
    shown = {option: names(option) for option in options}  # in this run's language, fixed now
    # The browser keeps a choice by the label it showed: after a language switch that label is
    # gone, and the widget would show nothing chosen. Setting the value again sends it anew.
    labels = _LABELS.format(key)
    if state.get(labels) not in (None, tuple(shown.values())):
        state[key] = state[key]
    state[labels] = tuple(shown.values())
    value = widget(label, options, key=key, format_func=shown.__getitem__, **kwargs)
    if value not in options:  # e.g. a segmented control clicked off: keep the default
        value = default
    want = None if value == default else value
    if st.query_params.get(key) != want:
        if want is None:
            del st.query_params[key]
        else:
            st.query_params[key] = want
    state[_SYNCED.format(key)] = want
    return value
