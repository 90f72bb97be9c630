"""The operator's triage workspace: queue (left), map (center), actions and report detail
(right) — the three panes the README describes.

It wires the panes together: selecting in the queue shows the detail and highlights the
marker; clicking a marker selects the report; the map draws what the queue's filter selects;
live changes update all of them in place. The "Chronic spots" toggle beside the map's layer
selector shows the places where reports keep coming, as circles on the map and as a list beneath
it; a spot clicked on either narrows the queue (and so the map's markers) to its reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.data.map_data import (
    fetch_boundaries,
    fetch_choropleth,
    fetch_encoded_markers,
    fetch_marker_changes,
)
from qlue_console.data.queue import QueueFilter
from qlue_console.data.recurrences import (
    ChronicSpot,
    RecurrenceSettings,
    fetch_chronic_spots,
    fetch_settings,
)
from qlue_console.data.reference import CategoryInfo, fetch_categories
from qlue_console.db.listen import ChangeEvent
from qlue_console.domain.states import LABEL_OF_STATE
from qlue_console.gui.chronic_spots import ChronicSpotsPanel
from qlue_console.gui.detail_pane import DetailPane
from qlue_console.gui.dispatch import DispatchPanel
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import fill
from qlue_console.gui.map.map_view import MapView
from qlue_console.gui.map.page import STATES, PreparedMarkers, prepare_encoded
from qlue_console.gui.queue_pane import QueuePane
from qlue_console.gui.related_reports import RelatedReports
from qlue_console.gui.replies.reply_panel import ReplyPanel
from qlue_console.gui.replies.wiring import add_reply_tab
from qlue_console.gui.triage_actions import TriageActions
from qlue_console.gui.workspaces.base import WorkspaceContext

MAP_MARKER_LIMIT = 100_000
MAP_LABELS = {str(state): label.value for state, label in LABEL_OF_STATE.items()}  # status -> label
MAP_FLUSH_MS = 400
SPOTS_LIST_HEIGHT = 190  # the chronic spots list's first height beneath the map, in pixels


def _map_markers(engine: Engine, flt: QueueFilter, language: str) -> PreparedMarkers:
    """On a worker: the filter's reports as markers, encoded for the page by PostgreSQL (built
    and encoded in Python, 100,000 of them held the interpreter lock, and so the UI thread's
    painting, for more than a second)."""
    found = fetch_encoded_markers(
        engine,
        flt,
        language=language,
        label_of=MAP_LABELS,
        label_order=STATES,
        limit=MAP_MARKER_LIMIT,
    )
    return prepare_encoded(found.titles, found.rows)


def _map_changes(
    engine: Engine, flt: QueueFilter, language: str, ids: Sequence[int]
) -> tuple[PreparedMarkers, list[int]]:
    """On a worker: the map's statement under the queue's filter narrowed to the changed
    reports: the markers to upsert, and the ids to remove."""
    changes = fetch_marker_changes(
        engine, flt, ids, language=language, label_of=MAP_LABELS, label_order=STATES
    )
    return prepare_encoded(changes.markers.titles, changes.markers.rows), changes.gone


def _chronic_spots(engine: Engine) -> tuple[list[ChronicSpot], RecurrenceSettings]:
    """On a worker: the city's chronic spots now, and the rule they were found by."""
    return fetch_chronic_spots(engine), fetch_settings(engine)


def _initial_map_data(
    engine: Engine, flt: QueueFilter, language: str
) -> tuple[dict, PreparedMarkers]:
    return fetch_boundaries(engine), _map_markers(engine, flt, language)


