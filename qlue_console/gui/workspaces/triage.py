"""The operator's triage workspace: queue (left), map (center), report detail (right).

It wires the three panes together: selecting in the queue shows the detail and highlights the
marker; clicking a marker selects the report; live changes update all three in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QWidget
from sqlalchemy import Engine

from qlue_console.data.map_data import MarkerRow, fetch_boundaries, fetch_markers, fetch_markers_by_ids
from qlue_console.db.listen import ChangeEvent
from qlue_console.domain.states import label_of
from qlue_console.gui.detail_pane import DetailPane
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name
from qlue_console.gui.map.map_view import MapView
from qlue_console.gui.map.page import MapMarker
from qlue_console.gui.queue_pane import QueuePane
from qlue_console.gui.tasks import TaskRunner


def _initial_map_data(engine: Engine) -> tuple[dict, list[MarkerRow]]:
    return fetch_boundaries(engine), fetch_markers(engine)


class TriageWorkspace(QObject):
    ready = Signal()   # queue, map and (when a report is selected) detail are on screen

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, tile_url: str | None,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language, self._tile_url = engine, tasks, language, tile_url
        self.widget = load_form("triage_workspace", parent)
        self._splitter = child(self.widget, QSplitter, "paneSplitter")
        self.queue = QueuePane(engine, tasks, language, self.widget)
        self.detail = DetailPane(engine, tasks, language, self.widget)
        child(self.widget, QWidget, "queueSlot").layout().addWidget(self.queue.widget)
        child(self.widget, QWidget, "detailSlot").layout().addWidget(self.detail.widget)
        self._map_slot = child(self.widget, QWidget, "mapSlot")
        self._map_loading = child(self.widget, QLabel, "mapLoadingLabel")
        self.map: MapView | None = None
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 4)
        self._splitter.setStretchFactor(2, 2)
        self._splitter.setSizes([520, 640, 380])

        self.queue.report_selected.connect(self._report_selected)
        self._queue_ready = self._map_ready = False
        self.queue.first_page_loaded.connect(self._queue_loaded)
        self.queue.load_first_page()
        self._tasks.run(_initial_map_data, engine, on_done=self._build_map,
                        on_error=lambda e: self._map_loading.setText(
                            self.tr("The map could not be loaded: %1").replace("%1", str(e).splitlines()[0])))

    # -- map -------------------------------------------------------------------------------
    def _marker(self, row: MarkerRow) -> MapMarker:
        return MapMarker(report_id=row.report_id, lat=row.lat, lon=row.lon, state_label=label_of(row.status).value,
                         priority=row.priority, overdue=row.overdue,
                         title=category_name(self._language, row.category_id, row.category_en), text=row.excerpt)

    def _build_map(self, data: tuple[dict, list[MarkerRow]]) -> None:
        boundaries, markers = data
        self.map = MapView(self._map_slot, boundaries=boundaries, tile_url=self._tile_url)
        self._map_loading.hide()
        self._map_slot.layout().addWidget(self.map)
        self.map.report_clicked.connect(self._marker_clicked)
        self.map.ready.connect(self._map_loaded)
        self.map.set_markers([self._marker(m) for m in markers])

    def _map_loaded(self) -> None:
        self._map_ready = True
        self._check_ready()

    def _queue_loaded(self) -> None:
        self._queue_ready = True
        self._check_ready()

    def _check_ready(self) -> None:
        if self._queue_ready and self._map_ready:
            self.ready.emit()

    def _marker_clicked(self, report_id: int) -> None:
        if not self.queue.select_report(report_id):
            self.detail.show_report(report_id)

    def _report_selected(self, report_id: int) -> None:
        self.detail.show_report(report_id)
        if self.map is not None:
            self.map.select_report(report_id)

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        self.queue.apply_changes(events)
        ids = sorted({e.report_id for e in events})
        self._tasks.run(fetch_markers_by_ids, self._engine, ids, on_done=self._markers_changed)
        if self.detail.report_id in ids:
            self.detail.refresh()

    def _markers_changed(self, rows: list[MarkerRow]) -> None:
        if self.map is None:
            return
        for row in rows:
            if row.status in ("rejected", "duplicate"):
                self.map.remove_marker(row.report_id)
            else:
                self.map.upsert_marker(self._marker(row))
