"""Map benchmark: time to draw N markers (default 50,000) from ``set_markers`` to the page
reporting them drawn, and time for one in-place update (``upsert_markers`` of one changed
report), both through the console's own path: reports in PostgreSQL, read and encoded by the
map's statement (``data.map_data.fetch_encoded_markers`` / ``fetch_marker_changes``), prepared
by ``page.prepare_encoded``. Against naive baselines in the same run: the markers as one DOM
``L.marker`` each, added one by one without a canvas; and a new report handled by re-rendering
the folium page and sending every marker again.

It also tells apart a draw on an empty map from one replacing N existing markers, and reports
the CPU time QtWebEngine's processes spend per in-place update, and per second while small
batches arrive as in live use (``--live-seconds``).

    python bench/bench_map.py [--markers 50000] [--upserts 30] [--database-url URL]

Without ``--database-url`` it starts an embedded PostgreSQL in a temporary folder, migrates it
and makes its own N reports there (a URL given must name a database it may migrate and fill).
Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6 import QtWebEngineWidgets  # noqa: E402,F401  (before the QApplication)
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402

from qlue_console.data.map_data import fetch_encoded_markers, fetch_marker_changes  # noqa: E402
from qlue_console.data.queue import QueueFilter  # noqa: E402
from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import leave_embedded, start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.domain.states import State  # noqa: E402
from qlue_console.gui.map.map_view import MapView  # noqa: E402
from qlue_console.gui.map.page import (  # noqa: E402
    STATES,
    PreparedMarkers,
    build_page,
    prepare_encoded,
    write_page,
)
from qlue_console.gui.workspaces.triage import MAP_LABELS  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402

# A filter that selects every state: the bench draws all its reports.
EVERY_STATE = QueueFilter(states=tuple(s.value for s in State))
# The mix of states: waiting, in progress, done, rejected and duplicate.
STATUSES = (
    ["new"] * 4
    + ["dispatched"] * 3
    + ["coordination", "disposition", "verified", "verified", "rejected", "duplicate"]
)
WORDS = (
    "sampah menumpuk di pinggir jalan sudah tiga hari belum diangkut mohon segera ditindaklanjuti "
    "saluran air tersumbat banjir setinggi lutut warga resah dekat sekolah pasar masjid gang"
).split()

# N reports over Jakarta in one statement: positions, states, overdue and texts drawn by
# PostgreSQL (after setseed), priorities and categories in turn.
MAKE_REPORTS = """
INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon, status,
                     priority, reported_at, created_at, due_at, closed_at)
SELECT 'app', 'bench-map-' || g, 'warga' || (g % 5000), x.body, c.codes[1 + (g % c.n)],
       -6.36 + x.a * 0.27, 106.69 + x.b * 0.28, x.status,
       (ARRAY[0, 1, 1, 1, 2, 2, 3])[1 + (g % 7)], now(), now() - make_interval(secs => :n - g),
       CASE WHEN x.late < 0.12 THEN now() - interval '1 hour' END,
       CASE WHEN NOT qlue_report_is_open(x.status) THEN now() END
  FROM generate_series(1, :n) g
 CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes, count(*)::int AS n
               FROM categories) c
 CROSS JOIN LATERAL (
       SELECT random() AS a, random() AS b, random() AS late,
              (CAST(:statuses AS text[]))[1 + floor(random() * :n_statuses)::int] AS status,
              (SELECT string_agg((CAST(:words AS text[]))[1 + floor(random() * :n_words)::int],
                                 ' ')
                 FROM generate_series(1, 8 + (g % 23))) AS body
        WHERE g > 0) x
