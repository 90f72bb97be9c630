"""What the map draws: the kelurahan boundaries and one marker per report.

A marker is encoded once, by PostgreSQL, as the page's row: a JSON array whose fields are named
in ``MARKER_FIELDS`` (the page is given those names and decodes a row by them, see
``gui/map/page.py`` and ``gui/map/markers.js``). Every query reads ``console_reports`` (one
definition of a report as the console reads it, migration 0014) and selects with the queue's
own conditions (``data.queue.where_clauses``), so the map shows what the queue lists.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from sqlalchemy import Engine, bindparam, text

from qlue_console.data.queue import QueueFilter, where_clauses

EXCERPT_CHARS = 200

# The page's row: each field's name and the SQL that computes it over ``s`` (the selected
# reports) and ``t`` (the category titles). The one place the fields of a marker are named.
_MARKER_SQL: dict[str, str] = {
    "id": "s.id",
    "lat": "round(s.lat::numeric, 6)",
    "lon": "round(s.lon::numeric, 6)",
    "state": "coalesce(st.idx, -1)",  # index into the page's list of state labels, -1: unknown
    "priority": "least(greatest(s.priority, 0), 3)",
    "overdue": "s.overdue::int",  # 0/1
    "title": "t.t",  # index into the batch's titles
}
MARKER_FIELDS: tuple[str, ...] = tuple(_MARKER_SQL)

_TITLE = (
    "CASE WHEN :language = 'id' THEN name_id ELSE name_en END"  # a category's name in :language
)

_ENCODED = f"""
WITH titles AS (
    SELECT code, {_TITLE} AS title,
           (row_number() OVER (ORDER BY code))::int - 1 AS t
      FROM categories),
     selected AS (
    SELECT r.id, r.lat, r.lon, r.status, r.priority, r.text, r.category_code, r.overdue
      FROM console_reports r
     WHERE {{where}}
     ORDER BY r.id DESC LIMIT :limit)
SELECT s.id, left(s.text, {EXCERPT_CHARS}),
       json_build_array({", ".join(_MARKER_SQL.values())})::text
  FROM selected s JOIN titles t ON t.code = s.category_code
  LEFT JOIN unnest(CAST(:statuses AS text[]), CAST(:indexes AS int[])) AS st(status, idx)
         ON st.status = s.status
 ORDER BY s.id DESC
"""
_TITLES = f"SELECT {_TITLE} FROM categories ORDER BY code"
_FETCH_ROWS = (
    2_000  # rows turned into Python objects per call (each call holds the interpreter lock)
)


class EncodedMarkers(NamedTuple):
    """Markers as PostgreSQL encoded them for the page."""

    titles: list[str]  # the category titles, by title index
    rows: list[tuple]  # (report id, citizen text excerpt, page row as JSON text)


class MarkerChanges(NamedTuple):
    """The map's question asked again for some reports: ``markers`` the ones that belong on
    the map now (upsert them), ``gone`` the ones asked for that do not (remove them)."""

    markers: EncodedMarkers
    gone: list[int]


def fetch_encoded_markers(
    engine: Engine,
    flt: QueueFilter,
    *,
    language: str,
    label_of: Mapping[str, str],
    label_order: Sequence[str],
    limit: int = 100_000,
    ids: Sequence[int] | None = None,
) -> EncodedMarkers:
    """The reports the queue's filter selects (newest first, at most ``limit``), each encoded by
    PostgreSQL as the map page's row (fields ``MARKER_FIELDS``): ``label_of`` maps a status to
    its label, ``label_order`` gives a label's index (-1: not there), titles are the
    categories' names in ``language``. Building and encoding 100,000 markers in Python kept a
    worker thread on the interpreter lock for more than a second, and the UI thread, which needs
    that lock for every cell it paints, waited; here the rows arrive as plain tuples made in C,
    a few thousand at a time.

    With ``ids`` the same question narrowed to those reports (``AND r.id = ANY(:ids)``)."""
    params: dict = {
        "limit": limit,
        "language": language,
        "statuses": list(label_of),
        "indexes": [
            label_order.index(label_of[s]) if label_of[s] in label_order else -1 for s in label_of
        ],
    }
    clauses = where_clauses(flt, params, "r")
    if ids is not None:
        clauses.append("r.id = ANY(:ids)")
        params["ids"] = [int(i) for i in ids]
    statement = _ENCODED.replace("{where}", " AND ".join(clauses))
    sql = text(statement).bindparams(
        *(
            bindparam(name, value, expanding=f"IN :{name}" in statement)
            for name, value in params.items()
            if f":{name}" in statement
        )
    )
    with engine.connect() as conn:
        titles = list(conn.execute(text(_TITLES), {"language": language}).scalars())
        # The driver's own cursor: its rows are plain tuples, made in C (SQLAlchemy's Row objects
        # cost more than the query).
        compiled = sql.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        driver = conn.connection.dbapi_connection
        assert driver is not None  # a connection checked out of the pool has one
        cursor = driver.cursor()
        try:
            cursor.execute(compiled.string, compiled.params)
            rows: list[tuple] = []
            while chunk := cursor.fetchmany(_FETCH_ROWS):
                rows += chunk
        finally:
            cursor.close()
    return EncodedMarkers(titles, rows)


def fetch_marker_changes(
    engine: Engine,
    flt: QueueFilter,
    ids: Sequence[int],
    *,
    language: str,
    label_of: Mapping[str, str],
    label_order: Sequence[str],
) -> MarkerChanges:
    """Live changes: the map's statement under ``flt`` narrowed to the changed ``ids``. The
    reports it returns are upserted, the ids it does not return leave the map — so the map
    never disagrees with the queue."""
    asked = sorted({int(i) for i in ids})
    found = fetch_encoded_markers(
        engine,
        flt,
        language=language,
        label_of=label_of,
        label_order=label_order,
        limit=max(len(asked), 1),
        ids=asked,
    )
    present = {row[0] for row in found.rows}
    return MarkerChanges(found, [i for i in asked if i not in present])


def fetch_choropleth(engine: Engine, measure: str = "open") -> dict[str, int]:
    """Open reports per kelurahan code: ``open`` (every open report) or ``overdue`` (the open
    ones past due)."""
    condition = {"open": "r.is_open", "overdue": "r.overdue"}[measure]
    with engine.connect() as conn:
        return dict(
            conn.execute(
                text(
                    "SELECT r.kelurahan_code, count(*) FROM console_reports r "
                    f"WHERE {condition} AND r.kelurahan_code IS NOT NULL GROUP BY r.kelurahan_code"
                )
            ).all()
        )


def fetch_boundaries(engine: Engine) -> dict:
    """The kelurahan as a GeoJSON FeatureCollection (properties: code, name, kecamatan, kota)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("""
            SELECT kel.code, kel.name, kec.name AS kecamatan, kota.name AS kota,
                   kel.boundary::text AS geometry
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
