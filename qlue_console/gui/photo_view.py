"""A photo viewer with zoom (wheel, +/-) and pan (drag), fitted to the view by default.

Photos are decoded off the GUI thread with the photo layer's decoder (EXIF orientation applied,
JPEG decoded at reduced scale); only the ready pixels reach this widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPixmap, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView
from typing_extensions import override

from qlue_console.photos.decode import PhotoError, load_image

MAX_SIDE = 1600


@dataclass(frozen=True)
class DecodedPixels:
    width: int
    height: int
    rgb: bytes


def decode_for_display(data: bytes | None, max_side: int = MAX_SIDE) -> DecodedPixels | None:
    """Runs on a worker thread: bytes → oriented RGB pixels no larger than ``max_side``."""
    if data is None:
        return None
    try:
        photo = load_image(data, draft_size=(max_side, max_side))
    except PhotoError:
        return None
    image = photo.image
    image.thumbnail((max_side, max_side))
    image = image.convert("RGB")
    return DecodedPixels(image.width, image.height, image.tobytes("raw", "RGB"))


class _WheelZoom(QObject):
    """Turns the wheel over the view's viewport into zoom steps instead of scrolling."""

    def __init__(self, view: QGraphicsView, zoom: Callable[[float], None]) -> None:
        super().__init__(view)
        self._zoom = zoom
        view.viewport().installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QWheelEvent):
            self._zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            return True
        return False


class PhotoView:
    """Controller around a QGraphicsView from a form."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._scene = QGraphicsScene(view)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        view.setScene(self._scene)
        view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._wheel_zoom = _WheelZoom(view, self.zoom)
        self._fitted = True

    def show_pixels(self, pixels: DecodedPixels | None, empty_text: str = "") -> None:
        if pixels is None:
            self._item.setPixmap(QPixmap())
            self._scene.setSceneRect(0, 0, 1, 1)
            self._view.setToolTip(empty_text)
            return
        image = QImage(
            pixels.rgb, pixels.width, pixels.height, 3 * pixels.width, QImage.Format.Format_RGB888
        ).copy()
        self._item.setPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit()

    def has_photo(self) -> bool:
        return not self._item.pixmap().isNull()

    def fit(self) -> None:
        self._fitted = True
        self._view.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._fitted = False
        self._view.scale(factor, factor)

    def refit_if_fitted(self) -> None:
        if self._fitted and self.has_photo():
            self.fit()
