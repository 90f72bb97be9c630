"""The triage queue as a Qt table model over keyset pages fetched in the background.

The model holds plain ``QueueRow`` values. It asks for the next page through ``request_page``
(the controller runs the query on the TaskRunner) and receives pages with ``append_page``.
Live changes arrive as fresh rows through ``apply_rows``: a row still in the view is updated in
place, a new one inserted at its sorted place, a row that left the filter removed — without a
reset, so the selection and the scroll position stay where the operator left them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from qlue_console.data.queue import QueueKey, QueueRow, sort_key
from qlue_console.domain.states import colour_of
from qlue_console.gui.i18n import category_name, moment_text
from qlue_console.gui.labels import channel_text, priority_text, state_text
from qlue_console.gui.plain_text import plain_tooltip

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


def format_age(created_at: datetime, now: datetime) -> str:
    seconds = max(0, int((now - created_at).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} m"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} m"
    return f"{seconds // 86400} d {seconds % 86400 // 3600} h"


class QueueModel(QAbstractTableModel):
    new_rows_arrived = Signal(int)  # how many rows were inserted by live updates

    def __init__(
        self, language: str, request_page: Callable[[QueueKey | None], None], parent=None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._request_page = request_page
        self._rows: list[QueueRow] = []
        self._index_of: dict[int, int] = {}
        self._has_more = True
        self._loading = False
        self._sort = "newest"
        self._now = datetime.now(UTC)
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
        self._sort = sort
        self.beginResetModel()
        self._rows, self._index_of, self._has_more, self._loading = [], {}, True, False
        self.endResetModel()

    def append_page(self, rows: Sequence[QueueRow], has_more: bool) -> None:
        self._loading = False
        fresh = [r for r in rows if r.id not in self._index_of]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._reindex(first)
            self.endInsertRows()
        self._has_more = has_more

    def is_loading(self) -> bool:
        return self._loading

    def page_failed(self) -> None:
        self._loading = False

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or not self._has_more:
            return
        self._loading = True
        self._request_page(self._rows[-1].key if self._rows else None)

    # -- live updates ----------------------------------------------------------------------
    def apply_rows(self, rows: Sequence[QueueRow], belongs: Callable[[QueueRow], bool]) -> None:
        inserted = 0
        for row in rows:
            position = self._index_of.get(row.id)
            if position is not None:
                if belongs(row):
                    self._rows[position] = row
                    self.dataChanged.emit(
                        self.index(position, 0), self.index(position, COL_CLAIMED)
                    )
                else:
                    self.beginRemoveRows(QModelIndex(), position, position)
                    del self._rows[position]
                    self._reindex(position)
                    del self._index_of[row.id]
                    self.endRemoveRows()
            elif belongs(row):
                target = self._insert_position(row)
                if target is None:
                    continue  # older than what is loaded: the next page will bring it
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, row)
                self._reindex(target)
                self.endInsertRows()
                inserted += 1
        if inserted:
            self.new_rows_arrived.emit(inserted)

    def _insert_position(self, row: QueueRow) -> int | None:
        key = sort_key(row, self._sort)
        for i, existing in enumerate(self._rows):
            if key < sort_key(existing, self._sort):
                return i
        return len(self._rows) if not self._has_more else None

    def _reindex(self, start: int) -> None:
        for i in range(start, len(self._rows)):
            self._index_of[self._rows[i].id] = i

    def tick(self, now: datetime | None = None) -> None:
        """Keeps the age column current."""
        self._now = now or datetime.now(UTC)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_AGE),
                self.index(len(self._rows) - 1, COL_AGE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def set_people(self, people: dict[str, str]) -> None:
        """The handles of the logins, so a claim shows the person, not the database login."""
        self._people = dict(people)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_CLAIMED),
                self.index(len(self._rows) - 1, COL_CLAIMED),
                [Qt.ItemDataRole.DisplayRole],
            )

    def knows_person(self, login: str) -> bool:
        return login in self._people

    # -- access ----------------------------------------------------------------------------
    def row_at(self, position: int) -> QueueRow:
        return self._rows[position]

    def position_of(self, report_id: int) -> int | None:
        return self._index_of.get(report_id)

    def loaded_ids(self) -> list[int]:
        return [r.id for r in self._rows]

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
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
            if column == COL_TEXT:
                return plain_tooltip(row.excerpt)
            if column == COL_AGE:
                return moment_text(row.created_at)
            if column == COL_STATE and row.overdue:
                return self.tr("Overdue")
            if column == COL_CATEGORY and row.repeat:
                return self.tr(
                    "Repeat reporter: the same citizen reported this category nearby before"
                )
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
            return channel_text(row.channel)
        if column == COL_STATE:
            text = state_text(row.status)
            return f"{text} · {self.tr('overdue')}" if row.overdue else text
        if column == COL_TEXT:
            return " ".join(row.excerpt.split())
        if column == COL_PHOTO:
            return "📷" if row.has_photo else ""
        if column == COL_CLAIMED:
            return self._people.get(row.claimed_by, row.claimed_by) if row.claimed_by else ""
        return ""
