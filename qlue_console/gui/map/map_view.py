"""The map pane: a QWebEngineView showing the folium page, kept up to date over QWebChannel.

The page is built once (``page.build_page``) and written to a file, since with the kelurahan it
is larger than ``setHtml`` takes. Python holds the state (markers by report id, the selection,
the choropleth); the page mirrors it. Calls made before the page is ready only change the
state, which is sent as a whole when the page reports ready — and again if the page ever has
to be reloaded (a crashed renderer), so nothing is lost and nothing is sent twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    QTemporaryDir,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from qlue_console.data.recurrences import ChronicSpot
from qlue_console.domain.states import COLOUR_OF_LABEL, Label
from qlue_console.gui.labels import priority_text
from qlue_console.gui.map.bridge import MapBridge
from qlue_console.gui.map.page import (
    BOUNDARY_STYLE,
    MARKER_ROW,
    MARKER_TEXT,
    MARKER_TITLES,
    STATES,
    PreparedMarkers,
    batch_json,
    build_page,
    choropleth_classes,
    marker_styles,
    to_json,
    write_page,
)
from qlue_console.gui.map.spot_layer import ACTIVE_SPOT_OUTLINE, SPOT_OUTLINE
from qlue_console.gui.map.spot_texts import SpotLayerTexts

log = logging.getLogger(__name__)

LEGEND_FOLDED_KEY = "map/legendFolded"


class _MapPage(QWebEnginePage):
    """Stays on the map: links (attribution) open in the system browser, never in the pane."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.home: QUrl | None = None

    @override
    def acceptNavigationRequest(self, url: QUrl | str, nav_type, is_main_frame: bool) -> bool:
        url = QUrl(url)
        if not is_main_frame or (
            self.home is not None and url.isLocalFile() and url.path() == self.home.path()
        ):
            return True
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in (
            "http",
            "https",
        ):
            QDesktopServices.openUrl(url)
        return False

    @override
    def createWindow(self, _type):
        return None

    @override
    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.error("map page: %s (%s:%d)", message, source, line)
        else:
            log.debug("map page: %s (%s:%d)", message, source, line)


