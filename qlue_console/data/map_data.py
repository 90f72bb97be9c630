"""What the map draws: the kelurahan boundaries and one marker per report."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from sqlalchemy import Engine, bindparam, text

from qlue_console.data.queue import QueueFilter, where_clauses

EXCERPT_CHARS = 200


class MarkerRow(NamedTuple):
    """A report as the map needs it; a tuple of plain values, which the garbage collector stops
    tracking (100,000 of them must not make collections long)."""

    report_id: int
    lat: float
    lon: float
    status: str
    priority: int
    overdue: bool
    category_id: str
    category_en: str
    excerpt: str


_SELECT = f"""
SELECT r.id AS report_id, r.lat, r.lon, r.status, r.priority,
       (r.due_at < now() AND r.status NOT IN ('verified', 'rejected', 'duplicate')) AS overdue,
       c.name_id AS category_id, c.name_en AS category_en, left(r.text, {EXCERPT_CHARS}) AS excerpt
  FROM reports r JOIN categories c ON c.code = r.category_code
"""


def fetch_markers(engine: Engine, flt: QueueFilter | None = None, *, closed_within_days: int = 3,
                  limit: int = 100_000) -> list[MarkerRow]:
    """The reports the queue's filter selects; without a filter every open report and the ones
    closed in the last few days (green on the map)."""
    return list(iter_markers(engine, flt, closed_within_days=closed_within_days, limit=limit))


def iter_markers(engine: Engine, flt: QueueFilter | None = None, *, closed_within_days: int = 3,
                 limit: int = 100_000) -> Iterator[MarkerRow]:
    """``fetch_markers`` one row at a time (a caller that keeps something smaller than the
    rows never holds 100,000 of them). Consume it to the end: it holds a connection."""
    params: dict = {"days": closed_within_days, "limit": limit}
    if flt is None:
        where = """r.status NOT IN ('verified', 'rejected', 'duplicate')
                   OR (r.status = 'verified' AND r.closed_at > now() - make_interval(days => :days))"""
        sql = text(_SELECT + " WHERE " + where + " ORDER BY r.id DESC LIMIT :limit")
    else:
        sql = text(_SELECT + " WHERE " + " AND ".join(where_clauses(flt, params)) + " ORDER BY r.id DESC LIMIT :limit")
        sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        for row in conn.execute(sql, params):
            yield MarkerRow._make(row)   # columns in field order


def fetch_choropleth(engine: Engine, measure: str = "open") -> dict[str, int]:
    """Reports per kelurahan code: ``open`` (not closed) or ``overdue`` (open and past due)."""
    condition = {"open": "TRUE", "overdue": "due_at < now()"}[measure]
    with engine.connect() as conn:
        return dict(conn.execute(text(
            f"SELECT kelurahan_code, count(*) FROM reports WHERE status NOT IN ('verified', 'rejected', 'duplicate') "
            f"AND kelurahan_code IS NOT NULL AND {condition} GROUP BY kelurahan_code")).all())


def fetch_markers_by_ids(engine: Engine, ids: Sequence[int]) -> list[MarkerRow]:
    if not ids:
        return []
    sql = text(_SELECT + " WHERE r.id IN :ids").bindparams(bindparam("ids", expanding=True))
    with engine.connect() as conn:
        return [MarkerRow._make(row) for row in conn.execute(sql, {"ids": list(ids)})]


def fetch_boundaries(engine: Engine) -> dict:
    """The kelurahan as a GeoJSON FeatureCollection (properties: code, name, kecamatan, kota)."""
    with engine.connect() as conn:
        rows = conn.execute(text("""
            SELECT kel.code, kel.name, kec.name AS kecamatan, kota.name AS kota, kel.boundary::text AS geometry
              FROM areas kel JOIN areas kec ON kec.code = kel.parent_code
              JOIN areas kota ON kota.code = kec.parent_code
             WHERE kel.level = 'kelurahan' AND kel.boundary IS NOT NULL ORDER BY kel.code""")).all()
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "name": name, "kecamatan": kec, "kota": kota},
         "geometry": json.loads(geometry)} for code, name, kec, kota, geometry in rows]}
