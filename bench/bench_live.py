"""Live benchmark on a city-sized database: a channel process submits reports at R per second
for S seconds through the contract; the console (offscreen, in this process) measures the time
from each submit_report to the row being in its Qt queue model, and how long the UI event loop
was ever blocked (a 10 ms heartbeat timer). It also prints the console's memory (RSS) with the
database open, and the time the workspace took to show its first page and its map.

    python bench/bench_live.py --database-url URL [--rate 50] [--duration 60] [--sample-blocks]

Baseline in the same run: the same latency measured by polling the queue's first page every
second (what a console without LISTEN/NOTIFY does), from its own thread.

A blocked loop has two causes, and the benchmark tells them apart: the UI thread busy (its
own CPU time between two heartbeats, from /proc/self/task/<tid>/schedstat), or the UI thread
runnable but waiting for a core that other processes hold (the scheduler's run-queue time). It
also prints the CPU time each party used during the run: the console's UI thread and whole
process, QtWebEngine's processes, PostgreSQL's and the submitter. ``--sample-blocks`` prints
the UI thread's Python stacks seen during blocks (bench/block_sampler.py).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def submitter(url: str, rate: float, duration: float) -> None:
    """The channel: one connection, one transaction per report, paced by the clock."""
    from sqlalchemy import text

    from qlue_console.db.engine import make_engine

    engine = make_engine(url)
    rng = random.Random(47)
    with engine.connect() as conn:
        centroids = [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT centroid_lat, centroid_lon FROM areas WHERE level = 'kelurahan' "
                    "ORDER BY code"
                )
            )
        ]
    start = time.monotonic()
    n = 0
    with engine.connect() as conn:
        while (now := time.monotonic()) < start + duration:
            target = start + n / rate
            if now < target:
                time.sleep(target - now)
            stamp = time.time()
            # spread over the city's kelurahan, as reports come in (one spot would pile every
            # marker on one pixel)
            lat, lon = rng.choice(centroids)
            lat, lon = lat + rng.uniform(-0.002, 0.002), lon + rng.uniform(-0.002, 0.002)
            conn.execute(
                text("SELECT submit_report('app', :e, :c, :t, 'sampah', :lat, :lon)"),
                {
                    "e": f"live-{stamp:.6f}-{n}",
                    "t": f"live bench t={stamp:.6f}",
                    "lat": lat,
                    "lon": lon,
                    "c": f"warga.live{rng.randrange(100_000)}",
                },
            )  # many citizens, as in a city
            conn.commit()
            n += 1
    print(f"submitted {n}", flush=True)


def cpu_by_process() -> dict[str, float]:
    """CPU seconds so far of this process, its QtWebEngine children and the PostgreSQL server's
    processes, keyed 'group pid'."""
    import psutil

    me = psutil.Process()
    found: dict[str, float] = {}
    children = {c.pid for c in me.children(recursive=True)}
    for proc in psutil.process_iter(["name", "cmdline", "cpu_times"]):
        try:
            times = proc.info["cpu_times"]
            if times is None:
                continue
            name = proc.info["name"] or ""
            cmd = " ".join(proc.info["cmdline"] or [])
            if proc.pid == me.pid:
                group = "console process (all threads)"
            elif proc.pid in children and "QtWebEngineProcess" in cmd:
                kind = next(
                    (a.split("=", 1)[1] for a in proc.info["cmdline"] if a.startswith("--type=")),
                    "other",
                )
                group = f"QtWebEngine {kind}"
            elif "--submitter" in cmd:
                group = "submitter"
            elif name.startswith("postgres") or cmd.startswith("postgres"):
                group = "PostgreSQL"
            else:
                continue
            found[f"{group} {proc.pid}"] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
        if ordered
        else float("nan")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument(
        "--sample-blocks",
        action="store_true",
        help="print the UI thread's Python stacks seen while the event loop was blocked",
    )
    parser.add_argument(
        "--no-map-updates", action="store_true", help="experiment: leave the map as first drawn"
    )
    parser.add_argument("--submitter", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.submitter:
        submitter(args.database_url, args.rate, args.duration)
        return

    import psutil
    from loop_monitor import LoopMonitor
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from qlue_console.data.queue import QueueFilter, fetch_queue_page
    from qlue_console.db.engine import describe, make_engine
    from qlue_console.gui.main_window import MainWindow

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([])
    engine = make_engine(args.database_url)
    opened = time.perf_counter()
    window = MainWindow(engine, args.database_url, describe(args.database_url), "en")
    gc.freeze()  # as qlue_console.gui.app does once the window is made
    window.resize(1600, 940)
    window.show()
    ready_at: dict[str, float] = {}
    window.workspace_ready.connect(
        lambda name: ready_at.setdefault(name, time.perf_counter() - opened)
    )
    while "triage" not in ready_at and time.perf_counter() - opened < 300:
        app.processEvents()
        time.sleep(0.005)
    model = window.triage.queue.model
    if args.no_map_updates:
        window.triage.map.upsert_markers = lambda markers: None
        window.triage.map.remove_markers = lambda ids: None
    rss_ready = psutil.Process().memory_info().rss / 2**20

    latencies: list[float] = []
    seen: set[int] = set()

    def rows_inserted(_parent, first, last) -> None:
        now = time.time()
        for i in range(first, last + 1):
            row = model.row_at(i)
            if row.id in seen or "t=" not in row.excerpt:
                continue
            seen.add(row.id)
            latencies.append(now - float(row.excerpt.rsplit("t=", 1)[1]))

    model.rowsInserted.connect(rows_inserted)

    # Python's cyclic garbage collector runs on whichever thread allocates: its pauses count too.
    gc_pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    gc_started = [0.0]

    def gc_callback(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_pauses[info["generation"]].append((time.perf_counter() - gc_started[0]) * 1000)

    gc.callbacks.append(gc_callback)

    sampler = None
    if args.sample_blocks:
        from block_sampler import BlockSampler

        sampler = BlockSampler()
        sampler.start()

    monitor = LoopMonitor(on_beat=sampler.beat if sampler is not None else None)
    monitor.start()

    # The baseline: poll the first page every second and note when each report shows up. It
    # polls from its own thread so that its queries do not count against the console's loop.
    polled: list[float] = []
    polled_seen: set[int] = set()
    polling = threading.Event()

    def poll() -> None:
        now = time.time()
        for row in fetch_queue_page(engine, QueueFilter(), None, 200):
            if row.id not in polled_seen and "t=" in row.excerpt:
                polled_seen.add(row.id)
                polled.append(now - float(row.excerpt.rsplit("t=", 1)[1]))

    def poller() -> None:
        while not polling.wait(1.0):
            poll()

    poll()
    polled.clear()
    poll_thread = threading.Thread(target=poller, daemon=True)
    poll_thread.start()

    cpu_before = cpu_by_process()
    ui_cpu_before = monitor.sched()[0]
    channel = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--submitter",
            "--database-url",
            args.database_url,
            "--rate",
            str(args.rate),
            "--duration",
            str(args.duration),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    cpu_before[f"submitter {channel.pid}"] = 0.0
    while channel.poll() is None:
        app.processEvents()
        time.sleep(0.002)
    deadline = time.time() + 3
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.002)
    cpu_after = cpu_by_process()
    page_stats: dict = {}
    window.triage.map.view.page().runJavaScript(
        "JSON.stringify(QlueMap.markers ? QlueMap.markers.stats : null)",
        0,
        lambda value: page_stats.setdefault("stats", value),
    )
    until = time.time() + 5
    while "stats" not in page_stats and time.time() < until:
        app.processEvents()
        time.sleep(0.002)
    ui_cpu = (monitor.sched()[0] - ui_cpu_before) / 1000
    monitor.stop()
    polling.set()
    poll_thread.join()
    if sampler is not None:
        sampler.stop()
    print(channel.stdout.read().strip())
    rss_after = psutil.Process().memory_info().rss / 2**20
    children = sum(c.memory_info().rss for c in psutil.Process().children(recursive=True)) / 2**20

    with engine.connect() as conn:
        from sqlalchemy import text

        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    print(f"reports in the database: {total:,}")
    print(f"workspace ready (first page + map drawn): {ready_at.get('triage', float('nan')):.1f} s")
    print(f"arrived in the model: {len(latencies)}")
    print(
        f"submit → Qt model latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {pct(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
        "(target p95 < 1000 ms)"
    )
    print(
        f"baseline, polling every 1 s: p50 {statistics.median(polled) * 1000:.0f} ms, "
        f"p95 {pct(polled, 0.95) * 1000:.0f} ms "
        f"→ ratio p95 {pct(polled, 0.95) / pct(latencies, 0.95):.1f}x"
    )
    print(monitor.summary())
    print(f"map page: full redraws / partial repaints during the run: {page_stats.get('stats')}")
    print(
        f"memory: console RSS {rss_ready:.0f} MB when ready, {rss_after:.0f} MB after the run "
        f"(+ {children:.0f} MB in QtWebEngine's processes); target < 600 MB"
    )
    run_s = args.duration + 3
    spent: dict[str, float] = {}
    for key, before in cpu_before.items():
        group = key.rsplit(" ", 1)[0]
        spent[group] = spent.get(group, 0.0) + max(0.0, cpu_after.get(key, before) - before)
    print(
        f"CPU used during the run ({run_s:.0f} s, 2 cores = {2 * run_s:.0f} core-seconds): "
        f"console UI thread {ui_cpu:.1f} s, "
        + ", ".join(
            f"{group} {seconds:.1f} s"
            for group, seconds in sorted(spent.items(), key=lambda kv: -kv[1])
        )
    )
    gc.callbacks.remove(gc_callback)
    for generation, pauses in gc_pauses.items():
        if pauses:
            print(
                f"garbage collector, generation {generation}: {len(pauses)} runs, "
                f"longest {max(pauses):.0f} ms"
            )
    if sampler is not None:
        sampler.print_report()
    window.close()


if __name__ == "__main__":
    main()
