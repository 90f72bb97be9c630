"""The triage queue: server-side filtering, two sort orders and keyset paging over reports.

Paging never uses OFFSET: a page starts after the sort key of the last row shown, so page
1,000 costs what page 1 costs, and rows inserted meanwhile do not shift the pages.

Sort orders: ``newest`` (created_at DESC, id DESC) and ``priority`` (the working order of
"Next report": priority DESC, then oldest first).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy import Engine, bindparam, text

from qlue_console.domain.states import CLOSED_STATES, OPEN_STATES

EXCERPT_CHARS = 140
SORTS = ("newest", "priority")


@dataclass(frozen=True)
class QueueFilter:
    states: tuple[str, ...] = OPEN_STATES
    category: str | None = None
    area_code: str | None = None  # a kota, kecamatan or kelurahan code
    channel: str | None = None
    min_priority: int | None = None
    min_age_hours: float | None = None
    max_age_hours: float | None = None
    search: str | None = None
    mine: bool = False  # claimed by this login
    outside_only: bool = False
    overdue_only: bool = False
    sort: str = "newest"

    @staticmethod
    def archive() -> QueueFilter:
        return QueueFilter(states=tuple(sorted(CLOSED_STATES)))

    def with_states(self, states: Sequence[str]) -> QueueFilter:
        return replace(self, states=tuple(states))

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @staticmethod
    def from_json(data: str | dict) -> QueueFilter:
        values = json.loads(data) if isinstance(data, str) else dict(data)
        known = {f for f in QueueFilter.__dataclass_fields__}
        values = {k: v for k, v in values.items() if k in known}
        if "states" in values:
            values["states"] = tuple(values["states"])
        flt = QueueFilter(**values)
        if flt.sort not in SORTS:
            raise ValueError(f"unknown sort {flt.sort!r}")
        return flt


@dataclass(frozen=True)
class QueueKey:
    created_at: datetime
    id: int
    priority: int = 0


@dataclass(frozen=True)
class QueueRow:
    id: int
    created_at: datetime
    priority: int
    status: str
    category_code: str
    category_id: str
    category_en: str
    kelurahan_code: str | None
    kelurahan: str | None
    kecamatan: str | None
    kota: str | None
    channel: str
    excerpt: str
    has_photo: bool
    claimed_by: str | None
    outside_jurisdiction: bool
    overdue: bool
    repeat: bool
    due_at: datetime | None = field(default=None)

    @property
    def key(self) -> QueueKey:
        return QueueKey(self.created_at, self.id, self.priority)


_COLUMNS = f"""
SELECT r.id, r.created_at, r.priority, r.status, r.category_code,
       c.name_id AS category_id, c.name_en AS category_en,
       r.kelurahan_code, kel.name AS kelurahan, kec.name AS kecamatan, kota.name AS kota,
       r.channel, left(r.text, {EXCERPT_CHARS}) AS excerpt,
       ph.has_photo IS NOT NULL AS has_photo,
       CASE WHEN r.claim_expires_at > now() THEN r.claimed_by END AS claimed_by,
       r.outside_jurisdiction,
       (r.due_at < now() AND r.status NOT IN ('verified', 'rejected', 'duplicate')) AS overdue,
       rp.repeat IS NOT NULL AS repeat,
       r.due_at
"""

# Joins and per-row lookups run only for the rows of the page: the page is chosen first in
# a subquery over one table and its indexes, then decorated.
_DECORATE = """
  JOIN categories c ON c.code = r.category_code
  LEFT JOIN areas kel ON kel.code = r.kelurahan_code
  LEFT JOIN areas kec ON kec.code = r.kecamatan_code
  LEFT JOIN areas kota ON kota.code = r.kota_code
  LEFT JOIN LATERAL (SELECT true AS has_photo FROM photos p
                      WHERE p.report_id = r.id AND p.kind = 'report' LIMIT 1) ph ON true
  LEFT JOIN LATERAL (SELECT true AS repeat FROM reports e
                      WHERE e.citizen_handle = r.citizen_handle AND e.category_code = r.category_code
                        AND e.created_at < r.created_at AND e.created_at > r.created_at - interval '60 days'
                        AND abs(e.lat - r.lat) < 0.003 AND abs(e.lon - r.lon) < 0.003 LIMIT 1) rp ON true
