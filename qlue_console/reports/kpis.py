"""The weekly KPIs: every definition and the one SQL statement that computes them.

The console's Reports workspace, the three exports and ``qlue-console report weekly`` all call
``fetch_weekly_kpis``; nothing else computes a KPI. docs/kpis.md has the same definitions as a
table.

**The week.** ISO week W in Jakarta time: [Monday 00:00 WIB, next Monday 00:00 WIB), turned
into instants inside PostgreSQL with ``AT TIME ZONE 'Asia/Jakarta'`` so the server's TimeZone
setting never matters. An event counts in W when its ``at`` falls in that interval.

**As of the week's end.** Only what happened before the week's end is read, so a finished
week's figures never change afterwards, whatever is done to its reports since (events are
append-only; a mention's current state is never read). A report's state at the week's end
is the state its last state-changing event before the end put it in (``qlue_kpi_state`` in
alembic/sql/0005: created -> new, triaged, dispatched, forwarded -> coordination, follow_up ->
followed_up, proof_approved/closed -> verified, proof_rejected/reopened -> reopened, rejected,
merged into another -> duplicate). A mention is open at the week's end when it was made before
the end and had not stopped being open before it: its validity interval (``kpi_mention_spans``
in alembic/sql/0011) ends at its ``resolved_at`` (resolved by a follow-up, passed on), at the
``escalated`` event naming it, or, closed with its report, when the report first became
verified, rejected or a duplicate after the mention was made.

**Per report** (the facts), for a report with a ``created`` event before the week's end:

- received: created in W and, at the week's end, neither merged into another report
  (``duplicates``) nor rejected (``rejected``) — those two are counted apart, so
  received + duplicates + rejected = all reports created in W;
- dispatched: its first ``dispatched`` event falls in W;
- followed up: it has a ``follow_up`` event in W (``follow_ups`` counts the events: proofs posted);
- verified: it has a ``proof_approved`` (or ``closed``) event in W;
- proofs approved / rejected: its ``proof_approved`` / ``proof_rejected`` events in W;
- reopened: its ``reopened`` events in W made by a citizen (payload ``by`` absent or
  'citizen'); a supervisor's proof rejection counts as a proof rejection only;
- forwarded: it has a ``forwarded`` event in W; forwarded more than once: it also has two or
  more ``forwarded`` events in all up to the week's end; handled: a ``dispatched`` or
  ``forwarded`` event in W (the forwarding rate's base);
- weighted received: the sum of the problem weights (``categories.weight``, numeric) of the
  received reports, exact (``Decimal``);
- backlog: open at the week's end (not verified, rejected or merged); overdue: in the backlog,
  not waiting for proof verification (state ``followed_up``), and holding a mention open at the
  week's end (see above) and due before it;
- time to triage: for a report whose first triage action (``triaged``, ``dispatched``,
  ``forwarded``, ``rejected``, or ``merged`` into another) falls in W, from ``created`` to it;
- response time: for a report whose first ``follow_up`` falls in W, from its first
  ``dispatched`` (from ``created`` when it was never dispatched before) to that follow-up;
- SLA met: for the same reports, the first follow-up came no later than the due time of the
  first dispatch's mentions (the category's SLA, working days and holidays included, fixed at
  dispatch); when no mention exists, ``qlue_due_at`` of the category from the first dispatch;
- time to verified close: for a report verified in W, from ``created`` to its last approval in W;
- reused proofs: of the follow-ups posted in W, those whose proof is reused — by the
  verifier's reuse check when one was recorded before the week's end (verdict 'fail'; the
  last such verdict, ``kpi_proof_checks`` in alembic/sql/0011), otherwise when
  the proof photo's sha256, or its perceptual hash (exact equality), equals that of a proof
  photo of another report stored before it (the first use of a photo is not a reuse; every
  later use on another report is).

**Groups.** agency: the agency responsible for the report's category at the week's end
(categories.agency_code; a report recategorised since counts with the category it had then);
kota, kecamatan, kelurahan: the report's area codes; official: every account mentioned on the
report before the week's end (a report counts for each of them; backlog and overdue only for
the officials whose own mention was open, and overdue, at the week's end). A report without the
group's code (outside DKI Jakarta) falls in the group ``None`` (shown as unassigned, not ranked).
The city row counts every report once. Every agency and area of the level is listed; an
official only when one of their own figures is non-zero (``KpiRow.has_figures``: a count, the
weighted volume or a duration), not merely for being mentioned on a report still open.

**Per group**: counts are sums over its reports; durations are medians and 90th percentiles
(``percentile_cont``, hours); rates are ratios of the counts (``None`` when the base is 0):
SLA compliance = SLA met / first follow-ups in W; proof rejection rate = proofs rejected /
(approved + rejected); reopen rate = reopened / verified; reused-proof rate = reused proofs /
follow-ups; forwarding rate = forwarded more than once / handled; response rate = followed up /
(followed up + overdue); recurrence rate = came back / closed in the window (the reports the
group closed in the 30 days to the week's end whose place came back before it, from revision
0030's events; ``recurrence_kpis.py`` has the definition and its statement).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from qlue_console.reports.cancel import CancelledError, CancelToken
from qlue_console.reports.kpi_statement import WEEK_SQL
from qlue_console.reports.recurrence_kpis import recurrence_counts
from qlue_console.reports.weeks import Week

GROUPINGS: tuple[str, ...] = ("agency", "kota", "kecamatan", "kelurahan", "official")
AREA_LEVEL = {"kota": "kota", "kecamatan": "kecamatan", "kelurahan": "kelurahan"}
# Response-time distribution: bucket edges in hours (0-6 h, 6-24 h, 1-3 d, 3-7 d, >= 7 d).
RESPONSE_BUCKETS_H: tuple[float, ...] = (6.0, 24.0, 72.0, 168.0)
STATEMENT_TIMEOUT_MS = 120_000
WORK_MEM = "64MB"  # the week's per-report facts are sorted and hashed in memory

_COUNT_FIELDS = (
    "received",
    "duplicates",
    "rejected",
    "dispatched",
    "followed_up",
    "follow_ups",
    "verified",
    "proofs_approved",
    "proofs_rejected",
    "reopened",
    "forwarded",
    "forwarded_multi",
    "handled",
    "backlog",
    "overdue",
    "sla_base",
    "sla_met",
    "reused_proofs",
)
_DECIMAL_FIELDS = ("weighted_received",)  # sums of categories.weight (numeric): exact
_DURATION_FIELDS = (
    "triage_median_h",
    "triage_p90_h",
    "response_median_h",
    "response_p90_h",
    "close_median_h",
    "close_p90_h",
)


@dataclass(frozen=True)
class KpiRow:
    """One group's KPIs for one week (see the module docstring for each definition)."""

    grouping: str
    key: str | None  # agency code, area code, account id as text; None: unassigned
    name: str  # agency short name, area name, @handle; '' when unassigned
    context: str = ""  # full agency name, parent area, the official's name and role
    received: int = 0
    duplicates: int = 0
    rejected: int = 0
    weighted_received: Decimal = Decimal(0)  # exact: a sum of decimal weights
    dispatched: int = 0
    followed_up: int = 0
    follow_ups: int = 0
    verified: int = 0
    proofs_approved: int = 0
    proofs_rejected: int = 0
    reopened: int = 0
    forwarded: int = 0
    forwarded_multi: int = 0
    handled: int = 0
    backlog: int = 0
    overdue: int = 0
    triage_median_h: float | None = None
    triage_p90_h: float | None = None
    response_median_h: float | None = None
    response_p90_h: float | None = None
    close_median_h: float | None = None
    close_p90_h: float | None = None
    sla_base: int = 0
    sla_met: int = 0
    reused_proofs: int = 0
    # The recurrence window (recurrence_kpis.py): looking back 30 days, so not in has_figures
    closed_window: int = 0  # reports closed in the window ending at the week's end
    came_back: int = 0  # of those, whose place came back before the week's end

    @staticmethod
    def _ratio(num: float, den: float) -> float | None:
        return num / den if den else None

    @property
    def sla_compliance(self) -> float | None:
        return self._ratio(self.sla_met, self.sla_base)

    @property
    def proof_rejection_rate(self) -> float | None:
        return self._ratio(self.proofs_rejected, self.proofs_approved + self.proofs_rejected)

    @property
    def reopen_rate(self) -> float | None:
        return self._ratio(self.reopened, self.verified)

    @property
    def reused_proof_rate(self) -> float | None:
        return self._ratio(self.reused_proofs, self.follow_ups)

    @property
    def forwarding_rate(self) -> float | None:
        return self._ratio(self.forwarded_multi, self.handled)

    @property
    def response_rate(self) -> float | None:
        return self._ratio(self.followed_up, self.followed_up + self.overdue)

    @property
    def recurrence_rate(self) -> float | None:
        return self._ratio(self.came_back, self.closed_window)

    @property
    def has_figures(self) -> bool:
        """One of the row's own figures is non-zero: a count, the weighted volume, or a duration
        (an official is listed in a week only then)."""
        return (
            any(getattr(self, name) for name in _COUNT_FIELDS)
            or bool(self.weighted_received)
            or any(getattr(self, name) is not None for name in _DURATION_FIELDS)
        )

    @property
    def active(self) -> bool:
        """Anything to rank on this week."""
        return bool(
            self.received
            or self.dispatched
            or self.followed_up
            or self.verified
            or self.backlog
            or self.proofs_rejected
            or self.reopened
        )


