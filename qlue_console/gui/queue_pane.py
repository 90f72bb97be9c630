"""The triage queue pane: named views, working queue / archive, state tabs with live counts,
filters, and the table.

Pages are fetched in the background as the table scrolls; a filter change discards the
results of older filters. Live changes update rows in place; rows that arrive above the
viewport keep the operator's scroll position and show a "n new" button instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.data.queue import (
    QueueFilter,
    QueueKey,
    QueueRow,
    fetch_queue_page,
    fetch_queue_rows,
    fetch_state_counts,
    matches,
)
from qlue_console.data.reference import AreaInfo, CategoryInfo, fetch_areas
from qlue_console.data.report_detail import fetch_people
from qlue_console.db.listen import ChangeEvent
from qlue_console.domain.states import CLOSED_STATES, OPEN_STATES, Label
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.header_fit import fit_titles
from qlue_console.gui.i18n import category_name, fill
from qlue_console.gui.labels import _tr as label_tr
from qlue_console.gui.labels import channel_text, priority_text
from qlue_console.gui.queue_model import (
    COL_AGE,
    COL_CATEGORY,
    COL_PLACE,
    COL_PRIORITY,
    COL_TEXT,
    ROW_ROLE,
    QueueModel,
)
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage.actions import whoami
from qlue_console.triage.views import SavedView, delete_view, list_views, save_view

PAGE_SIZE = 200
# The state tabs of the working queue: all open reports, then each Jakarta label.
OPEN_TABS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, OPEN_STATES),
    (Label.MENUNGGU.value, ("new", "triaged")),
    (Label.KOORDINASI.value, ("coordination",)),
    (Label.DISPOSISI.value, ("disposition",)),
    (Label.PROSES.value, ("dispatched", "reopened", "followed_up")),
)
ARCHIVE_TABS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, tuple(sorted(CLOSED_STATES))),
    (Label.SELESAI.value, ("verified",)),
    (Label.DITOLAK.value, ("rejected",)),
    (Label.DUPLIKAT.value, ("duplicate",)),
)
AGES: tuple[tuple[str, float | None, float | None], ...] = (
    (QT_TRANSLATE_NOOP("QueuePane", "Any age"), None, None),
    (QT_TRANSLATE_NOOP("QueuePane", "Last hour"), None, 1),
    (QT_TRANSLATE_NOOP("QueuePane", "Last 24 hours"), None, 24),
    (QT_TRANSLATE_NOOP("QueuePane", "Last 7 days"), None, 168),
    (QT_TRANSLATE_NOOP("QueuePane", "Older than 1 day"), 24, None),
    (QT_TRANSLATE_NOOP("QueuePane", "Older than 3 days"), 72, None),
)


LIVE_BATCH_MS = 150  # the longest a live change waits to join a batch
REVEAL_MAX_PAGES = 25  # how far the queue pages on to bring a report into view


class QueuePane(QObject):
    report_selected = Signal(int)
    first_page_loaded = Signal()
    filter_changed = Signal(object)  # the QueueFilter now shown
    counts_shown = Signal()  # the state tabs show their counts
    message = Signal(str)  # something to tell the operator in the status line

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = engine, tasks, language
        self.widget = load_form("queue_pane", parent)
        w = self.widget
        self._view = child(w, QTableView, "queueView")
        self._archive = child(w, QComboBox, "viewSelector")
        self._tabs = QTabBar(w)  # Designer has no QTabBar: it goes into its slot
        self._tabs.setObjectName("stateTabs")
        self._tabs.setExpanding(False)
        self._tabs.setDrawBase(False)
        child(w, QWidget, "stateTabsSlot").layout().addWidget(self._tabs)
        self._category = child(w, QComboBox, "categorySelector")
        self._area = child(w, QComboBox, "areaSelector")
        self._channel = child(w, QComboBox, "channelSelector")
        self._priority = child(w, QComboBox, "prioritySelector")
        self._age = child(w, QComboBox, "ageSelector")
        self._sort = child(w, QComboBox, "sortSelector")
        self._mine = child(w, QCheckBox, "mineCheck")
        self._overdue = child(w, QCheckBox, "overdueCheck")
        self._outside = child(w, QCheckBox, "outsideCheck")
        self._search = child(w, QLineEdit, "searchEdit")
        self._saved = child(w, QComboBox, "savedViewSelector")
        self._new_rows = child(w, QPushButton, "newRowsButton")
        self._count = child(w, QLabel, "countLabel")
        self._filter = QueueFilter()
        self._generation = 0
        self._new_count = 0
        self._me: str | None = None
        self._applying_view = False
        self._reveal: int | None = None  # a report to select once it is loaded
        self._reveal_pages = 0

        self.model = QueueModel(language, self._request_page, self)
        self._view.setModel(self.model)
        self._view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (COL_PRIORITY, 64),
            (COL_AGE, 70),
            (COL_CATEGORY, 150),
            (COL_PLACE, 170),
            (COL_TEXT, 260),
        ):
            self._view.setColumnWidth(column, width)
        fit_titles(self._view)
        self._view.verticalHeader().setDefaultSectionSize(24)
        self._view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.new_rows_arrived.connect(self._rows_arrived)
        self._fill_static_selectors()
        self._rebuild_tabs()

        for combo in (
            self._archive,
            self._category,
            self._channel,
            self._priority,
            self._age,
            self._sort,
        ):
            combo.currentIndexChanged.connect(self._filters_changed)
        self._archive.currentIndexChanged.connect(self._rebuild_tabs)
        self._tabs.currentChanged.connect(self._filters_changed)
        for box in (self._mine, self._overdue, self._outside):
            box.toggled.connect(self._filters_changed)
        self._area.activated.connect(self._filters_changed)
        self._area.lineEdit().editingFinished.connect(self._area_typed)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._filters_changed)
        self._search.textChanged.connect(lambda _: self._search_timer.start())
        self._new_rows.clicked.connect(self._scroll_to_top)
        self._saved.activated.connect(self._view_chosen)
        child(w, QToolButton, "saveViewButton").clicked.connect(self._save_view)
        child(w, QToolButton, "deleteViewButton").clicked.connect(self._delete_view)
        self._age_timer = QTimer(self, interval=30_000)
        self._age_timer.timeout.connect(lambda: self.model.tick())
        self._age_timer.start()
        self._counts_timer = QTimer(self, singleShot=True, interval=700)
        self._counts_timer.timeout.connect(self._refresh_counts)
        # Live changes are applied in batches a few times a second: one fetch and one repaint of
        # the table per batch, however many reports a burst from the channels touched.
        self._live_pending: set[int] = set()
        self._live_fetching = False
        self._live_timer = QTimer(self, singleShot=True, interval=LIVE_BATCH_MS)
        self._live_timer.timeout.connect(self._fetch_live_rows)
        self._tasks.run(fetch_areas, self._engine, on_done=self._fill_areas)
        self._tasks.run(whoami, self._engine, on_done=self._set_me)
        self._tasks.run(
            fetch_people, self._engine, on_done=self.model.set_people, on_error=lambda e: None
        )
        self.reload_views()
        self._refresh_counts()  # the tabs count from the first load, not from the first change

    # -- selectors -------------------------------------------------------------------------
    def _fill_static_selectors(self) -> None:
        self._category.addItem(self.tr("All categories"), None)
        self._area.addItem(self.tr("All of DKI Jakarta"), None)
        self._channel.addItem(self.tr("All channels"), None)
        for code in ("app", "web", "sms", "social", "call_center"):
            self._channel.addItem(channel_text(code), code)
        self._priority.addItem(self.tr("Any priority"), None)
        for level in (1, 2, 3):
            self._priority.addItem(fill(self.tr("%1 or higher"), priority_text(level)), level)
        for label, min_age, max_age in AGES:
            self._age.addItem(self.tr(label), (min_age, max_age))

    def fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        for c in categories:
            self._category.addItem(category_name(self._language, c.name_id, c.name_en), c.code)

    def _fill_areas(self, areas: Sequence[AreaInfo]) -> None:
        for a in areas:
            self._area.addItem(a.path, a.code)
        completer = QCompleter(self._area.model(), self._area)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._area.setCompleter(completer)

    def _area_typed(self) -> None:
        index = self._area.findText(self._area.currentText(), Qt.MatchFlag.MatchFixedString)
        self._area.setCurrentIndex(max(0, index))
        self._filters_changed()

    def _set_me(self, me: str) -> None:
        self._me = me

    def _rebuild_tabs(self) -> None:
        self._tabs.blockSignals(True)
        while self._tabs.count():
            self._tabs.removeTab(0)
        for label, _states in self._tab_specs():
            self._tabs.addTab(label_tr(label) if label else self.tr("All"))
        self._tabs.setCurrentIndex(0)
        self._tabs.blockSignals(False)

    def _tab_specs(self):
        return ARCHIVE_TABS if self._archive.currentIndex() == 1 else OPEN_TABS

    # -- filters ---------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        return self._filter

    def _filter_from_widgets(self) -> QueueFilter:
        specs = self._tab_specs()
        _label, states = specs[max(0, min(self._tabs.currentIndex(), len(specs) - 1))]
        min_age, max_age = self._age.currentData() or (None, None)
        return QueueFilter(
            states=states,
            category=self._category.currentData(),
            area_code=self._area.currentData(),
            channel=self._channel.currentData(),
            min_priority=self._priority.currentData(),
            min_age_hours=min_age,
            max_age_hours=max_age,
            search=self._search.text().strip() or None,
            mine=self._mine.isChecked(),
            outside_only=self._outside.isChecked(),
            overdue_only=self._overdue.isChecked(),
            sort="priority" if self._sort.currentIndex() == 1 else "newest",
        )

    def _filters_changed(self, *_args) -> None:
        if not self._applying_view:
            self.set_filter(self._filter_from_widgets())

    def set_filter(self, flt: QueueFilter) -> None:
        self._filter = flt
        self._generation += 1
        self._hide_new_rows()
        self.model.reset_rows(flt.sort)
        self.load_first_page()
        self._refresh_counts()
        self.filter_changed.emit(flt)

    def apply_filter_to_widgets(self, flt: QueueFilter) -> None:
        """Shows a saved view's filter in the widgets, then loads it."""
        self._applying_view = True
        try:
            archive = set(flt.states) <= set(CLOSED_STATES)
            self._archive.setCurrentIndex(1 if archive else 0)
            self._rebuild_tabs()
            specs = self._tab_specs()
            tab = next(
                (i for i, (_l, states) in enumerate(specs) if set(states) == set(flt.states)), 0
            )
            self._tabs.setCurrentIndex(tab)
            for combo, value in (
                (self._category, flt.category),
                (self._area, flt.area_code),
                (self._channel, flt.channel),
                (self._priority, flt.min_priority),
                (self._age, (flt.min_age_hours, flt.max_age_hours)),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self._sort.setCurrentIndex(1 if flt.sort == "priority" else 0)
            self._mine.setChecked(flt.mine)
            self._overdue.setChecked(flt.overdue_only)
            self._outside.setChecked(flt.outside_only)
            self._search.blockSignals(True)
            self._search.setText(flt.search or "")
            self._search.blockSignals(False)
        finally:
            self._applying_view = False
        self.set_filter(flt)

    def load_first_page(self) -> None:
        if self.model.canFetchMore():
            self.model.fetchMore()

    # -- counts ----------------------------------------------------------------------------
    def _refresh_counts(self) -> None:
        all_states = self._tab_specs()[0][1]
        generation = self._generation
        self._tasks.run(
            fetch_state_counts,
            self._engine,
            self._filter,
            all_states,
            channel="queue-counts",
            coalesce=True,
            on_done=lambda counts: self._show_counts(generation, counts),
            on_error=lambda e: None,
        )

    def _show_counts(self, generation: int, counts: dict[str, int]) -> None:
        if generation != self._generation:
            return
        for i, (label, states) in enumerate(self._tab_specs()):
            total = sum(counts.get(s, 0) for s in states)
            self._tabs.setTabText(i, f"{label_tr(label) if label else self.tr('All')} ({total})")
        self.counts_shown.emit()

    def tab_texts(self) -> list[str]:
        return [self._tabs.tabText(i) for i in range(self._tabs.count())]

    # -- paging ----------------------------------------------------------------------------
    def _request_page(self, after: QueueKey | None) -> None:
        generation, flt = self._generation, self._filter
        self._tasks.run(
            fetch_queue_page,
            self._engine,
            flt,
            after,
            PAGE_SIZE + 1,
            channel="queue-page",
            on_done=lambda rows: self._page_arrived(generation, after, rows),
            on_error=lambda error: self._page_failed(generation, error),
        )

    def _page_arrived(self, generation: int, after: QueueKey | None, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return  # the result of an older filter
        self.model.append_page(rows[:PAGE_SIZE], has_more=len(rows) > PAGE_SIZE)
        self._update_count()
        if after is None:
            self.first_page_loaded.emit()
        self._continue_reveal()

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.model.page_failed()
            self._count.setText(
                fill(self.tr("Could not load the queue: %1"), str(error).splitlines()[0])
            )

    def _update_count(self) -> None:
        more = "+" if self.model.canFetchMore() else ""
        self._count.setText(fill(self.tr("%1 reports shown"), f"{self.model.rowCount()}{more}"))

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        self._live_pending.update(e.report_id for e in events)
        if not self._live_fetching and not self._live_timer.isActive():
            self._live_timer.start()
        if not self._counts_timer.isActive():
            self._counts_timer.start()

    def _fetch_live_rows(self) -> None:
        if not self._live_pending:
            return
        ids, self._live_pending = sorted(self._live_pending), set()
        generation = self._generation
        self._live_fetching = True
        self._tasks.run(
            fetch_queue_rows,
            self._engine,
            ids,
            on_done=lambda rows: self._rows_changed(generation, rows),
            on_error=lambda _error: self._live_fetch_failed(ids),
        )

    def _live_fetch_ended(self) -> None:
        self._live_fetching = False
        if self._live_pending:
            self._live_timer.start()

    def _live_fetch_failed(self, ids: list[int]) -> None:
        # Offline: the ids wait for the next change (the catch-up after reconnecting brings one).
        self._live_pending.update(ids)
        self._live_fetching = False

    def _rows_changed(self, generation: int, rows: list[QueueRow]) -> None:
        self._live_fetch_ended()
        if generation != self._generation:
            return
        bar = self._view.verticalScrollBar()
        at_top = bar.value() == 0
        before = self.model.rowCount()
        flt, me, now = self._filter, self._me, datetime.now(UTC)
        self.model.apply_rows(rows, lambda row: matches(row, flt, me, now))
        if any(r.claimed_by and not self.model.knows_person(r.claimed_by) for r in rows):
            self._tasks.run(
                fetch_people,
                self._engine,
                channel="queue-people",
                coalesce=True,
                on_done=self.model.set_people,
                on_error=lambda e: None,
            )
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

    # -- named views -----------------------------------------------------------------------
    def reload_views(self) -> None:
        self._tasks.run(
            list_views,
            self._engine,
            channel="views",
            on_done=self._fill_views,
            on_error=lambda e: None,
        )

    def _fill_views(self, views: Sequence[SavedView]) -> None:
        self._saved.clear()
        self._saved.addItem(self.tr("— Named views —"), None)
        for v in views:
            owner = self.tr("mine") if v.mine else v.owner
            shared = self.tr("shared") if v.shared else self.tr("private")
            self._saved.addItem(f"{v.name}  ({owner}, {shared})", v)

    def _view_chosen(self, index: int) -> None:
        view = self._saved.itemData(index)
        if isinstance(view, SavedView):
            self.apply_filter_to_widgets(view.filter)

    def _save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self.widget, self.tr("Save view"), self.tr("Name of the view:")
        )
        if not ok or not name.strip():
            return
        shared = (
            QMessageBox.question(
                self.widget, self.tr("Save view"), self.tr("Share this view with the team?")
            )
            == QMessageBox.StandardButton.Yes
        )
        self._tasks.run(
            save_view,
            self._engine,
            name,
            self._filter,
            shared,
            on_done=lambda _id: self.reload_views(),
            on_error=lambda e: QMessageBox.warning(self.widget, self.tr("Save view"), str(e)),
        )

    def _delete_view(self) -> None:
        view = self._saved.currentData()
        if not isinstance(view, SavedView):
            return
        self._tasks.run(
            delete_view,
            self._engine,
            view.id,
            on_done=lambda _ok: self.reload_views(),
            on_error=lambda e: QMessageBox.warning(self.widget, self.tr("Delete view"), str(e)),
        )

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
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._view.scrollTo(index)
        return True

    def reveal_report(self, report_id: int) -> None:
        """Selects and scrolls to a report: at once when it is loaded; else, when the filter
        shows it, once the pages down to it are loaded; else after clearing the filters (on the
        tab of its state), saying so. When it still is not there, the status line says why."""
        if self.select_report(report_id):
            self._reveal = None
            return
        self._view.selectionModel().clear()  # the row clicked before is not the one shown
        self._reveal, self._reveal_pages = report_id, 0
        self._tasks.run(
            fetch_queue_rows,
            self._engine,
            [report_id],
            channel="queue-reveal",
            on_done=lambda rows: self._reveal_row(report_id, rows),
            on_error=lambda e: None,
        )

    def _reveal_row(self, report_id: int, rows: list[QueueRow]) -> None:
        if self._reveal != report_id:
            return
        if not rows:
            self._reveal = None
            return
        row = rows[0]
        if matches(row, self._filter, self._me, datetime.now(UTC)):
            self._continue_reveal()
            return
        # the filter hides it: the tab of its state, every other filter cleared
        archive = row.status in CLOSED_STATES
        specs = ARCHIVE_TABS if archive else OPEN_TABS
        tab = next(
            (i for i, (label, states) in enumerate(specs) if label and row.status in states), 0
        )
        self.message.emit(fill(self.tr("Filters cleared to show report #%1."), str(report_id)))
        self.apply_filter_to_widgets(QueueFilter(states=specs[tab][1], sort=self._filter.sort))

    def _continue_reveal(self) -> None:
        report_id = self._reveal
        if report_id is None:
            return
        if self.select_report(report_id):
            self._reveal = None
            return
        if self.model.is_loading():
            return  # the next page is on its way and brings this back here
        if self.model.canFetchMore() and self._reveal_pages < REVEAL_MAX_PAGES:
            self._reveal_pages += 1
            self.model.fetchMore()
            return
        self._reveal = None
        if self.model.canFetchMore():
            text = self.tr(
                "Report #%1 is too far down the queue to show here; it is open on the right."
            )
        else:
            text = self.tr(
                "Report #%1 is not in this list (it changed meanwhile); it is open on the right."
            )
        self.message.emit(fill(text, str(report_id)))

    def selected_report(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        return self.model.data(index, ROW_ROLE).id if index.isValid() else None

    def focus_search(self) -> None:
        self._search.setFocus()
        self._search.selectAll()

    @property
    def me(self) -> str | None:
        return self._me
