"""The officials directory: every account that can be mentioned, with its current load (open
and overdue mentions) and its recent performance, and the compact list the @-composer ranks
and validates against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.dispatch.routing import ACCOUNT_KINDS, can_edit_routing
from qlue_console.domain.directory_search import AccountCandidate
from qlue_console.domain.mentions import AccountRef, normalize_handle

__all__ = [
    "OFFICIAL_KINDS",
    "AccountDetail",
    "Directory",
    "DirectoryRow",
    "MentionAccount",
    "OpenMention",
    "Performance",
    "as_candidates",
    "as_refs",
    "fetch_account_detail",
    "fetch_directory",
    "fetch_mention_accounts",
    "filter_directory",
    "load_directory",
]

#: Kinds of accounts that receive mentions (the operations center's own staff do not): the
#: kinds a routing rule may name.
OFFICIAL_KINDS = ACCOUNT_KINDS

PERFORMANCE_DAYS = 30


@dataclass(frozen=True)
class DirectoryRow:
    id: int
    handle: str
    display_name: str
    kind: str
    is_head: bool
    area_code: str | None
    area_name: str | None
    agency_code: str | None
    agency_name: str | None
    active: bool
    open_mentions: int
    overdue_mentions: int
    next_due: datetime | None


_DIRECTORY = """
    SELECT a.id, a.handle, a.display_name, a.kind, a.is_head, a.area_code, ar.name AS area_name,
           a.agency_code, ag.short_name AS agency_name, a.active,
           coalesce(m.open, 0) AS open_mentions, coalesce(m.overdue, 0) AS overdue_mentions,
           m.next_due
      FROM accounts a
      LEFT JOIN areas ar ON ar.code = a.area_code
      LEFT JOIN agencies ag ON ag.code = a.agency_code
      LEFT JOIN (SELECT account_id, count(*) AS open,
                        count(*) FILTER (WHERE due_at < now()) AS overdue, min(due_at) AS next_due
                   FROM mentions WHERE state = 'open' GROUP BY account_id) m
             ON m.account_id = a.id
     WHERE a.kind = ANY (CAST(:kinds AS text[]))"""


def fetch_directory(engine: Engine) -> list[DirectoryRow]:
    """Every official's account with its open and overdue mentions, by handle."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(_DIRECTORY + " ORDER BY a.handle"), {"kinds": list(OFFICIAL_KINDS)}
        ).mappings()
        return [DirectoryRow(**dict(m)) for m in rows]


@dataclass(frozen=True)
class Directory:
    """What the directory workspace loads: the officials and whether this login may edit the
    routing rules and holidays."""

    rows: tuple[DirectoryRow, ...]
    can_edit_routing: bool


def load_directory(engine: Engine) -> Directory:
    """The officials' rows (``fetch_directory``) and this login's right to edit routing."""
    return Directory(tuple(fetch_directory(engine)), can_edit_routing(engine))


def filter_directory(
    rows: Sequence[DirectoryRow],
    search: str = "",
    *,
    kind: str | None = None,
    overdue_only: bool = False,
    active_only: bool = False,
) -> list[DirectoryRow]:
    """The rows whose handle, name, area or agency contain every word of ``search``, compared
    case- and accent-insensitively."""
    words = [normalize_handle(w) for w in search.replace("@", " ").split()]
    result = []
    for row in rows:
        if kind and row.kind != kind:
            continue
        if overdue_only and not row.overdue_mentions:
            continue
        if active_only and not row.active:
            continue
        if words:
            haystack = normalize_handle(
                " ".join(
                    filter(
                        None,
                        (
                            row.handle,
                            row.display_name,
                            row.area_name,
                            row.agency_code,
                            row.agency_name,
                        ),
                    )
                )
            )
            if not all(w in haystack for w in words):
                continue
        result.append(row)
    return result


@dataclass(frozen=True)
class OpenMention:
    mention_id: int
    report_id: int
    category_id: str
    category_en: str
    report_status: str
    kelurahan: str | None
    mentioned_at: datetime
    due_at: datetime
    overdue: bool


@dataclass(frozen=True)
class Performance:
    """An account's mentions of the last ``days`` days and what became of them."""

    days: int
    received: int
    resolved: int
    resolved_on_time: int
    escalated: int
    forwarded: int
    median_response_hours: float | None
    follow_ups: int
    proofs_rejected: int

    @property
    def on_time_rate(self) -> float | None:
        return self.resolved_on_time / self.resolved if self.resolved else None


