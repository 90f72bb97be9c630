"""Benchmark of kelurahan resolution (``qlue_resolve_kelurahan``), per position, against
revision 0001's function measured in the same run on the same positions.

The baseline is 0001's function text, run as a temporary function over a temporary copy of
the boundary parts in degrees (as 0001 stored them). Two sets of positions: report-like ones
(a kelurahan drawn by population-like weight, a point inside it) and positions spread evenly
over the mainland's bounding box (a third of them outside DKI, where snapping is decided).
Also counted: positions where the two functions disagree, and where 0001's fails.

    python bench/bench_resolve.py [--points 20000] [--repeat 3] [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.db.embedded import start_embedded
from qlue_console.db.engine import make_engine
from qlue_console.paths import alembic_dir
from qlue_console.seed.geo_sampling import random_point

RESOLVE = (
    "SELECT {fn}(lat, lon) FROM unnest(CAST(:lat AS float8[]), CAST(:lon AS float8[])) "
    "WITH ORDINALITY AS u(lat, lon, n) ORDER BY n"
)
CHUNK = 1000


def install_baseline(conn) -> None:
    """0001's function as pg_temp.old_resolve over pg_temp.old_area_parts (degrees)."""
    sql = (alembic_dir() / "sql" / "0001" / "functions.sql").read_text(encoding="utf-8")
    body = re.search(
        r"FUNCTION qlue_resolve_kelurahan\(.*?AS \$\$(.*?)\$\$;", sql, re.DOTALL
    ).group(1)
    conn.execute(
        text(
            "CREATE TEMP TABLE old_area_parts AS SELECT id, area_code, "
            "(SELECT polygon('(' || string_agg(format('(%s,%s)', m[1]::float8 / 1e6::float8, "
            "m[2]::float8 / 1e6::float8), ',' ORDER BY n) || ')') "
            "FROM regexp_matches(shape::text, '\\(([^(),]+),([^(),]+)\\)', 'g') "
            "WITH ORDINALITY AS v(m, n)) AS shape FROM area_parts"
        )
    )
    conn.execute(text("CREATE INDEX ON old_area_parts USING gist (shape)"))
    conn.execute(text("ANALYZE old_area_parts"))
    conn.execute(
        text(
            "CREATE FUNCTION pg_temp.old_resolve(p_lat double precision, p_lon double precision) "
            "RETURNS text LANGUAGE sql STABLE AS $body$"
            + body.replace("FROM area_parts", "FROM pg_temp.old_area_parts")
            + "$body$"
        )
    )


def resolve(
    conn, fn: str, lat: list[float], lon: list[float]
) -> tuple[list[str | None | Exception], float]:
    """Answers and seconds; a chunk that fails is retried position by position (not timed)."""
    answers: list = []
    seconds = 0.0
    for k in range(0, len(lat), CHUNK):
        params = {"lat": lat[k : k + CHUNK], "lon": lon[k : k + CHUNK]}
        savepoint = conn.begin_nested()
        try:
            start = time.perf_counter()
            answers.extend(conn.execute(text(RESOLVE.format(fn=fn)), params).scalars().all())
            seconds += time.perf_counter() - start
            savepoint.commit()
        except Exception:  # noqa: BLE001 - 0001's function fails on some positions
            savepoint.rollback()
            for la, lo in zip(params["lat"], params["lon"], strict=True):
                one = conn.begin_nested()
                try:
                    answers.append(
                        conn.execute(
                            text(f"SELECT {fn}(:la, :lo)"), {"la": la, "lo": lo}
                        ).scalar_one()
                    )
                    one.commit()
                except Exception as exc:  # noqa: BLE001
                    one.rollback()
                    answers.append(exc)
    return answers, seconds


def bench(conn, name: str, lat: list[float], lon: list[float], repeat: int) -> None:
    new_t, old_t = [], []
    for _ in range(repeat):
        new, seconds = resolve(conn, "qlue_resolve_kelurahan", lat, lon)
        new_t.append(seconds)
        old, seconds = resolve(conn, "pg_temp.old_resolve", lat, lon)
        old_t.append(seconds)
    failed = sum(isinstance(a, Exception) for a in old)
    differ = sum(not isinstance(a, Exception) and a != b for a, b in zip(old, new, strict=True))
    per_new = statistics.median(new_t) / len(lat) * 1e6
    per_old = statistics.median(old_t) / (len(lat) - failed) * 1e6
    print(f"{name}: {len(lat)} positions, median of {repeat} runs")
    print(f"  0009 qlue_resolve_kelurahan   {per_new:7.1f} µs per position")
    print(
        f"  0001 (baseline)               {per_old:7.1f} µs per position; ratio "
        f"{per_old / per_new:.1f}x"
    )
    print(f"  answers that differ: {differ} ({differ / len(lat):.2%}); 0001 failed on {failed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", help="a migrated database (default: an embedded one)")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "qlue-bench-resolve"
    )
    args = parser.parse_args()
    url = args.database_url or start_embedded(
        args.data_dir.resolve(), database="qlue_resolve_bench"
    )
    engine = make_engine(url, pool_size=1)
    if not args.database_url:
        migrate.upgrade(engine)
    rng = random.Random(12)
    reports = [random_point(rng)[:2] for _ in range(args.points)]
    spread = [
        (rng.uniform(-6.375, -6.085), rng.uniform(106.68, 106.98)) for _ in range(args.points)
    ]
    with engine.connect() as conn:
        install_baseline(conn)
        for name, points in (
            ("report positions", reports),
            ("spread over the mainland's box", spread),
        ):
            bench(conn, name, [p[0] for p in points], [p[1] for p in points], args.repeat)
        conn.rollback()
    engine.dispose()


if __name__ == "__main__":
    main()
