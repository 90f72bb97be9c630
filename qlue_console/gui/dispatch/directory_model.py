"""The officials directory as a Qt table model: one row per account, overdue marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from typing_extensions import override

from qlue_console.dispatch.directory import DirectoryRow
from qlue_console.gui.dispatch.labels import OVERDUE_BACKGROUND, OVERDUE_RED, kind_text

COL_HANDLE, COL_NAME, COL_KIND, COL_AREA, COL_AGENCY, COL_ACTIVE, COL_OPEN, COL_OVERDUE = range(8)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_HEADERS = (
    QT_TRANSLATE_NOOP("DirectoryModel", "Handle"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Name"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Kind"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Area"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Agency"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Active"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Open"),
    QT_TRANSLATE_NOOP("DirectoryModel", "Overdue"),
)

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the root: a table's rows have no parent


class DirectoryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DirectoryRow] = []

    def set_rows(self, rows: Sequence[DirectoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DirectoryRow:
        return self._rows[row]

    @override
    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DirectoryModel", str(_HEADERS[section]))
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_OVERDUE and row.overdue_mentions:
                return QBrush(QColor(OVERDUE_RED))
            if not row.active:
                return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue_mentions:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and column == COL_OVERDUE and row.overdue_mentions:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_OPEN, COL_OVERDUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue_mentions:
            return self.tr("%n mention(s) past their due time", "", row.overdue_mentions)
        return None

    def _display(self, row: DirectoryRow, column: int) -> str:
        if column == COL_HANDLE:
            return "@" + row.handle
        if column == COL_NAME:
            return row.display_name
        if column == COL_KIND:
            return kind_text(row.kind, row.is_head)
        if column == COL_AREA:
            return row.area_name or ""
        if column == COL_AGENCY:
            return row.agency_name or ""
        if column == COL_ACTIVE:
            return self.tr("yes") if row.active else self.tr("no")
        if column == COL_OPEN:
            return str(row.open_mentions)
        if column == COL_OVERDUE:
            return f"⚠ {row.overdue_mentions}" if row.overdue_mentions else "0"
        return ""

    @staticmethod
    def _sort_key(row: DirectoryRow, column: int):
        return (
            row.handle,
            row.display_name.lower(),
            row.kind,
            row.area_name or "",
            row.agency_name or "",
            int(row.active),
            row.open_mentions,
            row.overdue_mentions,
        )[column]
