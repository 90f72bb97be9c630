"""The shift handover dialog (Shift ▸ Shift handover…, Ctrl+Shift+H): the note for the next
shift of the team (text, shared named views to watch, reports to watch — the operator's claims
offered first), the claims handed to a colleague chosen by name in one step, and the team's
history of notes with who acknowledged each."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.gui.handover.note_text import history_entry
from qlue_console.gui.i18n import fill, moment_text
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import handover
from qlue_console.triage.views import SavedView, list_views

_NUMBER = re.compile(r"\d+")


def _checked(items: QListWidget) -> list[int]:
    return [
        items.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(items.count())
        if items.item(i).checkState() == Qt.CheckState.Checked
    ]


def _checkable(items: QListWidget, label: str, value: object, checked: bool = False) -> None:
    item = QListWidgetItem(label, items)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(Qt.ItemDataRole.UserRole, value)


class HandoverDialog(QObject):
    """``written(id)`` after a note is saved, ``handed(count)`` after claims were handed."""

    written = Signal(int)
    handed = Signal(int)

    def __init__(self, engine: Engine, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks = engine, tasks
        self.dialog = QDialog(parent)
        self.dialog.setObjectName("handoverDialog")
        self.dialog.setWindowTitle(self.tr("Shift handover"))
        self.dialog.resize(720, 560)
        outer = QVBoxLayout(self.dialog)
        self.tabs = QTabWidget(self.dialog)
        outer.addWidget(self.tabs)
        self.tabs.addTab(self._build_note_tab(), self.tr("Note for the next shift"))
        self.tabs.addTab(self._build_claims_tab(), self.tr("Hand my claims"))
        self.history = QListWidget(self.dialog)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.tabs.addTab(self.history, self.tr("History"))
        self.status_label = QLabel(self.dialog)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self.dialog)
        close.rejected.connect(self.dialog.reject)
        outer.addWidget(close)

    def _build_note_tab(self) -> QWidget:
        page = QWidget(self.dialog)
        form = QFormLayout(page)
        self.body = QPlainTextEdit(page)
        self.body.setPlaceholderText(
            self.tr("What the next shift should know: open issues, calls promised, hot spots…")
        )
        self.views = QListWidget(page)
        self.views.setMaximumHeight(120)
        self.reports = QLineEdit(page)
        self.reports.setPlaceholderText(self.tr("Report numbers, e.g. 1204, 1310"))
        self.save_button = QPushButton(self.tr("Save the note"), page)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        form.addRow(self.tr("Note"), self.body)
        form.addRow(self.tr("Shared views to watch"), self.views)
        form.addRow(self.tr("Reports to watch"), self.reports)
        hint = QLabel(
            self.tr(
                "The next member of your team to sign in sees this note until one of them "
                "acknowledges it."
            ),
            page,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow("", self.save_button)
        return page

    def _build_claims_tab(self) -> QWidget:
        page = QWidget(self.dialog)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Your claims (ticked ones are handed over):"), page))
        self.claims = QListWidget(page)
        layout.addWidget(self.claims)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Colleague"), page))
        self.colleague = QComboBox(page)
        self.colleague.setEditable(True)  # typing a name finds them
        self.colleague.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.colleague.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Type or choose a name"))
        row.addWidget(self.colleague, 1)
        self.hand_button = QPushButton(self.tr("Hand over"), page)
        self.hand_button.clicked.connect(self.hand_over)
        row.addWidget(self.hand_button)
        layout.addLayout(row)
        return page

    # -- loading ---------------------------------------------------------------------------
    def open(self) -> None:
        self.status_label.clear()
        self.reload()
        self.dialog.open()
        self.body.setFocus()

    def reload(self) -> None:
        run = self._tasks.run
        run(list_views, self._engine, on_done=self._views_loaded, on_error=self._failed)
        run(handover.my_claims, self._engine, on_done=self._claims_loaded, on_error=self._failed)
        run(handover.colleagues, self._engine, on_done=self._people_loaded, on_error=self._failed)
        run(handover.history, self._engine, on_done=self._history_loaded, on_error=self._failed)

    def _views_loaded(self, views: Sequence[SavedView]) -> None:
        self.views.clear()
        for view in views:
            if view.shared:
                _checkable(self.views, view.name, view.id)

    def _claims_loaded(self, claims: Sequence[handover.HeldClaim]) -> None:
        self.claims.clear()
        for claim in claims:
            label = fill(
                self.tr("#%1 — %2 (until %3)"),
                str(claim.report_id),
                claim.summary,
                moment_text(claim.expires_at),
            )
            _checkable(self.claims, label, claim.report_id, checked=True)
        if not self.reports.text().strip():
            self.reports.setText(", ".join(str(c.report_id) for c in claims))
        self.hand_button.setEnabled(bool(claims))

    def _people_loaded(self, people: Sequence[handover.Colleague]) -> None:
        self.colleague.clear()
        for person in people:
            label = (
                person.name if person.name == person.login else f"{person.name} ({person.login})"
            )
            self.colleague.addItem(label, person.login)
        self.colleague.setCurrentIndex(-1)

    def _history_loaded(self, notes: Sequence[handover.HandoverNote]) -> None:
        self.history.clear()
        for note in notes:
            self.history.addItem(history_entry(note))
        if not notes:
            self.history.addItem(self.tr("No handover note yet for your team."))

    def _failed(self, error: Exception) -> None:
        self.status_label.setText(str(error).splitlines()[0])

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        body = self.body.toPlainText().strip()
        if not body:
            self.status_label.setText(self.tr("Write the note first."))
            return
        reports = [int(n) for n in _NUMBER.findall(self.reports.text())]
        self.save_button.setEnabled(False)
        self._tasks.run(
            handover.write_note,
            self._engine,
            body,
            _checked(self.views),
            list(dict.fromkeys(reports)),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, note_id: int) -> None:
        self.save_button.setEnabled(True)
        self.body.clear()
        self.reports.clear()
        for i in range(self.views.count()):
            self.views.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.status_label.setText(
            self.tr("Note saved: the next member of your team sees it at sign-in.")
        )
        self._tasks.run(handover.history, self._engine, on_done=self._history_loaded)
        self.written.emit(note_id)

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self._failed(error)

    def chosen_colleague(self) -> str | None:
        """The login of the colleague chosen (or typed: the name or the login)."""
        typed = self.colleague.currentText().strip()
        for i in range(self.colleague.count()):
            if typed and typed.casefold() in (
                self.colleague.itemText(i).casefold(),
                str(self.colleague.itemData(i)).casefold(),
            ):
                return self.colleague.itemData(i)
        return None

    def hand_over(self) -> None:
        reports, login = _checked(self.claims), self.chosen_colleague()
        if not reports:
            self.status_label.setText(self.tr("Tick the claims to hand over."))
            return
        if login is None:
            self.status_label.setText(self.tr("Choose the colleague by name."))
            return
        self.hand_button.setEnabled(False)
        self._tasks.run(
            handover.hand_claims,
            self._engine,
            reports,
            login,
            on_done=self._handed,
            on_error=self._hand_failed,
        )

    def _handed(self, count: int) -> None:
        self.status_label.setText(
            fill(self.tr("%n claim(s) handed to %1.", "", count), self.colleague.currentText())
        )
        self._tasks.run(
            handover.my_claims, self._engine, on_done=self._claims_loaded, on_error=self._failed
        )
        self.handed.emit(count)

    def _hand_failed(self, error: Exception) -> None:
        self.hand_button.setEnabled(True)
        self._failed(error)

    def status_text(self) -> str:
        return self.status_label.text()
