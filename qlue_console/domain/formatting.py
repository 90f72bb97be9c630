"""How the console writes a moment, a day, a week and a number for a person, in Bahasa
Indonesia or English: the one place that formats dates and numbers for display (screens,
tooltips, the PDF and XLSX exports). Plain Python, so the scheduled ``report weekly`` uses it
as the desktop console does.

- A moment: ``4 Des 2026 11:40 WIB`` (``4 Dec 2026 11:40 WIB``), always in Jakarta time.
- A day: ``4 Des 2026``; a week or any span of days: ``23–29 Nov 2026``, ``30 Nov – 6 Des 2026``,
  ``28 Des 2026 – 3 Jan 2027``.
- Numbers: ``1.234,5`` in Indonesian, ``1,234.5`` in English; percentages ``87,5 %``; hours
  ``246,8 jam`` / ``246.8 h``. No value is ``–``.

The machine-readable CSV export keeps its own fixed format (a dot, four decimals).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")
ZONE_NAME = "WIB"
NONE = "–"

_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_HOURS_UNIT = {"id": "jam", "en": "h"}


def _lang(lang: str) -> str:
    if lang not in _MONTHS:
        raise ValueError(f"unknown language {lang!r} (id or en)")
    return lang


def jakarta(value: datetime) -> datetime:
    """The moment in Jakarta time; a naive value is taken as already in Jakarta time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=JAKARTA)
    return value.astimezone(JAKARTA)


def iso_moment(value: datetime) -> str:
    """A moment for a data file (the CSV export): ISO 8601 in Jakarta time, with its offset."""
    return jakarta(value).isoformat(timespec="seconds")


def parse_moment(value: datetime | str | None) -> datetime | None:
    """A moment from a datetime or an ISO 8601 text (as JSON evidence carries it); None if
    neither."""
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def day(value: date | datetime | None, lang: str) -> str:
    """``4 Des 2026``; a datetime gives its Jakarta day."""
    if value is None:
        return NONE
    if isinstance(value, datetime):
        value = jakarta(value).date()
    return f"{value.day} {_MONTHS[_lang(lang)][value.month - 1]} {value.year}"


def time_of_day(value: datetime, with_zone: bool = True) -> str:
    local = jakarta(value)
    return f"{local:%H:%M}" + (f" {ZONE_NAME}" if with_zone else "")


def moment(value: datetime | str | None, lang: str) -> str:
    """``4 Des 2026 11:40 WIB``: a moment, in Jakarta time."""
    parsed = parse_moment(value)
    if parsed is None:
        return NONE if value is None else str(value)
    return f"{day(jakarta(parsed), lang)} {time_of_day(parsed)}"


def day_range(first: date, last: date, lang: str) -> str:
    """A span of days, both ends included: ``23–29 Nov 2026``, ``30 Nov – 6 Des 2026``."""
    months = _MONTHS[_lang(lang)]
    if first == last:
        return day(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {months[first.month - 1]} – {day(last, lang)}"
    return f"{day(first, lang)} – {day(last, lang)}"


def decimal(value: float | None, lang: str, decimals: int = 1) -> str:
    """``1.234,5`` (id) or ``1,234.5`` (en)."""
    if value is None:
        return NONE
    text = f"{value:,.{decimals}f}"
    if _lang(lang) == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def integer(value: int | None, lang: str) -> str:
    return NONE if value is None else decimal(int(value), lang, 0)


def percent(fraction: float | None, lang: str, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.875 → ``87,5 %`` (id) / ``87.5 %`` (en)."""
    return NONE if fraction is None else f"{decimal(100.0 * fraction, lang, decimals)} %"


def hours(value: float | None, lang: str, decimals: int = 1) -> str:
    """A duration in hours: ``246,8 jam`` / ``246.8 h``."""
    return NONE if value is None else f"{decimal(value, lang, decimals)} {_HOURS_UNIT[_lang(lang)]}"
