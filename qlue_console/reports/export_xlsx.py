"""XLSX export: a summary sheet (the week, its period, when it was made, the city's figures
with last week's beside them) and one sheet per grouping with every column of
``labels.COLUMNS``, best first. Numbers are stored as numbers: durations as Excel durations
(fractions of a day, shown [h]:mm), rates as fractions shown as percentages, exact decimals (the
weighted volume) as decimals shown with every digit they have; headers are frozen,
columns sized to their content, and the sheet filterable. A last sheet has the week's top ten
chronic spots (labels.CHRONIC_COLUMNS; the last report as a Jakarta date and time)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qlue_console.domain import formatting
from qlue_console.reports.chronic import spot_value
from qlue_console.reports.labels import (
    CHRONIC_COLUMNS,
    COLUMN,
    COLUMNS,
    SUMMARY_FIELDS,
    check_language,
    grouping_name,
    period,
    t,
)
from qlue_console.reports.service import WeeklyReport, value_of

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
FORMATS = {
    "count": "#,##0",
    "rank": "0",
    "number": "#,##0.00",
    "hours": "[h]:mm",
    "rate": "0.0%",
    "change": "+0;-0;0",
    "moment": "yyyy-mm-dd hh:mm",
}


def cell_value(kind: str, value):
    """What the cell stores: durations as days (Excel's unit), everything else as is."""
    if value is None:
        return None
    if kind == "hours":
        return float(value) / 24.0
    return value


def number_format(kind: str, value) -> str:
    """The cell's format: by kind, except that an exact decimal shows all its digits."""
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return "#,##0" + ("." + "0" * places if places else "")
    return FORMATS.get(kind, "General")


def _header(ws, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _fit(ws, widths: dict[int, int], minimum: int = 8, maximum: int = 48) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(minimum, min(maximum, width + 2))


def _summary(wb: Workbook, report: WeeklyReport, lang: str) -> None:
    ws = wb.active
    ws.title = t("summary", lang)
    ws["A1"] = t("title", lang)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = t("week", lang), str(report.week)
    ws["A3"], ws["B3"] = t("period", lang), period(report.week, lang)
    ws["A4"], ws["B4"] = t("generated", lang), formatting.moment(report.generated_at, lang)
    ws["A5"], ws["B5"] = t("grouping", lang), grouping_name(report.grouping, lang)
    _header(ws, 7, [t("figure", lang), t("city", lang), t("previous", lang)])
    widths = {1: len(t("figure", lang)), 2: 14, 3: 14}
    for i, code in enumerate(SUMMARY_FIELDS, start=8):
        column = COLUMN[code]
        ws.cell(row=i, column=1, value=column.label(lang))
        widths[1] = max(widths[1], len(column.label(lang)))
        for col, row in ((2, report.kpis.city), (3, report.previous.city)):
            value = getattr(row, code)
            cell = ws.cell(row=i, column=col, value=cell_value(column.kind, value))
            cell.number_format = number_format(column.kind, value)
    ws.freeze_panes = "A8"
    _fit(ws, widths)


def _grouping_sheet(wb: Workbook, report: WeeklyReport, grouping: str, lang: str) -> None:
    ws = wb.create_sheet(grouping_name(grouping, lang))
    _header(ws, 1, [c.label(lang) for c in COLUMNS])
    widths = {i: min(len(c.label(lang)), 16) for i, c in enumerate(COLUMNS, start=1)}
    for r, ranked in enumerate(report.league(grouping), start=2):
        for col, column in enumerate(COLUMNS, start=1):
            value = value_of(ranked, column.code, lang)
            cell = ws.cell(row=r, column=col, value=cell_value(column.kind, value))
            if column.kind != "text":
                cell.number_format = number_format(column.kind, value)
            widths[col] = max(
                widths[col], len(str(value)) if column.kind == "text" and value else 6
            )
    ws.freeze_panes = "H2"  # headers and the rank / code / name columns stay in view
    ws.auto_filter.ref = (
        f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(report.league(grouping)) + 1)}"
    )
    ws.row_dimensions[1].height = 45
    _fit(ws, widths)


def _chronic_sheet(wb: Workbook, report: WeeklyReport, lang: str) -> None:
    ws = wb.create_sheet(t("chronic_sheet", lang))
    ws["A1"] = t("chronic", lang)
    ws["A1"].font = Font(bold=True, size=12)
    _header(ws, 2, [c.label(lang) for c in CHRONIC_COLUMNS])
    widths = {i: len(c.label(lang)) for i, c in enumerate(CHRONIC_COLUMNS, start=1)}
    for r, spot in enumerate(report.chronic.spots, start=3):
        for col, column in enumerate(CHRONIC_COLUMNS, start=1):
            value = spot_value(spot, column.code, lang)
            if column.kind == "moment":
                value = value.replace(tzinfo=None)  # Excel has no time zones: Jakarta time
                widths[col] = max(widths[col], 16)
            cell = ws.cell(row=r, column=col, value=value)
            if column.kind != "text":
                cell.number_format = FORMATS[column.kind]
            else:
                widths[col] = max(widths[col], len(str(value or "")))
    if not report.chronic.spots:
        ws.cell(row=3, column=1, value=t("no_chronic", lang))
    note_row = 4 + max(1, len(report.chronic.spots))
    ws.cell(row=note_row, column=1, value=report.chronic.note(lang))
    ws.freeze_panes = "A3"
    _fit(ws, widths)


def write_xlsx(report: WeeklyReport, path: Path, lang: str = "id") -> Path:
    check_language(lang)
    wb = Workbook()
    _summary(wb, report, lang)
    for grouping in report.groupings:
        _grouping_sheet(wb, report, grouping, lang)
    _chronic_sheet(wb, report, lang)
    path = Path(path)
    wb.save(path)
    return path
