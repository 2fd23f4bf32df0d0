"""One step state for every page that walks through windows (or columns), and
the "reset this lesson" button every page shows.

:func:`stepper` draws the step controls (a slider bound to the URL, ◀ Back,
▶ Play / ❚❚ Pause, Next ▶, the animation speed) and then calls the page's
``draw(step)``, which draws the figure and every text that depends on the
step. Both live in one ``st.fragment``: while the lesson plays, the fragment
reruns every ``SPEEDS[speed]`` seconds and advances the bound step key, so the
slider, the buttons, the chart and the arithmetic always show the same step.
Only the server moves the step (the figures carry no Plotly frames), so there
is no second, disagreeing step control in the browser.

Why the server and not the browser: every step-dependent text (the step
title, the arithmetic, "output so far", the notes, Back/Next's state) is
already written by the page from one step number, and the URL must name the
step a teacher shares; a browser-side animation would need every one of those
texts copied into Plotly frames and kept apart from the Streamlit widgets,
which is how the two controls drifted apart before. The cost: a playing
reader reruns one fragment per step (not the whole page), a few milliseconds
of figure work plus Streamlit's own overhead; the playground moves only its
figure's shapes (``lessons.figures.playground.at_step``).

Keys of a page with prefix ``p``: ``p_step`` (the slider, in the URL),
``p_speed`` (in the URL as a code name when it is not ``normal``),
``p_playing``, ``p_moved`` and ``p_shown`` (session only), and the buttons ``p_back``,
``p_play``, ``p_next``. ← / → step back and forward and Space plays or pauses
(``st.button(shortcut=...)``).
"""

from __future__ import annotations

import time
from typing import Callable

import streamlit as st

from .ui import tr
from .ui_choice import choice

__all__ = ["SPEEDS", "DEFAULT_SPEED", "SHORTCUTS", "stepper", "reset_button", "reset", "speed"]

SPEEDS = {"slow": 2.0, "normal": 1.2, "fast": 0.6}  # seconds each step stays on screen while playing
DEFAULT_SPEED = "normal"
SHORTCUTS = {"back": "Left", "next": "Right", "play": "Space"}
EARLY = 0.5  # share of a step within which a second rerun does not move again (timer jitter stays well below)
STALE = 10.0  # seconds without a tick after which "playing" is a leftover (the reader left the page)
# Space while the step slider or the speed control has the focus (after a click on it) would
# reach that widget, not the Play shortcut: hand it to the page's Play button. A constant
# script, installed once per browser tab.
SPACE_TO_PLAY = """<script>
if (!window.__stepSpace) {
  window.__stepSpace = true;
  window.parent.document.addEventListener('keydown', (e) => {
    if (e.key !== ' ' || e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
    const doc = window.parent.document, focus = doc.activeElement;
    if (!focus || !focus.closest('[data-testid=stSlider], [data-testid=stButtonGroup]')) return;
    const box = [...doc.querySelectorAll('[class*="st-key-"]')].find(b => /(^|\\s)st-key-\\w+_play(\\s|$)/.test(b.className));
    const play = box && box.querySelector('button');
    if (!play || play.disabled) return;
    e.preventDefault(); e.stopPropagation(); focus.blur(); play.click();
  }, true);
}
</script>"""
_TRIGGERS = {"trigger_value", "string_trigger_value", "json_trigger_value", "chat_input_value"}


