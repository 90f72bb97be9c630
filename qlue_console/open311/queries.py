"""The gateway's SQL: services (the categories) and requests (``console_reports r``) as plain
dataclasses. Every query is parameterised; none reads the citizen's identity, an internal
comment or who in the center acted (only the agencies' names); the center's replies to the
citizen (revision 0026) are notes in their own words. A report the citizen marked
private (``reports.private``) is read with its flag for the documents to show only its status;
its photo is not served and a ``service_code`` filter never lists it (its category stays
unknown)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class Service:
    code: str
    name_en: str
    name_id: str
    agency: str | None
    sla_hours: int


@dataclass(frozen=True)
class Note:
    at: datetime
    kind: str
    agencies: tuple[str, ...]
    photo_id: int | None
    text: str | None = None  # an imported note's own words (public in the system it came from)


@dataclass(frozen=True)
class Request:
    id: int
    status: str
    is_open: bool
    service_code: str
    service_name: str
    description: str
    lat: float
    lon: float
    address: str
    requested_at: datetime
    updated_at: datetime
    due_at: datetime | None
    duplicate_of: int | None
    agencies: tuple[str, ...]
    photo_id: int | None
    private: bool = False


@dataclass(frozen=True)
class RequestFilter:
    ids: tuple[int, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    is_open: bool | None = None
    limit: int = 1000
    offset: int = 0


def services(conn: Connection) -> list[Service]:
    rows = conn.execute(
        text(
            "SELECT c.code, c.name_en, c.name_id, a.name AS agency, c.sla_hours "
            "FROM categories c LEFT JOIN agencies a ON a.code = c.agency_code "
            "WHERE c.active ORDER BY c.code"
        )
    )
    return [Service(*row) for row in rows]


def service(conn: Connection, code: str) -> Service | None:
    row = conn.execute(
        text(
            "SELECT c.code, c.name_en, c.name_id, a.name AS agency, c.sla_hours "
            "FROM categories c LEFT JOIN agencies a ON a.code = c.agency_code "
            "WHERE c.active AND c.code = :code"
        ),
        {"code": code},
    ).first()
    return Service(*row) if row else None


# The agencies (or, for an area's official, the area) a report was sent to; the category's
# agency when it was sent to nobody yet. Names only: never the accounts' handles.
_AGENCIES = """
coalesce((SELECT array_agg(DISTINCT coalesce(ag.name, ar.name) ORDER BY coalesce(ag.name, ar.name))
            FROM mentions m JOIN accounts a ON a.id = m.account_id
            LEFT JOIN agencies ag ON ag.code = a.agency_code
            LEFT JOIN areas ar ON ar.code = a.area_code
           WHERE m.report_id = r.id AND coalesce(ag.name, ar.name) IS NOT NULL),
         (SELECT ARRAY[ag.name] FROM categories c JOIN agencies ag ON ag.code = c.agency_code
           WHERE c.code = r.category_code),
         '{}')
"""

_SELECT = f"""
SELECT r.id, r.status, r.is_open, r.category_code, r.category_name_en, r.text, r.lat, r.lon,
       concat_ws(', ', r.kelurahan_name, r.kecamatan_name, r.kota_name) AS address,
       r.reported_at, r.updated_at, r.due_at, r.duplicate_of, {_AGENCIES} AS agencies,
       (SELECT min(p.id) FROM photos p WHERE p.report_id = r.id AND p.kind = 'report'
          AND p.data IS NOT NULL) AS photo_id,
       r.private
  FROM console_reports r
