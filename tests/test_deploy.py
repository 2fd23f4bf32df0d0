"""deploy/: the production settings, the image, and two workers behind HAProxy.

The live tests start deploy/run_local.sh 2 PORT (through benchmarks.serve) and
talk Streamlit's websocket protocol through the proxy (benchmarks.stclient).
They skip when haproxy is missing, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.serve import Server, group_pids, production_env  # noqa: E402
from benchmarks.stclient import StClient  # noqa: E402
from lessons.registry import PAGES  # noqa: E402

DEPLOY = ROOT / "deploy"
COOKIE = "POOLING_WORKER"
HAPROXY = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)


def need_haproxy() -> None:
    if HAPROXY is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("haproxy is missing under CI (.ci/run installs it)")
        pytest.skip("haproxy is missing (apt-get install haproxy)")


def option_by_env() -> dict[str, str]:
    from streamlit import config

    config.get_option("server.port")  # loads the options
    return {opt.env_var: key for key, opt in config._config_options.items()}



# The lines of deploy/production.env that are for the process, not Streamlit.
PROCESS_ENV = {"MALLOC_ARENA_MAX": "2"}


def _run_async(coroutine):
    """Run ``coroutine`` to the end in a thread of its own: the browser tests' sync Playwright keeps an
    event loop running in this thread, where ``asyncio.run`` refuses to start another."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_production_env_names_real_streamlit_options():
    # a misspelt name would be ignored without a word
    known = option_by_env()
    env = production_env()
    assert env, "deploy/production.env is empty"
    unknown = sorted(set(env) - set(known) - set(PROCESS_ENV))
    assert not unknown, f"not Streamlit options: {unknown}"
    assert {k: env.get(k) for k in PROCESS_ENV} == PROCESS_ENV  # glibc: a class's memory is given back


def test_production_settings_reviewed():
    settings = {option_by_env()[k]: v for k, v in production_env().items() if k not in PROCESS_ENV}
    assert settings["server.fileWatcherType"] == "none"
    assert settings["server.runOnSave"] == "false"
    assert settings["server.enableXsrfProtection"] == "true"
    assert settings["server.enableCORS"] == "true"  # protection on: no cross-origin access
    assert settings["client.showErrorDetails"] == "none"
    assert settings["server.headless"] == "true"
    # the dev/base config agrees on what both set
    base = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    for section, values in base.items():
        for name, value in values.items():
            key = f"{section}.{name}"
            if key in settings:
                assert settings[key] == str(value).lower(), key
    # uploads: what the uploader accepts (10 MB), no more
    assert base["server"]["maxUploadSize"] == 10 == int(settings["server.maxUploadSize"])
    assert base["server"]["enableXsrfProtection"] is True
    assert base["server"]["runOnSave"] is False


def test_dockerfile():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:\S+-slim", text, re.M)
    user = re.findall(r"^USER (\S+)", text, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/_stcore/health", text, re.M)
    assert "deploy/production.env" in re.search(r"^CMD .*$", text, re.M).group(0)
    # everything the app reads is in the image: every top-level folder but the
    # development ones (a new folder of the app must be added to the Dockerfile)
    copied = set(re.findall(r"^COPY (\S+?)/? ", text, re.M))
    dev_only = {"tests", "benchmarks", "deploy", ".ci", ".git", ".streamlit"}
    needed = {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in dev_only
              and not p.name.startswith((".", "__")) and any(p.glob("*.py")) or p.name == "assets"}
    for package in needed | {"app.py", ".streamlit/config.toml", "deploy/production.env"}:
        assert package in copied, package


def test_haproxy_config_is_valid(tmp_path):
    need_haproxy()
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text((DEPLOY / "haproxy.cfg").read_text() + "    server w1 127.0.0.1:1 cookie w1\n")
    result = subprocess.run([HAPROXY, "-c", "-f", str(cfg)], capture_output=True, text=True,
                            env={**os.environ, "PROXY_BIND": "127.0.0.1:1"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_run_local_rejects_bad_arguments():
    result = subprocess.run(["bash", str(DEPLOY / "run_local.sh"), "two", "8501"], capture_output=True, text=True)
    assert result.returncode == 2 and "usage" in result.stderr


@pytest.fixture(scope="module")
def proxy():
    need_haproxy()
    with Server(workers=2) as server:
        yield server


async def visit_all(client: StClient, query: str) -> list[str]:
    problems = []
    for page in PAGES:
        run = await client.goto(page.url_path, query)
        if not run.ok:
            problems.append(f"/{page.url_path}?{query}: {run.status} {run.exceptions}")
    return problems


def test_two_workers_serve_every_page_and_keep_sessions(proxy):
    async def scenario():
        # A first browser gets a worker; a second, while the first is connected,
        # gets the other one (least connections).
        async with StClient(proxy.url) as first, StClient(proxy.url) as second:
            workers = {first.cookie(COOKIE), second.cookie(COOKIE)}
            assert workers == {"w1", "w2"}, workers
            assert await visit_all(first, "") == []
            assert await visit_all(second, "lang=zh") == []
            sessions = {first.cookie(COOKIE): first.session_id, second.cookie(COOKIE): second.session_id}
        # A reconnecting browser (same cookie) finds its session again: it reached
        # the same worker. Sent to the other worker, it would get a new session.
        for worker, session in sessions.items():
            async with StClient(proxy.url, cookies={COOKIE: worker}, resume_session=session) as again:
                assert (await again.goto("kmax")).ok
                assert again.session_id == session
            other = "w2" if worker == "w1" else "w1"
            async with StClient(proxy.url, cookies={COOKIE: other}, resume_session=session) as elsewhere:
                assert (await elsewhere.goto("kmax")).ok
                assert elsewhere.session_id != session

    _run_async(scenario())


def test_sigterm_to_run_local_stops_workers_and_proxy(proxy):
    # last: it ends the module's servers. SIGTERM to the script alone (not its
    # process group): its trap must stop the workers and the proxy.
    group = group_pids(proxy.proc.pid, "")
    assert len(proxy.pids) == 2 and len(group_pids(proxy.proc.pid, "haproxy")) == 1
    os.kill(proxy.proc.pid, signal.SIGTERM)
    assert proxy.proc.wait(30) == 143
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in group):
        time.sleep(0.2)
    assert not [pid for pid in group if alive(pid)]


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
