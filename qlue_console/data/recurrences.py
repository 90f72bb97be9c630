"""Fixes that did not hold (revision 0030), as the console reads them: the closed report a
report came back after, with who closed it and the proof; the officials to suggest again; a
place's history of fixes that came back (for the verifier); the chronic spots of the city.

The rule itself lives in PostgreSQL (``qlue_recurrence_candidate``, decided when a report is
created); these functions only read what it recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, text


@dataclass(frozen=True)
class ClosedFix:
    """The closed report a report came back after."""

    report_id: int
    text: str
    category_code: str
    closed_at: datetime
    distance_m: float
    closed_by: str | None  # who approved the proof (the 'closed' event's actor)
    officials: tuple[str, ...]  # handles of the officials whose follow-up was approved
    official_names: tuple[str, ...]
    proof_photo_id: int | None  # the approved follow-up's photo
    came_back_times: int  # how many reports came back after this one (this one included)


@dataclass(frozen=True)
class SpotHistoryEntry:
    closed_report_id: int
    closed_at: datetime
    came_back_report_id: int
    came_back_at: datetime
    distance_m: float


@dataclass(frozen=True)
class ChronicSpot:
    id: int
    category_code: str
    category_id: str
    category_en: str
    lat: float
    lon: float
    kelurahan: str | None
    kota: str | None
    reports: int  # over the last weeks, rejected and merged left out
    recurrences: int  # of those, reports that came back after a closed one
    first_reported_at: datetime
    last_reported_at: datetime
    open_reports: int = 0  # of those, still open (where the queue opens the spot)


@dataclass(frozen=True)
class RecurrenceSettings:
    distance_m: float
    window_days: int
    chronic_k: int
    chronic_weeks: int


_CLOSED_FIX = """
SELECT c.id AS report_id, c.text, c.category_code, x.closed_at, x.distance_m,
       (SELECT e.actor FROM events e WHERE e.report_id = c.id AND e.kind = 'closed'
         ORDER BY e.id DESC LIMIT 1) AS closed_by,
       coalesce(ap.officials, '{}') AS officials,
       coalesce(ap.official_names, '{}') AS official_names,
       ap.proof_photo_id,
       (SELECT count(*) FROM recurrences y
         WHERE y.closed_report_id = c.id AND y.withdrawn_at IS NULL)::int AS came_back_times
  FROM recurrences x JOIN reports c ON c.id = x.closed_report_id
  -- the approved follow-ups, newest first, read once
  LEFT JOIN LATERAL (
      SELECT array_agg(a.handle ORDER BY f.verified_at DESC, f.id DESC) AS officials,
             array_agg(a.display_name ORDER BY f.verified_at DESC, f.id DESC) AS official_names,
             (array_agg(f.photo_id ORDER BY f.verified_at DESC, f.id DESC)
                  FILTER (WHERE f.photo_id IS NOT NULL))[1] AS proof_photo_id
        FROM follow_ups f JOIN accounts a ON a.id = f.account_id
       WHERE f.report_id = c.id AND f.verification = 'approved') ap ON true
 WHERE x.report_id = :id AND x.withdrawn_at IS NULL
"""


def closed_fix(conn: Connection, report_id: int) -> ClosedFix | None:
    """The closed report ``report_id`` came back after (None: it is no recurrence)."""
    row = conn.execute(text(_CLOSED_FIX), {"id": report_id}).mappings().one_or_none()
    if row is None:
        return None
    values = dict(row)
    values["officials"] = tuple(values["officials"])
    values["official_names"] = tuple(values["official_names"])
    return ClosedFix(**values)


def fetch_closed_fix(engine: Engine, report_id: int) -> ClosedFix | None:
    with engine.connect() as conn:
        return closed_fix(conn, report_id)


def fetch_closers(engine: Engine, report_id: int) -> tuple[str, ...]:
    """The handles of the officials who closed the report ``report_id`` came back after (the
    routing suggestion for a fix that did not hold); empty when it is no recurrence."""
    fix = fetch_closed_fix(engine, report_id)
    return fix.officials if fix is not None else ()


def spot_history(conn: Connection, report_id: int) -> list[SpotHistoryEntry]:
    """Every fix near the report (its category or a related one, within the distance) that a
    later report showed did not hold, newest first: how often this place came back before."""
    return [
        SpotHistoryEntry(**dict(m))
        for m in conn.execute(
            text("SELECT * FROM recurrence_history(:id)"), {"id": report_id}
        ).mappings()
    ]


_SPOTS = """
SELECT s.spot_id AS id, s.category_code, c.name_id AS category_id, c.name_en AS category_en,
       s.lat, s.lon,
       (SELECT a.name FROM areas a WHERE a.code = s.kelurahan_code) AS kelurahan,
       (SELECT t.name FROM areas a JOIN areas k ON k.code = a.parent_code
          JOIN areas t ON t.code = k.parent_code
         WHERE a.code = s.kelurahan_code) AS kota,
       s.reports, s.recurrences, s.first_reported_at, s.last_reported_at,
       (SELECT count(*) FROM chronic_spot_reports m JOIN reports r ON r.id = m.report_id
         WHERE m.spot_id = s.spot_id AND qlue_report_is_open(r.status))::int AS open_reports
  FROM chronic_spots_at(coalesce(CAST(:at AS timestamptz), now())) s
  JOIN categories c ON c.code = s.category_code
 WHERE (CAST(:category AS text) IS NULL OR s.category_code = :category)
 ORDER BY s.reports DESC, s.recurrences DESC, s.last_reported_at DESC, s.spot_id
 LIMIT :limit
"""


def fetch_chronic_spots(
    engine: Engine,
    *,
    at: datetime | None = None,
    category: str | None = None,
    limit: int = 1000,
) -> list[ChronicSpot]:
    """The chronic spots as they stand at ``at`` (now), most reports first, then most
    recurrences."""
    with engine.connect() as conn:
        return [
            ChronicSpot(**dict(m))
            for m in conn.execute(
                text(_SPOTS), {"at": at, "category": category, "limit": limit}
            ).mappings()
        ]


def fetch_settings(engine: Engine) -> RecurrenceSettings:
    """The rule's settings (the one row of recurrence_settings)."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT distance_m, window_days, chronic_k, chronic_weeks FROM recurrence_settings"
            )
        ).one()
    return RecurrenceSettings(*row)
