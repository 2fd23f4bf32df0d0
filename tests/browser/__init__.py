"""Run the app in a real Streamlit server and drive Debian's Chromium.

Shared by the browser tests (``tests/browser/``) and ``benchmarks/app.py``.
Nothing here imports Playwright at module level, so collecting the tests
works (and skips cleanly) where Playwright is not installed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}

# The app's root element carries the script runner's state; "notRunning" once
# a run has finished (it reads "initial" before the first run).
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
EXCEPTION = "[data-testid=stException]"
ERROR_ALERT = "[data-testid=stAlertContentError]"

# Injected before any page script: counts finished script runs, so a test can
# wait for the rerun its click or key press caused (the state attribute is
# already "notRunning" before that rerun starts).
RUN_COUNTER = """
window.__stRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'notRunning' && r.oldValue !== 'notRunning') {
      window.__stRuns += 1;
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""

# What a drawn Plotly chart has inside its svg: the marks of its traces
# (heatmap images, lines, bars, cell texts) or a WebGL canvas.
MARKS = ".overplot image, .overplot path, .overplot text, .pielayer .trace, .gl-container canvas"

# True once every visible Plotly chart has been drawn (an svg with a plot
# area or a WebGL canvas) and there is at least one. Charts in hidden tabs
# or collapsed expanders are not required.
CHARTS_DRAWN = """
() => {
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
    .filter(c => c.offsetParent !== null && c.getBoundingClientRect().width > 0);
  return charts.length > 0 && charts.every(c => {
    const plot = c.querySelector('.js-plotly-plot');
    return !!(plot && plot._fullLayout && plot.querySelector('svg.main-svg') &&
              plot.querySelector(MARKS));
  });
}
""".replace("MARKS", repr(MARKS))


def is_ci() -> bool:
    """``CI`` is set to something other than empty/0/false."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_requirements() -> str | None:
    """Why the browser cannot run here, or ``None`` when it can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -r requirements-dev.txt)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``streamlit run app.py`` on a free port, in its own process group;
    use as ``with AppServer() as server: ... server.url ...``."""

    def __init__(self, root: Path = ROOT, port: int | None = None, timeout: float = 60.0):
        self.root, self.port, self.timeout = Path(root), port or free_port(), timeout
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        # open for the server's lifetime; removed in __exit__
        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115

    def start(self) -> AppServer:
        cmd = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless=true", f"--server.port={self.port}",
            "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
        ]
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        return self
            except OSError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {self.timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.proc.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def log_tail(self, chars: int = 4000) -> str:
        self._log.flush()
        text = Path(self._log.name).read_text(errors="replace")
        return text[-chars:]

    def __enter__(self) -> AppServer:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        Path(self._log.name).unlink(missing_ok=True)


def launch_chromium(playwright):
    """Debian's Chromium; Playwright never downloads a browser here."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_page(browser):
    """A fresh context (no cookies, no storage) and page, counting script runs."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(RUN_COUNTER)
    return context.new_page()


def offline_context(browser, viewport: dict):
    """A browser context with the network off that lets only ``file://`` through and lists every
    other request it blocked: ``context, blocked = offline_context(browser, {...})``."""
    context = browser.new_context(viewport=viewport, offline=True)
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context, blocked


def page_url(base: str, url_path: str, query: str = "") -> str:
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


def wait_for_app(page, timeout: float = 30_000, charts: bool = True) -> None:
    """Wait until the script run finished and every visible chart is drawn."""
    page.wait_for_selector(READY, timeout=timeout)
    if charts:
        page.wait_for_function(CHARTS_DRAWN, timeout=timeout)


def runs(page) -> int:
    return page.evaluate("window.__stRuns || 0")


def wait_for_rerun(page, runs_before: int, timeout: float = 30_000) -> None:
    """Wait for a script run that finishes after ``runs_before`` was read."""
    page.wait_for_function(f"(window.__stRuns || 0) > {runs_before}", timeout=timeout)
    wait_for_app(page, timeout)


def screenshot(page, name: str) -> Path:
    """A screenshot of the whole main area into ``artifacts/`` (the main area
    scrolls inside the window, so the window is grown to its height first)."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stMainBlockContainer]')]"
        ".map(e => e.scrollHeight), document.documentElement.scrollHeight)"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": int(min(max(height, size["height"]), 8000))})
    page.wait_for_timeout(400)  # plotly relayouts on resize
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    page.wait_for_timeout(300)
    page.wait_for_function(CHARTS_DRAWN)
    return path

