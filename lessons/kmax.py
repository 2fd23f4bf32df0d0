"""The K-max pooling lesson's logic: the tutorial's figure 2, a sentence as a
(features x words) matrix, and the paper's dynamic k.

:func:`compute` turns the page's :class:`Settings` into a :class:`KMaxView`:
the pooled results, the words each feature keeps, the k of every layer, and
the sentences the page shows as ``(translation key, fields)`` pairs.
NumPy only; no plotly, no streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pooling_core import KMaxResult, dynamic_k, kmax_pool

from .i18n import LANGS, Items, Key
from .numbers import fmt

# The tutorial's figure 2: four features F1..F4, each a column of four values.
FIGURE2_COLUMNS = ((1, 2, 3, 2), (5, 6, 1, 8), (4, 4, 8, 6), (3, 0, 9, 5))
FIGURE2 = np.array(FIGURE2_COLUMNS, dtype=float).T  # (rows, features): kmax_pool(..., axis=-2)
FEATURE_LABELS = tuple(f"F{j + 1}" for j in range(FIGURE2.shape[1]))

# The page's slider ranges: (lowest, highest).
K_RANGE = (1, FIGURE2.shape[0])
LAYERS_RANGE = (1, 6)
K_TOP_RANGE = (1, 10)
LENGTH_RANGE = (1, 60)


# ---------------------------------------------------------------- sentences

@dataclass(frozen=True)
class Sentence:
    """Made-up feature scores for each word of a sentence, one tuple per word,
    one value per feature (in the order of :data:`SENTENCE_FEATURES`).
    ``text`` is the sentence as it is written (Chinese puts no spaces
    between words)."""

    text: str
    words: tuple[str, ...]
    scores: tuple[tuple[int, ...], ...]

    @property
    def matrix(self) -> np.ndarray:
        """(features, words) array: each row is one feature along the sentence."""
        return np.array(self.scores, dtype=float).T


# Feature order: negation, positive sentiment, intensity, about films.
SENTENCE_FEATURES = ("negation", "positive", "intensity", "film")


def _sentence(text: str, pairs) -> Sentence:
    words, scores = zip(*pairs)
    if "".join(words) != text.replace(" ", ""):
        raise ValueError(f"the words {words} do not spell {text!r}")
    return Sentence(text, tuple(words), tuple(scores))


SENTENCES = {
    "short": {
        "en": _sentence("a truly great film", [
            ("a", (0, 0, 0, 0)), ("truly", (0, 2, 8, 0)), ("great", (0, 9, 4, 1)), ("film", (0, 1, 0, 9))]),
        "zh": _sentence("结局真的很精彩", [
            ("结局", (0, 1, 0, 6)), ("真的", (0, 1, 7, 0)), ("很", (0, 0, 8, 0)), ("精彩", (0, 9, 2, 1))]),
    },
    "medium": {
        "en": _sentence("the film was not good at all", [
            ("the", (0, 0, 0, 1)), ("film", (0, 1, 0, 9)), ("was", (1, 0, 0, 0)), ("not", (9, 0, 2, 0)),
            ("good", (0, 8, 1, 1)), ("at", (1, 0, 3, 0)), ("all", (2, 0, 7, 0))]),
        "zh": _sentence("这部电影其实一点也不好看", [
            ("这部", (0, 0, 0, 2)), ("电影", (0, 1, 0, 9)), ("其实", (1, 0, 1, 0)), ("一点", (1, 0, 4, 0)),
            ("也", (2, 0, 7, 0)), ("不", (9, 0, 1, 0)), ("好看", (0, 8, 1, 2))]),
    },
    "long": {
        "en": _sentence("i did not expect the ending to be this good", [
            ("i", (0, 0, 0, 0)), ("did", (0, 0, 1, 0)), ("not", (9, 0, 1, 0)), ("expect", (1, 1, 0, 0)),
            ("the", (0, 0, 0, 1)), ("ending", (0, 1, 0, 7)), ("to", (0, 0, 0, 0)), ("be", (0, 0, 0, 0)),
            ("this", (0, 0, 6, 0)), ("good", (0, 9, 1, 1))]),
        "zh": _sentence("我本来没想到这部电影会这么好看呢", [
            ("我", (0, 0, 0, 0)), ("本来", (1, 0, 1, 0)), ("没", (9, 0, 0, 0)), ("想到", (1, 1, 0, 0)),
            ("这部", (0, 0, 0, 2)), ("电影", (0, 1, 0, 9)), ("会", (0, 0, 0, 0)), ("这么", (0, 0, 8, 0)),
            ("好看", (0, 9, 2, 2)), ("呢", (0, 0, 1, 0))]),
    },
}


def sentence_label(key: str) -> str:
    """Language-neutral label of sentence ``key``: its number of words (the
    same in every language), e.g. ``"7"``.

    >>> sentence_label("medium")
    '7'
    """
    lengths = {len(s.words) for s in SENTENCES[key].values()}
    return str(lengths.pop()) if len(lengths) == 1 else key


def kept_words(sentence: Sentence, kres: KMaxResult) -> tuple[tuple[str, ...], ...]:
    """For each feature (row), the words K-max kept, in the output's order."""
    return tuple(tuple(sentence.words[i] for i in row) for row in kres.indices)


