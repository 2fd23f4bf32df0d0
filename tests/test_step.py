"""The step machinery of lessons/ui_step.py under AppTest: Play, the timer's
ticks, Back/Next, the speed in the URL, and "reset this lesson" on every page.

AppTest reruns the whole page where the browser reruns only the fragment; the
step logic is the same. A timer tick is simulated by a rerun once the last move
is old enough (``<prefix>_moved`` set back in time). The browser side (the
real timer, the keys) is tests/browser/test_step.py.
"""

import time
from functools import partial
from pathlib import Path

import pytest
from pagetest import run_page
from streamlit.testing.v1 import AppTest

from lessons import ui_step
from lessons.i18n import t
from lessons.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]
walkthrough = partial(run_page, "2_walkthrough.py")
AVG = ["3.5 = (1 + 2 + 5 + 6) / 4", "5.5 = (3 + 4 + 7 + 8) / 4", "11.5 = (9 + 10 + 13 + 14) / 4",
       "13.5 = (11 + 12 + 15 + 16) / 4"]
MAX = ["max(1, 2, 5, 6) = 6", "max(3, 4, 7, 8) = 8", "max(9, 10, 13, 14) = 14", "max(11, 12, 15, 16) = 16"]


def _tick(at, prefix="wt"):
    """A rerun as the timer sends it: one full step after the last move."""
    at.session_state[f"{prefix}_moved"] = time.monotonic() - 2.5
    at.run()
    assert not at.exception


def _arithmetic(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("### `")]


def _state(at, prefix="wt") -> tuple[int, bool]:
    return at.slider(key=f"{prefix}_step").value, bool(at.session_state[f"{prefix}_playing"])


def test_play_moves_one_step_per_tick_and_stops_at_the_end():
    at = walkthrough()
    at.button(key="wt_play").click().run()
    assert _state(at) == (1, True)  # the run that starts playing does not move
    assert at.button(key="wt_play").label == t("common.pause", "en")
    at.run()  # a rerun right after the last move (not a tick) does not move either
    assert _state(at) == (1, True)
    for step in (2, 3, 4):
        _tick(at)
        assert at.slider(key="wt_step").value == step
        # the arithmetic, the buttons and the chart's title follow the same step
        assert _arithmetic(at) == [f"### `{AVG[step - 1]}`", f"### `{MAX[step - 1]}`"]
        assert at.button(key="wt_back").disabled is False
        assert at.button(key="wt_next").disabled == (step == 4)
    assert _state(at) == (4, True) and at.slider(key="wt_step").disabled  # the browser cannot fight the timer
    _tick(at)  # the last step stays on screen for one tick, then playing stops
    assert _state(at) == (4, False) and not at.slider(key="wt_step").disabled
    assert at.button(key="wt_play").label == t("common.play", "en")
    _tick(at)
    assert _state(at) == (4, False)


def test_play_at_the_end_starts_again_and_a_click_pauses():
    at = walkthrough("zh", wt_step="4")
    at.button(key="wt_play").click().run()
    assert _state(at) == (1, True)
    assert at.button(key="wt_play").label == t("common.pause", "zh")
    _tick(at)
    assert _state(at) == (2, True)
    at.button(key="wt_next").click().run()  # Next (or →) takes over: one step, and playing stops
    assert _state(at) == (3, False)
    _tick(at)
    assert _state(at) == (3, False)
    at.button(key="wt_play").click().run()
    at.button(key="wt_play").click().run()  # Pause
    _tick(at)
    assert _state(at) == (3, False)


def test_coming_back_to_a_page_left_while_playing_does_not_play_on():
    at = walkthrough()
    at.button(key="wt_play").click().run()
    at.session_state["wt_moved"] = time.monotonic() - 60  # no tick for a minute: the reader was elsewhere
    at.run()
    assert _state(at) == (1, False) and at.button(key="wt_play").label == t("common.play", "en")


