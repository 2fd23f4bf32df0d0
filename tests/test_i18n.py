"""The translation table: every key in both languages, fields that match, and
every key in use (and every key in use defined)."""

import ast
import re
import string
from pathlib import Path

import pytest

from lessons.i18n import LANGS, TEXT, Items, Key, t
from lessons.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]
FIELD = string.Formatter()


def fields(s: str) -> set[str]:
    return {name for _, name, _, _ in FIELD.parse(s) if name}


def test_every_key_has_every_language():
    missing = [(key, lang) for key, entry in TEXT.items() for lang in LANGS
               if not (isinstance(entry.get(lang), str) and entry[lang].strip())]
    unknown = [(key, sorted(set(entry) - set(LANGS))) for key, entry in TEXT.items() if set(entry) - set(LANGS)]
    assert missing == [] and unknown == []


def test_languages_agree_on_format_fields():
    disagree = [(key, sorted(fields(e["en"])), sorted(fields(e["zh"])))
                for key, e in TEXT.items() if fields(e["en"]) != fields(e["zh"])]
    assert disagree == []


def test_chinese_text_is_chinese():
    """A zh entry that is plain ASCII (outside a few symbols) was not translated."""
    untranslated = [k for k, e in TEXT.items()
                    if re.fullmatch(r"[\x00-\x7f]*", e["zh"]) and re.search(r"[A-Za-z]{4,}", e["zh"])
                    and e["zh"] == e["en"]]
    assert untranslated == []


def test_every_page_has_a_title_in_both_languages():
    for page in PAGES:
        assert t(page.title_key, "en") != t(page.title_key, "zh")


def test_lookup_fills_fields_and_rejects_unknown_keys():
    assert "7" in t("common.too_big", "en", limit=7)
    assert "7" in t("common.too_big", "zh", limit=7)
    with pytest.raises(KeyError):
        t("no.such.key", "en")


def test_key_fields_are_translated_and_items_joined_per_language():
    assert t("inv.summary_same", "zh", mode=Key("common.avg"), n=4) == \
        t("inv.summary_same", "zh", mode=t("common.avg", "zh"), n=4)
    assert t("km.nlp_kept_line", "en", feature=Key("km.feat.film"), words=Items(("the", "film"))) == \
        "**about film**: the, film"
    assert t("km.nlp_kept_line", "zh", feature="x", words=Items(["一点", "也"])) == "**x**：一点、也"
    assert t("km.nlp_kept_line", "zh", feature="x", words=Items((Key("common.max"), 3))) == "**x**：最大池化、3"
    # anything else is formatted as it is: a list of ids, a tuple of paddings, a plain string
    assert t("km.nlp_kept_line", "zh", feature="x", words=[[5, 7], [13, 15]]) == "**x**：[[5, 7], [13, 15]]"
    assert t("km.nlp_kept_line", "en", feature="x", words=(1, 1, 0, 0)) == "**x**: (1, 1, 0, 0)"
    assert t("km.nlp_kept_line", "en", feature="x", words="a, b") == "**x**: a, b"


def test_bold_markers_close_in_chinese():
    """Markdown cannot close ``**`` that follows punctuation and runs straight
    into a letter (``**更正:**教程``): the page would show the stars."""
    stuck = re.compile(r"[^\s*]\*\*(?=\w)")
    bad = []
    for key, entry in TEXT.items():
        for lang, s in entry.items():
            for m in stuck.finditer(s):
                closing = s[:m.start() + 1].count("**") % 2 == 1
                if closing and not s[m.start()].isalnum() and s[m.start()] != "}":  # a field is text
                    bad.append((key, lang, s[max(0, m.start() - 8):m.end() + 4]))
    assert bad == []


# ------------------------------------------------------------ keys in use
#
# A key is in use when the code that shows text (app.py, lessons/ without the
# tables, lesson_pages/) spells it as a string literal, or builds it with an
# f-string whose every field can take a value the code spells as a *data*
# literal. ``tr(f"pg.preset.{name}")`` covers ``pg.preset.ramp`` because "ramp"
# is in a tuple (``PRESETS``); it does not cover ``pg.preset.face_old`` unless
# "face_old" is somewhere a value can come from. Data literals: items of
# tuples, lists and sets, keys of module-level dicts, positional arguments,
# assigned, returned and compared values. Not data: subscripts (``figs["input"]``),
# keyword arguments (``name="output"`` for Plotly) and dicts built inside
# functions, which name fields rather than hold values.

