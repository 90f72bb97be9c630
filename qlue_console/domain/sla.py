"""Due times of mentions: a category's SLA applied to the moment an official is mentioned.

All dates are Jakarta-local (WIB, Asia/Jakarta, UTC+7 without daylight saving): which day a
moment falls on, and so whether it is a working day, is decided on the WIB clock, whatever
zone the caller's datetime carries.

Two modes:

``calendar``
    The SLA runs around the clock: due = start + ``hours``.

``working``
    The SLA is counted in *hari kerja* (working days), as Indonesia's national complaint
    system SP4N-LAPOR! counts its follow-up deadlines. ``hours`` must be a multiple of 24 and
    gives the number of working days N = hours / 24 (72 h = 3 working days). Working days are
    Monday to Friday that are neither national holidays nor collective leave (*cuti bersama*),
    per the holiday table.

    * Start on a working day D at local time T: due at time T on the N-th working day after D.
      Friday 16:00 + 1 working day = Monday 16:00; Thursday 09:00 before a Friday holiday
      + 1 working day = Monday 09:00.
    * Start on a non-working day (weekend, holiday): the clock starts at 00:00 of the next
      working day W, so due is 00:00 of the N-th working day after W (one full working day
      W counts as the first). A Saturday report with 1 working day is due Tuesday 00:00,
      i.e. at the end of Monday.
    * There are no office hours: a Tuesday 22:30 start with 1 working day is due Wednesday
      22:30. N = 0 means due at the start itself.

Holidays come from ``resources/holidays_id.csv`` (national holidays and collective leave,
decided each year by the joint decree of three ministers, the *SKB 3 Menteri*). The table
must be checked against the decree every year; later the database keeps an editable copy.
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "JAKARTA",
    "SlaMode",
    "due_at",
    "is_working_day",
    "load_holidays",
]

SlaMode = Literal["calendar", "working"]


def _jakarta() -> tzinfo:
    try:
        return ZoneInfo("Asia/Jakarta")
    except ZoneInfoNotFoundError:
        # Windows without the tzdata package: WIB has had no DST since 1964, a fixed
        # offset gives the same wall clock for every date this program deals with.
        return timezone(timedelta(hours=7), "WIB")


JAKARTA: tzinfo = _jakarta()

_SATURDAY = 5


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    """Monday to Friday and not in ``holidays`` (national holidays and cuti bersama)."""
    return day.weekday() < _SATURDAY and day not in holidays


def _next_working_day(day: date, holidays: Collection[date]) -> date:
    """The first working day strictly after ``day``."""
    day += timedelta(days=1)
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


def due_at(
    start: datetime,
    hours: int,
    mode: SlaMode,
    holidays: Collection[date] = (),
) -> datetime:
    """When a mention made at ``start`` is due, as an aware Asia/Jakarta datetime.

    See the module docstring for the exact rules. Raises ``ValueError`` for a naive
    ``start``, negative ``hours``, an unknown ``mode``, or working-mode ``hours`` that are not
    a multiple of 24.
    """
    _require_aware(start, "start")
    if hours < 0:
        raise ValueError(f"SLA hours must not be negative, got {hours}")
    local = start.astimezone(JAKARTA)
    if mode == "calendar":
        return (start.astimezone(UTC) + timedelta(hours=hours)).astimezone(JAKARTA)
    if mode != "working":
        raise ValueError(f"unknown SLA mode {mode!r}; expected 'calendar' or 'working'")
    days, rest = divmod(hours, 24)
    if rest:
        raise ValueError(f"a working-day SLA is whole days: {hours} h is not a multiple of 24")
    if days == 0:
        return local
    day, clock = local.date(), local.time()
    if not is_working_day(day, holidays):
        day, clock = _next_working_day(day, holidays), time(0)
    for _ in range(days):
        day = _next_working_day(day, holidays)
    return datetime.combine(day, clock, tzinfo=JAKARTA)


def load_holidays(path: Path | str | None = None, *, language: str = "id") -> dict[date, str]:
    """Read a holiday table (CSV with columns ``date,name_id,name_en``, ISO dates).

    Returns date -> name in ``language`` ('id' or 'en'); two rows on one date have their
    names joined with " / ". ``path`` defaults to the shipped ``resources/holidays_id.csv``.
    Raises ``ValueError`` naming the line of a malformed row.
    """
    if language not in ("id", "en"):
        raise ValueError(f"language must be 'id' or 'en', got {language!r}")
    if path is None:
        from qlue_console.paths import resource

        path = resource("holidays_id.csv")
    column = f"name_{language}"
    holidays: dict[date, str] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"date", "name_id", "name_en"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            try:
                day = date.fromisoformat((row["date"] or "").strip())
            except ValueError:
                raise ValueError(f"{path}:{reader.line_num}: bad date {row['date']!r}") from None
            name = (row[column] or "").strip()
            if not name:
                raise ValueError(f"{path}:{reader.line_num}: empty {column}")
            holidays[day] = f"{holidays[day]} / {name}" if day in holidays else name
    return holidays
