"""The triage queue pane: the view selector (working queue / archive), filters, the table.

Pages are fetched in the background as the table scrolls; a filter change discards the
results of the older filter. Live changes update rows in place; rows that arrive above the
viewport keep the operator's scroll position and show a "n new" button instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QWidget
from sqlalchemy import Engine

from qlue_console.data.queue import QueueFilter, QueueKey, QueueRow, fetch_queue_page, fetch_queue_rows, matches
from qlue_console.data.reference import CategoryInfo, fetch_categories
from qlue_console.db.listen import ChangeEvent
from qlue_console.domain.states import OPEN_STATES
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name
from qlue_console.gui.queue_model import COL_AGE, COL_CATEGORY, COL_PLACE, COL_PRIORITY, COL_TEXT, ROW_ROLE, QueueModel
from qlue_console.gui.tasks import TaskRunner

PAGE_SIZE = 200


class QueuePane(QObject):
    report_selected = Signal(int)
    first_page_loaded = Signal()

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = engine, tasks, language
        self.widget = load_form("queue_pane", parent)
        self._view = child(self.widget, QTableView, "queueView")
        self._view_selector = child(self.widget, QComboBox, "viewSelector")
        self._category_selector = child(self.widget, QComboBox, "categorySelector")
        self._search = child(self.widget, QLineEdit, "searchEdit")
        self._new_rows = child(self.widget, QPushButton, "newRowsButton")
        self._count = child(self.widget, QLabel, "countLabel")
        self._filter = QueueFilter()
        self._generation = 0
        self._new_count = 0

        self.model = QueueModel(language, self._request_page, self)
        self._view.setModel(self.model)
        header = self._view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((COL_PRIORITY, 64), (COL_AGE, 70), (COL_CATEGORY, 150), (COL_PLACE, 170), (COL_TEXT, 260)):
            self._view.setColumnWidth(column, width)
        self._view.verticalHeader().setDefaultSectionSize(24)
        self._view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.new_rows_arrived.connect(self._rows_arrived)

        self._category_selector.addItem(self.tr("All categories"), None)
        self._view_selector.currentIndexChanged.connect(self._filters_changed)
        self._category_selector.currentIndexChanged.connect(self._filters_changed)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._filters_changed)
        self._search.textChanged.connect(lambda _: self._search_timer.start())
        self._new_rows.clicked.connect(self._scroll_to_top)
        self._age_timer = QTimer(self, interval=30_000)
        self._age_timer.timeout.connect(lambda: self.model.tick())
        self._age_timer.start()
        self._tasks.run(fetch_categories, self._engine, on_done=self._fill_categories)

    # -- filters ---------------------------------------------------------------------------
    def _fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        for c in categories:
            self._category_selector.addItem(category_name(self._language, c.name_id, c.name_en), c.code)

    def current_filter(self) -> QueueFilter:
        return self._filter

    def _filters_changed(self) -> None:
        archive = self._view_selector.currentIndex() == 1
        base = QueueFilter.archive() if archive else QueueFilter(states=OPEN_STATES)
        self.set_filter(QueueFilter(states=base.states, category=self._category_selector.currentData(),
                                    search=self._search.text().strip() or None))

    def set_filter(self, flt: QueueFilter) -> None:
        self._filter = flt
        self._generation += 1
        self._hide_new_rows()
        self.model.reset_rows()
        self.load_first_page()

    def load_first_page(self) -> None:
        if self.model.canFetchMore():
            self.model.fetchMore()

    # -- paging ----------------------------------------------------------------------------
    def _request_page(self, after: QueueKey | None) -> None:
        generation, flt = self._generation, self._filter
        self._tasks.run(fetch_queue_page, self._engine, flt, after, PAGE_SIZE + 1, channel="queue-page",
                        on_done=lambda rows: self._page_arrived(generation, after, rows),
                        on_error=lambda error: self._page_failed(generation, error))

    def _page_arrived(self, generation: int, after: QueueKey | None, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return   # the result of an older filter
        self.model.append_page(rows[:PAGE_SIZE], has_more=len(rows) > PAGE_SIZE)
        self._update_count()
        if after is None:
            self.first_page_loaded.emit()

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.model.page_failed()
            self._count.setText(self.tr("Could not load the queue: %1").replace("%1", str(error).splitlines()[0]))

    def _update_count(self) -> None:
        more = "+" if self.model.canFetchMore() else ""
        self._count.setText(self.tr("%1 reports shown").replace("%1", f"{self.model.rowCount()}{more}"))

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        ids = sorted({e.report_id for e in events})
        generation = self._generation
        self._tasks.run(fetch_queue_rows, self._engine, ids,
                        on_done=lambda rows: self._rows_changed(generation, rows))

    def _rows_changed(self, generation: int, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return
        bar = self._view.verticalScrollBar()
        at_top = bar.value() == 0
        before = self.model.rowCount()
        flt = self._filter
        self.model.apply_rows(rows, lambda row: matches(row, flt))
        inserted = self.model.rowCount() - before
        if inserted > 0 and not at_top:
            bar.setValue(bar.value() + inserted * self._view.verticalHeader().defaultSectionSize())
        self._update_count()

    def _rows_arrived(self, count: int) -> None:
        if self._view.verticalScrollBar().value() == 0:
            return
        self._new_count += count
        self._new_rows.setText(self.tr("↑ %n new report(s)", "", self._new_count))
        self._new_rows.setVisible(True)

    def _hide_new_rows(self) -> None:
        self._new_count = 0
        self._new_rows.setVisible(False)

    def _scroll_to_top(self) -> None:
        self._view.scrollToTop()
        self._hide_new_rows()

    # -- selection -------------------------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            row: QueueRow = self.model.data(current, ROW_ROLE)
            self.report_selected.emit(row.id)

    def select_report(self, report_id: int) -> bool:
        position = self.model.position_of(report_id)
        if position is None:
            return False
        index = self.model.index(position, 0)
        self._view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._view.scrollTo(index)
        return True

    def selected_report(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        return self.model.data(index, ROW_ROLE).id if index.isValid() else None
