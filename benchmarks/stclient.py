"""A minimal client of Streamlit's own websocket protocol, for load tests.

It does what the browser does, without drawing anything:

1. ``GET /_stcore/health``: the server (and a proxy in front of it) set their
   cookies there: Streamlit's XSRF cookie ``_streamlit_xsrf`` and, behind
   HAProxy, the sticky-session cookie that pins the session to one worker.
2. Open the websocket ``/_stcore/stream`` with those cookies and the
   subprotocols ``streamlit, <xsrf token>[, <session id to resume>]`` (the
   browser passes its tokens in ``Sec-WebSocket-Protocol``).
3. Ask for script runs with ``BackMsg.rerun_script`` (a ``ClientState``): the
   first run names the page by its URL path (``page_name``) and carries the
   query string, as a first load of ``/playground?lang=zh`` does; later runs
   switch pages by ``page_script_hash``, as a click in the sidebar does. The
   hashes come from the ``navigation`` message the app sends.
4. Read ``ForwardMsg``s until ``script_finished``; count exception elements
   (the red box a user would see) and ``page_not_found``.

Like the browser, it reports the hashes of the cacheable messages it received
in the last runs, so the server sends references instead of repeating them.

    async with StClient("http://127.0.0.1:8501") as client:
        run = await client.run(page_name="playground", query_string="lang=zh")
        print(run.seconds, run.exceptions)
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

XSRF_COOKIE = "_streamlit_xsrf"
# The browser's ForwardMsg cache keeps a message for this many script runs
# after its last use (Streamlit's global.maxCachedMessageAge, sent in new_session).
CACHE_AGE = 2

_FINISHED = {
    ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile error",
    ForwardMsg.FINISHED_EARLY_FOR_RERUN: "interrupted by a rerun",
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "ok",
}


class StClientError(Exception):
    """The server refused, closed or never finished what the client asked."""


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float  # from sending rerun_script to receiving script_finished
    status: str  # "ok", or what went wrong
    page_script_hash: str = ""  # of the page that ran (from new_session)
    exceptions: list[str] = field(default_factory=list)  # "Type: message" of each exception element
    messages: int = 0
    bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok" and not self.exceptions


async def http_get(url: str, cookies: dict[str, str] | None = None,
                   timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """A plain HTTP/1.1 GET (status, Set-Cookie values by name, body). Enough for
    the health route; no TLS, no redirects."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    request = [f"GET {path} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    if cookies:
        request.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))

    async def fetch() -> bytes:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        try:
            writer.write(("\r\n".join(request) + "\r\n\r\n").encode("latin-1"))
            await writer.drain()
            return await reader.read()
        finally:
            writer.close()

    raw = await asyncio.wait_for(fetch(), timeout)
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        raise StClientError(f"not an HTTP response from {url}: {lines[0][:80]!r}") from None
    set_cookies: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            # Streamlit's XSRF value holds "|": parse only up to the first ";"
            cookie_name, _, cookie_value = value.strip().split(";", 1)[0].partition("=")
            set_cookies[cookie_name] = cookie_value
    return status, set_cookies, body