@dataclass(frozen=True)
class AccountDetail:
    account: DirectoryRow
    open: tuple[OpenMention, ...]
    performance: Performance


def fetch_account_detail(
    engine: Engine, account_id: int, days: int = PERFORMANCE_DAYS
) -> AccountDetail | None:
    """One account: its row, its open mentions (overdue first, then by due time) and its
    performance over the last ``days`` days."""
    with engine.connect() as conn:
        row = (
            conn.execute(
                text(_DIRECTORY + " AND a.id = :id"),
                {"kinds": list(OFFICIAL_KINDS), "id": account_id},
            )
            .mappings()
            .one_or_none()
        )
        if row is None:
            return None
        open_rows = conn.execute(
            text("""
            SELECT m.id AS mention_id, m.report_id, r.category_name_id AS category_id,
                   r.category_name_en AS category_en, r.status AS report_status,
                   r.kelurahan_name AS kelurahan, m.mentioned_at, m.due_at,
                   m.due_at < now() AS overdue
              FROM mentions m JOIN console_reports r ON r.id = m.report_id
             WHERE m.account_id = :id AND m.state = 'open'
             ORDER BY m.due_at < now() DESC, m.due_at, m.id LIMIT 500"""),
            {"id": account_id},
        ).mappings()
        opened = tuple(OpenMention(**dict(m)) for m in open_rows)
        perf = (
            conn.execute(
                text("""
            SELECT count(*) AS received,
                   count(*) FILTER (WHERE state = 'resolved') AS resolved,
                   count(*) FILTER (WHERE state = 'resolved' AND resolved_at <= due_at)
                       AS resolved_on_time,
                   count(*) FILTER (WHERE state = 'escalated') AS escalated,
                   count(*) FILTER (WHERE state = 'forwarded') AS forwarded,
                   percentile_cont(0.5) WITHIN GROUP
                       (ORDER BY extract(epoch FROM resolved_at - mentioned_at) / 3600.0)
                       FILTER (WHERE state = 'resolved') AS median_response_hours
              FROM mentions
             WHERE account_id = :id AND mentioned_at >= now() - make_interval(days => :days)"""),
                {"id": account_id, "days": days},
            )
            .mappings()
            .one()
        )
        follow = (
            conn.execute(
                text("""
            SELECT count(*) AS follow_ups,
                   count(*) FILTER (WHERE verification = 'rejected') AS proofs_rejected
              FROM follow_ups
             WHERE account_id = :id AND submitted_at >= now() - make_interval(days => :days)"""),
                {"id": account_id, "days": days},
            )
            .mappings()
            .one()
        )
    median = perf["median_response_hours"]
    performance = Performance(
        days=days,
        received=perf["received"],
        resolved=perf["resolved"],
        resolved_on_time=perf["resolved_on_time"],
        escalated=perf["escalated"],
        forwarded=perf["forwarded"],
        median_response_hours=float(median) if median is not None else None,
        follow_ups=follow["follow_ups"],
        proofs_rejected=follow["proofs_rejected"],
    )
    return AccountDetail(DirectoryRow(**dict(row)), opened, performance)


@dataclass(frozen=True)
class MentionAccount:
    """What the composer needs of an account: to rank it, to validate a mention of it."""

    handle: str
    display_name: str
    kind: str
    area_code: str | None
    agency_code: str | None
    active: bool


def fetch_mention_accounts(engine: Engine) -> list[MentionAccount]:
    """Every official's account, inactive ones included (so the composer can say why a
    mention of one is refused)."""
    with engine.connect() as conn:
        return [
            MentionAccount(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT handle, display_name, kind, area_code, agency_code, active "
                    "FROM accounts WHERE kind = ANY (CAST(:kinds AS text[])) ORDER BY handle"
                ),
                {"kinds": list(OFFICIAL_KINDS)},
            ).mappings()
        ]


def as_candidates(accounts: Iterable[MentionAccount]) -> list[AccountCandidate]:
    return [
        AccountCandidate(a.handle, a.display_name, a.kind, a.area_code, a.active) for a in accounts
    ]


def as_refs(accounts: Iterable[MentionAccount]) -> dict[str, AccountRef]:
    return {a.handle: AccountRef(a.handle, a.display_name, a.active) for a in accounts}