def _key(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


def speed(prefix: str) -> str:
    """The page's speed code (``slow``/``normal``/``fast``): the widget's value,
    else the URL's ``?<prefix>_speed=``, else :data:`DEFAULT_SPEED`."""
    key = _key(prefix, "speed")
    value = st.session_state.get(key)
    if value not in SPEEDS:
        value = st.query_params.get(key)
    return value if value in SPEEDS else DEFAULT_SPEED


def _step(prefix: str, n: int) -> int:
    try:
        value = int(st.session_state.get(_key(prefix, "step"), 1))
    except (TypeError, ValueError):
        value = 1
    return min(max(value, 1), n)


def _move(prefix: str, delta: int, n: int) -> None:
    """Back / Next / ← / →: one step from the step last drawn, and playing stops (the
    reader took over). Not from the slider's value: a second key pressed before the
    first one's answer arrived brings the browser's old copy of it."""
    shown = st.session_state.get(_key(prefix, "shown"))
    start = shown if isinstance(shown, int) else _step(prefix, n)
    st.session_state[_key(prefix, "step")] = min(max(start + delta, 1), n)
    st.session_state[_key(prefix, "playing")] = False


def _play_pause(prefix: str, n: int) -> None:
    """▶ / ❚❚ / Space. Play at the last step starts again from the first."""
    ss = st.session_state
    if ss.get(_key(prefix, "playing")):
        ss[_key(prefix, "playing")] = False
        return
    if _step(prefix, n) >= n:
        ss[_key(prefix, "step")] = 1
    ss[_key(prefix, "playing")] = True
    ss[_key(prefix, "moved")] = time.monotonic()


def _advance(prefix: str, n: int, interval: float | None) -> None:
    """While playing, one step on each timer tick; the tick after the last step
    stops. The timer ticks every ``interval`` seconds; a rerun sooner than
    ``EARLY * interval`` after the last move (the run that starts the timer, a
    click) does not move."""
    ss = st.session_state
    now = time.monotonic()
    if not (ss.get(_key(prefix, "playing")) and interval):
        return
    if now < ss.get(_key(prefix, "moved"), 0.0) + EARLY * interval:
        return
    ss[_key(prefix, "moved")] = now
    if _step(prefix, n) >= n:  # the last step stayed on screen for one tick: stop, the step unchanged
        ss[_key(prefix, "playing")] = False
    else:
        ss[_key(prefix, "step")] = _step(prefix, n) + 1


def _controls(prefix: str, n: int, label: str, help: str | None) -> int:
    ss = st.session_state
    step_key, speed_key = _key(prefix, "step"), _key(prefix, "speed")
    playing = bool(ss.get(_key(prefix, "playing")))
    # No value=: the buttons and the timer set it, and its default is 1. Off while playing: the
    # browser's copy of the value lags the timer's, and a disabled widget's copy is ignored.
    step = st.slider(label, 1, n, key=step_key, help=help, disabled=playing, bind="query-params")
    ss[_key(prefix, "shown")] = step
    # One row that wraps on narrow screens and columns, so no button is ever cut short.
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.button(tr("common.prev"), key=_key(prefix, "back"), on_click=_move, args=(prefix, -1, n),
               disabled=step <= 1, shortcut=SHORTCUTS["back"], width="content")
    row.button(tr("common.pause" if playing else "common.play"), key=_key(prefix, "play"),
               icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_play_pause,
               args=(prefix, n), shortcut=SHORTCUTS["play"], width="content",
               type="primary" if playing else "secondary")
    row.button(tr("common.next"), key=_key(prefix, "next"), on_click=_move, args=(prefix, 1, n),
               disabled=step >= n, shortcut=SHORTCUTS["next"], width="content")
    # Translated names on screen, the code name in the URL (a bound widget would put the name there).
    choice(row.segmented_control, tr("step.speed"), tuple(SPEEDS), key=speed_key, default=DEFAULT_SPEED,
           names=lambda c: tr(f"step.speed_{c}"), label_visibility="collapsed")
    row.caption(tr("step.keys"), width="content")
    st.html(SPACE_TO_PLAY, unsafe_allow_javascript=True, width="content")
    return step


def stepper(prefix: str, n: int, draw: Callable[[int], None], *, label: str, help: str | None = None) -> None:
    """The step controls of ``n`` steps, then ``draw(step)`` (1-based), in one fragment.

    While playing, the fragment reruns on a timer and moves the step on; a
    change of playing or speed reruns the whole page once, which starts or
    stops the timer. With ``n <= 1`` there is nothing to step: only ``draw(1)``.
    """
    if n <= 1:
        draw(1)
        return
    ss = st.session_state
    step_key = _key(prefix, "step")
    if step_key in ss and _step(prefix, n) != ss[step_key]:  # fewer steps than before: stay in range
        ss[step_key] = _step(prefix, n)
    if ss.get(_key(prefix, "playing")) and time.monotonic() > ss.get(_key(prefix, "moved"), 0.0) + STALE:
        ss[_key(prefix, "playing")] = False  # back from another page: the timer stopped long ago, so do we
    interval = SPEEDS[speed(prefix)] if ss.get(_key(prefix, "playing")) else None

    def body() -> None:
        _advance(prefix, n, interval)
        step = _controls(prefix, n, label, help)  # first, so the browser learns the step at once
        wanted = SPEEDS[speed(prefix)] if st.session_state.get(_key(prefix, "playing")) else None
        if wanted != interval:  # start, stop or change the timer: it is set when the whole page runs
            st.rerun(scope="app")
        draw(step)

    st.fragment(body, run_every=interval)()


def _session():
    """Streamlit's own session state object (internal API), or ``None``."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    return getattr(ctx.session_state, "_state", None) if ctx is not None else None


def _widget_default(state, key: str):
    """``(True, default)`` of the widget with ``key``, ``(True, None)`` for a
    button (nothing to reset), ``(False, None)`` when ``key`` is no widget."""
    try:
        widget_id = state._key_id_mapper.get_id_from_key(key, None)
        meta = state._get_widget_metadata(widget_id) if widget_id else None
    except AttributeError:  # another Streamlit: treat it as plain state
        return False, None
    if meta is None:
        return False, None
    if meta.value_type in _TRIGGERS:
        return True, None
    return True, meta.deserializer(None)


def _forget_url(state, keys) -> None:
    """Drop ``keys`` from the address this rerun started with: a widget whose
    identity changes in it (a slider given a new maximum) would otherwise take
    its value from there again instead of the default (internal API)."""
    try:
        params = state.query_params
        for key in keys:
            params._initial_query_params.pop(key, None)
            params.remove_param(key)
    except AttributeError:
        pass


def reset(prefix: str) -> None:
    """Put every widget whose key starts with ``prefix + "_"`` back to its default
    (which also takes it out of the URL) and forget the rest of the page's state."""
    ss, state = st.session_state, _session()
    keys = [k for k in ss if isinstance(k, str) and k.startswith(prefix + "_")]
    _forget_url(state, keys)
    for key in keys:
        is_widget, default = _widget_default(state, key)
        if is_widget and default is None:
            continue
        if is_widget and isinstance(default, (bool, int, float, str, tuple, list)):
            ss[key] = default
        else:
            del ss[key]
    if _key(prefix, "speed") in ss:  # a widget without a default: the loop leaves it
        ss[_key(prefix, "speed")] = DEFAULT_SPEED


def reset_button(prefix: str | None) -> None:
    """"Reset this lesson": every setting of the page (keys ``prefix_*``) back to
    its default. app.py shows it above every lesson (the prefix is the page's
    ``state`` in lessons/registry.py); ``""`` or ``None``: the page has nothing
    to reset, so the button is off."""
    st.button(tr("step.reset"), key=f"{prefix or 'page'}_reset", icon=":material/restart_alt:", type="tertiary",
              on_click=reset if prefix else None, args=(prefix,) if prefix else None, disabled=not prefix,
              help=tr("step.reset_help" if prefix else "step.reset_none"))
