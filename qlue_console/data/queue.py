"""The triage queue: server-side filtering and keyset paging over reports (newest first).

Paging never uses OFFSET: a page starts after the (created_at, id) of the last row shown, so
page 1,000 costs what page 1 costs, and rows inserted meanwhile do not shift the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, bindparam, text

from qlue_console.domain.states import CLOSED_STATES, OPEN_STATES

EXCERPT_CHARS = 140


@dataclass(frozen=True)
class QueueFilter:
    states: tuple[str, ...] = OPEN_STATES
    category: str | None = None
    area_code: str | None = None        # a kota, kecamatan or kelurahan code
    search: str | None = None

    @staticmethod
    def archive() -> QueueFilter:
        return QueueFilter(states=tuple(sorted(CLOSED_STATES)))


@dataclass(frozen=True)
class QueueKey:
    created_at: datetime
    id: int


@dataclass(frozen=True)
class QueueRow:
    id: int
    created_at: datetime
    priority: int
    status: str
    category_code: str
    category_id: str
    category_en: str
    kelurahan: str | None
    kecamatan: str | None
    kota: str | None
    channel: str
    excerpt: str
    has_photo: bool
    claimed_by: str | None
    outside_jurisdiction: bool
    overdue: bool
    due_at: datetime | None = field(default=None)

    @property
    def key(self) -> QueueKey:
        return QueueKey(self.created_at, self.id)


_SELECT = f"""
SELECT r.id, r.created_at, r.priority, r.status, r.category_code,
       c.name_id AS category_id, c.name_en AS category_en,
       kel.name AS kelurahan, kec.name AS kecamatan, kota.name AS kota,
       r.channel, left(r.text, {EXCERPT_CHARS}) AS excerpt,
       EXISTS (SELECT 1 FROM photos p WHERE p.report_id = r.id AND p.kind = 'report') AS has_photo,
       CASE WHEN r.claim_expires_at > now() THEN r.claimed_by END AS claimed_by,
       r.outside_jurisdiction,
       (r.due_at < now() AND r.status NOT IN ('verified', 'rejected', 'duplicate')) AS overdue,
       r.due_at
  FROM reports r
  JOIN categories c ON c.code = r.category_code
  LEFT JOIN areas kel ON kel.code = r.kelurahan_code
  LEFT JOIN areas kec ON kec.code = r.kecamatan_code
  LEFT JOIN areas kota ON kota.code = r.kota_code
"""


def _where(flt: QueueFilter, params: dict) -> list[str]:
    clauses = ["r.status IN :states"]
    params["states"] = list(flt.states)
    if flt.category:
        clauses.append("r.category_code = :category")
        params["category"] = flt.category
    if flt.area_code:
        clauses.append("(r.kelurahan_code = :area OR r.kecamatan_code = :area OR r.kota_code = :area)")
        params["area"] = flt.area_code
    if flt.search:
        clauses.append("r.text ILIKE :search")
        params["search"] = "%" + flt.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return clauses


def _row(m) -> QueueRow:
    return QueueRow(**dict(m))


def fetch_queue_page(engine: Engine, flt: QueueFilter, after: QueueKey | None = None,
                     limit: int = 200) -> list[QueueRow]:
    params: dict = {"limit": limit}
    clauses = _where(flt, params)
    if after is not None:
        clauses.append("(r.created_at, r.id) < (:after_at, :after_id)")
        params.update(after_at=after.created_at, after_id=after.id)
    sql = text(_SELECT + " WHERE " + " AND ".join(clauses) + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit")
    sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        return [_row(m) for m in conn.execute(sql, params).mappings()]


def fetch_queue_rows(engine: Engine, ids: Sequence[int]) -> list[QueueRow]:
    """The current rows of the given reports (whatever their state), for in-place updates."""
    if not ids:
        return []
    sql = text(_SELECT + " WHERE r.id IN :ids").bindparams(bindparam("ids", expanding=True))
    with engine.connect() as conn:
        return [_row(m) for m in conn.execute(sql, {"ids": list(ids)}).mappings()]


def matches(row: QueueRow, flt: QueueFilter, area_chain: Sequence[str] = ()) -> bool:
    """Whether a row fetched by id belongs in a view with this filter (for live updates)."""
    if row.status not in flt.states:
        return False
    if flt.category and row.category_code != flt.category:
        return False
    if flt.search and flt.search.casefold() not in row.excerpt.casefold():
        return False
    if flt.area_code and flt.area_code not in area_chain:
        return False
    return True
