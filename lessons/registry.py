"""The lesson pages, in teaching order. app.py builds the navigation from this
list and the browser tests open every entry, so a page added here is tested.

The pages live in ``lesson_pages/``, not ``pages/``: while a ``pages/`` folder
sits beside app.py, a freshly started Streamlit server answers a deep link
such as ``/playground`` by running that page alone (the legacy multipage
mode), without the router, its language switch or its layout."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LessonPage:
    path: str  # file under the project root
    url_path: str  # "" for the default page (Streamlit wants none for it)
    title_key: str  # translation key of the title
    icon: str
    blurb_key: str = ""  # translation key of its line in the intro's map of lessons


PAGES = (
    LessonPage("lesson_pages/1_what_is_pooling.py", "", "nav.intro", ":material/lightbulb:"),
    LessonPage("lesson_pages/2_walkthrough.py", "walkthrough", "nav.walkthrough", ":material/grid_view:",
               "intro.map_walkthrough"),
    LessonPage("lesson_pages/3_playground.py", "playground", "nav.playground", ":material/tune:",
               "intro.map_playground"),
    LessonPage("lesson_pages/4_kmax.py", "kmax", "nav.kmax", ":material/format_list_numbered:", "intro.map_kmax"),
    LessonPage("lesson_pages/5_invariance.py", "invariance", "nav.invariance", ":material/open_with:",
               "intro.map_invariance"),
    LessonPage("lesson_pages/6_backward.py", "backward", "nav.backward", ":material/undo:", "intro.map_backward"),
    LessonPage("lesson_pages/7_pictures.py", "pictures", "nav.pictures", ":material/image:", "intro.map_pictures"),
)
