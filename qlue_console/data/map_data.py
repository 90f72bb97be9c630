"""What the map draws: the kelurahan boundaries and one marker per report."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
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


_OVERDUE = "(r.due_at < now() AND r.status NOT IN ('verified', 'rejected', 'duplicate'))"
_TITLE = (
    "CASE WHEN :language = 'id' THEN name_id ELSE name_en END"  # a category's name in :language
)

_SELECT = f"""
SELECT r.id AS report_id, r.lat, r.lon, r.status, r.priority, {_OVERDUE} AS overdue,
       c.name_id AS category_id, c.name_en AS category_en, left(r.text, {EXCERPT_CHARS}) AS excerpt
  FROM reports r JOIN categories c ON c.code = r.category_code
"""


def fetch_markers(
    engine: Engine,
    flt: QueueFilter | None = None,
    *,
    closed_within_days: int = 3,
    limit: int = 100_000,
) -> list[MarkerRow]:
    """The reports the queue's filter selects; without a filter every open report and the ones
    closed in the last few days (green on the map)."""
    return list(iter_markers(engine, flt, closed_within_days=closed_within_days, limit=limit))


def iter_markers(
    engine: Engine,
    flt: QueueFilter | None = None,
    *,
    closed_within_days: int = 3,
    limit: int = 100_000,
) -> Iterator[MarkerRow]:
    """``fetch_markers`` one row at a time (a caller that keeps something smaller than the
    rows never holds 100,000 of them). Consume it to the end: it holds a connection."""
    params: dict = {"days": closed_within_days, "limit": limit}
    sql = text(_SELECT + " WHERE " + _where(flt, params) + " ORDER BY r.id DESC LIMIT :limit")
    if flt is not None:
        sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        for row in conn.execute(sql, params):
            yield MarkerRow._make(row)  # columns in field order


def _where(flt: QueueFilter | None, params: dict) -> str:
    if flt is None:
        return """(r.status NOT IN ('verified', 'rejected', 'duplicate')
                   OR (r.status = 'verified' AND r.closed_at > now() - make_interval(days => :days)))"""
    return " AND ".join(where_clauses(flt, params))


class EncodedMarkers(NamedTuple):
    """A whole marker set with the page's encoding done by PostgreSQL (``fetch_encoded_markers``)."""

    titles: list[str]  # the category titles, by title index
    rows: list[
        tuple
    ]  # (report_id, lat, lon, state label, priority, overdue, title, excerpt, row JSON)


_ENCODED = f"""
WITH titles AS (
    SELECT code, {_TITLE} AS title,
           (row_number() OVER (ORDER BY code))::int - 1 AS t
      FROM categories),
     selected AS (
    SELECT r.id, r.lat, r.lon, r.status, r.priority, r.text, r.category_code,
           coalesce({_OVERDUE}, false) AS overdue
      FROM reports r JOIN categories c ON c.code = r.category_code
     WHERE {{where}}
     ORDER BY r.id DESC LIMIT :limit)
SELECT s.id, s.lat, s.lon, st.label, s.priority, s.overdue, t.title, left(s.text, {EXCERPT_CHARS}),
       json_build_array(s.id, round(s.lat::numeric, 6), round(s.lon::numeric, 6), coalesce(st.idx, -1),
                        least(greatest(s.priority, 0), 3), s.overdue::int, t.t)::text
  FROM selected s JOIN titles t ON t.code = s.category_code
  LEFT JOIN unnest(CAST(:statuses AS text[]), CAST(:labels AS text[]), CAST(:indexes AS int[]))
            AS st(status, label, idx) ON st.status = s.status
 ORDER BY s.id DESC
"""
_TITLES = f"SELECT {_TITLE} FROM categories ORDER BY code"
_FETCH_ROWS = (
    2_000  # rows turned into Python objects per call (each call holds the interpreter lock)
)


def fetch_encoded_markers(
    engine: Engine,
    flt: QueueFilter | None,
    *,
    language: str,
    label_of: Mapping[str, str],
    label_order: Sequence[str],
    closed_within_days: int = 3,
    limit: int = 100_000,
    ids: Sequence[int] | None = None,
) -> EncodedMarkers:
    """The reports ``iter_markers`` gives, each also encoded by PostgreSQL as the map page's row
    ``[id, lat, lon, label index, priority 0-3, overdue 0/1, title index]``: ``label_of`` maps a
    status to its label, ``label_order`` gives a label's index (-1: not there), titles are the
    categories' names in ``language``. Building and encoding 100,000 markers in Python kept a
    worker thread on the interpreter lock for more than a second, and the UI thread, which needs
    that lock for every cell it paints, waited; here the rows arrive as plain tuples made in C,
    a few thousand at a time.

    With ``ids`` the same question narrowed to those reports (the map's live updates): a report
    among them that is not returned no longer belongs on the map."""
    params: dict = {
        "days": closed_within_days,
        "limit": limit,
        "language": language,
        "statuses": list(label_of),
        "labels": [label_of[s] for s in label_of],
        "indexes": [
            label_order.index(label_of[s]) if label_of[s] in label_order else -1 for s in label_of
        ],
    }
    where = _where(flt, params)
    if ids is not None:
        where = f"({where}) AND r.id = ANY(:ids)"
        params["ids"] = [int(i) for i in ids]
    statement = _ENCODED.replace("{where}", where)
    sql = text(statement).bindparams(
        *(
            bindparam(name, value, expanding=name == "states")
            for name, value in params.items()
            if f":{name}" in statement
        )
    )
    with engine.connect() as conn:
        titles = list(conn.execute(text(_TITLES), {"language": language}).scalars())
        # The driver's own cursor: its rows are plain tuples, made in C (SQLAlchemy's Row objects
        # cost more than the query).
        compiled = sql.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.execute(compiled.string, compiled.params)
            rows: list[tuple] = []
            while chunk := cursor.fetchmany(_FETCH_ROWS):
                rows += chunk
        finally:
            cursor.close()
    return EncodedMarkers(titles, rows)


def fetch_choropleth(engine: Engine, measure: str = "open") -> dict[str, int]:
    """Reports per kelurahan code: ``open`` (not closed) or ``overdue`` (open and past due)."""
    condition = {"open": "TRUE", "overdue": "due_at < now()"}[measure]
    with engine.connect() as conn:
        return dict(
            conn.execute(
                text(
                    f"SELECT kelurahan_code, count(*) FROM reports WHERE status NOT IN ('verified', 'rejected', 'duplicate') "
                    f"AND kelurahan_code IS NOT NULL AND {condition} GROUP BY kelurahan_code"
                )
            ).all()
        )


def fetch_boundaries(engine: Engine) -> dict:
    """The kelurahan as a GeoJSON FeatureCollection (properties: code, name, kecamatan, kota)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("""
            SELECT kel.code, kel.name, kec.name AS kecamatan, kota.name AS kota, kel.boundary::text AS geometry
              FROM areas kel JOIN areas kec ON kec.code = kel.parent_code
              JOIN areas kota ON kota.code = kec.parent_code
             WHERE kel.level = 'kelurahan' AND kel.boundary IS NOT NULL ORDER BY kel.code""")
        ).all()
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": code, "name": name, "kecamatan": kec, "kota": kota},
                "geometry": json.loads(geometry),
            }
            for code, name, kec, kota, geometry in rows
        ],
    }
