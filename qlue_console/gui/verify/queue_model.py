"""The verifier's queue as a table model: one row per pending follow-up, riskiest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from typing_extensions import override

from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.verify.labels import check_name, check_result
from qlue_console.verify.queue import PendingItem

# The columns a supervisor needs to pick first: how risky, which report, who, why.
COL_RISK, COL_REPORT, COL_OFFICIAL, COL_CHECKS, COL_PLACE, COL_CATEGORY, COL_SUBMITTED = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Risk"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Report"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Official"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Checks to look at"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Kelurahan"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Category"),
    QT_TRANSLATE_NOOP("VerifyQueueModel", "Posted"),
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def risk_colour(risk: float | None) -> QColor:
    if risk is None:
        return QColor("#9e9e9e")
    if risk >= 70:
        return QColor("#c62828")
    if risk >= 40:
        return QColor("#ef6c00")
    if risk >= 15:
        return QColor("#f9a825")
    return QColor("#2e7d32")


def checks_to_look_at(item: PendingItem) -> str:
    """The checks that make up the risk: the failed ones first, then the warnings
    ("Near the report: Fail · Location in EXIF: Warning")."""
    return " · ".join(
        [check_result(c, "fail") for c in item.failing]
        + [check_result(c, "warn") for c in item.warning]
    )


_ROOT = QModelIndex()  # the invisible root: the default parent of a flat table


class VerifyQueueModel(QAbstractTableModel):
    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[PendingItem] = []

    def set_rows(self, rows: Sequence[PendingItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PendingItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, follow_up_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.follow_up_id == follow_up_id), -1)

    def remove(self, follow_up_id: int) -> int:
        """Removes a follow-up's row; returns where it was (-1 if absent)."""
        row = self.row_of(follow_up_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        return row

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(HEADERS[section]))
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_RISK:
                return "–" if r.risk is None else f"{r.risk:.0f}"
            if col == COL_REPORT:
                return f"#{r.report_id}"
            if col == COL_CATEGORY:
                return category_name(self._language, r.category_id, r.category_en)
            if col == COL_PLACE:
                return r.kelurahan or "–"
            if col == COL_OFFICIAL:
                return f"@{r.official}"
            if col == COL_SUBMITTED:
                return moment_text(r.submitted_at)
            if col == COL_CHECKS:
                if r.risk is None:
                    return self.tr("not checked yet")
                return checks_to_look_at(r) or "–"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_RISK:
                return QBrush(QColor("white"))
            if col == COL_CHECKS and r.failing:
                return QBrush(QColor("#a61b1b"))
            if col == COL_CHECKS and r.warning:
                return QBrush(QColor("#8a5300"))
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_RISK:
            return QBrush(risk_colour(r.risk))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RISK:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_OFFICIAL:
                return plain_tooltip(r.official_name)
            if col == COL_CHECKS and (r.failing or r.warning):
                lines = []
                if r.failing:
                    lines.append(
                        fill(self.tr("Failing: %1"), ", ".join(check_name(c) for c in r.failing))
                    )
                if r.warning:
                    lines.append(
                        fill(self.tr("Warnings: %1"), ", ".join(check_name(c) for c in r.warning))
                    )
                return "\n".join(lines)
        return None
