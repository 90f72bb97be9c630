"""Live changes in the queue: the ids of a burst of database events are gathered for a moment,
then the page's statement is asked again narrowed to them (``fetch_queue_changes``, off the UI
thread); its answer inserts, updates and removes rows in place. Rows that arrive above the
viewport keep the operator's scroll position and show a "n new" button instead."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QTableView, QWidget
from sqlalchemy import Engine

from qlue_console.data.queue import QueueRow, fetch_queue_changes
from qlue_console.data.report_detail import fetch_people
from qlue_console.db.listen import ChangeEvent
from qlue_console.gui.forms import child
from qlue_console.gui.queue.state import QueueState
from qlue_console.gui.queue_model import QueueModel
from qlue_console.gui.tasks import TaskRunner

LIVE_BATCH_MS = 150  # the longest a live change waits to join a batch


class LiveRows(QObject):
    """``applied()`` after each batch has changed the rows."""

    applied = Signal()

    def __init__(
        self,
        form: QWidget,
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
        self._new_rows = child(form, QPushButton, "newRowsButton")
        self._new_count = 0
        # One fetch and one repaint of the table per batch, however many reports a burst from
        # the channels touched; at most one fetch in flight.
        self._pending: set[int] = set()
        self._fetching = False
        self._during_page: set[int] | None = None  # ids changed while a page is on its way
        self._timer = QTimer(self, singleShot=True, interval=LIVE_BATCH_MS)
        self._timer.timeout.connect(self._fetch)
        self._new_rows.clicked.connect(self._scroll_to_top)
        model.new_rows_arrived.connect(self._rows_arrived)

    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        ids = {e.report_id for e in events}
        self._pending |= ids
        if self._during_page is not None:
            self._during_page |= ids
        self._start()

    def page_requested(self) -> None:
        if self._during_page is None:
            self._during_page = set()

    def page_arrived(self) -> None:
        """A page read before the changes of its flight were fetched: ask them again, so the
        page's rows can never be older than the live answer."""
        changed, self._during_page = self._during_page or set(), None
        if changed:
            self._pending |= changed
            self._start()

    def _start(self) -> None:
        if self._pending and not self._fetching and not self._timer.isActive():
            self._timer.start()

    def _fetch(self) -> None:
        if not self._pending:
            return
        ids, self._pending = sorted(self._pending), set()
        generation = self._state.generation
        self._fetching = True
        self._tasks.run(
            fetch_queue_changes,
            self._engine,
            self._state.filter,
            ids,
            on_done=lambda rows: self._changed(generation, ids, rows),
            on_error=lambda _error: self._failed(ids),
        )

    def _failed(self, ids: list[int]) -> None:
        # Offline: the ids wait for the next change (the catch-up after reconnecting brings one).
        self._pending.update(ids)
        self._fetching = False

    def _changed(self, generation: int, ids: list[int], rows: list[QueueRow]) -> None:
        self._fetching = False
        self._start()
        if generation != self._state.generation:
            return  # asked under an older filter: the new filter's first page is newer
        bar = self._view.verticalScrollBar()
        at_top = bar.value() == 0
        before = self._model.rowCount()
        self._model.apply_changes(ids, rows)
        if any(r.claimed_by and not self._model.knows_person(r.claimed_by) for r in rows):
            self._tasks.run(
                fetch_people,
                self._engine,
                channel=self._state.channel("queue-people"),
                coalesce=True,
                on_done=self._model.set_people,
                on_error=lambda _error: None,
            )
        inserted = self._model.rowCount() - before
        if inserted > 0 and not at_top:
            bar.setValue(bar.value() + inserted * self._view.verticalHeader().defaultSectionSize())
        self.applied.emit()

    def _rows_arrived(self, count: int) -> None:
        if self._view.verticalScrollBar().value() == 0:
            return
        self._new_count += count
        self._new_rows.setText(self.tr("↑ %n new report(s)", "", self._new_count))
        self._new_rows.setVisible(True)

    def hide_new_rows(self) -> None:
        self._new_count = 0
        self._new_rows.setVisible(False)

    def _scroll_to_top(self) -> None:
        self._view.scrollToTop()
        self.hide_new_rows()
