"""Photos side by side with synchronized zoom and pan.

Each view fits its own photo; the shared state is a zoom relative to that fit and the centre
of the view as a fraction of the photo's width and height. Zooming (wheel, +/-) or dragging
one view moves the others to the same relative place, so the same corner of two photos of
different sizes stays in sight in both.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QImage, QPixmap, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView
from typing_extensions import override

from qlue_console.gui.photo_view import DecodedPixels

MIN_ZOOM, MAX_ZOOM = 1.0, 16.0


class _Slot:
    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.viewport = view.viewport()
        self.scene = QGraphicsScene(view)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        view.setScene(self.scene)
        view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        view.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)

    def size(self) -> tuple[float, float]:
        rect = self.item.boundingRect()
        return rect.width(), rect.height()

    def has_photo(self) -> bool:
        return not self.item.pixmap().isNull()

    def fit_scale(self) -> float:
        w, h = self.size()
        vp = self.view.viewport().rect()
        if w <= 0 or h <= 0 or vp.width() <= 0 or vp.height() <= 0:
            return 1.0
        return min(vp.width() / w, vp.height() / h)


class SyncedPhotoViews(QObject):
    """Controller of several QGraphicsViews from a form whose zoom and pan move together."""

    def __init__(self, views: list[QGraphicsView], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slots = [_Slot(v) for v in views]
        self._zoom = 1.0
        self._center = (0.5, 0.5)
        self._syncing = False
        for slot in self._slots:
            slot.viewport.installEventFilter(self)
            slot.view.horizontalScrollBar().valueChanged.connect(lambda _v, s=slot: self._moved(s))
            slot.view.verticalScrollBar().valueChanged.connect(lambda _v, s=slot: self._moved(s))

    # -- state ---------------------------------------------------------------------------------
    @property
    def zoom_level(self) -> float:
        return self._zoom

    # -- photos --------------------------------------------------------------------------------
    def set_pixels(self, index: int, pixels: DecodedPixels | None) -> None:
        slot = self._slots[index]
        if pixels is None:
            slot.item.setPixmap(QPixmap())
            slot.scene.setSceneRect(0, 0, 1, 1)
        else:
            image = QImage(
                pixels.rgb,
                pixels.width,
                pixels.height,
                3 * pixels.width,
                QImage.Format.Format_RGB888,
            ).copy()
            slot.item.setPixmap(QPixmap.fromImage(image))
            slot.scene.setSceneRect(slot.item.boundingRect())
        self._apply(slot)

    def has_photo(self, index: int) -> bool:
        return self._slots[index].has_photo()

    # -- zoom and pan --------------------------------------------------------------------------
    def fit(self) -> None:
        self._zoom, self._center = 1.0, (0.5, 0.5)
        self._apply_all()

    def zoom(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        """Zooms every view; ``anchor`` (a fraction of the photo) stays where it is on screen."""
        old = self._zoom
        new = max(MIN_ZOOM, min(MAX_ZOOM, old * factor))
        if new == old:
            return
        cx, cy = self._center
        if anchor is not None:
            ax, ay = anchor
            cx = ax + (cx - ax) * old / new
            cy = ay + (cy - ay) * old / new
        self._zoom = new
        self._center = (cx, cy) if new > 1.0 else (0.5, 0.5)
        self._apply_all()

    def _apply_all(self) -> None:
        for slot in self._slots:
            self._apply(slot)

    def _apply(self, slot: _Slot) -> None:
        if not slot.has_photo():
            return
        self._syncing = True
        try:
            scale = slot.fit_scale() * self._zoom
            slot.view.setTransform(QTransform.fromScale(scale, scale))
            w, h = slot.size()
            slot.view.centerOn(QPointF(self._center[0] * w, self._center[1] * h))
        finally:
            self._syncing = False

    def _moved(self, source: _Slot) -> None:
        if self._syncing or not source.has_photo():
            return
        w, h = source.size()
        point = source.view.mapToScene(source.view.viewport().rect().center())
        self._center = (point.x() / w, point.y() / h)
        for slot in self._slots:
            if slot is not source:
                self._apply(slot)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        slot = next((s for s in self._slots if s.viewport is watched), None)
        if slot is None:
            return False
        if event.type() == QEvent.Type.Wheel and slot.has_photo():
            wheel: QWheelEvent = event  # type: ignore[assignment]
            point = slot.view.mapToScene(wheel.position().toPoint())
            w, h = slot.size()
            self.zoom(1.25 if wheel.angleDelta().y() > 0 else 0.8, (point.x() / w, point.y() / h))
            return True
        if event.type() == QEvent.Type.Resize:
            self._apply(slot)
        return False
