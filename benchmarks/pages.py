"""What one page run costs the server, page by page, beside the bare page.

    python -m benchmarks.pages                    # every page, 40 runs each, en and zh
    python -m benchmarks.pages --runs 20 --pages playground,backward
    python -m benchmarks.pages --profile /tmp/prof  # also py-spy (raw stacks) per page

One server with the production settings (benchmarks.serve) per app; one
session (benchmarks.stclient, no browser) opens a page, runs it twice to warm
up (imports, shared figures), then runs it ``--runs`` times back to back,
half in English and half in Chinese. Per page: elements per run (the deltas
that add an element or a block), server CPU (user + system, all threads of
the Streamlit process) per run in ms, bytes the server sent per run, and the
wall time of a run. The last row ("all pages in turn") runs every page once
per round, as the capacity phase of benchmarks.load does. CPU per run is the
number to compare: other work on the machine changes it little.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.serve import BARE_APP, Server  # noqa: E402
from benchmarks.stclient import StClient  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from lessons.registry import PAGES  # noqa: E402

QUERIES = ("", "lang=zh")


@dataclass
class PageRow:
    name: str
    runs: int = 0
    elements: float = 0.0
    cpu_ms: float = float("nan")
    kb: float = 0.0
    wall_ms: float = float("nan")
    problems: int = 0


class Counting(StClient):
    """An StClient that also counts the deltas of each run (elements and blocks)."""

    def _read(self, data, run) -> bool:
        done = super()._read(data, run)
        if isinstance(data, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") in ("new_element", "add_block"):
                run.elements = getattr(run, "elements", 0) + 1
            elif msg.ref_hash:  # a cached element the browser already holds: still an element
                run.elements = getattr(run, "elements", 0) + 1
        return done


async def measure_pages(server: Server, groups: list[tuple[str, list[str]]], runs: int,
                        profile: Path | None) -> list[PageRow]:
    out = []
    for name, pages in groups:
        async with Counting(server.url) as client:
            for query in QUERIES:  # warm up: imports, shared figures, both languages
                for page in pages:
                    await client.goto(page, query)
            spy = start_spy(server, profile, name) if profile else None
            cpu0 = server.cpu_s()
            row, walls, elements, sent = PageRow(name), [], [], []
            for i in range(runs):
                for page in pages:
                    run = await client.goto(page, QUERIES[i % 2])
                    walls.append(run.seconds)
                    elements.append(getattr(run, "elements", 0))
                    sent.append(run.bytes)
                    row.problems += not run.ok
            cpu = server.cpu_s() - cpu0
            if spy:
                spy.send_signal(2)
                spy.wait(30)
            row.runs = len(walls)
            row.cpu_ms = cpu / row.runs * 1e3
            row.elements = statistics.mean(elements)
            row.kb = statistics.mean(sent) / 1024
            row.wall_ms = statistics.median(walls) * 1e3
            out.append(row)
    return out


def start_spy(server: Server, profile: Path, name: str) -> subprocess.Popen | None:
    if not shutil.which("py-spy"):
        print("py-spy not found: pip install py-spy", file=sys.stderr)
        return None
    profile.mkdir(parents=True, exist_ok=True)
    target = profile / f"{name.replace(' ', '_') or 'intro'}.txt"
    spy = subprocess.Popen(["py-spy", "record", "--format", "raw", "--rate", "400", "--gil", "--pid",
                            str(server.pids[0]), "-o", str(target)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attached
    return spy


def print_rows(rows: list[PageRow]) -> None:
    head = ("page", "runs", "elements/run", "CPU ms/run", "KB sent/run", "p50 wall ms", "problems")
    table = [head] + [(r.name, str(r.runs), f"{r.elements:.0f}", f"{r.cpu_ms:.1f}", f"{r.kb:.1f}",
                       f"{r.wall_ms:.0f}", str(r.problems)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for n, row in enumerate(table):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs per page (default 40, half of them in Chinese)")
    parser.add_argument("--pages", default="", help="comma-separated url paths (intro for the first page)")
    parser.add_argument("--profile", type=Path, default=None, help="py-spy raw stacks per page into this folder")
    args = parser.parse_args(argv)
    names = [p.url_path or "intro" for p in PAGES]
    chosen = [n for n in args.pages.split(",") if n] or names
    groups = [(n, ["" if n == "intro" else n]) for n in chosen]
    if not args.pages:
        groups.append(("all pages in turn", [p.url_path for p in PAGES]))

    print(f"server CPU per page run, one session back to back; {args.runs} runs per page; "
          f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with Server(BARE_APP) as server:
        rows = asyncio.run(measure_pages(server, [("bare page", [""])], args.runs, args.profile))
    with Server("app.py") as server:
        rows += asyncio.run(measure_pages(server, groups, args.runs, args.profile))
    print()
    print_rows(rows)
    print(f"\nload average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
