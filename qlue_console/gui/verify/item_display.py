"""The follow-up shown: what it is about (title, the citizen's text, the official's note), the
citizen's photo and the proof side by side with synchronized zoom and pan (the reused proof
as a third), the small map of both positions, the checks and the EXIF."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGraphicsView, QLabel, QToolButton, QWidget

from qlue_console.gui.forms import child
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.verify.checks_panel import ChecksPanel
from qlue_console.gui.verify.exif_table import ExifTable, shorten
from qlue_console.gui.verify.loading import LoadedItem
from qlue_console.gui.verify.mini_map import MiniMap
from qlue_console.gui.verify.reuse_panel import ReusePanel, escape
from qlue_console.gui.verify.synced_photos import SyncedPhotoViews
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.verify.context import VerifyItem

ZOOM_STEP = 1.25
SPOT_HISTORY_SHOWN = 4  # lines of a place's history shown; the rest counted
DEFAULT_LIMIT_M = 200.0  # the far_from_report limit when the check states none


class ItemDisplay(QObject):
    def __init__(self, form: QWidget, ctx: WorkspaceContext) -> None:
        super().__init__(form)
        self._language = ctx.language
        self._title = child(form, QLabel, "itemTitle")
        self._report_text = child(form, QLabel, "reportText")
        self._report_text.setTextFormat(Qt.TextFormat.PlainText)  # citizens' text is never markup
        self._spot_history = child(form, QLabel, "spotHistory")
        self._citizen_label = child(form, QLabel, "citizenPhotoLabel")
        self._proof_label = child(form, QLabel, "proofPhotoLabel")
        center = child(form, QWidget, "centerPane").layout()
        for i in range(center.count()):  # the photos take the height; the reason panel its own
            inner = center.itemAt(i).layout()
            center.setStretch(i, 1 if inner is not None and inner.objectName() == "photoRow" else 0)
        self.photos = SyncedPhotoViews(
            [
                child(form, QGraphicsView, name)
                for name in ("citizenPhotoView", "proofPhotoView", "reusePhotoView")
            ],
            self,
        )
        child(form, QToolButton, "zoomInButton").clicked.connect(self.zoom_in)
        child(form, QToolButton, "zoomOutButton").clicked.connect(self.zoom_out)
        child(form, QToolButton, "fitButton").clicked.connect(self.photos.fit)
        self.reuse = ReusePanel(form, self.photos, ctx.engine, ctx.tasks, ctx.language)
        map_slot = child(form, QWidget, "mapSlot")
        self.map = MiniMap(map_slot)
        map_slot.layout().addWidget(self.map)
        self.checks = ChecksPanel(form)
        self.exif = ExifTable(form)
        side = child(form, QWidget, "sidePane").layout()
        side.setStretchFactor(self.checks.view, 5)
        side.setStretchFactor(map_slot, 3)
        side.setStretchFactor(self.exif.view, 2)

    def zoom_in(self) -> None:
        self.photos.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.photos.zoom(1 / ZOOM_STEP)

    def show_loading(self, follow_up_id: int) -> None:
        self._title.setText(fill(self.tr("Loading follow-up #%1…"), str(follow_up_id)))

    def show(self, loaded: LoadedItem) -> None:
        item = loaded.item
        category = category_name(self._language, item.category_id, item.category_en)
        place = ", ".join(x for x in (item.kelurahan, item.kecamatan, item.kota) if x) or self.tr(
            "outside DKI Jakarta"
        )
        self._title.setText(
            fill(
                self.tr("<b>Report #%1</b> · %2 · %3<br>Follow-up by <b>@%4</b> (%5) · posted %6"),
                str(item.report_id),
                escape(category),
                escape(place),
                escape(item.official),
                escape(item.official_name),
                moment_text(item.submitted_at),
            )
        )
        self._report_text.setText(
            fill(
                self.tr("Citizen %1, %2: “%3”\nOfficial's note: “%4”"),
                item.citizen,
                moment_text(item.report_created_at),
                shorten(item.report_text, 300),
                shorten(item.note, 200) or "–",
            )
        )
        self._citizen_label.setText(
            fill(self.tr("Citizen's photo · reported %1"), moment_text(item.report_created_at))
        )
        taken = (
            moment_text(item.proof_taken_at) if item.proof_taken_at else self.tr("no capture time")
        )
        self._proof_label.setText(fill(self.tr("Proof photo (TL) · taken %1"), taken))
        self._show_spot_history(item)
        self.photos.set_pixels(0, loaded.report_pixels)
        self.photos.set_pixels(1, loaded.proof_pixels)
        self.reuse.show(loaded)
        self.photos.fit()
        self.checks.show(item)
        self.exif.show(item)
        self._show_map(item)

    def _show_spot_history(self, item: VerifyItem) -> None:
        """Before approving: how often a fix at this place did not hold (revision 0030)."""
        history = item.spot_history
        self._spot_history.setVisible(bool(history))
        if not history:
            self._spot_history.setText("")
            return
        fixes = len({h.closed_report_id for h in history})
        lines = [
            fill(
                self.tr("Closed #%1 on %2 · came back %3 later as #%4, %5 m from this report"),
                str(h.closed_report_id),
                moment_text(h.closed_at),
                self._after_text(h.came_back_at - h.closed_at),
                str(h.came_back_report_id),
                f"{h.distance_m:.0f}",
            )
            for h in history[:SPOT_HISTORY_SHOWN]
        ]
        if len(history) > SPOT_HISTORY_SHOWN:
            lines.append(self.tr("and %n more", "", len(history) - SPOT_HISTORY_SHOWN))
        heading = self.tr("<b>This place came back %n time(s) after a fix</b>", "", len(history))
        if fixes != len(history):
            heading += " " + self.tr("(%n fix(es) that did not hold)", "", fixes)
        self._spot_history.setText(heading + "<br>" + "<br>".join(escape(x) for x in lines))

    def _after_text(self, gap: timedelta) -> str:
        hours = max(0, int(gap.total_seconds() // 3600))
        if hours == 0:
            return self.tr("within the hour")
        if hours < 48:
            return self.tr("%n hour(s)", "", hours)
        return self.tr("%n day(s)", "", hours // 24)

    def _show_map(self, item: VerifyItem) -> None:
        limit = item.check("far_from_report")
        photo = (
            (item.proof_lat, item.proof_lon)
            if item.proof_lat is not None and item.proof_lon is not None
            else None
        )
        self.map.set_points(
            (item.report_lat, item.report_lon),
            photo,
            item.distance_m,
            item.boundary,
            float(limit.evidence.get("limit_m", DEFAULT_LIMIT_M))
            if limit and limit.evidence
            else DEFAULT_LIMIT_M,
        )

    def clear(self, message: str | None = None) -> None:
        self._title.setText(message or self.tr("Select a follow-up"))
        self._report_text.setText("")
        self._spot_history.setVisible(False)
        self._spot_history.setText("")
        self._citizen_label.setText(self.tr("Citizen's photo"))
        self._proof_label.setText(self.tr("Proof photo (TL)"))
        for i in range(3):
            self.photos.set_pixels(i, None)
        self.reuse.clear()
        self.checks.clear()
        self.exif.clear()
        self.map.set_points(None, None, None)
