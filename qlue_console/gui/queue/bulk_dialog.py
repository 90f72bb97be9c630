"""The dialogs of the queue's bulk actions: what to apply to the selection (a category, a
priority, the original of a merge, the officials of a dispatch; a rejection asks with the
reject dialog), and the result — every report with what became of it, the refused ones first
and named with the database's reason, and Undo while it is safe."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qlue_console.data.reference import CategoryInfo
from qlue_console.domain import formatting
from qlue_console.domain.mentions import unique_handles
from qlue_console.gui.forms import child, load_dialog
from qlue_console.gui.i18n import category_name, current_language, fill
from qlue_console.gui.labels import priority_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.queue.handle_completer import attach_handle_completer
from qlue_console.gui.reject_dialog import ask_reject_reason
from qlue_console.triage import bulk
from qlue_console.triage.bulk import BulkResult, Outcome, Target

_CONTEXT = "BulkDialog"

OUTCOME_TEXT = {
    bulk.DONE: QT_TRANSLATE_NOOP("BulkDialog", "Done"),
    bulk.UNCHANGED: QT_TRANSLATE_NOOP("BulkDialog", "Unchanged (already so)"),
    bulk.ORIGINAL: QT_TRANSLATE_NOOP("BulkDialog", "The original (kept)"),
    bulk.STALE: QT_TRANSLATE_NOOP("BulkDialog", "Refused: changed by another console"),
    bulk.CLAIMED: QT_TRANSLATE_NOOP("BulkDialog", "Refused: claimed by someone else"),
    bulk.DENIED: QT_TRANSLATE_NOOP("BulkDialog", "Refused: your role may not"),
    bulk.REFUSED: QT_TRANSLATE_NOOP("BulkDialog", "Refused"),
    bulk.FAILED: QT_TRANSLATE_NOOP("BulkDialog", "Not done: no answer"),
}

TITLES = {
    bulk.CATEGORY: QT_TRANSLATE_NOOP("BulkDialog", "Set the category of the selection"),
    bulk.PRIORITY: QT_TRANSLATE_NOOP("BulkDialog", "Set the priority of the selection"),
    bulk.REJECT: QT_TRANSLATE_NOOP("BulkDialog", "Reject the selection"),
    bulk.MERGE: QT_TRANSLATE_NOOP("BulkDialog", "Merge the selection into one original"),
    bulk.DISPATCH: QT_TRANSLATE_NOOP("BulkDialog", "Dispatch the selection"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def outcome_text(outcome: Outcome) -> str:
    return _tr(str(OUTCOME_TEXT[outcome.result]))


def ask_bulk(
    parent: QWidget,
    kind: str,
    targets: Sequence[Target],
    categories: Sequence[CategoryInfo],
    language: str,
    officials: Sequence[str] = (),
) -> dict | None:
    """Asks what to apply to ``targets``; the keyword arguments of the bulk function, or None
    when cancelled. ``officials``: the directory's entries the dispatch's handles complete
    from."""
    if kind == bulk.REJECT:
        answer = ask_reject_reason(parent)
        return None if answer is None else {"reason": answer[0], "note": answer[1]}
    dialog = load_dialog("bulk_dialog", parent)
    dialog.setWindowTitle(_tr(str(TITLES[kind])))
    prompt = child(dialog, QLabel, "promptLabel")
    choice = child(dialog, QComboBox, "choiceBox")
    handles = child(dialog, QLineEdit, "handlesEdit")
    message = child(dialog, QPlainTextEdit, "messageEdit")
    error = child(dialog, QLabel, "errorLabel")
    prompt.setText(
        fill(QCoreApplication.translate("BulkDialog", "Reports selected: %1"), str(len(targets)))
    )
    dispatching = kind == bulk.DISPATCH
    handles.setVisible(dispatching)
    message.setVisible(dispatching)
    choice.setVisible(not dispatching)
    if kind == bulk.CATEGORY:
        for c in categories:
            choice.addItem(category_name(language, c.name_id, c.name_en), c.code)
    elif kind == bulk.PRIORITY:
        for level in range(4):
            choice.addItem(f"{level + 1} · {priority_text(level)}", level)
    elif kind == bulk.MERGE:
        prompt.setText(
            fill(
                QCoreApplication.translate(
                    "BulkDialog",
                    "Reports selected: %1. The others become duplicates of the original:",
                ),
                str(len(targets)),
            )
        )
        for t in sorted(targets, key=lambda t: t.report_id):  # the oldest first
            choice.addItem(
                fill(QCoreApplication.translate("BulkDialog", "Report #%1"), str(t.report_id)),
                t.report_id,
            )
    else:
        attach_handle_completer(handles, officials)
        handles.setFocus()

    def values() -> dict | None:
        if kind == bulk.CATEGORY:
            return {"category": choice.currentData()}
        if kind == bulk.PRIORITY:
            return {"priority": choice.currentData()}
        if kind == bulk.MERGE:
            return {"original_id": choice.currentData()}
        text = message.toPlainText().strip()
        named = unique_handles(handles.text()) or unique_handles(text)
        if not named:
            error.setText(
                QCoreApplication.translate("BulkDialog", "Name at least one official (@handle).")
            )
            return None
        return {"message": text or handles.text().strip(), "handles": named}

    def accept() -> None:
        if values() is not None:
            dialog.accept()

    buttons = child(dialog, QDialogButtonBox, "buttons")
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = values() if accepted else None
    dialog.deleteLater()
    return chosen


def summary_text(result: BulkResult) -> str:
    went = sum(1 for o in result.outcomes if o.went_through)
    refused = result.refused
    if result.undo_of is not None:
        text = fill(
            QCoreApplication.translate("BulkDialog", "Undone: %1 of %2 reports."),
            str(went),
            str(len(result.outcomes)),
        )
    else:
        text = fill(
            QCoreApplication.translate("BulkDialog", "Went through: %1 of %2 reports (%3 s)."),
            str(went),
            str(len(result.outcomes)),
            formatting.decimal(result.seconds, current_language()),
        )
    if refused:
        text += " " + fill(
            QCoreApplication.translate("BulkDialog", "Refused: %1 — %2."),
            str(len(refused)),
            ", ".join(f"#{o.report_id}" for o in refused),
        )
    return text


class BulkResultDialog(QObject):
    """The result of one bulk action (or of its undo): ``dialog``, not modal, so the queue
    stays in reach."""

    def __init__(self, parent: QWidget, result: BulkResult, undo: Callable[[], None]) -> None:
        super().__init__(parent)
        self.dialog = dialog = load_dialog("bulk_result_dialog", parent)
        dialog.setObjectName("bulkResultDialog")
        dialog.setWindowTitle(
            self.tr("Undo of the bulk action")
            if result.undo_of is not None
            else _tr(str(TITLES[result.kind]))
        )
        self.bulk_result = result
        child(dialog, QLabel, "summaryLabel").setText(summary_text(result))
        self._tree = tree = child(dialog, QTreeWidget, "outcomeTree")
        ordered = sorted(result.outcomes, key=lambda o: (o.went_through, o.report_id))
        items = [QTreeWidgetItem([f"#{o.report_id}", outcome_text(o), o.reason]) for o in ordered]
        for item, o in zip(items, ordered, strict=True):
            item.setData(0, Qt.ItemDataRole.UserRole, o.report_id)
            item.setToolTip(2, plain_tooltip(o.reason))  # the whole reason, never as markup
            if not o.went_through:
                item.setForeground(1, Qt.GlobalColor.darkRed)
        tree.addTopLevelItems(items)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(1, 240)
        note = child(dialog, QLabel, "undoNoteLabel")
        buttons = child(dialog, QDialogButtonBox, "buttons")
        buttons.rejected.connect(dialog.close)
        self.undo_button: QPushButton | None = None
        if result.can_undo:
            self.undo_button = buttons.addButton(
                self.tr("Undo (Ctrl+Shift+Z)"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.undo_button.setObjectName("bulkUndoButton")
            self.undo_button.clicked.connect(undo)
            self.undo_button.clicked.connect(dialog.close)
            # the same key as on the queue, where the dialog has the focus
            QShortcut(QKeySequence("Ctrl+Shift+Z"), dialog, self.undo_button.click)
            note.setText(
                self.tr(
                    "Undo sets back what this action changed, report by report, while nobody "
                    "(an official, another console) has acted on them since."
                )
            )
        elif result.kind == bulk.MERGE and result.undo_of is None:
            note.setText(self.tr("A merge cannot be undone."))

    def show(self) -> None:
        self.dialog.show()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows, row by row (refused first): report, outcome, why."""
        items = [self._tree.topLevelItem(i) for i in range(self._tree.topLevelItemCount())]
        return [(item.text(0), item.text(1), item.text(2)) for item in items]

    def summary(self) -> str:
        return child(self.dialog, QLabel, "summaryLabel").text()
