"""The triage queue as a Qt table model: a thin adapter over ``triage.queue_rows.QueueRows``.

The rows, their order, paging and live changes are plain Python (``QueueRows``); this model
shows them and relays their insertions, removals and changes to the view, without a reset, so
the selection and the scroll position stay where the operator left them. It asks for the next
page through ``request_page`` (the controller runs the query on the TaskRunner).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from typing_extensions import override

from qlue_console.data.queue import QueueKey, QueueRow
from qlue_console.domain.states import colour_of
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.labels import channel_text, priority_text, state_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.triage.queue_rows import QueueRows

(
    COL_PRIORITY,
    COL_AGE,
    COL_CATEGORY,
    COL_PLACE,
    COL_CHANNEL,
    COL_STATE,
    COL_TEXT,
    COL_PHOTO,
    COL_CLAIMED,
) = range(9)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
CAME_BACK_ORANGE = "#e65100"


def format_age(created_at: datetime, now: datetime) -> str:
    seconds = max(0, int((now - created_at).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} m"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} m"
    return f"{seconds // 86400} d {seconds % 86400 // 3600} h"


class QueueModel(QAbstractTableModel):
    """A Qt table over ``QueueRows``: the rows' logic is plain Python, this class shows them."""

    new_rows_arrived = Signal(int)  # how many rows were inserted by live updates

    def __init__(
        self, language: str, request_page: Callable[[QueueKey | None], None], parent=None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._request_page = request_page
        self.rows = QueueRows(observer=_Relay(self))
        self._now = datetime.now(UTC)
        self._came_back_icon: QIcon | None = None  # made on first use (needs the application)
        self._people: dict[
            str, str
        ] = {}  # login -> the person's handle, as the timeline names them
        self._headers = [
            self.tr("Priority"),
            self.tr("Age"),
            self.tr("Category"),
            self.tr("Kelurahan / Kecamatan"),
            self.tr("Channel"),
            self.tr("State"),
            self.tr("Report"),
            self.tr("Photo"),
            self.tr("Claimed by"),
        ]

    # -- loading ---------------------------------------------------------------------------
    def reset_rows(self, sort: str = "newest") -> None:
        """Forget every row (a new filter): the view will ask for the first page again."""
        self.beginResetModel()
        self.rows.reset(sort)
        self.endResetModel()

    def append_page(self, rows: Sequence[QueueRow], has_more: bool) -> None:
        self.rows.append_page(rows, has_more)

    def is_loading(self) -> bool:
        return self.rows.loading

    def page_failed(self) -> None:
        self.rows.loading = False

    @override
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.rows.can_fetch_more()

    @override
    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.rows.can_fetch_more():
            return
        self.rows.loading = True
        self._request_page(self.rows.next_after())

    # -- live updates ----------------------------------------------------------------------
    def apply_changes(self, ids: Sequence[int], rows: Sequence[QueueRow]) -> None:
        """The database's answer for a live batch (see ``QueueRows.apply_changes``)."""
        inserted = self.rows.apply_changes(ids, rows)
        if inserted:
            self.new_rows_arrived.emit(inserted)

    def tick(self, now: datetime | None = None) -> None:
        """Keeps the age column current."""
        self._now = now or datetime.now(UTC)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, COL_AGE),
                self.index(len(self.rows) - 1, COL_AGE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def set_people(self, people: dict[str, str]) -> None:
        """The handles of the logins, so a claim shows the person, not the database login."""
        self._people = dict(people)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, COL_CLAIMED),
                self.index(len(self.rows) - 1, COL_CLAIMED),
                [Qt.ItemDataRole.DisplayRole],
            )

    def knows_person(self, login: str) -> bool:
        return login in self._people

    # -- access ----------------------------------------------------------------------------
    def row_at(self, position: int) -> QueueRow:
        return self.rows[position]

    def position_of(self, report_id: int) -> int | None:
        return self.rows.position_of(report_id)

    def loaded_ids(self) -> list[int]:
        return self.rows.ids()

    # -- Qt model API ----------------------------------------------------------------------
    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return {COL_PRIORITY: row.priority, COL_AGE: row.created_at.timestamp()}.get(
                column, self._display(row, column)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CHANNEL and row.channel_name:
                return plain_tooltip(
                    fill(self.tr("Posted through the Open311 channel %1"), row.channel_name)
                )
            if column == COL_TEXT:
                return plain_tooltip(row.excerpt)
            if column == COL_AGE:
                return moment_text(row.created_at)
            if column == COL_STATE and row.overdue:
                return self.tr("Overdue")
            if column == COL_CATEGORY:
                return self._category_tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_CATEGORY:
            return self._came_back() if row.recurrence_of is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATE:
                return QBrush(QColor(colour_of(row.status)))
            if column == COL_PRIORITY and row.priority >= 3:
                return QBrush(QColor("#c62828"))
            if column == COL_AGE and row.overdue:
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_PRIORITY,
            COL_AGE,
            COL_PHOTO,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _category_tooltip(self, row: QueueRow) -> str | None:
        tips = []
        if row.recurrence_of is not None:
            tips.append(
                fill(self.tr("Came back after report #%1 was closed"), str(row.recurrence_of))
            )
        if row.repeat:
            tips.append(
                self.tr("Repeat reporter: the same citizen reported this category nearby before")
            )
        return "\n".join(tips) or None

    def _came_back(self) -> QIcon:
        """The mark of a recurrence (a fix that did not hold), beside its category."""
        if self._came_back_icon is None:
            self._came_back_icon = qta.icon("mdi6.backup-restore", color=CAME_BACK_ORANGE)
        return self._came_back_icon

    def _display(self, row: QueueRow, column: int) -> str:
        if column == COL_PRIORITY:
            return priority_text(row.priority)
        if column == COL_AGE:
            return format_age(row.created_at, self._now)
        if column == COL_CATEGORY:
            name = category_name(self._language, row.category_id, row.category_en)
            return f"↻ {name}" if row.repeat else name
        if column == COL_PLACE:
            if row.outside_jurisdiction:
                return self.tr("Outside DKI Jakarta")
            return f"{row.kelurahan} / {row.kecamatan}"
        if column == COL_CHANNEL:
            label = channel_text(row.channel)
            return f"{label} · {row.channel_name}" if row.channel_name else label
        if column == COL_STATE:
            text = state_text(row.status)
            overdue = self.tr("overdue")  # outside the f-string, where lupdate finds it
            return f"{text} · {overdue}" if row.overdue else text
        if column == COL_TEXT:
            return " ".join(row.excerpt.split())
        if column == COL_PHOTO:
            return "📷" if row.has_photo else ""
        if column == COL_CLAIMED:
            return self._people.get(row.claimed_by, row.claimed_by) if row.claimed_by else ""
        return ""


class _Relay:
    """Tells the view of each change ``QueueRows`` makes, as it makes it."""

    def __init__(self, model: QueueModel) -> None:
        self._model = model

    def rows_inserting(self, position: int, count: int) -> None:
        self._model.beginInsertRows(QModelIndex(), position, position + count - 1)

    def rows_inserted(self) -> None:
        self._model.endInsertRows()

    def row_removing(self, position: int) -> None:
        self._model.beginRemoveRows(QModelIndex(), position, position)

    def row_removed(self) -> None:
        self._model.endRemoveRows()

    def row_changed(self, position: int) -> None:
        model = self._model
        model.dataChanged.emit(model.index(position, 0), model.index(position, COL_CLAIMED))
