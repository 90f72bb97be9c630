"""Map benchmark: time to draw N markers (default 50,000) from ``set_markers`` to the page
reporting them drawn, and time for one ``upsert_markers`` of one marker, against naive baselines in the same
run: the markers as one DOM ``L.marker`` each, added one by one without a canvas; and a new
report handled by re-rendering the folium page and sending every marker again.

It also tells apart a draw on an empty map from one replacing N existing markers, and reports
the CPU time QtWebEngine's processes spend per in-place update, and per second while small
batches arrive as in live use (``--live-seconds``).

    python bench/bench_map.py [--markers 50000] [--upserts 30] [--boundaries resources/boundaries/kelurahan.geojson]

Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6 import QtWebEngineWidgets  # noqa: E402,F401  (before the QApplication)
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from qlue_console.gui.map.map_view import MapView  # noqa: E402
from qlue_console.gui.map.page import MapMarker, build_page, write_page  # noqa: E402
from tests.map_markers import prepared  # noqa: E402  (markers as PostgreSQL encodes them)

STATES = (
    ["Menunggu"] * 4
    + ["Proses"] * 3
    + ["Koordinasi", "Disposisi", "Selesai", "Selesai", "Ditolak", "Duplikat"]
)
CATEGORIES = [
    "Sampah",
    "Banjir",
    "Jalan rusak",
    "Saluran tersumbat",
    "Pohon tumbang",
    "Parkir liar",
    "Lampu jalan mati",
    "PKL liar",
    "Fasilitas umum rusak",
    "Kebakaran",
    "Genangan",
    "Kemacetan",
]
WORDS = (
    "sampah menumpuk di pinggir jalan sudah tiga hari belum diangkut mohon segera ditindaklanjuti "
    "saluran air tersumbat banjir setinggi lutut warga resah dekat sekolah pasar masjid gang"
).split()


def markers(n: int, seed: int = 7) -> list[MapMarker]:
    rnd = random.Random(seed)
    return [
        MapMarker(
            report_id=i,
            lat=rnd.uniform(-6.36, -6.09),
            lon=rnd.uniform(106.69, 106.97),
            state_label=rnd.choice(STATES),
            priority=rnd.choice([0, 1, 1, 1, 2, 2, 3]),
            overdue=rnd.random() < 0.12,
            title=rnd.choice(CATEGORIES),
            text=" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30))),
        )
        for i in range(1, n + 1)
    ]


def wait_for(signal, timeout_s: float = 120.0, until=lambda *a: True):
    """Runs the event loop until ``signal`` fires with arguments accepted by ``until``."""
    loop, box = QEventLoop(), {}

    def fired(*args):
        if until(*args):
            box["args"] = args
            loop.quit()

    signal.connect(fired)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(fired)
    if "args" not in box:
        raise TimeoutError(f"no {signal} within {timeout_s} s")
    return box["args"]


def engine_cpu() -> dict[str, float]:
    """CPU seconds so far of this process (all threads: QtWebEngine's compositor runs in it too)
    and of its QtWebEngine children by kind; a zygote's fork is the page's renderer."""
    import psutil

    me = psutil.Process()
    times = me.cpu_times()
    found: dict[str, float] = {"console process": times.user + times.system}
    for child in me.children(recursive=True):
        try:
            cmd = child.cmdline()
            if not any("QtWebEngineProcess" in a for a in cmd):
                continue
            kind = next((a.split("=", 1)[1] for a in cmd if a.startswith("--type=")), "other")
            if kind == "zygote" and "--type=zygote" in " ".join(
                psutil.Process(child.ppid()).cmdline()
            ):
                kind = "renderer"
            times = child.cpu_times()
            found[kind] = found.get(kind, 0.0) + times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def cpu_delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {k: after.get(k, 0.0) - before.get(k, 0.0) for k in sorted(set(before) | set(after))}


def cpu_text(delta: dict[str, float], per: float, unit: str) -> str:
    parts = [f"{k} {v / per * 1000:.1f}" for k, v in delta.items() if v > 0]
    return f"{sum(delta.values()) / per * 1000:.1f} ms CPU {unit}: " + ", ".join(parts)


def pump(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def moved(data: list[MapMarker], seed: int) -> list[MapMarker]:
    """The same reports, every one somewhere else (a replacement that changes everything)."""
    rnd = random.Random(seed)
    return [
        MapMarker(
            m.report_id,
            rnd.uniform(-6.36, -6.09),
            rnd.uniform(106.69, 106.97),
            rnd.choice(STATES),
            m.priority,
            m.overdue,
            m.title,
            m.text,
        )
        for m in data
    ]


def new_view(boundaries: dict | None) -> MapView:
    view = MapView(boundaries=boundaries)
    view.resize(1280, 800)
    view.show()
    wait_for(view.markers_drawn)  # ready, first (empty) batch drawn
    return view


# The naive baseline: every report a DOM marker (an <img>), added to the map one at a time.
NAIVE = """
(function (data) {
  var t0 = performance.now();
  var m = QlueMap.map, layers = [];
  for (var i = 0; i < data.rows.length; i++) {
    var r = data.rows[i];
    var mk = L.marker([r[1], r[2]], {title: data.titles[r[6]]});
    mk.addTo(m);
    layers.push(mk);
  }
  window.__naive = layers;
  requestAnimationFrame(function () { setTimeout(function () {
    QlueMap.bridge.markersApplied(-1, layers.length, performance.now() - t0);
  }, 0); });
})(%s);
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markers", type=int, default=50_000)
    parser.add_argument("--upserts", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3, help="full draws of our map")
    default_boundaries = (
        Path(__file__).resolve().parents[1] / "resources" / "boundaries" / "kelurahan.geojson"
    )
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=default_boundaries if default_boundaries.exists() else None,
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--live-seconds",
        type=float,
        default=10.0,
        help="small upsert batches at 2.5/s for this long, measuring QtWebEngine's CPU (0: skip)",
    )
    parser.add_argument(
        "--live-batch",
        type=int,
        default=4,
        help="reports changed per live-like batch (a 50/s stream brings ~20 per 0.4 s)",
    )
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841
    boundaries = (
        json.loads(args.boundaries.read_text(encoding="utf-8")) if args.boundaries else None
    )
    data = markers(args.markers)
    print(
        f"{args.markers:,} markers, {len(boundaries['features']) if boundaries else 0} kelurahan; "
        f"batch JSON {len(prepared(data).batch_json) / 1e6:.1f} MB"
    )

    # -- ours ------------------------------------------------------------------------------
    view = new_view(boundaries)
    draws = []
    for _ in range(args.repeat):
        view.set_markers(prepared(data))
        wait_for(view.markers_drawn, until=lambda n: n == len(data))
        draws.append(view.last_update_timing())
    draw_s = statistics.median(d[0] for d in draws)
    print(
        f"ours   set_markers({args.markers:,}) → drawn: median {draw_s * 1000:.0f} ms "
        f"(in the page {statistics.median(d[1] for d in draws):.0f} ms; runs "
        + ", ".join(f"{d[0] * 1000:.0f}" for d in draws)
        + " ms)"
    )

    rnd = random.Random(11)
    ups = []
    for i in range(args.upserts):
        base = data[rnd.randrange(len(data))] if i % 2 else None
        m = MapMarker(
            report_id=base.report_id if base else args.markers + 1 + i,
            lat=rnd.uniform(-6.36, -6.09),
            lon=rnd.uniform(106.69, 106.97),
            state_label=rnd.choice(STATES),
            priority=rnd.randint(0, 3),
            overdue=rnd.random() < 0.5,
            title="Banjir",
            text="air naik",
        )
        view.upsert_markers(prepared([m]))
        wait_for(view.markers_drawn)
        ups.append(view.last_update_timing()[0])
    up_ms = statistics.median(ups) * 1000
    up_p95 = sorted(ups)[int(0.95 * (len(ups) - 1))] * 1000
    print(
        f"ours   upsert_marker with {view.marker_count():,} on the map: median {up_ms:.1f} ms, p95 {up_p95:.1f} ms "
        f"({len(ups)} upserts, half new, half moved)"
    )

    # -- ours: empty map vs replacing N, QtWebEngine's CPU per update ------------------------
    empty, replace = [], []
    for i in range(args.repeat):
        view.set_markers(prepared([]))
        wait_for(view.markers_drawn, until=lambda n: n == 0)
        view.set_markers(prepared(data))
        wait_for(view.markers_drawn, until=lambda n: n == len(data))
        empty.append(view.last_update_timing()[0])
        view.set_markers(prepared(moved(data, 100 + i)))
        wait_for(view.markers_drawn, until=lambda n: n == len(data))
        replace.append(view.last_update_timing()[0])
    print(
        f"ours   set_markers({args.markers:,}) on an empty map: median {statistics.median(empty) * 1000:.0f} ms, "
        f"max {max(empty) * 1000:.0f} ms; replacing {args.markers:,} existing (all moved): "
        f"median {statistics.median(replace) * 1000:.0f} ms, max {max(replace) * 1000:.0f} ms"
    )
    pump(1.0)
    cpu0 = engine_cpu()
    for i in range(args.upserts):
        base = data[rnd.randrange(len(data))]
        view.upsert_markers(
            prepared(
                [
                    MapMarker(
                        base.report_id,
                        rnd.uniform(-6.36, -6.09),
                        rnd.uniform(106.69, 106.97),
                        rnd.choice(STATES),
                        rnd.randint(0, 3),
                        rnd.random() < 0.5,
                        "Banjir",
                        "air naik",
                    )
                ]
            )
        )
        wait_for(view.markers_drawn)
    print(
        f"ours   per upsert_marker: {cpu_text(cpu_delta(cpu0, engine_cpu()), args.upserts, 'per update')}"
    )
    if args.live_seconds > 0:
        pump(1.0)
        cpu0, t0, batches, seen = engine_cpu(), time.perf_counter(), 0, []
        view.markers_drawn.connect(seen.append)
        while time.perf_counter() - t0 < args.live_seconds:
            batch = []
            for _ in range(args.live_batch):
                base = data[rnd.randrange(len(data))]
                batch.append(
                    MapMarker(
                        base.report_id,
                        base.lat,
                        base.lon,
                        rnd.choice(STATES),
                        base.priority,
                        rnd.random() < 0.2,
                        base.title,
                        base.text,
                    )
                )
            view.upsert_markers(prepared(batch))
            batches += 1
            pump(0.4)
        while len(seen) < batches and time.perf_counter() - t0 < args.live_seconds + 30:
            pump(0.05)  # every batch drawn before the next measurement
        spent = time.perf_counter() - t0
        view.markers_drawn.disconnect(seen.append)
        print(
            f"ours   live-like: {batches} batches of {args.live_batch} upserts in {spent:.1f} s with {view.marker_count():,} markers: "
            f"{cpu_text(cpu_delta(cpu0, engine_cpu()), spent, 'per second')}"
        )

    # -- baseline: rebuild the page for a new report ---------------------------------------
    t0 = time.perf_counter()
    write_page(view.page_file().parent, build_page(boundaries=boundaries) + "<!-- rebuilt -->")
    view.view.reload()
    wait_for(view.markers_drawn, until=lambda n: n == view_count(view))
    rebuild_s = time.perf_counter() - t0
    print(
        f"naive  new report = folium re-render + reload + all markers again: {rebuild_s * 1000:.0f} ms "
        f"→ upsert is {rebuild_s * 1000 / up_ms:.0f}× faster"
    )
    view.close()

    # -- baseline: one DOM marker per report, added one by one -----------------------------
    if args.skip_naive:
        return
    naive_view = new_view(boundaries)
    t0 = time.perf_counter()
    naive_view.view.page().runJavaScript(NAIVE % prepared(data).batch_json, 0, lambda _r: None)
    _seq, _count, page_ms = wait_for(naive_view._bridge.applied, timeout_s=600)
    naive_s = time.perf_counter() - t0
    print(
        f"naive  {args.markers:,} L.marker (DOM icons) added one by one: {naive_s * 1000:.0f} ms "
        f"(in the page {page_ms:.0f} ms) → ours is {naive_s / draw_s:.1f}× faster"
    )
    naive_view.close()

    ok_draw, ok_up = draw_s < 2.0, up_ms < 50.0
    print(
        f"targets: draw < 2 s {'met' if ok_draw else 'MISSED'}, upsert < 50 ms {'met' if ok_up else 'MISSED'}"
    )


def view_count(view: MapView) -> int:
    return len(view._markers)


if __name__ == "__main__":
    main()
