"""The proof photo's metadata: capture time, GPS, distance to the report, size, format, then
its EXIF tags (long binary ones left out)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from qlue_console.gui.forms import child
from qlue_console.gui.i18n import moment_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.verify.labels import metres
from qlue_console.verify.context import VerifyItem

_EXIF_SKIP = {"MakerNote", "UserComment", "PrintImageMatching", "ComponentsConfiguration"}


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ExifTable(QObject):
    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self.view = child(form, QTableWidget, "exifView")
        self.view.verticalHeader().setDefaultSectionSize(20)
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setStretchLastSection(True)

    def show(self, item: VerifyItem) -> None:
        rows: list[tuple[str, str]] = [
            (
                self.tr("Taken"),
                moment_text(item.proof_taken_at)
                if item.proof_taken_at
                else self.tr("no capture time"),
            ),
            (
                self.tr("GPS"),
                f"{item.proof_lat:.6f}, {item.proof_lon:.6f}"
                if item.proof_lat is not None and item.proof_lon is not None
                else self.tr("none"),
            ),
            (
                self.tr("Distance to the report"),
                metres(item.distance_m) if item.distance_m is not None else "–",
            ),
            (
                self.tr("Size"),
                f"{item.proof_width}×{item.proof_height}" if item.proof_width else "–",
            ),
            (self.tr("Format"), item.proof_mime or "–"),
        ]
        for key in sorted(item.exif):
            if key not in _EXIF_SKIP:
                rows.append((key, shorten(str(item.exif[key]), 80)))
        self.view.setRowCount(len(rows))
        for i, (name, value) in enumerate(rows):
            self.view.setItem(i, 0, QTableWidgetItem(name))
            cell = QTableWidgetItem(value)
            cell.setToolTip(plain_tooltip(value))
            self.view.setItem(i, 1, cell)

    def clear(self) -> None:
        self.view.setRowCount(0)
