"""Weekly KPI benchmark: one week's KPIs per grouping, and a full XLSX + PDF export, on a
city-size database with every report's history of events.

    python bench/bench_kpis.py [--reports 1000000] [--weeks 26]
                               [--database-url URL | --data-dir DIR]

Without a URL it creates (or reuses) the database ``qlue_kpi_bench`` on an embedded server in
``--data-dir`` (default ./.bench-data-kpis). The generator works inside PostgreSQL (INSERT …
SELECT over generate_series, in batches): each report gets its created, triage, dispatch,
forwards, follow-ups with proof photos, proof decisions, reopenings, mentions and follow-up
rows, with a realistic mix (4 % rejected, 5 % duplicates, 6 % passed on, 3 % never answered,
8 % proof rejected once, 3 % reopened by the citizen, 1 % proof photo reused), and the
reports' status and closed_at as the functions would have left them.

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.reports.kpis import GROUPINGS, fetch_weekly_kpis  # noqa: E402
from qlue_console.reports.weeks import last_complete_week  # noqa: E402
from qlue_console.seed.demo_people import seed_people  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402

BATCH = 100_000

INSERT_REPORTS = """
WITH kel AS (
    SELECT row_number() OVER (ORDER BY k.code) - 1 AS n, k.code, k.parent_code AS kec,
           kc.parent_code AS kota,
           k.centroid_lat AS lat, k.centroid_lon AS lon
      FROM areas k JOIN areas kc ON kc.code = k.parent_code WHERE k.level = 'kelurahan'),
cats AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM categories),
g AS (SELECT i, abs(hashint8(i)) AS h1, abs(hashint8(i + 7919)) AS h2
        FROM generate_series(CAST(:start AS bigint), CAST(:stop AS bigint)) AS i)
INSERT INTO reports (id, channel, external_id, citizen_handle, text, category_code, lat, lon,
                     kelurahan_code, kecamatan_code, kota_code, status, priority, reported_at,
                     created_at, updated_at)
SELECT g.i, 'app', 'kpi-' || g.i, 'warga' || (g.h2 % 200000), 'Laporan warga nomor ' || g.i,
       cats.code,
       kel.lat, kel.lon, kel.code, kel.kec, kel.kota, 'new', 1, t.created, t.created, t.created
  FROM g
  JOIN kel ON kel.n = g.h1 % 267
  JOIN cats ON cats.n = g.h2 % (SELECT count(*) FROM categories)
  CROSS JOIN LATERAL (SELECT now() - make_interval(secs => (g.h1 % (:days * 86400))) AS created) t
"""

PLAN = """
CREATE TEMP TABLE plan ON COMMIT DROP AS
WITH base AS (
    SELECT r.id, r.created_at AS created, c.sla_hours, lurah.id AS lurah, camat.id AS camat,
           abs(hashint8(r.id * 3 + 1)) % 100 AS s, abs(hashint8(r.id * 5 + 2)) AS u
      FROM reports r
      JOIN categories c ON c.code = r.category_code
      JOIN accounts lurah ON lurah.kind = 'lurah' AND lurah.area_code = r.kelurahan_code
      JOIN accounts camat ON camat.kind = 'camat' AND camat.area_code = r.kecamatan_code
     WHERE r.id BETWEEN :start AND :stop),
t1 AS (
    SELECT base.*,
           CASE WHEN s < 4 THEN created + make_interval(mins => (10 + u % 50)::int)
           END AS rejected_at,
           CASE WHEN s BETWEEN 4 AND 8 AND id > 1
                THEN created + make_interval(mins => (10 + u % 50)::int)
           END AS merged_at,
           CASE WHEN s >= 9 THEN created + make_interval(mins => (5 + u % 115)::int) END AS triaged
      FROM base),
t2 AS (
    SELECT t1.*, triaged + make_interval(mins => (5 + (u / 7) % 55)::int) AS dispatched FROM t1),
t3 AS (
    SELECT t2.*,
           CASE WHEN s BETWEEN 9 AND 14
                THEN dispatched + make_interval(hours => (1 + (u / 11) % 8)::int)
           END AS fwd1
      FROM t2),
t4 AS (
    SELECT t3.*, CASE WHEN s IN (9, 10) THEN fwd1 + interval '3 hours' END AS fwd2 FROM t3),
t5 AS (
    SELECT t4.*,
           CASE WHEN s >= 9 AND s NOT BETWEEN 15 AND 17
                THEN coalesce(fwd2, fwd1, dispatched)
                     + make_interval(secs => (((u / 13) % 100) ^ 2 * 30)::int)
           END AS fu1
      FROM t4),
t6 AS (
    SELECT t5.*, CASE WHEN s BETWEEN 18 AND 25 THEN fu1 + interval '3 hours' END AS rej FROM t5),
t7 AS (
    SELECT t6.*, rej + interval '20 hours' AS fu2 FROM t6),
