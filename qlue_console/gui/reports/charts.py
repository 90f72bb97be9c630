"""The Reports workspace's charts (QtCharts): reports received per day by state, the
response-time distribution, and the top and bottom ten of the grouping (every ranked group, in
halves, when fewer than twenty are ranked: reports/highlights.py). State colours are the PDF's
(reports/palette.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter

from qlue_console.domain import formatting
from qlue_console.domain.states import label_of
from qlue_console.gui.i18n import current_language
from qlue_console.reports.highlights import highlights
from qlue_console.reports.kpis import WeeklyKpis
from qlue_console.reports.palette import BAND_COLOURS, STATE_COLOURS, STATE_ORDER
from qlue_console.reports.ranking import RankedRow

BUCKETS = (
    QT_TRANSLATE_NOOP("ReportsCharts", "0–6 h"),
    QT_TRANSLATE_NOOP("ReportsCharts", "6–24 h"),
    QT_TRANSLATE_NOOP("ReportsCharts", "1–3 days"),
    QT_TRANSLATE_NOOP("ReportsCharts", "3–7 days"),
    QT_TRANSLATE_NOOP("ReportsCharts", "≥ 7 days"),
)


def _tr(text: object) -> str:
    """The translation of a source text (QT_TRANSLATE_NOOP gives it back typed ``object``)."""
    return QCoreApplication.translate("ReportsCharts", str(text))


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
    chart = _chart(
        _tr(
            QT_TRANSLATE_NOOP(
                "ReportsCharts", "Reports received per day, by state at the week's end"
            )
        )
    )
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
    chart = _chart(
        _tr(
            QT_TRANSLATE_NOOP(
                "ReportsCharts", "Response time: from dispatch to the first follow-up"
            )
        )
    )
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


_BAND_NAMES = {
    True: {
        "top": QT_TRANSLATE_NOOP("ReportsCharts", "Top ten"),
        "bottom": QT_TRANSLATE_NOOP("ReportsCharts", "Bottom ten"),
    },
    False: {
        "top": QT_TRANSLATE_NOOP("ReportsCharts", "Upper half"),
        "middle": QT_TRANSLATE_NOOP("ReportsCharts", "Middle"),
        "bottom": QT_TRANSLATE_NOOP("ReportsCharts", "Lower half"),
    },
}


def top_bottom_chart(league: Sequence[RankedRow], unassigned: str) -> QChart:
    """The ten best and ten worst ranked groups by normalised score (bars in 0-100); with fewer
    than twenty ranked, all of them: the upper half green, the lower half red."""
    shown = highlights(league)
    if shown.split:
        title = _tr(QT_TRANSLATE_NOOP("ReportsCharts", "Top and bottom ten (normalised score)"))
    else:
        title = _tr(QT_TRANSLATE_NOOP("ReportsCharts", "All %1 ranked (normalised score)")).replace(
            "%1", str(shown.ranked)
        )
    chart = _chart(title)
    rows = list(reversed(shown.rows))  # the best at the top of the chart
    series = QHorizontalStackedBarSeries()
    for band in ("top", "middle", "bottom"):
        if band not in _BAND_NAMES[shown.split] or not shown.band(band):
            continue
        bar = QBarSet(_tr(_BAND_NAMES[shown.split][band]))
        bar.setColor(QColor(BAND_COLOURS[band]))
        bar.append([100.0 * (r.score_normalised or 0.0) if b == band else 0.0 for r, b in rows])
        series.append(bar)
    series.setBarWidth(0.9)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(
        [
            f"{r.rank_normalised}. {r.row.name if r.row.key is not None else unassigned}"[:34]
            for r, _b in rows
        ]
        or [""]
    )
    axis_x = QValueAxis()
    axis_x.setRange(0, 100)
    axis_x.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    return chart


def rank_tab_title(league: Sequence[RankedRow]) -> str:
    """The name of the league chart's tab: what the chart shows for this league."""
    if highlights(league).split:
        return _tr(QT_TRANSLATE_NOOP("ReportsCharts", "Top and bottom ten"))
    return _tr(QT_TRANSLATE_NOOP("ReportsCharts", "All ranked"))
