"""Qt table models of the Reports workspace: the KPI table (every KPI of every group) and the
league table (ranks with ▲/▼ against last week). Both show ``RankedRow``s of a
``WeeklyReport``; a sort role carries the raw value so sorting is numeric."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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

from qlue_console.reports.labels import COLUMN, fmt_value
from qlue_console.reports.ranking import RankedRow, arrow
from qlue_console.reports.service import value_of

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_NO_PARENT = QModelIndex()  # the root: a table's rows have no parent
UP, DOWN = QColor("#2e7d32"), QColor("#c62828")

# (column code, header); codes are labels.COLUMNS' (the exports' columns).
KPI_COLUMNS: tuple[tuple[str, object], ...] = (
    ("name", QT_TRANSLATE_NOOP("ReportsModel", "Name")),
    ("received", QT_TRANSLATE_NOOP("ReportsModel", "Received")),
    ("duplicates", QT_TRANSLATE_NOOP("ReportsModel", "Duplicates")),
    ("rejected", QT_TRANSLATE_NOOP("ReportsModel", "Rejected")),
    ("dispatched", QT_TRANSLATE_NOOP("ReportsModel", "Dispatched")),
    ("followed_up", QT_TRANSLATE_NOOP("ReportsModel", "Followed up")),
    ("verified", QT_TRANSLATE_NOOP("ReportsModel", "Verified")),
    ("proofs_rejected", QT_TRANSLATE_NOOP("ReportsModel", "Proofs rejected")),
    ("reopened", QT_TRANSLATE_NOOP("ReportsModel", "Reopened")),
    ("backlog", QT_TRANSLATE_NOOP("ReportsModel", "Backlog")),
    ("overdue", QT_TRANSLATE_NOOP("ReportsModel", "Overdue")),
    ("triage_median_h", QT_TRANSLATE_NOOP("ReportsModel", "Triage median (h)")),
    ("triage_p90_h", QT_TRANSLATE_NOOP("ReportsModel", "Triage p90 (h)")),
    ("response_median_h", QT_TRANSLATE_NOOP("ReportsModel", "Response median (h)")),
    ("response_p90_h", QT_TRANSLATE_NOOP("ReportsModel", "Response p90 (h)")),
    ("close_median_h", QT_TRANSLATE_NOOP("ReportsModel", "Close median (h)")),
    ("close_p90_h", QT_TRANSLATE_NOOP("ReportsModel", "Close p90 (h)")),
    ("sla_compliance", QT_TRANSLATE_NOOP("ReportsModel", "SLA met")),
    ("proof_rejection_rate", QT_TRANSLATE_NOOP("ReportsModel", "Proof rejection rate")),
    ("reopen_rate", QT_TRANSLATE_NOOP("ReportsModel", "Reopen rate")),
    ("reused_proof_rate", QT_TRANSLATE_NOOP("ReportsModel", "Reused-proof rate")),
    ("recurrence_rate", QT_TRANSLATE_NOOP("ReportsModel", "Recurrence rate")),
    ("forwarding_rate", QT_TRANSLATE_NOOP("ReportsModel", "Forwarding rate")),
    ("response_rate", QT_TRANSLATE_NOOP("ReportsModel", "Response rate")),
)

LEAGUE_COLUMNS: tuple[tuple[str, object], ...] = (
    ("rank_normalised", QT_TRANSLATE_NOOP("ReportsModel", "Rank")),
    ("change_normalised", QT_TRANSLATE_NOOP("ReportsModel", "vs last week")),
    ("name", QT_TRANSLATE_NOOP("ReportsModel", "Name")),
    ("score_normalised", QT_TRANSLATE_NOOP("ReportsModel", "Score")),
    ("performance", QT_TRANSLATE_NOOP("ReportsModel", "Performance")),
    ("received", QT_TRANSLATE_NOOP("ReportsModel", "Received")),
    ("response_rate", QT_TRANSLATE_NOOP("ReportsModel", "Response rate")),
    ("sla_compliance", QT_TRANSLATE_NOOP("ReportsModel", "SLA met")),
    ("proof_rejection_rate", QT_TRANSLATE_NOOP("ReportsModel", "Proof rejection rate")),
    ("reopen_rate", QT_TRANSLATE_NOOP("ReportsModel", "Reopen rate")),
    ("reused_proof_rate", QT_TRANSLATE_NOOP("ReportsModel", "Reused-proof rate")),
    ("recurrence_rate", QT_TRANSLATE_NOOP("ReportsModel", "Recurrence rate")),
    ("rank_raw", QT_TRANSLATE_NOOP("ReportsModel", "Raw rank")),
    ("change_raw", QT_TRANSLATE_NOOP("ReportsModel", "Raw vs last week")),
    ("score_raw", QT_TRANSLATE_NOOP("ReportsModel", "Raw score")),
)

_KIND = {"performance": "rate"}


def _tr(text: object) -> str:
    """The translation of a source text (QT_TRANSLATE_NOOP gives it back typed ``object``)."""
    return QCoreApplication.translate("ReportsModel", str(text))


class RankedTableModel(QAbstractTableModel):
    """Rows of one grouping; ``columns`` decides which KPIs show."""

    def __init__(self, columns: Sequence[tuple[str, object]], language: str, parent=None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._language = language
        self._rows: list[RankedRow] = []

    # -- content -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RankedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RankedRow:
        return self._rows[row]

    def column_of(self, code: str) -> int:
        return [c for c, _ in self._columns].index(code)

    def code_at(self, column: int) -> str:
        return self._columns[column][0]

    def kind_of(self, code: str) -> str:
        return _KIND.get(code) or COLUMN[code].kind

    def _value(self, ranked: RankedRow, code: str) -> Any:
        if code == "name" and ranked.row.key is None:
            return _tr(QT_TRANSLATE_NOOP("ReportsModel", "(unassigned)"))
        return value_of(ranked, code, self._language)

    # -- QAbstractTableModel -------------------------------------------------------------------
    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self._columns[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _tr(self._columns[section][1])
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        ranked = self._rows[index.row()]
        code = self._columns[index.column()][0]
        kind = self.kind_of(code)
        value = self._value(ranked, code)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "text":
                return value
            if kind == "change":
                if value is not None:
                    return arrow(value)
                return (
                    "–"
                    if ranked.rank_normalised is None
                    else _tr(QT_TRANSLATE_NOOP("ReportsModel", "new"))
                )
            return fmt_value(kind, value, self._language)
        if role == SORT_ROLE:
            if kind == "text":
                return str(value or "").lower()
            if kind == "rank":  # unranked rows sort after the ranked ones
                return float(value) if value is not None else float("inf")
            return float(value) if value is not None else float("-inf")
        if role == ROW_ROLE:
            return ranked
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and kind == "change" and value:
            return QBrush(UP if value > 0 else DOWN)
        if (
            role == Qt.ItemDataRole.FontRole
            and code in ("rank_normalised", "name")
            and ranked.rank_normalised
        ):
            font = QFont()
            font.setBold(code == "rank_normalised")
            return font
        if role == Qt.ItemDataRole.ToolTipRole and ranked.row.context:
            return ranked.row.context
        return None
