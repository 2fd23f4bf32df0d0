"""One translation table for every word the app shows, English and Chinese.

Each lesson keeps its strings in ``lessons/text/<lesson>.py`` as
``TEXT = {key: {"en": ..., "zh": ...}}``; this module merges them into one
table (a key defined twice is an error) and looks strings up. Strings may
hold ``str.format`` fields: ``t("wt.step", "en", n=3)``.

Lesson logic hands text to pages as ``(key, fields)`` pairs, without knowing
the language. Two kinds of field are translated along with the string:

* a :class:`Key` is itself looked up, e.g. a mode's name inside a sentence;
* :class:`Items` are written joined by the language's list separator
  (``", "`` in English, ``"、"`` in Chinese).

Any other value is formatted as it is (a plain list shows as ``[1, 2]``).

English counts right through a format spec ``one|many`` on a number or an :class:`Items`
field (``#`` stands for the number): ``"{n} {n:value|values}"``, ``"{k:the largest|the # largest}"``,
``"at {rows:row|rows} {rows}"``. Chinese needs no plural and writes ``{n}``.
"""

from __future__ import annotations

import importlib
import numbers
import pkgutil

from . import text as _text_pkg

LANGS = {"en": "English", "zh": "中文"}
DEFAULT_LANG = "en"


class Key(str):
    """A field value that is a translation key, translated before it is filled in.

    >>> t("inv.summary_same", "en", mode=Key("common.max"), n=4)
    'With max pooling, all 4 output values are unchanged by this shift.'
    """

    __slots__ = ()


class Items(tuple):
    """A field value that is a list of items, joined by the language's list separator.

    >>> t("km.nlp_kept_line", "zh", feature="x", words=Items(("一点", "也")))
    '**x**：一点、也'
    """

    __slots__ = ()


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


class _Count(int):
    """A whole-number field that can also choose a word by its number: ``{n:window|# windows}``
    writes "window" for 1 and "3 windows" for 3 (``#`` is the number). Plain ``{n}`` is the number."""

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return int.__format__(self, spec)
        one, many = spec.split("|", 1)
        return (one if self == 1 else many).replace("#", str(int(self)))


class _Joined(str):
    """An :class:`Items` field, joined; ``{rows:row|rows}`` chooses a word by how many items."""

    def __new__(cls, text: str, count: int):
        joined = super().__new__(cls, text)
        joined.count_ = count
        return joined

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return str.__format__(str(self), spec)
        one, many = spec.split("|", 1)
        return (one if self.count_ == 1 else many).replace("#", str(self.count_))


def _field(value, lang: str):
    if isinstance(value, Key):
        return t(value, lang)
    if isinstance(value, Items):
        return _Joined(t("common.list_sep", lang).join(str(_field(v, lang)) for v in value), len(value))
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return _Count(value)
    if type(value) is str:  # an already joined list ("0, 1") may still choose a word
        return _Joined(value, value.count(t("common.list_sep", lang).strip() or ",") + 1)
    return value


def t(key: str, lang: str = DEFAULT_LANG, /, **fields) -> str:
    """The text for ``key`` in ``lang``, with ``fields`` filled in.

    >>> t("km.nlp_kept_line", "en", feature=Key("km.feat.intensity"), words=Items(("at", "all")))
    '**intensity**: at, all'
    """
    entry = TEXT[key]
    s = entry.get(lang) or entry[DEFAULT_LANG]
    return s.format(**{name: _field(v, lang) for name, v in fields.items()}) if fields else s
