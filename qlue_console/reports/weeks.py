"""ISO weeks in Jakarta time (WIB, UTC+7, no daylight saving).

A week runs from Monday 00:00 WIB to the next Monday 00:00 WIB, whatever the time zone of the
machine or of the database server. ``Week.start_local``/``end_local`` are naive Jakarta wall
times; the SQL turns them into instants with ``AT TIME ZONE 'Asia/Jakarta'``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from qlue_console.domain import formatting

JAKARTA = ZoneInfo("Asia/Jakarta")
_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


class BadWeekError(ValueError):
    """A week the user typed is not an ISO week such as 2026-W47."""


@dataclass(frozen=True, order=True)
class Week:
    year: int
    week: int

    def __post_init__(self) -> None:
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError as exc:
            raise BadWeekError(
                f"{self.year}-W{self.week:02d} is not a week of {self.year}"
            ) from exc

    @staticmethod
    def parse(value: str) -> Week:
        match = _WEEK_RE.match(value or "")
        if match is None:
            raise BadWeekError(
                f"unknown week format {value!r}: expected an ISO week such as 2026-W47"
            )
        return Week(int(match.group(1)), int(match.group(2)))

    @staticmethod
    def containing(day: date) -> Week:
        iso = day.isocalendar()
        return Week(iso.year, iso.week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def start_local(self) -> datetime:
        """Monday 00:00 WIB as a naive wall time."""
        return datetime.combine(self.monday, time())

    @property
    def end_local(self) -> datetime:
        """The next Monday 00:00 WIB (exclusive) as a naive wall time."""
        return self.start_local + timedelta(days=7)

    @property
    def start(self) -> datetime:
        return self.start_local.replace(tzinfo=JAKARTA)

    @property
    def end(self) -> datetime:
        return self.end_local.replace(tzinfo=JAKARTA)

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=n) for n in range(7)]

    def previous(self) -> Week:
        return Week.containing(self.monday - timedelta(days=7))

    def next(self) -> Week:
        return Week.containing(self.monday + timedelta(days=7))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def jakarta_now() -> datetime:
    return datetime.now(JAKARTA)


def require_finished(week: Week, now: datetime | None = None) -> Week:
    """``week`` when it has ended in Jakarta; else :class:`BadWeekError` saying when it ends."""
    moment = (now or jakarta_now()).astimezone(JAKARTA)
    if week.end > moment:
        raise BadWeekError(
            f"{week} has not ended yet (it ends {formatting.moment(week.end, 'en')}); "
            f"the last complete week is {last_complete_week(moment)}"
        )
    return week


def last_complete_week(now: datetime | None = None) -> Week:
    """The latest week that has ended in Jakarta: on any day of a week, the one before it."""
    moment = (now or jakarta_now()).astimezone(JAKARTA)
    return Week.containing(moment.date()).previous()
