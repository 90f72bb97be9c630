"""The report detail pane: photos with zoom, text, place, SLA and the timeline, and over them,
for a recurrence, the fix it came back after (``gui.came_back``).

Loading is asynchronous and superseding: when the operator moves quickly from report to
report, only the latest report's detail and photo are shown; a photo that arrives for an
earlier report is dropped, so a photo never appears under another report's title.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.data.report_detail import (
    ReportDetail,
    TimelineEntry,
    fetch_photo_bytes,
    fetch_report_detail,
)
from qlue_console.domain import formatting
from qlue_console.domain.states import colour_of
from qlue_console.gui.came_back import RECURRENCE_KINDS, CameBackPanel, recurrence_note
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.labels import channel_text, event_text, priority_text, state_text
from qlue_console.gui.photo_view import PhotoView, decode_for_display
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.tasks import TaskRunner

FOLLOW_UP_GREEN = "#2e7d32"
REPLY_BLUE = "#1565c0"
CAME_BACK_ORANGE = "#e65100"


def _fetch_photo_pixels(engine: Engine, photo_id: int):
    return decode_for_display(fetch_photo_bytes(engine, photo_id))


class DetailPane(QObject):
    loaded = Signal(int)  # a report's detail is on screen
    photo_shown = Signal(int)  # a photo (by id) is on screen

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = engine, tasks, language
        self.widget = load_form("detail_pane", parent)
        self._title = child(self.widget, QLabel, "titleLabel")
        self._state = child(self.widget, QLabel, "stateLabel")
        self._text = child(self.widget, QPlainTextEdit, "reportText")
        self._place = child(self.widget, QLabel, "placeValue")
        self._category = child(self.widget, QLabel, "categoryValue")
        self._channel = child(self.widget, QLabel, "channelValue")
        self._priority = child(self.widget, QLabel, "priorityValue")
        self._due = child(self.widget, QLabel, "dueValue")
        self._timeline = child(self.widget, QTreeWidget, "timelineTree")
        self._photo_selector = child(self.widget, QComboBox, "photoSelector")
        self._photo = PhotoView(child(self.widget, QGraphicsView, "photoView"))
        child(self.widget, QToolButton, "zoomInButton").clicked.connect(
            lambda: self._photo.zoom(1.25)
        )
        child(self.widget, QToolButton, "zoomOutButton").clicked.connect(
            lambda: self._photo.zoom(0.8)
        )
        child(self.widget, QToolButton, "zoomFitButton").clicked.connect(self._photo.fit)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.ZoomIn),
            self.widget,
            lambda: self._photo.zoom(1.25),
        )
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.ZoomOut),
            self.widget,
            lambda: self._photo.zoom(0.8),
        )
        self._photo_selector.currentIndexChanged.connect(self._photo_chosen)
        self._timeline.setColumnWidth(0, 118)
        self._timeline.setColumnWidth(1, 180)
        self.came_back = CameBackPanel(self.widget, engine, tasks)
        # what the closed report's number does; a workspace may route it through its own
        # "open report" (selecting it in the queue too)
        self.open_report: Callable[[int], None] = self.show_report
        self.came_back.open_requested.connect(lambda report_id: self.open_report(report_id))
        self._report_id: int | None = None
        self._detail: ReportDetail | None = None

    @property
    def report_id(self) -> int | None:
        return self._report_id

    @property
    def detail(self) -> ReportDetail | None:
        return self._detail

    def show_report(self, report_id: int) -> None:
        self._report_id = report_id
        self._title.setText(fill(self.tr("Loading report #%1…"), str(report_id)))
        self.came_back.box.hide()  # until this report's detail says whether it came back
        self._tasks.run(
            fetch_report_detail,
            self._engine,
            report_id,
            channel="detail",
            on_done=self._show_detail,
            on_error=self._failed,
        )

    def refresh(self) -> None:
        if self._report_id is not None:
            self._tasks.run(
                fetch_report_detail,
                self._engine,
                self._report_id,
                channel="detail",
                on_done=lambda d: self._show_detail(d, keep_photo=True),
                on_error=self._failed,
            )

    def _failed(self, error: Exception) -> None:
        self._title.setText(
            fill(self.tr("Could not load the report: %1"), str(error).splitlines()[0])
        )

    def _show_detail(self, detail: ReportDetail | None, keep_photo: bool = False) -> None:
        if detail is None or detail.id != self._report_id:
            return
        previous_photo = self._photo_selector.currentData() if keep_photo else None
        self._detail = detail
        category = category_name(self._language, detail.category_id, detail.category_en)
        self._title.setText(f"#{detail.id} · {category}")
        state = state_text(detail.status)
        if detail.claimed_by:
            state += " · " + fill(
                self.tr("claimed by %1"), detail.claimed_by_name or detail.claimed_by
            )
        self._state.setText(state)
        self._state.setStyleSheet(f"color: {colour_of(detail.status)}; font-weight: 600;")
        self._text.setPlainText(detail.text)
        if detail.outside_jurisdiction:
            place = fill(
                self.tr("Outside DKI Jakarta (%1, %2)"), f"{detail.lat:.5f}", f"{detail.lon:.5f}"
            )
            if detail.nearest_kelurahan and detail.across_border_with:
                place += "\n" + fill(
                    self.tr(
                        "Across the land border with %1; the nearest kelurahan is %2, %3 m away"
                    ),
                    detail.across_border_with,
                    detail.nearest_kelurahan,
                    formatting.integer(round(detail.nearest_distance_m or 0), self._language),
                )
            elif detail.nearest_kelurahan:
                place += "\n" + fill(
                    self.tr("Nearest kelurahan: %1, %2 m away"),
                    detail.nearest_kelurahan,
                    formatting.integer(round(detail.nearest_distance_m or 0), self._language),
                )
            self._place.setText(place)
        else:
            self._place.setText(f"{detail.kelurahan}, {detail.kecamatan}, {detail.kota}")
        self._category.setText(category)
        channel = channel_text(detail.channel)
        if detail.channel_name:
            channel += f" · {detail.channel_name}"
        channel += f" · @{detail.citizen}"
        if detail.private:
            channel += "\n" + self.tr("Private: the public sees only the status")
        self._channel.setText(channel)
        self._priority.setText(priority_text(detail.priority))
        self._due.setText(moment_text(detail.due_at))
        self.came_back.show_fix(detail.id, detail.came_back_after)
        self._fill_timeline(detail.timeline)
        self._fill_photos(detail, previous_photo)
        self.loaded.emit(detail.id)

    def _fill_timeline(self, entries: tuple[TimelineEntry, ...]) -> None:
        self._timeline.clear()
        for entry in entries:
            what = event_text(entry.kind)
            if entry.kind == "undone" and entry.payload.get("kind"):
                what = f"{what}: {event_text(str(entry.payload['kind']))}"
            elif entry.kind in RECURRENCE_KINDS:
                what = f"{what}: {recurrence_note(entry)}"
            elif entry.kind == "handed_over" and entry.payload.get("to"):
                what = f"{what} → {entry.payload['to']}"  # the colleague's login
            note = (
                entry.payload.get("note")
                or entry.payload.get("text")
                or entry.payload.get("reason")
                or ""
            )
            if note:
                what = f"{what}: {' '.join(str(note).split())}"
            item = QTreeWidgetItem([moment_text(entry.at), what, entry.actor])
            item.setToolTip(1, plain_tooltip(what))
            item.setToolTip(2, plain_tooltip(entry.actor))
            if entry.kind in ("follow_up", "proof_approved", "closed"):
                item.setForeground(1, QBrush(QColor(FOLLOW_UP_GREEN)))
                item.setText(1, "✔ " + what)  # the green TL mark
            elif entry.kind == "reply":  # public, unlike a comment
                item.setForeground(1, QBrush(QColor(REPLY_BLUE)))
                item.setText(1, "✉ " + what)
            elif entry.kind in ("proof_rejected", "reopened", "escalated"):
                item.setForeground(1, QBrush(QColor("#c62828")))
            elif entry.kind in ("recurrence", "fix_came_back"):
                item.setForeground(1, QBrush(QColor(CAME_BACK_ORANGE)))
            self._timeline.addTopLevelItem(item)
        self._timeline.resizeColumnToContents(0)  # the moment, whole
        if self._timeline.topLevelItemCount():
            self._timeline.scrollToItem(
                self._timeline.topLevelItem(self._timeline.topLevelItemCount() - 1)
            )

    def _fill_photos(self, detail: ReportDetail, previous_photo: int | None) -> None:
        self._photo_selector.blockSignals(True)
        self._photo_selector.clear()
        for photo in detail.photos:
            label = (
                self.tr("Citizen's photo")
                if photo.kind == "report"
                else self.tr("Proof photo (TL)")
            )
            self._photo_selector.addItem(f"{label} #{photo.id}", photo.id)
        self._photo_selector.blockSignals(False)
        if not detail.photos:
            self._photo.show_pixels(None, self.tr("No photo"))
            return
        index = max(0, self._photo_selector.findData(previous_photo)) if previous_photo else 0
        self._photo_selector.setCurrentIndex(index)
        self._photo_chosen(index)

    def _photo_chosen(self, index: int) -> None:
        photo_id = self._photo_selector.itemData(index)
        if photo_id is None:
            return
        report_id = self._report_id
        self._tasks.run(
            _fetch_photo_pixels,
            self._engine,
            photo_id,
            channel="photo",
            on_done=lambda pixels: self._show_photo(report_id, photo_id, pixels),
        )

    def _show_photo(self, report_id: int | None, photo_id: int, pixels) -> None:
        if report_id != self._report_id or self._photo_selector.currentData() != photo_id:
            return
        self._photo.show_pixels(pixels, self.tr("The photo cannot be read"))
        self.photo_shown.emit(photo_id)

    def current_photo_id(self) -> int | None:
        return self._photo_selector.currentData()

    def relayout(self) -> None:
        self._photo.refit_if_fitted()
