"""Check yourself and take it away in a real browser, both languages: a
question answered wrong then right (the feedback's arithmetic is the
trace's), the seed in the URL asks the same question in a fresh browser, and
the download buttons give files that match the trace (the GIF has one frame
per window, its first frame shows the first window in its colour; the CSV's
and JSON's rows are the trace's; the HTML draws in Chromium with the network
blocked).

Screenshots go to ``artifacts/`` (quiz_*, export_*).
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from lessons import export, quiz
from lessons import playground as pg
from lessons import walkthrough as wt
from lessons.export.gif import tint
from lessons.figures.grid import window_color
from lessons.i18n import t
from lessons.quiz.question import show

from . import ARTIFACTS, EXCEPTION, new_page, offline_context, page_url, runs, wait_for_app, wait_for_rerun
from .test_export_offline import DRAWN

pytestmark = pytest.mark.browser

WT_RESULTS = [mode.result for mode in wt.compute(wt.Settings()).modes]
PG_RESULT = pg.compute(pg.Settings()).result


def _open(page, server, path: str, query: str) -> None:
    page.goto(page_url(server.url, path, query))
    wait_for_app(page, timeout=60_000)
    assert page.locator(EXCEPTION).count() == 0


def _lang(lang: str) -> str:
    return "" if lang == "en" else "lang=zh&"


def _question(page, param: str) -> str:
    return page.locator(f".st-key-{param}_prompt").inner_text().strip()


def _answer(page, param: str, text: str) -> str:
    """Type ``text``, press Check, return the verdict box's text."""
    page.locator(f".st-key-{param}_answer input").fill(text)
    before = runs(page)
    page.locator(f".st-key-{param}_check button").click()
    wait_for_rerun(page, before, timeout=60_000)
    return page.locator(f".st-key-{param}_box [data-testid=stAlert]").last.inner_text()


