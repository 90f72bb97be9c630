"""PDF export (A4 landscape, fpdf2): title, week and period, generated-at time, the summary
figures with last week's, the charts (reports received per day by state, response-time
distribution, top and bottom ten — or every ranked group in halves when fewer than twenty are
ranked), the league table of the main grouping, the week's top ten chronic spots, an appendix
(what each figure counts, the ranking formula, and each group's score components), and page
numbers. Indonesian by default,
English on request. State colours are the console's (reports/palette.py).

The page, its fonts and text helpers are pdf_document.py's; the charts, drawn with the PDF's
own lines and boxes (a scheduled job needs no Qt and no plotting library), pdf_charts.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from fpdf.enums import XPos, YPos

from qlue_console.domain import formatting
from qlue_console.reports import appendix
from qlue_console.reports.chronic import spot_value
from qlue_console.reports.labels import (
    CHRONIC_COLUMNS,
    COLUMN,
    LEAGUE_COLUMNS,
    LEAGUE_HEADERS,
    SUMMARY_FIELDS,
    check_language,
    fmt_number,
    fmt_value,
    grouping_name,
    period,
    t,
)
from qlue_console.reports.pdf_charts import charts
from qlue_console.reports.pdf_document import GREY, NAVY, Document, fit_text, heading, paragraph
from qlue_console.reports.ranking import components
from qlue_console.reports.service import WeeklyReport, display_name, value_of

LEAGUE_WIDTHS = {
    "rank_normalised": 10,
    "change_normalised": 11,
    "name": 42,
    "rank_raw": 14,
    "change_raw": 11,
}
SCORE_DECIMALS = 4  # the appendix's scores: two groups the league shows as 0,85 differ here


def _cover(pdf: Document, report: WeeklyReport, lang: str) -> None:
    pdf.add_page()
    pdf.font(20, True)
    pdf.set_text_color(*NAVY)
    pdf.put(0, 10, t("title", lang), newline=True)
    pdf.set_text_color(0, 0, 0)
    pdf.font(11)
    pdf.put(0, 6, t("subtitle", lang), newline=True)
    pdf.ln(2)
    for key, value in (
        ("week", str(report.week)),
        ("period", period(report.week, lang)),
        ("grouping", grouping_name(report.grouping, lang)),
        ("generated", formatting.moment(report.generated_at, lang)),
    ):
        pdf.font(10, True)
        pdf.put(42, 6, t(key, lang))
        pdf.font(10)
        pdf.put(0, 6, value, newline=True)
    pdf.ln(3)
    pdf.font(13, True)
    pdf.put(0, 8, t("summary", lang) + " — " + t("city", lang), newline=True)
    half = (len(SUMMARY_FIELDS) + 1) // 2
    top = pdf.get_y()
    for block, fields in enumerate((SUMMARY_FIELDS[:half], SUMMARY_FIELDS[half:])):
        x = pdf.l_margin + block * 136
        pdf.set_xy(x, top)
        pdf.font(8.5, True)
        pdf.set_fill_color(*NAVY)
        pdf.set_text_color(255, 255, 255)
        pdf.put(70, 6, t("figure", lang), border=0, fill=True)
        pdf.put(30, 6, str(report.week), align="R", fill=True)
        pdf.put(30, 6, t("previous", lang), align="R", fill=True)
        pdf.set_text_color(0, 0, 0)
        for i, code in enumerate(fields):
            column = COLUMN[code]
            pdf.set_xy(x, top + 6 + i * 6)
            pdf.set_fill_color(242, 246, 250)
            fill = i % 2 == 1
            pdf.font(8.5)
            pdf.put(70, 6, column.label(lang), fill=fill)
            pdf.font(8.5, True)
            pdf.put(
                30,
                6,
                fmt_value(column.kind, getattr(report.kpis.city, code), lang),
                align="R",
                fill=fill,
            )
            pdf.font(8.5)
            pdf.put(
                30,
                6,
                fmt_value(column.kind, getattr(report.previous.city, code), lang),
                align="R",
                fill=fill,
            )
    pdf.set_xy(pdf.l_margin, top + 8 + 6 * half)
    pdf.font(8)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 4, pdf.txt(t("score_note", lang)))
    pdf.set_text_color(0, 0, 0)


def _league(pdf: Document, report: WeeklyReport, lang: str) -> None:
    pdf.add_page()
    pdf.font(13, True)
    pdf.put(0, 8, f"{t('league', lang)} — {grouping_name(report.grouping, lang)}", newline=True)
    usable = pdf.w - pdf.l_margin - pdf.r_margin
    fixed = sum(LEAGUE_WIDTHS.values())
    other = (usable - fixed) / (len(LEAGUE_COLUMNS) - len(LEAGUE_WIDTHS))
    widths = [LEAGUE_WIDTHS.get(code, other) for code in LEAGUE_COLUMNS]

    def header() -> None:
        pdf.font(6, True)
        pdf.set_fill_color(*NAVY)
        pdf.set_text_color(255, 255, 255)
        x, y = pdf.l_margin, pdf.get_y()
        pdf.rect(x, y, usable, 10, style="F")
        for code, width in zip(LEAGUE_COLUMNS, widths, strict=True):
            label = pdf.txt(LEAGUE_HEADERS[code][lang])
            lines = cast(list[str], pdf.multi_cell(width, 3.0, label, dry_run=True, output="LINES"))
            pdf.set_xy(x, y + (10 - 3.0 * len(lines)) / 2)
            pdf.multi_cell(
                width,
                3.0,
                label,
                align="L" if code == "name" else "C",
                new_x=XPos.RIGHT,
                new_y=YPos.TOP,
            )
            x += width
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(pdf.l_margin, y + 11)

    everything = report.league()
    rows = [r for r in everything if r.row.active or r.rank_normalised is not None]
    header()
    if not rows:
        pdf.font(9)
        pdf.put(0, 6, t("empty", lang), newline=True)
    for i, ranked in enumerate(rows):
        if pdf.get_y() + 5 > pdf.page_break_trigger:
            pdf.add_page()
            header()
        fill = i % 2 == 1
        pdf.set_fill_color(242, 246, 250)
        for code, width in zip(LEAGUE_COLUMNS, widths, strict=True):
            column = COLUMN[code]
            value = value_of(ranked, code, lang)
            if column.kind == "text":
                pdf.font(7)
                pdf.cell(width, 5, fit_text(pdf, str(value or ""), width), fill=fill)
                continue
            pdf.font(7, bold=code == "rank_normalised")
            if column.kind == "change" and value:
                pdf.set_text_color(*((46, 125, 50) if value > 0 else (211, 47, 47)))
            pdf.cell(width, 5, pdf.txt(fmt_value(column.kind, value, lang)), align="R", fill=fill)
            pdf.set_text_color(0, 0, 0)
        pdf.ln(5)
    if len(everything) > len(rows):
        pdf.ln(2)
        pdf.font(8)
        pdf.set_text_color(*GREY)
        pdf.put(
            0,
            5,
            t("inactive", lang).format(
                n=len(everything) - len(rows), what=grouping_name(report.grouping, lang).lower()
            ),
            newline=True,
        )
        pdf.set_text_color(0, 0, 0)


CHRONIC_WIDTHS = (60, 60, 50, 25, 25, 49)  # 269 mm: the page between the margins


def _chronic(pdf: Document, report: WeeklyReport, lang: str) -> None:
    """The week's top ten chronic spots, after the league table."""
    spots = report.chronic.spots
    if pdf.get_y() + 30 + 6 * len(spots) > pdf.page_break_trigger:
        pdf.add_page()
    else:
        pdf.ln(6)
    pdf.font(13, True)
    pdf.put(0, 8, t("chronic", lang), newline=True)
    pdf.font(7.5, True)
    pdf.set_fill_color(*NAVY)
    pdf.set_text_color(255, 255, 255)
    for column, width in zip(CHRONIC_COLUMNS, CHRONIC_WIDTHS, strict=True):
        pdf.put(
            width, 6, column.label(lang), align="L" if column.kind == "text" else "R", fill=True
        )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(6)
    if not spots:
        pdf.font(9)
        pdf.put(0, 6, t("no_chronic", lang), newline=True)
    for i, spot in enumerate(spots):
        pdf.set_fill_color(242, 246, 250)
        pdf.font(7.5)
        for column, width in zip(CHRONIC_COLUMNS, CHRONIC_WIDTHS, strict=True):
            value = spot_value(spot, column.code, lang)
            if column.kind == "text":
                pdf.put(width, 5.5, fit_text(pdf, value or "–", width), fill=i % 2 == 1)
            else:
                shown = fmt_value(column.kind, value, lang)
                pdf.put(width, 5.5, shown, align="R", fill=i % 2 == 1)
        pdf.ln(5.5)
    pdf.ln(1)
    pdf.font(7.5)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 4, pdf.txt(report.chronic.note(lang)))
    pdf.set_text_color(0, 0, 0)


