"""Reports related to the open one: duplicate suggestions with photo thumbnails (merge with M)
and the citizen's earlier reports of the same category nearby (the repeat reporter)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget
from sqlalchemy import Engine

from qlue_console.data.report_detail import fetch_photo_bytes
from qlue_console.domain import formatting
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import current_language, fill
from qlue_console.gui.labels import state_text
from qlue_console.gui.photo_view import DecodedPixels
from qlue_console.gui.tasks import TaskRunner
from qlue_console.photos.decode import PhotoError, load_image
from qlue_console.triage.duplicates import (
    DuplicateCandidate,
    EarlierReport,
    earlier_reports_by_citizen,
    suggest_duplicates,
)

THUMB = (96, 72)


def _related(
    engine: Engine, report_id: int
) -> tuple[list[DuplicateCandidate], list[EarlierReport], dict]:
    """Worker: the candidates, the earlier reports and small thumbnails of the candidates."""
    candidates = suggest_duplicates(engine, report_id)
    earlier = earlier_reports_by_citizen(engine, report_id)
    thumbs: dict[int, DecodedPixels] = {}
    for c in candidates:
        if c.photo_id is None:
            continue
        data = fetch_photo_bytes(engine, c.photo_id)
        try:
            image = load_image(data, draft_size=THUMB).image if data else None
        except PhotoError:
            image = None
        if image is not None:
            image.thumbnail(THUMB)
            image = image.convert("RGB")
            thumbs[c.report_id] = DecodedPixels(
                image.width, image.height, image.tobytes("raw", "RGB")
            )
    return candidates, earlier, thumbs


class RelatedReports(QObject):
    merge_requested = Signal(int)  # merge the open report into this one
    open_requested = Signal(int)
    loaded = Signal(int)  # candidates for this report are shown
    message = Signal(str)  # why M did nothing, for the status line

    def __init__(self, engine: Engine, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks = engine, tasks
        self.widget = load_form("related_reports", parent)
        self._duplicates = child(self.widget, QListWidget, "duplicateList")
        self._earlier = child(self.widget, QListWidget, "earlierList")
        self._caption = child(self.widget, QLabel, "duplicatesCaption")
        child(self.widget, QPushButton, "mergeButton").clicked.connect(self.merge_selected)
        child(self.widget, QPushButton, "openButton").clicked.connect(self._open_selected)
        self._duplicates.itemDoubleClicked.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self._earlier.itemDoubleClicked.connect(
            lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self._report_id: int | None = None

    def show_for(self, report_id: int) -> None:
        self._report_id = report_id
        self._duplicates.clear()
        self._earlier.clear()
        self._tasks.run(
            _related,
            self._engine,
            report_id,
            channel="related",
            on_done=lambda result: self._show(report_id, *result),
            on_error=lambda e: None,
        )

    def candidate_ids(self) -> list[int]:
        return [
            self._duplicates.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self._duplicates.count())
        ]

    def _show(
        self,
        report_id: int,
        candidates: list[DuplicateCandidate],
        earlier: list[EarlierReport],
        thumbs: dict[int, DecodedPixels],
    ) -> None:
        if report_id != self._report_id:
            return
        for c in candidates:
            text = fill(
                self.tr("#%1 · %2 m · text %3% alike · %4"),
                str(c.report_id),
                f"{c.distance_m:.0f}",
                f"{c.similarity * 100:.0f}",
                state_text(c.status),
            )
            item = QListWidgetItem(f"{text}\n{' '.join(c.excerpt.split())[:90]}")
            item.setData(Qt.ItemDataRole.UserRole, c.report_id)
            pixels = thumbs.get(c.report_id)
            if pixels is not None:
                image = QImage(
                    pixels.rgb,
                    pixels.width,
                    pixels.height,
                    3 * pixels.width,
                    QImage.Format.Format_RGB888,
                )
                item.setIcon(QIcon(QPixmap.fromImage(image.copy())))
            self._duplicates.addItem(item)
        if candidates:
            self._duplicates.setCurrentRow(0)
        else:
            self._duplicates.addItem(self.tr("No likely duplicate nearby."))
            self._duplicates.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        for e in earlier:
            item = QListWidgetItem(
                f"#{e.report_id} · {formatting.day(e.created_at, current_language())} · "
                f"{e.distance_m:.0f} m · {state_text(e.status)}\n{' '.join(e.excerpt.split())[:90]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, e.report_id)
            self._earlier.addItem(item)
        if not earlier:
            self._earlier.addItem(self.tr("None: first report of this kind by this citizen here."))
            self._earlier.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.loaded.emit(report_id)

    def merge_selected(self) -> None:
        item = self._duplicates.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.merge_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        elif self._report_id is None:
            self.message.emit(
                self.tr("No report is open: press N for the next one, or pick one in the queue.")
            )
        else:
            self.message.emit(
                self.tr(
                    "No likely duplicate is selected: M merges into the one chosen under "
                    "Duplicates."
                )
            )

    def _open_selected(self) -> None:
        item = self._duplicates.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