def _sources() -> dict[str, str]:
    files = [ROOT / "app.py", *(ROOT / "lessons").rglob("*.py"), *(ROOT / "lesson_pages").glob("*.py")]
    text_dir = ROOT / "lessons" / "text"
    return {str(f.relative_to(ROOT)): f.read_text(encoding="utf-8") for f in sorted(files)
            if text_dir not in f.parents}


def _constant(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int)) and not isinstance(node.value, bool):
        return str(node.value)
    return None


def _is_data(node, parents) -> bool:
    parent = parents.get(node)
    if isinstance(parent, (ast.Tuple, ast.List, ast.Set, ast.Compare, ast.Return, ast.Assign, ast.AnnAssign)):
        return True
    if isinstance(parent, ast.IfExp):
        return node is not parent.test
    if isinstance(parent, ast.Call):
        return node in parent.args
    if isinstance(parent, ast.Dict) and node in parent.keys:
        up = parent
        while up in parents:
            up = parents[up]
            if isinstance(up, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                return False
        return True
    return False


def scan(sources: dict[str, str]):
    """``(literals, data, templates)`` of the sources: every str/int literal,
    the data literals among them, and every f-string as a regex whose fields
    are groups."""
    literals, data, templates = set(), set(), []
    for name, source in sources.items():
        tree = ast.parse(source, filename=name)
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            value = _constant(node)
            if value is not None and not isinstance(parents.get(node), ast.JoinedStr):
                literals.add(value)
                if _is_data(node, parents):
                    data.add(value)
            elif isinstance(node, ast.JoinedStr):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "(.+?)" for v in node.values]
                if any(isinstance(v, ast.Constant) for v in node.values):
                    templates.append(re.compile("".join(parts)))
    return literals, data, templates


def unused_keys(table, sources) -> list[str]:
    literals, data, templates = scan(sources)

    def built(key):
        return any((m := tp.fullmatch(key)) and all(g in data for g in m.groups()) for tp in templates)

    return [key for key in table if key not in literals and not built(key)]


def test_every_key_is_used():
    assert unused_keys(TEXT, _sources()) == []


def test_the_unused_key_check_finds_keys_nobody_uses():
    # in the real sources: a plain unused key and a family member whose field
    # value appears nowhere are found; a real member of a family is not
    fake = {"common.never_shown": {}, "km.feat.smell": {}, "inv.note.figure3": {}}
    assert unused_keys(fake, _sources()) == ["common.never_shown", "km.feat.smell"]
    # which literals can fill a template's field
    code = {"demo.py": (
        'NAMES = ("ramp",)\n'  # a tuple item: data
        'KINDS = {"ones": 1}\n'  # a module-level dict's key: data
        'def f(figs, go):\n'
        '    figs["input"] = go.Heatmap(name="output")\n'  # a subscript, a keyword argument: names
        '    parts = {"upstream": 1}\n'  # a dict built in a function: field names
        '    status = "applied" if figs else "kept"\n'  # assigned values: data
        '    return tr(f"demo.{status}"), tr(f"demo.preset.{NAMES[0]}"), tr("demo.literal")\n')}
    demo = {f"demo.{name}": {} for name in
            ("preset.ramp", "ones", "applied", "kept", "literal", "input", "output", "upstream", "other")}
    assert unused_keys(demo, code) == ["demo.input", "demo.output", "demo.upstream", "demo.other"]


def _lookups(sources):
    """Every first argument of ``t(...)``, ``tr(...)`` and ``Key(...)`` calls."""
    for name, source in sources.items():
        for node in ast.walk(ast.parse(source, filename=name)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tr", "Key")
                    and node.args):
                yield name, node.args[0]


def test_every_key_looked_up_is_defined():
    """The other way round: a literal key that no table defines, or an
    f-string key that matches none, would raise KeyError on the page."""
    undefined = []
    for name, arg in _lookups(_sources()):
        if isinstance(arg, ast.Constant) and arg.value not in TEXT:
            undefined.append((name, arg.value))
        elif isinstance(arg, ast.JoinedStr):
            pattern = "".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".+?" for v in arg.values)
            if not any(re.fullmatch(pattern, key) for key in TEXT):
                undefined.append((name, pattern))
    assert undefined == []