def _appendix(pdf: Document, report: WeeklyReport, lang: str) -> None:
    """What each figure counts, the ranking formula, and each ranked group's score components."""
    pdf.add_page()
    pdf.font(13, True)
    pdf.put(0, 8, appendix.TITLE[lang], newline=True)
    paragraph(pdf, appendix.WEEK[lang])
    heading(pdf, appendix.DEFINITIONS_TITLE[lang])
    rule = report.chronic
    for code, counts in appendix.definitions(lang, rule.window_days, rule.distance_m):
        pdf.font(8, True)
        label = pdf.txt(COLUMN[code].label(lang))
        pdf.put(62, 4.2, fit_text(pdf, label, 62))
        pdf.font(8)
        pdf.multi_cell(
            0,
            4.2,
            pdf.txt(counts),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    paragraph(pdf, appendix.NO_VALUE[lang], 8)
    heading(pdf, appendix.METHOD_TITLE[lang])
    city = components(report.kpis.city)
    for line in appendix.method_lines(lang, city.performance, rule.window_days, rule.distance_m):
        paragraph(pdf, line)
    _breakdown(pdf, report, lang)


def _breakdown(pdf: Document, report: WeeklyReport, lang: str) -> None:
    ranked = [
        r for r in report.league() if r.rank_normalised is not None and r.components is not None
    ]
    if pdf.get_y() + 35 > pdf.page_break_trigger:  # the title with its header and first rows
        pdf.add_page()
    heading(pdf, f"{appendix.BREAKDOWN_TITLE[lang]} — {grouping_name(report.grouping, lang)}")
    if not ranked:
        paragraph(pdf, t("empty", lang))
        return
    widths = (12, 70, 26, 26, 26, 28, 16, 20)
    aligns = ("R", "L", "R", "R", "R", "R", "R", "R")

    def header() -> None:
        pdf.font(7, True)
        pdf.set_fill_color(*NAVY)
        pdf.set_text_color(255, 255, 255)
        for label, width, align in zip(
            appendix.BREAKDOWN_HEADERS[lang], widths, aligns, strict=True
        ):
            pdf.put(width, 5, label, align=align, fill=True)
        pdf.set_text_color(0, 0, 0)
        pdf.ln(5)

    header()
    borrowed = False
    for i, r in enumerate(ranked):
        if pdf.get_y() + 4.5 > pdf.page_break_trigger:
            pdf.add_page()
            header()
        parts, row = r.components, r.row
        if parts is None:
            continue
        own = (
            row.response_rate,
            row.sla_compliance,
            None
            if row.proof_rejection_rate is None
            and row.reopen_rate is None
            and row.reused_proof_rate is None
            and row.recurrence_rate is None
            else 0.0,
        )
        cells = [
            fmt_value("rank", r.rank_normalised, lang),
            fit_text(pdf, display_name(row, lang), widths[1]),
        ]
        for value, mine in zip((parts.rate, parts.time, parts.quality), own, strict=True):
            cells.append(fmt_value("rate", value, lang) + ("*" if mine is None else ""))
            borrowed = borrowed or mine is None
        # P and the score precise enough to tell apart the groups the league shows alike
        cells += [
            fmt_number(100 * parts.performance, lang, 2) + " %",
            fmt_value("count", row.followed_up + row.overdue, lang),
            fmt_number(r.score_normalised, lang, SCORE_DECIMALS),
        ]
        pdf.set_fill_color(242, 246, 250)
        pdf.font(7)
        for cell, width, align in zip(cells, widths, aligns, strict=True):
            pdf.put(width, 4.5, cell, align=align, fill=i % 2 == 1)
        pdf.ln(4.5)
    if borrowed:
        pdf.ln(1)
        paragraph(pdf, appendix.BORROWED[lang], 7.5)


def write_pdf(report: WeeklyReport, path: Path, lang: str = "id") -> Path:
    check_language(lang)
    pdf = Document(report, lang)
    _cover(pdf, report, lang)
    charts(pdf, report, lang)
    _league(pdf, report, lang)
    _chronic(pdf, report, lang)
    _appendix(pdf, report, lang)
    path = Path(path)
    pdf.output(str(path))
    return path
