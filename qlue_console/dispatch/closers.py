"""Routing for a fix that did not hold: a recurrence (revision 0030) is suggested first to the
officials whose approved proof closed the report it came back after — they know the place and
what was done there — then to the accounts the routing rules give, each once.

A closer who is no longer active is not suggested; one the rules suggest too keeps the rule's
reason and is marked as having closed the earlier report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import Engine, text

from qlue_console.data.recurrences import fetch_closers
from qlue_console.dispatch.routing import Suggestion, suggest_mentions

__all__ = ["CLOSER_RULE", "closers_first", "suggest_with_closers"]

CLOSER_RULE = "earlier_fix"  # the rule_level of a closer no routing rule suggests

_ACCOUNTS = text("""
    SELECT a.id AS account_id, a.handle, a.display_name, a.kind, a.area_code, a.agency_code,
           EXISTS (SELECT 1 FROM mentions m WHERE m.report_id = :id AND m.account_id = a.id
                      AND m.state = 'open') AS already_open
      FROM accounts a
     WHERE a.active AND a.handle = ANY(:handles)""")


def closers_first(
    suggestions: Sequence[Suggestion], closers: Sequence[Suggestion]
) -> list[Suggestion]:
    """The closers (in their order, marked ``closed_earlier``) then the other suggestions; a
    closer the rules suggest too keeps the rule's reason."""
    by_account = {s.account_id: s for s in suggestions}
    first: list[Suggestion] = []
    for closer in closers:
        if any(s.account_id == closer.account_id for s in first):
            continue
        first.append(replace(by_account.get(closer.account_id, closer), closed_earlier=True))
    taken = {s.account_id for s in first}
    return first + [s for s in suggestions if s.account_id not in taken]


def _closer_accounts(engine: Engine, report_id: int, handles: Sequence[str]) -> list[Suggestion]:
    with engine.connect() as conn:
        rows = {
            m["handle"]: m
            for m in conn.execute(_ACCOUNTS, {"id": report_id, "handles": list(handles)})
            .mappings()
            .all()
        }
    return [
        Suggestion(
            **dict(rows[h]),
            rule_level=CLOSER_RULE,
            rule_kind=rows[h]["kind"],
            position=-1,
            closed_earlier=True,
        )
        for h in handles
        if h in rows
    ]


def suggest_with_closers(engine: Engine, report_id: int) -> list[Suggestion]:
    """The accounts to mention for a report: for a recurrence the officials who closed the
    earlier report first, then the routing rules' suggestions (``suggest_mentions``)."""
    suggestions = suggest_mentions(engine, report_id)
    handles = fetch_closers(engine, report_id)
    if not handles:
        return suggestions
    return closers_first(suggestions, _closer_accounts(engine, report_id, handles))
