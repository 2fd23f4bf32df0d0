"""A question, an answer, a verdict.

A :class:`Question` holds what it asks (text as ``(key, fields)``), the
expected answer, the worked arithmetic and the wrong answers that common slips
produce; :meth:`Question.check` reads a student's text with
:mod:`lessons.quiz.answers` and returns a :class:`Feedback`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..numbers import fmt
from . import answers

KINDS = ("number", "integer", "cell", "numbers")
TOLERANCE = 0.005  # half a unit in the second decimal, the precision the pages show

_UNREADABLE = {
    "empty": "quiz.unreadable_empty",
    "too_long": "quiz.unreadable_too_long",
    "not_number": "quiz.unreadable_not_number",
    "not_finite": "quiz.unreadable_not_finite",
    "count": "quiz.unreadable_count",
    "not_whole": "quiz.unreadable_not_whole",
}
HINTS = {
    "number": "quiz.hint_number",
    "integer": "quiz.hint_integer",
    "cell": "quiz.hint_cell",
    "numbers": "quiz.hint_numbers",
}


def show(value, kind: str = "number") -> str:
    """An answer as the feedback writes it: ``3.5``, ``(1, 2)``, ``[6, 8]``."""
    if kind == "cell":
        return f"({value[0]}, {value[1]})"
    if kind == "numbers":
        return "[" + ", ".join(show(v) for v in value) + "]"
    v = float(value)
    return fmt(v) if abs(v) < 1e12 else f"{v:.6g}"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE + 1e-9 * max(1.0, abs(b))


def matches(kind: str, got, want) -> bool:
    """Is ``got`` (as read) the answer ``want``? Numbers to within :data:`TOLERANCE`."""
    if kind == "cell":
        return tuple(got) == tuple(want)
    if kind == "numbers":
        return len(got) == len(want) and all(_close(a, b) for a, b in zip(got, want))
    if kind == "integer":
        return float(got) == float(want)
    return _close(float(got), float(want))


@dataclass(frozen=True)
class Feedback:
    """What the page shows after an answer.

    Attributes
    ----------
    verdict : {"right", "wrong", "unreadable"}
    message : (key, fields)
        "Right: 3.5" / "Not quite: you answered 3, the answer is 3.5" / what
        could not be read.
    notes : tuple of (key, fields)
        The slip a wrong answer matches (e.g. "that is the sum: divide by 4"),
        or for unreadable text how to write the answer.
    worked : tuple of (key, fields)
        The worked arithmetic from the core; empty for unreadable text, so
        that typing nonsense does not give the answer away.
    got : str or None
        The answer as it was read.
    """

    verdict: str
    message: tuple
    notes: tuple = ()
    worked: tuple = ()
    got: str | None = None

    @property
    def right(self) -> bool:
        return self.verdict == "right"


@dataclass(frozen=True)
class Question:
    """One question about the numbers on the page.

    Attributes
    ----------
    uid : str
        What is asked: the same numbers give the same uid, whichever seed
        picked them (so "new question" can skip a repeat).
    topic : {"value", "size", "route", "share", "total", "kmax"}
    kind : {"number", "integer", "cell", "numbers"}
        A number, a whole number, an input cell ``(row, col)`` or a list of numbers.
    seed : int
    prompt : tuple of (key, fields)
        The question, one or more sentences.
    expected : float, int, (row, col) or tuple of floats
    worked : tuple of (key, fields)
        The worked arithmetic, shown with the verdict.
    traps : tuple of (answer, (key, fields))
        Wrong answers that a common slip produces, and what to say about them.
    focus : tuple of (name, (row, col))
        What the question points at, for a page to highlight: ``("out", (i, j))``
        an output cell, ``("cell", (r, c))`` an input cell, ``("line", j)`` a
        K-max column or row.
    """

    uid: str
    topic: str
    kind: str
    seed: int
    prompt: tuple
    expected: object
    worked: tuple
    traps: tuple = ()
    focus: tuple = ()

    @property
    def hint(self) -> tuple:
        """(key, fields) saying how to write the answer (a placeholder for the box)."""
        return HINTS[self.kind], {}

    def check(self, answer) -> Feedback:
        """Read ``answer`` (the text typed, or for a cell a clicked ``(row, col)``) and judge it."""
        try:
            readings = self._read(answer)
        except answers.Unreadable as exc:
            return Feedback("unreadable", (_UNREADABLE[exc.code], {}), notes=(self.hint,))
        want = show(self.expected, self.kind)
        for got in readings:
            if matches(self.kind, got, self.expected):
                return Feedback("right", ("quiz.fb_right", {"answer": want}), worked=self.worked,
                                got=show(got, self.kind))
        got = show(readings[0], self.kind)
        notes = [text for trap, text in self.traps if any(matches(self.kind, g, trap) for g in readings)]
        return Feedback("wrong", ("quiz.fb_wrong", {"got": got, "answer": want}), notes=tuple(notes[:1]),
                        worked=self.worked, got=got)

    def _read(self, answer) -> tuple:
        """Every reading of ``answer`` (two for an ambiguous "1,000")."""
        if self.kind == "cell" and isinstance(answer, (tuple, list)):
            if len(answer) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in answer):
                raise answers.Unreadable("not_whole")
            return (tuple(answer),)
        if self.kind == "cell":
            return (answers.read_cell(answer),)
        if self.kind == "numbers":
            return (answers.read_numbers(answer),)
        return answers.read_number(answer)


def new_question(topic: str, kind: str, seed: int, prompt, expected, worked, traps=(), focus=()) -> Question:
    """A :class:`Question` with its uid: a digest of what it asks and expects,
    so a question about other numbers never shares a uid."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    traps = tuple((t, text) for t, text in traps if not matches(kind, t, expected))
    body = repr((topic, kind, prompt, expected))
    digest = hashlib.sha256(body.encode()).hexdigest()[:10]
    return Question(f"{topic}-{digest}", topic, kind, int(seed), tuple(prompt), expected,
                    tuple(worked), traps, tuple(focus))


def pick(seed: int, salt: str, n: int) -> int:
    """A number in ``range(n)`` decided by ``seed`` and ``salt`` alone, the
    same on every machine and with every NumPy version."""
    digest = hashlib.sha256(f"{salt}:{int(seed)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n

