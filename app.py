"""Pooling Lessons: the router.

Run with ``streamlit run app.py``. This file only sets up what every lesson
shares (page setup, the language switch, the navigation); each lesson lives
in ``lesson_pages/`` and the list of lessons in ``lessons/registry.py``.
"""

import streamlit as st

from lessons import ui_present
from lessons.i18n import DEFAULT_LANG, LANGS, t
from lessons.registry import PAGES
from lessons.ui_choice import choice
from lessons.ui_guard import guard_url
from lessons.ui_lean import FAVICON
from lessons.ui_step import reset_button

st.set_page_config(page_title=t("app.title"), page_icon=FAVICON, layout="wide")  # the file, made a data: URL once
guard_url()  # a link is input: clean it before any widget reads it


# The language lives in the URL as ?lang=zh (absent for English); the switch shows each
# language's own name (lessons/ui_choice.py keeps the code in the URL).
def language_switch() -> str:
    # One widget in both views (presenting hides its label with CSS).
    return choice(st.radio, t("app.language"), list(LANGS), key="lang", default=DEFAULT_LANG,
                  names=LANGS.get, horizontal=True)


# Presenting mode (?present=1): no sidebar, the lessons along the top, the
# language switch and the way out in a bar above the page.
presenting = ui_present.start()
if presenting:
    lang = ui_present.top_bar(language_switch)
else:
    with st.sidebar:
        lang = language_switch()
# Now that the language is known, the browser tab's title follows it.
st.set_page_config(page_title=t("app.title", lang))

pages = [
    st.Page(p.path, title=t(p.title_key, lang), icon=p.icon,
            **({"url_path": p.url_path} if p.url_path else {"default": True}))
    for p in PAGES
]
current = st.navigation(pages, position="top" if presenting else "sidebar")
# Above every lesson: "reset this lesson" (lessons/ui_step.py), off on a page without settings.
reset_button(next((p.state for p in PAGES if p.url_path == current.url_path), ""))

if not presenting:
    with st.sidebar:
        ui_present.enter_button()
        st.caption(t("app.sidebar_note", lang))
        st.caption(t("app.credits", lang))

current.run()
