"""Asks for the reason a report is rejected (a reason code, and a note for "other"). Given the
templates, Ctrl+T (or the button) puts the rejection template of the chosen reason in the
note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
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
    parent: QWidget,
    suggested: str | None = None,
    template: Callable[[str], str | None] | None = None,
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
    if template is not None:

        def insert_template() -> None:
            body = template(reasons.currentItem().data(Qt.ItemDataRole.UserRole))
            if body:
                note.setPlainText(body)
                note.setFocus()
            else:
                error.setText(
                    QCoreApplication.translate("RejectDialog", "No template for this reason.")
                )

        insert = QPushButton(
            QCoreApplication.translate("RejectDialog", "Insert template (Ctrl+T)"), dialog
        )
        insert.setObjectName("templateButton")
        insert.clicked.connect(insert_template)
        layout = dialog.layout()
        assert isinstance(layout, QBoxLayout)  # the form's vertical layout
        layout.insertWidget(layout.indexOf(note), insert)
        shortcut = QShortcut(QKeySequence("Ctrl+T"), dialog)
        shortcut.activated.connect(insert.click)

    def accept() -> None:
        code = reasons.currentItem().data(Qt.ItemDataRole.UserRole)
        if code == "other" and not note.toPlainText().strip():
            error.setText(QCoreApplication.translate("RejectDialog", "Write a note to say why."))
            note.setFocus()
            return
        dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    text = note.toPlainText().strip()
    code = reasons.currentItem().data(Qt.ItemDataRole.UserRole)
    dialog.deleteLater()  # one dialog per rejection, not one more child of the pane each time
    return (code, text or None) if accepted else None
