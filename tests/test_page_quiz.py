"""The check-yourself block and the download buttons on the lesson pages
(AppTest): a wrong then a right answer in both languages, feedback whose
arithmetic is the trace's, the seed read from the URL (and hostile seeds
refused), "new question", the session score, and the files the buttons build."""

from __future__ import annotations

import csv
import io
import json
from functools import partial

import pytest
from pagetest import plotly_array, run_page
from PIL import Image

from lessons import backward as bw
from lessons import export, quiz, ui_quiz
from lessons import kmax as km
from lessons import playground as pg
from lessons import walkthrough as wt
from lessons.arithmetic import window_arithmetic
from lessons.i18n import t
from lessons.quiz.question import show

WT_RESULTS = [mode.result for mode in wt.compute(wt.Settings()).modes]
PG_OUT = pg.compute(pg.Settings())
BW_LESSON = bw.compute(bw.Settings())
KM = km.Settings()

# page file, URL parameter, the question the page must ask for a seed
PAGES = {
    "walkthrough": ("2_walkthrough.py", "wt_q", lambda s: quiz.forward_question(WT_RESULTS, s)),
    "playground": ("3_playground.py", "pg_q", lambda s: quiz.forward_question(PG_OUT.result, s)),
    "kmax": ("4_kmax.py", "km_q", lambda s: quiz.kmax_question(km.FIGURE2, KM.k, s, keep_order=KM.keep_order,
                                                               labels=km.FEATURE_LABELS)),
    "backward": ("6_backward.py", "bw_q", lambda s: quiz.backward_question(
        [BW_LESSON.avg.res, BW_LESSON.max.res], BW_LESSON.grad_output, s)),
}


def wrong_answer(q) -> str:
    if q.kind == "cell":
        return f"{q.expected[0] + 1}, {q.expected[1]}"
    if q.kind == "numbers":
        return ", ".join(show(v + 1) for v in q.expected)
    return show(float(q.expected) + 1)


def prompt_text(q, lang) -> str:
    return " ".join(t(key, lang, **fields) for key, fields in q.prompt)


def feedback(at) -> list[str]:
    return [a.value for kind in ("success", "warning", "info") for a in at.get(kind)]


