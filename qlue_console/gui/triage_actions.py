"""The operator's actions on the open report, each one keystroke or one click:
N next report, L claim/release, T triaged, R reject, C category, 1–4 priority, K comment.

Actions run in the background; the database decides. When another console changed the report
first, nothing is lost: the operator sees what changed and by whom, the detail reloads, and the
choice stays in the form to apply again. A report someone else has claimed opens read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget
from sqlalchemy import Engine

from qlue_console.data.reference import CategoryInfo
from qlue_console.data.report_detail import ReportDetail
from qlue_console.db.errors import Claimed, Conflict, QlueDatabaseError
from qlue_console.domain.states import CLOSED_STATES
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name
from qlue_console.gui.labels import priority_text
from qlue_console.gui.reject_dialog import ask_reject_reason
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import actions

RENEW_EVERY_MS = 3 * 60 * 1000


class TriageActions(QObject):
    changed = Signal(int)          # the report was changed by this console
    next_claimed = Signal(int)     # "Next report" claimed this report
    message = Signal(str)          # something to tell the operator in the status line

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget,
                 shortcut_scope: QWidget, me: Callable[[], str | None]) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language, self._me = engine, tasks, language, me
        self.widget = load_form("triage_actions", parent)
        w = self.widget
        self._banner = child(w, QLabel, "claimBanner")
        self._next = child(w, QPushButton, "nextButton")
        self._claim = child(w, QPushButton, "claimButton")
        self._triaged = child(w, QPushButton, "triagedButton")
        self._reject = child(w, QPushButton, "rejectButton")
        self._category = child(w, QComboBox, "categoryBox")
        self._priority = child(w, QComboBox, "priorityBox")
        self._comment = child(w, QLineEdit, "commentEdit")
        for level in range(4):
            self._priority.addItem(f"{level + 1} · {priority_text(level)}", level)
        self._detail: ReportDetail | None = None
        self._busy = False

        self._next.clicked.connect(self.next_report)
        self._claim.clicked.connect(self.toggle_claim)
        self._triaged.clicked.connect(self.mark_triaged)
        self._reject.clicked.connect(self.reject)
        self._category.activated.connect(self._category_chosen)
        self._priority.activated.connect(lambda i: self.set_priority(self._priority.itemData(i)))
        self._comment.returnPressed.connect(self.add_comment)
        scope = shortcut_scope
        self._shortcut(scope, "N", self.next_report)
        self._shortcut(scope, "L", self.toggle_claim)
        self._shortcut(scope, "T", self.mark_triaged)
        self._shortcut(scope, "R", self.reject)
        self._shortcut(scope, "C", self._open_categories)
        self._shortcut(scope, "K", self._comment.setFocus)
        for level in range(4):
            self._shortcut(scope, str(level + 1), lambda lv=level: self.set_priority(lv))
        self._renew = QTimer(self, interval=RENEW_EVERY_MS)
        self._renew.timeout.connect(self._renew_claim)
        self._renew.start()
        self._update_enabled()

    @staticmethod
    def _shortcut(scope: QWidget, key: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(key), scope, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        for c in categories:
            self._category.addItem(category_name(self._language, c.name_id, c.name_en), c.code)
        self._show_values()

    # -- state -----------------------------------------------------------------------------
    def set_detail(self, detail: ReportDetail | None) -> None:
        self._detail = detail
        self._show_values()
        self._update_enabled()

    def _held_by_other(self) -> str | None:
        d = self._detail
        if d is None or not d.claimed_by:
            return None
        return d.claimed_by if d.claimed_by != self._me() else None

    def _show_values(self) -> None:
        d = self._detail
        if d is None:
            self._banner.setText(self.tr("Press N to take the next report."))
            self._banner.setStyleSheet("")
            return
        self._category.setCurrentIndex(max(0, self._category.findData(d.category_code)))
        self._priority.setCurrentIndex(d.priority)
        holder = self._held_by_other()
        if holder:
            self._banner.setText(self.tr("Claimed by %1 — read-only").replace("%1", holder))
            self._banner.setStyleSheet("background: #fdecea; color: #b71c1c; padding: 3px;")
        elif d.claimed_by:
            self._banner.setText(self.tr("You hold this report"))
            self._banner.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 3px;")
        else:
            self._banner.setText(self.tr("Not claimed"))
            self._banner.setStyleSheet("color: #555; padding: 3px;")
        self._claim.setText(self.tr("Release") if d.claimed_by and not holder else self.tr("Claim"))

    def _update_enabled(self) -> None:
        d = self._detail
        editable = d is not None and self._held_by_other() is None and d.status not in CLOSED_STATES and not self._busy
        for widget in (self._triaged, self._reject, self._category, self._priority):
            widget.setEnabled(editable)
        self._triaged.setEnabled(editable and d is not None and d.status == "new")
        self._claim.setEnabled(d is not None and not self._busy and (self._held_by_other() is None))
        self._comment.setEnabled(d is not None and not self._busy)
        self._next.setEnabled(not self._busy)

    def is_read_only(self) -> bool:
        return self._held_by_other() is not None

    # -- running an action -----------------------------------------------------------------
    def _run(self, fn, *args, done_message: str = "") -> None:
        report_id = self._detail.id if self._detail else None
        self._busy = True
        self._update_enabled()

        def finished(_result) -> None:
            self._busy = False
            self._update_enabled()
            if done_message:
                self.message.emit(done_message)
            if report_id is not None:
                self.changed.emit(report_id)

        self._tasks.run(fn, self._engine, *args, on_done=finished, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self._update_enabled()
        if isinstance(error, Claimed):
            title = self.tr("Claimed by someone else")
        elif isinstance(error, Conflict):
            title = self.tr("Changed by another console")
        elif isinstance(error, QlueDatabaseError):
            title = self.tr("Not done")
        else:
            title = self.tr("Database unavailable")
        text = str(error).splitlines()[0] if str(error) else type(error).__name__
        if isinstance(error, Conflict):
            text += "\n\n" + self.tr("The report has been reloaded; your choice is still in the form.")
            if self._detail is not None:
                self.changed.emit(self._detail.id)
        QMessageBox.warning(self.widget, title, text)

    # -- the actions -----------------------------------------------------------------------
    def next_report(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._update_enabled()

        def claimed(report_id: int | None) -> None:
            self._busy = False
            self._update_enabled()
            if report_id is None:
                self.message.emit(self.tr("No report is waiting."))
            else:
                self.next_claimed.emit(report_id)

        self._tasks.run(actions.claim_next, self._engine, on_done=claimed, on_error=self._failed)

    def toggle_claim(self) -> None:
        d = self._detail
        if d is None or self._busy or self._held_by_other():
            return
        if d.claimed_by:
            self._run(actions.release, d.id)
        else:
            self._run(actions.claim, d.id)

    def _renew_claim(self) -> None:
        d = self._detail
        if d is not None and d.claimed_by and d.claimed_by == self._me():
            self._tasks.run(actions.claim, self._engine, d.id, on_error=lambda e: None)

    def mark_triaged(self) -> None:
        d = self._detail
        if d is not None and self._triaged.isEnabled():
            self._run(actions.mark_triaged, d.id, d.version)

    def _open_categories(self) -> None:
        if self._category.isEnabled():
            self._category.setFocus()
            self._category.showPopup()

    def _category_chosen(self, index: int) -> None:
        d = self._detail
        code = self._category.itemData(index)
        if d is not None and code and code != d.category_code and self._category.isEnabled():
            self._run(actions.set_category, d.id, d.version, code)

    def set_priority(self, level: int) -> None:
        d = self._detail
        if d is not None and self._priority.isEnabled() and level != d.priority:
            self._priority.setCurrentIndex(level)
            self._run(actions.set_priority, d.id, d.version, level)

    def reject(self) -> None:
        d = self._detail
        if d is None or not self._reject.isEnabled():
            return
        answer = ask_reject_reason(self.widget, "outside_dki" if d.outside_jurisdiction else None)
        if answer is not None:
            self._run(actions.reject, d.id, d.version, answer[0], answer[1])

    def add_comment(self) -> None:
        d = self._detail
        body = self._comment.text().strip()
        if d is None or not body:
            return

        def added(_id) -> None:
            self._comment.clear()    # only once the database has it
            self._busy = False
            self._update_enabled()
            self.changed.emit(d.id)

        self._busy = True
        self._update_enabled()
        self._tasks.run(actions.comment, self._engine, d.id, body, on_done=added, on_error=self._failed)

    def merge_into(self, original_id: int) -> None:
        d = self._detail
        if d is None or self.is_read_only() or d.status in CLOSED_STATES:
            return
        self._run(actions.merge, d.id, d.version, original_id,
                  done_message=self.tr("Merged #%1 into #%2").replace("%1", str(d.id)).replace("%2", str(original_id)))
