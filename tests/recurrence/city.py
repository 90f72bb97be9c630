"""Helpers of the recurrence tests: reports through the contract at crafted places and times,
and a report verified closed at a given time (imported history's 'closed', the contract's own
way to close a report at a time that is not now)."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from qlue_console.db import contract

MONAS = (-6.1754, 106.8272)
METRES_PER_DEGREE = 6371008.8 * math.pi / 180
NOW = datetime.now(UTC)
_numbers = itertools.count(1)


def north(metres: float, of: tuple[float, float] = MONAS) -> tuple[float, float]:
    """The position ``metres`` north of ``of`` (a great circle along the meridian)."""
    return of[0] + metres / METRES_PER_DEGREE, of[1]


def east(metres: float, of: tuple[float, float] = MONAS) -> tuple[float, float]:
    """About ``metres`` east of ``of`` along its parallel (exact enough away from an edge)."""
    return of[0], of[1] + metres / (METRES_PER_DEGREE * math.cos(math.radians(of[0])))


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def submit(engine, where=MONAS, *, when: datetime | None = None, category="sampah") -> int:
    with engine.begin() as conn:
        return contract.submit_report(
            conn,
            channel="app",
            external_id=f"rec-{next(_numbers)}",
            citizen="warga_monas",
            text_="Saluran tersumbat lagi",
            category=category,
            lat=where[0],
            lon=where[1],
            reported_at=when,
        )


def close(engine, report_id: int, when: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("SELECT import_report_history(:r, 'closed', :at, 'selesai')"),
            {"r": report_id, "at": when},
        )


def closed_report(engine, where=MONAS, *, closed: datetime, category="sampah") -> int:
    report_id = submit(engine, where, when=closed - timedelta(days=2), category=category)
    close(engine, report_id, closed)
    return report_id


def recurrence_of(engine, report_id: int):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT recurrence_of FROM console_reports WHERE id = :r"), {"r": report_id}
        ).scalar_one()


def kinds(engine, report_id: int) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT kind FROM events WHERE report_id = :r ORDER BY id"), {"r": report_id}
            ).scalars()
        )


def payloads(engine, report_id: int, kind: str) -> list[dict]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT payload FROM events WHERE report_id = :r AND kind = :k ORDER BY id"),
                {"r": report_id, "k": kind},
            ).scalars()
        )
