"""Wires the shift handover into the main window: the Shift menu's "Shift handover…"
(Ctrl+Shift+H), and at sign-in the note the last shift of the team left, its views and reports
opening in the triage queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from qlue_console.gui.handover.arrival import ArrivalNote
from qlue_console.gui.handover.dialog import HandoverDialog
from qlue_console.gui.i18n import fill
from qlue_console.triage import handover
from qlue_console.triage.handover import HandoverNote
from qlue_console.triage.views import SavedView, list_views

if TYPE_CHECKING:
    from qlue_console.gui.main_window import MainWindow

TEAMS = ("operator", "supervisor", "admin")  # the roles that hand over (revision 0032)


class ShiftHandover(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._engine, self._tasks = window.context.engine, window.tasks
        self.dialog: HandoverDialog | None = None
        self.arrival: ArrivalNote | None = None
        menu = window.menuBar().addMenu(self.tr("S&hift"))
        self.action = QAction(qta.icon("fa5s.people-arrows"), self.tr("Shift &handover…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action.setToolTip(
            self.tr("Write the note for the next shift, hand your claims to a colleague")
        )
        self.action.triggered.connect(self.open_dialog)
        menu.addAction(self.action)

    @staticmethod
    def applies_to(role: str | None) -> bool:
        return role in TEAMS

    def check_pending(self) -> None:
        """Asks for the note waiting for this sign-in (shown when there is one)."""
        self._tasks.run(
            handover.pending_note,
            self._engine,
            on_done=self._pending,
            on_error=lambda _error: None,  # no note shown: the console works without it
        )

    def _pending(self, note: HandoverNote | None) -> None:
        if note is None:
            return
        self.arrival = ArrivalNote(self._engine, self._tasks, note, self._window)
        self.arrival.view_opened.connect(self.open_view)
        self.arrival.report_opened.connect(self.open_report)
        self.arrival.acknowledged.connect(
            lambda _id: self._window.statusBar().showMessage(
                self.tr("Handover acknowledged: the note is yours now."), 8000
            )
        )
        self.arrival.dialog.open()

    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = HandoverDialog(self._engine, self._tasks, self._window)
        self.dialog.open()

    def open_report(self, report_id: int) -> None:
        self._window.show_workspace("triage")
        self._window.triage.reveal_report(report_id)

    def open_view(self, view_id: int) -> None:
        self._tasks.run(
            list_views,
            self._engine,
            on_done=lambda views: self._view_found(view_id, views),
            on_error=lambda e: self._window.statusBar().showMessage(str(e), 8000),
        )

    def _view_found(self, view_id: int, views: Sequence[SavedView]) -> None:
        view = next((v for v in views if v.id == view_id), None)
        if view is None:
            self._window.statusBar().showMessage(
                fill(self.tr("The view %1 no longer exists."), str(view_id)), 8000
            )
            return
        self._window.show_workspace("triage")
        self._window.triage.queue.apply_filter_to_widgets(view.filter)