def answer(at, param, text):
    at.text_input(key=f"{param}_answer").input(text)
    at.button(key=f"{param}_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(PAGES))
def test_wrong_then_right_answer_with_the_traces_arithmetic(name, lang):
    page, param, make = PAGES[name]
    seed = {"walkthrough": 3, "playground": 11, "kmax": 5, "backward": 2}[name]
    q = make(seed)
    at = run_page(page, lang, **{param: str(seed)})
    markdown = [m.value for m in at.markdown]
    assert prompt_text(q, lang) in markdown  # the seed in the URL picks the question
    assert t("quiz.score_none", lang) in at.caption[-1].value
    assert t("quiz.seed", lang, seed=seed) in at.caption[-1].value

    answer(at, param, wrong_answer(q))
    fb = q.check(wrong_answer(q))
    assert fb.verdict == "wrong"
    shown = [f for f in feedback(at) if t(*fb.message[:1], lang, **fb.message[1]) in f]
    assert len(shown) == 1 and at.warning[-1].value == shown[0]
    for key, fields in fb.worked:  # every worked step, as the question module wrote it
        assert t(key, lang, **fields) in shown[0]
    assert t("quiz.score", lang, right=0, answered=1, percent=0) in at.caption[-1].value

    answer(at, param, show(q.expected, q.kind))
    right = at.success[-1].value
    assert right.startswith(t("quiz.fb_right", lang, answer=show(q.expected, q.kind)))
    for key, fields in q.worked:
        assert t(key, lang, **fields) in right
    # the same question answered again does not count twice
    assert t("quiz.score", lang, right=0, answered=1, percent=0) in at.caption[-1].value


def test_the_worked_arithmetic_is_the_traces():
    """Over many seeds, a value question's arithmetic is the trace's own window arithmetic."""
    for s in range(30):
        for res in WT_RESULTS + [PG_OUT.result]:
            q = quiz.forward_question(res, s)
            if q.topic == "value":
                i, j = q.focus[0][1]
                rec = res.trace.window(i, j)
                key = "quiz.work_avg" if rec.mode == "avg" else "quiz.work_max"
                math = next(f["math"] for k, f in q.worked if k == key)
                assert math == window_arithmetic(rec) and q.expected == rec.output


def test_score_is_shared_by_the_session_and_counts_right_answers():
    page, param, make = PAGES["walkthrough"]
    q = make(0)
    at = run_page(page, "en")  # no seed in the URL: question 0
    assert prompt_text(q, "en") in [m.value for m in at.markdown]
    answer(at, param, show(q.expected, q.kind))
    assert t("quiz.score", "en", right=1, answered=1, percent=100) in at.caption[-1].value
    assert isinstance(at.session_state[ui_quiz.SCORE], quiz.Score)
    answer(at, param, "twelve")  # unreadable: explained, not scored, no answer given away
    assert at.info[-1].value.startswith(t("quiz.unreadable_not_number", "en"))
    assert show(q.expected, q.kind) not in at.info[-1].value


@pytest.mark.parametrize("raw", ["abc", "10000", "-1", "1e309", "٣", "0x10", "7" * 500, "<b>1</b>", ""])
def test_a_hostile_seed_is_refused(raw):
    page, param, make = PAGES["playground"]
    at = run_page(page, "zh", **{param: raw})
    assert t("quiz.bad_seed", "zh", seed=0, limit=9999) in [c.value for c in at.caption]
    assert prompt_text(make(0), "zh") in [m.value for m in at.markdown]


def test_a_repeated_seed_parameter_uses_the_last():
    page, param, make = PAGES["kmax"]
    at = run_page(page, "en", **{param: ["3", "8"]})
    assert prompt_text(make(8), "en") in [m.value for m in at.markdown]


@pytest.mark.parametrize("name", list(PAGES))
def test_new_question_puts_the_next_seed_in_the_url_and_empties_the_box(name):
    page, param, make = PAGES[name]
    at = run_page(page, "en", **{param: "4"})
    answer(at, param, "1")
    at.button(key=f"{param}_new").click().run()
    nxt = quiz.next_seed(4, make)
    assert at.query_params[param] in (str(nxt), [str(nxt)])
    assert make(nxt).uid != make(4).uid
    assert at.text_input(key=f"{param}_answer").value == ""
    assert prompt_text(make(nxt), "en") in [m.value for m in at.markdown]
    assert not any(f.startswith("Not quite") for f in feedback(at))  # the old verdict is gone


def test_download_buttons_are_deferred_and_only_on_stepping_pages():
    expect = {"walkthrough": 7, "playground": 4, "kmax": 1, "backward": 0}  # 2 modes x 3 + HTML; 3 + HTML; HTML
    for name, (page, _, _) in PAGES.items():
        buttons = run_page(page, "en").get("download_button")
        assert len(buttons) == expect[name], name
        assert all(b.proto.deferred_file_id for b in buttons)  # nothing built on the page run


def _gif_frames(data: bytes) -> list[Image.Image]:
    img = Image.open(io.BytesIO(data))
    frames = []
    for k in range(img.n_frames):
        img.seek(k)
        frames.append(img.convert("RGB"))
    return frames


def test_the_files_the_buttons_build():
    res = PG_OUT.result
    gif = ui_quiz._gif(res)
    frames = _gif_frames(gif)
    assert len(frames) == res.trace.n_windows
    rows = list(csv.DictReader(io.StringIO(export.trace_csv(res).decode())))
    doc = json.loads(export.trace_json(res))
    assert len(rows) == len(doc["windows"]) == res.trace.n_windows
    for row, win, rec in zip(rows, doc["windows"], res.trace.windows()):
        assert float(row["output"]) == win["output"] == rec.output
    html = ui_quiz._html(partial(ui_quiz._pg_figure, PG_OUT, 2, "zh")).decode()
    assert "<html>" in html and "Plotly.newPlot" in html and t("pg.fig_input", "zh") in html
    html = ui_quiz._html(partial(ui_quiz._wt_figure, wt.compute(wt.Settings(step=2)), "en")).decode()
    assert t("wt.panel_input", "en", mode=t("common.max", "en")) in html
    view = km.compute(KM)
    html = ui_quiz._html(partial(ui_quiz._km_figure, view, "zh")).decode()
    assert "Plotly.newPlot" in html and t("km.column", "zh") in html


def test_a_cell_question_has_a_picture_to_click():
    page, param, make = PAGES["backward"]
    seed = next(s for s in range(100) if make(s).kind == "cell")
    at = run_page(page, "zh", **{param: str(seed)})
    assert t("quiz.click_hint", "zh") in [c.value for c in at.caption]
    pick = [c for c in at.get("plotly_chart") if f"{param}_pick_" in c.proto.id]
    assert len(pick) == 1 and pick[0].proto.selection_mode
    spec = json.loads(pick[0].proto.spec)
    q = make(seed)
    markers = spec["data"][-1]
    assert markers["type"] == "scatter" and plotly_array(markers["x"]).size == BW_LESSON.x.size
    shape = spec["layout"]["shapes"][0]  # the question's window, outlined
    fields = q.prompt[0][1]
    assert (shape["x0"], shape["y0"]) == (fields["c0"] - 0.5, fields["r0"] - 0.5)
    non_cell = next(s for s in range(100) if make(s).kind != "cell")
    at = run_page(page, "en", **{param: str(non_cell)})
    assert not [c for c in at.get("plotly_chart") if f"{param}_pick_" in c.proto.id]
