"""The lesson pages, in teaching order. app.py builds the navigation from this
list and the browser tests open every entry, so a page added here is tested."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LessonPage:
    path: str  # file under the project root
    url_path: str  # "" for the default page (Streamlit wants none for it)
    title_key: str  # translation key of the title
    icon: str


PAGES = (
    LessonPage("pages/1_what_is_pooling.py", "", "nav.intro", ":material/lightbulb:"),
    LessonPage("pages/2_walkthrough.py", "walkthrough", "nav.walkthrough", ":material/grid_view:"),
    LessonPage("pages/3_playground.py", "playground", "nav.playground", ":material/tune:"),
    LessonPage("pages/4_kmax.py", "kmax", "nav.kmax", ":material/format_list_numbered:"),
    LessonPage("pages/5_invariance.py", "invariance", "nav.invariance", ":material/open_with:"),
    LessonPage("pages/6_backward.py", "backward", "nav.backward", ":material/undo:"),
)
