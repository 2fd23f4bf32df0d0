"""Presenting mode: ``?present=1`` in the address, for a teacher at a projector.

No sidebar and no toolbar; the lessons along the top (``st.navigation(position="top")``);
the language switch and the way out in a bar at the top of the page; larger
text, chart fonts included (:data:`FONT_SCALE`, applied by
:func:`lessons.ui.chart`); and the controls that change a figure kept on
screen beside or above it (:func:`controls_box`, :func:`scroll_box`).

The mode lives in the session (``st.session_state["present"]``) and is
written back into the address on every run, so it follows the student from
page to page and through a language switch, and a shared link holds it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .i18n import DEFAULT_LANG, LANGS, t

QUERY = "present"  # ?present=1
STATE = "present"
FONT_SCALE = 1.25  # charts in presenting mode
ROOT_PX = 19  # the page's base font size in presenting mode (Streamlit's is 16 px)
SCROLL_PX = 560  # height of a scrolling column of controls beside a figure
CONTROLS_KEY = "present_controls"  # prefix of the keys of controls_box containers

CSS = f"""
<style>
html {{ font-size: {ROOT_PX}px; }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stStatusWidget"], [data-testid="stDecoration"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: none; padding: 3.4rem 2rem 2rem 2rem; }}
[data-testid="stMain"] h1 {{ font-size: 2rem; padding: 0.2rem 0 0.4rem 0; }}
[data-testid="stMain"] h2 {{ font-size: 1.5rem; padding: 0.6rem 0 0.3rem 0; }}
[data-testid="stMain"] h3 {{ font-size: 1.25rem; padding: 0.4rem 0 0.2rem 0; }}
/* the language switch and the way out sit in the header, right of the lessons */
.st-key-present_bar {{
  position: fixed; top: 0.45rem; right: 1rem; width: auto !important; z-index: 1000001;
  background: var(--st-background-color, #fff);
}}
[data-testid="stMain"] .stCaption, [data-testid="stMain"] [data-testid="stCaptionContainer"] {{ font-size: 0.95rem; }}
/* a block of controls stays in view (under the top bar) while its figures scroll past */
[class*="st-key-{CONTROLS_KEY}"] {{
  position: sticky; top: 3.2rem; z-index: 20; background: var(--st-background-color, #fff);
  max-height: 42vh; overflow-y: auto; overflow-x: hidden; padding-bottom: 0.3rem;
  box-shadow: 0 6px 6px -6px rgba(0, 0, 0, 0.25);
}}
</style>
"""

# Chart titles shrink to fit their chart (see the script's comment).
FIT_TEXT_JS = (Path(__file__).resolve().parents[1] / "assets" / "fit_text.js").read_text(encoding="utf-8")

# Also in the normal view: formulas scroll inside their box instead of running
# off the page; buttons may wrap their label rather than cut it ("◀ B…").
COMMON_CSS = """
<style>
[data-testid="stMarkdownContainer"] .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
[data-testid="stBaseButton-secondary"] p, [data-testid="stBaseButton-primary"] p { white-space: normal; }
[data-testid="stWidgetLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
.st-key-fit_text { display: none; }
</style>
"""


def start() -> bool:
    """Read the mode (the session's, or on a session's first run the
    address's ``?present=1``), write it back into the address, add the page
    style; ``True`` when presenting. Call once per run, before the navigation."""
    if STATE not in st.session_state:
        st.session_state[STATE] = st.query_params.get(QUERY) == "1"
    on = bool(st.session_state[STATE])
    if on:
        st.query_params[QUERY] = "1"
    elif QUERY in st.query_params:
        del st.query_params[QUERY]
    st.html(COMMON_CSS + (CSS if on else ""))
    with st.container(key="fit_text"):  # hidden; the script runs once per browser tab
        st.html(f"<script>{FIT_TEXT_JS}</script>", unsafe_allow_javascript=True)
    return on


def presenting() -> bool:
    """Whether the page is shown in presenting mode."""
    return bool(st.session_state.get(STATE, False))


def font_scale() -> float:
    """How much larger chart fonts are drawn now."""
    return FONT_SCALE if presenting() else 1.0


def _set(on: bool) -> None:
    st.session_state[STATE] = on


def _lang() -> str:
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def enter_button() -> None:
    """The visible way in (the sidebar shows it in the normal view)."""
    lang = _lang()
    st.button(t("present.enter", lang), key="present_enter", icon=":material/slideshow:", on_click=_set,
              args=(True,), help=t("present.enter_help", lang), width="stretch")


def top_bar(language_switch) -> str:
    """The bar above every page in presenting mode: the language switch
    (``language_switch(where)`` draws it and returns the language) and the
    way out. Returns the language."""
    with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center",
                      key="present_bar", gap="small"):
        lang = language_switch(compact=True)  # its label hidden: the bar is one line
        st.button(t("present.exit", lang), key="present_exit", icon=":material/close_fullscreen:",
                  on_click=_set, args=(False,), help=t("present.exit_help", lang))
    return lang


def controls_box(name: str, **kwargs):
    """A container for the controls of a figure below it: in presenting mode
    it stays in view (scrolling on its own if tall) while the page scrolls."""
    return st.container(key=f"{CONTROLS_KEY}_{name}", **kwargs)


def scroll_box(where=st):
    """A column of controls beside a figure: in presenting mode a box of its
    own height that scrolls, so the figure next to it never leaves the
    screen; otherwise ``where`` itself."""
    return where.container(height=SCROLL_PX, border=False) if presenting() else where