class StClient:
    """One browser tab: one session on the server, over one websocket."""

    def __init__(self, base_url: str, *, timeout: float = 60.0, cookies: dict[str, str] | None = None,
                 resume_session: str = "", origin: bool = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies: dict[str, str] = dict(cookies or {})
        self.resume_session = resume_session
        self.origin = origin
        self.session_id = ""  # from the first run's new_session
        self.pages: dict[str, str] = {}  # url path -> page_script_hash, from the navigation message
        self._ws = None
        self._cache: dict[str, int] = {}  # cacheable message hash -> run number of its last use
        self._runs = 0

    async def __aenter__(self) -> StClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def connect(self) -> None:
        status, set_cookies, _ = await http_get(self.base_url + "/_stcore/health", self.cookies, self.timeout)
        if status != 200:
            raise StClientError(f"health check answered {status}")
        self.cookies.update(set_cookies)
        protocols = ["streamlit", self.cookies.get(XSRF_COOKIE, "")]
        if self.resume_session:
            protocols.append(self.resume_session)
        # An empty entry keeps the positions (the server reads them by place),
        # but is not a valid token for the client library: use a placeholder.
        protocols = [p or "-" for p in protocols]
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.origin:
            headers["Origin"] = self.base_url
        ws_url = "ws" + self.base_url[len("http"):] + "/_stcore/stream"
        try:
            self._ws = await websockets.connect(
                ws_url, subprotocols=protocols, additional_headers=headers, compression=None,
                max_size=None, open_timeout=self.timeout, ping_interval=None)
        except (OSError, websockets.exceptions.WebSocketException) as exc:
            raise StClientError(f"websocket: {exc}") from exc

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    def cookie(self, name: str) -> str:
        return self.cookies.get(name, "")

    async def run(self, *, page_name: str = "", page_script_hash: str = "", query_string: str = "") -> Run:
        """Ask for a script run and wait for its end. A first load names the page by
        ``page_name`` (its URL path, "" for the default page); a click in the
        navigation passes the page's ``page_script_hash`` (see ``goto``)."""
        if self._ws is None:
            raise StClientError("not connected")
        self._runs += 1
        self._cache = {h: n for h, n in self._cache.items() if self._runs - n <= CACHE_AGE}
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query_string
        state.page_name = page_name
        state.page_script_hash = page_script_hash
        state.cached_message_hashes.extend(self._cache)
        state.widget_states.SetInParent()
        state.context_info.locale = "en-US"
        state.context_info.timezone = "UTC"
        t0 = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = Run(seconds=0.0, status="")
        deadline = t0 + self.timeout
        try:
            while True:
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    raise asyncio.TimeoutError
                data = await asyncio.wait_for(self._ws.recv(), remaining)
                if self._read(data, run):
                    break
        except asyncio.TimeoutError:
            run.status = f"no script_finished within {self.timeout:.0f} s"
        except websockets.exceptions.ConnectionClosed as exc:
            run.status = f"connection closed ({exc.rcvd.code if exc.rcvd else 'no close frame'})"
        run.seconds = time.perf_counter() - t0
        return run

    async def goto(self, url_path: str, query_string: str = "") -> Run:
        """Switch to the page at ``url_path`` ("" for the default page) as a click
        in the navigation does (by its hash), or by name before the first run."""
        page_hash = self.pages.get(url_path, "")
        if page_hash:
            return await self.run(page_script_hash=page_hash, query_string=query_string)
        return await self.run(page_name=url_path, query_string=query_string)

    def _read(self, data: bytes | str, run: Run) -> bool:
        """Take in one ForwardMsg; True when it ends the run."""
        if isinstance(data, str):
            raise StClientError("text frame from the server")
        fmsg = ForwardMsg()
        fmsg.ParseFromString(data)
        run.messages += 1
        run.bytes += len(data)
        if fmsg.hash and fmsg.metadata.cacheable:
            self._cache[fmsg.hash] = self._runs
        if fmsg.ref_hash:
            self._cache[fmsg.ref_hash] = self._runs
        kind = fmsg.WhichOneof("type")
        if kind == "new_session":
            self.session_id = fmsg.new_session.initialize.session_id
            run.page_script_hash = fmsg.new_session.page_script_hash
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in fmsg.navigation.app_pages}
            for page in fmsg.navigation.app_pages:
                if page.is_default:
                    self.pages[""] = page.page_script_hash
        elif kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
            element = fmsg.delta.new_element
            if element.WhichOneof("type") == "exception":
                run.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
        elif kind == "page_not_found":
            run.status = "page not found"
        elif kind == "script_finished":
            run.status = run.status or _FINISHED.get(fmsg.script_finished, f"status {fmsg.script_finished}")
            return True
        return False
