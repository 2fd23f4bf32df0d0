"""One translation table for every word the app shows, English and Chinese.

Each lesson keeps its strings in ``lessons/text/<lesson>.py`` as
``TEXT = {key: {"en": ..., "zh": ...}}``; this module merges them into one
table (a key defined twice is an error) and looks strings up. Strings may
hold ``str.format`` fields: ``t("wt.step", "en", n=3)``.
"""

from __future__ import annotations

import importlib
import pkgutil

from . import text as _text_pkg

LANGS = {"en": "English", "zh": "中文"}
DEFAULT_LANG = "en"


def _load() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_text_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_text_pkg.__name__}.{info.name}")
        for key, entry in module.TEXT.items():
            if key in table:
                raise KeyError(f"translation key {key!r} is defined twice (again in text/{info.name}.py)")
            table[key] = entry
    return table


TEXT = _load()


def t(key: str, lang: str = DEFAULT_LANG, /, **fields) -> str:
    """The text for ``key`` in ``lang``, with ``fields`` filled in."""
    entry = TEXT[key]
    s = entry.get(lang) or entry[DEFAULT_LANG]
    return s.format(**fields) if fields else s
