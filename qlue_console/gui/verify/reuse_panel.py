"""The third photo, shown when the proof matches an earlier one: the closest match with links
to every matching report; a click (or a double click when zoomed) opens that report."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QWidget
from sqlalchemy import Engine
from typing_extensions import override

from qlue_console.gui.forms import child
from qlue_console.gui.i18n import fill, moment_text
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.loading import LoadedItem
from qlue_console.gui.verify.reuse_dialog import ReuseDialog
from qlue_console.gui.verify.synced_photos import SyncedPhotoViews

REUSE_SLOT = 2  # the reused proof's place in the synced photo views
_LINKS = 6


def escape(text: str) -> str:
    """``text`` for a rich-text label (citizens' and officials' words are never markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReusePanel(QObject):
    def __init__(
        self,
        form: QWidget,
        photos: SyncedPhotoViews,
        engine: Engine,
        tasks: TaskRunner,
        language: str,
    ) -> None:
        super().__init__(form)
        self._form, self._photos = form, photos
        self._engine, self._tasks, self._language = engine, tasks, language
        self._panel = child(form, QWidget, "reusePanel")
        self._title = child(form, QLabel, "reuseTitle")
        self._links = child(form, QLabel, "reuseLinks")
        self._loaded: LoadedItem | None = None
        self._dialog: ReuseDialog | None = None  # deletes itself when closed
        self._panel.hide()
        self._viewport = child(form, QGraphicsView, "reusePhotoView").viewport()
        self._viewport.installEventFilter(self)
        self._links.linkActivated.connect(lambda link: self.open_reuse(int(link)))

    def show(self, loaded: LoadedItem) -> None:
        self._loaded = loaded
        hits = loaded.item.reuse
        if not hits:
            self._panel.hide()
            self._photos.set_pixels(REUSE_SLOT, None)
            return
        first = hits[0]
        self._title.setText(fill(self.tr("Same as the proof of report #%1"), str(first.report_id)))
        links = [
            fill(
                self.tr('<a href="%1">#%2</a> (distance %3)'),
                str(hit.photo_id),
                str(hit.report_id),
                str(hit.distance),
            )
            for hit in hits[:_LINKS]
        ]
        who = fill(
            self.tr("posted by @%1, %2"),
            escape(first.official or "?"),
            moment_text(first.submitted_at),
        )
        self._links.setText(who + "<br>" + ", ".join(links))
        self._photos.set_pixels(REUSE_SLOT, loaded.reuse_pixels)
        self._panel.show()

    def clear(self) -> None:
        self._loaded = None
        self._panel.hide()

    def open_reuse(self, photo_id: int | None = None) -> None:
        """Opens the report of a reused proof (the closest one by default) in a window."""
        loaded = self._loaded
        if loaded is None or not loaded.item.reuse:
            return
        hit = next((h for h in loaded.item.reuse if h.photo_id == photo_id), loaded.item.reuse[0])
        self._dialog = ReuseDialog(
            self._engine, self._tasks, self._language, hit, loaded, self._form
        )
        self._dialog.show()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._viewport:
            return False
        if event.type() == QEvent.Type.MouseButtonDblClick:
            self.open_reuse()
            return True
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._photos.zoom_level == 1.0
        ):
            self.open_reuse()
            return True
        return False
