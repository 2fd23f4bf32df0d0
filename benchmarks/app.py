"""Time every lesson page: the server-side rerun and the first load in a browser.

    python -m benchmarks.app                 # both columns
    python -m benchmarks.app --no-browser    # reruns only (no Chromium needed)

Rerun: the page file under ``AppTest`` at its defaults, run once to warm up,
then the median of ``--reruns`` further ``at.run()`` calls (target < 150 ms).
First load: a real ``streamlit run app.py`` server and Debian's Chromium; for
each page, a fresh browser context (empty cache) goes to the page's URL and
the clock stops when the script run has finished and every visible chart is
drawn; the median of ``--loads`` such loads (target < 3 s). The server is warmed
by one load of the home page first. A bare Streamlit app with one tiny chart is
timed the same way, as a baseline for what the framework alone costs on this
machine, in the same rounds (bare page, then every lesson page, ``--loads`` times). Exits 1 when a page misses a target.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lessons.registry import PAGES


def _browser_helpers():
    """The browser tests' helpers (server, Chromium, waits), loaded from
    their file: ``tests`` is not a package, and a ``tests`` package some
    library installs in site-packages would shadow it."""
    spec = importlib.util.spec_from_file_location("_browser_helpers", ROOT / "tests" / "browser" / "__init__.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_h = _browser_helpers()
AppServer, launch_chromium, missing_requirements = _h.AppServer, _h.launch_chromium, _h.missing_requirements
new_page, page_url, wait_for_app = _h.new_page, _h.page_url, _h.wait_for_app
READY, CHARTS_DRAWN = _h.READY, _h.CHARTS_DRAWN

RERUN_TARGET_MS = 150.0
LOAD_TARGET_S = 3.0
VS_BARE_TARGET = 1.25  # first load at most this many times the bare page's, in the same run


def rerun_ms(path: Path, reruns: int) -> float:
    """Median server-side rerun of one page at its defaults, in ms."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=60)
    at.run()  # warm-up: imports, caches
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    times = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return statistics.median(times) * 1e3


# The smallest app with one Plotly chart: what Streamlit and Plotly cost on
# their own, to read the lesson pages' first loads against (benchmarks.load
# measures the same page).
BASELINE_APP = ROOT / "benchmarks" / "bare_app.py"
BASELINE = "(baseline)"


def time_loads(browser, url: str, loads: int) -> tuple[float, float] | str:
    """Median of ``loads`` first loads of ``url``, each in a fresh context:
    (script run finished, charts drawn) in s, or an error message."""
    ready, drawn = [], []
    try:
        for _ in range(loads):
            page = new_page(browser)
            try:
                t0 = time.perf_counter()
                page.goto(url)
                page.wait_for_selector(READY, timeout=30_000)
                ready.append(time.perf_counter() - t0)
                page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
                drawn.append(time.perf_counter() - t0)
            finally:
                page.context.close()
    except Exception as exc:  # noqa: BLE001 — a timeout: report it, time the other pages
        return f"error: {str(exc).splitlines()[0][:60]}"
    return statistics.median(ready), statistics.median(drawn)


def warm_up(browser, url: str) -> None:
    page = new_page(browser)
    try:
        page.goto(url)
        wait_for_app(page, timeout=60_000, charts=False)
    finally:
        page.context.close()