class TriageWorkspace(QObject):
    ready = Signal()  # queue and map are on screen

    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        engine, tasks, language, tile_url = ctx.engine, ctx.tasks, ctx.language, ctx.tile_url
        self._engine, self._tasks, self._language, self._tile_url = (
            engine,
            tasks,
            language,
            tile_url,
        )
        self.widget = load_form("triage_workspace", parent)
        self._splitter = child(self.widget, QSplitter, "paneSplitter")
        self.queue = QueuePane(engine, tasks, language, self.widget)
        self.detail = DetailPane(engine, tasks, language, self.widget)
        self.detail.open_report = self.open_report  # the closed fix's number selects it too
        self.actions = TriageActions(
            engine, tasks, language, self.widget, self.widget, lambda: self.queue.me
        )
        self.related = RelatedReports(engine, tasks, self.widget)
        self.dispatch = DispatchPanel(ctx, self.widget)
        child(self.widget, QWidget, "queueSlot").layout().addWidget(self.queue.widget)
        # the right pane: what to do while no report is open, else the actions and the tabs
        self._side_pages = child(self.widget, QStackedWidget, "sidePages")
        child(self.widget, QWidget, "reportPage").layout().insertWidget(0, self.actions.widget)
        child(self.widget, QPushButton, "emptyNextButton").clicked.connect(self.actions.next_report)
        self._side_pages.setCurrentIndex(0)
        self.side_tabs = child(self.widget, QTabWidget, "sideTabs")
        self.side_tabs.addTab(self.detail.widget, self.tr("Detail"))
        self.side_tabs.addTab(self.related.widget, self.tr("Duplicates"))
        self.side_tabs.addTab(self.dispatch.widget, self.tr("Dispatch"))
        self.reply = ReplyPanel(engine, tasks, language, self.widget)
        self.reply_actions = add_reply_tab(self.widget, self.side_tabs, self.reply, self.dispatch)
        self.reply.message.connect(self._tell)
        self.reply.replied.connect(self._changed_here)
        self.actions.reject_template = self.reply.rejection_template_text
        self._map_slot = child(self.widget, QWidget, "mapArea")
        self._map_loading = child(self.widget, QLabel, "mapLoadingLabel")
        self._map_layer = child(self.widget, QComboBox, "mapLayerSelector")
        self._map_count = child(self.widget, QLabel, "mapCountLabel")
        self.map: MapView | None = None
        self.spots = ChronicSpotsPanel(language, self.widget)
        self._spots_slot = child(self.widget, QWidget, "chronicSpotsSlot")
        self._spots_slot.layout().addWidget(self.spots.widget)
        self._spots_check = child(self.widget, QCheckBox, "chronicSpotsCheck")
        self._spot_data: tuple[list[ChronicSpot], RecurrenceSettings] | None = None
        self._map_splitter = child(self.widget, QSplitter, "mapSplitter")
        self._map_splitter.setStretchFactor(0, 1)
        self._map_splitter.setStretchFactor(1, 0)
        self._spots_sized = False  # the list got its first height (the user may change it)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 4)
        self._splitter.setStretchFactor(2, 2)
        self._splitter.setSizes([540, 620, 420])

        self.queue.report_selected.connect(self._report_selected)
        self.queue.filter_changed.connect(self._filter_changed)
        self.detail.loaded.connect(self._detail_loaded)
        self.actions.changed.connect(self._changed_here)
        self.queue.bulk.changed.connect(self._bulk_changed)
        self.actions.next_claimed.connect(self._next_claimed)
        self.actions.message.connect(self._tell)
        self.queue.message.connect(self._tell)
        self.related.message.connect(self._tell)
        self.dispatch.sent.connect(self.actions.show_dispatched)
        self.related.merge_requested.connect(self.actions.merge_into)
        self.related.open_requested.connect(self.open_report)
        self.dispatch.dispatched.connect(self._changed_here)
        self._map_layer.currentIndexChanged.connect(self._refresh_choropleth)
        self._spots_check.toggled.connect(self._spots_toggled)
        self.spots.spot_opened.connect(self.queue.open_chronic_spot)
        for key, slot in (
            ("M", self.related.merge_selected),
            ("Ctrl+F", self.queue.focus_search),
            ("D", lambda: self.side_tabs.setCurrentIndex(1 - self.side_tabs.currentIndex())),
        ):
            QShortcut(QKeySequence(key), self.widget, slot).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        self._queue_ready = self._map_ready = False
        self._claimed_by_me: dict[int, bool] = {}
        self._map_pending: set[int] = set()
        self._map_generation = (
            0  # counts filter changes: a live answer for an older filter is dropped
        )
        self._map_full = False  # the set shown was cut at MAP_MARKER_LIMIT
        self._map_set_coming = True  # a whole marker set is being fetched: live changes wait for it
        self._map_live_busy = (
            False  # a live question is in flight: the next one waits for its answer
        )
        self._map_flush = QTimer(self, singleShot=True, interval=MAP_FLUSH_MS)
        self._map_flush.timeout.connect(self._flush_map)
        self.queue.first_page_loaded.connect(self._queue_loaded)
        self.queue.load_first_page()
        self._tasks.run(
            fetch_categories, engine, on_done=self._categories_loaded
        )  # once, for both panes
        self._map_filter = self.queue.current_filter()  # the filter of the markers fetched last
        self._tasks.run(
            _initial_map_data,
            engine,
            self._map_filter,
            language,
            on_done=self._build_map,
            on_error=lambda e: self._map_loading.setText(
                fill(self.tr("The map could not be loaded: %1"), str(e).splitlines()[0])
            ),
        )

    def _categories_loaded(self, categories: list[CategoryInfo]) -> None:
        self.queue.fill_categories(categories)
        self.actions.fill_categories(categories)

    # -- map -------------------------------------------------------------------------------
    def _build_map(self, data: tuple[dict, PreparedMarkers]) -> None:
        boundaries, markers = data
        self.map = MapView(self._map_slot, boundaries=boundaries, tile_url=self._tile_url)
        self._map_loading.hide()
        self._map_slot.layout().addWidget(self.map, 1)
        self.map.report_clicked.connect(self._marker_clicked)
        self.map.ready.connect(self._map_loaded)
        self.map.markers_drawn.connect(self._show_map_count)
        self.map.spot_clicked.connect(self._spot_clicked)
        self.map.set_active_spot(self.queue.current_filter().chronic_spot)
        if self._spots_check.isChecked() and self._spot_data is not None:
            self._show_spots(self._spot_data)
        self._show_markers(markers)
        if self.queue.current_filter() != self._map_filter:  # changed while the map was loading
            self._filter_changed(self.queue.current_filter())

    def _show_markers(self, markers: PreparedMarkers) -> None:
        if self.map is None:
            return
        self._map_full = len(markers) >= MAP_MARKER_LIMIT
        self._map_set_coming = False
        self.map.set_markers(markers)
        if self._map_pending:  # changed while the set was fetched: it may hold them as they were
            self._map_flush.start()

    def _show_map_count(self, count: int) -> None:
        """The markers the page shows, as it reports after drawing each change."""
        text = self.tr("%n report(s) on the map", "", count)
        if self._map_full:
            text += " " + fill(self.tr("(the newest %1)"), str(MAP_MARKER_LIMIT))
        self._map_count.setText(text)

    def map_count_text(self) -> str:
        """What the map's count says (empty until the page has drawn its markers)."""
        return self._map_count.text()

    def _filter_changed(self, flt: QueueFilter) -> None:
        self._map_generation += 1
        self.spots.select_spot(flt.chronic_spot)
        if self.map is not None:
            self.map.set_active_spot(flt.chronic_spot)
            self._map_filter, self._map_set_coming = flt, True
            self._tasks.run(
                _map_markers,
                self._engine,
                flt,
                self._language,
                channel="map-markers",
                on_done=self._show_markers,
                on_error=self._map_set_failed,
            )

    def _map_set_failed(self, error: Exception) -> None:
        self._map_set_coming = False
        self._tell(fill(self.tr("The map could not be updated: %1"), str(error).splitlines()[0]))

    def _refresh_choropleth(self, *_args) -> None:
        if self.map is None:
            return
        layer = self._map_layer.currentIndex()
        if layer == 0:
            self.map.set_choropleth(None, "")
            return
        measure = "open" if layer == 1 else "overdue"
        title, view = self._map_layer.currentText(), self.map
        self._tasks.run(
            fetch_choropleth,
            self._engine,
            measure,
            channel="choropleth",
            coalesce=True,
            on_done=lambda values: view.set_choropleth(values, title),
        )

    # -- chronic spots ---------------------------------------------------------------------
    def _spots_toggled(self, on: bool) -> None:
        self._spots_slot.setVisible(on)
        if on and not self._spots_sized:
            # The map keeps most of the height; the list a third at most.
            self._spots_sized = True
            total = max(self._map_splitter.height(), 300)
            below = min(SPOTS_LIST_HEIGHT, total // 3)
            self._map_splitter.setSizes([total - below, below])
        if on:
            self._refresh_spots()
        elif self.map is not None:
            self.map.set_chronic_spots(None)

    def chronic_spots_shown(self) -> bool:
        return self._spots_check.isChecked()

    def show_chronic_spots(self, on: bool = True) -> None:
        """Turns the chronic spots (the map's layer and the list) on or off, as the toggle does."""
        self._spots_check.setChecked(on)

    def _refresh_spots(self) -> None:
        if not self._spots_check.isChecked():
            return
        self._tasks.run(
            _chronic_spots,
            self._engine,
            channel="chronic-spots",
            coalesce=True,
            on_done=self._show_spots,
            on_error=lambda e: self._tell(
                fill(self.tr("The chronic spots could not be read: %1"), str(e).splitlines()[0])
            ),
        )

    def _show_spots(self, data: tuple[list[ChronicSpot], RecurrenceSettings]) -> None:
        self._spot_data = data
        if not self._spots_check.isChecked():
            return
        spots, settings = data
        self.spots.show_spots(spots, settings)
        self.spots.select_spot(self.queue.current_filter().chronic_spot)
        if self.map is not None:
            self.map.set_chronic_spots(spots, weeks=settings.chronic_weeks, language=self._language)

    def _spot_clicked(self, spot_id: int) -> None:
        """Opens the spot where its reports are: the working queue while one is open, the
        archive when every one is closed."""
        spot = self.spots.spot(spot_id)
        archive = spot is not None and spot.open_reports == 0
        self.queue.open_chronic_spot(spot_id, self.spots.caption(spot_id), archive=archive)
        if spot is not None and self.map is not None:
            self.map.show_place(spot.lat, spot.lon)

    def _map_loaded(self) -> None:
        self._map_ready = True
        self._check_ready()

    def _queue_loaded(self) -> None:
        self._queue_ready = True
        self._check_ready()

    def _check_ready(self) -> None:
        if self._queue_ready and self._map_ready:
            self.ready.emit()

    # -- selection -------------------------------------------------------------------------
    def _marker_clicked(self, report_id: int) -> None:
        self.open_report(report_id)

    def open_report(self, report_id: int) -> None:
        """Selects the report in the queue when it is there; shows its detail in any case."""
        if not self.queue.select_report(report_id):
            self._report_selected(report_id)

    def _next_claimed(self, report_id: int) -> None:
        """The report "Next" claimed: open on the right at once, and selected in the queue
        (the queue pages down to it, or clears its filters, when it is not in view)."""
        self.reveal_report(report_id)

    def reveal_report(self, report_id: int) -> None:
        """Opens a report on the right and reveals it in the queue (a handover's, the palette's)."""
        if self.detail.report_id != report_id:
            self._report_selected(report_id)
        self.queue.reveal_report(report_id)

    def has_open_report(self) -> bool:
        return self._side_pages.currentIndex() == 1

    def _report_selected(self, report_id: int) -> None:
        self._side_pages.setCurrentIndex(1)
        if self.detail.detail is not None and self.detail.detail.id == report_id:
            self.detail.refresh()
        else:
            self.detail.show_report(report_id)
        self.related.show_for(report_id)
        self.dispatch.set_report(report_id)
        self.reply.set_report(report_id)
        if self.map is not None:
            self.map.select_report(report_id)

    def _detail_loaded(self, report_id: int) -> None:
        detail = self.detail.detail
        me = self.queue.me
        held_before = self._claimed_by_me.get(report_id, False)
        held_now = detail is not None and detail.claimed_by == me
        self._claimed_by_me = {report_id: held_now}
        if held_before and not held_now and detail is not None and detail.timeline:
            last = detail.timeline[-1]
            if last.kind == "released" and last.payload.get("broken"):
                QMessageBox.information(
                    self.widget,
                    self.tr("Claim broken"),
                    fill(self.tr("%1 broke your claim on report #%2."), last.actor, str(report_id)),
                )
        self.actions.set_detail(detail)

    def _changed_here(self, report_id: int) -> None:
        if self.detail.report_id == report_id:
            self.detail.refresh()

    def _bulk_changed(self, report_ids: list[int]) -> None:
        if self.detail.report_id in report_ids:
            self.detail.refresh()

    def _tell(self, text: str) -> None:
        window = self.widget.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 5000)

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        self.queue.apply_changes(events)
        ids = sorted({e.report_id for e in events})
        # the map takes live changes in batches, at most a few times a second: each batch is one
        # redraw of a canvas that may hold 100,000 markers
        self._map_pending.update(ids)
        if not self._map_flush.isActive():
            self._map_flush.start()
        if self.detail.report_id in ids:
            self.detail.refresh()
        if self.dispatch.report_id in ids:
            self.dispatch.refresh()
        if self.reply.report_id in ids:
            self.reply.refresh()
        if self._map_layer.currentIndex() != 0:
            self._refresh_choropleth()
        self._refresh_spots()

    def _flush_map(self) -> None:
        if self.map is None or self._map_set_coming or self._map_live_busy:
            return  # flushed once the set is shown, or the answer in flight has come
        ids, self._map_pending = sorted(self._map_pending), set()
        if ids:
            generation, self._map_live_busy = self._map_generation, True
            self._tasks.run(
                _map_changes,
                self._engine,
                self._map_filter,
                self._language,
                ids,
                on_done=lambda result: self._markers_changed(generation, result),
                on_error=self._live_failed,
            )

    def _live_failed(self, error: Exception) -> None:
        self._live_answered()
        self._tell(fill(self.tr("The map could not be updated: %1"), str(error).splitlines()[0]))

    def _live_answered(self) -> None:
        # One live question at a time: two in flight could be answered out of order.
        self._map_live_busy = False
        if self._map_pending and not self._map_flush.isActive():
            self._map_flush.start()

    def _markers_changed(self, generation: int, result: tuple[PreparedMarkers, list[int]]) -> None:
        """The map's own question asked again for the changed reports: the ones it returns are
        upserted, the others no longer belong on the map. An answer for an earlier filter is
        dropped (the markers of the new filter are on their way, or already shown)."""
        self._live_answered()
        if self.map is None or generation != self._map_generation:
            return
        markers, gone = result
        self.map.upsert_markers(markers)
        self.map.remove_markers(gone)
