"""The week's top ten chronic spots (revision 0030: at least k reports of one category within
the distance over the last weeks), as they stood at the week's end — ``chronic_spots_as_of``
(revision 0031): the rule of ``chronic_spots_at`` with each member's state and recurrence read
as they were at the end, so a finished week's table never changes afterwards. Most reports
first, then most came back, then the latest report (the order of the console's list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.domain import formatting
from qlue_console.reports.labels import t
from qlue_console.reports.weeks import JAKARTA, Week

TOP_SPOTS = 10

_SQL = """
SELECT s.spot_id, s.category_code, c.name_id, c.name_en,
       (SELECT a.name FROM areas a WHERE a.code = s.kelurahan_code) AS kelurahan,
       (SELECT t.name FROM areas a JOIN areas k ON k.code = a.parent_code
          JOIN areas t ON t.code = k.parent_code
         WHERE a.code = s.kelurahan_code) AS kota,
       s.reports, s.recurrences, s.last_reported_at
  FROM chronic_spots_as_of(CAST(:we AS timestamp) AT TIME ZONE 'Asia/Jakarta') s
  JOIN categories c ON c.code = s.category_code
 ORDER BY s.reports DESC, s.recurrences DESC, s.last_reported_at DESC, s.spot_id
 LIMIT :limit
"""


@dataclass(frozen=True)
class SpotRow:
    spot_id: int
    category_code: str
    category_id: str  # the category's Indonesian name
    category_en: str
    kelurahan: str | None  # None: outside DKI Jakarta
    kota: str | None
    reports: int  # over the last weeks to the week's end, rejected and merged left out
    came_back: int  # of those, reports that came back after a closed one
    last_reported_at: datetime  # Jakarta time

    def category(self, lang: str) -> str:
        return self.category_id if lang == "id" else self.category_en


@dataclass(frozen=True)
class ChronicSpots:
    """The week's top spots and the rule they were found with (as set now)."""

    spots: tuple[SpotRow, ...] = ()
    chronic_k: int = 4
    distance_m: float = 100.0
    chronic_weeks: int = 8
    window_days: int = 30  # the recurrence rule's window (the recurrence rate's too)

    def note(self, lang: str) -> str:
        """What a chronic spot and "came back" are, with the rule's numbers."""
        return t("chronic_note", lang).format(
            k=self.chronic_k, m=formatting.decimal(self.distance_m, lang, 0), w=self.chronic_weeks
        )


def fetch_top_spots(engine: Engine, week: Week, limit: int = TOP_SPOTS) -> ChronicSpots:
    """The chronic spots as they stood at the end of ``week``, the first ``limit``."""
    with engine.connect() as conn:
        rows = conn.execute(text(_SQL), {"we": week.end_local, "limit": limit}).all()
        k, distance, weeks, window = conn.execute(
            text(
                "SELECT chronic_k, distance_m, chronic_weeks, window_days FROM recurrence_settings"
            )
        ).one()
        conn.rollback()
    spots = tuple(
        SpotRow(
            spot_id=int(r.spot_id),
            category_code=r.category_code,
            category_id=r.name_id,
            category_en=r.name_en,
            kelurahan=r.kelurahan,
            kota=r.kota,
            reports=int(r.reports),
            came_back=int(r.recurrences),
            last_reported_at=r.last_reported_at.astimezone(JAKARTA),
        )
        for r in rows
    )
    return ChronicSpots(spots, int(k), float(distance), int(weeks), int(window))


def spot_value(spot: SpotRow, code: str, lang: str):
    """The value of a column (labels.CHRONIC_COLUMNS) for a spot."""
    if code == "category":
        return spot.category(lang)
    return getattr(spot, code)
