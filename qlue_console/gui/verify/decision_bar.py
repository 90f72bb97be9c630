"""The decision bar under the photos: Approve and Reject for a supervisor (an operator reads
"view only" instead), the line saying what became of the last decision, and the banner of a
follow-up that someone decided meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QWidget

from qlue_console.gui.forms import child
from qlue_console.gui.i18n import fill, moment_text
from qlue_console.verify.context import VerifyItem

STATUS_MS = 8000  # how long a message stays in the window's status bar


class DecisionBar(QObject):
    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._form = form
        self._bar = child(form, QWidget, "decisionBar")
        self.approve_button = child(form, QPushButton, "approveButton")
        self.reject_button = child(form, QPushButton, "rejectButton")
        self._status = child(form, QLabel, "decisionStatus")
        self._read_only = child(form, QLabel, "readOnlyLabel")
        self._banner = child(form, QLabel, "decidedBanner")
        self.set_enabled(False)
        self._bar.hide()

    def set_role(self, can_decide: bool) -> None:
        self._bar.setVisible(can_decide)
        self._read_only.setVisible(not can_decide)

    def set_enabled(self, enabled: bool) -> None:
        self.approve_button.setEnabled(enabled)
        self.reject_button.setEnabled(enabled)

    def show_decided(self, item: VerifyItem, can_decide: bool) -> None:
        """The banner when ``item`` was decided already; the buttons only while it is not."""
        decided = item.verification != "pending"
        if decided:
            self._banner.setText(
                fill(
                    self.tr("Already %1 by %2 at %3."),
                    self.tr("approved") if item.verification == "approved" else self.tr("rejected"),
                    item.verifier or "?",
                    moment_text(item.verified_at),
                )
            )
        self._banner.setVisible(decided)
        self.set_enabled(not decided and can_decide)

    def clear(self) -> None:
        self._banner.hide()
        self.set_enabled(False)

    def report(self, text: str) -> None:
        """Says ``text`` on the bar and in the window's status bar."""
        self._status.setText(text)
        window = self._form.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
