"""Presenting mode: ``?present=1`` in the address, for a teacher at a projector.

No sidebar and no toolbar; the lessons along the top (``st.navigation(position="top")``);
the language switch and the way out in a bar at the top of the page; larger
text, chart fonts included (:data:`FONT_SCALE`, applied by
:func:`lessons.ui.chart`); and the controls that change a figure kept on
screen beside or above it (:func:`controls_box`, :func:`scroll_box`).

The mode is a hidden widget bound to the address (``?present=1``), rendered
by app.py on every run as the language switch is, so it follows the student
from page to page and through a language switch, and a shared link holds it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import streamlit as st

from .i18n import DEFAULT_LANG, LANGS, t

STATE = "present"  # the widget key and the query parameter: ?present=1
FONT_SCALE = 1.25  # charts in presenting mode
ROOT_PX = 19  # the page's base font size in presenting mode (Streamlit's is 16 px)
SCROLL_PX = 560  # height of a scrolling column of controls beside a figure
CONTROLS_KEY = "present_controls"  # prefix of the keys of controls_box containers

STEPPED = ("wt", "km")  # pages whose figure is drawn under ui_step's controls (the key prefixes)
_STEP_BLOCK = '[data-testid="stVerticalBlock"]:has(> .st-key-{p}_step)'
STEP_BLOCKS = ", ".join(_STEP_BLOCK.format(p=p) for p in STEPPED)
STEP_CHILDREN = ", ".join(_STEP_BLOCK.format(p=p) + " > *" for p in STEPPED)
STEP_SLIDERS = ", ".join(_STEP_BLOCK.format(p=p) + f" > .st-key-{p}_step" for p in STEPPED)
STEP_ROWS = ", ".join(_STEP_BLOCK.format(p=p) + f" > .st-key-{p}_step + *" for p in STEPPED)
# the block's scripts draw nothing, but would still take a gap of their own
STEP_SCRIPTS = ", ".join(_STEP_BLOCK.format(p=p) + ' > .stElementContainer:has(> [data-testid="stHtml"])' for p in STEPPED)

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
.st-key-present_bar [data-testid="stWidgetLabel"] {{ display: none; }}
/* the lessons along the top keep clear of the bar (the ones that do not fit go in its "more" menu) */
[data-testid="stHeader"] {{ padding-right: 400px; }}
/* a phone: Streamlit puts the lessons in the sidebar, so its button stays, and the bar joins the page */
@media (max-width: 700px) {{
  [data-testid="stHeader"] {{ padding-right: 0; }}
  .st-key-present_bar {{ position: static; flex-wrap: wrap !important; row-gap: 0.3rem; }}  /* the way out is never cut */
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] {{ display: revert !important; }}
}}
[data-testid="stMain"] .stCaption, [data-testid="stMain"] [data-testid="stCaptionContainer"] {{ font-size: 0.95rem; }}
/* a block of controls stays in view (under the top bar) while its figures scroll past */
/* (sticky on the wrapper Streamlit puts around a container, which is its own height; 3.75rem is the top bar's height) */
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-{CONTROLS_KEY}"]) {{
  position: sticky; top: 3.75rem; z-index: 20; background: var(--st-background-color, #fff);
  box-shadow: 0 6px 6px -6px rgba(0, 0, 0, 0.25);
}}
/* a lesson's step controls (lessons/ui_step.py: the slider, then a row of buttons, then the figure, in one
   fragment): the slider and the buttons share a line, so the figure and every control fit on the screen */
{STEP_BLOCKS} {{ flex-flow: row wrap; column-gap: 1rem; row-gap: 0.5rem; }}
{STEP_CHILDREN} {{ flex: 1 1 100%; min-width: 0; }}
{STEP_SLIDERS} {{ flex: 0 1 9rem; }}
{STEP_ROWS} {{ flex: 1 1 28rem; width: auto; }}
{STEP_SCRIPTS} {{ display: none; }}
[class*="st-key-{CONTROLS_KEY}"] {{ max-height: 42vh; overflow-y: auto; overflow-x: hidden; padding-bottom: 0.3rem; }}
</style>
"""

# Chart titles shrink to fit their chart; the presenting buttons reload the page (see the comments there).
APP_JS = (Path(__file__).resolve().parents[1] / "assets" / "app.js").read_text(encoding="utf-8")

