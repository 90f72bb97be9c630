"""Benchmark of revision 0030 on a city-sized database: what deciding recurrence and the
chronic spot adds to ``submit_report``, and the chronic-spot layer of the whole city.

1. Submit. Reports are submitted through the contract (``contract.submit_report``) at the
   positions of existing reports (half of them of reports verified in the last 30 days, so a
   closed fix is usually near: the rule's worst case), each in its own transaction, rolled back
   so the database stays as it was. In alternate blocks of 50 with the rule's trigger on and
   off (``ALTER TABLE events DISABLE TRIGGER events_recurrence``, committed before the block,
   enabled again at the end; a few untimed submissions after each switch): the baseline is the
   same submissions without the rule, in the same run.
2. Layer. ``data.recurrences.fetch_chronic_spots`` for the whole city (what the map's layer and
   the "Chronic spots" list read), against the simple way without revision 0030's kept spots:
   for every report of the last 8 weeks, its neighbours of the same category within 100 m
   (the same GiST index), those with at least 4 counted as spot centres.

    python bench/bench_recurrence.py --database-url URL [--submits 400] [--layer-runs 10]

Targets (issue #15): the rule adds < 2 ms p95 to submit_report on the 1M-report database; the
chronic-spot layer of the whole city in < 1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from qlue_console.data.recurrences import fetch_chronic_spots  # noqa: E402
from qlue_console.db import contract  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402

NAIVE_SPOTS = """
SELECT count(*) FROM (
    SELECT r.id
      FROM reports r
      JOIN LATERAL (SELECT count(*) AS n FROM reports o
                     WHERE point(o.lon, o.lat) <@ qlue_box_around(r.lat, r.lon, 100)
                       AND o.category_code = r.category_code
                       AND o.reported_at >= now() - interval '8 weeks'
                       AND o.status NOT IN ('rejected', 'duplicate')
                       AND qlue_distance_m(r.lat, r.lon, o.lat, o.lon) <= 100) c ON true
     WHERE r.reported_at >= now() - interval '8 weeks'
       AND r.status NOT IN ('rejected', 'duplicate') AND c.n >= 4) x
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def line(name: str, values: list[float]) -> str:
    return (
        f"  {name:<34} p50 {statistics.median(values):7.2f} ms   p95 {pct(values, 95):7.2f} ms"
        f"   max {max(values):8.2f} ms   (n={len(values)})"
    )


PLACES = {
    "at a fix closed in the last 30 days": (
        "SELECT lat, lon, category_code FROM reports WHERE status = 'verified'"
        " AND closed_at > now() - interval '30 days' ORDER BY random() LIMIT :n"
    ),
    "anywhere (positions of random reports)": (
        "SELECT lat, lon, category_code FROM reports ORDER BY random() LIMIT :n"
    ),
}


BLOCK = 50  # submissions per block between switches of the rule's trigger


def _set_rule(engine, on: bool) -> None:
    """Switches the rule's trigger for the blocks that follow (committed, so the submissions
    of a block run on plans made for it; the switch's invalidation falls on the warm-up)."""
    with engine.begin() as conn:
        state = "ENABLE" if on else "DISABLE"
        conn.execute(text(f"ALTER TABLE events {state} TRIGGER events_recurrence"))


def _submit(engine, lat: float, lon: float, category: str, external_id: str, count: bool):
    with engine.connect() as conn:
        tx = conn.begin()
        started = time.perf_counter()
        report_id = contract.submit_report(
            conn,
            channel="app",
            external_id=external_id,
            citizen="warga_bench",
            text_="Saluran tersumbat lagi, air meluap ke jalan",
            category=category,
            lat=lat,
            lon=lon,
        )
        took = (time.perf_counter() - started) * 1000
        found = 0
        if count:
            found = conn.execute(
                text("SELECT count(*) FROM recurrences WHERE report_id = :r"), {"r": report_id}
            ).scalar_one()
        tx.rollback()
    return took, found


def _submit_times(engine, places, rng: random.Random, tag: str):
    """Blocks of ``BLOCK`` submissions, alternately with the rule and without it, each block
    after a few untimed submissions at other places (warm-up after the switch); the same
    positions both ways."""
    times: dict[bool, list[float]] = {True: [], False: []}
    found = 0
    jittered = [
        (lat + rng.uniform(-0.0002, 0.0002), lon + rng.uniform(-0.0002, 0.0002), category)
        for lat, lon, category in places
    ]
    try:
        for b in range(0, len(jittered), BLOCK):
            block = jittered[b : b + BLOCK]
            for rule in (True, False) if (b // BLOCK) % 2 else (False, True):
                _set_rule(engine, rule)
                for w, (lat, lon, category) in enumerate(block[:5]):
                    _submit(engine, lat + 0.001, lon, category, f"bench-warm-{tag}-{b}-{w}", False)
                for i, (lat, lon, category) in enumerate(block, start=b):
                    took, hit = _submit(
                        engine, lat, lon, category, f"bench-recurrence-{tag}-{i}-{rule}", rule
                    )
                    times[rule].append(took)
                    found += hit
    finally:
        _set_rule(engine, True)
    return times, found


def bench_submits(engine, n: int, rng: random.Random) -> None:
    print(f"submit_report, {n} submissions each way per set (each rolled back):")
    for k, (name, sql) in enumerate(PLACES.items()):
        with engine.connect() as conn:
            places = conn.execute(text(sql), {"n": n}).all()
        times, found = _submit_times(engine, places, rng, str(k))
        on, off = times[True], times[False]
        print(f" {name}: {found} of {len(places)} were recurrences")
        print(line("with the rule (0030)", on))
        print(line("baseline: the rule's trigger off", off))
        added = pct(on, 95) - pct(off, 95)
        print(
            f"  added at p95: {added:.2f} ms (target < 2 ms: {'met' if added < 2 else 'MISSED'});"
            f" added at p50: {statistics.median(on) - statistics.median(off):.2f} ms"
        )


def bench_layer(engine, runs: int) -> None:
    ours, naive = [], []
    spots = []
    for _ in range(runs):
        started = time.perf_counter()
        spots = fetch_chronic_spots(engine)
        ours.append((time.perf_counter() - started) * 1000)
    with engine.connect() as conn:
        started = time.perf_counter()
        centres = conn.execute(text(NAIVE_SPOTS)).scalar_one()
        naive.append((time.perf_counter() - started) * 1000)
    print(f"chronic spots of the whole city: {len(spots)} spots")
    print(line("fetch_chronic_spots (kept spots)", ours))
    print(line(f"baseline: neighbours counted ({centres} centres)", naive))
    print(
        f"  ratio {statistics.median(naive) / statistics.median(ours):.0f}x;"
        f" target < 1 s: {'met' if pct(ours, 95) < 1000 else 'MISSED'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--submits", type=int, default=400)
    parser.add_argument("--layer-runs", type=int, default=10)
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    print(f"reports in the database: {total:,}")
    bench_submits(engine, args.submits, random.Random(15))
    bench_layer(engine, args.layer_runs)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
