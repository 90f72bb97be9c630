"""The three exports say the same as the report the console shows (read back: the CSV with
csv, the XLSX with openpyxl, the PDF as text with pypdf)."""

from __future__ import annotations

import csv
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qlue_console.reports.export_csv import write_csv
from qlue_console.reports.export_pdf import write_pdf
from qlue_console.reports.export_xlsx import write_xlsx
from qlue_console.reports.kpis import GROUPINGS
from qlue_console.reports.labels import (
    COLUMNS,
    LEAGUE_COLUMNS,
    SUMMARY_FIELDS,
    fmt_value,
    grouping_name,
    t,
)
from qlue_console.reports.service import build_report, value_of
from tests.reports.conftest import W47


@pytest.fixture
def report(week_fixture):
    return build_report(week_fixture.engine, W47, GROUPINGS, "kelurahan")


def _close(a, b):
    if isinstance(a, timedelta):  # openpyxl reads [h]:mm cells back as durations
        a = a.total_seconds() / 86400
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


@pytest.mark.parametrize("lang", ["id", "en"])
def test_csv_has_one_row_per_group_with_the_screen_values(report, tmp_path, lang):
    path = write_csv(report, tmp_path / "week.csv", lang)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [c.label(lang) for c in COLUMNS]
    assert rows[0][7] == ("Diterima" if lang == "id" else "Received")
    league = report.league()
    assert len(rows) - 1 == len(league) == 267
    for line, ranked in zip(rows[1:], league, strict=True):
        for column, cell in zip(COLUMNS, line, strict=True):
            value = value_of(ranked, column.code, lang)
            if column.kind in ("hours", "rate", "number"):
                assert (cell == "" and value is None) or abs(float(cell) - float(value)) < 5e-5, (
                    column.code
                )
            elif column.kind in ("count", "rank", "change"):
                assert cell == (
                    ""
                    if value is None
                    else str(int(value))
                    if column.kind != "change"
                    else f"{int(value):+d}"
                ), column.code
            else:
                assert cell == (value or ""), column.code


def test_xlsx_has_a_summary_and_a_sheet_per_grouping(report, tmp_path):
    wb = load_workbook(write_xlsx(report, tmp_path / "week.xlsx", "id"))
    assert wb.sheetnames == [t("summary", "id")] + [
        grouping_name(g, "id") for g in GROUPINGS[3:4]
    ] + [grouping_name(g, "id") for g in GROUPINGS if g != "kelurahan"] + [
        t("chronic_sheet", "id")  # the week's top ten chronic spots, last
    ]
    summary = wb[t("summary", "id")]
    assert summary["B2"].value == "2026-W47"
    assert summary["B3"].value == "16–22 Nov 2026"
    for i, code in enumerate(SUMMARY_FIELDS, start=8):
        kind = next(c.kind for c in COLUMNS if c.code == code)
        stored = summary.cell(row=i, column=2).value
        expected = getattr(report.kpis.city, code)
        expected = expected / 24 if kind == "hours" and expected is not None else expected
        assert _close(stored, expected), code
    assert summary.cell(row=8, column=2).value == 4  # received
    for grouping in GROUPINGS:
        ws = wb[grouping_name(grouping, "id")]
        assert ws.freeze_panes == "H2"
        assert [c.value for c in ws[1]] == [c.label("id") for c in COLUMNS]
        assert ws.column_dimensions["F"].width >= 8
        for r, ranked in enumerate(report.league(grouping), start=2):
            for col, column in enumerate(COLUMNS, start=1):
                cell = ws.cell(row=r, column=col)
                value = value_of(ranked, column.code, "id")
                if column.kind == "hours":
                    assert _close(cell.value, None if value is None else value / 24), column.code
                    assert cell.number_format == "[h]:mm"
                elif column.kind == "rate":
                    assert _close(cell.value, value), column.code
                    assert cell.number_format == "0.0%"
                elif column.kind == "text":
                    assert (cell.value or "") == (value or "")
                else:
                    assert _close(cell.value, value), column.code


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pdf_text_carries_the_same_numbers(report, tmp_path, lang):
    reader = PdfReader(write_pdf(report, tmp_path / "week.pdf", lang))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    assert t("title", lang) in pages[0]
    assert "2026-W47" in pages[0] and ("16–22 Nov 2026" in pages[0])
    assert t("generated", lang) in pages[0]
    assert re.search(t("page", lang).format(page=1, pages=len(pages)), pages[0])
    for code in SUMMARY_FIELDS:
        kind = next(c.kind for c in COLUMNS if c.code == code)
        line = next(
            text_line
            for text_line in pages[0].splitlines()
            if text_line.startswith(next(c.label(lang) for c in COLUMNS if c.code == code))
        )
        assert fmt_value(kind, getattr(report.kpis.city, code), lang) in line, code
    league = [r for r in report.league() if r.rank_normalised is not None]
    assert len(league) == 2
    table = "\n".join(pages[2:])
    for ranked in league:
        line = next(t for t in table.splitlines() if f" {ranked.row.name} " in f" {t} ")
        position = 0
        for code in LEAGUE_COLUMNS:
            kind = next(c.kind for c in COLUMNS if c.code == code)
            if kind in ("text", "change"):
                continue
            token = fmt_value(kind, value_of(ranked, code, lang), lang)
            found = line.find(token, position)
            assert found >= 0, (code, token, line)
            position = found + len(token)
    assert "265" in table  # the kelurahan without activity are summarised
    assert grouping_name("kelurahan", lang) in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pdf_explains_its_figures_and_its_ranking_in_an_appendix(report, tmp_path, lang):
    from qlue_console.reports import appendix
    from qlue_console.reports.labels import fmt_number
    from qlue_console.reports.ranking import components

    reader = PdfReader(write_pdf(report, tmp_path / "week.pdf", lang))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    assert "docs/kpis.md" not in text and "kpis.md" not in text  # nothing points to the source code
    start = next(i for i, page in enumerate(pages) if appendix.TITLE[lang] in page)
    assert start >= 3  # after the league table
    tail = " ".join(" ".join(pages[start:]).split())  # words, whatever the line breaks
    rule = report.chronic
    for code, counts in appendix.definitions(lang, rule.window_days, rule.distance_m):
        assert " ".join(counts.split()) in tail, code
    assert (
        "Skor (peringkat) = (n × P + 10 × P_kota) / (n + 10)"
        if lang == "id"
        else "Score (the rank) = (n × P + 10 × P_city) / (n + 10)"
    ) in tail
    assert (
        "Kinerja P = 0,35 R + 0,30 T + 0,35 Q"
        if lang == "id"
        else "Performance P = 0.35 R + 0.30 T + 0.35 Q"
    ) in tail
    p_city = fmt_value("rate", components(report.kpis.city).performance, lang)
    assert p_city in tail
    lines = "\n".join(pages[start:]).splitlines()
    for ranked in (r for r in report.league() if r.rank_normalised is not None):
        line = next(t for t in lines if f" {ranked.row.name} " in f" {t} ")
        parts = ranked.components
        tokens = [fmt_value("rate", v, lang) for v in (parts.rate, parts.time, parts.quality)]
        tokens += [
            fmt_number(100 * parts.performance, lang, 2) + " %",
            str(ranked.row.followed_up + ranked.row.overdue),
            fmt_number(ranked.score_normalised, lang, 4),
        ]
        position = 0
        for token in tokens:
            found = line.find(token, position)
            assert found >= 0, (token, line)
            position = found + len(token)
