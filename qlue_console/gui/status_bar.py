"""The status bar: connection state, who is signed in, and live counters.

The counters are never cut: their label keeps the room its text needs, and the label of who
is signed in where gives way instead, eliding its text (the whole of it in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget
from sqlalchemy import Engine
from typing_extensions import override

from qlue_console.data.counters import Counters, fetch_counters
from qlue_console.domain import formatting
from qlue_console.gui.i18n import current_language
from qlue_console.gui.labels import state_label_text
from qlue_console.gui.tasks import TaskRunner

SEPARATOR = "  ·  "


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…", with the whole
    text in its tooltip; it asks for little room, so its neighbours keep theirs."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)
        self._full = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    @override
    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(
            QFontMetrics(self.font()).horizontalAdvance(self._full) + 2 * self.margin() + 4
        )
        return hint

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width() - 2 * self.margin())
        self.setText(
            QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideMiddle, width)
        )


class StatusBarController(QObject):
    def __init__(self, bar: QStatusBar, engine: Engine, tasks: TaskRunner, where: str) -> None:
        super().__init__(bar)
        self._engine, self._tasks = engine, tasks
        self._connection = QLabel()
        self._connection.setTextFormat(Qt.TextFormat.PlainText)
        self._counters = QLabel()
        self._counters.setObjectName("statusCounters")
        self._counters.setTextFormat(Qt.TextFormat.PlainText)
        self._counters.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self._where = ElidedLabel(where)
        self._where.setObjectName("statusWhere")
        self._where.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self._connection)
        bar.addWidget(self._counters)
        bar.addWidget(self._where, 1)
        self.set_online(True, "")
        self._refresh_timer = QTimer(self, singleShot=True, interval=1000)  # debounce live bursts
        self._refresh_timer.timeout.connect(self.refresh)
        self._periodic = QTimer(self, interval=60_000)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self.refresh()

    def set_where_tooltip(self, text: str) -> None:
        """The tooltip of the signed-in/server label: its whole text, then ``text``."""
        self._where.setToolTip(f"{self._where.full_text()}\n{text}")

    def counters_text(self) -> str:
        return self._counters.text()

    def set_online(self, online: bool, reason: str) -> None:
        if online:
            self._connection.setText("● " + self.tr("Online"))
            self._connection.setStyleSheet("color: #2e7d32; font-weight: 600;")
            self._connection.setToolTip(self.tr("Connected; live updates on"))
        else:
            self._connection.setText("● " + self.tr("Offline — reconnecting"))
            self._connection.setStyleSheet("color: #c62828; font-weight: 600;")
            self._connection.setToolTip(reason)

    def refresh_soon(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh(self) -> None:
        self._tasks.run(
            fetch_counters,
            self._engine,
            channel="counters",
            coalesce=True,
            on_done=self._show,
            on_error=lambda e: None,
        )

    def _show(self, counters: Counters) -> None:
        lang = current_language()
        parts = [
            f"{state_label_text(label)} {formatting.integer(counters.by_label.get(label, 0), lang)}"
            for label in ("Menunggu", "Koordinasi", "Disposisi", "Proses")
        ]
        parts.append(self.tr("%Ln overdue", "", counters.overdue))
        parts.append(self.tr("%Ln proofs to verify", "", counters.pending_proofs))
        parts.append(self.tr("%Ln received today", "", counters.received_today))
        self._counters.setText(SEPARATOR.join(parts))
        # the counters keep the room they need; the label beside them gives way
        self._counters.setMinimumWidth(self._counters.sizeHint().width())
