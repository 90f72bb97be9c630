"""The checks of new follow-ups, computed in the background a batch at a time until none is
missing; ``stored`` says when a batch changed risks."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from qlue_console.gui.tasks import TaskRunner
from qlue_console.verify.checking import check_pending

log = logging.getLogger(__name__)

CHECK_BATCH = 20


class BackgroundChecks(QObject):
    stored = Signal(int)  # how many follow-ups got their checks

    def __init__(self, engine: Engine, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine, self._tasks = engine, tasks

    def run(self) -> None:
        self._tasks.run(
            check_pending,
            self._engine,
            CHECK_BATCH,
            channel="verify-checks",
            coalesce=True,
            on_done=self._done,
            on_error=lambda e: log.error("background checks failed: %s", e),
        )

    def _done(self, stored: int) -> None:
        if stored:
            self.stored.emit(stored)
            self.run()
