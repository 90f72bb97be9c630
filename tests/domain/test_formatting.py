"""One format for a moment, a day and a span of days, and the numbers, in both languages
(domain.formatting); and no other module formats a date for a person."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from qlue_console.domain import formatting as f

UTC_MOMENT = datetime(2026, 12, 4, 4, 40, tzinfo=UTC)  # 11:40 in Jakarta


@pytest.mark.parametrize(
    ("lang", "expected"), [("id", "4 Des 2026 11:40 WIB"), ("en", "4 Dec 2026 11:40 WIB")]
)
def test_a_moment_is_written_in_jakarta_time(lang, expected):
    assert f.moment(UTC_MOMENT, lang) == expected
    assert f.moment(UTC_MOMENT.isoformat(), lang) == expected  # as JSON evidence carries it
    assert (
        f.moment(datetime(2026, 12, 4, 11, 40), lang) == expected
    )  # a naive wall time is Jakarta's
    assert f.moment(None, lang) == "–"


def test_a_moment_near_midnight_takes_jakarta_s_day():
    late = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # 1 Jan 2027 00:30 WIB
    assert f.moment(late, "id") == "1 Jan 2027 00:30 WIB"
    assert f.day(late, "en") == "1 Jan 2027"


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        (date(2026, 11, 23), date(2026, 11, 29), "id", "23–29 Nov 2026"),
        (date(2026, 11, 30), date(2026, 12, 6), "id", "30 Nov – 6 Des 2026"),
        (date(2026, 11, 30), date(2026, 12, 6), "en", "30 Nov – 6 Dec 2026"),
        (date(2026, 12, 28), date(2027, 1, 3), "en", "28 Dec 2026 – 3 Jan 2027"),
        (date(2026, 8, 17), date(2026, 8, 17), "id", "17 Agu 2026"),
    ],
)
def test_a_span_of_days(first, last, lang, expected):
    assert f.day_range(first, last, lang) == expected


@pytest.mark.parametrize(
    ("lang", "decimal", "percent", "hours", "integer"),
    [
        ("id", "1.234,5", "87,5 %", "246,8 jam", "12.345"),
        ("en", "1,234.5", "87.5 %", "246.8 h", "12,345"),
    ],
)
def test_numbers_follow_the_language(lang, decimal, percent, hours, integer):
    assert f.decimal(1234.5, lang) == decimal
    assert f.percent(0.875, lang) == percent
    assert f.hours(246.8, lang) == hours
    assert f.integer(12345, lang) == integer
    assert f.decimal(0.87, lang, 2) == ("0,87" if lang == "id" else "0.87")
    assert f.hours(None, lang) == "–"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        f.day(date(2026, 1, 1), "fr")


# What formats a date or time for a person: strftime, a date format spec in an f-string or
# format(), Qt's date formatting, isoformat() of a value shown. Only domain/formatting.py may.
_DATE_FORMATTING = re.compile(
    r"strftime\(|\{[^{}]*:%[a-zA-Z]|QDateTime|QLocale\(\)\.toString\(|\.toString\(\s*[\"'][dMyHhms]"
    r"|(?<!from)isoformat\(\)|\.dayName\(|\.monthName\("
)
# Not for a person: EXIF's own timestamp format, JSON and SQL values, the photo layer's stored
# English evidence, the seeding of the demo city, the Open311 gateway's ISO 8601 times.
_NOT_DISPLAY = {
    "photos/demo.py",
    "photos/ingest.py",
    "photos/checks.py",
    "domain/sla.py",
    "open311/documents.py",
}


def test_no_other_module_formats_dates_for_display():
    root = Path(__file__).resolve().parents[2] / "qlue_console"
    found = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name == "domain/formatting.py" or name in _NOT_DISPLAY or name.startswith("seed/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _DATE_FORMATTING.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == [], "format dates with qlue_console.domain.formatting:\n" + "\n".join(found)
