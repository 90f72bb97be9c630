"""The QObject the map page sees over QWebChannel (registered as ``qlueBridge``).

Python → page: one signal, ``command``, carrying a JSON string (see ``map.js`` for the
commands); a batch of markers is one command, however many markers it holds.
Page → Python: slots taking numbers only (no text comes back from the page); one returns the
citizen's text of a report for its tooltip, so the batch of markers need not carry it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    command = Signal(str)  # JSON command for the page

    page_ready = Signal()  # the page's script and channel are up
    marker_clicked = Signal(int)  # the user clicked a report's marker
    applied = Signal(int, int, float)  # command seq, markers on the page, ms in the page
    legend_folded = Signal(bool)  # the user folded (True) or unfolded the legend
    spot_clicked = Signal(int)  # the user clicked a chronic spot
    spots_applied = Signal(int)  # spots on the page after a ``spots`` command (-1: layer off)

    def __init__(self, text_of: Callable[[int], str], parent: QObject | None = None):
        super().__init__(parent)
        self._text_of = text_of

    @Slot()
    def pageReady(self) -> None:  # noqa: N802  (called from JavaScript)
        self.page_ready.emit()

    @Slot(int)
    def markerClicked(self, report_id: int) -> None:  # noqa: N802
        self.marker_clicked.emit(int(report_id))

    @Slot(int, int, float)
    def markersApplied(self, seq: int, count: int, ms: float) -> None:  # noqa: N802
        self.applied.emit(int(seq), int(count), float(ms))

    @Slot(bool)
    def legendFolded(self, folded: bool) -> None:  # noqa: N802
        self.legend_folded.emit(bool(folded))

    @Slot(int)
    def spotClicked(self, spot_id: int) -> None:  # noqa: N802
        self.spot_clicked.emit(int(spot_id))

    @Slot(int)
    def spotsApplied(self, count: int) -> None:  # noqa: N802
        self.spots_applied.emit(int(count))

    @Slot(int, result=str)
    def markerText(self, report_id: int) -> str:  # noqa: N802
        return self._text_of(int(report_id))
