"""One step state in a real browser (lessons/ui_step.py), both languages.

Play runs to the end on the server's timer; then every step indicator on the
page is read at one instant (the slider, Back/Next, the chart's title, its
highlighted window and its filled output cells, the arithmetic, "output so
far") and must name the same step; so must Back, Next, ← and →. Space plays
and pauses; "reset this lesson" brings back the defaults and cleans the URL.
One page per language, shared by its checks, to keep the suite short; the
playground and the K-max walk play to the end too.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from lessons import playground as pg
from lessons import walkthrough as wt
from lessons.figures.grid import HIGHLIGHT, WINDOW_COLOR_NAMES, WINDOW_COLORS
from lessons.i18n import t

from . import EXCEPTION, page_url, runs, wait_for_app, wait_for_rerun

pytestmark = pytest.mark.browser

AVG = ["3.5 = (1 + 2 + 5 + 6) / 4", "5.5 = (3 + 4 + 7 + 8) / 4", "11.5 = (9 + 10 + 13 + 14) / 4",
       "13.5 = (11 + 12 + 15 + 16) / 4"]
MAX = ["max(1, 2, 5, 6) = 6", "max(3, 4, 7, 8) = 8", "max(9, 10, 13, 14) = 14", "max(11, 12, 15, 16) = 16"]
AVG_OUT, MAX_OUT = ["3.5", "5.5", "11.5", "13.5"], ["6", "8", "14", "16"]

# Everything that shows a step, read in one go (no rerun can land in between),
# or null while a run (of the page or of its fragment) is going on.
STATE = """([prefix, chart]) => {
    if (!document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')) return null;
    const box = (name) => document.querySelector(`.st-key-${prefix}_${name}`);
    const plot = document.querySelector(`.st-key-${chart} .js-plotly-plot`);
    if (!box('step') || !plot || !plot._fullLayout) return null;
    const L = plot._fullLayout;
    const main = document.querySelector('[data-testid=stMain]').cloneNode(true);
    main.querySelectorAll('.stPlotlyChart, [data-testid=stPlotlyChart]').forEach(e => e.remove());
    return {
        slider: Number(box('step').querySelector('input[type=range]').value),
        thumb: box('step').querySelector('[data-testid=stSliderThumbValue]').innerText.trim(),
        back: box('back').querySelector('button').disabled,
        next: box('next').querySelector('button').disabled,
        play: box('play').querySelector('button').innerText,
        title: (L.title && L.title.text) || '',
        shapes: (L.shapes || []).map(s => ({xref: s.xref, width: s.line.width,
                                            color: (s.line.color || '').toLowerCase(),
                                            x0: s.x0, x1: s.x1, y0: s.y0, y1: s.y1})),
        texts: plot.data.map(d => d.text),
        main: main.innerText,
    };
}"""


def state(page, prefix: str, chart: str, timeout: float = 20_000) -> dict:
    handle = page.wait_for_function(STATE, arg=[prefix, chart], timeout=timeout)
    return handle.json_value()


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def speed_shown(page) -> str:
    return page.locator(".st-key-wt_speed button[aria-checked=true]").inner_text().strip()


def plain(markdown: str) -> str:
    return markdown.replace("**", "").replace("`", "")


def wait_step(page, prefix: str, chart: str, step: int, timeout: float = 20_000) -> dict:
    """The page's state, read at the first moment between runs that it is at ``step``."""
    handle = page.wait_for_function(
        f"([p, c]) => {{ const s = ({STATE})([p, c]); return s && s.slider === {step} ? s : null; }}",
        arg=[prefix, chart], timeout=timeout, polling=50)
    return handle.json_value()


def assert_walkthrough_at(s: dict, step: int, lang: str) -> None:
    """Every indicator of the walkthrough names ``step``."""
    assert s["slider"] == step and s["thumb"] == str(step), s
    assert s["back"] == (step == 1) and s["next"] == (step == 4), s
    title = re.sub(r"<[^>]+>", "", s["title"])
    colon = ":" if lang == "en" else "："
    assert title.startswith(f"{t('common.step', lang)} {step}{colon}") and AVG[step - 1] in title, title
    window = [x for x in s["shapes"] if x["width"] == 4 and x["xref"] == "x"]
    assert [x["color"] for x in window] == [WINDOW_COLORS[step - 1].lower()], window
    assert sum(v != "?" for row in s["texts"][1] for v in row) == step  # output cells filled so far
    for k in range(4):  # the arithmetic of this step only
        assert (AVG[k] in s["main"]) == (k == step - 1) and (MAX[k] in s["main"]) == (k == step - 1), k
    for cells in (AVG_OUT, MAX_OUT):
        assert plain(t("wt.output_so_far", lang, cells=", ".join(cells[:step]))) in s["main"]
    key, fields = wt.compute(wt.Settings(step=step)).where
    color = t(f"wt.color_{WINDOW_COLOR_NAMES[step - 1]}", lang)
    assert plain(t(key, lang, color=color, **fields)) in s["main"]


@pytest.fixture(params=["en", "zh"], scope="module")
def walk(request, browser, app_server):
    """The walkthrough in one page per language (normal speed: under load a fragment run at the
    fast speed can take most of a step, and the page would seldom be seen between runs)."""
    from . import new_page

    page = new_page(browser)
    page.set_default_timeout(30_000)
    query_lang = "" if request.param == "en" else "lang=zh&"
    page.goto(page_url(app_server.url, "walkthrough", query_lang.rstrip("&")))
    wait_for_app(page, timeout=60_000)
    yield page, request.param
    page.context.close()


def test_play_to_the_end_then_every_indicator_agrees(walk):
    page, lang = walk
    assert_walkthrough_at(state(page, "wt", "wt_fig"), 1, lang)
    page.locator(".st-key-wt_play button").click()
    seen = set()
    for step in (2, 3):  # during Play too: read whenever the page is between runs
        s = wait_step(page, "wt", "wt_fig", step)
        assert_walkthrough_at(s, step, lang)
        assert t("common.pause", lang) in s["play"]
        seen.add(step)
    s = wait_step(page, "wt", "wt_fig", 4)
    page.wait_for_function("() => document.querySelector('.st-key-wt_play button').innerText.includes("
                           f"{t('common.play', lang)!r})")
    page.wait_for_timeout(1_500)  # stopped: nothing moves any more
    s = state(page, "wt", "wt_fig")
    assert_walkthrough_at(s, 4, lang)
    assert query(page).get("wt_step") == "4"
    # then Back and Next, with the mouse
    before = runs(page)
    page.locator(".st-key-wt_back button").click()
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 3), 3, lang)
    page.locator(".st-key-wt_next button").click()
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 4), 4, lang)
    assert runs(page) > before
    assert page.locator(EXCEPTION).count() == 0


