"""Option widgets show names in the reader's language while the URL keeps code names
(lessons/ui_choice.py): a link made in one language opens the same view in the other, and
switching the language keeps every setting."""

import pytest
from pagetest import run_page

from lessons.i18n import t

# page -> {widget key: (kind, a value other than the default, key of its shown name)}
CHOICES = {
    "3_playground.py": {"pg_preset": ("selectbox", "face", "pg.preset_name.face"),
                        "pg_mode": ("radio", "avg", "common.avg")},
    "5_invariance.py": {"inv_pattern": ("radio", "enter", "inv.pattern.enter"),
                        "inv_mode": ("radio", "avg", "common.avg")},
    "6_backward.py": {"bw_x": ("radio", "ties", "bw.x_ties"), "bw_g": ("radio", "range", "bw.g_range"),
                      "bw_mode": ("radio", "max", "common.max")},
}


def _widget(at, kind, key):
    return getattr(at, kind)(key=key)


def _shown(w):
    """The label the widget shows for its current value."""
    return w.options[w.index] if hasattr(w, "index") else w.format_func(w.value)


@pytest.mark.parametrize("page", CHOICES)
@pytest.mark.parametrize("made_in, opened_in", [("zh", "en"), ("en", "zh")])
def test_a_link_opens_the_same_view_in_the_other_language(page, made_in, opened_in):
    choices = CHOICES[page]
    at = run_page(page, made_in)
    for key, (kind, value, _) in choices.items():
        _widget(at, kind, key).set_value(value).run()
    link = {key: at.query_params[key] for key in choices}
    assert link == {key: value for key, (_, value, _) in choices.items()}  # code names, not labels
    opened = run_page(page, opened_in, **link)
    for key, (kind, value, name_key) in choices.items():
        w = _widget(opened, kind, key)
        assert w.value == value
        assert _shown(w) == t(name_key, opened_in)


@pytest.mark.parametrize("page", CHOICES)
def test_switching_the_language_keeps_every_choice(page):
    choices = CHOICES[page]
    at = run_page(page, "en")
    for key, (kind, value, _) in choices.items():
        _widget(at, kind, key).set_value(value).run()
    for lang in ("zh", "en", "zh"):
        at.session_state["lang"] = lang
        at.run()
        assert not at.exception
        for key, (kind, value, name_key) in choices.items():
            w = _widget(at, kind, key)
            assert (w.value, _shown(w), at.query_params[key]) == (value, t(name_key, lang), value)


def test_a_bad_value_in_the_url_falls_back_to_the_default_and_leaves_the_url():
    at = run_page("3_playground.py", "zh", pg_mode="最大池化", pg_preset="<script>")
    assert (at.radio(key="pg_mode").value, at.selectbox(key="pg_preset").value) == ("max", "ramp")
    assert "pg_mode" not in at.query_params and "pg_preset" not in at.query_params


def test_default_choices_stay_out_of_the_url():
    at = run_page("6_backward.py", "zh")
    at.radio(key="bw_mode").set_value("max").run()
    assert at.query_params["bw_mode"] == "max"
    at.radio(key="bw_mode").set_value("avg").run()
    assert "bw_mode" not in at.query_params
