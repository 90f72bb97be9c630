"""Live counters for the status bar: reports per state label, received today, overdue."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.data.queue import QueueFilter, fetch_count, fetch_state_counts
from qlue_console.domain.states import OPEN_STATES, label_of


@dataclass(frozen=True)
class Counters:
    by_label: dict[str, int]
    received_today: int
    overdue: int
    pending_proofs: int


def fetch_counters(engine: Engine) -> Counters:
    """The header counters, through the queue's own statements (console_reports, where_clauses)."""
    by_status = fetch_state_counts(engine, QueueFilter(), OPEN_STATES)
    overdue = fetch_count(engine, QueueFilter(overdue_only=True))
    with engine.connect() as conn:
        # walks one small index range (reports_created_idx)
        today = conn.execute(
            text(
                "SELECT count(*) FROM console_reports r WHERE r.created_at >= "
                "date_trunc('day', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'"
            )
        ).scalar_one()
        pending = conn.execute(
            text("SELECT count(*) FROM follow_ups WHERE verification = 'pending'")
        ).scalar_one()
    by_label: dict[str, int] = {}
    for status, count in by_status.items():
        label = label_of(status).value
        by_label[label] = by_label.get(label, 0) + count
    return Counters(
        by_label=by_label, received_today=today, overdue=overdue, pending_proofs=pending
    )