def test_arrow_keys_step_and_space_plays_and_pauses(walk):
    page, lang = walk
    page.mouse.click(5, 300)  # focus the page, not a widget
    start = state(page, "wt", "wt_fig")["slider"]
    for step in range(start + 1, 5):  # to the last step first (when this test runs alone)
        page.keyboard.press("ArrowRight")
        wait_step(page, "wt", "wt_fig", step)
    page.keyboard.press("ArrowLeft")
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 3), 3, lang)
    # Twice more. Not back to back: Streamlit folds two presses of one shortcut that reach the
    # server before the first press's run starts into one (on a loaded machine they often do).
    page.keyboard.press("ArrowLeft")
    wait_step(page, "wt", "wt_fig", 2)
    page.keyboard.press("ArrowLeft")
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 1), 1, lang)
    page.keyboard.press("ArrowLeft")  # at the first step: stays
    page.wait_for_timeout(500)
    assert_walkthrough_at(state(page, "wt", "wt_fig"), 1, lang)
    page.keyboard.press("ArrowRight")
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 2), 2, lang)
    # slow, so that Pause lands before the end (the speed is a code name in the URL)
    assert speed_shown(page) == t("step.speed_normal", lang) and "wt_speed" not in query(page)
    page.locator(".st-key-wt_speed button", has_text=t("step.speed_slow", lang)).click()
    page.wait_for_function("() => location.search.includes('wt_speed=slow')")
    wait_for_app(page)
    page.keyboard.press(" ")  # Space: play, although the speed control clicked last has the focus
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 3), 3, lang)
    page.keyboard.press(" ")  # Space: pause
    page.wait_for_function("() => document.querySelector('.st-key-wt_play button').innerText.includes("
                           f"{t('common.play', lang)!r})")
    paused = state(page, "wt", "wt_fig")
    page.wait_for_timeout(2_500)  # more than a step at the slow speed: nothing moves
    assert state(page, "wt", "wt_fig")["slider"] == paused["slider"] < 4
    assert_walkthrough_at(paused, paused["slider"], lang)


