"""The dispatch panel of one report: routing suggestions as one-click chips, the @-composer,
the report's mentions with their due times (and the due time of the ones about to be sent),
Send (Ctrl+Enter) and "Pass on (Koordinasi)" with a reason.

The database decides every send. A refused send keeps the typed text; when another console
changed the report first, the panel reloads it and says who did, and the text waits to be
sent again. Drafts are kept per report while the operator moves between reports.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qlue_console.data.report_detail import person_of
from qlue_console.db.errors import (
    ClaimedError,
    ConflictError,
    PermissionDeniedError,
    QlueDatabaseError,
)
from qlue_console.dispatch import service
from qlue_console.dispatch.closers import CLOSER_RULE
from qlue_console.dispatch.directory import fetch_mention_accounts
from qlue_console.dispatch.service import DispatchContext, DispatchResult
from qlue_console.domain.mentions import normalize_handle
from qlue_console.domain.states import CLOSED_STATES
from qlue_console.gui.dispatch.composer import CHIP_BACKGROUND, CHIP_FOREGROUND, MentionComposer
from qlue_console.gui.dispatch.labels import (
    OVERDUE_RED,
    kind_text,
    mention_state_text,
    rule_text,
)
from qlue_console.gui.flow_layout import FlowLayout
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.workspaces.base import WorkspaceContext

log = logging.getLogger(__name__)

CHIP_STYLE = (
    f"QToolButton {{ background: {CHIP_BACKGROUND}; color: {CHIP_FOREGROUND};"
    " border: 1px solid #90caf9; border-radius: 9px; padding: 1px 8px; }"
    " QToolButton:disabled { background: #eeeeee; color: #777; border-color: #ccc; }"
)
CLOSER_CHIP_STYLE = (
    "QToolButton { background: #fff3e0; color: #bf360c; font-weight: 600;"
    " border: 1px solid #ef6c00; border-radius: 9px; padding: 1px 8px; }"
    " QToolButton:disabled { background: #eeeeee; color: #777; border-color: #ccc; }"
)
OK_GREEN = "#2e7d32"


class DispatchPanel(QObject):
    dispatched = Signal(int)  # the report was dispatched or passed on from this panel
    sent = Signal(
        int, object
    )  # the same, with the DispatchResult (for the confirmation and its Undo)

    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._engine, self._tasks = ctx.engine, ctx.tasks
        self.widget = load_form("dispatch_panel", parent)
        w = self.widget
        self._title = child(w, QLabel, "titleLabel")
        self._sla = child(w, QLabel, "slaLabel")
        self._chips_box = child(w, QWidget, "suggestionsBox")
        FlowLayout(self._chips_box)  # the chips wrap onto more lines instead of widening the pane
        self._accept = child(w, QPushButton, "acceptSuggestionsButton")
        self._problem = child(w, QLabel, "problemLabel")
        self._mentions = child(w, QTreeWidget, "mentionsTree")
        self._reason = child(w, QLineEdit, "reasonEdit")
        self._forward = child(w, QPushButton, "forwardButton")
        self._status = child(w, QLabel, "statusLabel")
        self._send = child(w, QPushButton, "sendButton")
        self.composer = MentionComposer(child(w, QPlainTextEdit, "composerEdit"), self)
        self._mentions.setColumnWidth(0, 210)
        self._mentions.setColumnWidth(1, 90)

        self._report_id: int | None = None
        self._context: DispatchContext | None = None
        self._drafts: dict[int, str] = {}
        self._busy = False
        self._chips: list[QToolButton] = []

        self._accept.clicked.connect(self.accept_suggestions)
        self._send.clicked.connect(self.send)
        self._forward.clicked.connect(self.forward)
        self.composer.send_requested.connect(self.send)
        self.composer.changed.connect(self._update)
        self._reason.textChanged.connect(self._update)
        self._reason.returnPressed.connect(self.forward)
        self._tasks.run(
            fetch_mention_accounts,
            self._engine,
            on_done=self._accounts_loaded,
            on_error=lambda e: self._say(
                fill(self.tr("The directory could not be loaded: %1"), _first_line(e)), error=True
            ),
        )
        self._show_context()

    # -- public ----------------------------------------------------------------------------
    @property
    def report_id(self) -> int | None:
        return self._report_id

    @property
    def context(self) -> DispatchContext | None:
        return self._context

    def set_report(self, report_id: int | None) -> None:
        if report_id == self._report_id:
            return
        if self._report_id is not None:
            self._drafts[self._report_id] = self.composer.text()
        self._report_id = report_id
        self._context = None
        self.composer.set_text(self._drafts.pop(report_id, "") if report_id is not None else "")
        self._reason.clear()
        self._say("")
        self._show_context()
        self.refresh()

    def refresh(self) -> None:
        """Reloads the report's dispatch context (after a live change); the text stays."""
        if self._report_id is not None:
            self._tasks.run(
                service.load_dispatch_context,
                self._engine,
                self._report_id,
                channel=f"dispatch-context-{id(self)}",
                on_done=self._context_loaded,
                on_error=lambda e: self._say(
                    fill(self.tr("Could not load the report: %1"), _first_line(e)), error=True
                ),
            )

    def accept_suggestions(self) -> None:
        ctx = self._context
        if ctx is None:
            return
        for suggestion in ctx.suggestions:
            if not suggestion.already_open:
                self.composer.insert_mention(suggestion.handle)
        self.composer.edit.setFocus()

    def send(self) -> None:
        if not self._send.isEnabled() or self._context is None:
            return
        ctx = self._context
        self._run(
            service.dispatch,
            ctx.report_id,
            ctx.version,
            self.composer.text(),
            self.composer.handles(),
        )

    def forward(self) -> None:
        if not self._forward.isEnabled() or self._context is None:
            return
        ctx = self._context
        self._run(
            service.forward,
            ctx.report_id,
            ctx.version,
            self.composer.handles(),
            self._reason.text().strip(),
            self.composer.text(),
        )

    # -- loading ---------------------------------------------------------------------------
    def _accounts_loaded(self, accounts) -> None:
        self.composer.set_accounts(accounts)
        self._update()

    def _context_loaded(self, ctx: DispatchContext | None) -> None:
        if ctx is None or ctx.report_id != self._report_id:
            return
        self._context = ctx
        self.composer.set_context([s.handle for s in ctx.suggestions], ctx.area_codes)
        self._show_context()

    def _show_context(self) -> None:
        ctx = self._context
        for chip in self._chips:
            chip.deleteLater()
        self._chips = []
        if ctx is None:
            self._title.setText(
                self.tr("Dispatch")
                if self._report_id is None
                else fill(self.tr("Loading report #%1…"), str(self._report_id))
            )
            self._sla.setText(
                "" if self._report_id is not None else self.tr("Select a report to dispatch it.")
            )
            self._mentions.clear()
            self._update()
            return
        category = category_name(self._ctx.language, ctx.category_id, ctx.category_en)
        self._title.setText(fill(self.tr("Dispatch #%1 · %2"), str(ctx.report_id), category))
        if ctx.sla_mode == "working":
            sla = self.tr("SLA %n working days", "", ctx.sla_hours // 24)
        else:
            sla = self.tr("SLA %n hours (calendar)", "", ctx.sla_hours)
        self._sla.setText(
            fill(
                self.tr("%1 · a mention sent now is due %2"), sla, moment_text(ctx.due_if_sent_now)
            )
        )
        layout = self._chips_box.layout()
        for suggestion in ctx.suggestions:
            chip = QToolButton(self._chips_box)
            chip.setText("@" + suggestion.handle)
            chip.setStyleSheet(CHIP_STYLE)
            if suggestion.rule_level == CLOSER_RULE:
                rule = kind_text(suggestion.rule_kind)
            else:
                rule = rule_text(suggestion.rule_level, suggestion.rule_kind)
            tip = f"{suggestion.display_name} — {rule}"
            if suggestion.closed_earlier:
                closed_it = self.tr("closed the earlier report")
                chip.setText(f"@{suggestion.handle} · {closed_it}")
                chip.setStyleSheet(CLOSER_CHIP_STYLE)
                tip += "\n" + self.tr(
                    "Closed the earlier report at this place: its fix came back, "
                    "so this report is suggested to them first"
                )
            if suggestion.already_open:
                tip += "\n" + self.tr("Already mentioned, still open")
                chip.setEnabled(False)
            chip.setToolTip(plain_tooltip(tip))
            chip.clicked.connect(lambda _checked=False, h=suggestion.handle: self._chip_clicked(h))
            layout.addWidget(chip)
            self._chips.append(chip)
        if not ctx.suggestions:
            empty = QToolButton(self._chips_box)
            empty.setText(self.tr("none"))
            empty.setEnabled(False)
            empty.setAutoRaise(True)
            layout.addWidget(empty)
            self._chips.append(empty)
        self._update()

    def _chip_clicked(self, handle: str) -> None:
        self.composer.insert_mention(handle)
        self.composer.edit.setFocus()

    # -- state -----------------------------------------------------------------------------
    def _blocker(self) -> str | None:
        """Why nothing can be sent now, or None."""
        ctx = self._context
        if self._report_id is None:
            return self.tr("Select a report first.")
        if ctx is None or not self.composer.loaded:
            return self.tr("Loading…")
        if not ctx.can_dispatch:
            return self.tr("Your role may not dispatch reports.")
        if ctx.status in CLOSED_STATES:
            return self.tr("This report is closed.")
        problems = self.composer.problems()
        if problems:
            return " ".join(self.composer.problem_text(p) for p in problems[:3])
        if not self.composer.text().strip():
            return self.tr("Write a message and @mention at least one official.")
        if not self.composer.handles():
            return self.tr("Mention at least one official with @.")
        return None

    def _update(self) -> None:
        blocker = self._blocker()
        typed = bool(self.composer.text().strip())
        show_problem = (
            blocker is not None and typed and self._context is not None and self.composer.loaded
        )
        self._problem.setText(blocker if show_problem else "")
        self._problem.setVisible(bool(show_problem))
        can = blocker is None and not self._busy
        self._send.setEnabled(can)
        self._send.setToolTip(
            blocker or self.tr("Dispatch: mention the officials with their due times (Ctrl+Enter)")
        )
        reason = self._reason.text().strip()
        self._forward.setEnabled(can and bool(reason))
        self._forward.setToolTip(
            blocker
            or (
                self.tr(
                    "Close the open mentions as forwarded and mention the officials "
                    "in the message instead"
                )
                if reason
                else self.tr("Say why the report is passed on")
            )
        )
        self._reason.setEnabled(self._context is not None and not self._busy)
        ctx = self._context
        self._accept.setEnabled(
            ctx is not None and any(not s.already_open for s in ctx.suggestions) and not self._busy
        )
        self._fill_mentions()

    def _fill_mentions(self) -> None:
        self._mentions.clear()
        ctx = self._context
        if ctx is None:
            return
        open_now = {normalize_handle(m.handle) for m in ctx.mentions if m.state == "open"}
        italic = QFont()
        italic.setItalic(True)
        for handle in self.composer.handles():
            account = self.composer.account(handle)
            if account is None or not account.active:
                continue
            if normalize_handle(handle) in open_now:
                continue
            item = QTreeWidgetItem(
                [
                    f"@{account.handle} · {account.display_name}",
                    self.tr("to send"),
                    moment_text(ctx.due_if_sent_now),
                ]
            )
            for column in range(3):
                item.setFont(column, italic)
                item.setForeground(column, QBrush(QColor(CHIP_FOREGROUND)))
            self._mentions.addTopLevelItem(item)
        for m in ctx.mentions:
            state = mention_state_text(m.state)
            if m.overdue:
                state += " · " + self.tr("overdue")
            item = QTreeWidgetItem(
                [f"@{m.handle} · {m.display_name}", state, moment_text(m.due_at)]
            )
            item.setToolTip(0, plain_tooltip(m.display_name))
            if m.overdue:
                for column in range(3):
                    item.setForeground(column, QBrush(QColor(OVERDUE_RED)))
            elif m.state != "open":
                for column in range(3):
                    item.setForeground(column, QBrush(QColor("#777777")))
            self._mentions.addTopLevelItem(item)

    def _say(self, text: str, *, error: bool = False) -> None:
        self._status.setText(text)
        self._status.setStyleSheet(f"color: {OVERDUE_RED if error else OK_GREEN};" if text else "")

    # -- sending ---------------------------------------------------------------------------
    def _run(self, fn, *args) -> None:
        report_id = self._report_id
        self._busy = True
        self._say(self.tr("Sending…"))
        self._update()
        self._tasks.run(
            fn,
            self._engine,
            *args,
            on_done=lambda r: self._sent(report_id, r),
            on_error=lambda e: self._failed(report_id, e),
        )

    def _sent(self, report_id: int | None, result: DispatchResult) -> None:
        self._busy = False
        if report_id == self._report_id:
            self.composer.set_text("")
            self._reason.clear()
        elif report_id is not None:
            self._drafts.pop(report_id, None)
        handles = ", ".join("@" + m.handle for m in result.added)
        if result.status == "coordination":
            message = fill(self.tr("Passed on to %1 (Koordinasi)."), handles)
        else:
            message = fill(self.tr("Sent to %1."), handles)
        if result.already:
            message += " " + fill(
                self.tr("Already mentioned, not repeated: %1."),
                ", ".join("@" + h for h in result.already),
            )
        if report_id == self._report_id:
            self._say(message)
            self.refresh()
        self._update()
        if report_id is not None:
            self.sent.emit(report_id, result)
            self.dispatched.emit(report_id)

    def _failed(self, report_id: int | None, error: Exception) -> None:
        holder = str(error.details.get("holder") or "") if isinstance(error, ClaimedError) else ""
        if holder:  # the database names the login: show the person, as the timeline does
            self._tasks.run(
                person_of,
                self._engine,
                holder,
                on_done=lambda name: self._show_failure(report_id, error, holder, name),
                on_error=lambda _e: self._show_failure(report_id, error, holder, holder),
            )
            return
        self._show_failure(report_id, error, "", "")

    def _show_failure(
        self, report_id: int | None, error: Exception, login: str, person: str
    ) -> None:
        self._busy = False
        text = _first_line(error)
        if login:
            text = text.replace(login, person)
        if isinstance(error, ClaimedError):
            text = fill(self.tr("Not sent: %1"), text)
        elif isinstance(error, ConflictError):
            text = fill(
                self.tr(
                    "Not sent: %1. The report has been reloaded; "
                    "your text is kept — check and send again."
                ),
                text,
            )
            self.refresh()
        elif isinstance(error, PermissionDeniedError):
            text = fill(self.tr("Not allowed: %1"), text)
        elif isinstance(error, QlueDatabaseError):
            text = fill(self.tr("Not sent: %1"), text)
        else:
            log.warning("dispatch failed: %s", error)
            text = fill(self.tr("Not sent, the database did not answer: %1"), text)
        if report_id == self._report_id:
            self._say(text, error=True)
        self._update()


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