class MapView(QWidget):
    """Reports over the kelurahan of Jakarta.

    Signals: ``ready()`` when the page and its channel are up, ``report_clicked(int)`` when the
    user clicks a marker, ``markers_drawn(int)`` after the page has drawn a marker change (with
    the number of markers it now shows), ``spot_clicked(int)`` when the user clicks a chronic
    spot, ``spots_drawn(int)`` after the page has drawn the spots (how many; -1: layer off).
    """

    ready = Signal()
    report_clicked = Signal(int)
    markers_drawn = Signal(int)
    spot_clicked = Signal(int)
    spots_drawn = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        boundaries: dict | None = None,
        tile_url: str | None = None,
        tile_attribution: str | None = None,
        center: tuple[float, float] = (-6.2, 106.83),
        zoom: int = 11,
        cache_dir: str | Path | None = None,
    ):
        super().__init__(parent)
        self._markers: dict[int, tuple] = {}  # page.EncodedMarker tuples, untracked by the GC
        self._batch_json = '{"titles":[],"rows":[]}'  # what the last set_markers sends, encoded
        self._batch_stale = False  # markers changed since it was encoded
        self._selected: int | None = None
        self._choropleth: tuple[dict[str, int], str] | None = None
        self._spots: tuple[tuple[ChronicSpot, ...], int, str] | None = None  # spots, weeks, lang
        self._active_spot: int | None = None
        self._spot_texts = SpotLayerTexts(self)
        self._ready = False
        self._page_count = 0
        self._seq = 0
        self._sent_at: dict[int, float] = {}
        self._last_applied: tuple[float, float] | None = None
        self._loads = 0

        self._view = QWebEngineView(self)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._page = _MapPage(self._view)
        settings = self._page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, bool(tile_url)
        )
        self._view.setPage(self._page)

        self._bridge = MapBridge(self._text_of, self)
        self._bridge.page_ready.connect(self._page_ready)
        self._bridge.marker_clicked.connect(self.report_clicked)
        self._bridge.applied.connect(self._applied)
        self._bridge.legend_folded.connect(self._remember_legend)
        self._bridge.spot_clicked.connect(self.spot_clicked)
        self._bridge.spots_applied.connect(self.spots_drawn)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("qlueBridge", self._bridge)
        self._page.setWebChannel(self._channel)
        self._page.loadStarted.connect(self._load_started)
        self._page.renderProcessTerminated.connect(self._renderer_gone)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self.setFocusProxy(self._view)

        html = build_page(
            boundaries=boundaries,
            tile_url=tile_url,
            tile_attribution=tile_attribution,
            boundaries_attribution=self.tr(
                "Boundaries © OCHA/BPS, CC BY-IGO 3.0 · codes Kemendagri"
            )
            if boundaries is not None
            else None,
            center=center,
            zoom=zoom,
        )
        if cache_dir is None:
            self._tmp = QTemporaryDir()
            if not self._tmp.isValid():
                raise OSError(f"no temporary folder for the map page: {self._tmp.errorString()}")
            cache_dir = self._tmp.path()
        self._page_file = write_page(cache_dir, html)
        url = QUrl.fromLocalFile(str(self._page_file))
        self._page.home = url
        self._view.load(url)

    # -- public API ------------------------------------------------------------------------
    def is_ready(self) -> bool:
        return self._ready

    def marker_count(self) -> int:
        """How many markers the page shows (as it last reported)."""
        return self._page_count

    def page_file(self) -> Path:
        return self._page_file

    @property
    def view(self) -> QWebEngineView:
        return self._view

    def legend_folded(self) -> bool:
        """Whether the legend is folded to its title (the user's choice, remembered)."""
        value = QSettings().value(LEGEND_FOLDED_KEY, False)
        return value in (True, "true", "1", 1)

    def load_count(self) -> int:
        """How many times the page has been loaded (1 unless the renderer had to be restarted)."""
        return self._loads

    def last_update_timing(self) -> tuple[float, float] | None:
        """(seconds from the call to the page reporting it drawn, ms spent in the page) of the
        last marker change."""
        return self._last_applied

    def set_markers(self, markers: PreparedMarkers) -> None:
        """Replaces every marker (one batch over the channel). The set comes encoded by
        PostgreSQL and prepared on a worker (``page.prepare_encoded``): nothing is encoded on
        the UI thread."""
        t0 = time.perf_counter()
        self._markers = dict(markers.by_id)
        self._batch_json, self._batch_stale = markers.batch_json, False
        if self._ready:
            self._send_set(t0)

    def upsert_markers(self, markers: PreparedMarkers) -> None:
        """Adds or moves/recolours several markers in one command (one redraw of the page; the
        page is not reloaded)."""
        if not len(markers):
            return
        t0 = time.perf_counter()
        self._markers.update(markers.by_id)
        self._batch_stale = True
        if self._ready:
            self._send_batch("upsert", markers.batch_json, t0)

    def remove_markers(self, report_ids: Sequence[int]) -> None:
        t0 = time.perf_counter()
        gone = [int(i) for i in report_ids if self._markers.pop(int(i), None) is not None]
        self._batch_stale = self._batch_stale or bool(gone)
        if gone and self._ready:
            self._send({"op": "remove", "ids": gone}, t0)

    def report_ids(self) -> set[int]:
        """The reports the map holds (what the page shows once it has drawn the last change)."""
        return set(self._markers)

    def select_report(self, report_id: int | None) -> None:
        """Highlights the report's marker and pans the map to it (None clears the selection)."""
        self._selected = None if report_id is None else int(report_id)
        if self._ready:
            self._send({"op": "select", "id": self._selected, "pan": True})

    def set_choropleth(self, values: Mapping[str, int] | None, title: str = "") -> None:
        """Colours the kelurahan by ``values`` (kelurahan code → count) with a legend titled
        ``title``; None hides it."""
        self._choropleth = (
            None if values is None else ({str(k): int(v) for k, v in values.items()}, title)
        )
        if self._ready:
            self._send(self._choropleth_command())

    def set_chronic_spots(
        self, spots: Sequence[ChronicSpot] | None, *, weeks: int = 8, language: str = "id"
    ) -> None:
        """Draws the chronic spots (a circle each: size by reports, darker as more came back;
        ``weeks``: the period they count over, for the tooltip); None hides the layer."""
        state = None if spots is None else (tuple(spots), int(weeks), language)
        if state == self._spots:
            return  # a live refresh that changed nothing: the page keeps its tooltip open
        self._spots = state
        if self._ready:
            self._send(self._spots_command())

    def set_active_spot(self, spot_id: int | None) -> None:
        """Outlines the spot the queue is filtered to (None: no spot)."""
        if spot_id == self._active_spot:
            return
        self._active_spot = spot_id
        if self._ready and self._spots is not None:
            self._send(self._spots_command())

    def show_place(self, lat: float, lon: float) -> None:
        """Brings a place into view, close enough to tell its reports apart (a chronic spot
        opened from its list)."""
        if self._ready:
            self._send({"op": "place", "lat": float(lat), "lon": float(lon), "zoom": 16})

    def chronic_spots(self) -> tuple[ChronicSpot, ...] | None:
        """The spots the layer holds (None: the layer is off)."""
        return None if self._spots is None else self._spots[0]

    # -- the page --------------------------------------------------------------------------
    def _spots_command(self) -> dict:
        if self._spots is None:
            return self._spot_texts.command(None, weeks=0, language="", active=None)
        spots, weeks, language = self._spots
        return self._spot_texts.command(
            spots, weeks=weeks, language=language, active=self._active_spot
        )

    def _text_of(self, report_id: int) -> str:
        marker = self._markers.get(report_id)
        return marker[MARKER_TEXT] if marker is not None else ""

    def _send_set(self, t0: float) -> None:
        """The ``set`` command from the batch PostgreSQL encoded: its JSON is spliced, not
        decoded and encoded again. After later changes (a reloaded page needs everything) the
        rows each marker keeps are spliced again, one command per list of titles they point
        into."""
        if not self._batch_stale:
            self._send_batch("set", self._batch_json, t0)
            return
        groups: dict[tuple[str, ...], list[str]] = {}
        for marker in self._markers.values():
            groups.setdefault(marker[MARKER_TITLES], []).append(marker[MARKER_ROW])
        batches = [batch_json(titles, rows) for titles, rows in groups.items()] or [
            batch_json((), [])
        ]
        if len(batches) == 1:
            self._batch_json, self._batch_stale = batches[0], False
        for i, batch in enumerate(batches):
            self._send_batch("set" if i == 0 else "upsert", batch, t0)

    def _send_batch(self, op: str, batch: str, t0: float) -> None:
        self._seq += 1
        self._sent_at[self._seq] = t0
        self._bridge.command.emit(f'{{"op":"{op}","seq":{self._seq},{batch[1:]}')

    def _send(self, command: dict, t0: float | None = None) -> None:
        if t0 is not None:
            self._seq += 1
            command["seq"] = self._seq
            self._sent_at[self._seq] = t0
        self._bridge.command.emit(to_json(command))

    def _choropleth_command(self) -> dict:
        if self._choropleth is None:
            return {"op": "choropleth", "values": None}
        values, title = self._choropleth
        return {
            "op": "choropleth",
            "values": values,
            "classes": choropleth_classes(values),
            "title": title,
        }

    def _config_command(self) -> dict:
        def state(label: str) -> str:
            return QCoreApplication.translate("Labels", label)

        joined = " \u00b7 "
        return {
            "op": "config",
            "strings": {
                "legendTitle": self.tr("Reports"),
                "states": [state(s) for s in STATES],
                "priorities": [priority_text(p) for p in range(4)],
                "report": self.tr("Report #%1"),
                "overdue": self.tr("Overdue"),
                "kecamatan": self.tr("Kecamatan %1"),
                "none": self.tr("No reports"),
                "overdueNote": self.tr("Dark outline: overdue"),
                "priorityNote": self.tr("Larger dot: higher priority"),
                "foldLegend": self.tr("Hide the legend"),
                "unfoldLegend": self.tr("Show the legend"),
                "islands": self.tr("Kepulauan Seribu"),
                "mainland": self.tr("Jakarta"),
                "islandsTip": self.tr("Show the Thousand Islands (Kepulauan Seribu)"),
                "mainlandTip": self.tr("Back to mainland Jakarta"),
                "zoomIn": self.tr("Zoom in"),
                "zoomOut": self.tr("Zoom out"),
                "spotHint": self.tr("Click to show its reports in the queue"),
            },
            "legendFolded": self.legend_folded(),
            "styles": {
                **marker_styles(),
                "spotOutline": SPOT_OUTLINE,
                "activeSpot": ACTIVE_SPOT_OUTLINE,
            },
            "legend": [
                {"text": state("Menunggu"), "colour": COLOUR_OF_LABEL[Label.MENUNGGU]},
                {
                    "text": joined.join(state(s) for s in ("Proses", "Koordinasi", "Disposisi")),
                    "colour": COLOUR_OF_LABEL[Label.PROSES],
                },
                {"text": state("Selesai"), "colour": COLOUR_OF_LABEL[Label.SELESAI]},
                {
                    "text": joined.join(state(s) for s in ("Ditolak", "Duplikat")),
                    "colour": COLOUR_OF_LABEL[Label.DITOLAK],
                },
            ],
            "boundaryFill": BOUNDARY_STYLE["fillColor"],
        }

    def _load_started(self) -> None:
        self._loads += 1
        self._ready = False

    def _page_ready(self) -> None:
        # Everything the page should show, in order: it may have missed all of it.
        self._send(self._config_command())
        self._send_set(time.perf_counter())
        if self._choropleth is not None:
            self._send(self._choropleth_command())
        if self._spots is not None:
            self._send(self._spots_command())
        if self._selected is not None:
            self._send({"op": "select", "id": self._selected, "pan": True})
        self._ready = True
        self.ready.emit()

    def _remember_legend(self, folded: bool) -> None:
        QSettings().setValue(LEGEND_FOLDED_KEY, bool(folded))

    def _applied(self, seq: int, count: int, page_ms: float) -> None:
        t0 = self._sent_at.pop(seq, None)
        # Drop timings of commands the page will never answer (a reload in between).
        for old in [s for s in self._sent_at if s < seq]:
            del self._sent_at[old]
        if t0 is not None:
            self._last_applied = (time.perf_counter() - t0, page_ms)
        self._page_count = count
        self.markers_drawn.emit(count)

    def _renderer_gone(self, status, code: int) -> None:
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        log.warning("the map's renderer stopped (%s, %d); reloading the map", status, code)
        self._ready = False
        QTimer.singleShot(500, self._view.reload)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._ready:
            self._send(self._config_command())
            if self._spots is not None:
                self._send(self._spots_command())
        super().changeEvent(event)
