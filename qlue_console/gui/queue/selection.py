"""The selected report of the queue: selecting, and revealing a report chosen elsewhere (the
queue pages down to it, or clears the filters that hide it, saying so)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QTableView
from sqlalchemy import Engine

from qlue_console.data.queue import QueueFilter, fetch_queue_changes
from qlue_console.domain.states import ALL_STATES
from qlue_console.gui.i18n import fill
from qlue_console.gui.queue.state import QueueState
from qlue_console.gui.queue.state_tabs import home_states
from qlue_console.gui.queue_model import ROW_ROLE, QueueModel
from qlue_console.gui.tasks import TaskRunner

REVEAL_MAX_PAGES = 25  # how far the queue pages on to bring a report into view


def locate_report(engine: Engine, flt: QueueFilter, report_id: int) -> tuple[bool, str | None]:
    """Whether the filter shows the report, and when it does not, the report's state (None: no
    such report, or not one this login may read)."""
    if fetch_queue_changes(engine, flt, [report_id]):
        return True, None
    rows = fetch_queue_changes(engine, QueueFilter(states=ALL_STATES), [report_id])
    return False, rows[0].status if rows else None


class Selection(QObject):
    """``report_selected(id)`` as the current row changes; ``message(text)`` for the status
    line; ``show_filter(QueueFilter)`` when a reveal needs the filters cleared."""

    report_selected = Signal(int)
    message = Signal(str)
    show_filter = Signal(object)

    def __init__(
        self,
        view: QTableView,
        model: QueueModel,
        engine: Engine,
        tasks: TaskRunner,
        state: QueueState,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._view, self._model = view, model
        self._engine, self._tasks, self._state = engine, tasks, state
        self._reveal: int | None = None  # a report to select once it is loaded
        self._reveal_pages = 0
        view.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.report_selected.emit(self._model.data(current, ROW_ROLE).id)

    def select_report(self, report_id: int) -> bool:
        position = self._model.position_of(report_id)
        if position is None:
            return False
        index = self._model.index(position, 0)
        self._view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._view.scrollTo(index)
        return True

    def selected_report(self) -> int | None:
        index = self._view.selectionModel().currentIndex()
        return self._model.data(index, ROW_ROLE).id if index.isValid() else None

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
            locate_report,
            self._engine,
            self._state.filter,
            report_id,
            channel=self._state.channel("queue-reveal"),
            on_done=lambda found: self._located(report_id, *found),
            on_error=lambda _error: None,
        )

    def _located(self, report_id: int, shown: bool, status: str | None) -> None:
        if self._reveal != report_id:
            return
        if shown:
            self.continue_reveal()
            return
        if status is None:
            self._reveal = None
            return
        # the filter hides it: the tab of its state, every other filter cleared
        self.message.emit(fill(self.tr("Filters cleared to show report #%1."), str(report_id)))
        self.show_filter.emit(QueueFilter(states=home_states(status), sort=self._state.filter.sort))

    def continue_reveal(self) -> None:
        """Goes on revealing after a page arrived."""
        report_id = self._reveal
        if report_id is None:
            return
        if self.select_report(report_id):
            self._reveal = None
            return
        if self._model.is_loading():
            return  # the next page is on its way and brings this back here
        if self._model.canFetchMore() and self._reveal_pages < REVEAL_MAX_PAGES:
            self._reveal_pages += 1
            self._model.fetchMore()
            return
        self._reveal = None
        if self._model.canFetchMore():
            text = self.tr(
                "Report #%1 is too far down the queue to show here; it is open on the right."
            )
        else:
            text = self.tr(
                "Report #%1 is not in this list (it changed meanwhile); it is open on the right."
            )
        self.message.emit(fill(text, str(report_id)))