# Also in the normal view: formulas scroll inside their box instead of running
# off the page; buttons may wrap their label rather than cut it ("◀ B…").
COMMON_CSS = """
<style>
[data-testid="stMarkdownContainer"] .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
[data-testid="stBaseButton-secondary"] p, [data-testid="stBaseButton-primary"] p { white-space: normal; }
[data-testid="stWidgetLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
.st-key-app_js, .st-key-present_state { display: none; }
/* a column of controls beside a figure (scroll_box): never narrower than a drawing pad in an expander needs
   (Streamlit draws no chart narrower than 150 px); a row without that room puts it under the figure */
[data-testid="stColumn"]:has(> [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"] > .st-key-side_controls) {
  min-width: 200px;
}
/* a phone (Streamlit stacks columns from 640 px down): the figures of figure_first come before the long
   block of controls (controls_box) above them, and whatever followed the controls stays after them */
@media (max-width: 640px) {
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-present_controls"]) { order: 1; }
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-present_controls"]) ~ * { order: 2; }
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-present_controls"]) ~ [data-testid="stLayoutWrapper"]:has(> [class*="st-key-figure_first"]) { order: 0; }
  [class*="st-key-wide_only"] { display: none !important; }
}
@media (min-width: 641px) { [class*="st-key-phone_only"] { display: none !important; } }
button.present-switch {
  white-space: nowrap; font: inherit; font-size: 1rem; line-height: 1.6; padding: 0.25rem 0.75rem; border-radius: 0.5rem; cursor: pointer;
  border: 1px solid rgba(49, 51, 63, 0.2); background: var(--st-background-color, #fff); color: inherit;
}
button.present-switch:hover { border-color: #ff4b4b; color: #ff4b4b; }
button.present-switch:focus-visible { outline: 2px solid #ff4b4b; outline-offset: 1px; }
</style>
"""


def start() -> bool:
    """The mode (``?present=1``), kept in the address by a hidden widget bound
    to it, as the language is; adds the page style. ``True`` when presenting.
    Call once per run, before the navigation."""
    with st.container(key="present_state"):  # hidden: the buttons change it
        on = st.number_input("present", min_value=0, max_value=1, value=0, step=1, key=STATE,
                             bind="query-params", label_visibility="collapsed") == 1
    st.html(COMMON_CSS + (CSS if on else ""))
    with st.container(key="app_js"):  # hidden; the scripts install themselves once per browser tab
        st.html(f"<script>{APP_JS}</script>", unsafe_allow_javascript=True)
    return on


def presenting() -> bool:
    """Whether the page is shown in presenting mode."""
    return st.session_state.get(STATE) == 1


def font_scale() -> float:
    """How much larger chart fonts are drawn now."""
    return FONT_SCALE if presenting() else 1.0


def _lang() -> str:
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def _switch(on: bool, key: str, label: str, help_text: str, icon: str) -> None:
    """A button that opens this address with ``present=1`` added (``on``) or
    removed. It reloads the page rather than rerunning it: moving the
    language switch between the sidebar and the top bar within one session
    leaves Streamlit's browser side without the switch's URL binding (the
    language would stop following the address)."""
    with st.container(key=key):  # the click is handled by assets/app.js
        st.html(f'<button type="button" class="present-switch" data-present="{int(on)}" '
                f'title="{escape(help_text)}"><span aria-hidden="true">{icon}</span> {escape(label)}</button>',
                width="content")


def enter_button() -> None:
    """The visible way in (the sidebar shows it in the normal view)."""
    lang = _lang()
    _switch(True, "present_enter", t("present.enter", lang), t("present.enter_help", lang), "&#x25A2;")


def top_bar(language_switch) -> str:
    """The bar above every page in presenting mode: the language switch
    (``language_switch()`` draws it and returns the language) and the way
    out. Returns the language."""
    with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center",
                      key="present_bar", gap="small", wrap=False):
        lang = language_switch()
        _switch(False, "present_exit", t("present.exit", lang), t("present.exit_help", lang), "&#x2715;")
    return lang


def controls_box(name: str, **kwargs):
    """A container for the controls of a figure below it: in presenting mode
    it stays in view (scrolling on its own if tall) while the page scrolls."""
    return st.container(key=f"{CONTROLS_KEY}_{name}", **kwargs)


def scroll_box(where=st):
    """A column of controls beside a figure: in presenting mode a box of its
    own height that scrolls, so the figure next to it never leaves the
    screen. A row too narrow for the column puts it under the figure (CSS above)."""
    return where.container(height=SCROLL_PX if presenting() else "content", border=False, key="side_controls")


def figure_first(name: str):
    """A container for figures that follow a :func:`controls_box`: on a phone they come first."""
    return st.container(key=f"figure_first_{name}")


def wide_and_phone(name: str):
    """Two containers, ``(wide, phone)``, for two arrangements of one figure: the page
    shows only the one that fits (a phone is 640 px wide or less), and a hidden chart is
    never drawn by the browser."""
    return st.container(key=f"wide_only_{name}"), st.container(key=f"phone_only_{name}")
