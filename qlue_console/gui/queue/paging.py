"""The queue's keyset pages: fetched in the background as the table scrolls, the answers of an
older filter dropped, and the "n reports shown" line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import Engine

from qlue_console.data.queue import QueueKey, QueueRow, fetch_queue_page
from qlue_console.gui.forms import child
from qlue_console.gui.i18n import fill
from qlue_console.gui.queue.state import QueueState
from qlue_console.gui.queue_model import QueueModel
from qlue_console.gui.tasks import TaskRunner

PAGE_SIZE = 200


class Paging(QObject):
    """Owns the queue's model and answers its requests for pages. ``requested()`` as a page is
    asked for, ``arrived(bool first)`` once it is shown."""

    requested = Signal()
    arrived = Signal(bool)

    def __init__(
        self,
        form: QWidget,
        engine: Engine,
        tasks: TaskRunner,
        state: QueueState,
        language: str,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._state = engine, tasks, state
        self._count = child(form, QLabel, "countLabel")
        self.model = QueueModel(language, self.request_page, parent)

    def request_page(self, after: QueueKey | None) -> None:
        """Fetches the page after ``after`` (the model asks, as the table scrolls)."""
        generation, flt = self._state.generation, self._state.filter
        self.requested.emit()
        self._tasks.run(
            fetch_queue_page,
            self._engine,
            flt,
            after,
            PAGE_SIZE + 1,
            channel=self._state.channel("queue-page"),
            on_done=lambda rows: self._page_arrived(generation, after, rows),
            on_error=lambda error: self._page_failed(generation, error),
        )

    def _page_arrived(self, generation: int, after: QueueKey | None, rows: list[QueueRow]) -> None:
        if generation != self._state.generation:
            return  # the answer for an older filter
        self.model.append_page(rows[:PAGE_SIZE], has_more=len(rows) > PAGE_SIZE)
        self.update_count()
        self.arrived.emit(after is None)

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation == self._state.generation:
            self.model.page_failed()
            self._count.setText(
                fill(self.tr("Could not load the queue: %1"), str(error).splitlines()[0])
            )

    def update_count(self) -> None:
        more = "+" if self.model.canFetchMore() else ""
        self._count.setText(fill(self.tr("%1 reports shown"), f"{self.model.rowCount()}{more}"))