t8 AS (
    SELECT t7.*, coalesce(fu2, fu1) + make_interval(hours => (1 + (u / 17) % 30)::int) AS approved
      FROM t7),
t9 AS (
    SELECT t8.*, CASE WHEN s BETWEEN 26 AND 28 THEN approved + interval '2 days' END AS reopen
      FROM t8)
SELECT t9.*, reopen + interval '1 day' AS fu3, reopen + interval '28 hours' AS approved2 FROM t9
"""

# Everything after now() has not happened yet.
CLIP = """
UPDATE plan SET
    rejected_at = CASE WHEN rejected_at <= now() THEN rejected_at END,
    merged_at = CASE WHEN merged_at <= now() THEN merged_at END,
    triaged = CASE WHEN triaged <= now() THEN triaged END,
    dispatched = CASE WHEN dispatched <= now() THEN dispatched END,
    fwd1 = CASE WHEN fwd1 <= now() THEN fwd1 END,
    fwd2 = CASE WHEN fwd2 <= now() THEN fwd2 END,
    fu1 = CASE WHEN fu1 <= now() THEN fu1 END,
    rej = CASE WHEN rej <= now() THEN rej END,
    fu2 = CASE WHEN fu2 <= now() THEN fu2 END,
    approved = CASE WHEN approved <= now() THEN approved END,
    reopen = CASE WHEN reopen <= now() THEN reopen END,
    fu3 = CASE WHEN fu3 <= now() THEN fu3 END,
    approved2 = CASE WHEN approved2 <= now() THEN approved2 END
"""

INSERT_FOLLOW_UPS = """
INSERT INTO follow_ups (id, report_id, account_id, note, submitted_at, verification, verifier,
                        verified_at)
SELECT p.id * 3 + v.k, p.id, p.lurah, 'sudah ditangani', v.at, v.verdict,
       CASE WHEN v.verdict <> 'pending' THEN 'spv' END, v.decided
  FROM plan p CROSS JOIN LATERAL (VALUES
       (0, p.fu1, CASE WHEN p.rej IS NOT NULL THEN 'rejected'
                       WHEN p.approved IS NOT NULL AND p.fu2 IS NULL THEN 'approved'
                       ELSE 'pending' END,
        coalesce(p.rej, CASE WHEN p.fu2 IS NULL THEN p.approved END)),
       (1, p.fu2, CASE WHEN p.approved IS NOT NULL THEN 'approved' ELSE 'pending' END, p.approved),
       (2, p.fu3, CASE WHEN p.approved2 IS NOT NULL THEN 'approved' ELSE 'pending' END, p.approved2)
  ) v(k, at, verdict, decided)
 WHERE v.at IS NOT NULL
"""

INSERT_PHOTOS = """
INSERT INTO photos (id, report_id, follow_up_id, kind, mime, sha256, phash, width, height,
                    created_at)
SELECT f.id, f.report_id, f.id, 'proof', 'image/jpeg',
       encode(sha256(convert_to('proof-' || CASE WHEN p.s = 29 AND f.id = p.id * 3
                                                 THEN (p.id - 1) * 3 ELSE f.id END,
                                'UTF8')), 'hex'),
       (CAST(hashint8(f.id * 31 + 7) AS bigint) << 32)
           | (CAST(hashint8(f.id * 37 + 11) AS bigint) & 4294967295),
       1600, 1200, f.submitted_at
  FROM follow_ups f JOIN plan p ON p.id = f.report_id
"""

LINK_PHOTOS = "UPDATE follow_ups f SET photo_id = f.id FROM plan p WHERE p.id = f.report_id"

INSERT_EVENTS = """
INSERT INTO events (report_id, at, actor, kind, payload)
SELECT p.id, v.at, v.actor, v.kind, v.payload
  FROM plan p CROSS JOIN LATERAL (VALUES
       ('created', p.created, 'app:warga', '{}'::jsonb),
       ('rejected', p.rejected_at, 'operator', '{"reason": "spam"}'::jsonb),
       ('merged', p.merged_at, 'operator', jsonb_build_object('into', p.id - 1)),
       ('triaged', p.triaged, 'operator', '{}'::jsonb),
       ('dispatched', p.dispatched, 'operator', '{}'::jsonb),
       ('forwarded', p.fwd1, 'operator', '{}'::jsonb),
       ('forwarded', p.fwd2, 'operator', '{}'::jsonb),
       ('follow_up', p.fu1, 'lurah', jsonb_build_object('follow_up', p.id * 3, 'photo', p.id * 3)),
       ('proof_rejected', p.rej, 'spv',
        jsonb_build_object('follow_up', p.id * 3, 'reason', 'wrong_place')),
       ('follow_up', p.fu2, 'lurah',
        jsonb_build_object('follow_up', p.id * 3 + 1, 'photo', p.id * 3 + 1)),
       ('proof_approved', p.approved, 'spv',
        jsonb_build_object('follow_up', p.id * 3 + CASE WHEN p.fu2 IS NULL THEN 0 ELSE 1 END)),
       ('reopened', p.reopen, 'citizen:warga', '{"by": "citizen"}'::jsonb),
       ('follow_up', p.fu3, 'lurah',
        jsonb_build_object('follow_up', p.id * 3 + 2, 'photo', p.id * 3 + 2)),
       ('proof_approved', p.approved2, 'spv', jsonb_build_object('follow_up', p.id * 3 + 2))
  ) v(kind, at, actor, payload)
 WHERE v.at IS NOT NULL
 ORDER BY v.at