def test_buttons_carry_the_keyboard_shortcuts():
    at = walkthrough()
    shortcuts = {name: at.button(key=f"wt_{name}").proto.shortcut for name in ("back", "play", "next")}
    assert shortcuts == {"back": "left", "play": "space", "next": "right"}
    assert t("step.keys", "en") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_speed_comes_from_the_url_as_a_code_name(lang):
    at = walkthrough(lang, wt_speed="fast")
    (control,) = at.segmented_control
    assert control.value == "fast" and ui_step.speed("wt") == "normal"  # (no page context here)
    assert list(control.options) == [t(f"step.speed_{c}", lang) for c in ui_step.SPEEDS]
    assert at.query_params["wt_speed"] == "fast"
    if lang != "en":  # AppTest formats a value it sets outside the run, so in the default language
        return
    control.set_value("slow").run()
    assert at.query_params["wt_speed"] == "slow"
    control.set_value("normal").run()
    assert "wt_speed" not in at.query_params  # the default stays out of the link
    bad = walkthrough(lang, wt_speed="warp")
    assert bad.segmented_control[0].value == "normal"


def test_the_speed_sets_the_timer():
    assert ui_step.SPEEDS["slow"] > ui_step.SPEEDS["normal"] > ui_step.SPEEDS["fast"] > 0


def test_fewer_steps_than_the_url_asks_for_clamp_the_step():
    at = run_page("3_playground.py", pg_step="9")
    assert at.slider(key="pg_step").value == 9
    at.slider(key="pg_kh").set_value(3).run()  # 2 x 3 windows now... or fewer: the step stays in range
    assert not at.exception
    assert 1 <= at.slider(key="pg_step").value <= at.slider(key="pg_step").max


def test_a_single_window_has_nothing_to_step():
    at = run_page("3_playground.py", pg_kh=6, pg_kw=6)
    assert not [s for s in at.slider if s.key == "pg_step"]
    assert not [b for b in at.button if b.key == "pg_play"]
    assert [c.key for c in at.get("plotly_chart") if c.key != "pg_pad_0"] == ["pg_figure"]  # besides the drawing pad


def in_app(page: str, lang="en", **query) -> AppTest:
    """``page`` (a lesson_pages/ file) run by the router, which shows the reset button."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in {"lang": lang, **query}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"lesson_pages/{page}")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reset_restores_the_walkthroughs_defaults(lang):
    at = in_app("2_walkthrough.py", lang, wt_step="3", wt_avg="false", wt_speed="fast")
    assert at.slider(key="wt_step").value == 3 and at.toggle(key="wt_avg").value is False
    at.button(key="wt_play").click().run()
    at.button(key="wt_reset").click().run()
    assert not at.exception
    assert at.button(key="wt_reset").label == t("step.reset", lang)
    assert at.slider(key="wt_step").value == 1
    assert at.toggle(key="wt_avg").value is True and at.toggle(key="wt_max").value is True
    assert at.segmented_control[0].value == "normal"
    assert "wt_playing" not in at.session_state  # forgotten: not playing
    assert not {"wt_step", "wt_avg", "wt_speed"} & set(at.query_params)
    assert at.query_params.get("lang", "en") == lang  # the reader's language stays


def test_reset_restores_the_playgrounds_defaults():
    at = in_app("3_playground.py", pg_h="8", pg_kh="3", pg_mode="avg", pg_step="4", pg_pt="1")
    assert at.slider(key="pg_h").value == 8
    at.button(key="pg_reset").click().run()
    assert not at.exception
    fresh = run_page("3_playground.py")
    for key in ("pg_h", "pg_kh", "pg_pt", "pg_step"):
        assert at.slider(key=key).value == fresh.slider(key=key).value, key
    assert at.radio(key="pg_mode").value == fresh.radio(key="pg_mode").value
    assert not {"pg_h", "pg_kh", "pg_mode", "pg_step", "pg_pt"} & set(at.query_params)


def test_every_page_has_a_reset_button():
    at = in_app(PAGES[0].path.split("/")[-1])
    for page in PAGES:
        at.switch_page(page.path)
        at.run()
        (button,) = [b for b in at.button if b.label == t("step.reset", "en")]
        assert button.disabled == (not page.state), page.path  # the first page has no settings
        assert page.state or page.url_path == ""
        if not button.disabled:
            button.click().run()
            assert not at.exception, (page.path, at.exception)
