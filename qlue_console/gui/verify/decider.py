"""A supervisor's decision on its way to the database: approving a proof that fails a check
asks for the reason first (revision 0012); the decision runs in the background and what
became of it is said in words. The verifier shows the next follow-up meanwhile (``sent``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import Engine

from qlue_console.db.errors import ConflictError, ContractError, PermissionDeniedError
from qlue_console.gui.i18n import fill, moment_text
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.override_dialog import OverrideDialog
from qlue_console.verify.context import VerifyItem
from qlue_console.verify.decisions import Decision, decide, failed_checks

log = logging.getLogger(__name__)


def first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


class Decider(QObject):
    sent = Signal(int)  # follow-up id: the decision left for the database
    decided = Signal(object)  # Decision, confirmed by the database
    failed = Signal(int, str)  # follow-up id, the database's message
    message = Signal(str)  # what became of a decision, for the supervisor
    dialog_closed = Signal()  # the override dialog went away

    def __init__(
        self,
        engine: Engine,
        tasks: TaskRunner,
        still_current: Callable[[int], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._still_current, self._parent = (
            engine,
            tasks,
            still_current,
            parent,
        )
        self._in_flight: set[int] = set()
        self._overridden: set[int] = set()  # approved over a failed check, with a reason
        self.override_dialog: OverrideDialog | None = None  # open while a reason is asked for

    def in_flight(self, follow_up_id: int) -> bool:
        """Whether this console sent a decision on it that the database has not answered yet."""
        return follow_up_id in self._in_flight

    def approve(self, item: VerifyItem) -> None:
        """Approves at once, or over a failed check once the supervisor gives the reason."""
        failed = set(failed_checks(item.checks))
        if not failed:
            self.send(item, "approve", None, None)
            return
        views = [c for c in item.checks if c.code in failed]
        dialog = OverrideDialog(item.follow_up_id, item.report_id, views, self._parent)
        dialog.reason_given.connect(lambda fid, reason: self._override_given(item, fid, reason))
        dialog.finished.connect(self._override_closed)
        self.override_dialog = dialog
        dialog.open()

    def send(
        self,
        item: VerifyItem,
        decision: str,
        reason: str | None,
        note: str | None,
    ) -> None:
        fid, report_id = item.follow_up_id, item.report_id
        self._in_flight.add(fid)
        self._tasks.run(
            decide,
            self._engine,
            fid,
            decision,
            reason,
            note,
            on_done=self._done,
            on_error=lambda e: self._error(fid, report_id, e),
        )
        self.sent.emit(fid)

    def _override_given(self, item: VerifyItem, follow_up_id: int, reason: str) -> None:
        if item.follow_up_id == follow_up_id and self._still_current(follow_up_id):
            self._overridden.add(follow_up_id)
            self.send(item, "approve", None, reason)

    def _override_closed(self, _result: int) -> None:
        self.override_dialog = None
        self.dialog_closed.emit()

    def _done(self, result: Decision) -> None:
        self._in_flight.discard(result.follow_up_id)
        overridden = result.follow_up_id in self._overridden
        self._overridden.discard(result.follow_up_id)
        if result.decision == "approve" and overridden:
            text = fill(
                self.tr(
                    "Approved despite failed checks: report #%1 is closed; "
                    "your reason is on its timeline."
                ),
                str(result.report_id),
            )
        elif result.decision == "approve":
            text = fill(self.tr("Approved: report #%1 is closed."), str(result.report_id))
        else:
            handles = ", ".join("@" + m.handle for m in result.mentions) or "–"
            text = fill(
                self.tr("Rejected: report #%1 reopened for %2, due %3."),
                str(result.report_id),
                handles,
                moment_text(result.due_at),
            )
        self.message.emit(text)
        self.decided.emit(result)

    def _error(self, follow_up_id: int, report_id: int, error: Exception) -> None:
        self._in_flight.discard(follow_up_id)
        self._overridden.discard(follow_up_id)
        message = first_line(error)
        if isinstance(error, ConflictError):
            actor = error.details.get("actor") or "?"
            self.message.emit(
                fill(
                    self.tr("Report #%1 was decided by %2 before you: %3"),
                    str(report_id),
                    actor,
                    message,
                )
            )
        else:
            title = (
                self.tr("Not allowed")
                if isinstance(error, PermissionDeniedError)
                else self.tr("Decision refused")
            )
            if not isinstance(error, (ContractError, PermissionDeniedError)):
                log.error("decision on follow-up %s failed: %s", follow_up_id, error)
            QMessageBox.warning(
                self._parent,
                title,
                fill(
                    self.tr("The decision on report #%1 was not saved: %2"), str(report_id), message
                ),
            )
        self.failed.emit(follow_up_id, message)
