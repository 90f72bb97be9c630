"""The QObject the map page sees over QWebChannel (registered as ``qlueBridge``).

Python → page: one signal, ``command``, carrying a JSON string (see ``map.js`` for the
commands); a batch of markers is one command, however many markers it holds.
Page → Python: three slots, with numbers only (no text comes back from the page).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    command = Signal(str)                 # JSON command for the page

    page_ready = Signal()                 # the page's script and channel are up
    marker_clicked = Signal(int)          # the user clicked a report's marker
    applied = Signal(int, int, float)     # command seq, markers on the page, ms in the page

    @Slot()
    def pageReady(self) -> None:  # noqa: N802  (called from JavaScript)
        self.page_ready.emit()

    @Slot(int)
    def markerClicked(self, report_id: int) -> None:  # noqa: N802
        self.marker_clicked.emit(int(report_id))

    @Slot(int, int, float)
    def markersApplied(self, seq: int, count: int, ms: float) -> None:  # noqa: N802
        self.applied.emit(int(seq), int(count), float(ms))