def _plain(entries, lang: str) -> list[str]:
    """Texts as the browser shows them: markdown's backticks are gone."""
    return [t(key, lang, **fields).replace("`", "") for key, fields in entries]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_then_right(page, app_server, lang):
    seed = 3
    q = quiz.forward_question(WT_RESULTS, seed)
    _open(page, app_server, "walkthrough", f"{_lang(lang)}wt_q={seed}")
    assert _question(page, "wt_q") == _plain(q.prompt, lang)[0]
    box = page.locator(".st-key-wt_q_box")
    box.scroll_into_view_if_needed()

    wrong = show(float(q.expected) + 1)
    verdict = _answer(page, "wt_q", wrong)
    fb = q.check(wrong)
    assert fb.verdict == "wrong"
    for text in _plain((fb.message,) + fb.worked, lang):
        assert text in verdict
    ARTIFACTS.mkdir(exist_ok=True)
    box.screenshot(path=str(ARTIFACTS / f"quiz_walkthrough_{lang}_wrong.png"))

    verdict = _answer(page, "wt_q", show(q.expected))
    for text in _plain((q.check(show(q.expected)).message,) + q.worked, lang):
        assert text in verdict
    assert t("quiz.score", lang, right=0, answered=1, percent=0) in box.inner_text()
    box.screenshot(path=str(ARTIFACTS / f"quiz_walkthrough_{lang}_right.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_same_seed_in_a_fresh_browser(browser, page, app_server, lang):
    _open(page, app_server, "playground", f"{_lang(lang)}pg_q=42")
    first = _question(page, "pg_q")
    assert first == _plain(quiz.forward_question(PG_RESULT, 42).prompt, lang)[0]
    before = runs(page)
    page.locator(".st-key-pg_q_new button").click()
    wait_for_rerun(page, before, timeout=60_000)
    nxt = quiz.next_seed(42, lambda s: quiz.forward_question(PG_RESULT, s))
    page.wait_for_function(f"location.search.includes('pg_q={nxt}')")
    asked = _question(page, "pg_q")
    assert asked != first and asked == _plain(quiz.forward_question(PG_RESULT, nxt).prompt, lang)[0]

    fresh = new_page(browser)  # no cookies, no session: only the link
    try:
        fresh.goto(page.url)
        wait_for_app(fresh, timeout=60_000)
        assert _question(fresh, "pg_q") == asked
        assert parse_qs(urlsplit(fresh.url).query)["pg_q"] == [str(nxt)]
    finally:
        fresh.context.close()


def _download(page, key: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator(f".st-key-{key} button").click()
    dl = info.value
    return dl.suggested_filename, dl.path().read_bytes()


def test_downloads(browser, page, app_server, tmp_path):
    res = PG_RESULT
    _open(page, app_server, "playground", "lang=zh")
    files = {ext: _download(page, f"pg_dl_0_{ext}") for ext in ("gif", "csv", "json")}
    files["html"] = _download(page, "pg_dl_html")
    for ext, (name, _) in files.items():
        assert name == export.export_name(res, ext)

    gif = Image.open(io.BytesIO(files["gif"][1]))
    assert gif.n_frames == res.trace.n_windows
    lay = export.gif_layout(res.trace)
    first = res.trace.window(0, 0)
    x0, y0, _, _ = lay.input_box(first.row_start, first.col_start)
    line = max(2, lay.cell // 14)
    for k in range(gif.n_frames):
        gif.seek(k)
        frame = gif.convert("RGB")
        if k in (0, 1, gif.n_frames - 1):
            frame.save(ARTIFACTS / f"export_gif_frame{k + 1}.png")
        colour = frame.getpixel((x0 + line + 2, y0 + line + 2))
        assert (colour == tint(window_color(0))) == (k == 0)  # the first window, in its colour

    rows = list(csv.DictReader(io.StringIO(files["csv"][1].decode("utf-8"))))
    doc = json.loads(files["json"][1])
    records = list(res.trace.windows())
    assert len(rows) == len(doc["windows"]) == len(records)
    for row, win, rec in zip(rows, doc["windows"], records):
        assert (int(row["out_row"]), int(row["out_col"])) == (win["out_row"], win["out_col"]) == (rec.out_row,
                                                                                                  rec.out_col)
        assert float(row["output"]) == win["output"] == rec.output
        assert [float(v) for v in row["values"].split()] == win["values"] == rec.values.ravel().tolist()

    path = tmp_path / files["html"][0]
    path.write_bytes(files["html"][1])
    context, blocked = offline_context(browser, {"width": 1100, "height": 700})
    offline = context.new_page()
    try:
        offline.goto(path.as_uri())
        offline.wait_for_function(DRAWN, timeout=30_000)
        texts = offline.eval_on_selector_all(".js-plotly-plot text", "els => els.map(e => e.textContent)")
        assert t("pg.fig_input", "zh") in " ".join(texts)
        offline.screenshot(path=str(ARTIFACTS / "export_html_offline_zh.png"))
    finally:
        context.close()
    assert blocked == []


CELL_AT = """([key, r, c]) => {
  const gd = document.querySelector(`[class*="st-key-${key}"] .js-plotly-plot`);
  const fl = gd._fullLayout, box = gd.getBoundingClientRect();
  return [box.left + fl.xaxis._offset + fl.xaxis.l2p(c), box.top + fl.yaxis._offset + fl.yaxis.l2p(r)];
}"""


HOVERED = """([key]) => {
  const gd = document.querySelector(`[class*="st-key-${key}"] .js-plotly-plot`);
  const label = gd && gd.querySelector('.hoverlayer .hovertext');
  return label ? label.textContent.trim() : '';
}"""


def _aim(page, key: str, cell: tuple[int, int]) -> tuple[float, float]:
    """The mouse over ``cell`` of the click grid, as the chart's own hover label confirms.

    The pixel is computed from the chart's axes, but the page above it can still grow
    (a chart drawn late, the drawing pad), which moves the grid after the sum: a click at a
    stale pixel lands a row off. So move, wait for the label, and aim again until it agrees."""
    want = f"({cell[0]}, {cell[1]})"
    for _ in range(20):
        wait_for_app(page)
        x, y = page.evaluate(CELL_AT, [key, *cell])
        page.mouse.move(x - 2, y)
        page.mouse.move(x, y)
        page.wait_for_timeout(250)
        if page.evaluate(HOVERED, [key]) == want and page.evaluate(CELL_AT, [key, *cell]) == [x, y]:
            return x, y
    raise AssertionError(f"the click grid's hover label never showed {want}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_click_answers_a_cell_question(page, app_server, lang):
    from lessons import backward as bw

    lesson = bw.compute(bw.Settings())
    seed = next(s for s in range(100) if quiz.backward_question(
        [lesson.avg.res, lesson.max.res], lesson.grad_output, s).kind == "cell")
    q = quiz.backward_question([lesson.avg.res, lesson.max.res], lesson.grad_output, seed)
    _open(page, app_server, "backward", f"{_lang(lang)}bw_q={seed}")
    page.locator('[class*="st-key-bw_q_pick"]').scroll_into_view_if_needed()
    wrong = (q.expected[0] - 1 if q.expected[0] else q.expected[0] + 1, q.expected[1])
    for cell in (wrong, q.expected):
        x, y = _aim(page, "bw_q_pick", cell)
        before = runs(page)
        page.mouse.click(x, y)
        wait_for_rerun(page, before, timeout=60_000)
        fb = q.check(cell)
        assert fb.verdict == ("right" if cell == q.expected else "wrong")
        # The run the click caused can end a moment before its verdict replaces the last one
        # on screen: wait for this cell's verdict (a wrong cell answered never shows it).
        texts = _plain((fb.message,) + fb.worked, lang)
        alert = ".st-key-bw_q_box [data-testid=stAlert]"
        try:
            page.wait_for_function(
                "([sel, texts]) => { const a = [...document.querySelectorAll(sel)].pop();"
                " return !!a && texts.every(t => a.innerText.includes(t)); }",
                arg=[alert, texts], timeout=15_000)
        except PlaywrightTimeout:  # then say what it shows instead
            pass
        verdict = page.locator(alert).last.inner_text()
        for text in texts:
            assert text in verdict
    page.locator(".st-key-bw_q_box").screenshot(path=str(ARTIFACTS / f"quiz_backward_{lang}_click_right.png"))
