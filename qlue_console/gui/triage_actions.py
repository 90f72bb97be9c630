"""The operator's actions on the open report, each one keystroke or one click:
N next report, L claim/release, T triaged, R reject, C category, 1–4 priority, K comment.

Actions run in the background; the database decides. When another console changed the report
first, nothing is lost: the operator sees what changed and by whom, the detail reloads, and the
choice stays in the form to apply again. A report someone else has claimed opens read-only.
An action that cannot do anything says why in the status line; a rejection or a dispatch is
confirmed in a bar above the actions, with Undo while the database still allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from sqlalchemy import Engine
from typing_extensions import override

from qlue_console.data.reference import CategoryInfo
from qlue_console.data.report_detail import ReportDetail, person_of
from qlue_console.db.errors import ClaimedError, ConflictError, QlueDatabaseError
from qlue_console.dispatch import service
from qlue_console.dispatch.service import DispatchResult
from qlue_console.domain.states import CLOSED_STATES
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name, fill
from qlue_console.gui.labels import priority_text, state_text
from qlue_console.gui.plain_text import plain_message
from qlue_console.gui.reject_dialog import REASONS, ask_reject_reason
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import actions

RENEW_EVERY_MS = 3 * 60 * 1000


@dataclass(frozen=True)
class _Undo:
    """What the result bar's Undo does: a database call and what to say once it is done."""

    fn: Callable
    args: tuple
    report_id: int
    done_text: str


