"""Due times in Jakarta time: calendar and working-day SLAs, holidays, and the holiday table."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from qlue_console.domain.sla import JAKARTA, due_at, is_working_day, load_holidays

WIB = JAKARTA
NO_HOLIDAYS: frozenset[date] = frozenset()


def wib(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


def test_jakarta_is_utc_plus_seven() -> None:
    assert wib(2026, 7, 1).utcoffset() == timedelta(hours=7)


def test_friday_afternoon_plus_one_working_day_is_monday_same_time() -> None:
    # 2026-01-09 is a Friday.
    due = due_at(wib(2026, 1, 9, 16), 24, "working", NO_HOLIDAYS)
    assert due == wib(2026, 1, 12, 16)
    assert due.weekday() == 0 and due.tzinfo is WIB


def test_three_working_days_cross_a_weekend() -> None:
    # Wednesday 2026-01-07 10:30 + 3 working days: Thu, Fri, Mon.
    assert due_at(wib(2026, 1, 7, 10, 30), 72, "working", NO_HOLIDAYS) == wib(2026, 1, 12, 10, 30)


def test_a_holiday_is_skipped() -> None:
    # Thursday 2026-04-02 09:00; Friday 2026-04-03 is Good Friday -> Monday.
    holidays = {date(2026, 4, 3)}
    assert due_at(wib(2026, 4, 2, 9), 24, "working", holidays) == wib(2026, 4, 6, 9)
    assert due_at(wib(2026, 4, 2, 9), 24, "working", NO_HOLIDAYS) == wib(2026, 4, 3, 9)


def test_lebaran_collective_leave_from_the_shipped_table() -> None:
    # Thursday 2026-03-19 is Nyepi; Fri 20 and Mon 23-Tue 24 are cuti bersama around
    # Idul Fitri (Sat 21-Sun 22). A Wednesday 18 March report (itself cuti bersama) counts
    # from Wednesday 25 March 00:00, so one working day ends at Thursday 26 March 00:00.
    holidays = load_holidays()
    assert due_at(wib(2026, 3, 18, 11), 24, "working", holidays) == wib(2026, 3, 26)
    # Tuesday 17 March 14:00 (a working day) + 1 working day -> Wednesday 25 March 14:00.
    assert due_at(wib(2026, 3, 17, 14), 24, "working", holidays) == wib(2026, 3, 25, 14)


def test_start_on_saturday_counts_from_monday_midnight() -> None:
    # Saturday 2026-01-10 15:00 + 1 working day: all of Monday, due Tuesday 00:00.
    assert due_at(wib(2026, 1, 10, 15), 24, "working", NO_HOLIDAYS) == wib(2026, 1, 13)
    # Sunday start, 2 working days: Monday and Tuesday, due Wednesday 00:00.
    assert due_at(wib(2026, 1, 11, 23, 59), 48, "working", NO_HOLIDAYS) == wib(2026, 1, 14)


def test_start_on_a_holiday_counts_from_the_next_working_day() -> None:
    # New Year's Day 2026 is a Thursday; Friday 2 Jan is the first working day.
    holidays = {date(2026, 1, 1)}
    assert due_at(wib(2026, 1, 1, 8), 24, "working", holidays) == wib(2026, 1, 5)


def test_calendar_sla_crosses_midnight_and_weekend() -> None:
    assert due_at(wib(2026, 1, 9, 22), 4, "calendar") == wib(2026, 1, 10, 2)
    assert due_at(wib(2026, 1, 9, 22), 48, "calendar", {date(2026, 1, 10)}) == wib(2026, 1, 11, 22)


def test_start_given_in_utc_is_judged_on_the_jakarta_clock() -> None:
    # Friday 2026-01-09 20:00 UTC is Saturday 03:00 WIB: a non-working start.
    start = datetime(2026, 1, 9, 20, tzinfo=UTC)
    assert due_at(start, 24, "working", NO_HOLIDAYS) == wib(2026, 1, 13)
    # Thursday 2026-01-08 09:00 UTC is Thursday 16:00 WIB -> Friday 16:00 WIB.
    start = datetime(2026, 1, 8, 9, tzinfo=UTC)
    due = due_at(start, 24, "working", NO_HOLIDAYS)
    assert due == wib(2026, 1, 9, 16)
    assert due.tzinfo is WIB and due.hour == 16


def test_calendar_result_is_in_jakarta_time() -> None:
    start = datetime(2026, 1, 9, 23, tzinfo=UTC)
    due = due_at(start, 1, "calendar")
    assert due.tzinfo is WIB
    assert (due.date(), due.hour) == (date(2026, 1, 10), 7)


def test_zero_working_days_is_due_at_start() -> None:
    assert due_at(wib(2026, 1, 10, 15), 0, "working") == wib(2026, 1, 10, 15)


@pytest.mark.parametrize(
    ("start", "hours", "mode"),
    [
        (datetime(2026, 1, 9, 16), 24, "working"),  # naive
        (datetime(2026, 1, 9, 16, tzinfo=WIB), 36, "working"),  # not whole days
        (datetime(2026, 1, 9, 16, tzinfo=WIB), -1, "calendar"),
        (datetime(2026, 1, 9, 16, tzinfo=WIB), 24, "fortnightly"),
    ],
)
def test_bad_input_is_refused(start: datetime, hours: int, mode: str) -> None:
    with pytest.raises(ValueError):
        due_at(start, hours, mode, NO_HOLIDAYS)  # type: ignore[arg-type]


def test_is_working_day() -> None:
    assert is_working_day(date(2026, 1, 9), NO_HOLIDAYS)  # Friday
    assert not is_working_day(date(2026, 1, 10), NO_HOLIDAYS)  # Saturday
    assert not is_working_day(date(2026, 1, 11), NO_HOLIDAYS)  # Sunday
    assert not is_working_day(date(2026, 8, 17), {date(2026, 8, 17)})  # Monday holiday


def test_shipped_holiday_table() -> None:
    holidays = load_holidays()
    assert holidays[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert "Cuti Bersama" in holidays[date(2026, 12, 24)]
    english = load_holidays(language="en")
    assert english[date(2027, 12, 25)] == "Christmas Day"
    assert english.keys() == holidays.keys()
    assert {d.year for d in holidays} == {2026, 2027}
    # Every year has New Year, Independence Day and Christmas.
    for year in (2026, 2027):
        for month, day in ((1, 1), (8, 17), (12, 25)):
            assert date(year, month, day) in holidays


def test_load_holidays_joins_names_on_one_date(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "date,name_id,name_en\n2030-01-01,Satu,One\n2030-01-01,Dua,Two\n", encoding="utf-8"
    )
    assert load_holidays(path) == {date(2030, 1, 1): "Satu / Dua"}


def test_load_holidays_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("date,name_id,name_en\n2030-01-01,Satu,One\n2030-13-01,X,X\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"h\.csv:3"):
        load_holidays(path)
    path.write_text("tanggal,nama\n2030-01-01,Satu\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        load_holidays(path)
