"""Fills a database with a city's volume for the benchmarks: N reports (default 1,000,000)
spread over Jakarta's kelurahan and the last D days (default 730; ``--days 3650`` for ten
years), each with its whole history: the report's content (channel, text, category, a position
spread around its kelurahan's centroid, priority, external_id ``bench-N``) and photo (a
metadata row), triage, dispatch, forwards, mentions, follow-ups with proof photos (sha256 and
pHash), proof decisions, reopenings, and the status and times the functions would have left
(the plan is in bench/city_sql.py).

Everything is generated inside PostgreSQL with INSERT … SELECT over generate_series (no
round trips), in batches of 100,000; ``--jobs 2`` runs two batches at once on two
connections. The user triggers that keep derived tables are off during the load (see
city_sql.LOAD_TRIGGERS); at the end the database's own functions rebuild them once:
``qlue_recurrence_backfill`` decides recurrences for the reports of the last
``--recurrence-days`` days (default 90, as revision 0030's migration does: about 1 ms a report,
so all ten years of a 10,000,000 city would take hours; the chronic spots cover the rule's
weeks either way), then ``qlue_kpi_rebuild()`` the KPI pre-aggregation, then the triggers go
back on. Until then they stay off, so a run interrupted anywhere is finished by running it
again: it continues after the reports it finds and repeats the rebuild.

    python bench/generate_city.py --reports 1000000 [--days 730] [--jobs 2]
                                  [--database-url URL | --data-dir DIR]

Without a URL it creates (or reuses) the database ``qlue_bench`` on an embedded server in
``--data-dir`` (default: ./.bench-data).
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from city_sql import BATCH_STATEMENTS, CLIP, LOAD_TRIGGERS, PLAN  # noqa: E402

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.seed.demo_people import seed_people  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402

BATCH = 100_000

# The generated reports: bench-<id> (other benchmarks' reports are bench-map-…, bench-3-… etc.)
COUNT_CITY = "SELECT count(*) FROM reports WHERE external_id ~ '^bench-[0-9]+$'"

DISABLED = """
SELECT count(*) FROM pg_trigger
 WHERE tgrelid = CAST(:table AS regclass) AND tgname = ANY (:names) AND tgenabled = 'D'
"""


def _triggers(conn, enable: bool) -> None:
    for table, names in LOAD_TRIGGERS.items():
        for name in names:
            conn.execute(
                text(f"ALTER TABLE {table} {'ENABLE' if enable else 'DISABLE'} TRIGGER {name}")
            )


def _load_unfinished(conn) -> bool:
    """Whether a load left the triggers off (it stopped before the rebuild)."""
    return any(
        conn.execute(text(DISABLED), {"table": table, "names": list(names)}).scalar_one()
        for table, names in LOAD_TRIGGERS.items()
    )


def _batch(engine, start: int, stop: int, days: int) -> None:
    params = {"start": start, "stop": stop, "days": days}
    with engine.begin() as conn:
        conn.execute(text(PLAN), params)
        conn.execute(text(CLIP))
        for sql in BATCH_STATEMENTS:
            conn.execute(text(sql))


def _next_free_id(conn) -> int:
    """The first report id whose report, follow-up (3i+k) and photo (4i+k) ids are all free."""
    top_report, top_follow_up, top_photo = conn.execute(
        text(
            "SELECT (SELECT coalesce(max(id), 0) FROM reports),"
            " (SELECT coalesce(max(id), 0) FROM follow_ups),"
            " (SELECT coalesce(max(id), 0) FROM photos)"
        )
    ).one()
    return max(top_report + 1, top_follow_up // 3 + 1, top_photo // 4 + 1)


def _set_sequences(conn) -> None:
    for table in ("reports", "follow_ups", "photos"):
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"greatest((SELECT max(id) FROM {table}), 1))"
            )
        )


def generate(
    engine, reports: int, days: int = 730, jobs: int = 1, recurrence_days: int | None = 90
) -> dict[str, int] | None:
    """Brings the database to ``reports`` generated reports with their history (see the module
    docstring); None when it had them already and nothing was left to finish."""
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
    with engine.connect() as conn:
        have = conn.execute(text(COUNT_CITY)).scalar_one()
        unfinished = _load_unfinished(conn)
    if have >= reports and not unfinished:
        print(f"database has {have:,} generated reports: reusing it", flush=True)
        return None
    started = time.perf_counter()
    with engine.begin() as conn:
        _triggers(conn, enable=False)
        first = _next_free_id(conn)
    todo = max(0, reports - have)
    ranges = [
        (start, min(start + BATCH, first + todo) - 1) for start in range(first, first + todo, BATCH)
    ]
    if have:
        print(f"{have:,} generated reports found; {todo:,} to go", flush=True)
    done = have

    def run(bounds: tuple[int, int]) -> int:
        _batch(engine, bounds[0], bounds[1], days)
        return bounds[1] - bounds[0] + 1

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for n in pool.map(run, ranges):
            done += n
            print(f"{done:>11,} reports  {time.perf_counter() - started:8.1f} s", flush=True)
    with engine.begin() as conn:
        _set_sequences(conn)

    t0 = time.perf_counter()
    with engine.begin() as conn:
        since = (
            None
            if recurrence_days is None
            else conn.execute(
                text("SELECT now() - make_interval(days => :d)"), {"d": recurrence_days}
            ).scalar_one()
        )
        found = conn.execute(text("SELECT qlue_recurrence_backfill(:since)"), {"since": since})
        print(
            f"recurrences decided since {since or 'the beginning'}: {found.scalar_one():,}"
            f" ({time.perf_counter() - t0:.1f} s)",
            flush=True,
        )
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("SELECT qlue_kpi_rebuild()"))
        _triggers(conn, enable=True)
    print(f"KPI pre-aggregation rebuilt ({time.perf_counter() - t0:.1f} s)", flush=True)
    t0 = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    print(f"VACUUM ANALYZE ({time.perf_counter() - t0:.1f} s)", flush=True)
    with engine.connect() as conn:
        counts = {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in (
                "reports",
                "events",
                "mentions",
                "follow_ups",
                "photos",
                "recurrences",
                "chronic_spots",
            )
        }
    counts["seconds"] = round(time.perf_counter() - started)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=730, help="spread over the last D days")
    parser.add_argument("--jobs", type=int, default=1, help="batches at once (connections)")
    parser.add_argument(
        "--recurrence-days",
        type=int,
        default=90,
        help="decide recurrences for the reports of the last R days (0: all of them)",
    )
    parser.add_argument("--database-url")
    parser.add_argument("--data-dir", type=Path, default=Path(".bench-data"))
    args = parser.parse_args()
    url = args.database_url or start_embedded(args.data_dir.resolve(), database="qlue_bench")
    engine = make_engine(url, pool_size=max(2, args.jobs + 1))
    migrate.upgrade(engine)
    counts = generate(engine, args.reports, args.days, args.jobs, args.recurrence_days or None)
    if counts is not None:
        print("done: " + ", ".join(f"{v:,} {k}" for k, v in counts.items() if k != "seconds"))
        print(f"elapsed: {counts['seconds']:,} s")
    print(f"url: {url}")


if __name__ == "__main__":
    main()
