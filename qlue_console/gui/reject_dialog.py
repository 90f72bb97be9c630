"""Asks for the reason a report is rejected (a reason code, and a note for "other")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from qlue_console.gui.forms import child, load_dialog

REASONS = (
    ("spam", QT_TRANSLATE_NOOP("RejectDialog", "Spam")),
    ("out_of_scope", QT_TRANSLATE_NOOP("RejectDialog", "Out of scope")),
    ("incomplete", QT_TRANSLATE_NOOP("RejectDialog", "Incomplete")),
    ("outside_dki", QT_TRANSLATE_NOOP("RejectDialog", "Outside DKI Jakarta")),
    ("other", QT_TRANSLATE_NOOP("RejectDialog", "Other (note required)")),
)


def ask_reject_reason(
    parent: QWidget, suggested: str | None = None
) -> tuple[str, str | None] | None:
    """Shows the dialog; returns (reason, note) or None when cancelled."""
    dialog = load_dialog("reject_dialog", parent)
    reasons = child(dialog, QListWidget, "reasonList")
    note = child(dialog, QPlainTextEdit, "noteEdit")
    error = child(dialog, QLabel, "errorLabel")
    for number, (code, label) in enumerate(REASONS, start=1):
        item = QListWidgetItem(
            f"{number}. {QCoreApplication.translate('RejectDialog', str(label))}"
        )
        item.setData(Qt.ItemDataRole.UserRole, code)
        reasons.addItem(item)
        if code == suggested:
            reasons.setCurrentItem(item)
    if reasons.currentRow() < 0:
        reasons.setCurrentRow(0)
    buttons = child(dialog, QDialogButtonBox, "buttons")

    def accept() -> None:
        code = reasons.currentItem().data(Qt.ItemDataRole.UserRole)
        if code == "other" and not note.toPlainText().strip():
            error.setText(QCoreApplication.translate("RejectDialog", "Write a note to say why."))
            note.setFocus()
            return
        dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = note.toPlainText().strip()
    return reasons.currentItem().data(Qt.ItemDataRole.UserRole), text or None
