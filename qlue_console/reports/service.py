"""A weekly report ready to show or export: this week's KPIs, last week's (for the change of
rank), the league tables, and when it was made. The console and the CLI both build it here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from qlue_console.reports.cancel import CancelToken
from qlue_console.reports.chronic import ChronicSpots, fetch_top_spots
from qlue_console.reports.kpis import GROUPINGS, KpiRow, WeeklyKpis, fetch_weekly_kpis
from qlue_console.reports.labels import COLUMN, t
from qlue_console.reports.ranking import RankedRow, league_table
from qlue_console.reports.weeks import Week, jakarta_now

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True)
class WeeklyReport:
    week: Week
    grouping: str  # the main grouping (CSV, PDF, first sheet)
    kpis: WeeklyKpis
    previous: WeeklyKpis
    leagues: dict[str, tuple[RankedRow, ...]]  # per grouping, best first
    generated_at: datetime  # Jakarta time
    chronic: ChronicSpots = ChronicSpots()  # the top ten chronic spots at the week's end

    @property
    def groupings(self) -> tuple[str, ...]:
        return tuple(self.leagues)

    def league(self, grouping: str | None = None) -> tuple[RankedRow, ...]:
        return self.leagues[grouping or self.grouping]


def build_report(
    engine: Engine,
    week: Week,
    groupings: Sequence[str],
    grouping: str,
    *,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> WeeklyReport:
    """Two statements: this week (with the charts) and last week (for the rank changes), run
    at the same time on two connections; then the week's top chronic spots."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r} (one of {', '.join(GROUPINGS)})")
    wanted = tuple(dict.fromkeys([grouping, *groupings]))
    if progress:
        progress(0, 2)
    with ThreadPoolExecutor(max_workers=1) as pool:
        later = pool.submit(
            fetch_weekly_kpis, engine, week.previous(), wanted, charts=False, cancel=cancel
        )
        try:
            current = fetch_weekly_kpis(engine, week, wanted, charts=True, cancel=cancel)
        except BaseException:
            if cancel is not None:
                cancel.cancel()  # do not leave last week's statement running
            raise
        finally:
            if progress and not later.done():
                progress(1, 2)
        previous = later.result()
    chronic = fetch_top_spots(engine, week)
    if cancel is not None:
        cancel.check()
    if progress:
        progress(2, 2)
    leagues = {
        g: tuple(league_table(current.groups[g], current.city, previous.groups[g], previous.city))
        for g in wanted
    }
    return WeeklyReport(
        week=week,
        grouping=grouping,
        kpis=current,
        previous=previous,
        leagues=leagues,
        generated_at=jakarta_now().replace(microsecond=0),
        chronic=chronic,
    )


def display_name(row: KpiRow, lang: str) -> str:
    return row.name if row.key is not None else t("unassigned", lang)


def value_of(ranked: RankedRow, code: str, lang: str = "id"):
    """The value of a column (labels.COLUMNS) for a ranked row: KpiRow fields and rates, then
    the ranking's fields."""
    if code == "name":
        return display_name(ranked.row, lang)
    if code in (
        "rank_normalised",
        "rank_raw",
        "change_normalised",
        "change_raw",
        "score_raw",
        "score_normalised",
        "performance",
    ):
        return getattr(ranked, code)
    if code not in COLUMN:
        raise KeyError(code)
    return getattr(ranked.row, code)