@dataclass(frozen=True)
class DailyCount:
    day: date
    state: str  # the report's state at the week's end (domain.states)
    count: int


@dataclass(frozen=True)
class WeeklyKpis:
    week: Week
    city: KpiRow
    groups: dict[str, tuple[KpiRow, ...]] = field(default_factory=dict)
    daily: tuple[DailyCount, ...] = ()  # reports received per day, by state at week end
    response_histogram: tuple[int, ...] = ()  # counts per RESPONSE_BUCKETS_H bucket (5)


def _as_row(grouping: str, key: str | None, values: dict) -> KpiRow:
    kwargs: dict = {}
    for name in _COUNT_FIELDS:
        kwargs[name] = int(values.get(name) or 0)
    for name in _DECIMAL_FIELDS:
        kwargs[name] = Decimal(str(values.get(name) or 0))
    for name in _DURATION_FIELDS:
        value = values.get(name)
        kwargs[name] = None if value is None else float(value)
    return KpiRow(grouping=grouping, key=key, name="", **kwargs)


def _names(conn, grouping: str, keys: Iterable[str]) -> list[tuple[str, str, str]]:
    """(key, name, context) of every group of the grouping: all agencies and areas of the
    level; the officials among ``keys``."""
    if grouping == "agency":
        rows = conn.execute(text("SELECT code, short_name, name FROM agencies ORDER BY code"))
    elif grouping in AREA_LEVEL:
        rows = conn.execute(
            text(
                "SELECT a.code, a.name, coalesce(p.name, '') "
                "FROM areas a LEFT JOIN areas p ON p.code = a.parent_code "
                "WHERE a.level = :level ORDER BY a.code"
            ),
            {"level": AREA_LEVEL[grouping]},
        )
    elif grouping == "official":
        ids = sorted({int(k) for k in keys if k})
        rows = conn.execute(
            text(
                "SELECT CAST(a.id AS text), '@' || a.handle, a.display_name FROM accounts a "
                "WHERE a.id = ANY (CAST(:ids AS integer[])) ORDER BY a.handle"
            ),
            {"ids": ids},
        )
    else:
        raise ValueError(f"unknown grouping {grouping!r}")
    return [(r[0], r[1], r[2]) for r in rows]


