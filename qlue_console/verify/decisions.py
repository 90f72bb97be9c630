"""A supervisor's decision on a proof, through ``decide_follow_up`` (revisions 0004 and 0012),
and the caller's role as the database sees it.

Approving a proof that fails a check needs a reason (the note): PostgreSQL refuses the approval
without one (22023, field ``override_reason``) and records it, with the failed checks, on the
``proof_approved`` event."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.db.errors import ContractError
from qlue_console.db.receipts import action_transaction
from qlue_console.db.sql_errors import translated_errors

DECISIONS = ("approve", "reject")
#: Reason codes of a rejection, in the order the verifier offers them (keys 1..6).
REASONS = ("wrong_place", "old_photo", "reused_photo", "not_fixed", "unreadable", "other")

#: The reason a failing check suggests, strongest first.
SUGGESTED_REASON = (
    ("reused_proof", "reused_photo"),
    ("same_as_citizen_photo", "reused_photo"),
    ("far_from_report", "wrong_place"),
    ("taken_before_report", "old_photo"),
    ("stale", "old_photo"),
    ("clock_implausible", "old_photo"),
    ("unreadable", "unreadable"),
    ("poor_quality", "unreadable"),
    ("self_resolved", "other"),
    ("screenshot_or_edited", "other"),
)


@dataclass(frozen=True)
class NewMention:
    mention: int
    account: int
    handle: str
    due_at: datetime


@dataclass(frozen=True)
class Decision:
    follow_up_id: int
    report_id: int
    decision: str
    status: str  # the report's new status: verified or reopened
    event_id: int
    due_at: datetime | None  # the new due time after a rejection
    mentions: tuple[NewMention, ...]


@dataclass(frozen=True)
class VerifierRole:
    login: str
    actor: str  # the handle the timeline shows
    can_decide: bool  # a supervisor (or admin, or superuser)


# Characters that write nothing: a reason made only of these is blank (the SQL rule of 0012).
_INVISIBLE = {"\u180e", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def is_blank(text: str | None) -> bool:
    """True for None, '' and text made only of spaces of any kind (tabs, no-break, zero-width)."""
    return not any(not ch.isspace() and ch not in _INVISIBLE for ch in text or "")


def failed_checks(checks) -> tuple[str, ...]:
    """The codes of the checks that failed (not skipped), in the given order; ``checks`` are
    objects with ``code``, ``verdict`` and ``skipped`` (``CheckView``)."""
    return tuple(c.code for c in checks if c.verdict == "fail" and not c.skipped)


def suggested_reason(failing: dict[str, str]) -> str | None:
    """The reason code the failing checks point to (``failing``: code → verdict)."""
    for verdict in ("fail", "warn"):
        for code, reason in SUGGESTED_REASON:
            if failing.get(code) == verdict:
                return reason
    return None


def fetch_role(engine: Engine) -> VerifierRole:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT session_user AS login, "
                "coalesce((SELECT handle FROM accounts WHERE login = session_user), "
                "session_user::text) AS actor, "
                "pg_has_role(session_user, 'qlue_supervisor', 'MEMBER') "
                "OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) "
                "AS can_decide"
            )
        ).one()
    return VerifierRole(row.login, row.actor, bool(row.can_decide))


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def decide(
    engine: Engine,
    follow_up_id: int,
    decision: str,
    reason: str | None = None,
    note: str | None = None,
) -> Decision:
    """Approves or rejects a follow-up's proof. ``note`` is the reason when approving over a
    failed check (required then). Raises ``ContractError`` (bad input, nothing written),
    ``ConflictError`` (already decided; ``details['actor']`` says by whom) or
    ``PermissionDeniedError`` (not a supervisor's login)."""
    if decision not in DECISIONS:
        raise ContractError("decision", f"the decision is approve or reject, not {decision!r}")
    if note is not None and "\x00" in note:
        raise ContractError("note", "the note contains a NUL character")
    with translated_errors(), action_transaction(engine) as conn:
        result = conn.execute(
            text("SELECT decide_follow_up(:f, :d, :r, :n)"),
            {"f": follow_up_id, "d": decision, "r": reason, "n": note},
        ).scalar_one()
    data = result if isinstance(result, dict) else json.loads(result)
    return Decision(
        follow_up_id=data["follow_up"],
        report_id=data["report"],
        decision=data["decision"],
        status=data["status"],
        event_id=data["event"],
        due_at=_time(data.get("due_at")),
        mentions=tuple(
            NewMention(m["mention"], m["account"], m["handle"], datetime.fromisoformat(m["due_at"]))
            for m in data.get("mentions") or ()
        ),
    )
