"""The triage queue: server-side filtering, two sort orders and keyset paging over reports.

Paging never uses OFFSET: a page starts after the sort key of the last row shown, so page
1,000 costs what page 1 costs, and rows inserted meanwhile do not shift the pages.

Sort orders: ``newest`` (created_at DESC, id DESC) and ``priority`` (the working order of
"Next report": priority DESC, then oldest first).

Every statement reads ``console_reports`` (migration 0014), and ``where_clauses`` is the one
place a ``QueueFilter`` becomes SQL. Live updates ask the page's statement again narrowed to the
changed ids (``fetch_queue_changes``), so the queue, its counts and the map never disagree.
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
    recurrences_only: bool = False  # fixes that did not hold (revision 0030)
    chronic_spot: int | None = None  # the reports of one chronic spot

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
    channel_name: str | None = field(default=None)  # the Open311 channel that posted it (0019)
    recurrence_of: int | None = field(default=None)  # the closed report it came back after (0030)

    @property
    def key(self) -> QueueKey:
        return QueueKey(self.created_at, self.id, self.priority)


# The page is chosen in a subquery over console_reports (one table and its indexes: the view's
# name columns are scalar subqueries on primary keys, evaluated for the rows of the page only),
# then decorated with the photo and repeat-reporter lookups, again for its rows only.
_PAGE_COLUMNS = f"""
SELECT r.id, r.created_at, r.priority, r.status, r.category_code,
       r.category_name_id, r.category_name_en,
       r.kelurahan_code, r.kelurahan_name, r.kecamatan_name, r.kota_name,
       r.channel, left(r.text, {EXCERPT_CHARS}) AS excerpt,
       r.claimed_by, r.claim_expires_at, r.outside_jurisdiction, r.overdue, r.due_at,
       r.citizen_handle, r.lat, r.lon, r.channel_name, r.recurrence_of
  FROM console_reports r
"""

_DECORATED = """
SELECT r.id, r.created_at, r.priority, r.status, r.category_code,
       r.category_name_id AS category_id, r.category_name_en AS category_en,
       r.kelurahan_code, r.kelurahan_name AS kelurahan, r.kecamatan_name AS kecamatan,
       r.kota_name AS kota, r.channel, r.excerpt,
       ph.has_photo IS NOT NULL AS has_photo,
       CASE WHEN r.claim_expires_at > now() THEN r.claimed_by END AS claimed_by,
       r.outside_jurisdiction, r.overdue,
       rp.repeat IS NOT NULL AS repeat,
       r.due_at, r.channel_name, r.recurrence_of
  FROM ({page}) r
  LEFT JOIN LATERAL (SELECT true AS has_photo FROM photos p
                      WHERE p.report_id = r.id AND p.kind = 'report' LIMIT 1) ph ON true
  LEFT JOIN LATERAL (SELECT true AS repeat FROM reports e
                      WHERE e.citizen_handle = r.citizen_handle
                        AND e.category_code = r.category_code
                        AND e.created_at < r.created_at
                        AND e.created_at > r.created_at - interval '60 days'
                        AND abs(e.lat - r.lat) < 0.003 AND abs(e.lon - r.lon) < 0.003
                      LIMIT 1) rp ON true
 ORDER BY {order}
"""


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where_clauses(flt: QueueFilter, params: dict, alias: str = "r") -> list[str]:
    """The SQL conditions of a filter over ``console_reports`` (aliased ``alias``): the one place
    a ``QueueFilter`` becomes SQL, shared by the queue, its live changes, its counts and the map."""
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
        # the view's definition; the due_at bound it implies lets the planner walk
        # reports_due_open_idx instead of every open report
        clauses.append(f"{a}.overdue AND {a}.due_at < now()")
    if flt.recurrences_only:
        # through the small table's index, not the view's column row by row
        clauses.append(
            f"{a}.id IN (SELECT x.report_id FROM recurrences x WHERE x.withdrawn_at IS NULL)"
        )
    if flt.chronic_spot is not None:
        clauses.append(
            f"{a}.id IN (SELECT m.report_id FROM chronic_spot_reports m"
            " WHERE m.spot_id = :chronic_spot)"
        )
        params["chronic_spot"] = flt.chronic_spot
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
            "(r.priority < :after_p OR (r.priority = :after_p"
            " AND (r.created_at, r.id) > (:after_at, :after_id)))"
        )
        params.update(after_p=after.priority, after_at=after.created_at, after_id=after.id)
    else:
        clauses.append("(r.created_at, r.id) < (:after_at, :after_id)")
        params.update(after_at=after.created_at, after_id=after.id)


def _fetch(engine: Engine, flt: QueueFilter, clauses: list[str], params: dict) -> list[QueueRow]:
    order = order_by(flt.sort)
    page = f"{_PAGE_COLUMNS} WHERE {' AND '.join(clauses)} ORDER BY {order}"
    if "limit" in params:
        page += " LIMIT :limit"
    sql = text(_DECORATED.format(page=page, order=order))
    sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        return [QueueRow(**dict(m)) for m in conn.execute(sql, params).mappings()]


def fetch_queue_page(
    engine: Engine, flt: QueueFilter, after: QueueKey | None = None, limit: int = 200
) -> list[QueueRow]:
    """A page of the queue under a filter: the rows after ``after`` in the filter's order."""
    params: dict = {"limit": limit}
    clauses = where_clauses(flt, params)
    _after(flt, after, clauses, params)
    return _fetch(engine, flt, clauses, params)


def fetch_queue_changes(engine: Engine, flt: QueueFilter, ids: Sequence[int]) -> list[QueueRow]:
    """The page's statement narrowed to the given reports (a live batch): the rows returned
    belong in the view under this filter as they are now; an id not returned does not."""
    if not ids:
        return []
    params: dict = {"ids": sorted(set(ids))}
    clauses = [*where_clauses(flt, params), "r.id = ANY(:ids)"]
    return _fetch(engine, flt, clauses, params)


def fetch_state_counts(engine: Engine, flt: QueueFilter, states: Sequence[str]) -> dict[str, int]:
    """How many reports each state has under the filter's other conditions (the tab counts)."""
    params: dict = {}
    clauses = where_clauses(replace(flt, states=tuple(states)), params)
    sql = text(
        "SELECT r.status, count(*) FROM console_reports r WHERE "
        + " AND ".join(clauses)
        + " GROUP BY r.status"
    )
    sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        return {status: count for status, count in conn.execute(sql, params)}


def fetch_count(engine: Engine, flt: QueueFilter) -> int:
    """How many reports the filter selects."""
    params: dict = {}
    sql = text(
        "SELECT count(*) FROM console_reports r WHERE " + " AND ".join(where_clauses(flt, params))
    )
    sql = sql.bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        return conn.execute(sql, params).scalar_one()
