"""Run the app in a real Streamlit server and drive Debian's Chromium.

Shared by the browser tests (``tests/browser/``) and ``benchmarks/app.py``.
Nothing here imports Playwright at module level, so collecting the tests
works (and skips cleanly) where Playwright is not installed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # benchmarks/app.py loads this file by its path
    sys.path.insert(0, str(ROOT))

from benchmarks.serve import stop_group  # noqa: E402
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
#
# A run is counted when its ``script_finished`` ForwardMsg arrives (field 6 of
# the message, read off the websocket), not when the app's
# ``data-test-script-state`` attribute changes alone: the app draws 50-200 ms
# behind the messages, and on a busy machine a short run's "running" and
# "notRunning" can land in one React commit, so the attribute never changes
# (CI lost two tests to that). So: the run's end is read off the websocket, and
# counted when the attribute next turns "notRunning" (the app has drawn the
# run), or 1.5 s later if it never changed. The attribute's changes and the
# websocket's life are kept in ``__stLog`` for failure messages.
RUN_COUNTER = """
window.__stRuns = 0;
window.__stLog = [];
const note = (what) => {
  window.__stLog.push(`${Math.round(performance.now())} ${what}`);
  if (window.__stLog.length > 16) window.__stLog.shift();
};
new MutationObserver((records) => {
  for (const r of records) {
    const now = r.target.getAttribute('data-test-script-state');
    note(`${r.oldValue}->${now}`);
    if (now === 'notRunning' && r.oldValue !== 'notRunning' && finishedRun) counted();
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});

// The top-level fields of one protobuf message: [[field number, varint value or null,
// and for a length-delimited field its start and end], ...].
const topFields = (bytes) => {
  const fields = [];
  let i = 0;
  const varint = () => {
    let value = 0, shift = 0, b;
    do { b = bytes[i++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80 && i < bytes.length);
    return value;
  };
  while (i < bytes.length) {
    const key = varint(), field = Math.floor(key / 8), wire = key % 8;
    if (wire === 0) fields.push([field, varint()]);
    else if (wire === 2) { const n = varint(); fields.push([field, null, i, i + n]); i += n; }
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else break;
  }
  return fields;
};
const SCRIPT_FINISHED = 6, SESSION_STATUS = 9, SCRIPT_IS_RUNNING = 2;
const SUCCESS = new Set([0, 3]);  // finished, fragment run finished
let finishedRun = false;  // a run finished and the server said so; counted once the app shows it
let fallback = null;
const state = () => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state');
const counted = () => {
  finishedRun = false;
  clearTimeout(fallback);
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__stRuns += 1; }));
};
// The server said the session stopped running: count once the app's attribute turns
// "notRunning", or after 1.5 s if it never changed (the batched case above).
const serverStopped = () => {
  if (!finishedRun) return;
  clearTimeout(fallback);
  const check = () => { if (state() === 'notRunning') counted(); else fallback = setTimeout(check, 500); };
  fallback = setTimeout(check, 1500);
};
const received = (data) => {
  if (!(data instanceof ArrayBuffer)) return;
  const bytes = new Uint8Array(data);
  for (const [field, value, start, end] of topFields(bytes)) {
    if (field === SCRIPT_FINISHED) {
      note(`script_finished ${value}`);
      finishedRun = finishedRun || SUCCESS.has(value);
    } else if (field === SESSION_STATUS) {
      const running = topFields(bytes.subarray(start, end)).some(([f, v]) => f === SCRIPT_IS_RUNNING && v);
      note(`session status: running ${running}`);
      if (!running) serverStopped();
    }
  }
};
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const ws = new NativeWebSocket(...args);
  ws.addEventListener('open', () => note('websocket open'));
  ws.addEventListener('close', (e) => note(`websocket close ${e.code}`));
  ws.addEventListener('message', (e) => received(e.data));
  return ws;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
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
        stop_group(self.proc, term_wait=10)

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
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"(window.__stRuns || 0) > {runs_before}", timeout=timeout)
    except PlaywrightTimeout as exc:
        raise AssertionError(f"no script run finished in {timeout / 1000:.0f} s: {run_state(page)}") from exc
    wait_for_app(page, timeout)


def run_state(page) -> str:
    """What the page's run counter saw: for a test's failure message."""
    return page.evaluate("""() => `url ${location.href}, now ${Math.round(performance.now())} ms, state `
        + `${document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state')}, `
        + `runs ${window.__stRuns}, last changes: ${(window.__stLog || []).join('; ')}`""")


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

