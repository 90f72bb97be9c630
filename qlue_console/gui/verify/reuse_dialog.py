"""The report a reused proof came from, opened from the verifier: this proof next to the
matching earlier proof and that report's citizen photo, zoomed and panned together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.labels import state_text
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.loading import LoadedItem, load_photo
from qlue_console.gui.verify.synced_photos import SyncedPhotoViews
from qlue_console.verify.context import ReuseView


def _load_pair(engine: Engine, hit: ReuseView):
    return load_photo(engine, hit.photo_id), load_photo(engine, hit.report_photo_id)


class ReuseDialog(QDialog):
    def __init__(
        self,
        engine: Engine,
        tasks: TaskRunner,
        language: str,
        hit: ReuseView,
        current: LoadedItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hit = hit
        self.setWindowTitle(
            fill(self.tr("Report #%1: the proof this one matches"), str(hit.report_id))
        )
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        category = category_name(language, hit.category_id or "", hit.category_en or "") or "–"
        info = QLabel(
            fill(
                self.tr(
                    "Report #%1 · %2 · %3 · status %4\n"
                    "Proof posted by @%5, %6 · verification: %7 · hash distance %8 (%9)"
                ),
                str(hit.report_id),
                category,
                hit.kelurahan or "–",
                state_text(hit.report_status) if hit.report_status else "–",
                hit.official or "?",
                moment_text(hit.submitted_at),
                self._verification(hit.verification),
                str(hit.distance),
                self.tr("as is") if hit.transform == "identity" else self.tr("flipped or rotated"),
            )
        )
        info.setTextFormat(Qt.TextFormat.PlainText)
        info.setWordWrap(True)
        layout.addWidget(info)
        grid = QGridLayout()
        views = []
        titles = (
            fill(self.tr("This proof (report #%1)"), str(current.item.report_id)),
            fill(self.tr("Matching proof (report #%1)"), str(hit.report_id)),
            fill(self.tr("Citizen's photo of report #%1"), str(hit.report_id)),
        )
        for col, title in enumerate(titles):
            grid.addWidget(QLabel(title), 0, col)
            view = QGraphicsView(self)
            view.setMinimumSize(240, 240)
            grid.addWidget(view, 1, col)
            views.append(view)
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.photos = SyncedPhotoViews(views, self)
        self.photos.set_pixels(0, current.proof_pixels)
        self.loaded = False
        tasks.run(_load_pair, engine, hit, on_done=self._photos_loaded)

    def _verification(self, value: str | None) -> str:
        return {
            "approved": self.tr("approved"),
            "rejected": self.tr("rejected"),
            "pending": self.tr("pending"),
        }.get(value or "", "–")

    def _photos_loaded(self, pair) -> None:
        proof, citizen = pair
        self.photos.set_pixels(1, proof)
        self.photos.set_pixels(2, citizen)
        self.photos.fit()
        self.loaded = True
