"""Pooling Lessons: the router.

Run with ``streamlit run app.py``. This file only sets up what every lesson
shares (page setup, the language switch, the navigation); each lesson lives
in ``lesson_pages/`` and the list of lessons in ``lessons/registry.py``.
"""

import streamlit as st

from lessons import ui_present
from lessons.i18n import LANGS, t
from lessons.registry import PAGES

# Set before the language is known: the browser tab keeps the English title.
st.set_page_config(page_title=t("app.title"), page_icon=":material/grid_on:", layout="wide")



# The language lives in the URL as ?lang=zh (absent for English). A bound
# widget writes its option's label into the URL, so the options are the
# language codes themselves and the names are shown as captions.
def language_switch() -> str:
    # One widget in both views (presenting hides its label with CSS): a widget
    # whose arguments change gets a new identity and loses its URL binding.
    return st.radio(t("app.language"), options=list(LANGS), captions=list(LANGS.values()), key="lang",
                    horizontal=True, bind="query-params")


# Presenting mode (?present=1): no sidebar, the lessons along the top, the
# language switch and the way out in a bar above the page.
presenting = ui_present.start()
if presenting:
    lang = ui_present.top_bar(language_switch)
else:
    with st.sidebar:
        lang = language_switch()

pages = [
    st.Page(p.path, title=t(p.title_key, lang), icon=p.icon,
            **({"url_path": p.url_path} if p.url_path else {"default": True}))
    for p in PAGES
]
current = st.navigation(pages, position="top" if presenting else "sidebar")

if not presenting:
    with st.sidebar:
        ui_present.enter_button()
        st.caption(t("app.sidebar_note", lang))
        st.caption(t("app.credits", lang))

current.run()
