"""The handover note waiting at sign-in: the latest note of the team that nobody acknowledged
yet, with its named views (a click opens the view in the queue) and its reports (a click
reveals the report in the queue); "Acknowledge" takes it over for the team."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.gui.handover.note_text import report_label, written_line
from qlue_console.gui.i18n import fill
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import handover
from qlue_console.triage.handover import HandoverNote

_VIEW, _REPORT = "view", "report"


class ArrivalNote(QObject):
    """``view_opened(view id)``, ``report_opened(report id)``, ``acknowledged(note id)``."""

    view_opened = Signal(int)
    report_opened = Signal(int)
    acknowledged = Signal(int)

    def __init__(self, engine: Engine, tasks: TaskRunner, note: HandoverNote, parent: QWidget):
        super().__init__(parent)
        self._engine, self._tasks, self.note = engine, tasks, note
        self.dialog = QDialog(parent)
        self.dialog.setObjectName("handoverArrivalDialog")
        self.dialog.setWindowTitle(self.tr("Handover from the last shift"))
        self.dialog.resize(560, 480)
        layout = QVBoxLayout(self.dialog)
        header = QLabel(written_line(note), self.dialog)
        header.setTextFormat(Qt.TextFormat.PlainText)  # the author's name as written
        header.setStyleSheet("font-weight: 600;")
        layout.addWidget(header)
        self.body = QPlainTextEdit(note.body, self.dialog)
        self.body.setReadOnly(True)
        layout.addWidget(self.body, 1)
        self.items = QListWidget(self.dialog)
        for view_id, name in note.views:
            self._item(fill(self.tr("View: %1"), name), _VIEW, view_id)
        for report_id in note.reports:
            self._item(report_label(report_id), _REPORT, report_id)
        self.items.itemActivated.connect(self._activated)
        self.items.itemClicked.connect(self._activated)
        if self.items.count():
            layout.addWidget(QLabel(self.tr("To watch (click to open in the queue):"), self.dialog))
            layout.addWidget(self.items)
        else:
            self.items.hide()
        self.status_label = QLabel(self.dialog)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(self.dialog)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self.dialog)
        self.ack_button.setDefault(True)
        buttons.addButton(self.ack_button, QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("Close; the note is shown again at your next sign-in"))
        self.ack_button.clicked.connect(self.acknowledge)
        buttons.rejected.connect(self.dialog.reject)
        layout.addWidget(buttons)

    def _item(self, label: str, kind: str, value: int) -> None:
        item = QListWidgetItem(label, self.items)
        item.setData(Qt.ItemDataRole.UserRole, (kind, value))

    def item_labels(self) -> list[str]:
        return [self.items.item(i).text() for i in range(self.items.count())]

    def open_item(self, row: int) -> None:
        self._activated(self.items.item(row))

    def _activated(self, item: QListWidgetItem) -> None:
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        (self.view_opened if kind == _VIEW else self.report_opened).emit(value)

    def acknowledge(self) -> None:
        self.ack_button.setEnabled(False)
        self._tasks.run(
            handover.acknowledge,
            self._engine,
            self.note.id,
            on_done=self._acknowledged,
            on_error=self._failed,
        )

    def _acknowledged(self, _at) -> None:
        self.acknowledged.emit(self.note.id)
        self.dialog.accept()

    def _failed(self, error: Exception) -> None:
        self.ack_button.setEnabled(True)
        self.status_label.setText(str(error).splitlines()[0])