def test_speed_is_in_the_url_and_reset_restores_the_defaults(walk):
    page, lang = walk
    if query(page).get("wt_speed") != "slow":  # alone, or after the test before stopped short of it
        wait_for_app(page)
        page.locator(".st-key-wt_speed button", has_text=t("step.speed_slow", lang)).click()
        page.wait_for_function("() => location.search.includes('wt_speed=slow')")
        wait_for_app(page)
    assert query(page).get("wt_speed") == "slow"
    assert speed_shown(page) == t("step.speed_slow", lang)
    page.locator(".st-key-wt_max label").first.click()  # max pooling off
    page.wait_for_function("() => location.search.includes('wt_max=false')")
    wait_for_app(page)
    before = runs(page)
    page.locator(".st-key-wt_reset button").first.click()
    wait_for_rerun(page, before)
    page.wait_for_function("() => !/wt_(step|speed|max|avg)=/.test(location.search)", timeout=10_000)
    assert_walkthrough_at(wait_step(page, "wt", "wt_fig", 1), 1, lang)  # the slider may settle a frame later
    assert "wt_speed" not in query(page) and query(page).get("lang", "en") == lang
    assert speed_shown(page) == t("step.speed_normal", lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_playground_plays_to_the_end_and_agrees(page, app_server, lang):
    settings = pg.Settings(h=4, w=4)  # the tutorial's 4 windows
    out = pg.compute(settings)
    query_lang = "" if lang == "en" else "lang=zh&"
    page.goto(page_url(app_server.url, "playground", f"{query_lang}pg_h=4&pg_w=4&pg_speed=fast"))
    wait_for_app(page, timeout=60_000)
    page.locator(".st-key-pg_play button").click()
    wait_step(page, "pg", "pg_figure", 4)
    page.wait_for_function("() => document.querySelector('.st-key-pg_play button').innerText.includes("
                           f"{t('common.play', lang)!r})")
    for step in (4, 3):
        s = state(page, "pg", "pg_figure")
        assert s["slider"] == step and s["back"] is False and s["next"] == (step == 4), s
        rec = out.result.trace.window(*divmod(step - 1, 2))
        window = s["shapes"][0]  # the current window on the input, in its colour
        assert (window["y0"] + 0.5, window["y1"] + 0.5, window["x0"] + 0.5, window["x1"] + 0.5) == \
               (rec.row_start, rec.row_stop, rec.col_start, rec.col_stop)
        assert window["color"] == WINDOW_COLORS[step - 1].lower()
        marks = [x for x in s["shapes"] if x["color"] == HIGHLIGHT.lower()]
        assert [(m["y0"] + 0.5, m["x0"] + 0.5) for m in marks] == [tuple(rec.argmax)]
        key, fields = pg.window_view(out, step).info
        assert re.sub(r"\s+", " ", plain(t(key, lang, **fields))) in re.sub(r"\s+", " ", s["main"])
        if step == 4:
            page.keyboard.press("ArrowLeft")
            wait_step(page, "pg", "pg_figure", 3)
    assert page.locator(EXCEPTION).count() == 0


def test_kmax_walk_plays_column_by_column(page, app_server):
    page.goto(page_url(app_server.url, "kmax", "lang=zh&km_speed=fast"))
    wait_for_app(page, timeout=60_000)
    page.locator(".st-key-km_play button").click()
    for column in (2, 3, 4):
        s = wait_step(page, "km", "km_walk", column)
        output = s["texts"][1]  # the output written up to this column, the rest blank
        assert [sum(v != "" for v in row) for row in output] == [column] * len(output), output
        assert [x for x in s["shapes"] if x["color"] == HIGHLIGHT.lower()], "no kept cell outlined"
    page.wait_for_function("() => document.querySelector('.st-key-km_play button').innerText.includes('播放')")
    assert query(page).get("km_step") == "4"
    assert page.locator(EXCEPTION).count() == 0
