"""Weekly KPI benchmark: one week's KPIs per grouping, and a full XLSX + PDF export, on a
city-size database with every report's history of events.

    python bench/bench_kpis.py [--reports 1000000] [--weeks 26]
                               [--database-url URL | --data-dir DIR]

Without a URL it creates (or reuses) the database ``qlue_kpi_bench`` on an embedded server in
``--data-dir`` (default ./.bench-data-kpis), filled by bench/generate_city.py's generator over
the last W weeks: each report gets its created, triage, dispatch, forwards, follow-ups with
proof photos, proof decisions, reopenings, mentions and follow-up rows, with a realistic mix
(4 % rejected, 5 % duplicates, 6 % passed on, 3 % never answered, 8 % proof rejected once,
3 % reopened by the citizen, 1 % proof photo reused), and the reports' status and closed_at
as the functions would have left them (bench/city_sql.py).

Targets (issue 6): each grouping's KPIs for the last complete week under 2 s; the full XLSX +
PDF export under 10 s. The baseline, measured in the same run, is the naive way: for each
group, fetch its reports' events to Python and count there (only received, dispatched,
followed up and the median response time — a subset of the KPIs, so the ratio flatters it).

The KPIs read the pre-aggregation of revision 0005 (kpi_report_facts, kpi_state_spans); the
generator loads with the event triggers off and rebuilds it once at the end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate_city import generate  # noqa: E402

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.reports.kpis import GROUPINGS, fetch_weekly_kpis  # noqa: E402
from qlue_console.reports.weeks import last_complete_week  # noqa: E402

# -- the naive baseline ------------------------------------------------------------------------
NAIVE_EVENTS = """
SELECT ev.report_id, ev.kind, ev.at, r.kelurahan_code, r.kecamatan_code, r.kota_code, c.agency_code
  FROM events ev JOIN reports r ON r.id = ev.report_id JOIN categories c ON c.code = r.category_code
 WHERE ev.report_id IN (SELECT report_id FROM events WHERE at >= :s AND at < :e) AND ev.at < :e
   AND CASE :grouping WHEN 'agency' THEN c.agency_code WHEN 'kota' THEN r.kota_code
                      WHEN 'kecamatan' THEN r.kecamatan_code ELSE r.kelurahan_code END = :key
"""


def naive_week(engine, week, grouping: str) -> dict[str, tuple[int, int, int, float | None]]:
    """The way a first version would do it: for each group, fetch its reports' events and count
    in Python (received, dispatched, followed up, median response) — a subset of the KPIs."""
    with engine.connect() as conn:
        if grouping == "agency":
            keys = [r[0] for r in conn.execute(text("SELECT code FROM agencies"))]
        else:
            keys = [
                r[0]
                for r in conn.execute(
                    text("SELECT code FROM areas WHERE level = :l"), {"l": grouping}
                )
            ]
        out = {}
        for key in keys:
            events = defaultdict(list)
            for rid, kind, at, *_ in conn.execute(
                text(NAIVE_EVENTS),
                {"s": week.start, "e": week.end, "grouping": grouping, "key": key},
            ):
                events[rid].append((at, kind))
            received = dispatched = followed = 0
            response = []
            for items in events.values():
                items.sort()
                first: dict[str, datetime] = {}
                for at, kind in items:
                    first.setdefault(kind, at)
                if week.start <= first.get("created", week.end) < week.end:
                    received += 1
                if "dispatched" in first and first["dispatched"] >= week.start:
                    dispatched += 1
                if "follow_up" in first and first["follow_up"] >= week.start:
                    followed += 1
                    response.append(
                        (
                            first["follow_up"] - first.get("dispatched", first["created"])
                        ).total_seconds()
                        / 3600
                    )
            out[key] = (
                received,
                dispatched,
                followed,
                statistics.median(response) if response else None,
            )
    return out


def timed(fn, *args, repeat: int = 3, **kwargs):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument(
        "--weeks", type=int, default=26, help="spread the reports over the last W weeks"
    )
    parser.add_argument("--database-url")
    parser.add_argument("--data-dir", type=Path, default=Path(".bench-data-kpis"))
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()

    url = args.database_url or start_embedded(args.data_dir.resolve(), database="qlue_kpi_bench")
    engine = make_engine(url, pool_size=2)
    migrate.upgrade(engine)
    generate(engine, args.reports, args.weeks * 7)
    if args.generate_only:
        return
    with engine.connect() as conn:
        n_reports = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
        n_events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        shared_buffers = conn.execute(text("SHOW shared_buffers")).scalar_one()
    week = last_complete_week()
    print(
        f"database: {n_reports:,} reports, {n_events:,} events; week {week}; "
        f"shared_buffers {shared_buffers}"
    )

    from qlue_console.reports.export_pdf import write_pdf
    from qlue_console.reports.export_xlsx import write_xlsx
    from qlue_console.reports.service import build_report

    print(f"{'grouping':<10} {'groups':>6} {'KPIs (s)':>9} {'baseline (s)':>13} {'ratio':>7}")
    for grouping in GROUPINGS:
        seconds, kpis = timed(fetch_weekly_kpis, engine, week, (grouping,), charts=False)
        groups = len(kpis.groups[grouping])
        if args.no_baseline or grouping == "official":
            print(f"{grouping:<10} {groups:>6} {seconds:>9.2f} {'-':>13} {'-':>7}")
            continue
        base_s, naive = timed(naive_week, engine, week, grouping, repeat=1)
        by_key = {r.key: r for r in kpis.groups[grouping]}
        agree = all(by_key[k].dispatched == v[1] for k, v in naive.items() if k in by_key)
        print(
            f"{grouping:<10} {groups:>6} {seconds:>9.2f} {base_s:>13.2f} {base_s / seconds:>6.1f}x"
            + ("" if agree else "  (baseline disagrees on dispatched!)")
        )
    seconds, _ = timed(fetch_weekly_kpis, engine, week, GROUPINGS)
    print(f"all five groupings and the charts in one statement: {seconds:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = build_report(engine, week, GROUPINGS, "agency")
        t1 = time.perf_counter()
        write_xlsx(report, Path(tmp) / "week.xlsx", "id")
        t2 = time.perf_counter()
        write_pdf(report, Path(tmp) / "week.pdf", "id")
        t3 = time.perf_counter()
    print(
        f"full export: KPIs of this and last week {t1 - t0:.2f} s + XLSX {t2 - t1:.2f} s "
        f"+ PDF {t3 - t2:.2f} s "
        f"= {t3 - t0:.2f} s (target < 10 s)"
    )


if __name__ == "__main__":
    main()
