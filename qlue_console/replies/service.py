"""Replies to the citizen: what a reply's placeholders stand for on one report, and the reply
itself (``reply_to_citizen``, revision 0026), a public 'reply' event on the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.db.sql_errors import translated_errors


@dataclass(frozen=True)
class ReplyContext:
    report_id: int
    status: str
    category_code: str
    category_id: str
    category_en: str
    kelurahan: str | None
    due_at: datetime | None
    # whom the report's open mentions ask: an agency's name, else the office ("Lurah Gambir");
    # never a person's handle
    officials: tuple[str, ...]
    private: bool


_CONTEXT = text("""
    SELECT r.id AS report_id, r.status, r.category_code, r.category_name_id AS category_id,
           r.category_name_en AS category_en, r.kelurahan_name AS kelurahan, r.due_at,
           coalesce((SELECT array_agg(DISTINCT coalesce(ag.name, a.display_name))
                       FROM mentions m JOIN accounts a ON a.id = m.account_id
                       LEFT JOIN agencies ag ON ag.code = a.agency_code
                      WHERE m.report_id = r.id AND m.state = 'open'), '{}') AS officials,
           r.private
      FROM console_reports r WHERE r.id = :id""")


def load_reply_context(engine: Engine, report_id: int) -> ReplyContext | None:
    with engine.connect() as conn:
        row = conn.execute(_CONTEXT, {"id": report_id}).mappings().one_or_none()
    if row is None:
        return None
    values = dict(row)
    values["officials"] = tuple(values["officials"] or ())
    return ReplyContext(**values)


def reply_to_citizen(engine: Engine, report_id: int, body: str, language: str = "id") -> int:
    """Writes a public reply on the report's timeline; returns the event's id. The citizen's
    channel reads it (``channel_replies``) and the Open311 gateway shows it as a note."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text("SELECT reply_to_citizen(:r, :t, :l)"), {"r": report_id, "t": body, "l": language}
        ).scalar_one()
