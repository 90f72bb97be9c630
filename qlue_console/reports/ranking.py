"""The league table: a documented score per group, raw and normalised for volume, and the
change of rank from the previous week.

Qlue's own stated formula ranks on volume, problem weight, response rate, response time and
quality. Here, for a group's week (KPIs from ``kpis.py``):

- response rate  R = followed up / (followed up + overdue at week end)
- response time  T = SLA compliance (first follow-ups within the category's SLA): the
  response time measured against each category's own deadline, so a 6-hour flood and a
  5-working-day road repair weigh alike
- quality        Q = 1 - (0.35 x proof rejection rate + 0.25 x min(1, reopen rate)
                         + 0.20 x reused-proof rate + 0.20 x recurrence rate)
  (a supervisor's rejected proof, a citizen's reopening and a recycled proof photo are what
  "marked green whatever was done" looks like in the data; the recurrence rate — the group's
  closures of the last 30 days whose place came back, recurrence_kpis.py — is the fix that was
  real but did not hold: a report of the same problem within 100 m after it was closed. It
  weighs as much as a reused proof and less than a rejected one: a recurrence is not always the
  closer's fault — rain brings a blocked drain back — while a rejection is a supervisor's
  judgment of this very proof)
- performance    P = 0.35 R + 0.30 T + 0.35 Q, between 0 and 1. A component a group has no
  data for this week takes the city's value (neutral: it neither helps nor hurts).
- raw score      = P x weighted volume, the sum of the problem weights (categories.weight) of
  the reports received: big groups handling heavy problems well come first;
- normalised score = (n P + K P_city) / (n + K) with n = followed up + overdue (the reports
  the response rate is measured on) and K = 10: performance alone, shrunk towards the city's
  for small groups, so a kelurahan with 40 reports is compared fairly with one with 3,000
  and a group with 2 lucky reports does not top the table.

Ranks are competition ranks (equal scores share a rank), best first, over the groups with
any activity in the week; the unassigned group is never ranked. The change is previous rank
minus this rank: positive moved up (shown ▲), negative moved down (▼), None when the group
was not ranked last week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qlue_console.reports.kpis import KpiRow

W_RATE, W_TIME, W_QUALITY = 0.35, 0.30, 0.35
Q_REJECTED, Q_REOPENED, Q_REUSED, Q_RECURRENCE = 0.35, 0.25, 0.20, 0.20
SHRINK_K = 10.0


@dataclass(frozen=True)
class Components:
    rate: float
    time: float
    quality: float

    @property
    def performance(self) -> float:
        return W_RATE * self.rate + W_TIME * self.time + W_QUALITY * self.quality


@dataclass(frozen=True)
class RankedRow:
    row: KpiRow
    components: Components | None
    score_raw: float | None
    score_normalised: float | None
    rank_raw: int | None = None
    rank_normalised: int | None = None
    change_raw: int | None = None  # previous rank - this rank (positive: moved up)
    change_normalised: int | None = None

    @property
    def performance(self) -> float | None:
        return None if self.components is None else self.components.performance


def components(row: KpiRow, city: KpiRow | None = None) -> Components:
    """The three components of ``row``; missing ones take the city's (else 0.5)."""
    base = components(city) if city is not None else Components(0.5, 0.5, 0.5)

    def pick(value: float | None, fallback: float) -> float:
        return fallback if value is None else value

    rejected = row.proof_rejection_rate
    reopened = row.reopen_rate
    reused = row.reused_proof_rate
    recurred = row.recurrence_rate
    if rejected is None and reopened is None and reused is None and recurred is None:
        quality = base.quality
    else:
        city_rej = city.proof_rejection_rate if city is not None else None
        city_reo = city.reopen_rate if city is not None else None
        city_reu = city.reused_proof_rate if city is not None else None
        city_rec = city.recurrence_rate if city is not None else None
        quality = 1.0 - (
            Q_REJECTED * pick(rejected, pick(city_rej, 0.0))
            + Q_REOPENED * min(1.0, pick(reopened, pick(city_reo, 0.0)))
            + Q_REUSED * pick(reused, pick(city_reu, 0.0))
            + Q_RECURRENCE * pick(recurred, pick(city_rec, 0.0))
        )
    return Components(
        rate=pick(row.response_rate, base.rate),
        time=pick(row.sla_compliance, base.time),
        quality=max(0.0, min(1.0, quality)),
    )


