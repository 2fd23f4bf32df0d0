"""Check yourself: questions made from a lesson's current numbers.

A question is built from what the page already computed (a
:class:`~pooling_core.PoolResult`, or the K-max input) and a small seed, so
the same settings and the same seed always give the same question: a teacher
can put the seed in a link and the whole class gets one question. Expected
answers and worked arithmetic come from the core (the trace, ``indices``,
``backward``, the output-size derivation), never from a second calculation.

Text is handed out as ``(translation key, fields)`` pairs (keys in
``lessons/text/quiz.py``); numbers inside fields are already formatted.
NumPy only: no streamlit, no plotly.

One function per page:

- walkthrough, playground: :func:`forward_question` (output (i, j), H_out / W_out)
- backward: :func:`backward_question` (where a max sends a gradient, an average's
  share, the total reaching one input cell)
- K-max: :func:`kmax_question` (which values are kept, in what order)

>>> import numpy as np
>>> from pooling_core import pool2d
>>> q = value_question(pool2d(np.arange(1, 17).reshape(4, 4), 2, mode="avg"), seed=0)
>>> q.prompt[0]
('quiz.q_value_avg', {'i': 1, 'j': 0, 'r0': 2, 'r1': 3, 'c0': 0, 'c1': 1})
>>> [q.check(text).verdict for text in ("11.5", "11,5", "１１．５", "46", "eleven")]
['right', 'right', 'right', 'wrong', 'unreadable']
>>> q.check("46").notes
(('quiz.trap_sum', {'total': '46', 'd': 4}),)
"""

from __future__ import annotations

from .make import kmax_question, route_question, share_question, size_question, total_question, value_question
from .question import KINDS, TOLERANCE, Feedback, Question, pick
from .session import SEED_LIMIT, Score, clicked_cell, next_seed, read_seed, record, score_text

__all__ = [
    "UI", "KINDS", "TOLERANCE", "SEED_LIMIT", "Question", "Feedback", "Score",
    "forward_question", "backward_question", "kmax_question",
    "value_question", "size_question", "route_question", "share_question", "total_question",
    "read_seed", "next_seed", "clicked_cell", "record", "score_text",
]

# What the quiz block on a page shows around the question (translation keys).
UI = {
    "header": "quiz.header",  # "Check yourself"
    "answer": "quiz.answer_label",  # the answer box's label
    "check": "quiz.check",  # the button that checks the answer
    "new": "quiz.new",  # "New question"
    "seed": "quiz.seed",  # {seed}: "Question 42. Share this page's link ..."
    "click": "quiz.click_hint",  # for cell questions: a click in the picture answers too
    "bad_seed": "quiz.bad_seed",  # {seed}, {limit}: the URL's seed was refused, question {seed} is shown
}


def _results(results) -> list:
    return list(results) if isinstance(results, (list, tuple)) else [results]


def forward_question(results, seed: int) -> Question:
    """The walkthrough's and the playground's question: what is output (i, j)
    (two times in three), or what is H_out / W_out.

    ``results`` is a PoolResult or a sequence of them (the walkthrough shows
    average and max side by side); the seed picks one.
    """
    res = _results(results)
    if not res:
        raise ValueError("forward_question needs at least one pooling result")
    chosen = res[pick(seed, "forward-result", len(res))]
    if pick(seed, "forward-topic", 3) == 2:
        return size_question(chosen, seed)
    return value_question(chosen, seed)


def backward_question(results, grad_output, seed: int) -> Question:
    """The backward page's question about the results it shows (max and/or
    average) and the upstream gradient ``grad_output``: which input cell a max
    sends output (i, j)'s gradient to, how much each cell of an average's
    window gets, or how much reaches one input cell from every window."""
    res = _results(results)
    if not res:
        raise ValueError("backward_question needs at least one pooling result")
    makers = [(r, route_question if r.mode == "max" else share_question) for r in res]
    makers += [(r, total_question) for r in res]
    r, make = makers[pick(seed, "backward-topic", len(makers))]
    return make(r, grad_output, seed)