"""

_SELECT = _COLUMNS + " FROM reports r " + _DECORATE


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where_clauses(flt: QueueFilter, params: dict, alias: str = "r") -> list[str]:
    """SQL conditions for a filter (shared by the queue, its counts and the map)."""
    a = alias
    clauses = [f"{a}.status IN :states"]
    params["states"] = list(flt.states)
    if flt.category:
        clauses.append(f"{a}.category_code = :category")
        params["category"] = flt.category
    if flt.area_code:
        level = flt.area_code.count(".")
        column = {1: "kota_code", 2: "kecamatan_code"}.get(level, "kelurahan_code")
        clauses.append(f"{a}.{column} = :area")
        params["area"] = flt.area_code
    if flt.channel:
        clauses.append(f"{a}.channel = :channel")
        params["channel"] = flt.channel
    if flt.min_priority is not None:
        clauses.append(f"{a}.priority >= :min_priority")
        params["min_priority"] = flt.min_priority
    if flt.min_age_hours is not None:
        clauses.append(f"{a}.created_at <= now() - make_interval(secs => :min_age * 3600)")
        params["min_age"] = flt.min_age_hours
    if flt.max_age_hours is not None:
        clauses.append(f"{a}.created_at >= now() - make_interval(secs => :max_age * 3600)")
        params["max_age"] = flt.max_age_hours
    if flt.search:
        clauses.append(f"{a}.text ILIKE :search")
        params["search"] = _like(flt.search)
    if flt.mine:
        clauses.append(f"{a}.claimed_by = session_user AND {a}.claim_expires_at > now()")
    if flt.outside_only:
        clauses.append(f"{a}.outside_jurisdiction")
    if flt.overdue_only:
        clauses.append(f"{a}.due_at < now()")
    return clauses


def order_by(sort: str) -> str:
    return (
        "r.priority DESC, r.created_at, r.id"
        if sort == "priority"
        else "r.created_at DESC, r.id DESC"
    )


def _after(flt: QueueFilter, after: QueueKey | None, clauses: list[str], params: dict) -> None:
    if after is None:
        return
    if flt.sort == "priority":
        clauses.append(
            "(r.priority < :after_p OR (r.priority = :after_p AND (r.created_at, r.id) > (:after_at, :after_id)))"
        )
        params.update(after_p=after.priority, after_at=after.created_at, after_id=after.id)
    else:
        clauses.append("(r.created_at, r.id) < (:after_at, :after_id)")
        params.update(after_at=after.created_at, after_id=after.id)


def _row(m) -> QueueRow:
    return QueueRow(**dict(m))


def fetch_queue_page(
    engine: Engine, flt: QueueFilter, after: QueueKey | None = None, limit: int = 200
) -> list[QueueRow]:
    params: dict = {"limit": limit}
    clauses = where_clauses(flt, params)
    _after(flt, after, clauses, params)
    order = order_by(flt.sort)
    page = f"SELECT r.* FROM reports r WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT :limit"
    sql = text(f"{_COLUMNS} FROM ({page}) r {_DECORATE} ORDER BY {order}")
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


def fetch_state_counts(engine: Engine, flt: QueueFilter, states: Sequence[str]) -> dict[str, int]:
    """How many reports each state has under the filter's other conditions (the tab counts)."""
    params: dict = {}
    clauses = where_clauses(replace(flt, states=tuple(states)), params)
    sql = text(
        "SELECT r.status, count(*) FROM reports r WHERE "
        + " AND ".join(clauses)
        + " GROUP BY r.status"
    )
    sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        return {status: count for status, count in conn.execute(sql, params)}


def sort_key(row: QueueRow, sort: str) -> tuple:
    """The position of a row in a sort order, smaller first (for live inserts)."""
    if sort == "priority":
        return (-row.priority, row.created_at, row.id)
    return (-row.created_at.timestamp(), -row.id)


def matches(
    row: QueueRow, flt: QueueFilter, me: str | None = None, now: datetime | None = None
) -> bool:
    """Whether a row fetched by id belongs in a view with this filter (for live updates)."""
    if row.status not in flt.states:
        return False
    if flt.category and row.category_code != flt.category:
        return False
    if flt.area_code and not (row.kelurahan_code or "").startswith(flt.area_code):
        return False
    if flt.channel and row.channel != flt.channel:
        return False
    if flt.min_priority is not None and row.priority < flt.min_priority:
        return False
    if flt.search and flt.search.casefold() not in row.excerpt.casefold():
        return False
    if flt.mine and (me is None or row.claimed_by != me):
        return False
    if flt.outside_only and not row.outside_jurisdiction:
        return False
    if flt.overdue_only and not row.overdue:
        return False
    if now is not None:
        age_hours = (now - row.created_at).total_seconds() / 3600
        if flt.min_age_hours is not None and age_hours < flt.min_age_hours:
            return False
        if flt.max_age_hours is not None and age_hours > flt.max_age_hours:
            return False
    return True