def first_loads_s(loads: int) -> dict[str, tuple[float, float] | str]:
    """First loads of every page (by its path) and of the baseline app, in
    rounds: each round loads the bare page, then every lesson page once, so a
    machine that gets busier or quieter during the run moves both alike."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[tuple[float, float]]] = {}
    errors: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            with AppServer() as server, tempfile.TemporaryDirectory() as tmp:
                Path(tmp, "app.py").write_text(BASELINE_APP.read_text())
                with AppServer(root=Path(tmp)) as bare:
                    warm_up(browser, server.url + "/")
                    warm_up(browser, bare.url + "/")
                    urls = {BASELINE: bare.url + "/"}
                    urls.update({lesson.path: page_url(server.url, lesson.url_path) for lesson in PAGES})
                    for _ in range(loads):
                        for name, url in urls.items():
                            if name in errors:
                                continue
                            result = time_loads(browser, url, 1)
                            if isinstance(result, str):
                                errors[name] = result
                            else:
                                times.setdefault(name, []).append(result)
        finally:
            browser.close()
    results: dict[str, tuple[float, float] | str] = dict(errors)
    for name, values in times.items():
        if name not in errors:
            results[name] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
    return results


def vs_bare(load, base) -> tuple[str, str]:
    """A page's first load over the bare page's, and its verdict (blank without both)."""
    if not (isinstance(load, tuple) and isinstance(base, tuple)):
        return "", ""
    ratio = load[1] / base[1]
    return f"{ratio:.2f}", "PASS" if ratio <= VS_BARE_TARGET else "FAIL"


def verdict(value, target: float) -> str:
    if isinstance(value, str):
        return "FAIL"
    return "PASS" if value < target else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=7, help="timed reruns per page (default 7)")
    parser.add_argument("--loads", type=int, default=3, help="browser loads per page (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser column")
    args = parser.parse_args(argv)

    os.chdir(ROOT)  # the app and its pages use paths relative to the project root
    from streamlit.testing.v1 import AppTest  # noqa: F401  (creates streamlit's loggers)

    # AppTest's constructor warns "missing ScriptRunContext" (harmless) on every page;
    # a filter, because streamlit resets its loggers' levels when it reads its config
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())
    print(f"Pooling Lessons app benchmark: Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.machine()}")
    print(f"rerun: AppTest, median of {args.reruns} after a warm-up (target < {RERUN_TARGET_MS:.0f} ms); "
          f"first load: Chromium, fresh context, median of {args.loads} (target < {LOAD_TARGET_S:.0f} s)")

    reruns: dict[str, float | str] = {}
    for lesson in PAGES:
        try:
            reruns[lesson.path] = rerun_ms(ROOT / lesson.path, args.reruns)
        except Exception as exc:  # noqa: BLE001
            reruns[lesson.path] = f"error: {str(exc).splitlines()[0][:60]}"

    loads: dict[str, tuple[float, float] | str] = {}
    if args.no_browser:
        browser_note = "skipped (--no-browser)"
    elif reason := missing_requirements():
        browser_note = f"skipped: {reason}"
    else:
        browser_note = ""
        try:
            loads = first_loads_s(args.loads)
        except Exception as exc:  # noqa: BLE001
            browser_note = f"failed: {str(exc).splitlines()[0][:100]}"

    base = loads.get(BASELINE)
    rows = [("page", "file", "rerun ms", "", "script done s", "first load s", "", "x bare", "")]
    for lesson in PAGES:
        r, b = reruns[lesson.path], loads.get(lesson.path, "-")
        rows.append((
            "/" + lesson.url_path, Path(lesson.path).name,
            r if isinstance(r, str) else f"{r:.1f}", verdict(r, RERUN_TARGET_MS),
            "" if isinstance(b, str) else f"{b[0]:.2f}",
            b if isinstance(b, str) else f"{b[1]:.2f}",
            "" if b == "-" else verdict(b if isinstance(b, str) else b[1], LOAD_TARGET_S),
            *vs_bare(b, base),
        ))
    if isinstance(base, tuple):
        rows.append((BASELINE, "bare_app.py", "", "", f"{base[0]:.2f}", f"{base[1]:.2f}", "", "1.00", ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print()
    for n, row in enumerate(rows):
        print("  ".join(cell.rjust(w) if i in (2, 4, 5, 7) else cell.ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths).rstrip())
    print("\nscript done: the app's script run finished; first load: and every visible chart drawn;"
          f"\n{BASELINE}: a bare Streamlit app with one 2x2 Plotly heatmap (benchmarks/bare_app.py), for comparison;"
          f"\nx bare: first load over the bare page's, in this run (target <= {VS_BARE_TARGET})")
    if browser_note:
        print(f"browser column {browser_note}")
    if hasattr(os, "getloadavg"):
        print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"(other work on the machine slows the browser column)")

    failed = [row[0] for row in rows[1:] if "FAIL" in (row[3], row[6], row[8])]
    if isinstance(loads.get(BASELINE), str):
        print(f"{BASELINE}: {loads[BASELINE]}")
    print(f"\n{'FAIL: ' + ', '.join(failed) if failed else 'PASS: every page meets every target'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