# ---------------------------------------------------------------- dynamic k

@dataclass(frozen=True)
class DynamicKRow:
    """One layer of the paper's schedule ``k_l = max(k_top, ceil((L - l) / L * s))``."""

    layer: int
    num_layers: int
    sentence_length: int
    k_top: int
    share: float  # (L - l) / L * s before rounding up
    rounded: int  # ceil of share
    k: int

    @property
    def formula(self) -> str:
        """The formula with this layer's numbers put in."""
        L, l, s = self.num_layers, self.layer, self.sentence_length
        return (f"k_{l} = max({self.k_top}, ⌈({L} − {l}) / {L} × {s}⌉) "
                f"= max({self.k_top}, ⌈{fmt(self.share)}⌉) = max({self.k_top}, {self.rounded}) = {self.k}")


def dynamic_k_rows(num_layers: int, sentence_length: int, k_top: int) -> tuple[DynamicKRow, ...]:
    """Every layer's k (from :func:`pooling_core.dynamic_k`) with the numbers behind it.

    >>> [r.k for r in dynamic_k_rows(3, 18, 3)]
    [12, 6, 3]
    """
    rows = []
    for layer in range(1, num_layers + 1):
        k = dynamic_k(layer, num_layers, sentence_length, k_top)
        numerator = (num_layers - layer) * sentence_length
        rows.append(DynamicKRow(layer, num_layers, sentence_length, k_top,
                                numerator / num_layers, -(-numerator // num_layers), k))
    return tuple(rows)


# ---------------------------------------------------------------- the lesson

@dataclass(frozen=True)
class Settings:
    """What the page's widgets choose; the defaults are the widgets' defaults.

    ``lang`` picks the sentence's words: the sentence is written in the
    language of the page.
    """

    k: int = 2
    keep_order: bool = True
    sentence: str = "medium"
    lang: str = "en"
    num_layers: int = 3
    k_top: int = 3
    length: int = 18


@dataclass(frozen=True, eq=False)
class KMaxView:
    """Everything the K-max page shows, for one :class:`Settings`.

    Text is ``(translation key, fields)``; a field may be a
    :class:`~lessons.i18n.Key` or :class:`~lessons.i18n.Items` (see :func:`lessons.i18n.t`).
    """

    settings: Settings
    columns: KMaxResult  # figure 2 pooled along each column (axis=-2)
    column_lines: tuple[tuple[str, dict], ...]  # what each column keeps
    order_note: tuple[str, dict]  # the order kept or dropped, with the current k
    output_title: tuple[str, dict]
    sentence: Sentence
    sentence_result: KMaxResult  # the sentence matrix pooled along the words (axis=-1)
    kept: tuple[tuple[str, ...], ...]  # per feature, the words kept
    feature_names: tuple[Key, ...]
    kept_lines: tuple[tuple[str, dict], ...]
    sentence_titles: tuple[tuple[str, dict], tuple[str, dict]]  # input, output
    fixed_note: tuple[str, dict]
    sentence_order_note: str  # key
    layers: tuple[DynamicKRow, ...]
    layer_names: tuple[tuple[str, dict], ...]
    too_short: tuple[str, dict] | None  # some layer's k exceeds the sentence length


def _vector(values) -> str:
    """Numbers as the inside of a bracketed list: ``"5, 6, 1, 8"`` (the same in every language)."""
    return ", ".join(fmt(v) for v in values)


def _order_note(k: int, keep_order: bool) -> tuple[str, dict]:
    """What keeping (or dropping) the order does to figure 2 with this ``k``: the columns whose
    kept values come out in another order when sorted."""
    if keep_order:
        return "km.order_on", {}
    kept = kmax_pool(FIGURE2, k, axis=-2, keep_order=True).output
    ranked = kmax_pool(FIGURE2, k, axis=-2, keep_order=False).output
    changed = [name for j, name in enumerate(FEATURE_LABELS) if not np.array_equal(kept[:, j], ranked[:, j])]
    return ("km.order_off", {"k": k, "cols": Items(changed)}) if changed else ("km.order_off_same", {"k": k})


def compute(settings: Settings) -> KMaxView:
    """Pool figure 2 and the chosen sentence with ``settings.k`` and work out
    the paper's dynamic k.

    >>> view = compute(Settings())
    >>> view.columns.output.tolist()
    [[2.0, 6.0, 8.0, 9.0], [3.0, 8.0, 6.0, 5.0]]
    >>> view.kept[2], [row.k for row in view.layers]
    (('at', 'all'), [12, 6, 3])
    """
    s = settings
    if s.sentence not in SENTENCES:
        raise ValueError(f"sentence must be one of {sorted(SENTENCES)}, got {s.sentence!r}")
    if s.lang not in LANGS:
        raise ValueError(f"lang must be one of {sorted(LANGS)}, got {s.lang!r}")
    columns = kmax_pool(FIGURE2, s.k, axis=-2, keep_order=s.keep_order)
    column_lines = tuple(
        ("km.column_line", {"name": name, "k": s.k, "values": _vector(FIGURE2[:, j]),
                            "rows": Items(int(i) for i in columns.indices[:, j]),
                            "kept": _vector(columns.output[:, j])})
        for j, name in enumerate(FEATURE_LABELS))

    sentence = SENTENCES[s.sentence][s.lang]
    sres = kmax_pool(sentence.matrix, s.k, axis=-1, keep_order=s.keep_order)
    kept = kept_words(sentence, sres)
    features = tuple(Key(f"km.feat.{name}") for name in SENTENCE_FEATURES)
    n = len(sentence.words)

    layers = dynamic_k_rows(s.num_layers, s.length, s.k_top)
    return KMaxView(
        settings=s,
        columns=columns,
        column_lines=column_lines,
        order_note=_order_note(s.k, s.keep_order),
        output_title=("km.output_title", {"k": s.k, "w": FIGURE2.shape[1]}),
        sentence=sentence,
        sentence_result=sres,
        kept=kept,
        feature_names=features,
        kept_lines=tuple(("km.nlp_kept_line", {"feature": f, "words": Items(ws)}) for f, ws in zip(features, kept)),
        sentence_titles=(("km.nlp_input_title", {"n": n}), ("km.nlp_output_title", {"k": s.k})),
        fixed_note=("km.nlp_fixed", {"n": n, "k": s.k}),
        sentence_order_note="km.nlp_order_on" if s.keep_order else "km.nlp_order_off",
        layers=layers,
        layer_names=tuple(("km.dyn_layer", {"layer": r.layer}) for r in layers),
        too_short=("km.dyn_too_short", {"s": s.length}) if any(r.k > s.length for r in layers) else None,
    )
