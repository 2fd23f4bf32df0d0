"""What a page keeps between reruns: the question's seed (in the URL) and the
session's score (in ``st.session_state``). Pure functions over small records."""

from __future__ import annotations

import math
from dataclasses import dataclass

SEED_LIMIT = 10_000  # seeds are 0..9999: short in a URL, easy to read out in class
SCORE_MEMORY = 100  # answered questions remembered, so that answering again does not score twice


def read_seed(raw) -> int | None:
    """A seed from the URL: 1 to 4 ASCII digits (or an int in range), else None.

    >>> read_seed("42"), read_seed("０"), read_seed("1e309"), read_seed("-1"), read_seed(["3", "7"])
    (42, None, None, None, 7)
    """
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if 0 <= raw < SEED_LIMIT else None
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if not 1 <= len(text) <= 4 or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def next_seed(seed: int, make=None, *, tries: int = 20) -> int:
    """The seed after ``seed``: a fixed walk through 0..9999, so a class that
    presses "new question" together stays together. With ``make`` (a function
    seed -> Question), seeds that would ask the current question again are
    skipped (as long as the settings allow another question).

    >>> next_seed(0), next_seed(next_seed(0))
    (4099, 2278)
    """
    seed = int(seed) % SEED_LIMIT
    current = make(seed).uid if make is not None else None
    candidate = seed
    for _ in range(tries):
        candidate = (candidate * 7921 + 4099) % SEED_LIMIT
        if make is None or make(candidate).uid != current:
            break
    return candidate


def clicked_cell(event) -> tuple[int, int] | None:
    """The input cell a click on the picture chose, as ``(row, col)``.

    ``event`` is what ``st.plotly_chart(..., on_select="rerun",
    selection_mode="points")`` returns for a grid whose x is the column and y
    the row; its first selected point counts. Anything else (no click, a
    malformed or non-finite point) gives None.

    >>> clicked_cell({"selection": {"points": [{"x": 2, "y": 1.0}]}}), clicked_cell({})
    ((1, 2), None)
    """
    try:
        point = event["selection"]["points"][0]
        x, y = point["x"], point["y"]
    except (KeyError, IndexError, TypeError):
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and abs(v) < SEED_LIMIT
               for v in (x, y)):
        return None
    return int(round(y)), int(round(x))


@dataclass(frozen=True)
class Score:
    """The session's score."""

    right: int = 0
    answered: int = 0
    seen: tuple = ()  # "seed:uid" of the questions already scored, newest last

    @property
    def wrong(self) -> int:
        return self.answered - self.right


def record(score, question, feedback) -> Score:
    """The score after ``feedback`` on ``question``: the first readable answer
    to a question (a seed and what it asked) counts; unreadable text, and
    answering the same question again, do not."""
    score = score if isinstance(score, Score) else Score()
    asked = f"{question.seed}:{question.uid}"  # the question this seed asked
    if feedback.verdict == "unreadable" or asked in score.seen:
        return score
    return Score(score.right + bool(feedback.right), score.answered + 1, (score.seen + (asked,))[-SCORE_MEMORY:])


def score_text(score) -> tuple:
    """(key, fields) for the score line under the question."""
    score = score if isinstance(score, Score) else Score()
    if not score.answered:
        return "quiz.score_none", {}
    return "quiz.score", {"right": score.right, "answered": score.answered,
                          "percent": math.floor(100 * score.right / score.answered + 0.5)}
