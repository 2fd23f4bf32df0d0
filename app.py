"""Pooling Lessons: the router.

Run with ``streamlit run app.py``. This file only sets up what every lesson
shares (page setup, the language switch, the navigation); each lesson lives
in ``lesson_pages/`` and the list of lessons in ``lessons/registry.py``.
"""

import streamlit as st

from lessons.i18n import LANGS, t
from lessons.registry import PAGES
from lessons.ui_guard import guard_url

# Set before the language is known: the browser tab keeps the English title.
st.set_page_config(page_title=t("app.title"), page_icon=":material/grid_on:", layout="wide")
guard_url()  # a link is input: clean it before any widget reads it

# The language lives in the URL as ?lang=zh (absent for English). A bound
# widget writes its option's label into the URL, so the options are the
# language codes themselves and the names are shown as captions.
with st.sidebar:
    lang = st.radio(t("app.language"), options=list(LANGS), captions=list(LANGS.values()), key="lang",
                    horizontal=True, bind="query-params")

pages = [
    st.Page(p.path, title=t(p.title_key, lang), icon=p.icon,
            **({"url_path": p.url_path} if p.url_path else {"default": True}))
    for p in PAGES
]
current = st.navigation(pages)

with st.sidebar:
    st.caption(t("app.sidebar_note", lang))
    st.caption(t("app.credits", lang))

current.run()
