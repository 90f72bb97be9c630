"""The answers the reuse index must give, by brute force: every proof's distance computed in
SQL (the baseline ``qlue_console.photos.reuse`` is checked and timed against)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from qlue_console.photos.checks import ReuseHit
from qlue_console.photos.hashing import to_signed
from qlue_console.photos.reuse import find_reuse

_SCAN = text("""
SELECT id, report_id, distance FROM (
    SELECT id, report_id, bit_count(CAST(phash # :h AS bit(64))) AS distance
      FROM photos
     WHERE kind = 'proof' AND phash IS NOT NULL
       AND (CAST(:exclude_report AS bigint) IS NULL OR report_id IS DISTINCT FROM :exclude_report)
       AND (CAST(:exclude_photo AS bigint) IS NULL OR id <> :exclude_photo)
) s
 WHERE distance <= :max_distance
 ORDER BY distance, id
 LIMIT :limit
""")


def find_similar_proofs(
    conn: Connection,
    phash: int,
    *,
    max_distance: int = 8,
    exclude_report_id: int | None = None,
    exclude_photo_id: int | None = None,
    limit: int = 20,
) -> list[ReuseHit]:
    """The index's answer for one pHash (``find_reuse`` with that hash alone)."""
    return find_reuse(
        conn,
        {"identity": phash},
        max_distance=max_distance,
        exclude_report_id=exclude_report_id,
        exclude_photo_id=exclude_photo_id,
        limit=limit,
    )


def linear_scan(
    conn: Connection,
    phash: int,
    *,
    max_distance: int = 8,
    exclude_report_id: int | None = None,
    exclude_photo_id: int | None = None,
    limit: int = 20,
) -> list[ReuseHit]:
    """The same answer as :func:`find_similar_proofs` by computing every proof's distance."""
    rows = conn.execute(
        _SCAN,
        {
            "h": to_signed(phash),
            "exclude_report": exclude_report_id,
            "exclude_photo": exclude_photo_id,
            "max_distance": max_distance,
            "limit": limit,
        },
    ).all()
    return [ReuseHit(photo_id=r.id, report_id=r.report_id, distance=r.distance) for r in rows]
