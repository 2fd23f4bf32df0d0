"""What a lesson's URL may hold, and how a hostile one is cleaned before any widget reads it.

Every setting is bound to the page address, so a link is input like any other: ``?pg_seed=1e309``
would make Streamlit's own ``number_input`` fail while it reads the value, before the page's code
runs. :func:`clean` checks the raw query parameters against :data:`RULES` (one rule per URL key,
built from the same constants the pages give their widgets) and says what it dropped or clamped;
``lessons.ui_guard`` applies that to the live URL. Keys without a rule (another page's keys, or a
key a newer page adds) still go through the generic checks in :func:`_generic`, so a value that
cannot be a setting of any widget (not finite, too long) never reaches one.

Plain Python: no streamlit, no NumPy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import backward as bw
from . import drawing, examples, frameworks, invariance, kmax, playground, walkthrough
from . import pictures as pic
from .i18n import LANGS
from .quiz.session import SEED_LIMIT

MAX_TEXT = 2000  # longest free text a URL value may carry (a 16×16 grid written out fits)
_INTEGER = re.compile(r"[+-]?\d{1,15}")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|infinity|nan)", re.IGNORECASE)
_SAFE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")


@dataclass(frozen=True)
class Int:
    """A whole number from ``lo`` to ``hi``; out of range is clamped, anything else dropped."""
    lo: int
    hi: int


@dataclass(frozen=True)
class Flag:
    """A switch: ``true`` or ``false`` (as Streamlit writes them)."""


@dataclass(frozen=True)
class OneOf:
    """One of a fixed set of code names."""
    options: tuple[str, ...]


@dataclass(frozen=True)
class Text:
    """Free text up to ``max_len`` characters (shown as text by the page, never as HTML)."""
    max_len: int = MAX_TEXT


Rule = Int | Flag | OneOf | Text

_SIDE = Int(1, examples.MAX_SIDE)
RULES: dict[str, Rule] = {
    "lang": OneOf(tuple(LANGS)),
    "present": Int(0, 1),  # presenting mode (lessons/ui_present.py)
    # walkthrough
    "wt_step": Int(1, walkthrough.N_WINDOWS),
    **{f"wt_{mode}": Flag() for mode in walkthrough.MODES},
    # playground
    "pg_preset": OneOf(examples.PRESETS), "pg_seed": Int(0, examples.SEED_MAX),
    "pg_h": _SIDE, "pg_w": _SIDE, "pg_kh": _SIDE, "pg_kw": _SIDE, "pg_sh": _SIDE, "pg_sw": _SIDE,
    "pg_dh": Int(1, playground.DILATION_MAX), "pg_dw": Int(1, playground.DILATION_MAX),
    **{key: Int(0, playground.PAD_MAX) for key in ("pg_pt", "pg_pb", "pg_pl", "pg_pr")},
    "pg_mode": OneOf(playground.MODES), "pg_ceil": Flag(), "pg_cip": Flag(), "pg_code": Flag(),
    "pg_step": Int(1, examples.MAX_SIDE ** 2),
    "pg_fw": OneOf(frameworks.FRAMEWORKS),
    # K-max
    "km_k": Int(*kmax.K_RANGE), "km_keep_order": Flag(),
    # a sentence by its code name, or by its word count, as links made before ui_choice wrote it
    "km_sentence": OneOf(tuple(kmax.SENTENCES) + tuple(kmax.sentence_label(s) for s in kmax.SENTENCES)),
    "km_L": Int(*kmax.LAYERS_RANGE), "km_ktop": Int(*kmax.K_TOP_RANGE), "km_s": Int(*kmax.LENGTH_RANGE),
    # invariance
    # (or its number 1-4, as links made before the patterns showed their names wrote it)
    "inv_pattern": OneOf(tuple(invariance.PATTERNS) + tuple(str(i + 1) for i in range(len(invariance.PATTERNS)))), "inv_mode": OneOf(invariance.MODES), "inv_zeros": Flag(),
    "inv_dx": Int(-invariance.MARGIN, invariance.MARGIN), "inv_dy": Int(-invariance.MARGIN, invariance.MARGIN),
    "inv_kernel": Int(1, invariance.SIZE), "inv_stride": Int(1, invariance.SIZE),
    # backward
    "bw_x": OneOf(bw.INPUT_PRESETS), "bw_n": Int(bw.N_RANGE[0], bw.N_RANGE[1]),
    "bw_k": Int(*bw.KERNEL_RANGE), "bw_s": Int(*bw.STRIDE_RANGE), "bw_p": Int(*bw.PADDING_RANGE),
    "bw_cip": Flag(), "bw_g": OneOf(bw.UPSTREAM_PRESETS), "bw_seed": Int(0, examples.SEED_MAX), "bw_gtext": Text(),
    "bw_mode": OneOf(bw.MODES),
    # the check-yourself question on each page (lessons/ui_quiz.py)
    **{f"{page}_q": Int(0, SEED_LIMIT - 1) for page in ("wt", "pg", "km", "bw")},
    # real pictures
    "pic_src": OneOf(pic.SOURCES), "pic_k": Int(*pic.KERNEL_RANGE), "pic_s": Int(*pic.STRIDE_RANGE),
    "pic_n": Int(1, pic.MAX_LEVELS), "pic_view": OneOf(pic.VIEWS), "pic_px": Int(0, 100), "pic_py": Int(0, 100),
    # drawn inputs (lessons/ui_draw.py), read by lessons.drawing.decode, which checks the rest
    **{f"{prefix}_draw": Text(drawing.MAX_CODE) for prefix in ("pg", "inv", "bw")},
}


@dataclass(frozen=True)
class Fix:
    """One parameter the guard changed: ``value`` is the replacement, ``None`` when dropped.
    ``why`` is a translation key (``url.why.*``); ``key`` is safe to show (see :func:`shown_key`)."""
    key: str
    value: str | None
    why: str
    fields: tuple[tuple[str, object], ...] = ()


def shown_key(key: str) -> str:
    """The key as a page may print it: a plain identifier, or a neutral placeholder."""
    return key if _SAFE_KEY.fullmatch(key) else "?"


def _number_trouble(value: str) -> bool:
    """True for a number no widget can hold: not finite, or beyond any slider's range."""
    if not _NUMBER.fullmatch(value.strip()):
        return False
    number = float(value)
    return not math.isfinite(number) or abs(number) > 1e12


