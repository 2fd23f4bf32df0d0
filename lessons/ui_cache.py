"""Figures built once and shared by every session and rerun.

A page's figures depend only on its settings (the frozen ``Settings`` records
in lessons/*.py) and the language, and building one costs tens of ms of
Plotly validation, far more than the pooling. So a page asks for

    chart(figure(("pg", out.settings, step, lang()), lambda: pgfig.playground_figure(...)), key=...)

and the figure is built the first time that key is seen, then handed out as
is. The key must name the figure and hold everything ``build`` reads.

What is cached, measured on the playground's figure at its defaults (one
core of the benchmark machine): building it takes 81 ms. An ``st.cache_data``
hit unpickles a Figure, which validates it again (31 ms); caching its dict
instead makes ``st.plotly_chart`` validate it again (33 ms). A Figure shared
through ``st.cache_resource`` costs nothing on a hit, but ``st.plotly_chart``
still calls its ``to_dict`` (a deep copy and a pass over every array: 8 of
the 12 ms the chart then costs). So the shared figure is a
:class:`SharedFigure`, whose ``to_dict`` hands out the one dict made when it
was shared (the chart: 3 ms, the JSON encoding).

The figures live in a small LRU table of this module (at most
:data:`MAX_FIGURES`, shared by every session of the process), looked up by
the key's Python hash: ``st.cache_resource`` hashes its arguments field by
field with its own hasher, which cost about 5 % of a page run here.

The rule that comes with sharing: never change a figure ``figure`` returned
(no ``update_layout``); build another.

Two more things a page run no longer pays (measured with benchmarks.pages):
the shared dict is made JSON-ready once (what Plotly's encoder would clean
on every chart: arrays of text become lists), so the chart's encoding takes
orjson's fast road; and a figure dict derived from a shared one (the
playground's figure moved to a step, a scaled copy) is handed to
``st.plotly_chart`` as a :func:`dict_figure`, which Streamlit takes as an
already validated figure, instead of a dict it would validate again by
building a whole ``go.Figure`` from it (some 10 ms on the playground).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import plotly.graph_objects as go
from _plotly_utils.optional_imports import get_module
from plotly.io._json import clean_to_json_compatible

try:
    import orjson
except ImportError:  # Plotly then encodes with the json module, which takes any dict
    orjson = None

MAX_FIGURES = 128  # over all pages: every page's defaults in both languages, and room for students' settings
MAX_VIEWS = 64  # view models, over all pages (they do not depend on the language)


class SharedFigure(go.Figure):
    """A read-only figure: ``to_dict`` returns the dict taken when it was shared
    (the same object every time; nobody may change it)."""

    def to_dict(self) -> dict:
        return self.__dict__["_shared_dict"]


class DictFigure(SharedFigure):
    """A figure dict dressed as a figure: ``st.plotly_chart`` asks a figure
    for ``to_dict`` and skips the validation it gives a plain dict. Only
    for dicts made from a validated figure (a shared figure's ``to_dict``,
    changed by our own code); it has no other working figure method."""


def dict_figure(fig: dict) -> DictFigure:
    """``fig`` (a figure dict derived from a shared figure's) as a :class:`DictFigure`."""
    out = DictFigure.__new__(DictFigure)  # no __init__: no validation, no copy
    object.__setattr__(out, "_shared_dict", fig)
    return out


def json_ready(fig: dict) -> dict:
    """``fig`` as Plotly's orjson encoder would clean it (a new dict), when that
    encoder cannot take it as it is; else ``fig`` itself. Plotly tries orjson
    first and cleans on failure, so the JSON is the same either way."""
    if orjson is None:
        return fig
    try:
        orjson.dumps(fig, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
        return fig
    except TypeError:
        modules = {"sage_all": get_module("sage.all", should_load=False),  # as plotly.io.to_json_plotly
                   "np": get_module("numpy", should_load=False), "pd": get_module("pandas", should_load=False),
                   "image": get_module("PIL.Image", should_load=False)}
        return clean_to_json_compatible(fig, numpy_allowed=True, datetime_allowed=True, modules=modules)


def shared(value: Any) -> Any:
    """Make every plotly Figure in ``value`` (a figure, or a tuple, list or
    dict of them) a :class:`SharedFigure`, in place; returns ``value``."""
    if isinstance(value, go.Figure) and not isinstance(value, SharedFigure):
        as_dict = json_ready(value.to_dict())
        value.__class__ = SharedFigure  # same layout, one method more: no copy, no second validation
        object.__setattr__(value, "_shared_dict", as_dict)
    elif isinstance(value, (tuple, list)):
        for item in value:
            shared(item)
    elif isinstance(value, dict):
        for item in value.values():
            shared(item)
    return value


_table: OrderedDict[Hashable, Any] = OrderedDict()  # key -> shared value, least recently used first
_views: OrderedDict[Hashable, Any] = OrderedDict()  # the same for view models (see computed)
_lock = threading.Lock()


def _lookup(table: OrderedDict, limit: int, key: tuple, build: Callable[[], Any]) -> Any:
    if not (isinstance(key, tuple) and key and isinstance(key[0], str)):
        raise TypeError("cache key: a tuple starting with the value's name")
    with _lock:
        if key in table:
            table.move_to_end(key)
            return table[key]
    value = build()  # outside the lock: two sessions may both build a new key, once
    with _lock:
        table[key] = value
        table.move_to_end(key)
        while len(table) > limit:
            table.popitem(last=False)
    return value


def figure(key: tuple, build: Callable[[], Any]) -> Any:
    """``build()`` (a figure, or a tuple of them), built once per ``key`` (a
    tuple starting with the figure's name, then the settings record, the
    language and whatever else ``build`` reads) and shared; read-only."""
    return _lookup(_table, MAX_FIGURES, key, lambda: shared(build()))


def computed(key: tuple, build: Callable[[], Any]) -> Any:
    """A lesson's view model (``compute(settings)``: plain data and NumPy
    arrays) built once per ``key`` (its name and the frozen settings) and
    shared by every session, at most :data:`MAX_VIEWS` of them; read-only
    like the figures. A ``ValueError`` from ``build`` is not kept: the page
    explains it, and the next run asks again."""
    return _lookup(_views, MAX_VIEWS, key, build)


def clear() -> None:
    """Forget every shared figure and view model (tests)."""
    with _lock:
        _table.clear()
        _views.clear()
