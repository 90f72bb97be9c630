"""Live benchmark on a city-sized database: a channel process submits reports at R per second
for S seconds through the contract; the console (offscreen, in this process) measures the time
from each submit_report to the row being in its Qt queue model, and how long the UI event loop
was ever blocked (a 10 ms heartbeat timer). It also prints the console's memory (RSS) with the
database open, and the time the workspace took to show its first page and its map.

    python bench/bench_live.py --database-url URL [--rate 50] [--duration 60]

Baseline in the same run: the same latency measured by polling the queue's first page every
second (what a console without LISTEN/NOTIFY does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def submitter(url: str, rate: float, duration: float) -> None:
    """The channel: one connection, one transaction per report, paced by the clock."""
    from sqlalchemy import text

    from qlue_console.db.engine import make_engine

    engine = make_engine(url)
    start = time.monotonic()
    n = 0
    with engine.connect() as conn:
        while (now := time.monotonic()) < start + duration:
            target = start + n / rate
            if now < target:
                time.sleep(target - now)
            stamp = time.time()
            conn.execute(text("SELECT submit_report('app', :e, 'bench', :t, 'sampah', -6.1754, 106.8272)"),
                         {"e": f"live-{stamp:.6f}-{n}", "t": f"live bench t={stamp:.6f}"})
            conn.commit()
            n += 1
    print(f"submitted {n}", flush=True)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--submitter", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.submitter:
        submitter(args.database_url, args.rate, args.duration)
        return

    import psutil
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from qlue_console.data.queue import QueueFilter, fetch_queue_page
    from qlue_console.db.engine import describe, make_engine
    from qlue_console.gui.main_window import MainWindow

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([])
    engine = make_engine(args.database_url)
    opened = time.perf_counter()
    window = MainWindow(engine, args.database_url, describe(args.database_url), "en")
    window.resize(1600, 940)
    window.show()
    ready_at: dict[str, float] = {}
    window.workspace_ready.connect(lambda name: ready_at.setdefault(name, time.perf_counter() - opened))
    while "triage" not in ready_at and time.perf_counter() - opened < 300:
        app.processEvents()
        time.sleep(0.005)
    model = window.triage.queue.model
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

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now_ms = clock.elapsed()
        gaps.append(now_ms - last[0])
        last[0] = now_ms

    heartbeat = QTimer(interval=10, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    heartbeat.start()

    # the baseline: poll the first page every second and note when each report shows up
    polled: list[float] = []
    polled_seen: set[int] = set()

    def poll() -> None:
        now = time.time()
        for row in fetch_queue_page(engine, QueueFilter(), None, 200):
            if row.id not in polled_seen and "t=" in row.excerpt:
                polled_seen.add(row.id)
                polled.append(now - float(row.excerpt.rsplit("t=", 1)[1]))

    poll()
    polled.clear()
    poller = QTimer(interval=1000)
    poller.timeout.connect(poll)
    poller.start()

    channel = subprocess.Popen([sys.executable, __file__, "--submitter", "--database-url", args.database_url,
                                "--rate", str(args.rate), "--duration", str(args.duration)], stdout=subprocess.PIPE, text=True)
    while channel.poll() is None:
        app.processEvents()
        time.sleep(0.002)
    deadline = time.time() + 3
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.002)
    heartbeat.stop()
    poller.stop()
    print(channel.stdout.read().strip())
    rss_after = psutil.Process().memory_info().rss / 2**20
    children = sum(c.memory_info().rss for c in psutil.Process().children(recursive=True)) / 2**20

    with engine.connect() as conn:
        from sqlalchemy import text
        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    print(f"reports in the database: {total:,}")
    print(f"workspace ready (first page + map drawn): {ready_at.get('triage', float('nan')):.1f} s")
    print(f"arrived in the model: {len(latencies)}")
    print(f"submit → Qt model latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {pct(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms (target p95 < 1000 ms)")
    print(f"baseline, polling every 1 s: p50 {statistics.median(polled) * 1000:.0f} ms, p95 {pct(polled, 0.95) * 1000:.0f} ms "
          f"→ ratio p95 {pct(polled, 0.95) / pct(latencies, 0.95):.1f}x")
    blocked = [g - 10 for g in gaps]
    print(f"event loop: heartbeat gaps p99 {pct(gaps, 0.99):.0f} ms, longest block {max(blocked):.0f} ms (target < 100 ms)")
    print(f"memory: console RSS {rss_ready:.0f} MB when ready, {rss_after:.0f} MB after the run "
          f"(+ {children:.0f} MB in QtWebEngine's processes); target < 600 MB")
    window.close()


if __name__ == "__main__":
    main()
