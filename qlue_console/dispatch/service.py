"""Dispatching, passing on and escalating, over the 0003 SQL functions, and what the dispatch
panel shows of a report. Each write is one call of one function in one transaction; the
database refuses with ``ContractError`` (bad input: an unknown or inactive account, nothing
new to send, no reason), ``ConflictError`` (the report changed since it was read; the message
names who changed it), ``ClaimedError`` (someone else holds the report) or ``PermissionDeniedError``
(the login's role may not)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.db.errors import ContractError
from qlue_console.db.receipts import action_transaction
from qlue_console.db.sql_errors import translated_errors
from qlue_console.dispatch.closers import suggest_with_closers
from qlue_console.dispatch.routing import Suggestion
from qlue_console.domain.mentions import unique_handles

__all__ = [
    "DispatchContext",
    "DispatchResult",
    "Escalation",
    "MentionInfo",
    "ReportMention",
    "dispatch",
    "escalate_overdue",
    "undo_dispatch",
    "forward",
    "load_dispatch_context",
]


@dataclass(frozen=True)
class MentionInfo:
    mention_id: int
    account_id: int
    handle: str
    due_at: datetime


@dataclass(frozen=True)
class DispatchResult:
    version: int  # the report's new version
    event_id: int
    status: str  # dispatched, or coordination after a pass-on
    added: tuple[MentionInfo, ...]  # the mentions opened
    already: tuple[str, ...]  # handles that already held an open mention (not repeated)
    forwarded: tuple[str, ...] = ()  # handles whose mentions closed as forwarded


def _result(raw) -> DispatchResult:
    data = raw if isinstance(raw, dict) else json.loads(raw)
    return DispatchResult(
        version=data["version"],
        event_id=data["event"],
        status=data["status"],
        added=tuple(
            MentionInfo(
                m["mention"], m["account"], m["handle"], datetime.fromisoformat(m["due_at"])
            )
            for m in data.get("added") or ()
        ),
        already=tuple(data.get("already") or ()),
        forwarded=tuple(data.get("forwarded") or ()),
    )


def dispatch(
    engine: Engine,
    report_id: int,
    version: int | None,
    message: str,
    handles: Sequence[str] | None = None,
) -> DispatchResult:
    """Dispatches a report: the message as the event, one mention per account not already
    holding one. ``handles`` default to those ``message`` mentions (parsed by the one mention
    parser). ``version`` None skips the optimistic check (scripts only)."""
    if handles is None:
        handles = unique_handles(message or "")
    handles = [h.removeprefix("@") for h in handles]
    if not handles:
        raise ContractError("handles", "mention at least one official (@handle)")
    with translated_errors(), action_transaction(engine) as conn:
        raw = conn.execute(
            text("SELECT dispatch_report(:r, :v, :m, CAST(:h AS text[]))"),
            {"r": report_id, "v": version, "m": message, "h": list(handles)},
        ).scalar_one()
    return _result(raw)


def undo_dispatch(engine: Engine, report_id: int, version: int) -> int:
    """Withdraws a dispatch made during triage while no official has acted on it and the report
    is still at ``version`` (the one the dispatch returned); returns the new version."""
    with translated_errors(), action_transaction(engine) as conn:
        return conn.execute(
            text("SELECT undo_dispatch(:r, :v)"), {"r": report_id, "v": version}
        ).scalar_one()


def forward(
    engine: Engine,
    report_id: int,
    version: int | None,
    to: Sequence[str],
    reason: str,
    message: str | None = None,
    from_: Sequence[str] | None = None,
) -> DispatchResult:
    """Passes a report on (Koordinasi) to ``to`` with a reason: the open mentions of ``from_``
    (default: all, except those of accounts in ``to``) close as forwarded, the accounts in
    ``to`` get fresh mentions, the report shows Koordinasi."""
    to = [h.removeprefix("@") for h in to]
    if not to:
        raise ContractError("to", "name at least one account to pass the report on to (@handle)")
    with translated_errors(), action_transaction(engine) as conn:
        raw = conn.execute(
            text(
                "SELECT forward_report(:r, :v, CAST(:to AS text[]), :reason, :m, "
                "CAST(:from_ AS text[]))"
            ),
            {
                "r": report_id,
                "v": version,
                "to": list(to),
                "reason": reason,
                "m": message,
                "from_": [h.removeprefix("@") for h in from_] if from_ is not None else None,
            },
        ).scalar_one()
    return _result(raw)


@dataclass(frozen=True)
class Escalation:
    mention_id: int
    report_id: int
    from_handle: str
    to_handle: str
    new_mention_id: int | None  # None when the next level already held an open mention
    event_id: int


def escalate_overdue(engine: Engine) -> list[Escalation]:
    """Escalates every overdue open mention one level, once, whoever else calls it at the
    same time (another console, the scheduler's ``qlue-console escalate``)."""
    with translated_errors(), engine.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT mention, report, from_handle, to_handle, new_mention, event "
                "FROM qlue_escalate_overdue()"
            )
        ).all()
    return [Escalation(*row) for row in rows]