"""


def _request(row) -> Request:
    values = list(row)
    values[13] = tuple(values[13] or ())
    return Request(*values)


def request(conn: Connection, report_id: int) -> Request | None:
    row = conn.execute(text(_SELECT + " WHERE r.id = :id"), {"id": report_id}).first()
    return _request(row) if row else None


def requests(conn: Connection, flt: RequestFilter) -> list[Request]:
    where: list[str] = []
    params: dict[str, object] = {"limit": flt.limit, "offset": flt.offset}
    if flt.ids:
        where.append("r.id = ANY(:ids)")
        params["ids"] = list(flt.ids)
    if flt.service_codes:
        where.append("r.category_code = ANY(:codes) AND NOT r.private")
        params["codes"] = list(flt.service_codes)
    if flt.start is not None:
        where.append("r.reported_at >= :start")
        params["start"] = flt.start
    if flt.end is not None:
        where.append("r.reported_at <= :end")
        params["end"] = flt.end
    if flt.is_open is not None:
        where.append("r.is_open = :is_open")
        params["is_open"] = flt.is_open
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY r.reported_at DESC, r.id DESC LIMIT :limit OFFSET :offset"
    return [_request(row) for row in conn.execute(text(sql), params)]


# The steps of the timeline the public sees (besides the replies to the citizen and imported
# notes); claims, internal comments and undos are the center's own business.
PUBLIC_EVENTS = (
    "created",
    "triaged",
    "categorised",
    "dispatched",
    "forwarded",
    "escalated",
    "follow_up",
    "proof_approved",
    "proof_rejected",
    "reopened",
    "merged",
    "rejected",
    "closed",
)


def notes(conn: Connection, report_ids: list[int]) -> dict[int, list[Note]]:
    """The public timeline of each report, oldest first. The proof photo is given only once a
    supervisor approved it."""
    if not report_ids:
        return {}
    rows = conn.execute(
        text(
            """
            SELECT e.report_id, e.at, e.kind,
                   coalesce((SELECT array_agg(DISTINCT coalesce(ag.name, ar.name))
                               FROM mentions m JOIN accounts a ON a.id = m.account_id
                               LEFT JOIN agencies ag ON ag.code = a.agency_code
                               LEFT JOIN areas ar ON ar.code = a.area_code
                              WHERE m.event_id = e.id
                                AND coalesce(ag.name, ar.name) IS NOT NULL), '{}') AS agencies,
                   CASE WHEN e.kind = 'proof_approved'
                        THEN CAST(e.payload->>'photo' AS bigint) END AS photo_id,
                   CASE WHEN e.kind = 'comment' THEN e.payload->>'summary'
                        WHEN e.kind = 'reply' THEN e.payload->>'text' END AS text
              FROM events e
             WHERE e.report_id = ANY(:ids)
               AND (e.kind = ANY(:kinds)
                    -- the center's reply to the citizen (0026) is public by definition
                    OR e.kind = 'reply'
                    -- a note imported with the report's history (0016) was public where it
                    -- came from; the center's own comments never leave it
                    OR (e.kind = 'comment'
                        AND coalesce(CAST(e.payload->>'imported' AS boolean), false)))
             ORDER BY e.report_id, e.at, e.id
            """
        ),
        {"ids": report_ids, "kinds": list(PUBLIC_EVENTS)},
    )
    out: dict[int, list[Note]] = {i: [] for i in report_ids}
    for report_id, at, kind, agencies, photo_id, words in rows:
        if kind in ("comment", "reply"):  # an imported note, or the center's reply
            out[report_id].append(Note(at, "note", (), None, words))
        else:
            out[report_id].append(Note(at, kind, tuple(agencies or ()), photo_id))
    return out


def photo(conn: Connection, photo_id: int) -> bytes | None:
    """A photo the public may see: a report's own photo, or a proof photo once approved; never
    a photo of a report the citizen marked private."""
    row = conn.execute(
        text(
            """
            SELECT p.data FROM photos p
             WHERE p.id = :id AND p.data IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM console_reports r
                                WHERE r.id = p.report_id AND r.private)
               AND (p.kind = 'report'
                    OR EXISTS (SELECT 1 FROM events e
                                WHERE e.kind = 'proof_approved'
                                  AND e.payload->>'photo' = CAST(p.id AS text)))
            """
        ),
        {"id": photo_id},
    ).first()
    return bytes(row[0]) if row else None
