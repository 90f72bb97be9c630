"""Triage actions. Each returns the report's new version (or what the function returns) and
raises ``ConflictError`` when another console changed the report first, ``ClaimedError`` when
someone else holds it, ``ContractError`` for bad input and ``PermissionDeniedError`` for the
wrong role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.db.receipts import action_transaction
from qlue_console.db.sql_errors import translated_errors

REJECT_REASONS = ("spam", "out_of_scope", "incomplete", "outside_dki", "other")
CLAIM_MINUTES = 10


def _call(engine: Engine, sql: str, **params):
    with translated_errors(), action_transaction(engine) as conn:
        return conn.execute(text(sql), params).scalar_one()


def claim_next(engine: Engine, minutes: int = CLAIM_MINUTES) -> int | None:
    """Claims the oldest of the most urgent reports waiting for triage (new or triaged) that
    nobody holds — never the one the caller already holds, whose claim is released when another
    report is found; None (and nothing released) when none is waiting."""
    return _call(engine, "SELECT claim_next_report(:m)", m=minutes)


def claim(engine: Engine, report_id: int, minutes: int = CLAIM_MINUTES) -> datetime:
    """Claims a report or renews one's own claim; returns the new expiry."""
    return _call(engine, "SELECT claim_report(:r, :m)", r=report_id, m=minutes)


def release(engine: Engine, report_id: int) -> None:
    """Releases one's claim; a supervisor may break someone else's."""
    _call(engine, "SELECT release_claim(:r)::text", r=report_id)


def set_category(engine: Engine, report_id: int, version: int, category: str) -> int:
    return _call(
        engine, "SELECT set_report_category(:r, :v, :c)", r=report_id, v=version, c=category
    )


def set_priority(engine: Engine, report_id: int, version: int, priority: int) -> int:
    return _call(
        engine, "SELECT set_report_priority(:r, :v, :p)", r=report_id, v=version, p=priority
    )


def mark_triaged(engine: Engine, report_id: int, version: int) -> int:
    return _call(engine, "SELECT mark_report_triaged(:r, :v)", r=report_id, v=version)


def reject(
    engine: Engine, report_id: int, version: int, reason: str, note: str | None = None
) -> int:
    return _call(
        engine,
        "SELECT reject_report(:r, :v, :reason, :note)",
        r=report_id,
        v=version,
        reason=reason,
        note=note,
    )


def undo_reject(engine: Engine, report_id: int, version: int) -> int:
    """Undoes a rejection made during triage while the report is still at ``version`` (the one
    ``reject`` returned): the report is back in its state before."""
    return _call(engine, "SELECT undo_reject(:r, :v)", r=report_id, v=version)


def merge(engine: Engine, report_id: int, version: int, original_id: int) -> int:
    return _call(engine, "SELECT merge_report(:r, :v, :o)", r=report_id, v=version, o=original_id)


def comment(engine: Engine, report_id: int, body: str) -> int:
    return _call(engine, "SELECT comment_report(:r, :t)", r=report_id, t=body)


def whoami(engine: Engine) -> str:
    """The login the database sees for this console (claims are held under it)."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT session_user::text")).scalar_one()
