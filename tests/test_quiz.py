"""Check-yourself questions: right and wrong answers for every kind, feedback
arithmetic equal to the trace's, the same seed giving the same question, and
hostile answer text handled without an exception."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest
from conftest import FIGURE1_AVG, FIGURE1_INPUT, FIGURE1_MAX, FIGURE2_INPUT, FIGURE2_KMAX, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import quiz
from lessons.arithmetic import MAX_TERMS
from lessons.i18n import LANGS, TEXT, t
from lessons.quiz.answers import MAX_CHARS, Unreadable, read_cell, read_number, read_numbers
from pooling_core import explain_output_size, kmax_pool, pool2d

SEEDS = range(40)
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def numbers_in(text: str) -> list[float]:
    return [float(v) for v in NUMBER.findall(text)]


def field(q_or_fb, key: str, name: str, where: str = "worked"):
    """Field ``name`` of the first (key, fields) entry called ``key``."""
    for k, fields in getattr(q_or_fb, where):
        if k == key:
            return fields[name]
    raise AssertionError(f"no {key!r} in {getattr(q_or_fb, where)}")


def render(entries, lang: str) -> list[str]:
    return [t(key, lang, **fields) for key, fields in entries]


def render_all(q, fb) -> None:
    """Every text of a question and its feedback exists and formats in both languages."""
    for lang in LANGS:
        render(q.prompt + q.worked + (q.hint,) + tuple(text for _, text in q.traps), lang)
        render((fb.message,) + fb.notes + fb.worked, lang)


# ---------------------------------------------------------------- reading answers


@pytest.mark.parametrize("text, value", [
    ("3.5", 3.5), (" 3.5 ", 3.5), ("３．５", 3.5), ("3,5", 3.5), ("3。5", 3.5), ("−3.5", -3.5),
    ("－3.5", -3.5), ("+3.5", 3.5), ("3.50", 3.5), (".5", 0.5), ("5.", 5.0), ("3e2", 300.0),
    ("H_out = 3", 3.0), ("答案：3.5", 3.5), ("≈ 3.33", 3.33), ("1,234.5", 1234.5),
])
def test_reads_a_number_however_it_is_typed(text, value):
    assert read_number(text) == (value,)


def test_a_thousands_comma_is_read_both_ways():
    assert read_number("1,000") == (1.0, 1000.0)
    assert read_number("12,5") == (12.5,)  # not three digits after the comma: a decimal comma


@pytest.mark.parametrize("text", [
    "(1, 2)", "1 2", "1,2", "（1，2）", "[1;2]", "row 1, col 2", "第1行第2列", "第 1 行，第 2 列", "r1c2",
    "１ ２", "【1、2】", "(1.0, 2)",
])
def test_reads_a_cell_however_it_is_typed(text):
    assert read_cell(text) == (1, 2)


@pytest.mark.parametrize("text", ["6, 8", "[6, 8]", "6、8", "６，８", "6 8", "6;8", "[6，8]"])
def test_reads_a_list_however_it_is_typed(text):
    assert read_numbers(text) == (6.0, 8.0)


@pytest.mark.parametrize("reader, text, code", [
    (read_number, "", "empty"), (read_number, "   ", "empty"), (read_number, "x" * 10_000, "too_long"),
    (read_number, "1" * (MAX_CHARS + 1), "too_long"), (read_number, "1e309", "not_finite"),
    (read_number, "NaN", "not_finite"), (read_number, "-inf", "not_finite"), (read_number, "∞", "not_finite"),
    (read_number, "<script>alert(1)</script>", "not_number"), (read_number, "3; DROP TABLE x", "not_number"),
    (read_number, "1.2.3", "not_number"), (read_number, "3 4", "count"), (read_number, "7/2", "not_number"),
    (read_number, "\x00", "not_number"), (read_number, None, "not_number"), (read_number, b"3", "not_number"),
    (read_cell, "1", "count"), (read_cell, "1 2 3", "count"), (read_cell, "1.5, 2", "not_whole"),
    (read_cell, "1e309 2", "not_finite"), (read_numbers, ",,,", "empty"),
    (read_numbers, " ".join(["1"] * 65), "count"),
])
def test_unreadable_text_names_its_problem(reader, text, code):
    with pytest.raises(Unreadable) as info:
        reader(text)
    assert info.value.code == code


# ---------------------------------------------------------------- forward questions


@pytest.fixture(scope="module")
def fig1():
    return {"avg": pool2d(FIGURE1_INPUT, 2, mode="avg"), "max": pool2d(FIGURE1_INPUT, 2, mode="max")}


@pytest.mark.parametrize("mode, table", [("avg", FIGURE1_AVG), ("max", FIGURE1_MAX)])
def test_value_questions_on_the_tutorials_figure(fig1, mode, table):
    asked = set()
    for seed in SEEDS:
        q = quiz.value_question(fig1[mode], seed)
        (name, (i, j)), = q.focus
        asked.add((i, j))
        assert q.kind == "number" and q.expected == table[i][j]
        assert q.prompt[0][1]["i"] == i and q.prompt[0][1]["j"] == j
        right = q.check(str(table[i][j]))
        wrong = q.check(str(table[i][j] + 1))
        assert right.verdict == "right" and right.right and right.worked == q.worked
        assert wrong.verdict == "wrong" and wrong.message[1]["answer"] == right.message[1]["answer"]
        render_all(q, wrong)
    assert asked == {(0, 0), (0, 1), (1, 0), (1, 1)}  # the seed reaches every window


def test_value_feedback_arithmetic_is_the_traces(fig1):
    for mode, res in fig1.items():
        for seed in SEEDS:
            q = quiz.value_question(res, seed)
            rec = res.trace.window(*q.focus[0][1])
            if mode == "avg":
                math = field(q, "quiz.work_avg", "math")
                *terms, divisor, total, divisor2, output = numbers_in(math)
                assert terms == rec.real_values.tolist() and divisor == divisor2 == rec.divisor
                assert total == rec.total and output == rec.output
            else:
                math = field(q, "quiz.work_max", "math")
                *terms, output = numbers_in(math)
                assert terms == rec.real_values.tolist() and output == rec.output
                assert (field(q, "quiz.work_max", "r"), field(q, "quiz.work_max", "c")) == rec.argmax


def test_the_sum_instead_of_the_average_is_recognised(fig1):
    q = quiz.value_question(fig1["avg"], 0)  # window (1, 0): 9 + 10 + 13 + 14 = 46
    fb = q.check("46")
    assert fb.verdict == "wrong" and fb.notes == (("quiz.trap_sum", {"total": "46", "d": 4}),)
    assert q.check("14").notes == (("quiz.trap_other_mode_avg", {}),)  # the max of the window


def test_padding_in_the_divisor_is_explained():
    x = np.arange(1, 17, dtype=float).reshape(4, 4)
    counted = pool2d(x, 3, 2, 1, mode="avg", count_include_pad=True)
    skipped = pool2d(x, 3, 2, 1, mode="avg", count_include_pad=False)
    for seed in SEEDS:
        q = quiz.value_question(counted, seed)
        rec = counted.trace.window(*q.focus[0][1])
        if rec.is_padding.any():
            terms = numbers_in(field(q, "quiz.work_avg", "math"))[:9]
            assert terms == rec.values[rec.counted].tolist() and len(terms) == 9  # padding as 0
            assert q.check(str(rec.total / rec.real_values.size)).notes[0][0] == "quiz.trap_pad_counted"
        q = quiz.value_question(skipped, seed)
        rec = skipped.trace.window(*q.focus[0][1])
        if rec.is_padding.any():
            assert field(q, "quiz.work_avg_pad_skipped", "d") == rec.divisor == rec.real_values.size
            assert q.check(str(rec.total / 9)).notes[0][0] == "quiz.trap_pad_skipped"


def test_a_window_past_the_padding_is_explained():
    x = np.arange(1, 26, dtype=float).reshape(5, 5)
    res = pool2d(x, 2, 2, 0, mode="avg", ceil_mode=True)  # the last row and column of windows hang over
    q = next(q for q in (quiz.value_question(res, s) for s in SEEDS) if q.focus[0][1] == (2, 2))
    assert q.expected == 25 and [k for k, _ in q.worked] == ["quiz.work_avg", "quiz.work_overhang"]
    assert field(q, "quiz.work_overhang", "n") == 3
    padded = pool2d(np.ones((6, 6)), 3, 2, 1, mode="avg", ceil_mode=True)  # padding counted, overhang past it
    assert any(k == "quiz.work_overhang" for s in SEEDS for k, _ in quiz.value_question(padded, s).worked)
    for seed in SEEDS:
        q = quiz.value_question(padded, seed)
        rec = padded.trace.window(*q.focus[0][1])
        keys = [k for k, _ in q.worked]
        n_counted_pad = int((rec.counted & rec.is_padding).sum())
        assert ("quiz.work_avg_pad_counted" in keys) == (n_counted_pad > 0)
        assert "quiz.work_avg_pad_skipped" not in keys  # count_include_pad: no padding is left out
        assert field(q, "quiz.work_avg", "n") == rec.divisor


def test_a_long_sum_is_shortened_but_keeps_its_total():
    res = pool2d(np.arange(1, 257, dtype=float).reshape(16, 16), 16, mode="avg")
    q = quiz.value_question(res, 0)
    math = field(q, "quiz.work_avg", "math")
    assert "…" in math and math.count("+") == MAX_TERMS - 1  # MAX_TERMS parts, "…" among them
    assert numbers_in(math)[-3:] == [res.trace.window(0, 0).total, 256, 128.5]


@pytest.mark.parametrize("kw", [
    {"kernel_size": 2}, {"kernel_size": 3, "stride": 2, "padding": 1},
    {"kernel_size": 2, "stride": 2, "ceil_mode": True}, {"kernel_size": 2, "stride": 1, "dilation": 2},
    {"kernel_size": (2, 3), "stride": (1, 2), "padding": (0, 1, 1, 0)},
])
def test_size_questions_match_explain_output_size(kw):
    x = np.arange(35, dtype=float).reshape(5, 7)
    res = pool2d(x, **kw)
    axes = set()
    for seed in SEEDS:
        q = quiz.size_question(res, seed)
        (_, axis), = q.focus
        axes.add(axis)
        ax = res.geometry.rows if axis == "H" else res.geometry.cols
        d = ax.derivation
        assert q.kind == "integer"
        assert q.expected == d.out == explain_output_size(d.size, d.kernel, d.stride, d.pad_before,
                                                          d.pad_after, d.dilation, d.ceil_mode).out
        assert q.expected == res.output.shape[0 if axis == "H" else 1]
        math = field(q, "quiz.work_size", "math")
        assert numbers_in(math)[:5] == [d.size, d.pad_before, d.pad_after, d.span, d.stride]
        assert numbers_in(math)[-3:] == [d.rounded, 1, d.rounded + 1]
        assert ("ceil(" in math) == d.ceil_mode
        assert q.check(f"{axis}_out = {d.out}").right and q.check(f"{float(d.out)}").right
        assert q.check(str(d.out + 1)).verdict == "wrong" and q.check(f"{d.out}.5").verdict == "wrong"
        if d.rounded != d.out:  # (equal when ceil mode dropped a last window)
            assert q.check(str(d.rounded)).notes == (("quiz.trap_plus_one", {}),)
        render_all(q, q.check("0"))
    assert axes == {"H", "W"}


def test_ceil_mode_drop_is_explained():
    res = pool2d(np.ones((5, 5)), 2, 2, 1, ceil_mode=True)  # (5 + 2 - 2) / 2 = 2.5 -> 3 + 1, dropped to 3
    q = quiz.size_question(res, 0)
    assert q.expected == 3 and field(q, "quiz.work_size_dropped", "out") == 3


def test_forward_question_mixes_values_and_sizes_for_every_result(fig1):
    qs = [quiz.forward_question([fig1["avg"], fig1["max"]], seed) for seed in range(60)]
    assert {q.topic for q in qs} == {"value", "size"}
    assert {q.prompt[0][0] for q in qs if q.topic == "value"} == {"quiz.q_value_avg", "quiz.q_value_max"}
    assert quiz.forward_question(fig1["max"], 3) == quiz.forward_question([fig1["max"]], 3)


# ---------------------------------------------------------------- backward questions


@pytest.fixture(scope="module")
def overlap():
    x = (np.random.default_rng(4).permutation(36) + 1).astype(float).reshape(6, 6)
    g = np.arange(1, 17, dtype=float).reshape(4, 4)
    return x, g, pool2d(x, 3, 1, mode="max"), pool2d(x, 3, 1, mode="avg")


def test_route_question_points_at_the_argmax(overlap):
    x, g, res, _ = overlap
    for seed in SEEDS:
        q = quiz.route_question(res, g, seed)
        (_, (i, j)), (_, cell) = q.focus
        rec = res.trace.window(i, j)
        assert q.kind == "cell" and q.expected == cell == rec.argmax
        assert cell == divmod(int(res.indices[i, j]), 6)
        assert q.check(f"({cell[0]}, {cell[1]})").right and q.check(cell).right
        assert q.check(f"第{cell[0]}行第{cell[1]}列").right
        other = (rec.row_start, rec.col_start) if cell != (rec.row_start, rec.col_start) else (rec.row_start + 1,
                                                                                                rec.col_start)
        assert q.check(other).verdict == "wrong"
        assert field(q, "quiz.work_route", "g") == str(int(g[i, j]))
        assert numbers_in(field(q, "quiz.work_route", "math")) == rec.real_values.tolist() + [rec.output]
        render_all(q, q.check(other))


def test_a_tied_maximum_is_told_apart():
    x = np.array([[5, 5], [1, 5]], dtype=float)
    res = pool2d(x, 2)
    q = quiz.route_question(res, np.ones((1, 1)), 0)
    assert q.expected == (0, 0)  # the first maximum in reading order, as in PyTorch
    assert field(q, "quiz.work_route_tie", "n") == 3
    assert q.check("0 1").notes == (("quiz.trap_tie", {"r": 0, "c": 1}),)
    assert q.check("1, 1").notes[0][0] == "quiz.trap_tie"
    assert q.check("1, 0").notes == ()


def test_share_question_splits_the_gradient(overlap):
    x, g, _, res = overlap
    for seed in SEEDS:
        q = quiz.share_question(res, g, seed)
        i, j = q.focus[0][1]
        assert q.expected == g[i, j] / res.divisor[i, j]
        assert q.check(f"{g[i, j] / 9:.4f}").right
        assert q.check(str(g[i, j])).notes == (("quiz.trap_copy", {"d": 9}),)
        assert numbers_in(field(q, "quiz.work_share", "math"))[:2] == [g[i, j], 9]


def test_share_lost_on_counted_padding_is_reported():
    res = pool2d(np.ones((4, 4)), 3, 2, 1, mode="avg")
    q = quiz.share_question(res, np.full((2, 2), 9.0), 0)
    assert q.expected == 1.0
    n = field(q, "quiz.work_share_pad_lost", "n")
    assert n == 5 and field(q, "quiz.work_share_pad_lost", "lost") == "5"


@pytest.mark.parametrize("which", [2, 3])
def test_total_question_equals_backward(overlap, which):
    x, g, *results = overlap
    res = results[which - 2]
    grad_input = res.backward(g)
    for seed in SEEDS:
        q = quiz.total_question(res, g, seed)
        (_, (r, c)), = q.focus
        assert q.expected == grad_input[r, c]
        assert q.check(f"{grad_input[r, c]:.3f}").right
        assert q.check(str(grad_input[r, c] + 1)).verdict == "wrong"
        key, fields = q.worked[0]
        windows = [(i, j) for i in range(4) for j in range(4)
                   if r in res.trace.window(i, j).rows and c in res.trace.window(i, j).cols]
        assert fields["n"] == len(windows)
        if key == "quiz.work_total_avg":
            parts = numbers_in(fields["math"].split(" = ")[0])
            assert parts[0::2] == [g[w] for w in windows] and set(parts[1::2]) == {9}
            assert abs(sum(parts[0::2]) / 9 - grad_input[r, c]) < 1e-12
        elif key == "quiz.work_total_max":
            won = [w for w in windows if res.trace.window(*w).argmax == (r, c)]
            assert fields["won"] == len(won) and fields["won"] > 0
            assert numbers_in(fields["math"])[:-1] == [g[w] for w in won]
        else:
            assert key == "quiz.work_total_max_none" and grad_input[r, c] == 0
        render_all(q, q.check("0"))


def test_backward_question_reaches_every_topic(overlap):
    x, g, res_max, res_avg = overlap
    topics = {quiz.backward_question([res_avg, res_max], g, seed).topic for seed in range(60)}
    assert topics == {"route", "share", "total"}
    with pytest.raises(ValueError, match="grad_output"):
        quiz.backward_question(res_max, np.ones((3, 3)), 0)
    with pytest.raises(ValueError, match="grad_output"):
        quiz.backward_question(res_max, np.full((4, 4), np.nan), 0)


# ---------------------------------------------------------------- K-max


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_kmax_questions_on_figure_2(k):
    labels = ("F1", "F2", "F3", "F4")
    lines = set()
    for seed in SEEDS:
        q = quiz.kmax_question(FIGURE2_INPUT, k, seed, labels=labels)
        (_, j), = q.focus
        lines.add(j)
        res = kmax_pool(FIGURE2_INPUT, k)
        assert q.kind == "numbers" and q.expected == tuple(res.output[:, j])
        if k == 2:
            assert list(q.expected) == FIGURE2_KMAX[j]
        assert q.prompt[0][1]["name"] == labels[j]
        assert q.check(", ".join(str(int(v)) for v in q.expected)).right
        assert q.check("、".join(str(int(v)) for v in q.expected)).right
        assert q.check(" ".join(str(int(v)) for v in q.expected + (0,))).verdict == "wrong"  # one too many
        ranked = sorted(q.expected, reverse=True)
        if tuple(ranked) != q.expected:
            assert q.check(str(ranked)).notes == (("quiz.trap_kmax_sorted", {}),)
        render_all(q, q.check("0"))
    assert lines == {0, 1, 2, 3}


def test_kmax_largest_first_and_along_rows():
    q = quiz.kmax_question(FIGURE2_INPUT.T, 2, 1, keep_order=False, axis=-1)
    j = q.focus[0][1]
    assert q.prompt[0][0] == "quiz.q_kmax_row_sorted"
    assert q.expected == tuple(sorted(FIGURE2_INPUT[:, j], reverse=True)[:2])
    in_order = tuple(v for v in FIGURE2_INPUT[:, j] if v in q.expected)[:2]
    assert in_order != q.expected  # (seed 1 picks a column where the two orders differ)
    assert q.check(", ".join(str(v) for v in in_order)).notes == (("quiz.trap_kmax_order", {}),)


# ---------------------------------------------------------------- the same seed, the same question


def test_same_settings_and_seed_give_the_same_question(fig1):
    for seed in SEEDS:
        a = quiz.forward_question([pool2d(FIGURE1_INPUT, 2, mode="avg"), pool2d(FIGURE1_INPUT, 2)], seed)
        b = quiz.forward_question([fig1["avg"], fig1["max"]], seed)
        assert a == b and a.uid == b.uid
    uids = {quiz.forward_question([fig1["avg"], fig1["max"]], seed).uid for seed in SEEDS}
    assert len(uids) > 5


def test_other_settings_never_share_a_uid():
    a = quiz.value_question(pool2d(FIGURE1_INPUT, 2, mode="avg"), 0)
    b = quiz.value_question(pool2d(FIGURE1_INPUT + 1, 2, mode="avg"), 0)
    assert a.prompt == b.prompt and a.uid != b.uid


def test_a_fresh_process_asks_the_same_question():
    code = ("import numpy as np; from lessons import quiz; from pooling_core import pool2d;"
            "x = np.arange(1, 17.).reshape(4, 4);"
            "print(quiz.forward_question([pool2d(x, 2, mode='avg'), pool2d(x, 2)], 1234).uid)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    here = quiz.forward_question([pool2d(FIGURE1_INPUT, 2, mode="avg"), pool2d(FIGURE1_INPUT, 2)], 1234)
    assert out.stdout.strip() == here.uid


@pytest.mark.parametrize("raw, seed", [
    ("0", 0), ("42", 42), (" 9999 ", 9999), (["3", "7"], 7), (17, 17),
    ("10000", None), ("-1", None), ("1e309", None), ("４２", None), ("4.0", None), ("", None),
    (None, None), ([], None), (True, None), (10_000, None), ("9" * 5000, None), ("<script>", None),
])
def test_read_seed_accepts_only_small_ascii_ints(raw, seed):
    assert quiz.read_seed(raw) == seed


def test_next_seed_walks_every_seed_and_skips_the_same_question(fig1):
    seen, s = set(), 0
    for _ in range(quiz.SEED_LIMIT):
        seen.add(s)
        s = quiz.next_seed(s)
    assert seen == set(range(quiz.SEED_LIMIT))
    make = lambda seed: quiz.value_question(fig1["max"], seed)  # noqa: E731  (only 4 questions)
    for seed in SEEDS:
        assert make(quiz.next_seed(seed, make)).uid != make(seed).uid
    single = lambda seed: quiz.value_question(pool2d(np.ones((2, 2)), 2), seed)  # noqa: E731
    assert 0 <= quiz.next_seed(5, single) < quiz.SEED_LIMIT  # one question only: still a seed


@pytest.mark.parametrize("event, cell", [
    ({"selection": {"points": [{"x": 2, "y": 1}]}}, (1, 2)),
    ({"selection": {"points": [{"x": 2.0, "y": -1.0}, {"x": 0, "y": 0}]}}, (-1, 2)),  # padding row, first point
    ({"selection": {"points": []}}, None), ({}, None), (None, None), ("x", None),
    ({"selection": {"points": [{"x": "2", "y": 1}]}}, None),
    ({"selection": {"points": [{"x": float("nan"), "y": 1}]}}, None),
    ({"selection": {"points": [{"x": 1e308, "y": 1}]}}, None), ({"selection": {"points": [{"x": True, "y": 1}]}}, None),
    ({"selection": {"points": [{"y": 1}]}}, None),
])
def test_a_click_on_the_picture_reads_as_a_cell(event, cell):
    assert quiz.clicked_cell(event) == cell


def test_a_clicked_cell_answers_a_cell_question(overlap):
    x, g, res, _ = overlap
    q = quiz.route_question(res, g, 0)
    r, c = q.expected
    assert q.check(quiz.clicked_cell({"selection": {"points": [{"x": c, "y": r}]}})).right
    assert q.check(quiz.clicked_cell({})).verdict == "unreadable"  # no click: nothing to judge


# ---------------------------------------------------------------- hostile answers, the score

HOSTILE = ["", " ", "x" * 10_000, "9" * 10_000, "9" * 150, "1e309", "-1e309", "NaN", "nan", "inf",
           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{__import__('os')}", "{0}",
           "\u202e1", "1\n2", "\x00", "１" * 5000, None, 3.5, ["1", "2"], ("a", 1), (True, False),
           (1, 2, 3), b"1", float("nan")]


@pytest.mark.parametrize("answer", HOSTILE, ids=lambda a: repr(a)[:20])
def test_hostile_answers_never_raise(fig1, overlap, answer):
    x, g, res_max, res_avg = overlap
    for q in (quiz.value_question(fig1["avg"], 1), quiz.size_question(fig1["max"], 2),
              quiz.route_question(res_max, g, 3), quiz.total_question(res_avg, g, 4),
              quiz.kmax_question(FIGURE2_INPUT, 2, 5)):
        fb = q.check(answer)
        assert fb.verdict in ("wrong", "unreadable")
        if fb.verdict == "unreadable":
            assert fb.worked == () and fb.notes == (q.hint,) and fb.got is None
        else:
            assert len(fb.got) <= 40  # a huge number is shown short
        for lang in LANGS:
            text = " ".join(render((fb.message,) + fb.notes + fb.worked, lang))
            assert "<script" not in text and "onerror" not in text


def test_the_score_counts_each_question_once(fig1):
    q1, q2, q3 = (quiz.value_question(fig1["avg"], s) for s in (0, 1, 2))
    score = None
    score = quiz.record(score, q1, q1.check("nonsense"))  # unreadable: not counted
    assert quiz.score_text(score) == ("quiz.score_none", {})
    score = quiz.record(score, q1, q1.check(str(q1.expected)))
    score = quiz.record(score, q1, q1.check("0"))  # the same question again: not counted
    score = quiz.record(score, q2, q2.check("0"))
    score = quiz.record(score, q3, q3.check(str(q3.expected)))
    assert (score.right, score.wrong, score.answered) == (2, 1, 3)
    assert quiz.score_text(score) == ("quiz.score", {"right": 2, "answered": 3, "percent": 67})
    assert quiz.record("garbage", q1, q1.check("0")).answered == 1  # a stale session value starts afresh
    for seed in range(300):  # a long session keeps a short memory
        q = quiz.value_question(fig1["max"], seed)
        score = quiz.record(score, q, q.check("0"))
    assert score.answered == 303 and len(score.seen) == 100


@settings(max_examples=60, deadline=None)
@given(h=st.integers(1, 9), w=st.integers(1, 9), k=st.integers(1, 4), s=st.integers(1, 3),
       p=st.integers(0, 2), mode=st.sampled_from(["max", "avg"]), cip=st.booleans(),
       ceil=st.booleans(), seed=st.integers(0, quiz.SEED_LIMIT - 1), data=st.data())
def test_any_setting_gives_a_question_its_answer_satisfies(h, w, k, s, p, mode, cip, ceil, seed, data):
    x = np.asarray(data.draw(st.lists(st.integers(-9, 9), min_size=h * w, max_size=h * w)), float).reshape(h, w)
    try:
        res = pool2d(x, k, s, min(p, k // 2), mode=mode, ceil_mode=ceil, count_include_pad=cip)
    except ValueError:
        return  # a setting the core refuses: the page says why, no question is asked
    for q in (quiz.forward_question(res, seed),
              quiz.backward_question(res, np.ones(res.output.shape), seed)):
        assert q.check(quiz.question.show(q.expected, q.kind)).right
        render_all(q, q.check("0"))


def test_quiz_modules_use_only_numpy():
    probe = ("import sys, numpy as np; from lessons import quiz; from pooling_core import pool2d;"
             "quiz.forward_question(pool2d(np.ones((4, 4)), 2), 1);"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'streamlit', 'plotly', 'PIL'}))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_quiz_key_is_in_the_table_in_both_languages():
    from pathlib import Path

    used = set()
    for path in Path(ROOT, "lessons", "quiz").glob("*.py"):
        used |= set(re.findall(r'"(quiz\.[a-z_]+)"', path.read_text()))
    assert used and used <= set(TEXT)
    defined = {k for k in TEXT if k.startswith("quiz.")}
    assert defined == used  # nothing defined that no question uses
    for key in defined:
        zh = re.sub(r"`[^`]*`", "", TEXT[key]["zh"])
        assert not re.search(r"[\u4e00-\u9fff][,.:;?!()]|[,.:;?!()][\u4e00-\u9fff]", zh), key


@pytest.mark.parametrize("module", ["lessons.quiz", "lessons.quiz.answers", "lessons.quiz.session",
                                    "lessons.export", "lessons.export.tables", "lessons.export.gif",
                                    "lessons.figures.quiz"])
def test_docstring_examples_hold(module):
    """The examples in the docstrings run (pytest collects doctests from pooling_core only)."""
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
