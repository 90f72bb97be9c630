"""Duplicate suggestions for an open report, and the repeat-reporter check.

Candidates: reports of the same or a related category (same responsible agency), within a
distance (default 150 m) and a time window (default 14 days before, 2 days after), not
rejected, ranked by a score of distance and text similarity (pg_trgm). The box search uses
the GiST index on point(lon, lat); the exact distance is haversine in metres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

METRES_PER_DEGREE_LAT = 111_320.0


@dataclass(frozen=True)
class DuplicateCandidate:
    report_id: int
    status: str
    category_code: str
    created_at: datetime
    distance_m: float
    similarity: float
    excerpt: str
    photo_id: int | None
    score: float


_HAVERSINE = """
    2 * 6371000 * asin(sqrt(power(sin(radians(c.lat - :lat) / 2), 2)
        + cos(radians(:lat)) * cos(radians(c.lat)) * power(sin(radians(c.lon - :lon) / 2), 2)))
"""


def suggest_duplicates(
    engine: Engine,
    report_id: int,
    *,
    radius_m: float = 150.0,
    days_before: int = 14,
    days_after: int = 2,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    with engine.connect() as conn:
        report = (
            conn.execute(
                text(
                    "SELECT r.lat, r.lon, r.created_at, r.text, r.category_code, c.agency_code "
                    "FROM console_reports r JOIN categories c ON c.code = r.category_code "
                    "WHERE r.id = :id"
                ),
                {"id": report_id},
            )
            .mappings()
            .one_or_none()
        )
        if report is None:
            return []
        dlat = radius_m / METRES_PER_DEGREE_LAT
        dlon = radius_m / (METRES_PER_DEGREE_LAT * max(0.01, math.cos(math.radians(report["lat"]))))
        rows = (
            conn.execute(
                text(f"""
            SELECT c.id AS report_id, c.status, c.category_code, c.created_at,
                   {_HAVERSINE} AS distance_m,
                   similarity(c.text, :text) AS similarity,
                   left(c.text, 160) AS excerpt,
                   (SELECT p.id FROM photos p WHERE p.report_id = c.id AND p.kind = 'report'
                     ORDER BY p.id LIMIT 1) AS photo_id
              FROM console_reports c JOIN categories cat ON cat.code = c.category_code
             WHERE point(c.lon, c.lat) <@ box(point(:lon - :dlon, :lat - :dlat),
                                              point(:lon + :dlon, :lat + :dlat))
               AND c.id <> :id
               AND c.status NOT IN ('rejected', 'duplicate')
               AND c.created_at BETWEEN :created - make_interval(days => :before)
                                    AND :created + make_interval(days => :after)
               AND (c.category_code = :category
                    OR cat.agency_code IS NOT DISTINCT FROM :agency)
        """),
                {
                    "lat": report["lat"],
                    "lon": report["lon"],
                    "dlat": dlat,
                    "dlon": dlon,
                    "id": report_id,
                    "text": report["text"],
                    "created": report["created_at"],
                    "before": days_before,
                    "after": days_after,
                    "category": report["category_code"],
                    "agency": report["agency_code"],
                },
            )
            .mappings()
            .all()
        )
    candidates = []
    for r in rows:
        if r["distance_m"] > radius_m:
            continue
        same_category = 1.0 if r["category_code"] == report["category_code"] else 0.6
        score = same_category * (0.6 * (1 - r["distance_m"] / radius_m) + 0.4 * r["similarity"])
        candidates.append(DuplicateCandidate(**dict(r), score=round(score, 4)))
    candidates.sort(key=lambda c: (-c.score, c.distance_m, c.report_id))
    return candidates[:limit]


@dataclass(frozen=True)
class EarlierReport:
    report_id: int
    status: str
    created_at: datetime
    distance_m: float
    excerpt: str


def earlier_reports_by_citizen(
    engine: Engine, report_id: int, *, radius_m: float = 300.0, days: int = 60, limit: int = 20
) -> list[EarlierReport]:
    """The same citizen's earlier reports of the same category near the same place."""
    with engine.connect() as conn:
        report = conn.execute(
            text("SELECT lat, lon FROM console_reports WHERE id = :id"), {"id": report_id}
        ).one_or_none()
        if report is None:
            return []
        rows = (
            conn.execute(
                text(f"""
            SELECT c.id AS report_id, c.status, c.created_at, {_HAVERSINE} AS distance_m,
                   left(c.text, 160) AS excerpt
              FROM console_reports r JOIN console_reports c
                ON c.citizen_handle = r.citizen_handle AND c.category_code = r.category_code
               AND c.created_at < r.created_at
               AND c.created_at > r.created_at - make_interval(days => :days)
             WHERE r.id = :id
             ORDER BY c.created_at DESC LIMIT 200"""),
                {"id": report_id, "days": days, "lat": report.lat, "lon": report.lon},
            )
            .mappings()
            .all()
        )
    return [EarlierReport(**dict(r)) for r in rows if r["distance_m"] <= radius_m][:limit]
