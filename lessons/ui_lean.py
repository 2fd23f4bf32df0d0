"""What every page run needs and no setting changes, made once per server process.

Measured with ``python -m benchmarks.pages`` (server CPU per page run):

- the favicon: ``st.set_page_config(page_icon=<a file>)`` opens, checks and
  registers the file with the media manager on every run (about 1 ms); the
  same picture as a ``data:`` URL is passed through as it is.
"""

from __future__ import annotations

import base64
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"

FAVICON = "data:image/png;base64," + base64.b64encode((ASSETS / "favicon.png").read_bytes()).decode("ascii")
