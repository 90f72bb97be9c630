"""The weekly report PDF's charts, drawn with the PDF's own lines and boxes (a scheduled job
needs no Qt and no plotting library): reports received per day by state, the response-time
distribution, and the top and bottom ten (or every ranked group in halves when fewer than
twenty are ranked)."""

from __future__ import annotations

from qlue_console.domain import formatting
from qlue_console.domain.states import label_of
from qlue_console.reports.highlights import LOWER_HALF, UPPER_HALF, Band, highlights
from qlue_console.reports.kpis import RESPONSE_BUCKETS_H
from qlue_console.reports.labels import (
    BUCKET_NAMES,
    STATE_NAMES,
    fmt_value,
    grouping_name,
    t,
)
from qlue_console.reports.palette import BAND_COLOURS, STATE_ORDER, rgb
from qlue_console.reports.pdf_document import GREY, NAVY, STATE_COLOURS, Document, fit_text
from qlue_console.reports.ranking import RankedRow
from qlue_console.reports.service import WeeklyReport, display_name


def _axis_title(pdf: Document, x: float, y: float, title: str) -> None:
    pdf.set_xy(x, y)
    pdf.font(10, True)
    pdf.put(0, 6, title)


def _daily_chart(
    pdf: Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
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
    pdf: Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
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
    pdf: Document, report: WeeklyReport, lang: str, x: float, y: float, w: float, h: float
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
            pdf.put(44, row_h, fit_text(pdf, display_name(r.row, lang), 44))
            bar_w = (half - 70) * (r.score_normalised or 0.0)
            pdf.set_fill_color(*rgb(BAND_COLOURS[band]))
            pdf.rect(bx + 53, ry + 1, max(bar_w, 0.3), row_h - 2, style="F")
            pdf.set_xy(bx + 53 + half - 68, ry)
            pdf.put(16, row_h, fmt_value("number", r.score_normalised, lang), align="R")


def charts(pdf: Document, report: WeeklyReport, lang: str) -> None:
    pdf.add_page()
    y = pdf.get_y()
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    _daily_chart(pdf, report, lang, pdf.l_margin, y, width, 78)
    _histogram(pdf, report, lang, pdf.l_margin + width + 10, y, width, 78)
    _top_bottom(pdf, report, lang, pdf.l_margin, y + 86, pdf.w - pdf.l_margin - pdf.r_margin, 66)
