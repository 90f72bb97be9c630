"""The analyst's Reports workspace: week picker (the last complete week by default), grouping,
the league table with ▲/▼ against last week, the KPI table, the charts, and the exports.

All work runs through the TaskRunner: the KPIs (``reports.service.build_report``) and the
exports (``reports.export_*``) are plain Python; this controller only shows their results.
Every task carries a ``CancelToken``: Cancel stops the query on the server and the progress
bar goes away. The numbers shown are the ones the exports write.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.db.listen import ChangeEvent
from qlue_console.domain import formatting
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import current_language, fill
from qlue_console.gui.reports import charts
from qlue_console.gui.reports.models import KPI_COLUMNS, LEAGUE_COLUMNS, SORT_ROLE, RankedTableModel
from qlue_console.gui.tasks import TaskRunner
from qlue_console.reports.cancel import CancelledError, CancelToken
from qlue_console.reports.kpis import GROUPINGS
from qlue_console.reports.service import WeeklyReport, build_report
from qlue_console.reports.weeks import Week, last_complete_week

WEEKS_SHOWN = 104


class _Progress(QObject):
    """Carries progress from a task's thread to the GUI thread (queued signal)."""

    step = Signal(int, int)


def _export(
    engine: Engine,
    week: Week,
    grouping: str,
    fmt: str,
    path: Path,
    lang: str,
    cancel: CancelToken,
    progress: _Progress,
) -> Path:
    from qlue_console.reports.export_csv import write_csv
    from qlue_console.reports.export_pdf import write_pdf
    from qlue_console.reports.export_xlsx import write_xlsx

    groupings = GROUPINGS if fmt == "xlsx" else (grouping,)
    report = build_report(
        engine,
        week,
        groupings,
        grouping,
        cancel=cancel,
        progress=lambda done, total: progress.step.emit(done, total + 1),
    )
    cancel.check()
    writer = {"csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}[fmt]
    writer(report, path, lang)
    progress.step.emit(3, 3)
    return path


def _build(
    engine: Engine, week: Week, grouping: str, cancel: CancelToken, progress: _Progress
) -> WeeklyReport:
    return build_report(
        engine,
        week,
        (grouping,),
        grouping,
        cancel=cancel,
        progress=lambda done, total: progress.step.emit(done, total),
    )


class ReportsWorkspace(QObject):
    ready = Signal()  # the first report is on screen
    report_shown = Signal()  # every time a report is on screen
    exported = Signal(str)  # path of a file written
    failed = Signal(str)  # a task failed (message shown in the status line)

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = engine, tasks, language
        self.widget = load_form("reports_workspace", parent)
        self.week_selector = child(self.widget, QComboBox, "weekSelector")
        self.grouping_selector = child(self.widget, QComboBox, "groupingSelector")
        self.export_language = child(self.widget, QComboBox, "exportLanguage")
        self.refresh_button = child(self.widget, QPushButton, "refreshButton")
        self.export_buttons = {
            fmt: child(self.widget, QPushButton, f"export{fmt.title()}Button")
            for fmt in ("csv", "xlsx", "pdf")
        }
        self.cancel_button = child(self.widget, QPushButton, "cancelButton")
        self.progress = child(self.widget, QProgressBar, "progress")
        self.status = child(self.widget, QLabel, "statusLabel")
        self.league_view = child(self.widget, QTableView, "leagueTable")
        self.kpi_view = child(self.widget, QTableView, "kpiTable")
        splitter = child(self.widget, QSplitter, "reportSplitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.league_model = RankedTableModel(LEAGUE_COLUMNS, language, self)
        self.kpi_model = RankedTableModel(KPI_COLUMNS, language, self)
        self.league_proxy = self._sortable(self.league_view, self.league_model)
        self.kpi_proxy = self._sortable(self.kpi_view, self.kpi_model)
        self.chart_views = {}
        for name in ("daily", "response", "rank"):
            view = charts.new_view()
            child(self.widget, QWidget, f"{name}Tab").findChild(
                QVBoxLayout, f"{name}Slot"
            ).addWidget(view)
            self.chart_views[name] = view

        self.report: WeeklyReport | None = None
        self._token: CancelToken | None = None
        self._fill_selectors()
        self._shown_once = False
        self._set_busy(False)
        self.week_selector.currentIndexChanged.connect(self.load)
        self.grouping_selector.currentIndexChanged.connect(self.load)
        self.refresh_button.clicked.connect(self.load)
        self.cancel_button.clicked.connect(self.cancel)
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
        self.load()

    # -- set-up ----------------------------------------------------------------------------
    def _sortable(self, view: QTableView, model: RankedTableModel) -> QSortFilterProxyModel:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(False)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return proxy

    def _fill_selectors(self) -> None:
        week = last_complete_week()
        for _ in range(WEEKS_SHOWN):
            self.week_selector.addItem(
                fill(
                    self.tr("%1 (%2)"),
                    str(week),
                    formatting.day_range(week.monday, week.sunday, current_language()),
                ),
                str(week),
            )
            week = week.previous()
        names = {
            "agency": self.tr("Agencies"),
            "kota": self.tr("Kota"),
            "kecamatan": self.tr("Kecamatan"),
            "kelurahan": self.tr("Kelurahan"),
            "official": self.tr("Officials"),
        }
        for grouping in GROUPINGS:
            self.grouping_selector.addItem(names[grouping], grouping)
        self.export_language.addItem(self.tr("Bahasa Indonesia"), "id")
        self.export_language.addItem(self.tr("English"), "en")
        self.export_language.setCurrentIndex(0 if self._language == "id" else 1)

    # -- state -----------------------------------------------------------------------------
    @property
    def week(self) -> Week:
        return Week.parse(self.week_selector.currentData())

    @property
    def grouping(self) -> str:
        return self.grouping_selector.currentData()

    def select(self, week: Week | None = None, grouping: str | None = None) -> None:
        """Picks a week and/or a grouping (loads once)."""
        blockers = [
            self.week_selector.blockSignals(True),
            self.grouping_selector.blockSignals(True),
        ]
        try:
            if week is not None:
                index = self.week_selector.findData(str(week))
                if index < 0:
                    self.week_selector.addItem(str(week), str(week))
                    index = self.week_selector.count() - 1
                self.week_selector.setCurrentIndex(index)
            if grouping is not None:
                self.grouping_selector.setCurrentIndex(self.grouping_selector.findData(grouping))
        finally:
            self.week_selector.blockSignals(blockers[0])
            self.grouping_selector.blockSignals(blockers[1])
        self.load()

    def busy(self) -> bool:
        return self._token is not None

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for button in self.export_buttons.values():
            button.setEnabled(not busy and self.report is not None)
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first step is reported
        self.status.setText(text)

    def _start(self, text: str) -> tuple[CancelToken, _Progress]:
        if self._token is not None:
            self._token.cancel()  # a newer request supersedes the running one
        self._token = CancelToken()
        progress = _Progress(self)
        progress.step.connect(self._step)
        self._set_busy(True, text)
        return self._token, progress

    def _step(self, done: int, total: int) -> None:
        if self._token is None:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish(self, token: CancelToken) -> bool:
        """True when the finished task is still the current one."""
        if token is not self._token:
            return False
        self._token = None
        return True

    # -- loading ---------------------------------------------------------------------------
    def load(self, *_args) -> None:
        token, progress = self._start(fill(self.tr("Computing the KPIs of %1…"), str(self.week)))
        self._tasks.run(
            _build,
            self._engine,
            self.week,
            self.grouping,
            token,
            progress,
            on_done=partial(self._loaded, token),
            on_error=partial(self._failed, token),
        )

    def _loaded(self, token: CancelToken, report: WeeklyReport) -> None:
        if not self._finish(token):
            return
        self.report = report
        league = report.league()
        self.league_model.set_rows(league)
        self.kpi_model.set_rows(league)
        for view in (self.league_view, self.kpi_view):
            view.resizeColumnsToContents()
            view.setColumnWidth(
                view.model().sourceModel().column_of("name"),
                min(260, max(140, view.columnWidth(view.model().sourceModel().column_of("name")))),
            )
        self.chart_views["daily"].setChart(charts.daily_chart(report.kpis))
        self.chart_views["response"].setChart(charts.response_chart(report.kpis))
        self.chart_views["rank"].setChart(charts.top_bottom_chart(league, self.tr("(unassigned)")))
        tabs = child(self.widget, QTabWidget, "chartTabs")
        tabs.setTabText(
            tabs.indexOf(child(self.widget, QWidget, "rankTab")), charts.rank_tab_title(league)
        )
        ranked = sum(1 for r in league if r.rank_normalised is not None)
        city = report.kpis.city
        self._set_busy(
            False,
            fill(
                self.tr(
                    "%1: %2 received, %3 followed up, %4 verified, %5 in the backlog (%6 overdue); "
                    "%7 of %8 ranked."
                ),
                str(report.week),
                str(city.received),
                str(city.followed_up),
                str(city.verified),
                str(city.backlog),
                str(city.overdue),
                str(ranked),
                str(len(league)),
            ),
        )
        self.report_shown.emit()
        if not self._shown_once:
            self._shown_once = True
            self.ready.emit()

    def _failed(self, token: CancelToken, error: Exception) -> None:
        if not self._finish(token):
            return
        if isinstance(error, CancelledError):
            self._set_busy(False, self.tr("Cancelled."))
            return
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        self._set_busy(False, fill(self.tr("Failed: %1"), message))
        self.failed.emit(message)

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    # -- exports ---------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> None:
        """Writes the shown week and grouping as CSV, XLSX or PDF (asks where when no path)."""
        lang = self.export_language.currentData()
        if path is None:
            suggested = f"qlue-{self.week}-{self.grouping}.{fmt}"
            chosen, _filter = QFileDialog.getSaveFileName(
                self.widget,
                self.tr("Export the weekly report"),
                str(Path.home() / suggested),
                {
                    "csv": self.tr("CSV files (*.csv)"),
                    "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                    "pdf": self.tr("PDF documents (*.pdf)"),
                }[fmt],
            )
            if not chosen:
                return
            path = Path(chosen)
        token, progress = self._start(fill(self.tr("Writing %1…"), path.name))
        self._tasks.run(
            _export,
            self._engine,
            self.week,
            self.grouping,
            fmt,
            path,
            lang,
            token,
            progress,
            on_done=partial(self._exported, token),
            on_error=partial(self._failed, token),
        )

    def _exported(self, token: CancelToken, path: Path) -> None:
        if not self._finish(token):
            return
        self._set_busy(False, fill(self.tr("Written: %1"), str(path)))
        self.exported.emit(str(path))

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        """Past weeks do not change; the figures refresh on demand (Refresh)."""
