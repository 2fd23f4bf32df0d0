"""A class on one server, a school on two: load over Streamlit's own protocol.

    python -m benchmarks.load            # the full run (about 8 minutes)
    python -m benchmarks.load --class-only   # only the class phase of the one-worker row (memory)
    python -m benchmarks.load --quick    # a short smoke run
    python -m benchmarks.load --capacity-only   # the capacity phase alone, bare page and one worker

Three rows, measured in one run on this machine, each on a fresh server with
the production settings (deploy/production.env):

- the bare page: one Plotly heatmap and nothing else (benchmarks/bare_app.py),
  the floor this machine and framework allow;
- Pooling Lessons, one Streamlit worker;
- Pooling Lessons, two workers behind HAProxy (deploy/run_local.sh 2 PORT).

Each row has three phases (benchmarks.stclient drives the websocket, no browser):

1. class: ``--sessions`` (50) sessions arrive within the first 6 s; each opens
   one page by its URL (half of them in Chinese), then visits every page in
   lessons/registry.py in turn, waiting a random 0-6 s (3 s on average) after
   each page, for ``--duration`` (60) s. runs/s, p50/p95 of a page run (from
   asking for it to script_finished), errors (runs that did not finish, failed
   connections), exceptions (exception elements: the red box), and the
   server's memory before, at its peak and 5 s after the sessions closed.
2. capacity: ``--busy`` (16) sessions run pages back to back with no think time
   for ``--busy-duration`` (20) s: the most page runs per second the server
   gives, and the server's CPU time (user + system, all its threads) per run,
   which other work on the machine does not change much.
3. churn: ``--churn`` (500) sessions, one after another, each opens a page and
   closes; memory before and after.

Targets (issue 11), each printed PASS or FAIL: one worker, class phase: p95 under
1 s, no error, no exception, memory after within 20 % of before; churn leaves
memory within 20 % of where it was; capacity of our mixed pages at least 60 % of
the bare page's; two workers at least 1.6x the capacity of one.
Exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.serve import BARE_APP, Server  # noqa: E402
from benchmarks.stclient import StClient, StClientError  # noqa: E402
from lessons.registry import PAGES  # noqa: E402

APP_PAGES = [p.url_path for p in PAGES]
LANG_QUERY = {"en": "", "zh": "lang=zh"}
SETTLE_S = 5.0  # after the sessions close, before "after" memory is read


@dataclass
class Stats:
    seconds: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)
    errors: int = 0
    exceptions: int = 0
    samples: list[str] = field(default_factory=list)  # the first few problems, as text

    def problem(self, text: str) -> None:
        if len(self.samples) < 5:
            self.samples.append(text)

    def record(self, page: str, run) -> None:
        self.seconds.append(run.seconds)
        self.by_page.setdefault(page, []).append(run.seconds)
        if run.status != "ok":
            self.errors += 1
            self.problem(f"/{page}: {run.status}")
        if run.exceptions:
            self.exceptions += len(run.exceptions)
            self.problem(f"/{page}: {run.exceptions[0]}")


@dataclass
class Row:
    name: str
    sessions: int = 0
    runs_per_s: float = 0.0
    p50: float = float("nan")
    p95: float = float("nan")
    errors: int = 0
    exceptions: int = 0
    capacity: float = 0.0
    cpu_ms: float = float("nan")  # server CPU per page run, capacity phase
    mem_before: float = 0.0
    mem_peak: float = 0.0
    mem_after: float = 0.0
    churn_before: float = 0.0
    churn_after: float = 0.0
    churn_errors: int = 0
    client_cpu: float = 0.0  # seconds of this process's CPU while the row ran
    by_page: dict[str, list[float]] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


async def visitor(url: str, pages: list[str], stop_at: float, think: float, rng: random.Random,
                  stats: Stats, arrive: float = 0.0) -> None:
    """One student: arrive, open a page by its URL, then visit every page in turn."""
    await asyncio.sleep(arrive)
    query = LANG_QUERY[rng.choice(("en", "zh"))]
    start = rng.randrange(len(pages))
    try:
        async with StClient(url) as client:
            n = 0
            while time.perf_counter() < stop_at:
                page = pages[(start + n) % len(pages)]
                stats.record(page, await client.goto(page, query))
                n += 1
                await asyncio.sleep(min(rng.uniform(0, think), max(0.0, stop_at - time.perf_counter())))
    except (StClientError, OSError, asyncio.TimeoutError) as exc:
        stats.errors += 1
        stats.problem(f"session: {type(exc).__name__}: {exc}")


async def class_phase(server: Server, pages: list[str], sessions: int, duration: float, think: float,
                      seed: int) -> tuple[Stats, float, float]:
    """``sessions`` visitors for ``duration`` s: (stats, runs/s, peak memory in MB)."""
    stats, peak = Stats(), server.rss_mb()
    rng = random.Random(seed)
    t0 = time.perf_counter()
    stop_at = t0 + duration
    tasks = [asyncio.create_task(visitor(server.url, pages, stop_at, think, random.Random(rng.random()),
                                         stats, arrive=rng.uniform(0, min(think, duration / 4))))
             for _ in range(sessions)]
    done = asyncio.gather(*tasks)
    while not done.done():
        peak = max(peak, server.rss_mb())
        await asyncio.wait([done], timeout=0.5)
    await done
    elapsed = time.perf_counter() - t0
    return stats, len(stats.seconds) / elapsed, max(peak, server.rss_mb())


async def churn_phase(server: Server, pages: list[str], count: int) -> Stats:
    """``count`` sessions one after another, each opening one page and closing."""
    stats = Stats()
    for i in range(count):
        page = pages[i % len(pages)]
        try:
            async with StClient(server.url) as client:
                stats.record(page, await client.goto(page, LANG_QUERY["zh" if i % 2 else "en"]))
        except (StClientError, OSError, asyncio.TimeoutError) as exc:
            stats.errors += 1
            stats.problem(f"session: {type(exc).__name__}: {exc}")
    return stats


async def warm_up(server: Server, pages: list[str]) -> None:
    """One visit of every page in both languages: imports done, caches filled."""
    for query in LANG_QUERY.values():
        async with StClient(server.url) as client:
            for page in pages:
                run = await client.goto(page, query)
                if run.status != "ok":
                    raise RuntimeError(f"warm-up: /{page}?{query}: {run.status}")


async def measure(name: str, server: Server, pages: list[str], args) -> Row:
    client_cpu0 = time.process_time()
    row = Row(name, sessions=args.sessions)
    await warm_up(server, pages)
    await asyncio.sleep(1)
    row.mem_before = server.rss_mb()
    if not args.capacity_only:
        stats, row.runs_per_s, row.mem_peak = await class_phase(server, pages, args.sessions, args.duration,
                                                                args.think, args.seed)
        await asyncio.sleep(SETTLE_S)
        row.mem_after = server.rss_mb()
        row.p50, row.p95 = pct(stats.seconds, 50) * 1e3, pct(stats.seconds, 95) * 1e3
        row.errors, row.exceptions, row.by_page, row.samples = (stats.errors, stats.exceptions, stats.by_page,
                                                                stats.samples)

    cpu0 = server.cpu_s()
    busy, row.capacity, _ = await class_phase(server, pages, args.busy, args.busy_duration, 0.0, args.seed + 1)
    row.cpu_ms = (server.cpu_s() - cpu0) / max(1, len(busy.seconds)) * 1e3
    row.errors += busy.errors
    row.exceptions += busy.exceptions
    for page, times in busy.by_page.items():
        row.by_page.setdefault(page, []).extend(times)
    row.samples += busy.samples
    if args.capacity_only:
        row.client_cpu = time.process_time() - client_cpu0
        return row

    await asyncio.sleep(SETTLE_S)
    row.churn_before = server.rss_mb()
    churn = await churn_phase(server, pages, args.churn)
    await asyncio.sleep(SETTLE_S)
    row.churn_after = server.rss_mb()
    row.churn_errors = churn.errors
    row.exceptions += churn.exceptions
    row.samples += churn.samples
    row.client_cpu = time.process_time() - client_cpu0
    return row


def run_row(name: str, script, workers: int, pages: list[str], args) -> Row:
    print(f"  {name} ...", end="", flush=True)
    t0 = time.perf_counter()
    with Server(script, workers=workers) as server:
        row = asyncio.run(measure(name, server, pages, args))
    print(f" {time.perf_counter() - t0:.0f} s", flush=True)
    return row


def print_table(rows: list[Row]) -> None:
    head = ("", "sessions", "runs/s", "p50 ms", "p95 ms", "errors", "exceptions", "max runs/s",
            "CPU ms/run", "MB before", "peak", "after", "500 sessions: MB before", "after")
    table = [head]
    for r in rows:
        table.append((r.name, str(r.sessions), f"{r.runs_per_s:.1f}", f"{r.p50:.0f}", f"{r.p95:.0f}",
                      str(r.errors + r.churn_errors), str(r.exceptions), f"{r.capacity:.1f}", f"{r.cpu_ms:.1f}",
                      f"{r.mem_before:.0f}", f"{r.mem_peak:.0f}", f"{r.mem_after:.0f}",
                      f"{r.churn_before:.0f}", f"{r.churn_after:.0f}"))
        if not r.capacity:  # --class-only: no capacity or churn phase
            table[-1] = (*table[-1][:7], "-", "-", *table[-1][9:12], "-", "-")
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for n, row in enumerate(table):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_pages(row: Row) -> None:
    print(f"\n{row.name}: page runs by page (class and capacity phases)")
    for page in APP_PAGES:
        times = row.by_page.get(page, [])
        if times:
            print(f"  /{page:<12} {len(times):5d} runs  p50 {pct(times, 50) * 1e3:6.0f} ms"
                  f"  p95 {pct(times, 95) * 1e3:6.0f} ms")


def class_verdicts(one: Row) -> list[tuple[str, bool]]:
    return [
        (f"one worker, class: p95 {one.p95:.0f} ms < 1000 ms", one.p95 < 1000),
        (f"one worker: errors {one.errors + one.churn_errors} == 0, exceptions {one.exceptions} == 0",
         one.errors + one.churn_errors == 0 and one.exceptions == 0),
        (f"one worker: memory after the class {one.mem_after:.0f} MB within 20 % of before "
         f"{one.mem_before:.0f} MB", one.mem_after <= 1.2 * one.mem_before),
    ]


def verdicts(bare: Row, one: Row, two: Row | None) -> list[tuple[str, bool]]:
    out = [
        *class_verdicts(one),
        (f"one worker: memory after 500 sessions {one.churn_after:.0f} MB within 20 % of before "
         f"{one.churn_before:.0f} MB", one.churn_after <= 1.2 * one.churn_before),
        (f"capacity: our mixed pages {one.capacity:.1f} runs/s >= 60 % of the bare page's "
         f"{bare.capacity:.1f} ({one.capacity / bare.capacity:.0%})", one.capacity >= 0.6 * bare.capacity),
    ]
    if two is not None:
        out += [
            (f"two workers: capacity {two.capacity:.1f} runs/s >= 1.6x one worker's {one.capacity:.1f} "
             f"({two.capacity / one.capacity:.2f}x)", two.capacity >= 1.6 * one.capacity),
            (f"two workers: errors {two.errors + two.churn_errors} == 0, exceptions {two.exceptions} == 0",
             two.errors + two.churn_errors == 0 and two.exceptions == 0),
        ]
    return out


async def measure_class(name: str, server: Server, pages: list[str], args) -> Row:
    """The class phase of ``measure`` alone (warm-up, memory before, class, memory 5 s after)."""
    row = Row(name, sessions=args.sessions)
    await warm_up(server, pages)
    await asyncio.sleep(1)
    row.mem_before = server.rss_mb()
    stats, row.runs_per_s, row.mem_peak = await class_phase(server, pages, args.sessions, args.duration,
                                                            args.think, args.seed)
    await asyncio.sleep(SETTLE_S)
    row.mem_after = server.rss_mb()
    row.p50, row.p95 = pct(stats.seconds, 50) * 1e3, pct(stats.seconds, 95) * 1e3
    row.errors, row.exceptions, row.by_page, row.samples = stats.errors, stats.exceptions, stats.by_page, stats.samples
    return row


def class_only(args) -> int:
    """The one-worker row's class phase alone: its columns of the table and its verdicts."""
    name = "Pooling Lessons (1 worker)"
    print(f"  {name} ...", end="", flush=True)
    t0 = time.perf_counter()
    with Server("app.py") as server:
        one = asyncio.run(measure_class(name, server, APP_PAGES, args))
    print(f" {time.perf_counter() - t0:.0f} s", flush=True)
    print()
    print_table([one])
    print("\nclass phase only (--class-only): no capacity or churn phase, no bare page or proxy row")
    print_pages(one)
    if one.samples:
        print(f"\nfirst problems:\n  " + "\n  ".join(one.samples))
    if hasattr(os, "getloadavg"):
        print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    failed = 0
    for text, ok in class_verdicts(one):
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
        failed += not ok
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="sessions in the class phase (default 50)")
    parser.add_argument("--duration", type=float, default=60.0, help="class phase, s (default 60)")
    parser.add_argument("--think", type=float, default=6.0, help="think time: uniform 0..THINK s (default 6)")
    parser.add_argument("--busy", type=int, default=16, help="sessions in the capacity phase (default 16)")
    parser.add_argument("--busy-duration", type=float, default=20.0, help="capacity phase, s (default 20)")
    parser.add_argument("--churn", type=int, default=500, help="sessions opened and closed (default 500)")
    parser.add_argument("--no-proxy", action="store_true", help="skip the two-worker row")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20 sessions, 15 s, 50 churn")
    parser.add_argument("--capacity-only", action="store_true",
                        help="only the capacity phase, bare page and one worker (to iterate on CPU per run)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--class-only", action="store_true",
                        help="only the class phase of the one-worker row (memory before / peak / after)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sessions, args.duration, args.busy_duration, args.churn = 20, 15.0, 8.0, 50

    print(f"Pooling Lessons load benchmark: Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{platform.machine()}; Streamlit over its websocket protocol, no browser")
    print(f"class: {args.sessions} sessions, think uniform 0-{args.think:g} s, {args.duration:g} s; "
          f"capacity: {args.busy} sessions back to back, {args.busy_duration:g} s; "
          f"churn: {args.churn} sessions one after another")
    if args.class_only:
        return class_only(args)
    rows = [run_row("bare page (1 worker)", BARE_APP, 0, [""], args),
            run_row("Pooling Lessons (1 worker)", "app.py", 0, APP_PAGES, args)]
    two = None
    if not (args.no_proxy or args.capacity_only):
        two = run_row("Pooling Lessons (2 workers, HAProxy)", "app.py", 2, APP_PAGES, args)
        rows.append(two)
    print()
    print_table(rows)
    print("\nruns/s, p50, p95: class phase; max runs/s, CPU ms/run: capacity phase (CPU: the Streamlit "
          "process(es), all threads); MB: their resident memory after a warm-up, at the peak of the class, "
          "5 s after it; errors and exceptions: all phases")
    for row in rows[1:]:
        print_pages(row)
    for row in rows:
        if row.samples:
            print(f"\n{row.name}: first problems:\n  " + "\n  ".join(row.samples))
    bare, one = rows[0], rows[1]
    print(f"\nserver CPU per page run: bare page {bare.cpu_ms:.1f} ms, ours {one.cpu_ms:.1f} ms: on an idle core "
          f"one worker would give {1e3 / one.cpu_ms:.0f} of our page runs/s, {bare.cpu_ms / one.cpu_ms:.0%} "
          f"of the bare page's {1e3 / bare.cpu_ms:.0f}")
    print("load generator CPU: " + ", ".join(f"{r.name} {r.client_cpu:.0f} s" for r in rows))
    if hasattr(os, "getloadavg"):
        print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
              "(other work on the machine lowers every number)")
    print()
    failed = 0
    checks = verdicts(rows[0], rows[1], two)
    if args.capacity_only:
        checks = [c for c in checks if c[0].startswith("capacity")]
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
