"""Approving a proof that fails a check: the failed checks listed with their evidence, and the
supervisor's reason for approving anyway (required; stored with the decision and on the
report's timeline). Opened window-modal and non-blocking; ``reason_given`` carries the reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qlue_console.gui.i18n import fill
from qlue_console.gui.verify.labels import VERDICT_COLOURS, check_name, evidence_text
from qlue_console.verify.context import CheckView
from qlue_console.verify.decisions import is_blank

MAX_REASON = 2000  # the database's limit on a decision note


class OverrideDialog(QDialog):
    reason_given = Signal(int, str)  # follow-up id, the reason

    def __init__(
        self,
        follow_up_id: int,
        report_id: int,
        failed: Sequence[CheckView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.follow_up_id = follow_up_id
        self.setWindowTitle(
            fill(self.tr("Approve report #%1 despite failed checks?"), str(report_id))
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("This proof fails the checks below. Approving closes the report as done.")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.checks = QListWidget()
        background, foreground = VERDICT_COLOURS["fail"]
        for check in failed:
            item = QListWidgetItem(f"{check_name(check.code)}: {evidence_text(check)}")
            item.setData(Qt.ItemDataRole.UserRole, check.code)
            item.setBackground(background)
            item.setForeground(foreground)
            self.checks.addItem(item)
        rows = max(1, self.checks.count())
        self.checks.setFixedHeight(
            rows * max(18, self.checks.sizeHintForRow(0)) + 2 * self.checks.frameWidth() + 4
        )
        self.checks.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.checks)
        prompt = QLabel(
            self.tr("Why do you approve it anyway? (required — kept on the report's timeline)")
        )
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("e.g. the official confirmed the place by phone"))
        self.reason.setMinimumHeight(70)
        prompt.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = self.buttons.addButton(
            self.tr("Approve anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.approve_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._changed)
        self.resize(520, self.sizeHint().height())
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _changed(self) -> None:
        text = self.reason.toPlainText()
        self.approve_button.setEnabled(not is_blank(text) and len(text.strip()) <= MAX_REASON)

    def _accept(self) -> None:
        if not self.approve_button.isEnabled():
            return
        self.reason_given.emit(self.follow_up_id, self.reason_text())
        self.accept()
