"""The reasons of a rejection: R opens the list on the reason the failed checks suggest; 1–6
or Enter chooses, Esc cancels. "Other" needs a note first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)
from typing_extensions import override

from qlue_console.gui.forms import child
from qlue_console.gui.verify.labels import reason_name
from qlue_console.verify.decisions import REASONS


class ReasonPanel(QObject):
    chosen = Signal(str, object)  # reason code, the note (None when empty)
    closed = Signal()  # hidden, by a choice or by Esc

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._panel = child(form, QFrame, "reasonPanel")
        self._list = child(form, QListWidget, "reasonList")
        self._note = child(form, QLineEdit, "noteEdit")
        self._error = child(form, QLabel, "reasonError")
        self._panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for i, code in enumerate(REASONS, start=1):
            item = QListWidgetItem(f"{i}  {reason_name(code)}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self._list.addItem(item)
        self._list.installEventFilter(self)
        self._note.installEventFilter(self)
        self._list.itemActivated.connect(
            lambda item: self._choose(item.data(Qt.ItemDataRole.UserRole))
        )
        self._note.returnPressed.connect(self._note_entered)

    def is_open(self) -> bool:
        return self._panel.isVisible()

    def open(self, suggestion: str) -> None:
        self._list.setCurrentRow(REASONS.index(suggestion))
        self._note.clear()
        self._error.setText("")
        self._panel.show()
        self._list.setFocus()

    def close(self) -> None:
        if self._panel.isVisible():
            self._panel.hide()
            self.closed.emit()

    def _choose(self, code: str) -> None:
        self._list.setCurrentRow(REASONS.index(code))
        note = self._note.text().strip()
        if code == "other" and not note:
            self._error.setText(self.tr("Write a note for “Other”, then press Enter."))
            self._note.setFocus()
            return
        self.chosen.emit(code, note or None)

    def _note_entered(self) -> None:
        item = self._list.currentItem()
        if item is not None:
            self._choose(item.data(Qt.ItemDataRole.UserRole))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (watched is self._list or watched is self._note) or not isinstance(event, QKeyEvent):
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        if watched is self._list and Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
            self._choose(REASONS[key - Qt.Key.Key_1])
            return True
        if watched is self._list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._note_entered()
            return True
        return False
