"""Live counters for the status bar: reports per state label, received today, overdue."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.domain.states import label_of


@dataclass(frozen=True)
class Counters:
    by_label: dict[str, int]
    received_today: int
    overdue: int
    pending_proofs: int


def fetch_counters(engine: Engine) -> Counters:
    with engine.connect() as conn:
        by_status = conn.execute(
            text(
                "SELECT status, count(*) FROM reports WHERE status NOT IN ('verified', 'rejected', 'duplicate') "
                "GROUP BY status"
            )
        ).all()
        # each count walks one small index range (reports_created_idx, reports_due_open_idx)
        today = conn.execute(
            text(
                "SELECT count(*) FROM reports WHERE created_at >= "
                "date_trunc('day', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'"
            )
        ).scalar_one()
        overdue = conn.execute(
            text(
                "SELECT count(*) FROM reports WHERE due_at < now() "
                "AND status NOT IN ('verified', 'rejected', 'duplicate')"
            )
        ).scalar_one()
        pending = conn.execute(
            text("SELECT count(*) FROM follow_ups WHERE verification = 'pending'")
        ).scalar_one()
    by_label: dict[str, int] = {}
    for status, count in by_status:
        label = label_of(status).value
        by_label[label] = by_label.get(label, 0) + count
    return Counters(
        by_label=by_label, received_today=today, overdue=overdue, pending_proofs=pending
    )