def _competition_ranks(scores: dict[int, float]) -> dict[int, int]:
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    ranks: dict[int, int] = {}
    previous_score, previous_rank = None, 0
    for position, (index, score) in enumerate(ordered, start=1):
        if previous_score is None or round(score, 9) != round(previous_score, 9):
            previous_rank = position
            previous_score = score
        ranks[index] = previous_rank
    return ranks


def rank_rows(rows: Sequence[KpiRow], city: KpiRow) -> list[RankedRow]:
    """Scores and ranks this week's rows (no change yet); order as given."""
    city_parts = components(city)
    p_city = city_parts.performance
    scored: list[RankedRow] = []
    raw: dict[int, float] = {}
    normalised: dict[int, float] = {}
    for index, row in enumerate(rows):
        if row.key is None or not row.active:
            scored.append(
                RankedRow(row=row, components=None, score_raw=None, score_normalised=None)
            )
            continue
        parts = components(row, city)
        p = parts.performance
        n = row.followed_up + row.overdue
        raw[index] = p * float(row.weighted_received)  # a score, not a figure: float is enough
        normalised[index] = (n * p + SHRINK_K * p_city) / (n + SHRINK_K)
        scored.append(
            RankedRow(
                row=row, components=parts, score_raw=raw[index], score_normalised=normalised[index]
            )
        )
    ranks_raw, ranks_norm = _competition_ranks(raw), _competition_ranks(normalised)
    return [
        RankedRow(
            row=r.row,
            components=r.components,
            score_raw=r.score_raw,
            score_normalised=r.score_normalised,
            rank_raw=ranks_raw.get(i),
            rank_normalised=ranks_norm.get(i),
        )
        for i, r in enumerate(scored)
    ]


def league_table(
    rows: Sequence[KpiRow],
    city: KpiRow,
    previous_rows: Sequence[KpiRow] | None = None,
    previous_city: KpiRow | None = None,
) -> list[RankedRow]:
    """This week's ranked rows with the change from the previous week, best (normalised) first,
    unranked rows last by name."""
    current = rank_rows(rows, city)
    before: dict[str | None, RankedRow] = {}
    if previous_rows is not None and previous_city is not None:
        before = {
            r.row.key: r for r in rank_rows(previous_rows, previous_city) if r.row.key is not None
        }
    out = []
    for r in current:
        prev = before.get(r.row.key)
        change_raw = change_norm = None
        if prev is not None and r.rank_raw is not None and prev.rank_raw is not None:
            change_raw = prev.rank_raw - r.rank_raw
        if prev is not None and r.rank_normalised is not None and prev.rank_normalised is not None:
            change_norm = prev.rank_normalised - r.rank_normalised
        out.append(
            RankedRow(
                row=r.row,
                components=r.components,
                score_raw=r.score_raw,
                score_normalised=r.score_normalised,
                rank_raw=r.rank_raw,
                rank_normalised=r.rank_normalised,
                change_raw=change_raw,
                change_normalised=change_norm,
            )
        )
    out.sort(
        key=lambda r: (
            r.rank_normalised is None,
            r.rank_normalised or 0,
            r.row.key is None,
            r.row.name,
        )
    )
    return out


def arrow(change: int | None) -> str:
    """▲ n, ▼ n, = or '' (new in the table)."""
    if change is None:
        return ""
    if change > 0:
        return f"▲ {change}"
    if change < 0:
        return f"▼ {-change}"
    return "="