"""


def make_database(url: str | None) -> tuple[Engine, Path | None]:
    """The database the reports go in: ``url``, or a new embedded server in a temporary folder
    (returned, so that it is stopped and removed at the end); migrated, reference data seeded."""
    folder = None
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="bench_map_"))
        url = start_embedded(folder, database="bench_map")
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM categories")).scalar_one() == 0:
            seed_reference(conn)
    return engine, folder


def make_reports(engine: Engine, n: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("SELECT setseed(0.7)"))
        conn.execute(
            text(MAKE_REPORTS),
            {
                "n": n,
                "statuses": STATUSES,
                "n_statuses": len(STATUSES),
                "words": WORDS,
                "n_words": len(WORDS),
            },
        )
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE reports"))


def all_markers(engine: Engine, limit: int) -> PreparedMarkers:
    """Every report as the console prepares a marker set (a worker's part of a filter change)."""
    found = fetch_encoded_markers(
        engine, EVERY_STATE, language="id", label_of=MAP_LABELS, label_order=STATES, limit=limit
    )
    return prepare_encoded(found.titles, found.rows)


def live_changes(engine: Engine, ids: list[int]) -> tuple[PreparedMarkers, list[int]]:
    """The live path: the map's statement narrowed to the changed reports."""
    changes = fetch_marker_changes(
        engine, EVERY_STATE, ids, language="id", label_of=MAP_LABELS, label_order=STATES
    )
    return prepare_encoded(changes.markers.titles, changes.markers.rows), changes.gone


def change_reports(engine: Engine, rnd: random.Random, ids: list[int], *, move: bool) -> None:
    """Other consoles at work: the reports get another state, priority and due time (and, with
    ``move``, another place)."""
    with engine.begin() as conn:
        conn.execute(
            text("""
            UPDATE reports SET status = :status, priority = :priority,
                   due_at = CASE WHEN :overdue THEN now() - interval '1 hour' END,
                   lat = CASE WHEN :move THEN :lat ELSE lat END,
                   lon = CASE WHEN :move THEN :lon ELSE lon END
             WHERE id = :id"""),
            [
                {
                    "id": i,
                    "status": rnd.choice(STATUSES[:9]),  # open: the report stays on the map
                    "priority": rnd.randint(0, 3),
                    "overdue": rnd.random() < 0.5,
                    "move": move,
                    "lat": rnd.uniform(-6.36, -6.09),
                    "lon": rnd.uniform(106.69, 106.97),
                }
                for i in ids
            ],
        )


def new_report(engine: Engine, rnd: random.Random, key: str) -> int:
    with engine.begin() as conn:
        return conn.execute(
            text("""
            INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat,
                                 lon, status, priority, reported_at)
            VALUES ('app', :key, 'warga', 'air naik', 'banjir', :lat, :lon, 'new', :priority,
                    now()) RETURNING id"""),
            {
                "key": key,
                "lat": rnd.uniform(-6.36, -6.09),
                "lon": rnd.uniform(106.69, 106.97),
                "priority": rnd.randint(0, 3),
            },
        ).scalar_one()


def move_all(engine: Engine, seed: float) -> None:
    """Every report somewhere else (a replacement that changes everything)."""
    with engine.begin() as conn:
        conn.execute(text("SELECT setseed(:s)"), {"s": seed})
        conn.execute(
            text("UPDATE reports SET lat = -6.36 + random() * 0.27, lon = 106.69 + random() * 0.28")
        )


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
  var m = QlueMap.map, layers = [], f = QlueMap.fields;
  var lat = f.indexOf('lat'), lon = f.indexOf('lon'), title = f.indexOf('title');
  for (var i = 0; i < data.rows.length; i++) {
    var r = data.rows[i];
    var mk = L.marker([r[lat], r[lon]], {title: data.titles[r[title]]});
    mk.addTo(m);
    layers.push(mk);
  }
  window.__naive = layers;
  requestAnimationFrame(function () { setTimeout(function () {
    QlueMap.bridge.markersApplied(-1, layers.length, performance.now() - t0);
  }, 0); });
})(%s);
"""


def timed_upsert(view: MapView, engine: Engine, ids: list[int]) -> tuple[float, float]:
    """(seconds of the database's answer, seconds from upsert to drawn) for changed reports."""
    t0 = time.perf_counter()
    markers, gone = live_changes(engine, ids)
    asked = time.perf_counter() - t0
    view.upsert_markers(markers)
    view.remove_markers(gone)
    wait_for(view.markers_drawn)
    timing = view.last_update_timing()
    assert timing is not None
    return asked, timing[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markers", type=int, default=50_000)
    parser.add_argument("--upserts", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3, help="full draws of our map")
    parser.add_argument("--database-url", help="default: an embedded server of its own")
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

    engine, folder = make_database(args.database_url)
    try:
        run(args, engine)
    finally:
        engine.dispose()
        if folder is not None:
            leave_embedded(folder)
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, engine: Engine) -> None:
    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841
    boundaries = (
        json.loads(args.boundaries.read_text(encoding="utf-8")) if args.boundaries else None
    )
    t0 = time.perf_counter()
    make_reports(engine, args.markers)
    made_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    data = all_markers(engine, args.markers)
    fetch_s = time.perf_counter() - t0
    n = len(data)
    ids = sorted(data.by_id)
    print(
        f"{n:,} markers, {len(boundaries['features']) if boundaries else 0} kelurahan; "
        f"batch JSON {len(data.batch_json) / 1e6:.1f} MB; reports made in {made_s:.1f} s, "
        f"read and encoded by PostgreSQL and prepared in {fetch_s * 1000:.0f} ms"
    )

    # -- ours ------------------------------------------------------------------------------
    view = new_view(boundaries)
    draws = []
    for _ in range(args.repeat):
        view.set_markers(all_markers(engine, args.markers))
        wait_for(view.markers_drawn, until=lambda c: c == n)
        draws.append(view.last_update_timing())
    draw_s = statistics.median(d[0] for d in draws)
    print(
        f"ours   set_markers({n:,}) → drawn: median {draw_s * 1000:.0f} ms "
        f"(in the page {statistics.median(d[1] for d in draws):.0f} ms; runs "
        + ", ".join(f"{d[0] * 1000:.0f}" for d in draws)
        + " ms)"
    )

    rnd = random.Random(11)
    ups, asks = [], []
    for i in range(args.upserts):
        if i % 2:
            report = rnd.choice(ids)
            change_reports(engine, rnd, [report], move=True)
        else:
            report = new_report(engine, rnd, f"bench-map-new-{i}")
        asked, up = timed_upsert(view, engine, [report])
        asks.append(asked)
        ups.append(up)
    up_ms = statistics.median(ups) * 1000
    up_p95 = sorted(ups)[int(0.95 * (len(ups) - 1))] * 1000
    print(
        f"ours   one in-place update with {view.marker_count():,} on the map: upsert → drawn "
        f"median {up_ms:.1f} ms, p95 {up_p95:.1f} ms; the live question before it median "
        f"{statistics.median(asks) * 1000:.1f} ms ({len(ups)} updates, half new, half moved)"
    )

    # -- ours: empty map vs replacing N, QtWebEngine's CPU per update ------------------------
    empty, replace = [], []
    limit = args.markers + args.upserts  # the reports made, and the ones added since
    for i in range(args.repeat):
        view.set_markers(prepare_encoded([], []))
        wait_for(view.markers_drawn, until=lambda c: c == 0)
        full = all_markers(engine, limit)
        view.set_markers(full)
        wait_for(view.markers_drawn, until=lambda c, full=full: c == len(full))
        empty.append(view.last_update_timing()[0])
        move_all(engine, 0.1 + i / 10)
        full = all_markers(engine, limit)
        view.set_markers(full)
        wait_for(view.markers_drawn, until=lambda c, full=full: c == len(full))
        replace.append(view.last_update_timing()[0])
    print(
        f"ours   set_markers on an empty map: median {statistics.median(empty) * 1000:.0f} ms, "
        f"max {max(empty) * 1000:.0f} ms; replacing {view.marker_count():,} existing (all "
        f"moved): median {statistics.median(replace) * 1000:.0f} ms, "
        f"max {max(replace) * 1000:.0f} ms"
    )
    ids = sorted(view.report_ids())
    pump(1.0)
    cpu0 = engine_cpu()
    for _ in range(args.upserts):
        report = rnd.choice(ids)
        change_reports(engine, rnd, [report], move=True)
        timed_upsert(view, engine, [report])
    print(
        "ours   per in-place update: "
        + cpu_text(cpu_delta(cpu0, engine_cpu()), args.upserts, "per update")
    )
    if args.live_seconds > 0:
        pump(1.0)
        cpu0, t0, batches, seen = engine_cpu(), time.perf_counter(), 0, []
        view.markers_drawn.connect(seen.append)
        while time.perf_counter() - t0 < args.live_seconds:
            batch = rnd.sample(ids, args.live_batch)
            change_reports(engine, rnd, batch, move=False)
            markers, gone = live_changes(engine, batch)
            view.upsert_markers(markers)
            view.remove_markers(gone)
            batches += 1
            pump(0.4)
        while len(seen) < batches and time.perf_counter() - t0 < args.live_seconds + 30:
            pump(0.05)  # every batch drawn before the next measurement
        spent = time.perf_counter() - t0
        view.markers_drawn.disconnect(seen.append)
        print(
            f"ours   live-like: {batches} batches of {args.live_batch} updates in {spent:.1f} s "
            f"with {view.marker_count():,} markers (the database's part included): "
            + cpu_text(cpu_delta(cpu0, engine_cpu()), spent, "per second")
        )

    # -- baseline: rebuild the page for a new report ---------------------------------------
    t0 = time.perf_counter()
    shown = view.marker_count()
    write_page(view.page_file().parent, build_page(boundaries=boundaries) + "<!-- rebuilt -->")
    view.view.reload()
    wait_for(view.markers_drawn, until=lambda c: c == shown)
    rebuild_s = time.perf_counter() - t0
    print(
        f"naive  new report = folium re-render + reload + all markers again: "
        f"{rebuild_s * 1000:.0f} ms → the in-place update is {rebuild_s * 1000 / up_ms:.0f}× faster"
    )
    view.close()

    # -- baseline: one DOM marker per report, added one by one -----------------------------
    naive_s = None
    if not args.skip_naive:
        naive_view = new_view(boundaries)
        t0 = time.perf_counter()
        batch = all_markers(engine, args.markers).batch_json
        naive_view.view.page().runJavaScript(NAIVE % batch, 0, lambda _r: None)
        wait_for(naive_view.markers_drawn, timeout_s=600, until=lambda c: c == n)
        naive_s = time.perf_counter() - t0
        print(
            f"naive  {n:,} L.marker (DOM icons) added one by one: {naive_s * 1000:.0f} ms "
            f"→ ours is {naive_s / draw_s:.1f}× faster"
        )
        naive_view.close()

    ok_draw, ok_up = draw_s < 0.5, up_ms < 50.0
    print(
        f"targets: {n:,} drawn < 0.5 s {'met' if ok_draw else 'MISSED'} ({draw_s:.2f} s), "
        f"in-place update < 50 ms {'met' if ok_up else 'MISSED'} ({up_ms:.1f} ms)"
    )


if __name__ == "__main__":
    main()
