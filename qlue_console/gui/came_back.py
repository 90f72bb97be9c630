"""A fix that did not hold, as the detail pane shows it (revision 0030): the panel "Came back
after closing" over a recurrence's detail — the closed report (its number opens it), its text,
when and by whom it was closed, the officials whose proof was approved, the distance, how often
that fix came back, and the approved proof photo as a thumbnail — and the timeline's wording of
the recurrence events.

The photo is read and decoded on the TaskRunner, as the pane's own photo is; a photo that
arrives after the pane moved to another report is dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from sqlalchemy import Engine

from qlue_console.data.recurrences import ClosedFix
from qlue_console.data.report_detail import TimelineEntry, fetch_photo_bytes
from qlue_console.domain import formatting
from qlue_console.domain.states import State
from qlue_console.gui.forms import child
from qlue_console.gui.i18n import current_language, fill, moment_text
from qlue_console.gui.labels import state_text
from qlue_console.gui.photo_view import DecodedPixels, decode_for_display
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.tasks import TaskRunner

THUMB_SIDE = 120
EXCERPT_CHARS = 160
RECURRENCE_KINDS = ("recurrence", "fix_came_back", "recurrence_withdrawn")


def _fetch_thumbnail(engine: Engine, photo_id: int) -> DecodedPixels | None:
    """Worker: the proof photo, decoded small."""
    return decode_for_display(fetch_photo_bytes(engine, photo_id), max_side=THUMB_SIDE)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The text on one line, cut at ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def recurrence_note(entry: TimelineEntry) -> str:
    """What a recurrence event of the timeline adds to its label: the other report, the
    distance, why the link was withdrawn ("" for another kind)."""
    payload = entry.payload
    metres = payload.get("distance_m")
    distance = (
        fill(
            QCoreApplication.translate("CameBack", "%1 m away"),
            formatting.integer(round(float(metres)), current_language()),
        )
        if metres is not None
        else ""
    )
    if entry.kind == "recurrence":
        note = fill(
            QCoreApplication.translate("CameBack", "after report #%1 was closed"),
            payload.get("closed_report", "?"),
        )
        if distance:
            note += f", {distance}"
        if payload.get("reinstated"):
            note += " · " + QCoreApplication.translate(
                "CameBack", "given back when the rejection was undone"
            )
        return note
    if entry.kind == "fix_came_back":
        note = fill(
            QCoreApplication.translate("CameBack", "report #%1 came back here"),
            payload.get("report", "?"),
        )
        if distance:
            note += f", {distance}"
        if payload.get("reinstated"):
            note += " · " + QCoreApplication.translate(
                "CameBack", "given back when the rejection was undone"
            )
        return note
    if entry.kind == "recurrence_withdrawn":
        other = payload.get("closed_report") or payload.get("report") or "?"
        because = payload.get("because")
        note = fill(
            QCoreApplication.translate("CameBack", "the link with report #%1 is withdrawn"), other
        )
        if because in {s.value for s in State}:
            note += " · " + state_text(str(because))
        return note
    return ""


class CameBackPanel(QObject):
    """Controller of the form's ``cameBackBox``: shown for a recurrence, hidden otherwise."""

    open_requested = Signal(int)  # the closed report's number was clicked
    photo_shown = Signal(int)  # the proof thumbnail (by photo id) is on screen

    def __init__(self, form: QWidget, engine: Engine, tasks: TaskRunner) -> None:
        super().__init__(form)
        self._engine, self._tasks = engine, tasks
        self.box = child(form, QFrame, "cameBackBox")
        self._report = child(form, QLabel, "cameBackReport")
        self._excerpt = child(form, QLabel, "cameBackExcerpt")
        self._closed = child(form, QLabel, "cameBackClosed")
        self._officials = child(form, QLabel, "cameBackOfficials")
        self._times = child(form, QLabel, "cameBackTimes")
        self._photo = child(form, QLabel, "cameBackPhoto")
        self._report.linkActivated.connect(self._link)
        self._fix: ClosedFix | None = None
        self._owner: int | None = None  # the report whose panel this is
        self._photo_id: int | None = None  # the proof shown (or being fetched)
        self.box.hide()

    @property
    def fix(self) -> ClosedFix | None:
        return self._fix

    def report_markup(self) -> str:
        """The rich text of the line with the closed report's number (its link)."""
        return self._report.text()

    def facts_text(self) -> str:
        """Every line the panel shows, as plain text (the linked line as it reads)."""
        lines = [QTextDocumentFragment.fromHtml(self._report.text()).toPlainText()]
        lines.append(self._excerpt.text())
        lines += [self._closed.text(), self._officials.text(), self._times.text()]
        return "\n".join(lines)

    def has_photo(self) -> bool:
        pixmap = self._photo.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def show_fix(self, report_id: int, fix: ClosedFix | None) -> None:
        """The panel of ``report_id`` (None: not a recurrence, hidden)."""
        moved = report_id != self._owner
        self._owner, self._fix = report_id, fix
        if fix is None:
            self.box.hide()
            self._clear_photo()
            return
        language = current_language()
        link = f'<a href="{fix.report_id}">#{fix.report_id}</a>'
        metres = formatting.integer(round(fix.distance_m), language)
        self._report.setText(fill(html.escape(self.tr("Report %1 · %2 m away")), link, metres))
        self._times.setText(
            fill(
                self.tr("Times this fix came back: %1"),
                formatting.integer(fix.came_back_times, language),
            )
        )
        self._report.setToolTip(self.tr("Open the closed report"))
        self._excerpt.setText(f"“{excerpt(fix.text)}”")
        self._excerpt.setToolTip(plain_tooltip(fix.text))
        if fix.closed_by:
            closed = fill(self.tr("Closed %1 by %2"), moment_text(fix.closed_at), fix.closed_by)
        else:
            closed = fill(self.tr("Closed %1"), moment_text(fix.closed_at))
        self._closed.setText(closed)
        self._closed.setToolTip(plain_tooltip(closed))
        officials = self._officials_text(fix)
        self._officials.setText(officials)
        self._officials.setToolTip(plain_tooltip(officials))
        self.box.show()
        if moved or fix.proof_photo_id != self._photo_id:
            self._load_photo(report_id, fix.proof_photo_id)

    def _officials_text(self, fix: ClosedFix) -> str:
        if not fix.officials:
            return self.tr("No approved proof on record")
        names = list(fix.official_names) + [""] * (len(fix.officials) - len(fix.official_names))
        people = ", ".join(
            f"{name} (@{handle})" if name and name != handle else f"@{handle}"
            for handle, name in zip(fix.officials, names, strict=False)
        )
        return fill(self.tr("Proof approved from %1"), people)

    # -- photo -----------------------------------------------------------------------------
    def _clear_photo(self) -> None:
        self._photo_id = None
        self._photo.clear()

    def _load_photo(self, report_id: int, photo_id: int | None) -> None:
        self._clear_photo()
        if photo_id is None:
            self._photo.setText(self.tr("No proof photo"))
            return
        self._photo_id = photo_id
        self._photo.setText(self.tr("Loading…"))
        self._tasks.run(
            _fetch_thumbnail,
            self._engine,
            photo_id,
            channel="came-back-photo",
            on_done=lambda pixels: self._show_photo(report_id, photo_id, pixels),
            on_error=lambda _e: self._show_photo(report_id, photo_id, None),
        )

    def _show_photo(self, report_id: int, photo_id: int, pixels: DecodedPixels | None) -> None:
        if report_id != self._owner or photo_id != self._photo_id:
            return  # the pane moved on
        if pixels is None:
            self._photo.setText(self.tr("The photo cannot be read"))
            return
        image = QImage(
            pixels.rgb, pixels.width, pixels.height, 3 * pixels.width, QImage.Format.Format_RGB888
        ).copy()
        pixmap = QPixmap.fromImage(image).scaled(
            self._photo.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self._photo.setPixmap(pixmap)
        self._photo.setToolTip(self.tr("The approved proof photo of the closed report"))
        self.photo_shown.emit(photo_id)

    def _link(self, target: str) -> None:
        if target.isdigit():
            self.open_requested.emit(int(target))