class TriageActions(QObject):
    changed = Signal(int)  # the report was changed by this console
    next_claimed = Signal(int)  # "Next report" claimed this report
    message = Signal(str)  # something to tell the operator in the status line
    result_changed = Signal(str)  # the confirmation bar shows this text ("" when hidden)

    def __init__(
        self,
        engine: Engine,
        tasks: TaskRunner,
        language: str,
        parent: QWidget,
        shortcut_scope: QWidget,
        me: Callable[[], str | None],
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language, self._me = engine, tasks, language, me
        self.widget = load_form("triage_actions", parent)
        w = self.widget
        self._banner = child(w, QLabel, "claimBanner")
        self._result_bar = child(w, QFrame, "resultBar")
        self._result = child(w, QLabel, "resultLabel")
        self._undo_button = child(w, QPushButton, "undoButton")
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
        self._undo: _Undo | None = None
        # the rejection template of a reason, filled for the open report (set by the workspace)
        self.reject_template: Callable[[str], str | None] | None = None

        self._next.clicked.connect(self.next_report)
        self._claim.clicked.connect(self.toggle_claim)
        self._triaged.clicked.connect(self.mark_triaged)
        self._reject.clicked.connect(self.reject)
        self._undo_button.clicked.connect(self.undo)
        self._result.installEventFilter(self)
        self._banner.installEventFilter(self)
        child(w, QToolButton, "resultCloseButton").clicked.connect(self.hide_result)
        self._category.activated.connect(self._category_chosen)
        self._priority.activated.connect(lambda i: self.set_priority(self._priority.itemData(i)))
        self._comment.returnPressed.connect(self.add_comment)
        scope = shortcut_scope
        self._shortcut(scope, "N", self.next_report)
        self._shortcut(scope, "L", self.toggle_claim)
        self._shortcut(scope, "T", self.mark_triaged)
        self._shortcut(scope, "R", self.reject)
        self._shortcut(scope, "C", self._open_categories)
        self._shortcut(scope, "K", self._focus_comment)
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
        """The person holding the open report when it is someone else (their handle)."""
        d = self._detail
        if d is None or not d.claimed_by:
            return None
        return (d.claimed_by_name or d.claimed_by) if d.claimed_by != self._me() else None

    def _held_by_me(self) -> bool:
        d = self._detail
        return d is not None and d.claimed_by is not None and d.claimed_by == self._me()

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
            self._banner.setText(fill(self.tr("Claimed by %1 — read-only"), holder))
            self._banner.setStyleSheet("background: #fdecea; color: #b71c1c; padding: 3px;")
        elif d.claimed_by:
            self._banner.setText(self.tr("You hold this report"))
            self._banner.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 3px;")
        else:
            self._banner.setText(self.tr("Not claimed"))
            self._banner.setStyleSheet("color: #555; padding: 3px;")
        self._claim.setText(self.tr("Release") if d.claimed_by and not holder else self.tr("Claim"))
        self._fit_result()

    def _update_enabled(self) -> None:
        d = self._detail
        editable = (
            d is not None
            and self._held_by_other() is None
            and d.status not in CLOSED_STATES
            and not self._busy
        )
        for widget in (self._triaged, self._reject, self._category, self._priority):
            widget.setEnabled(editable)
        self._triaged.setEnabled(editable and d is not None and d.status == "new")
        self._claim.setEnabled(d is not None and not self._busy and (self._held_by_other() is None))
        self._comment.setEnabled(d is not None and not self._busy)
        self._next.setEnabled(not self._busy)
        self._undo_button.setEnabled(self._undo is not None and not self._busy)

    def is_read_only(self) -> bool:
        return self._held_by_other() is not None

    def _refusal(self, *, triage: bool = False, edit: bool = True) -> str | None:
        """Why the action asked for does nothing now, or None when it can run."""
        d = self._detail
        if self._busy:
            return self.tr("Wait: the last action is still running.")
        if d is None:
            return self.tr("No report is open: press N for the next one, or pick one in the queue.")
        if not edit:
            return None
        holder = self._held_by_other()
        if holder:
            return fill(self.tr("Report #%1 is claimed by %2: read-only."), str(d.id), holder)
        if d.status in CLOSED_STATES:
            return fill(
                self.tr("Report #%1 is closed (%2): nothing to change."),
                str(d.id),
                state_text(d.status),
            )
        if triage and d.status != "new":
            if d.status == "triaged":
                return fill(self.tr("Report #%1 is already triaged."), str(d.id))
            return fill(
                self.tr("Report #%1 is in %2, past triage: T applies to new reports only."),
                str(d.id),
                state_text(d.status),
            )
        return None

    def _actionable(self, *, triage: bool = False, edit: bool = True) -> ReportDetail | None:
        """The open report when the action asked for can run; else None, having said why."""
        why = self._refusal(triage=triage, edit=edit)
        if why:
            self.message.emit(why)
            return None
        return self._detail

    # -- the confirmation bar --------------------------------------------------------------
    def show_result(self, text: str, undo: _Undo | None = None) -> None:
        self._undo = undo
        self._result.setText(text)
        self._undo_button.setVisible(undo is not None)
        self._result_bar.setVisible(True)
        self._fit_result()
        self._update_enabled()
        self.message.emit(text)
        self.result_changed.emit(text)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self._result, self._banner) and event.type() == QEvent.Type.Resize:
            self._fit_result()
        return False

    def _fit_result(self) -> None:
        """Every wrapped line of the banner and the confirmation shown: the pane's layout does
        not follow a label's height-for-width, so each label asks for that height as its minimum."""
        for label in (self._banner, self._result):
            height = label.heightForWidth(max(1, label.width()))
            if height > 0 and height != label.minimumHeight():
                label.setMinimumHeight(height)

    def hide_result(self) -> None:
        self._undo = None
        self._result_bar.setVisible(False)
        self._update_enabled()
        self.result_changed.emit("")

    def result_text(self) -> str:
        return self._result.text() if self._result_bar.isVisibleTo(self.widget) else ""

    def can_undo(self) -> bool:
        return self._undo is not None and self._undo_button.isEnabled()

    def undo(self) -> None:
        todo = self._undo
        if todo is None or self._busy:
            return
        self._busy = True
        self._update_enabled()

        def done(_version) -> None:
            self._busy = False
            self.show_result(todo.done_text)
            self.changed.emit(todo.report_id)

        def failed(error: Exception) -> None:
            self._busy = False
            self.show_result(fill(self.tr("Could not undo: %1"), _first_line(error)))
            self.changed.emit(todo.report_id)

        self._tasks.run(todo.fn, self._engine, *todo.args, on_done=done, on_error=failed)

    def show_dispatched(self, report_id: int, result: DispatchResult) -> None:
        """Confirms a dispatch or a pass-on from the dispatch panel; a dispatch can be undone."""
        handles = ", ".join("@" + m.handle for m in result.added)
        if result.status == "coordination":
            self.show_result(
                fill(self.tr("Report #%1 passed on to %2 (Koordinasi)."), str(report_id), handles)
            )
            return
        self.show_result(
            fill(self.tr("Report #%1 dispatched to %2."), str(report_id), handles),
            _Undo(
                service.undo_dispatch,
                (report_id, result.version),
                report_id,
                fill(
                    self.tr("Dispatch of report #%1 withdrawn: %2 will not be asked."),
                    str(report_id),
                    handles,
                ),
            ),
        )

    # -- running an action -----------------------------------------------------------------
    def _run(self, fn, *args, done_message: str = "", on_result: Callable | None = None) -> None:
        report_id = self._detail.id if self._detail else None
        self._busy = True
        self._update_enabled()

        def finished(result) -> None:
            self._busy = False
            self._update_enabled()
            if on_result is not None:
                on_result(result)
            elif done_message:
                self.message.emit(done_message)
            if report_id is not None:
                self.changed.emit(report_id)

        self._tasks.run(fn, self._engine, *args, on_done=finished, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self._update_enabled()
        if isinstance(error, ClaimedError):
            holder = str(error.details.get("holder") or "")
            if holder:  # the database names the login: show the person, as the timeline does
                self._tasks.run(
                    person_of,
                    self._engine,
                    holder,
                    on_done=lambda name: self._warn(error, str(error).replace(holder, name)),
                    on_error=lambda _e: self._warn(error, str(error)),
                )
                return
        self._warn(error, str(error))

    def _warn(self, error: Exception, message: str) -> None:
        if isinstance(error, ClaimedError):
            title = self.tr("Claimed by someone else")
        elif isinstance(error, ConflictError):
            title = self.tr("Changed by another console")
        elif isinstance(error, QlueDatabaseError):
            title = self.tr("Not done")
        else:
            title = self.tr("Database unavailable")
        text = message.splitlines()[0] if message else type(error).__name__
        if isinstance(error, ConflictError):
            text += "\n\n" + self.tr(
                "The report has been reloaded; your choice is still in the form."
            )
            if self._detail is not None:
                self.changed.emit(self._detail.id)
        # the message may quote what someone typed: never let Qt take it for markup
        QMessageBox.warning(self.widget, title, plain_message(text))

    # -- the actions -----------------------------------------------------------------------
    def next_report(self) -> None:
        """Claims the most urgent waiting report that is not the one held; the database
        releases the held one when it finds another (and keeps it when none is waiting)."""
        if self._busy:
            self.message.emit(self.tr("Wait: the last action is still running."))
            return
        held = self._detail.id if self._held_by_me() and self._detail is not None else None
        self._busy = True
        self._update_enabled()

        def claimed(report_id: int | None) -> None:
            self._busy = False
            self._update_enabled()
            if report_id is None:
                text = self.tr("No report is waiting for triage.")
                if held is not None:
                    text += " " + fill(self.tr("You keep report #%1."), str(held))
                self.message.emit(text)
                return
            text = fill(self.tr("You took report #%1, the most urgent waiting."), str(report_id))
            if held is not None and held != report_id:
                text += " " + fill(self.tr("Report #%1 was released."), str(held))
            self.message.emit(text)
            self.next_claimed.emit(report_id)

        self._tasks.run(actions.claim_next, self._engine, on_done=claimed, on_error=self._failed)

    def toggle_claim(self) -> None:
        d = self._actionable(edit=False)
        if d is None:
            return
        holder = self._held_by_other()
        if holder:
            self.message.emit(
                fill(
                    self.tr("Report #%1 is claimed by %2: only a supervisor can break the claim."),
                    str(d.id),
                    holder,
                )
            )
            return
        if d.claimed_by:
            self._run(
                actions.release, d.id, done_message=fill(self.tr("Report #%1 released."), str(d.id))
            )
        else:
            self._run(
                actions.claim, d.id, done_message=fill(self.tr("You hold report #%1."), str(d.id))
            )

    def _renew_claim(self) -> None:
        d = self._detail
        if d is not None and self._held_by_me():
            self._tasks.run(actions.claim, self._engine, d.id, on_error=lambda e: None)

    def mark_triaged(self) -> None:
        d = self._actionable(triage=True)
        if d is None:
            return
        self._run(
            actions.mark_triaged,
            d.id,
            d.version,
            done_message=fill(self.tr("Report #%1 triaged."), str(d.id)),
        )

    def _open_categories(self) -> None:
        if self._actionable() is None:
            return
        self._category.setFocus()
        self._category.showPopup()

    def _category_chosen(self, index: int) -> None:
        code = self._category.itemData(index)
        d = self._actionable()
        if d is None or not code or code == d.category_code:
            return
        self._run(actions.set_category, d.id, d.version, code)

    def set_priority(self, level: int) -> None:
        d = self._actionable()
        if d is None:
            return
        if level == d.priority:
            self.message.emit(
                fill(
                    self.tr("Report #%1 already has priority %2."), str(d.id), priority_text(level)
                )
            )
            return
        self._priority.setCurrentIndex(level)
        self._run(actions.set_priority, d.id, d.version, level)

    def reject(self) -> None:
        d = self._actionable()
        if d is None:
            return
        answer = ask_reject_reason(
            self.widget, "outside_dki" if d.outside_jurisdiction else None, self.reject_template
        )
        if answer is None:
            return
        reason = QCoreApplication.translate("RejectDialog", str(dict(REASONS)[answer[0]]))

        def rejected(version: int) -> None:
            self.show_result(
                fill(
                    self.tr("Report #%1 rejected (%2): it left the working queue."),
                    str(d.id),
                    reason,
                ),
                _Undo(
                    actions.undo_reject,
                    (d.id, version),
                    d.id,
                    fill(
                        self.tr("Rejection of report #%1 undone: it is back in the queue."),
                        str(d.id),
                    ),
                ),
            )

        self._run(actions.reject, d.id, d.version, answer[0], answer[1], on_result=rejected)

    def _focus_comment(self) -> None:
        if self._actionable(edit=False) is not None:
            self._comment.setFocus()

    def add_comment(self) -> None:
        d = self._detail
        body = self._comment.text().strip()
        if d is None or not body:
            return

        def added(_id) -> None:
            self._comment.clear()  # only once the database has it
            self._busy = False
            self._update_enabled()
            self.changed.emit(d.id)

        self._busy = True
        self._update_enabled()
        self._tasks.run(
            actions.comment, self._engine, d.id, body, on_done=added, on_error=self._failed
        )

    def merge_into(self, original_id: int) -> None:
        d = self._actionable()
        if d is None:
            return
        self._run(
            actions.merge,
            d.id,
            d.version,
            original_id,
            on_result=lambda _v: self.show_result(
                fill(self.tr("Merged #%1 into #%2"), str(d.id), str(original_id))
            ),
        )


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
