"""Filter changes on a city-sized database, measured in the console: for each of the triage
queue's typical filters, the time from choosing it to the queue's first page and the map's
markers both being shown, and the longest the UI event loop was blocked meanwhile (the issue:
"changing a filter never freezes the window").

    python bench/bench_filter_change.py --database-url URL [--rounds 2]

Baseline in the same run, for the same filters: the map's markers fetched, built and sent from
the UI thread (what a console without a background worker does), measured the same way.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="only the console's own filter changes (to profile them alone)",
    )
    args = parser.parse_args()

    from bench_queue import FILTERS
    from loop_monitor import LoopMonitor
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from qlue_console.data.map_data import fetch_encoded_markers
    from qlue_console.db.engine import describe, make_engine
    from qlue_console.gui.main_window import MainWindow
    from qlue_console.gui.map.page import STATES, prepare_encoded
    from qlue_console.gui.workspaces.triage import MAP_LABELS, MAP_MARKER_LIMIT

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([])
    engine = make_engine(args.database_url)
    window = MainWindow(engine, args.database_url, describe(args.database_url), "en")
    gc.freeze()  # as qlue_console.gui.app does once the window is made
    window.resize(1600, 940)
    window.show()
    ready: list[str] = []
    window.workspace_ready.connect(ready.append)
    started = time.perf_counter()
    while "triage" not in ready and time.perf_counter() - started < 300:
        app.processEvents()
        time.sleep(0.005)
    triage = window.triage
    print(
        f"workspace ready in {time.perf_counter() - started:.1f} s "
        f"with {triage.map.marker_count():,} markers"
    )

    state = {"page": False, "drawn": False}
    triage.queue.first_page_loaded.connect(lambda: state.__setitem__("page", True))
    triage.map.markers_drawn.connect(lambda _n: state.__setitem__("drawn", True))
    monitor = LoopMonitor()
    monitor.start()

    def settle(deadline_s: float = 120.0) -> None:
        until = time.perf_counter() + deadline_s
        while not (state["page"] and state["drawn"]) and time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.002)

    def idle(seconds: float) -> None:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            app.processEvents()
            time.sleep(0.002)

    def ours(flt) -> None:
        triage.queue.set_filter(flt)

    def baseline(flt) -> None:  # everything on the UI thread, as one blocking step
        triage.queue.set_filter(flt)
        found = fetch_encoded_markers(
            engine,
            flt,
            language="en",
            label_of=MAP_LABELS,
            label_order=STATES,
            limit=MAP_MARKER_LIMIT,
        )
        triage.map.set_markers(prepare_encoded(found.titles, found.rows))

    results: dict[str, dict[str, list[tuple[float, ...]]]] = {"ours": {}, "baseline": {}}
    markers: dict[str, int] = {}
    for _round in range(args.rounds):
        for kind, change in (("ours", ours),) + (
            (("baseline", baseline),) if not args.no_baseline else ()
        ):
            for name, flt in FILTERS.items():
                idle(0.3)
                state.update(page=False, drawn=False)
                mark = monitor.mark()
                t0 = time.perf_counter()
                if kind == "baseline":  # the worker's own map refresh must not count for it
                    triage.queue.filter_changed.disconnect(triage._filter_changed)
                    try:
                        change(flt)
                    finally:
                        triage.queue.filter_changed.connect(triage._filter_changed)
                else:
                    change(flt)
                settle()
                shown = time.perf_counter() - t0
                results[kind].setdefault(name, []).append((shown, *monitor.longest_since(mark)))
                markers[name] = triage.map.marker_count()
    monitor.stop()

    print(
        f"{'filter':<34} {'markers':>8} {'shown (s)':>10} {'longest block (ms)':>19} "
        f"{'baseline shown':>15} "
        f"{'baseline block':>15}"
    )
    worst_ours = worst_base = 0.0
    nothing = [(float("nan"), 0.0)]
    for name in FILTERS:
        o = max(results["ours"][name], key=lambda r: r[1])
        b = max(results["baseline"].get(name, nothing), key=lambda r: r[1])
        worst_ours, worst_base = max(worst_ours, o[1]), max(worst_base, b[1])
        why = "/".join(f"{v:.0f}" for v in o[2:])
        ours_shown = statistics.median(r[0] for r in results["ours"][name])
        base_shown = statistics.median(r[0] for r in results["baseline"].get(name, nothing))
        print(
            f"{name:<34} {markers[name]:>8,} {ours_shown:>10.2f} "
            f"{o[1]:>10.0f} ({why}) {base_shown:>15.2f} "
            f"{b[1]:>15.0f}"
        )
    print(
        f"longest block over every filter change: {worst_ours:.0f} ms "
        f"(baseline {worst_base:.0f} ms, {worst_base / max(worst_ours, 1):.1f}x); "
        "(running / waiting for a core / hypervisor steal / garbage collection) in ms; "
        "target < 100 ms"
    )
    window.close()


if __name__ == "__main__":
    main()
