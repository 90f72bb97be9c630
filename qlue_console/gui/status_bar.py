"""The status bar: connection state, who is signed in, and live counters."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar
from sqlalchemy import Engine

from qlue_console.data.counters import Counters, fetch_counters
from qlue_console.gui.labels import _tr as label_tr
from qlue_console.gui.tasks import TaskRunner


class StatusBarController(QObject):
    def __init__(self, bar: QStatusBar, engine: Engine, tasks: TaskRunner, where: str) -> None:
        super().__init__(bar)
        self._engine, self._tasks = engine, tasks
        self._connection = QLabel()
        self._counters = QLabel()
        self._where = QLabel(where)
        bar.addWidget(self._connection)
        bar.addWidget(self._counters, 1)
        bar.addPermanentWidget(self._where)
        self.set_online(True, "")
        self._refresh_timer = QTimer(self, singleShot=True, interval=1000)   # debounce live bursts
        self._refresh_timer.timeout.connect(self.refresh)
        self._periodic = QTimer(self, interval=60_000)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self.refresh()

    def set_where_tooltip(self, text: str) -> None:
        self._where.setToolTip(text)

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
        self._tasks.run(fetch_counters, self._engine, channel="counters", coalesce=True, on_done=self._show,
                        on_error=lambda e: None)

    def _show(self, counters: Counters) -> None:
        parts = [f"{label_tr(label)} {counters.by_label.get(label, 0)}"
                 for label in ("Menunggu", "Koordinasi", "Disposisi", "Proses")]
        parts.append(self.tr("overdue %1").replace("%1", str(counters.overdue)))
        parts.append(self.tr("proofs to verify %1").replace("%1", str(counters.pending_proofs)))
        parts.append(self.tr("received today %1").replace("%1", str(counters.received_today)))
        self._counters.setText("   ·   ".join(parts))
