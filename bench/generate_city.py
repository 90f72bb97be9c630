"""Fills a database with a city's volume for the benchmarks: N reports (default 1,000,000)
spread over Jakarta's kelurahan and the last D days (default 730), with their 'created'
events, report photos (metadata rows), and a realistic mix of states.

Everything is generated inside PostgreSQL with INSERT … SELECT over generate_series (no
round trips), in batches, so a million reports take minutes, not hours.

    python bench/generate_city.py --reports 1000000 [--database-url URL | --data-dir DIR]

Without a URL it creates (or reuses) the database ``qlue_bench`` on an embedded server in
``--data-dir`` (default: ./.bench-data).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.db.embedded import start_embedded
from qlue_console.db.engine import make_engine
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.reference import seed_reference

BATCH = 100_000

INSERT_REPORTS = """
WITH kel AS (
    SELECT row_number() OVER (ORDER BY k.code) - 1 AS n, k.code, k.parent_code AS kec,
           kc.parent_code AS kota, k.centroid_lat AS lat, k.centroid_lon AS lon
      FROM areas k JOIN areas kc ON kc.code = k.parent_code WHERE k.level = 'kelurahan'),
cats AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM categories),
g AS (
    SELECT i, hashint8(i) AS h1, hashint8(i + 7919) AS h2, hashint8(i + 104729) AS h3
      FROM generate_series(CAST(:start AS bigint), CAST(:stop AS bigint)) AS i)
INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                     kelurahan_code, kecamatan_code, kota_code, status, priority, reported_at,
                     created_at, updated_at, triaged_at, dispatched_at, followed_up_at, closed_at,
                     due_at)
SELECT (ARRAY['app','app','app','social','web','sms','call_center'])[1 + abs(g.h1) % 7],
       'bench-' || g.i, 'warga' || (abs(g.h2) % 200000),
       (ARRAY['Sampah menumpuk di pinggir jalan', 'Saluran air tersumbat sampah daun',
              'Jalan berlubang besar', 'Genangan air setinggi betis', 'Parkir liar di trotoar',
              'Angkot ngetem di tikungan', 'Pohon tumbang menutup jalan',
              'PKL berjualan di trotoar', 'Lampu jalan mati sejak seminggu',
              'Halte rusak atapnya bocor'])[1 + abs(g.h3) % 10]
         || ' dekat RT ' || (abs(g.h1) % 15 + 1),
       cats.code,
       kel.lat + ((abs(g.h2) % 2001) - 1000) * 0.000003,
       kel.lon + ((abs(g.h3) % 2001) - 1000) * 0.000003,
       kel.code, kel.kec, kel.kota,
       CASE WHEN t.age_days > 14
            THEN (ARRAY['verified','verified','verified','verified','verified','verified',
                        'rejected','duplicate','verified','followed_up'])[1 + abs(g.h3) % 10]
            ELSE (ARRAY['new','triaged','dispatched','dispatched','followed_up','verified',
                        'coordination','reopened','rejected','new'])[1 + abs(g.h3) % 10] END,
       (ARRAY[1,1,1,1,0,2,2,3])[1 + abs(g.h1) % 8],
       t.created, t.created, t.created, t.created + interval '20 minutes',
       t.created + interval '1 hour', t.created + interval '20 hours',
       t.created + interval '2 days', t.created + interval '1 day'
  FROM g
  JOIN kel ON kel.n = abs(g.h1) % 267
  JOIN cats ON cats.n = abs(g.h2) % (SELECT count(*) FROM categories)
  CROSS JOIN LATERAL (SELECT now() - make_interval(secs => (abs(g.h1) % (:days * 86400)))
                               AS created,
                             (abs(g.h1) % (:days * 86400)) / 86400.0 AS age_days) t
"""

FIX_CLOSED = """
UPDATE reports SET closed_at = NULL
 WHERE external_id LIKE 'bench-%' AND status NOT IN ('verified', 'rejected', 'duplicate')
   AND id BETWEEN :lo AND :hi
"""

INSERT_EVENTS = """
INSERT INTO events (report_id, at, actor, kind, payload)
SELECT id, created_at, channel || ':' || citizen_handle, 'created', '{}'::jsonb
  FROM reports WHERE id BETWEEN :lo AND :hi
"""

INSERT_PHOTOS = """
INSERT INTO photos (report_id, kind, url, mime, sha256, phash, width, height, created_at)
SELECT id, 'report', 'bench://photo/' || id, 'image/jpeg', md5(id::text), hashint8(id * 31),
       640, 480, created_at
  FROM reports WHERE id BETWEEN :lo AND :hi
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--database-url")
    parser.add_argument("--data-dir", type=Path, default=Path(".bench-data"))
    args = parser.parse_args()
    url = args.database_url or start_embedded(args.data_dir.resolve(), database="qlue_bench")
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
        existing = conn.execute(
            text("SELECT count(*) FROM reports WHERE external_id LIKE 'bench-%'")
        ).scalar_one()
    started = time.perf_counter()
    for start in range(existing, args.reports, BATCH):
        stop = min(args.reports, start + BATCH) - 1
        with engine.begin() as conn:
            lo = conn.execute(text("SELECT coalesce(max(id), 0) + 1 FROM reports")).scalar_one()
            conn.execute(text(INSERT_REPORTS), {"start": start, "stop": stop, "days": args.days})
            hi = conn.execute(text("SELECT max(id) FROM reports")).scalar_one()
            for sql in (FIX_CLOSED, INSERT_EVENTS, INSERT_PHOTOS):
                conn.execute(text(sql), {"lo": lo, "hi": hi})
        print(f"{stop + 1:>9} reports  {time.perf_counter() - started:6.1f} s", flush=True)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    print(f"done: {total} reports in the database, {time.perf_counter() - started:.1f} s")
    print(f"url: {url}")


if __name__ == "__main__":
    main()
