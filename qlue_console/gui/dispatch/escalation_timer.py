"""Escalation from every console: each minute, through the TaskRunner, the database's
``qlue_escalate_overdue()``. Any number of consoles (and the scheduler's ``qlue-console
escalate``) may do so at once; the database escalates each overdue mention exactly once."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from qlue_console.db.errors import PermissionDeniedError
from qlue_console.dispatch.service import Escalation, escalate_overdue
from qlue_console.gui.workspaces.base import WorkspaceContext

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
FIRST_RUN_MS = 5_000


class EscalationTimer(QObject):
    escalated = Signal(int)  # how many mentions this console escalated (only when > 0)
    disabled = Signal(str)  # this login may not escalate: the timer stopped

    def __init__(
        self, ctx: WorkspaceContext, parent: QObject | None = None, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks = ctx.engine, ctx.tasks
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def start(self, first_run_ms: int = FIRST_RUN_MS) -> None:
        self._timer.start()
        QTimer.singleShot(first_run_ms, self.run_now)

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> None:
        if self._running:
            return  # the previous run is still going (a slow network): skip this tick
        self._running = True
        self._tasks.run(escalate_overdue, self._engine, on_done=self._done, on_error=self._failed)

    def _done(self, escalations: list[Escalation]) -> None:
        self._running = False
        if escalations:
            log.info("escalated %d overdue mention(s)", len(escalations))
            self.escalated.emit(len(escalations))

    def _failed(self, error: Exception) -> None:
        self._running = False
        if isinstance(error, PermissionDeniedError):
            log.info("this login may not escalate; the periodic escalation is off: %s", error)
            self._timer.stop()
            self.disabled.emit(str(error))
        else:
            log.warning(
                "escalation failed, will retry: %s",
                str(error).splitlines()[0] if str(error) else error,
            )
