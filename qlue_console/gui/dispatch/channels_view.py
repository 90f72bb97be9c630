"""The citizen channels of the Open311 gateway as an administrator sees them in the Directory:
each channel's name, its key's last use, today's reports and refusals, and whether its key is
revoked. Read off the UI thread (``access.channel_keys.load_channels``); hidden for everyone
but admins (the database refuses the others anyway)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.access.channel_keys import ChannelRow, load_channels
from qlue_console.domain import formatting
from qlue_console.gui.dispatch.labels import OVERDUE_RED
from qlue_console.gui.i18n import current_language, fill, moment_text
from qlue_console.gui.tasks import TaskRunner

RELOAD_DELAY_MS = 1500
REVOKED_GREY = "#888888"


class ChannelsView(QGroupBox):
    """A small read-only table of the channels; ``reload()`` reads them again."""

    def __init__(self, engine: Engine, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelsBox")
        self._engine, self._tasks = engine, tasks
        self.setTitle(self.tr("Citizen channels (Open311 keys)"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("channelsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Channel"),
                self.tr("Key last used"),
                self.tr("Reports today"),
                self.tr("Refusals today"),
                self.tr("Key"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.status = QLabel(self)
        self.status.setObjectName("channelsStatus")
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.hide()

    def reload(self) -> None:
        self._tasks.run(
            load_channels,
            self._engine,
            channel=f"channels-{id(self)}",
            on_done=self.show_rows,
            on_error=lambda e: self.status.setText(
                fill(self.tr("The channels could not be loaded: %1"), str(e).splitlines()[0])
            ),
        )

    def reload_soon(self) -> None:
        """Coalesces a burst of new reports into one reload."""
        self._timer.start()

    def show_rows(self, rows: list[ChannelRow] | None) -> None:
        """Shows the channels; None (this login may not see them) hides the table."""
        if rows is None:
            self.hide()
            return
        lang = current_language()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (
                r.name,
                moment_text(r.last_used_at) if r.last_used_at else self.tr("never"),
                formatting.integer(r.reports_today, lang),
                formatting.integer(r.refusals_today, lang),
                fill(self.tr("revoked %1"), moment_text(r.revoked_at))
                if r.revoked
                else self.tr("live"),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(r.login if column == 0 else value)
                if r.revoked:
                    item.setForeground(QBrush(QColor(REVOKED_GREY)))
                elif column == 3 and r.refusals_today:
                    item.setForeground(QBrush(QColor(OVERDUE_RED)))
                self.table.setItem(i, column, item)
        self.status.setText(
            self.tr("No channels yet: add one with qlue-console channel add NAME.")
            if not rows
            else fill(
                self.tr("%n channel(s) · %1 with a live key", "", len(rows)),
                formatting.integer(sum(1 for r in rows if not r.revoked), lang),
            )
        )
        self.show()
