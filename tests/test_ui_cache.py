"""lessons.ui_cache: figures built once, shared read-only, drawn exactly as built."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from lessons.ui_cache import SharedFigure, shared


def _fig(z=((1, 2), (3, 4))) -> go.Figure:
    return go.Figure(go.Heatmap(z=[list(r) for r in z]), layout={"title": {"text": "t"}}, frames=[{"name": "0"}])


def test_shared_figure_serialises_like_the_original():
    original = _fig()
    expected = pio.to_json(original.to_dict(), validate=False)
    fig = shared(_fig())
    assert isinstance(fig, SharedFigure) and isinstance(fig, go.Figure)
    assert pio.to_json(fig.to_dict(), validate=False) == expected
    assert fig.to_dict() is fig.to_dict()  # one dict, no copy per chart
    assert shared(fig) is fig  # sharing twice changes nothing


def test_shared_walks_tuples_lists_and_dicts():
    value = (_fig(), [_fig()], {"a": _fig()}, "not a figure")
    assert shared(value) is value
    assert isinstance(value[0], SharedFigure) and isinstance(value[1][0], SharedFigure)
    assert isinstance(value[2]["a"], SharedFigure)


def _chart_specs(script) -> list[dict]:
    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def test_plotly_chart_draws_a_shared_figure_as_the_original():
    def script():
        import plotly.graph_objects as go
        import streamlit as st

        from lessons.ui_cache import shared

        def make():
            return go.Figure(go.Heatmap(z=[[1, 2], [3, 4]]), layout={"title": {"text": "t"}})

        st.plotly_chart(make(), key="a")
        st.plotly_chart(shared(make()), key="b")

    plain, from_shared = _chart_specs(script)
    assert plain == from_shared


def test_figure_builds_once_per_key():
    def script():
        import streamlit as st

        from lessons.ui_cache import figure

        calls = st.session_state.setdefault("calls", [])

        def build(n):
            calls.append(n)
            import plotly.graph_objects as go
            return go.Figure(go.Heatmap(z=[[n]]))

        one = figure(("probe", 1, "en"), lambda: build(1))
        again = figure(("probe", 1, "en"), lambda: build(1))
        other = figure(("probe", 2, "en"), lambda: build(2))
        st.write(one is again, one is not other, len(calls))

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception
    assert at.session_state["calls"] == [1, 2]


def test_figure_wants_a_named_key():
    def script():
        import streamlit as st

        from lessons.ui_cache import figure

        try:
            figure((1, 2), lambda: None)
        except TypeError:
            st.write("refused")

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert [m.value for m in at.markdown] == ["refused"]


def test_the_table_is_bounded_and_keeps_the_recently_used(monkeypatch):
    import lessons.ui_cache as uc

    monkeypatch.setattr(uc, "MAX_FIGURES", 3)
    uc.clear()
    built = []

    def make(n):
        built.append(n)
        return _fig(((n,),))

    for n in (1, 2, 3):
        uc.figure(("t", n), lambda n=n: make(n))
    uc.figure(("t", 1), lambda: make(1))  # a hit: 1 is now the most recent
    uc.figure(("t", 4), lambda: make(4))  # evicts 2, the least recently used
    assert built == [1, 2, 3, 4]
    uc.figure(("t", 1), lambda: make(1))
    uc.figure(("t", 2), lambda: make(2))
    assert built == [1, 2, 3, 4, 2]
    assert len(uc._table) == 3
    uc.clear()


def _page_specs(page: str, query: dict) -> list[tuple[str, dict]]:
    import pagetest

    at = pagetest.run_page(page, "zh", **query)
    return [(c.proto.id.rsplit("-", 1)[-1], json.loads(c.proto.spec)) for c in at.get("plotly_chart")]


@pytest.mark.parametrize(("page", "query"), [
    ("1_what_is_pooling.py", {}), ("2_walkthrough.py", {}), ("3_playground.py", {"pg_draw": "", "pg_mode": "avg"}),
    ("3_playground.py", {"present": "1"}), ("4_kmax.py", {}), ("5_invariance.py", {}), ("6_backward.py", {}),
    ("7_pictures.py", {})])
def test_every_chart_is_sent_as_streamlit_would_send_the_plain_figure(page, query, monkeypatch):
    """The shortcuts (JSON-ready shared dicts, dicts handed over as figures) change nothing
    in any chart a page sends: the same pages with both undone send the same figures
    (only the order of keys inside a step's shapes differs: Plotly's validation sorts them)."""
    import streamlit as st

    import lessons.ui as ui
    import lessons.ui_cache as uc

    def fresh():
        uc.clear()
        st.cache_resource.clear()
        st.cache_data.clear()

    fresh()
    fast = _page_specs(page, query)
    monkeypatch.setattr(uc, "json_ready", lambda fig: fig)
    monkeypatch.setattr(ui, "dict_figure", lambda fig: fig)  # a dict: st.plotly_chart validates it
    fresh()
    plain = _page_specs(page, query)
    fresh()
    assert len(fast) >= 1 and fast == plain


def test_views_are_built_once_per_key_bounded_and_errors_are_not_kept(monkeypatch):
    import lessons.ui_cache as uc

    monkeypatch.setattr(uc, "MAX_VIEWS", 2)
    uc.clear()
    built = []

    def make(n):
        built.append(n)
        if n < 0:
            raise ValueError("bad setting")
        return {"n": n}

    first = uc.computed(("v", 1), lambda: make(1))
    assert uc.computed(("v", 1), lambda: make(1)) is first and built == [1]
    for _ in range(2):
        with pytest.raises(ValueError):
            uc.computed(("v", -1), lambda: make(-1))
    assert built == [1, -1, -1]  # a refused setting is asked again, never stored
    uc.computed(("v", 2), lambda: make(2))
    uc.computed(("v", 3), lambda: make(3))  # evicts 1
    uc.computed(("v", 1), lambda: make(1))
    assert built == [1, -1, -1, 2, 3, 1] and len(uc._views) == 2
    assert not uc._table  # views and figures are kept apart
    with pytest.raises(TypeError):
        uc.computed((1,), lambda: None)
    uc.clear()
    assert not uc._views


def test_json_ready_cleans_only_what_orjson_cannot_take():
    import numpy as np

    import lessons.ui_cache as uc

    plain = {"data": [{"z": np.arange(4.0).reshape(2, 2), "text": [["a", "b"]]}]}
    assert uc.json_ready(plain) is plain  # numbers in arrays: orjson takes them as they are
    texts = {"data": [{"text": np.array([["1", "2"]])}]}
    ready = uc.json_ready(texts)
    assert ready is not texts and ready["data"][0]["text"] == [["1", "2"]]
    assert pio.to_json(ready, validate=False) == pio.to_json(texts, validate=False)
