"""Start the app the way production does, for benchmarks and deployment tests.

    with Server() as server:                       # one worker: streamlit run app.py
        ... server.url, server.rss_mb() ...
    with Server(workers=2) as server:              # deploy/run_local.sh 2 PORT (HAProxy)
    with Server(script=BARE_APP) as server:        # the bare one-chart page

    python -m benchmarks.serve [--workers N] [--bare] [--port P]   # serve until Ctrl-C

Every server gets the settings in deploy/production.env (no file watcher, no
run-on-save, error details hidden, ...), listens on 127.0.0.1 on a free port,
runs in its own process group and is healthy (``/_stcore/health`` answers
``ok``; through the proxy, every worker too) when ``start`` returns. ``stop``
ends the whole group. Memory is the resident set (VmRSS) of the Streamlit
processes, summed over the workers.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = ROOT / "deploy" / "production.env"
RUN_LOCAL = ROOT / "deploy" / "run_local.sh"
BARE_APP = ROOT / "benchmarks" / "bare_app.py"


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def production_env() -> dict[str, str]:
    """The KEY=VALUE lines of deploy/production.env."""
    env = {}
    for line in PRODUCTION_ENV.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def free_port(span: int = 1) -> int:
    """A free TCP port on 127.0.0.1 such that the next ``span - 1`` ports are free too."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + span < 65536 and all(_is_free(port + i) for i in range(1, span)):
            return port
    raise RuntimeError(f"no {span} consecutive free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except OSError:
        return False


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes, summed, in MB (0 for a gone process)."""
    total_kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except (OSError, ValueError):
            pass
    return total_kb / 1024


def cpu_s(pids: list[int]) -> float:
    """CPU time (user + system) the processes have used, summed, in s."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total / ticks


def group_pids(pgid: int, needle: str) -> list[int]:
    """The processes in process group ``pgid`` whose command line holds ``needle``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) == pgid and needle in (entry / "cmdline").read_bytes().decode(errors="replace"):
                pids.append(int(entry.name))
        except (OSError, ValueError):
            continue
    return sorted(pids)


def stop_group(proc: subprocess.Popen | None, term_wait: float) -> None:
    """Stop ``proc`` (started with ``start_new_session=True``) and every process of its group:
    SIGTERM, then SIGKILL if they are not gone after ``term_wait`` s. Also used by the
    browser tests' ``AppServer``."""
    if proc is None or proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, term_wait), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


class Server:
    """One Streamlit worker, or ``workers`` of them behind HAProxy (deploy/run_local.sh)."""

    def __init__(self, script: Path | str = "app.py", *, workers: int = 0, port: int | None = None,
                 timeout: float = 90.0) -> None:
        self.script, self.workers, self.timeout = str(script), workers, timeout
        self.port = port or free_port(span=workers + 1)
        self.url = f"http://127.0.0.1:{self.port}"
        self.worker_urls = [f"http://127.0.0.1:{self.port + i}" for i in range(1, workers + 1)]
        self.proc: subprocess.Popen | None = None
        self.pids: list[int] = []
        self._log = tempfile.NamedTemporaryFile(prefix="serve-", suffix=".log", delete=False)  # noqa: SIM115

    def command(self) -> list[str]:
        if self.workers:
            return ["bash", str(RUN_LOCAL), str(self.workers), str(self.port)]
        return [sys.executable, "-m", "streamlit", "run", self.script,
                f"--server.port={self.port}", "--server.address=127.0.0.1"]

    def start(self) -> Server:
        env = {**os.environ, **production_env(), "APP_SCRIPT": self.script, "PROXY_ADDR": "127.0.0.1",
               "PYTHON": sys.executable}
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log_tail()}")
            if all(healthy(u) for u in [self.url, *self.worker_urls]):
                self.pids = group_pids(self.proc.pid, "streamlit") if self.workers else [self.proc.pid]
                return self
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"server not healthy after {self.timeout:.0f} s:\n{self.log_tail()}")

    def rss_mb(self) -> float:
        return rss_mb(self.pids)

    def cpu_s(self) -> float:
        return cpu_s(self.pids)

    def stop(self) -> None:
        stop_group(self.proc, term_wait=15)

    def log_tail(self, chars: int = 4000) -> str:
        self._log.flush()
        return Path(self._log.name).read_text(errors="replace")[-chars:]

    def __enter__(self) -> Server:  # noqa: PYI034
        # A SIGTERM (timeout, kill) must stop the servers too: make it unwind
        # like Ctrl-C, through __exit__ (main thread only).
        if threading.current_thread() is threading.main_thread() and \
                signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
        Path(self._log.name).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=0, help="workers behind HAProxy (0: one plain server)")
    parser.add_argument("--bare", action="store_true", help="serve the bare one-chart page instead of the app")
    parser.add_argument("--port", type=int, default=None)
    args = parser.parse_args(argv)
    with Server(BARE_APP if args.bare else "app.py", workers=args.workers, port=args.port) as server:
        print(f"serving {server.url} (pids {server.pids}, {server.rss_mb():.0f} MB); Ctrl-C stops", flush=True)
        try:
            while server.proc.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