def _generic(key: str, value: str) -> Fix | None:
    if len(value) > MAX_TEXT:
        return Fix(key, None, "url.why.too_long", (("limit", MAX_TEXT),))
    if _number_trouble(value):
        return Fix(key, None, "url.why.not_a_setting")
    return None


def _check(key: str, value: str, rule: Rule) -> Fix | None:
    if isinstance(rule, Text):
        if len(value) > rule.max_len:
            return Fix(key, None, "url.why.too_long", (("limit", rule.max_len),))
        return None
    if len(value) > 100:
        return Fix(key, None, "url.why.not_a_setting")
    if isinstance(rule, Flag):
        return None if value.lower() in ("true", "false") else Fix(key, None, "url.why.not_a_switch")
    if isinstance(rule, OneOf):
        return None if value in rule.options else Fix(key, None, "url.why.not_an_option")
    text = value.strip()
    if not _INTEGER.fullmatch(text):
        return Fix(key, None, "url.why.not_whole", (("lo", rule.lo), ("hi", rule.hi)))
    number = int(text)
    if rule.lo <= number <= rule.hi:
        return None if text == value else Fix(key, str(number), "url.why.tidied")
    clamped = min(max(number, rule.lo), rule.hi)
    return Fix(key, str(clamped), "url.why.clamped", (("lo", rule.lo), ("hi", rule.hi), ("new", clamped)))


def clean(params: dict[str, str | list[str]], rules: dict[str, Rule] | None = None) -> tuple[Fix, ...]:
    """The fixes ``params`` (the raw query parameters) needs before any widget reads it.

    A repeated key (``?a=1&a=2``) is judged by its last value, the one a widget would read.

    >>> [(f.key, f.value, f.why) for f in clean({"pg_h": "99", "pg_seed": "1e309", "lang": "zh"})]
    [('pg_h', '16', 'url.why.clamped'), ('pg_seed', None, 'url.why.not_whole')]
    """
    rules = RULES if rules is None else rules
    fixes = []
    for key, raw in params.items():
        value = raw[-1] if isinstance(raw, list) and raw else raw
        if not isinstance(value, str):
            value = ""
        fix = _check(key, value, rules[key]) if key in rules else _generic(key, value)
        if fix is not None:
            fixes.append(fix)
    return tuple(fixes)
