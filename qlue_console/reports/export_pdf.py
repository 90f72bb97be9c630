"""PDF export (A4 landscape, fpdf2): title, week and period, generated-at time, the summary
figures with last week's, the charts (reports received per day by state, response-time
distribution, top and bottom ten — or every ranked group in halves when fewer than twenty are
ranked), the league table of the main grouping, the week's top ten chronic spots, an appendix
(what each figure counts, the ranking formula, and each group's score components), and page
numbers. Indonesian by default,
English on request. State colours are the console's (reports/palette.py).

The charts are drawn with the PDF's own lines and boxes: a scheduled job needs no Qt and no
plotting library. Text uses DejaVu Sans when the system has it (for ▲ ▼ and –); otherwise the
built-in Helvetica with those signs spelled in ASCII.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from qlue_console.domain import formatting
from qlue_console.domain.states import label_of
from qlue_console.reports import appendix
from qlue_console.reports.chronic import spot_value
from qlue_console.reports.highlights import LOWER_HALF, UPPER_HALF, Band, highlights
from qlue_console.reports.kpis import RESPONSE_BUCKETS_H
from qlue_console.reports.labels import (
    BUCKET_NAMES,
    CHRONIC_COLUMNS,
    COLUMN,
    LEAGUE_COLUMNS,
    LEAGUE_HEADERS,
    STATE_NAMES,
    SUMMARY_FIELDS,
    check_language,
    fmt_number,
    fmt_value,
    grouping_name,
    period,
    t,
)
from qlue_console.reports.palette import BAND_COLOURS, STATE_ORDER, rgb
from qlue_console.reports.palette import STATE_COLOURS as _STATE_HEX
from qlue_console.reports.ranking import RankedRow, components
from qlue_console.reports.service import WeeklyReport, display_name, value_of

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
    Path("C:/Windows/Fonts/DejaVuSans.ttf"),
)
_ASCII = {
    "▲": "+",
    "▼": "-",
    "–": "-",
    "—": "-",
    "−": "-",
    "≥": ">=",
    "…": "...",
    "’": "'",
    "“": '"',
    "”": '"',
}
NAVY = (31, 78, 121)
GREY = (110, 110, 110)
LEAGUE_WIDTHS = {
    "rank_normalised": 10,
    "change_normalised": 11,
    "name": 42,
    "rank_raw": 14,
    "change_raw": 11,
}
STATE_COLOURS = {label: rgb(colour) for label, colour in _STATE_HEX.items()}
SCORE_DECIMALS = 4  # the appendix's scores: two groups the league shows as 0,85 differ here


class _Document(FPDF):
    def __init__(self, report: WeeklyReport, lang: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.report, self.lang = report, lang
        self.unicode = False
        for candidate in FONT_CANDIDATES:
            if candidate.exists():
                self.add_font("Body", "", str(candidate))
                bold = candidate.with_name("DejaVuSans-Bold.ttf")
                self.add_font("Body", "B", str(bold if bold.exists() else candidate))
                self.unicode = True
                break
        self.family = "Body" if self.unicode else "Helvetica"
        self.set_auto_page_break(True, margin=16)
        self.set_margins(14, 14, 14)
        self.set_title(f"{t('title', lang)} {report.week}")
        self.set_creator("Qlue Console")

    def txt(self, text: str) -> str:
        if self.unicode:
            return text
        for char, ascii_text in _ASCII.items():
            text = text.replace(char, ascii_text)
        return text.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)

    def put(
        self,
        w: float,
        h: float,
        text: str,
        align: str = "L",
        border: Literal[0, 1] | str = 0,
        fill: bool = False,
        newline: bool = False,
    ) -> None:
        self.cell(
            w,
            h,
            self.txt(text),
            border=border,
            align=align,
            fill=fill,
            new_x=XPos.LMARGIN if newline else XPos.RIGHT,
            new_y=YPos.NEXT if newline else YPos.TOP,
        )

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.font(8)
        self.set_text_color(*GREY)
        self.put(
            0,
            5,
            f"{t('title', self.lang)} · {t('week', self.lang)} {self.report.week} · "
            f"{period(self.report.week, self.lang)}",
            newline=True,
        )
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-11)
        self.font(8)
        self.set_text_color(*GREY)
        self.put(
            0,
            5,
            f"{t('generated', self.lang)} {formatting.moment(self.report.generated_at, self.lang)}",
            align="L",
        )
        self.set_x(self.l_margin)
        self.put(0, 5, t("page", self.lang).format(page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0, 0, 0)


def _fit_text(pdf: _Document, text: str, width: float) -> str:
    text = pdf.txt(text)
    if pdf.get_string_width(text) <= width - 1.5:
        return text
    while text and pdf.get_string_width(text + "...") > width - 1.5:
        text = text[:-1]
    return text + "..."


def _cover(pdf: _Document, report: WeeklyReport, lang: str) -> None:
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


def _axis_title(pdf: _Document, x: float, y: float, title: str) -> None:
    pdf.set_xy(x, y)
    pdf.font(10, True)
    pdf.put(0, 6, title)


def _daily_chart(
    pdf: _Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
) -> None:
    _axis_title(pdf, x, y, t("daily", lang))
    days = report.week.days()
    stacks = {day: {label: 0 for label in STATE_ORDER} for day in days}
    for item in report.kpis.daily:
        if item.day in stacks:
            stacks[item.day][label_of(item.state)] += item.count
    top = max([sum(s.values()) for s in stacks.values()] + [1])
    plot_y, plot_h = y + 10, h - 26
    bar_w = w / len(days) * 0.6
    pdf.set_draw_color(*GREY)
    pdf.line(x, plot_y + plot_h, x + w, plot_y + plot_h)
    pdf.font(7)
    for i, day in enumerate(days):
        bx = x + (i + 0.2) * w / len(days)
        base = plot_y + plot_h
        total = 0
        for label in STATE_ORDER:
            n = stacks[day][label]
            if not n:
                continue
            seg = plot_h * n / top
            pdf.set_fill_color(*STATE_COLOURS[label])
            pdf.rect(bx, base - seg, bar_w, seg, style="F")
            base -= seg
            total += n
        pdf.set_xy(bx - 2, base - 4)
        pdf.put(bar_w + 4, 4, fmt_value("count", total, lang), align="C")
        pdf.set_xy(x + i * w / len(days), plot_y + plot_h + 1)
        pdf.put(w / len(days), 4, formatting.day(day, lang), align="C")
    lx = x
    for label in STATE_ORDER:
        pdf.set_fill_color(*STATE_COLOURS[label])
        pdf.rect(lx, y + h - 9, 3, 3, style="F")
        pdf.set_xy(lx + 4, y + h - 9.5)
        name = STATE_NAMES[label.value][lang]
        pdf.put(pdf.get_string_width(pdf.txt(name)) + 3, 4, name)
        lx = pdf.get_x() + 1


def _histogram(
    pdf: _Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
) -> None:
    _axis_title(pdf, x, y, t("histogram", lang))
    counts = list(report.kpis.response_histogram) or [0] * (len(RESPONSE_BUCKETS_H) + 1)
    top = max(counts + [1])
    plot_y, plot_h = y + 10, h - 22
    n = len(counts)
    pdf.set_draw_color(*GREY)
    pdf.line(x, plot_y + plot_h, x + w, plot_y + plot_h)
    pdf.font(7)
    for i, count in enumerate(counts):
        bx, bw = x + (i + 0.15) * w / n, w / n * 0.7
        seg = plot_h * count / top
        pdf.set_fill_color(*NAVY)
        pdf.rect(bx, plot_y + plot_h - seg, bw, seg, style="F")
        pdf.set_xy(bx - 2, plot_y + plot_h - seg - 4)
        pdf.put(bw + 4, 4, fmt_value("count", count, lang), align="C")
        pdf.set_xy(bx - 3, plot_y + plot_h + 1)
        pdf.put(bw + 6, 4, BUCKET_NAMES[lang][i], align="C")


def _top_bottom(
    pdf: _Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
) -> None:
    shown = highlights(report.league())
    blocks: tuple[tuple[str, list[tuple[RankedRow, Band]]], ...]
    if shown.split:
        blocks = (
            (t("top", lang), [rb for rb in shown.rows if rb[1] == "top"]),
            (t("bottom", lang), [rb for rb in shown.rows if rb[1] == "bottom"]),
        )
    else:
        # every ranked group, in rank order: the upper half (and the middle one) left, the
        # lower half right
        ordered = list(shown.rows)
        cut = (len(ordered) + 1) // 2
        blocks = (
            (UPPER_HALF[lang].format(n=shown.ranked), ordered[:cut]),
            (LOWER_HALF[lang], ordered[cut:]),
        )
    half = w / 2 - 4
    for block, (title, rows) in enumerate(blocks):
        bx = x + block * (half + 8)
        _axis_title(pdf, bx, y, f"{title} — {grouping_name(report.grouping, lang)}")
        if not rows:
            pdf.set_xy(bx, y + 8)
            pdf.font(8)
            pdf.put(half, 5, t("empty", lang) if block == 0 else "–")
            continue
        row_h = min(5.5, (h - 10) / 10)
        for i, (r, band) in enumerate(rows):
            ry = y + 8 + i * row_h
            pdf.font(7.5)
            pdf.set_xy(bx, ry)
            pdf.put(8, row_h, fmt_value("rank", r.rank_normalised, lang), align="R")
            pdf.put(44, row_h, _fit_text(pdf, display_name(r.row, lang), 44))
            bar_w = (half - 70) * (r.score_normalised or 0.0)
            pdf.set_fill_color(*rgb(BAND_COLOURS[band]))
            pdf.rect(bx + 53, ry + 1, max(bar_w, 0.3), row_h - 2, style="F")
            pdf.set_xy(bx + 53 + half - 68, ry)
            pdf.put(16, row_h, fmt_value("number", r.score_normalised, lang), align="R")


def _charts(pdf: _Document, report: WeeklyReport, lang: str) -> None:
    pdf.add_page()
    y = pdf.get_y()
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    _daily_chart(pdf, report, lang, pdf.l_margin, y, width, 78)
    _histogram(pdf, report, lang, pdf.l_margin + width + 10, y, width, 78)
    _top_bottom(pdf, report, lang, pdf.l_margin, y + 86, pdf.w - pdf.l_margin - pdf.r_margin, 66)


def _league(pdf: _Document, report: WeeklyReport, lang: str) -> None:
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
                pdf.cell(width, 5, _fit_text(pdf, str(value or ""), width), fill=fill)
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


def _chronic(pdf: _Document, report: WeeklyReport, lang: str) -> None:
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
                pdf.put(width, 5.5, _fit_text(pdf, value or "–", width), fill=i % 2 == 1)
            else:
                shown = fmt_value(column.kind, value, lang)
                pdf.put(width, 5.5, shown, align="R", fill=i % 2 == 1)
        pdf.ln(5.5)
    pdf.ln(1)
    pdf.font(7.5)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 4, pdf.txt(report.chronic.note(lang)))
    pdf.set_text_color(0, 0, 0)


def _heading(pdf: _Document, text: str, size: float = 11) -> None:
    pdf.ln(1.5)
    pdf.font(size, True)
    pdf.set_text_color(*NAVY)
    pdf.put(0, 7, text, newline=True)
    pdf.set_text_color(0, 0, 0)


def _paragraph(pdf: _Document, text: str, size: float = 8.5) -> None:
    pdf.font(size)
    pdf.set_x(pdf.l_margin)
    pdf.multi_cell(0, 4.2, pdf.txt(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _appendix(pdf: _Document, report: WeeklyReport, lang: str) -> None:
    """What each figure counts, the ranking formula, and each ranked group's score components."""
    pdf.add_page()
    pdf.font(13, True)
    pdf.put(0, 8, appendix.TITLE[lang], newline=True)
    _paragraph(pdf, appendix.WEEK[lang])
    _heading(pdf, appendix.DEFINITIONS_TITLE[lang])
    rule = report.chronic
    for code, counts in appendix.definitions(lang, rule.window_days, rule.distance_m):
        pdf.font(8, True)
        label = pdf.txt(COLUMN[code].label(lang))
        pdf.put(62, 4.2, _fit_text(pdf, label, 62))
        pdf.font(8)
        pdf.multi_cell(
            0,
            4.2,
            pdf.txt(counts),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    _paragraph(pdf, appendix.NO_VALUE[lang], 8)
    _heading(pdf, appendix.METHOD_TITLE[lang])
    city = components(report.kpis.city)
    for line in appendix.method_lines(lang, city.performance, rule.window_days, rule.distance_m):
        _paragraph(pdf, line)
    _breakdown(pdf, report, lang)


def _breakdown(pdf: _Document, report: WeeklyReport, lang: str) -> None:
    ranked = [
        r for r in report.league() if r.rank_normalised is not None and r.components is not None
    ]
    if pdf.get_y() + 35 > pdf.page_break_trigger:  # the title with its header and first rows
        pdf.add_page()
    _heading(pdf, f"{appendix.BREAKDOWN_TITLE[lang]} — {grouping_name(report.grouping, lang)}")
    if not ranked:
        _paragraph(pdf, t("empty", lang))
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
            _fit_text(pdf, display_name(row, lang), widths[1]),
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
        _paragraph(pdf, appendix.BORROWED[lang], 7.5)


def write_pdf(report: WeeklyReport, path: Path, lang: str = "id") -> Path:
    check_language(lang)
    pdf = _Document(report, lang)
    _cover(pdf, report, lang)
    _charts(pdf, report, lang)
    _league(pdf, report, lang)
    _chronic(pdf, report, lang)
    _appendix(pdf, report, lang)
    path = Path(path)
    pdf.output(str(path))
    return path