"""

INSERT_MENTIONS = """
INSERT INTO mentions (report_id, account_id, mentioned_at, due_at, resolved_at, state)
SELECT p.id, v.account, v.at, v.at + make_interval(hours => p.sla_hours), v.ended,
       CASE WHEN v.forwarded THEN 'forwarded' WHEN v.ended IS NOT NULL THEN 'resolved'
            WHEN p.rejected_at IS NOT NULL OR p.merged_at IS NOT NULL THEN 'closed' ELSE 'open' END
  FROM plan p CROSS JOIN LATERAL (VALUES
       (p.lurah, p.dispatched, coalesce(p.fwd1, p.fu1), p.fwd1 IS NOT NULL),
       (p.camat, p.fwd1, coalesce(p.fwd2, p.fu1), p.fwd2 IS NOT NULL),
       (p.lurah, p.fwd2, p.fu1, false),
       (p.lurah, p.reopen, p.fu3, false)
  ) v(account, at, ended, forwarded)
 WHERE v.at IS NOT NULL
"""

FINISH_REPORTS = """
UPDATE reports r SET
    status = x.status,
    closed_at = CASE x.status WHEN 'verified' THEN coalesce(p.approved2, p.approved)
                              WHEN 'rejected' THEN p.rejected_at
                              WHEN 'duplicate' THEN p.merged_at END,
    duplicate_of = CASE WHEN p.merged_at IS NOT NULL THEN p.id - 1 END,
    triaged_at = coalesce(p.triaged, p.rejected_at, p.merged_at),
    dispatched_at = p.dispatched,
    followed_up_at = coalesce(p.fu3, p.fu2, p.fu1),
    due_at = CASE WHEN p.dispatched IS NOT NULL
                  THEN p.dispatched + make_interval(hours => p.sla_hours) END
  FROM plan p CROSS JOIN LATERAL (SELECT CASE
        WHEN p.rejected_at IS NOT NULL THEN 'rejected'
        WHEN p.merged_at IS NOT NULL THEN 'duplicate'
        WHEN p.approved2 IS NOT NULL THEN 'verified'
        WHEN p.fu3 IS NOT NULL THEN 'followed_up'
        WHEN p.reopen IS NOT NULL THEN 'reopened'
        WHEN p.approved IS NOT NULL THEN 'verified'
        WHEN p.fu2 IS NOT NULL THEN 'followed_up'
        WHEN p.rej IS NOT NULL THEN 'reopened'
        WHEN p.fu1 IS NOT NULL THEN 'followed_up'
        WHEN p.fwd1 IS NOT NULL THEN 'coordination'
        WHEN p.dispatched IS NOT NULL THEN 'dispatched'
        WHEN p.triaged IS NOT NULL THEN 'triaged'
        ELSE 'new' END AS status) x
 WHERE r.id = p.id
"""


def generate(engine, reports: int, days: int) -> None:
    with engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    if have >= reports:
        print(f"database has {have:,} reports: reusing it")
        return
    started = time.perf_counter()
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
        conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        conn.execute(text("ALTER TABLE mentions DISABLE TRIGGER USER"))
    try:
        for start in range(have + 1, reports + 1, BATCH):
            stop = min(start + BATCH - 1, reports)
            params = {"start": start, "stop": stop}
            with engine.begin() as conn:
                conn.execute(text(INSERT_REPORTS), params | {"days": days})
                conn.execute(text(PLAN), params)
                conn.execute(text(CLIP))
                for sql in (
                    INSERT_FOLLOW_UPS,
                    INSERT_PHOTOS,
                    LINK_PHOTOS,
                    INSERT_EVENTS,
                    INSERT_MENTIONS,
                    FINISH_REPORTS,
                ):
                    conn.execute(text(sql))
            print(f"\r{stop:,} reports ({time.perf_counter() - started:.0f} s)", end="", flush=True)
        print()
    finally:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE events ENABLE TRIGGER USER"))
            conn.execute(text("ALTER TABLE mentions ENABLE TRIGGER USER"))
            conn.execute(text("SELECT qlue_kpi_rebuild()"))  # the triggers were off during the load
            for table, column in (("reports", "id"), ("follow_ups", "id"), ("photos", "id")):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                        f"(SELECT max({column}) FROM {table}))"
                    )
                )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    print(f"generated in {time.perf_counter() - started:.0f} s")


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
