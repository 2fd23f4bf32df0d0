"""The router: every lesson page is reachable, in both languages."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lessons.i18n import t
from lessons.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]


def test_registry_files_exist_and_default_is_first():
    for page in PAGES:
        assert (ROOT / page.path).is_file(), page.path
    assert PAGES[0].url_path == ""
    assert all(p.url_path for p in PAGES[1:])
    assert len({p.url_path for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_app_runs_and_switches_to_every_page(lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert at.radio(key="lang").value == lang
    assert at.radio(key="lang").label == t("app.language", lang) == "Language / 语言"  # the same in every language
    for page in PAGES[1:]:
        at.switch_page(page.path)
        at.run()
        assert not at.exception, (page.path, at.exception)
        assert at.get("plotly_chart"), f"{page.path} drew no chart"


def _main_text(at) -> str:
    return " ".join(str(getattr(e, "value", "")) for e in [*at.main.markdown, *at.main.title, *at.main.header])


def test_language_switch_changes_text():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert t("app.sidebar_note", "en") in " ".join(c.value for c in at.sidebar.caption)
    assert not re.search(r"[\u4e00-\u9fff]", _main_text(at)), "English page shows Chinese"
    assert "lang" not in at.query_params
    at.radio(key="lang").set_value("zh").run()
    # (AppTest drops the sidebar's elements on reruns under st.navigation, so
    # the main page is checked.)
    assert not at.exception
    assert re.search(r"[\u4e00-\u9fff]", _main_text(at)), "Chinese page shows no Chinese"
    # That the URL then says ?lang=zh is checked in a real browser
    # (tests/browser), where the sidebar behaves as it does for students.


def test_lang_query_parameter_selects_chinese():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "zh"
    at.run()
    assert at.radio(key="lang").value == "zh"
    assert re.search(r"[\u4e00-\u9fff]", _main_text(at))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "xx"  # unknown: English, no error
    at.run()
    assert not at.exception and at.radio(key="lang").value == "en"


@pytest.mark.parametrize("code, banned", [
    # the core is NumPy only
    ("import numpy as np, pooling_core as pc; r = pc.pool2d(np.ones((4, 4)), 2);"
     "r.trace.window(0, 0); r.backward(np.ones((2, 2)))", ("streamlit", "plotly", "pandas")),
    # figure builders are plotly only, testable without a server
    ("import importlib, pkgutil, lessons.figures as f;"
     "[importlib.import_module('lessons.figures.' + m.name) for m in pkgutil.iter_modules(f.__path__)]",
     ("streamlit",)),
    # lesson logic is NumPy only: every module of lessons/ but the pages' Streamlit helpers (ui*.py)
    ("import importlib, pkgutil, lessons as l;"
     "[importlib.import_module('lessons.' + m.name) for m in pkgutil.iter_modules(l.__path__)"
     " if not m.ispkg and not m.name.startswith('ui')]", ("streamlit", "plotly")),
], ids=["core", "figures", "logic"])
def test_layers_import_only_what_they_may(code, banned):
    probe = f"import sys; {code}; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({banned!r})))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_server_config_hides_tracebacks_and_telemetry():
    import tomllib

    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["client"]["showErrorDetails"] == "none"
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["enableXsrfProtection"] is True
