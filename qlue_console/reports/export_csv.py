"""CSV export: UTF-8 (with a byte-order mark, so spreadsheet programs read it as UTF-8), one
row per group of the main grouping, best first, the columns of ``labels.COLUMNS`` with their
labels in the chosen language as the header (docs/kpis.md lists them with their codes).

Values are machine-readable whatever the language: counts as integers, durations in hours and
rates as fractions (0.25 = 25 %) with a dot and four decimals, exact decimals (the weighted
volume, a sum of the categories' weights) with a dot and every digit they have, no more
(``40``, ``39.5``), changes of rank as signed integers (+2 moved up two places), empty when
there is no value.

The week's top ten chronic spots go to a second file beside it, ``<name>-chronic-spots.csv``
(``chronic_path``), same encoding, the columns of ``labels.CHRONIC_COLUMNS`` (the last report
as an ISO 8601 time with its offset, +07:00): one table per file keeps each machine-readable.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from qlue_console.domain import formatting
from qlue_console.reports.chronic import spot_value
from qlue_console.reports.labels import CHRONIC_COLUMNS, COLUMNS, check_language
from qlue_console.reports.service import WeeklyReport, value_of


def exact_text(value: Decimal) -> str:
    """A decimal with every digit it has and no trailing zeros, never in exponent form."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def csv_value(kind: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return exact_text(value)
    if kind in ("count", "rank"):
        return str(int(value))
    if kind == "change":
        return f"{int(value):+d}"
    if kind in ("hours", "rate", "number"):
        return f"{float(value):.4f}"
    if kind == "moment":
        return formatting.iso_moment(value)
    return str(value)


def chronic_path(path: Path) -> Path:
    """The file of the chronic spots beside the CSV ``path``."""
    path = Path(path)
    return path.with_name(f"{path.stem}-chronic-spots{path.suffix or '.csv'}")


def write_chronic_csv(report: WeeklyReport, path: Path, lang: str = "id") -> Path:
    check_language(lang)
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([c.label(lang) for c in CHRONIC_COLUMNS])
        for spot in report.chronic.spots:
            writer.writerow(
                [csv_value(c.kind, spot_value(spot, c.code, lang)) for c in CHRONIC_COLUMNS]
            )
    return path


def write_csv(report: WeeklyReport, path: Path, lang: str = "id") -> Path:
    check_language(lang)
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([c.label(lang) for c in COLUMNS])
        for ranked in report.league():
            writer.writerow([csv_value(c.kind, value_of(ranked, c.code, lang)) for c in COLUMNS])
    write_chronic_csv(report, chronic_path(path), lang)
    return path