def fetch_weekly_kpis(
    engine: Engine,
    week: Week,
    groupings: Sequence[str] = GROUPINGS,
    *,
    charts: bool = True,
    cancel: CancelToken | None = None,
) -> WeeklyKpis:
    """The KPIs of ``week`` for each grouping (plus the city row), in one statement; then the
    recurrence counts (recurrence_kpis.py), in a second on the same connection."""
    unknown = [g for g in groupings if g not in GROUPINGS]
    if unknown:
        raise ValueError(f"unknown grouping {unknown[0]!r} (one of {', '.join(GROUPINGS)})")
    params = {
        "ws": week.start_local,
        "we": week.end_local,
        "groupings": list(groupings),
        "charts": charts,
        "edges": list(RESPONSE_BUCKETS_H),
    }
    with engine.connect() as conn:
        dbapi = conn.connection.driver_connection
        if cancel is not None:
            cancel.attach(dbapi)
        try:
            conn.execute(
                text(
                    "SELECT set_config('statement_timeout', :ms, true), "
                    "set_config('work_mem', :mem, true)"
                ),
                {"ms": str(STATEMENT_TIMEOUT_MS), "mem": WORK_MEM},
            )
            try:
                groups_json, daily_json, hist_json = conn.execute(text(WEEK_SQL), params).one()
            except DBAPIError as exc:
                if cancel is not None and cancel.cancelled:
                    raise CancelledError() from exc
                raise
            if cancel is not None:
                cancel.check()
            try:
                recurrences = recurrence_counts(conn, week.end_local, groupings)
            except DBAPIError as exc:
                if cancel is not None and cancel.cancelled:
                    raise CancelledError() from exc
                raise
            if cancel is not None:
                cancel.check()

            def with_recurrences(row: KpiRow) -> KpiRow:
                closed, came_back = recurrences.get((row.grouping, row.key), (0, 0))
                return replace(row, closed_window=closed, came_back=came_back)

            by_grouping: dict[str, dict[str | None, KpiRow]] = {g: {} for g in groupings}
            city = KpiRow(grouping="city", key="", name="")
            for item in _loads(groups_json):
                row = _as_row(item["grouping"], item["key"], item)
                if row.grouping == "city":
                    city = row
                elif row.grouping == "official" and not row.has_figures:
                    continue  # mentioned on a report in view, but nothing of their own this week
                else:
                    by_grouping[row.grouping][row.key] = row
            city = with_recurrences(city)  # a week without events still has its window
            result: dict[str, tuple[KpiRow, ...]] = {}
            for grouping in groupings:
                found = by_grouping[grouping]
                rows = []
                for key, name, context in _names(
                    conn, grouping, [k for k in found if k is not None]
                ):
                    base = found.pop(key, None) or KpiRow(grouping=grouping, key=key, name="")
                    rows.append(replace(base, name=name, context=context))
                unassigned = found.pop(None, None)
                rows.extend(
                    found.values()
                )  # keys without a name (deleted codes): shown as they are
                rows = [replace(r, name=r.name or str(r.key)) for r in rows]
                if unassigned is not None:
                    rows.append(unassigned)
                rows = [with_recurrences(r) for r in rows]
                result[grouping] = tuple(rows)
        finally:
            conn.rollback()
            if cancel is not None:
                cancel.detach(dbapi)
    daily = tuple(
        sorted(
            (
                DailyCount(date.fromisoformat(str(d["day"])), d["state"], int(d["n"]))
                for d in _loads(daily_json)
            ),
            key=lambda d: (d.day, d.state),
        )
    )
    histogram = [0] * (len(RESPONSE_BUCKETS_H) + 1)
    for item in _loads(hist_json):
        histogram[int(item["bucket"])] += int(item["n"])
    return WeeklyKpis(
        week=week, city=city, groups=result, daily=daily, response_histogram=tuple(histogram)
    )


def _loads(value) -> list[dict]:
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else list(value)
