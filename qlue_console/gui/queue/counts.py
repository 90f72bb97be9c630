"""The state tabs' counts: the count statement asked again (it is cheap) on a filter change and,
debounced, after live changes, off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import Engine

from qlue_console.data.queue import fetch_state_counts
from qlue_console.gui.queue.state import QueueState
from qlue_console.gui.queue.state_tabs import StateTabs
from qlue_console.gui.tasks import TaskRunner

LIVE_COUNTS_MS = 700  # live changes wait this long to share one count


class TabCounts(QObject):
    """``shown()`` each time the tabs show the counts of the filter now shown."""

    shown = Signal()

    def __init__(
        self,
        engine: Engine,
        tasks: TaskRunner,
        state: QueueState,
        tabs: StateTabs,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._state, self._tabs = engine, tasks, state, tabs
        self._timer = QTimer(self, singleShot=True, interval=LIVE_COUNTS_MS)
        self._timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        generation = self._state.generation
        self._tasks.run(
            fetch_state_counts,
            self._engine,
            self._state.filter,
            self._tabs.all_states(),
            channel=self._state.channel("queue-counts"),
            coalesce=True,
            on_done=lambda counts: self._show(generation, counts),
            on_error=lambda _error: None,
        )

    def refresh_soon(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _show(self, generation: int, counts: dict[str, int]) -> None:
        if generation != self._state.generation:
            return
        self._tabs.show_counts(counts)
        self.shown.emit()