@dataclass(frozen=True)
class ReportMention:
    mention_id: int
    handle: str
    display_name: str
    kind: str
    state: str  # open, resolved, forwarded, escalated, closed
    mentioned_at: datetime
    due_at: datetime
    resolved_at: datetime | None
    overdue: bool


def _report_mentions(conn, report_id: int) -> list[ReportMention]:
    return [
        ReportMention(**dict(m))
        for m in conn.execute(
            text("""
        SELECT m.id AS mention_id, a.handle, a.display_name, a.kind, m.state, m.mentioned_at,
               m.due_at, m.resolved_at, (m.state = 'open' AND m.due_at < now()) AS overdue
          FROM mentions m JOIN accounts a ON a.id = m.account_id
         WHERE m.report_id = :id ORDER BY m.state <> 'open', m.mentioned_at, m.id"""),
            {"id": report_id},
        ).mappings()
    ]


@dataclass(frozen=True)
class DispatchContext:
    """What the dispatch panel shows of one report."""

    report_id: int
    version: int
    status: str
    category_code: str
    category_id: str
    category_en: str
    sla_hours: int
    sla_mode: str
    kelurahan_code: str | None
    kecamatan_code: str | None
    kota_code: str | None
    kelurahan: str | None
    due_if_sent_now: datetime  # the due time a mention made now gets
    suggestions: tuple[Suggestion, ...]
    mentions: tuple[ReportMention, ...]
    can_dispatch: bool  # this login may execute dispatch_report

    @property
    def area_codes(self) -> tuple[str, ...]:
        return tuple(c for c in (self.kelurahan_code, self.kecamatan_code, self.kota_code) if c)


# The report as the console reads it (console_reports, revision 0014) and its category's SLA.
_CONTEXT = """
    SELECT r.id AS report_id, r.version, r.status, r.category_code,
           r.category_name_id AS category_id, r.category_name_en AS category_en,
           c.sla_hours, c.sla_mode, r.kelurahan_code, r.kecamatan_code, r.kota_code,
           r.kelurahan_name AS kelurahan,
           qlue_due_at(qlue_dispatch_clock(), c.sla_hours, c.sla_mode) AS due_if_sent_now,
           has_function_privilege('dispatch_report(bigint, integer, text, text[])', 'EXECUTE')
               AS can_dispatch
      FROM console_reports r JOIN categories c ON c.code = r.category_code
     WHERE r.id = :id"""


def load_dispatch_context(engine: Engine, report_id: int) -> DispatchContext | None:
    with engine.connect() as conn:
        row = (
            conn.execute(
                text(_CONTEXT),
                {"id": report_id},
            )
            .mappings()
            .one_or_none()
        )
        if row is None:
            return None
        mentions = tuple(_report_mentions(conn, report_id))
    return DispatchContext(
        **dict(row), suggestions=tuple(suggest_with_closers(engine, report_id)), mentions=mentions
    )
