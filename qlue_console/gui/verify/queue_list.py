"""The verifier's queue on the left: the pending follow-ups riskiest first, their count, and
the selection that chooses the follow-up shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from qlue_console.gui.forms import child
from qlue_console.gui.header_fit import fit_titles
from qlue_console.gui.i18n import fill
from qlue_console.gui.verify.queue_model import (
    COL_CATEGORY,
    COL_CHECKS,
    COL_OFFICIAL,
    COL_PLACE,
    COL_REPORT,
    COL_RISK,
    COL_SUBMITTED,
    VerifyQueueModel,
)
from qlue_console.verify.queue import PendingItem

QUEUE_LIMIT = 500  # the riskiest this many are shown
_WIDTHS = (
    (COL_RISK, 42),
    (COL_REPORT, 56),
    (COL_OFFICIAL, 150),
    (COL_CHECKS, 190),
    (COL_PLACE, 130),
    (COL_CATEGORY, 120),
    (COL_SUBMITTED, 120),
)


class QueueList(QObject):
    selected = Signal(int)  # the follow-up id of the row made current

    def __init__(self, form: QWidget, language: str) -> None:
        super().__init__(form)
        self.view = child(form, QTableView, "queueView")
        self._count = child(form, QLabel, "queueCountLabel")
        self.model = VerifyQueueModel(language, self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in _WIDTHS:
            header.resizeSection(col, width)
        fit_titles(self.view)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def set_rows(self, rows: Sequence[PendingItem], keep: int | None) -> bool:
        """Shows ``rows`` and makes ``keep``'s row current (else the first); False if empty."""
        self.model.set_rows(rows)
        total = len(rows)
        self._count.setText(
            fill(self.tr("%1 follow-ups waiting"), str(total))
            if total < QUEUE_LIMIT
            else fill(self.tr("the %1 riskiest shown"), str(total))
        )
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and total:
            row = 0
        if row >= 0:
            self.select_row(row, keep)
        return total > 0

    def remove(self, follow_up_id: int) -> bool:
        """Takes a decided follow-up out and makes its neighbour current; False if none is left."""
        row = self.model.remove(follow_up_id)
        self.view.setFocus()
        count = self.model.rowCount()
        self._count.setText(fill(self.tr("%1 follow-ups waiting"), str(count)))
        if count:
            self.select_row(min(max(row, 0), count - 1), None)
        return count > 0

    def select_row(self, row: int, shown: int | None) -> None:
        """Makes ``row`` current, unless it is current already and shows ``shown``."""
        pending = self.model.row_at(row)
        if pending is None:
            return
        index = self.model.index(row, 0)
        selection = self.view.selectionModel()
        if selection.currentIndex().row() == row and shown == pending.follow_up_id:
            return
        selection.setCurrentIndex(
            index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def current_id(self) -> int | None:
        pending = self.model.row_at(self.view.currentIndex().row())
        return pending.follow_up_id if pending is not None else None

    def contains(self, follow_up_id: int) -> bool:
        return self.model.row_of(follow_up_id) >= 0

    def ids_after(self, follow_up_id: int, count: int) -> list[int]:
        """The follow-ups in the ``count`` rows after ``follow_up_id`` (after the current row
        when it has left the queue)."""
        row = self.model.row_of(follow_up_id)
        if row < 0:
            row = self.view.currentIndex().row()
        after = (self.model.row_at(row + ahead) for ahead in range(1, count + 1))
        ids = []
        for pending in after:
            if pending is None:
                break
            ids.append(pending.follow_up_id)
        return ids

    def focus(self) -> None:
        self.view.setFocus()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pending = self.model.row_at(current.row()) if current.isValid() else None
        if pending is not None:
            self.selected.emit(pending.follow_up_id)
