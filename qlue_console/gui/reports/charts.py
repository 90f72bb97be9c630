"""The Reports workspace's charts (QtCharts): reports received per day by state, the
response-time distribution, and the top and bottom ten of the grouping."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries,
                              QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPainter

from qlue_console.domain import formatting
from qlue_console.domain.states import COLOUR_OF_LABEL, Label, label_of
from qlue_console.gui.i18n import current_language
from qlue_console.reports.kpis import WeeklyKpis
from qlue_console.reports.ranking import RankedRow

STATE_ORDER = (Label.MENUNGGU, Label.KOORDINASI, Label.DISPOSISI, Label.PROSES, Label.SELESAI, Label.DITOLAK,
               Label.DUPLIKAT)
STATE_COLOURS = {Label.MENUNGGU: COLOUR_OF_LABEL[Label.MENUNGGU], Label.KOORDINASI: "#ef6c00",
                 Label.DISPOSISI: "#ffb300", Label.PROSES: COLOUR_OF_LABEL[Label.PROSES],
                 Label.SELESAI: COLOUR_OF_LABEL[Label.SELESAI], Label.DITOLAK: "#757575", Label.DUPLIKAT: "#b0b0b0"}
BUCKETS = (QT_TRANSLATE_NOOP("ReportsCharts", "0–6 h"), QT_TRANSLATE_NOOP("ReportsCharts", "6–24 h"),
           QT_TRANSLATE_NOOP("ReportsCharts", "1–3 days"), QT_TRANSLATE_NOOP("ReportsCharts", "3–7 days"),
           QT_TRANSLATE_NOOP("ReportsCharts", "≥ 7 days"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsCharts", text)


def new_view() -> QChartView:
    view = QChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 240)
    return view


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
    return chart


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top * 1.1))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    return axis


def daily_chart(kpis: WeeklyKpis) -> QChart:
    chart = _chart(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Reports received per day, by state at the week's end")))
    days = kpis.week.days()
    counts = {label: [0] * len(days) for label in STATE_ORDER}
    for item in kpis.daily:
        if item.day in days:
            counts[label_of(item.state)][days.index(item.day)] += item.count
    series = QStackedBarSeries()
    for label in STATE_ORDER:
        if not any(counts[label]):
            continue
        bar = QBarSet(QCoreApplication.translate("Labels", label.value))
        bar.setColor(QColor(STATE_COLOURS[label]))
        bar.append([float(n) for n in counts[label]])
        series.append(bar)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([formatting.day(d, current_language()) for d in days])
    totals = [sum(counts[label][i] for label in STATE_ORDER) for i in range(len(days))]
    axis_y = _value_axis(max(totals + [0]))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


def response_chart(kpis: WeeklyKpis) -> QChart:
    chart = _chart(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Response time: from dispatch to the first follow-up")))
    counts = list(kpis.response_histogram) or [0] * len(BUCKETS)
    bar = QBarSet(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Reports")))
    bar.setColor(QColor("#1f4e79"))
    bar.append([float(n) for n in counts])
    series = QBarSeries()
    series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    chart.legend().hide()
    axis_x = QBarCategoryAxis()
    axis_x.append([_tr(b) for b in BUCKETS])
    axis_y = _value_axis(max(counts + [0]))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


def top_bottom_chart(league: Sequence[RankedRow], unassigned: str) -> QChart:
    """The ten best and ten worst ranked groups by normalised score (bars in 0-100)."""
    chart = _chart(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Top and bottom ten (normalised score)")))
    ranked = [r for r in league if r.rank_normalised is not None]
    top = ranked[:10]
    bottom = [r for r in ranked[-10:] if r not in top]
    rows = list(reversed(top + bottom))   # the best at the top of the chart
    best = QBarSet(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Top ten")))
    worst = QBarSet(_tr(QT_TRANSLATE_NOOP("ReportsCharts", "Bottom ten")))
    best.setColor(QColor("#2e7d32"))
    worst.setColor(QColor("#c62828"))
    for r in rows:
        score = 100.0 * (r.score_normalised or 0.0)
        best.append(score if r in top else 0.0)
        worst.append(score if r not in top else 0.0)
    series = QHorizontalStackedBarSeries()
    series.append(best)
    if bottom:
        series.append(worst)
    series.setBarWidth(0.9)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([f"{r.rank_normalised}. {r.row.name if r.row.key is not None else unassigned}"[:34]
                   for r in rows] or [""])
    axis_x = QValueAxis()
    axis_x.setRange(0, 100)
    axis_x.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    return chart
