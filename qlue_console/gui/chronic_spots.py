"""The chronic spots list of the triage workspace: the places where reports of one category
keep coming (revision 0030), most reports first, then most that came back after closing. A row
opens as a queue filter (double-click or Enter): ``spot_opened(spot id, caption)``.

The list only shows what it is given (``show_spots``): the workspace fetches the spots once,
through its TaskRunner, for the list and the map's layer alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget
from typing_extensions import override

from qlue_console.data.recurrences import ChronicSpot, RecurrenceSettings
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.map.spot_layer import spot_place

COL_CATEGORY, COL_PLACE, COL_REPORTS, COL_CAME_BACK, COL_LAST = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole
SPOT_ROLE = Qt.ItemDataRole.UserRole + 1  # the spot id, on the category column
_WEIGHT = 100_000  # sort keys: a column's count first, the other count breaks ties


class ChronicSpotsPanel(QObject):
    spot_opened = Signal(int, str)  # spot id, its caption for the filter bar

    def __init__(self, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._language = language
        self.widget = load_form("chronic_spots", parent)
        self._view = child(self.widget, QTableView, "spotsView")
        self._rule = child(self.widget, QLabel, "spotsRuleLabel")
        self._empty = child(self.widget, QLabel, "spotsEmptyLabel")
        self._spots: dict[int, ChronicSpot] = {}
        self._settings: RecurrenceSettings | None = None
        self.model = QStandardItemModel(0, 5, self)
        self.model.setSortRole(SORT_ROLE)
        self._set_titles()
        self._view.setModel(self.model)
        header = self._view.horizontalHeader()
        header.setStretchLastSection(False)
        mode = QHeaderView.ResizeMode
        for column, how in (
            (COL_CATEGORY, mode.Interactive),
            (COL_PLACE, mode.Stretch),
            (COL_REPORTS, mode.ResizeToContents),
            (COL_CAME_BACK, mode.ResizeToContents),
            (COL_LAST, mode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, how)
        self._view.setColumnWidth(COL_CATEGORY, 130)
        self._view.verticalHeader().setDefaultSectionSize(22)
        self._view.sortByColumn(COL_REPORTS, Qt.SortOrder.DescendingOrder)
        self._view.activated.connect(self._activated)
        self.widget.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.LanguageChange:
            self._set_titles()
            if self._settings is not None:
                self._fill(list(self._spots.values()), self._settings)
        return super().eventFilter(watched, event)

    def _set_titles(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Kelurahan / kota"),
                self.tr("Reports"),
                self.tr("Came back"),
                self.tr("Last report"),
            ]
        )

    # -- what it shows ---------------------------------------------------------------------
    def show_spots(self, spots: Sequence[ChronicSpot], settings: RecurrenceSettings) -> None:
        """Replaces the rows (the selected spot stays selected while it is a spot); the same
        spots again change nothing."""
        if settings == self._settings and list(spots) == list(self._spots.values()):
            return
        self._fill(spots, settings)

    def _fill(self, spots: Sequence[ChronicSpot], settings: RecurrenceSettings) -> None:
        selected = self.selected_spot()
        self._settings = settings
        self._spots = {s.id: s for s in spots}
        self._rule.setText(
            fill(
                self.tr("At least %1 reports of one category within %2 m in the last %3 weeks"),
                settings.chronic_k,
                f"{settings.distance_m:g}",
                settings.chronic_weeks,
            )
        )
        self.model.setRowCount(0)
        for s in spots:
            self.model.appendRow(self._row(s))
        header = self._view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._empty.setText(self.tr("No chronic spots now."))
        self._empty.setVisible(not spots)
        if selected is not None:
            self.select_spot(selected)

    def _row(self, s: ChronicSpot) -> list[QStandardItem]:
        def item(text: str, key: object) -> QStandardItem:
            cell = QStandardItem(text)
            cell.setData(key, SORT_ROLE)
            cell.setEditable(False)
            return cell

        category = category_name(self._language, s.category_id, s.category_en)
        place = spot_place(s) or "–"
        cells = [
            item(category, category.casefold()),
            item(place, place.casefold()),
            item(str(s.reports), s.reports * _WEIGHT + s.recurrences),
            item(str(s.recurrences), s.recurrences * _WEIGHT + s.reports),
            item(moment_text(s.last_reported_at), s.last_reported_at.timestamp()),
        ]
        cells[COL_CATEGORY].setData(s.id, SPOT_ROLE)
        for column in (COL_REPORTS, COL_CAME_BACK):
            cells[column].setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        cells[COL_CATEGORY].setToolTip(fill(self.tr("Chronic spot #%1"), s.id))
        cells[COL_PLACE].setToolTip(place)
        return cells

    def spot_ids(self) -> list[int]:
        """The spots in the order the list shows them."""
        return [
            int(self.model.index(row, COL_CATEGORY).data(SPOT_ROLE))
            for row in range(self.model.rowCount())
        ]

    def spot(self, spot_id: int) -> ChronicSpot | None:
        return self._spots.get(spot_id)

    def caption(self, spot_id: int) -> str:
        """How the filter bar names the spot: category, place and reports."""
        s = self._spots.get(spot_id)
        if s is None:
            return fill(self.tr("Chronic spot #%1"), spot_id)
        category = category_name(self._language, s.category_id, s.category_en)
        return fill(
            self.tr("Chronic spot: %1 at %2 (%3 reports)"),
            category,
            s.kelurahan or spot_place(s) or "–",
            s.reports,
        )

    # -- selection and opening -------------------------------------------------------------
    def selected_spot(self) -> int | None:
        rows = self._view.selectionModel().selectedRows(COL_CATEGORY)
        return int(rows[0].data(SPOT_ROLE)) if rows else None

    def select_spot(self, spot_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, COL_CATEGORY)
            if spot_id is not None and index.data(SPOT_ROLE) == spot_id:
                self._view.selectRow(row)
                self._view.scrollTo(index)
                return
        self._view.clearSelection()

    def _activated(self, index: QModelIndex) -> None:
        spot_id = self.model.index(index.row(), COL_CATEGORY).data(SPOT_ROLE)
        if spot_id is not None:
            self.spot_opened.emit(int(spot_id), self.caption(int(spot_id)))

    @property
    def view(self) -> QTableView:
        return self._view
