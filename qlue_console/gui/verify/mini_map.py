"""A small map of two points: where the report was made and where the proof photo was taken
(its EXIF GPS), the line between them with the distance, the report's kelurahan outline and a
scale bar. Drawn with QPainter in a local metric projection: instant, offline, no web page."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from qlue_console.gui.i18n import fill
from qlue_console.gui.verify.labels import metres, tr

EARTH_M_PER_DEG = 111_320.0
REPORT_COLOUR = QColor("#d32f2f")
PHOTO_COLOUR = QColor("#1565c0")


def _rings(geometry: dict | None) -> list[list[tuple[float, float]]]:
    if not geometry:
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [
        [(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon[:1]
    ]


class MiniMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(220, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._report: tuple[float, float] | None = None
        self._photo: tuple[float, float] | None = None
        self._rings: list[list[tuple[float, float]]] = []
        self._distance: float | None = None
        self._limit = 200.0

    def set_points(
        self,
        report: tuple[float, float] | None,
        photo: tuple[float, float] | None,
        distance_m: float | None,
        boundary: dict | None = None,
        limit_m: float = 200.0,
    ) -> None:
        self._report, self._photo, self._distance = report, photo, distance_m
        self._rings, self._limit = _rings(boundary), limit_m
        self.update()

    @property
    def distance_m(self) -> float | None:
        return self._distance

    def _project(self, origin: tuple[float, float]):
        lat0, lon0 = origin
        kx = EARTH_M_PER_DEG * math.cos(math.radians(lat0))

        def xy(lat: float, lon: float) -> tuple[float, float]:
            return (lon - lon0) * kx, (lat - lat0) * EARTH_M_PER_DEG

        return xy

    @override
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.fillRect(rect, QColor("#f4f1ea"))
        p.setPen(QPen(QColor("#c8c2b4"), 1))
        p.drawRect(rect)
        if self._report is None:
            p.end()
            return
        xy = self._project(self._report)
        points = [(0.0, 0.0)] + ([xy(*self._photo)] if self._photo else [])
        # The view spans both points with a margin, at least the check's limit around the report.
        half = max([self._limit * 1.2] + [max(abs(x), abs(y)) * 1.25 for x, y in points])
        cx = sum(x for x, _ in points) / len(points)
        cy = sum(y for _, y in points) / len(points)
        if self._photo:
            half = max(self._limit * 1.2, max(abs(points[1][0]), abs(points[1][1])) * 0.65)
        draw = rect.adjusted(8, 8, -8, -26)
        scale = min(draw.width(), draw.height()) / (2 * half)

        def screen(x: float, y: float) -> QPointF:
            return QPointF(
                draw.center().x() + (x - cx) * scale, draw.center().y() - (y - cy) * scale
            )

        p.save()
        p.setClipRect(rect)
        for ring in self._rings:  # the kelurahan outline
            path = QPainterPath()
            for i, (lon, lat) in enumerate(ring):
                pt = screen(*xy(lat, lon))
                path.moveTo(pt) if i == 0 else path.lineTo(pt)
            path.closeSubpath()
            p.setPen(QPen(QColor("#8d8774"), 1.2, Qt.PenStyle.DashLine))
            p.setBrush(QColor(255, 255, 255, 120))
            p.drawPath(path)
        report_pt = screen(0.0, 0.0)
        p.setPen(QPen(REPORT_COLOUR, 1, Qt.PenStyle.DotLine))  # the allowed radius
        p.setBrush(QColor(211, 47, 47, 25))
        r = self._limit * scale
        p.drawEllipse(report_pt, r, r)
        if self._photo:
            photo_pt = screen(*points[1])
            p.setPen(QPen(QColor("#333333"), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(report_pt, photo_pt)
            self._marker(p, photo_pt, PHOTO_COLOUR)
        self._marker(p, report_pt, REPORT_COLOUR)
        p.restore()
        self._legend(p, rect, half / max(1.0, min(draw.width(), draw.height()) / 2))
        p.end()

    @staticmethod
    def _marker(p: QPainter, at: QPointF, colour: QColor, radius: float = 7) -> None:
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(colour)
        p.drawEllipse(at, radius, radius)

    def _legend(self, p: QPainter, rect: QRectF, metres_per_px: float) -> None:
        p.setFont(self.font())
        metrics = p.fontMetrics()
        y = rect.bottom() - 9
        x = rect.left() + 10
        items = [(REPORT_COLOUR, tr(QT_TRANSLATE_NOOP("VerifyLabels", "Report")))]
        if self._photo is not None:
            items.append((PHOTO_COLOUR, tr(QT_TRANSLATE_NOOP("VerifyLabels", "Photo GPS"))))
        for colour, label in items:
            self._marker(p, QPointF(x, y - metrics.ascent() / 2 + 1), colour, 5)
            p.setPen(QColor("#333333"))
            p.drawText(QPointF(x + 9, y), label)
            x += 9 + metrics.horizontalAdvance(label) + 14
        if self._photo is None:
            text = tr(QT_TRANSLATE_NOOP("VerifyLabels", "the photo has no GPS position"))
        else:
            text = fill(
                tr(QT_TRANSLATE_NOOP("VerifyLabels", "%1 apart")), metres(self._distance or 0.0)
            )
        over = self._photo is None or (self._distance or 0.0) > self._limit
        font = p.font()
        font.setBold(over)
        p.setFont(font)
        p.setPen(REPORT_COLOUR if over else QColor("#1d6b2f"))
        p.drawText(QPointF(x, y), text)
        p.setFont(self.font())
        # Scale bar: a round length about a quarter of the width.
        target = rect.width() / 4 * metres_per_px
        nice = 10 ** math.floor(math.log10(max(target, 1.0)))
        for step in (1, 2, 5, 10):
            if nice * step >= target:
                nice *= step
                break
        length = nice / metres_per_px
        x1 = rect.right() - 10
        p.setPen(QPen(QColor("#333333"), 2))
        p.drawLine(QPointF(x1 - length, rect.top() + 12), QPointF(x1, rect.top() + 12))
        p.drawText(
            QRectF(x1 - length - 40, rect.top() + 14, length + 40, 16),
            Qt.AlignmentFlag.AlignRight,
            metres(nice),
        )
