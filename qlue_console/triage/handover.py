"""The shift handover (revision 0032): the note a person leaves the next shift of their team
(the text, the named views to watch, the reports to keep an eye on), its history, the note
waiting at sign-in until someone of the team acknowledges it, and the caller's claims handed
to a named colleague in one transaction. Plain data in and out; PostgreSQL decides who may."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.db.receipts import action_transaction
from qlue_console.db.sql_errors import translated_errors
from qlue_console.triage.actions import CLAIM_MINUTES

_COLUMNS = (
    "id, author, author_login, written_at, body, view_ids, view_names, report_ids, "
    "acknowledged_by, acknowledged_at"
)


@dataclass(frozen=True)
class HandoverNote:
    id: int
    author: str
    author_login: str
    written_at: datetime
    body: str
    views: tuple[tuple[int, str], ...]  # (saved view id, its name when the note was written)
    reports: tuple[int, ...]
    acknowledged_by: str | None
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class Colleague:
    login: str
    name: str


@dataclass(frozen=True)
class HeldClaim:
    report_id: int
    summary: str  # the start of the citizen's text
    expires_at: datetime


def _note(row) -> HandoverNote:
    return HandoverNote(
        id=row["id"],
        author=row["author"],
        author_login=row["author_login"],
        written_at=row["written_at"],
        body=row["body"],
        views=tuple(zip(row["view_ids"], row["view_names"], strict=True)),
        reports=tuple(row["report_ids"]),
        acknowledged_by=row["acknowledged_by"],
        acknowledged_at=row["acknowledged_at"],
    )


def write_note(
    engine: Engine, body: str, view_ids: Sequence[int] = (), report_ids: Sequence[int] = ()
) -> int:
    """Writes the caller's note for the next shift of their team; returns its id."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text("SELECT write_handover_note(:b, CAST(:v AS integer[]), CAST(:r AS bigint[]))"),
            {"b": body, "v": list(view_ids), "r": list(report_ids)},
        ).scalar_one()


def history(engine: Engine, limit: int = 50) -> list[HandoverNote]:
    """The team's notes, newest first, with who acknowledged each."""
    with translated_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT {_COLUMNS} FROM handover_history(:n)"), {"n": limit}
        ).mappings()
        return [_note(r) for r in rows]


def pending_note(engine: Engine) -> HandoverNote | None:
    """The note to show at sign-in: the team's latest, written by someone else and not yet
    acknowledged (None: nothing waits). A login in no team is refused."""
    with translated_errors(), engine.connect() as conn:
        row = conn.execute(text(f"SELECT {_COLUMNS} FROM pending_handover_note()")).mappings()
        found = row.first()
        return _note(found) if found is not None else None


def acknowledge(engine: Engine, note_id: int) -> datetime:
    """The caller takes the note over; returns when it was acknowledged."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text("SELECT acknowledge_handover_note(:n)"), {"n": note_id}
        ).scalar_one()


def colleagues(engine: Engine) -> list[Colleague]:
    """Who may receive the caller's claims, by name."""
    with translated_errors(), engine.connect() as conn:
        rows = conn.execute(text("SELECT login, name FROM claim_colleagues()")).all()
    return [Colleague(login, name) for login, name in rows]


def my_claims(engine: Engine) -> list[HeldClaim]:
    """The reports the caller holds a live claim on, the oldest claim first."""
    with translated_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, left(text, 80), claim_expires_at FROM reports "
                "WHERE claimed_by = session_user AND claim_expires_at > now() "
                "ORDER BY claim_expires_at, id"
            )
        ).all()
    return [HeldClaim(rid, title or "", expires) for rid, title, expires in rows]


def hand_claims(
    engine: Engine, report_ids: Sequence[int], to_login: str, minutes: int = CLAIM_MINUTES
) -> int:
    """Hands the caller's claims on these reports to a colleague, all or none; returns how
    many. ``PermissionDeniedError`` when a claim is not the caller's or the colleague may not
    claim."""
    with translated_errors(), action_transaction(engine) as conn:
        return conn.execute(
            text("SELECT hand_claims_to(CAST(:r AS bigint[]), :to, :m)"),
            {"r": list(report_ids), "to": to_login, "m": minutes},
        ).scalar_one()
