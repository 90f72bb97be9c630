"""The demo city's history: thousands of citizens' reports over the last weeks, each with its
photo, its timeline of events, its mentions with SLA due times, follow-ups with proof photos
(good ones and every kind of weak one the verifier checks, docs/photo-checks.md), verifications,
escalations, passing on (Koordinasi), disposition to an agency's field unit, merges of
duplicates, rejections and citizens reopening reports.

The contract functions stamp ``now()``, so history cannot go through them: this module plans
every report's life in Python with realistic timestamps (a daily rhythm in Jakarta time, SLA
due times, lognormal response times), then writes the rows as the database owner in bulk in
one transaction. The plan follows the same rules as the SQL functions (routing rules, the
escalation chain of ``qlue_escalation_target``, the mentions a reopening re-opens), so the
data reads as if it had gone through them; mention due times are computed by the database's
own ``qlue_due_at`` when the rows are written. Photos are drawn in worker processes while the
rows are written.

Recent reports stay in earlier states (new, triaged, dispatched, in coordination, with a proof
waiting for verification) so the working queue, the map and the verifier queue have work.

The work is shared out so that each module has one job:

- ``demo_model``: the demo's mix (channels, categories, hours), the proof kinds, and the rows
  a plan is made of;
- ``demo_city``: the accounts, areas, categories and rules as the database has them, with
  the Python twins of its routing, escalation and due times;
- ``demo_plan`` (with ``demo_plan_base``, ``demo_plan_forwarding``, ``demo_plan_follow_ups``):
  the ``Planner``, every report's life;
- ``demo_photos``: drawing and describing the photos, in worker processes;
- ``demo_writer``: writing the rows with ``execute_values`` and COPY;
- this module: ``seed_demo_reports``, which reads the city, plans and writes in one
  transaction, and the constants other modules import from here.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from qlue_console.seed.demo_city import City, kelurahan_resolver
from qlue_console.seed.demo_model import (
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    CITIZEN_PHONES,
    OFFICIAL_PHONES,
    PROOF_KINDS,
    WEAK_KINDS,
)
from qlue_console.seed.demo_plan import Planner
from qlue_console.seed.demo_writer import write_plan

__all__ = [
    "CATEGORY_WEIGHTS",
    "CHANNEL_WEIGHTS",
    "CITIZEN_PHONES",
    "DemoSummary",
    "OFFICIAL_PHONES",
    "PROOF_KINDS",
    "WEAK_KINDS",
    "seed_demo_reports",
]

UTC = UTC


@dataclass(frozen=True)
class DemoSummary:
    run_id: str
    reports: int
    statuses: dict[str, int]
    events: int
    event_kinds: dict[str, int]
    mentions: int
    follow_ups: int
    photos: int
    weak_proofs: dict[str, int]
    seconds: float
    recurrences: int = 0  # decided by the database as the reports were written (revision 0030)
    chronic_spots: int = 0  # standing at the end

    def line(self) -> str:
        states = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items()))
        weak = sum(self.weak_proofs.values())
        return (
            f"{self.reports} reports ({states}); {self.events} events, {self.mentions} mentions, "
            f"{self.follow_ups} follow-ups ({weak} weak proofs), {self.photos} photos, "
            f"{self.recurrences} recurrences, {self.chronic_spots} chronic spots "
            f"in {self.seconds:.1f} s [run {self.run_id}]"
        )


def _run_no(conn: Connection) -> int:
    prefixes = (
        conn.execute(
            text(
                "SELECT DISTINCT split_part(external_id, '-', 1) FROM reports "
                "WHERE external_id ~ '^demo[0-9]+-'"
            )
        )
        .scalars()
        .all()
    )
    return 1 + max((int(p[4:]) for p in prefixes if p[4:].isdigit()), default=0)


def seed_demo_reports(
    engine: Engine,
    *,
    reports: int = 3000,
    weeks: int = 8,
    now: datetime | None = None,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
    processes: int | None = None,
) -> DemoSummary:
    """Seeds ``reports`` reports spread over the last ``weeks`` weeks before ``now`` (default:
    the current time) with their whole history. Needs the reference data and the demo people
    (``seed_people``). Seeding again adds another run (external ids ``demo<N>-…``)."""
    started = time.monotonic()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if processes is None:
        processes = min(2, os.cpu_count() or 1)
    with engine.begin() as conn:
        city = City(conn)
        if not any(a.kind == "lurah" for a in city.accounts):
            raise RuntimeError(
                "the demo people are missing: seed the accounts (seed_people) before the reports"
            )
        planner = Planner(
            city,
            reports=reports,
            weeks=weeks,
            now=now,
            seed=seed,
            run_no=_run_no(conn),
            positions=kelurahan_resolver(conn),
        )
        planner.plan()
        total = len(planner.reports) + len(planner.photos)
        if progress:
            progress(len(planner.reports), total)
        write_plan(conn, planner, processes, progress, total)
        recurrences = conn.execute(
            text(
                "SELECT count(*) FROM recurrences x JOIN reports r ON r.id = x.report_id"
                " WHERE x.withdrawn_at IS NULL AND r.external_id LIKE :run"
            ),
            {"run": planner.run_id + "-%"},
        ).scalar_one()
        spots = conn.execute(text("SELECT count(*) FROM chronic_spots_at(:now)"), {"now": now})
        chronic_spots = spots.scalar_one()
    statuses = Counter(r.status for r in planner.reports)
    return DemoSummary(
        run_id=planner.run_id,
        reports=len(planner.reports),
        statuses=dict(sorted(statuses.items())),
        events=len(planner.events),
        event_kinds=dict(sorted(Counter(e.kind for e in planner.events).items())),
        mentions=len(planner.mentions),
        follow_ups=len(planner.follow_ups),
        photos=len(planner.photos),
        weak_proofs=dict(
            sorted(Counter(f.proof for f in planner.follow_ups if f.proof != "good").items())
        ),
        seconds=time.monotonic() - started,
        recurrences=recurrences,
        chronic_spots=chronic_spots,
    )
