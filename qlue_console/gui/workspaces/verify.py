"""The supervisor's proof verifier: the queue of pending follow-ups (riskiest first) on the left;
the citizen's photo and the proof side by side with synchronized zoom and pan in the middle,
with the decision bar; the checks with their evidence, a small map of both positions and the
proof's EXIF on the right.

Approve (A) or reject (R, then 1–6 for the reason) in one keystroke: the next follow-up is
shown at once from data prefetched in the background, while the decision goes to the database
(``decide_follow_up``). Should the database refuse it (someone decided first, or bad input), the
supervisor is told and the queue is reloaded. Only a supervisor's login sees the decision bar;
PostgreSQL refuses anyone else anyway. Checks missing for new follow-ups are computed in the
background (``check_pending``) and the queue reorders when they arrive.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFrame,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qlue_console.data.reference import fetch_areas
from qlue_console.db.errors import ConflictError, ContractError, PermissionDeniedError
from qlue_console.db.listen import ChangeEvent
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.header_fit import fit_titles
from qlue_console.gui.i18n import category_name, fill, moment_text
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.verify.labels import (
    VERDICT_COLOURS,
    check_name,
    evidence_text,
    metres,
    reason_name,
    verdict_key,
    verdict_name,
)
from qlue_console.gui.verify.loading import LoadedItem, load_item
from qlue_console.gui.verify.mini_map import MiniMap
from qlue_console.gui.verify.override_dialog import OverrideDialog
from qlue_console.gui.verify.queue_model import (
    COL_CATEGORY,
    COL_CHECKS,
    COL_OFFICIAL,
    COL_PLACE,
    COL_REPORT,
    COL_RISK,
    COL_SUBMITTED,
    VerifyQueueModel,
    risk_colour,
)
from qlue_console.gui.verify.reuse_dialog import ReuseDialog
from qlue_console.gui.verify.synced_photos import SyncedPhotoViews
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.photos.checks import CHECK_CODES
from qlue_console.verify.checking import check_pending
from qlue_console.verify.decisions import (
    REASONS,
    Decision,
    VerifierRole,
    decide,
    failed_checks,
    fetch_role,
    suggested_reason,
)
from qlue_console.verify.queue import VerifyFilter, fetch_filter_options, fetch_pending

log = logging.getLogger(__name__)

PREFETCH_AHEAD = 2
CACHE_LIMIT = 8
CHECK_BATCH = 20
QUEUE_LIMIT = 500
# Events after which the queue may have changed.
_QUEUE_KINDS = {
    "follow_up",
    "proof_approved",
    "proof_rejected",
    "closed",
    "merged",
    "rejected",
    "reopened",
}
_EXIF_SKIP = {"MakerNote", "UserComment", "PrintImageMatching", "ComponentsConfiguration"}


def _load_filters(engine):
    return fetch_filter_options(engine), fetch_areas(engine)


class VerifyWorkspace(QObject):
    ready = Signal()  # the queue is on screen
    item_shown = Signal(int, bool)  # follow-up id, shown from prefetched data
    prefetched = Signal(int)  # a follow-up's data is ready in the cache
    decided = Signal(object)  # Decision, confirmed by the database
    decision_failed = Signal(int, str)  # follow-up id, the database's message
    queue_loaded = Signal()

    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = ctx.engine, ctx.tasks, ctx.language
        self.widget = load_form("verify_workspace", parent)
        w = self.widget
        self._splitter = child(w, QSplitter, "paneSplitter")
        self._queue_view = child(w, QTableView, "queueView")
        self._count = child(w, QLabel, "queueCountLabel")
        self._agency = child(w, QComboBox, "agencyFilter")
        self._area = child(w, QComboBox, "areaFilter")
        self._official = child(w, QComboBox, "officialFilter")
        self._check = child(w, QComboBox, "checkFilter")
        self._title = child(w, QLabel, "itemTitle")
        self._report_text = child(w, QLabel, "reportText")
        self._banner = child(w, QLabel, "decidedBanner")
        self._citizen_label = child(w, QLabel, "citizenPhotoLabel")
        self._proof_label = child(w, QLabel, "proofPhotoLabel")
        self._reuse_panel = child(w, QWidget, "reusePanel")
        self._reuse_title = child(w, QLabel, "reuseTitle")
        self._reuse_view = child(w, QGraphicsView, "reusePhotoView")
        self._reuse_links = child(w, QLabel, "reuseLinks")
        self._decision_bar = child(w, QWidget, "decisionBar")
        self._approve_button = child(w, QPushButton, "approveButton")
        self._reject_button = child(w, QPushButton, "rejectButton")
        self._status = child(w, QLabel, "decisionStatus")
        self._read_only = child(w, QLabel, "readOnlyLabel")
        self._reason_panel = child(w, QFrame, "reasonPanel")
        self._reason_list = child(w, QListWidget, "reasonList")
        self._note = child(w, QLineEdit, "noteEdit")
        self._reason_error = child(w, QLabel, "reasonError")
        self._risk = child(w, QLabel, "riskLabel")
        self._checks = child(w, QTreeWidget, "checksView")
        self._exif = child(w, QTableWidget, "exifView")
        self._reuse_panel.hide()
        center = child(w, QWidget, "centerPane").layout()
        for i in range(center.count()):  # the photos take the height; the reason panel its own
            inner = center.itemAt(i).layout()
            center.setStretch(i, 1 if inner is not None and inner.objectName() == "photoRow" else 0)
        self._reason_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._report_text.setTextFormat(Qt.TextFormat.PlainText)  # citizens' text is never markup
        self.reuse_dialog: ReuseDialog | None = None
        self.override_dialog: OverrideDialog | None = None  # open while a reason is asked for

        self.model = VerifyQueueModel(self._language, self)
        self._queue_view.setModel(self.model)
        header = self._queue_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (
            (COL_RISK, 42),
            (COL_REPORT, 56),
            (COL_OFFICIAL, 150),
            (COL_CHECKS, 190),
            (COL_PLACE, 130),
            (COL_CATEGORY, 120),
            (COL_SUBMITTED, 120),
        ):
            header.resizeSection(col, width)
        fit_titles(self._queue_view)
        self._queue_view.verticalHeader().hide()
        self._queue_view.verticalHeader().setDefaultSectionSize(22)
        self._queue_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._queue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._queue_view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.photos = SyncedPhotoViews(
            [
                child(w, QGraphicsView, "citizenPhotoView"),
                child(w, QGraphicsView, "proofPhotoView"),
                self._reuse_view,
            ],
            self,
        )
        self.map = MiniMap(child(w, QWidget, "mapSlot"))
        child(w, QWidget, "mapSlot").layout().addWidget(self.map)
        self._checks.header().setStretchLastSection(False)
        self._checks.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._checks.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._checks.setUniformRowHeights(False)
        self._checks.setTextElideMode(Qt.TextElideMode.ElideRight)
        side = child(w, QWidget, "sidePane").layout()
        side.setStretchFactor(self._checks, 5)
        side.setStretchFactor(child(w, QWidget, "mapSlot"), 3)
        side.setStretchFactor(self._exif, 2)
        self._exif.verticalHeader().setDefaultSectionSize(20)
        self._exif.horizontalHeader().hide()
        self._exif.verticalHeader().hide()
        self._exif.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self._exif.horizontalHeader().setStretchLastSection(True)
        for i, code in enumerate(REASONS, start=1):
            item = QListWidgetItem(f"{i}  {reason_name(code)}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self._reason_list.addItem(item)
        self._reason_list.installEventFilter(self)
        self._note.installEventFilter(self)
        self._reason_list.itemActivated.connect(
            lambda item: self._choose_reason(item.data(Qt.ItemDataRole.UserRole))
        )
        self._note.returnPressed.connect(self._note_entered)
        self._reuse_view.viewport().installEventFilter(self)
        self._reuse_links.linkActivated.connect(lambda link: self.open_reuse(int(link)))
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 5)
        self._splitter.setStretchFactor(2, 3)
        self._splitter.setSizes([470, 720, 470])

        child(w, QToolButton, "zoomInButton").clicked.connect(lambda: self.photos.zoom(1.25))
        child(w, QToolButton, "zoomOutButton").clicked.connect(lambda: self.photos.zoom(0.8))
        child(w, QToolButton, "fitButton").clicked.connect(self.photos.fit)
        self._approve_button.clicked.connect(self.approve)
        self._reject_button.clicked.connect(self.start_reject)
        for key, slot in (
            ("A", self.approve),
            ("R", self.start_reject),
            ("+", lambda: self.photos.zoom(1.25)),
            ("=", lambda: self.photos.zoom(1.25)),
            ("-", lambda: self.photos.zoom(0.8)),
            ("0", self.photos.fit),
        ):
            QShortcut(QKeySequence(key), w, slot).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

        self.role: VerifierRole | None = None
        self.current: LoadedItem | None = None
        self.last_next_ms: float | None = None  # keystroke → next item on screen
        self._cache: dict[int, LoadedItem] = {}
        self._inflight: set[int] = set()
        self._decided_here: set[int] = set()
        self._overridden: set[int] = set()  # approved over a failed check, with a reason
        self._keystroke_at: float | None = None
        self._ready_sent = False
        self._filters_ready = False
        self._set_decision_enabled(False)
        self._decision_bar.hide()
        self._clear_item()

        self._tasks.run(
            fetch_role,
            self._engine,
            on_done=self._role_known,
            on_error=lambda e: self._show_error(self.tr("Your role could not be read: %1"), e),
        )
        self._tasks.run(_load_filters, self._engine, on_done=self._filters_loaded)
        self.refresh_queue()
        self._kick_checks()

    # -- filters -------------------------------------------------------------------------------
    def _filters_loaded(self, data) -> None:
        options, areas = data
        self._agency.addItem(self.tr("All agencies"), None)
        for code, name in options.agencies:
            self._agency.addItem(name, code)
        self._area.addItem(self.tr("All of Jakarta"), None)
        for area in areas:
            self._area.addItem(area.path, area.code)
        self._official.addItem(self.tr("All officials"), None)
        for account_id, handle, name in options.officials:
            self._official.addItem(f"@{handle} — {name}", account_id)
        self._check.addItem(self.tr("Any check"), None)
        for code in CHECK_CODES:
            self._check.addItem(fill(self.tr("Failing: %1"), check_name(code)), code)
        for combo in (self._area, self._official):
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for combo in (self._agency, self._area, self._official, self._check):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_queue())
        self._filters_ready = True

    def current_filter(self) -> VerifyFilter:
        if not self._filters_ready:
            return VerifyFilter()
        return VerifyFilter(
            agency=self._agency.currentData(),
            area_code=self._area.currentData(),
            official_id=self._official.currentData(),
            failing_check=self._check.currentData(),
        )

    def set_filter(self, *, failing_check: str | None = None, area_code: str | None = None) -> None:
        """Chooses filters by value (the tests and a later saved-view feature use it)."""
        if failing_check is not None:
            self._check.setCurrentIndex(max(0, self._check.findData(failing_check)))
        if area_code is not None:
            self._area.setCurrentIndex(max(0, self._area.findData(area_code)))

    # -- queue ---------------------------------------------------------------------------------
    def refresh_queue(self) -> None:
        self._tasks.run(
            fetch_pending,
            self._engine,
            self.current_filter(),
            QUEUE_LIMIT,
            channel="verify-queue",
            coalesce=True,
            on_done=self._queue_arrived,
            on_error=lambda e: self._show_error(self.tr("The queue could not be loaded: %1"), e),
        )

    def _queue_arrived(self, rows) -> None:
        rows = [r for r in rows if r.follow_up_id not in self._decided_here]
        keep = self.current.item.follow_up_id if self.current else None
        self.model.set_rows(rows)
        total = len(rows)
        self._count.setText(
            fill(self.tr("%1 follow-ups waiting"), str(total))
            if total < QUEUE_LIMIT
            else fill(self.tr("the %1 riskiest shown"), str(total))
        )
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and total:
            row = 0
        if row >= 0:
            self._select_row(row)
        elif not total:
            self.current = None
            self._clear_item(self.tr("No follow-up is waiting for a decision."))
        live = {r.follow_up_id for r in rows}
        for stale in [k for k in self._cache if k not in live]:
            del self._cache[stale]
        self.queue_loaded.emit()
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()
        self._prefetch()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        selection = self._queue_view.selectionModel()
        if (
            selection.currentIndex().row() == row
            and self.current is not None
            and self.current.item.follow_up_id == self.model.row_at(row).follow_up_id
        ):
            return
        selection.setCurrentIndex(
            index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        )
        self._queue_view.scrollTo(index)

    def _row_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.show_follow_up(row.follow_up_id)

    # -- one item ------------------------------------------------------------------------------
    def show_follow_up(self, follow_up_id: int) -> None:
        if self.current is not None and self.current.item.follow_up_id == follow_up_id:
            return
        cached = self._cache.pop(follow_up_id, None)
        if cached is not None:
            self._display(cached, True)
            return
        self._title.setText(fill(self.tr("Loading follow-up #%1…"), str(follow_up_id)))
        self._tasks.run(
            load_item,
            self._engine,
            follow_up_id,
            channel="verify-item",
            on_done=lambda loaded: self._loaded(follow_up_id, loaded),
            on_error=lambda e: self._show_error(
                self.tr("The follow-up could not be loaded: %1"), e
            ),
        )

    def _loaded(self, follow_up_id: int, loaded: LoadedItem | None) -> None:
        current_row = self.model.row_at(self._queue_view.currentIndex().row())
        if current_row is None or current_row.follow_up_id != follow_up_id:
            return  # the supervisor moved on meanwhile
        if loaded is None:
            self._clear_item(fill(self.tr("Follow-up #%1 no longer exists."), str(follow_up_id)))
            return
        self._display(loaded, False)

    def _display(self, loaded: LoadedItem, from_prefetch: bool) -> None:
        self.current = loaded
        item = loaded.item
        category = category_name(self._language, item.category_id, item.category_en)
        place = ", ".join(x for x in (item.kelurahan, item.kecamatan, item.kota) if x) or self.tr(
            "outside DKI Jakarta"
        )
        self._title.setText(
            fill(
                self.tr("<b>Report #%1</b> · %2 · %3<br>Follow-up by <b>@%4</b> (%5) · posted %6"),
                str(item.report_id),
                _escape(category),
                _escape(place),
                _escape(item.official),
                _escape(item.official_name),
                moment_text(item.submitted_at),
            )
        )
        self._report_text.setText(
            fill(
                self.tr("Citizen %1, %2: “%3”\nOfficial's note: “%4”"),
                item.citizen,
                moment_text(item.report_created_at),
                _shorten(item.report_text, 300),
                _shorten(item.note, 200) or "–",
            )
        )
        self._citizen_label.setText(
            fill(self.tr("Citizen's photo · reported %1"), moment_text(item.report_created_at))
        )
        taken = (
            moment_text(item.proof_taken_at) if item.proof_taken_at else self.tr("no capture time")
        )
        self._proof_label.setText(fill(self.tr("Proof photo (TL) · taken %1"), taken))
        self.photos.set_pixels(0, loaded.report_pixels)
        self.photos.set_pixels(1, loaded.proof_pixels)
        self._show_reuse(loaded)
        self.photos.fit()
        self._show_checks(item)
        self._show_exif(item)
        limit = item.check("far_from_report")
        self.map.set_points(
            (item.report_lat, item.report_lon),
            (item.proof_lat, item.proof_lon) if item.proof_lat is not None else None,
            item.distance_m,
            item.boundary,
            float(limit.evidence.get("limit_m", 200.0)) if limit and limit.evidence else 200.0,
        )
        self._show_decided(item)
        self._hide_reasons()
        if self._keystroke_at is not None:
            self.last_next_ms = (time.perf_counter() - self._keystroke_at) * 1000
            self._keystroke_at = None
        self.item_shown.emit(item.follow_up_id, from_prefetch)
        self._prefetch()

    def _show_reuse(self, loaded: LoadedItem) -> None:
        hits = loaded.item.reuse
        if not hits:
            self._reuse_panel.hide()
            self.photos.set_pixels(2, None)
            return
        first = hits[0]
        self._reuse_title.setText(
            fill(self.tr("Same as the proof of report #%1"), str(first.report_id))
        )
        links = []
        for hit in hits[:6]:
            links.append(
                fill(
                    self.tr('<a href="%1">#%2</a> (distance %3)'),
                    str(hit.photo_id),
                    str(hit.report_id),
                    str(hit.distance),
                )
            )
        who = fill(
            self.tr("posted by @%1, %2"),
            _escape(first.official or "?"),
            moment_text(first.submitted_at),
        )
        self._reuse_links.setText(who + "<br>" + ", ".join(links))
        self.photos.set_pixels(2, loaded.reuse_pixels)
        self._reuse_panel.show()

    def _show_checks(self, item) -> None:
        self._checks.clear()
        if item.risk is None or not item.checks:
            self._risk.setText(
                self.tr("<b>Checks</b>: not computed yet — they run in the background")
            )
            return
        colour = risk_colour(item.risk).name()
        self._risk.setText(
            fill(
                self.tr(
                    "<b>Checks</b> · risk <span style='color:%1; font-size:14pt'><b>%2</b></span>/100"
                ),
                colour,
                f"{item.risk:.0f}",
            )
        )
        order = {"fail": 0, "warn": 1, "pass": 2, "skipped": 3}
        for check in sorted(
            item.checks, key=lambda c: (order[verdict_key(c)], CHECK_CODES.index(c.code))
        ):
            row = QTreeWidgetItem(
                [check_name(check.code) + "\n" + evidence_text(check), verdict_name(check)]
            )
            background, foreground = VERDICT_COLOURS[verdict_key(check)]
            for col in range(2):
                row.setBackground(col, QBrush(background))
                row.setForeground(col, QBrush(foreground))
                row.setToolTip(col, plain_tooltip(check.message))
            row.setData(0, Qt.ItemDataRole.UserRole, check.code)
            self._checks.addTopLevelItem(row)

    def _show_exif(self, item) -> None:
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
                if item.proof_lat is not None
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
            if key in _EXIF_SKIP:
                continue
            value = item.exif[key]
            rows.append((key, _shorten(str(value), 80)))
        self._exif.setRowCount(len(rows))
        for i, (name, value) in enumerate(rows):
            self._exif.setItem(i, 0, QTableWidgetItem(name))
            cell = QTableWidgetItem(value)
            cell.setToolTip(plain_tooltip(value))
            self._exif.setItem(i, 1, cell)

    def _show_decided(self, item) -> None:
        decided = item.verification != "pending"
        if decided:
            self._banner.setText(
                fill(
                    self.tr("Already %1 by %2 at %3."),
                    self.tr("approved") if item.verification == "approved" else self.tr("rejected"),
                    item.verifier or "?",
                    moment_text(item.verified_at),
                )
            )
        self._banner.setVisible(decided)
        self._set_decision_enabled(not decided and self.role is not None and self.role.can_decide)

    def _clear_item(self, message: str | None = None) -> None:
        self._title.setText(message or self.tr("Select a follow-up"))
        self._report_text.setText("")
        self._citizen_label.setText(self.tr("Citizen's photo"))
        self._proof_label.setText(self.tr("Proof photo (TL)"))
        for i in range(3):
            self.photos.set_pixels(i, None)
        self._reuse_panel.hide()
        self._checks.clear()
        self._exif.setRowCount(0)
        self._risk.setText("")
        self._banner.hide()
        self.map.set_points(None, None, None)
        self._set_decision_enabled(False)

    # -- prefetch ------------------------------------------------------------------------------
    def _prefetch(self) -> None:
        if self.current is None:
            return
        row = self.model.row_of(self.current.item.follow_up_id)
        if row < 0:
            row = self._queue_view.currentIndex().row()
        for ahead in range(1, PREFETCH_AHEAD + 1):
            target = self.model.row_at(row + ahead)
            if target is None:
                break
            fid = target.follow_up_id
            if fid in self._cache or fid in self._inflight:
                continue
            self._inflight.add(fid)
            self._tasks.run(
                load_item,
                self._engine,
                fid,
                on_done=lambda loaded, f=fid: self._prefetched(f, loaded),
                on_error=lambda _e, f=fid: self._inflight.discard(f),
            )

    def _prefetched(self, follow_up_id: int, loaded: LoadedItem | None) -> None:
        self._inflight.discard(follow_up_id)
        if loaded is None or self.model.row_of(follow_up_id) < 0:
            return
        self._cache[follow_up_id] = loaded
        while len(self._cache) > CACHE_LIMIT:
            self._cache.pop(next(iter(self._cache)))
        self.prefetched.emit(follow_up_id)

    def is_prefetched(self, follow_up_id: int) -> bool:
        return follow_up_id in self._cache

    # -- decisions -----------------------------------------------------------------------------
    def _role_known(self, role: VerifierRole) -> None:
        self.role = role
        self._decision_bar.setVisible(role.can_decide)
        self._read_only.setVisible(not role.can_decide)
        if self.current is not None:
            self._show_decided(self.current.item)

    def _set_decision_enabled(self, enabled: bool) -> None:
        self._approve_button.setEnabled(enabled)
        self._reject_button.setEnabled(enabled)

    def can_decide_now(self) -> bool:
        return (
            self.role is not None
            and self.role.can_decide
            and self.current is not None
            and self.current.item.verification == "pending"
            and self.current.item.follow_up_id not in self._decided_here
        )

    def approve(self) -> None:
        """Approves the shown proof; over a failed check, asks for the reason first."""
        if (
            self._reason_panel.isVisible()
            or self.override_dialog is not None
            or not self.can_decide_now()
        ):
            return
        item = self.current.item
        failed = set(failed_checks(item.checks))
        if not failed:
            self._decide("approve", None, None)
            return
        views = [c for c in item.checks if c.code in failed]
        dialog = OverrideDialog(item.follow_up_id, item.report_id, views, self.widget)
        dialog.reason_given.connect(self._override_given)
        dialog.finished.connect(self._override_closed)
        self.override_dialog = dialog
        dialog.open()

    def _override_given(self, follow_up_id: int, reason: str) -> None:
        if (
            self.current is not None
            and self.current.item.follow_up_id == follow_up_id
            and self.can_decide_now()
        ):
            self._overridden.add(follow_up_id)
            self._decide("approve", None, reason)

    def _override_closed(self, _result: int) -> None:
        self.override_dialog = None
        self._queue_view.setFocus()

    def start_reject(self) -> None:
        if not self.can_decide_now():
            return
        suggestion = suggested_reason(self.current.item.verdicts()) or "not_fixed"
        self._reason_list.setCurrentRow(REASONS.index(suggestion))
        self._note.clear()
        self._reason_error.setText("")
        self._reason_panel.show()
        self._reason_list.setFocus()

    def _hide_reasons(self) -> None:
        if self._reason_panel.isVisible():
            self._reason_panel.hide()
            self._queue_view.setFocus()

    def _choose_reason(self, code: str) -> None:
        self._reason_list.setCurrentRow(REASONS.index(code))
        note = self._note.text().strip()
        if code == "other" and not note:
            self._reason_error.setText(self.tr("Write a note for “Other”, then press Enter."))
            self._note.setFocus()
            return
        self._decide("reject", code, note or None)

    def _note_entered(self) -> None:
        item = self._reason_list.currentItem()
        if item is not None:
            self._choose_reason(item.data(Qt.ItemDataRole.UserRole))

    def _decide(self, decision: str, reason: str | None, note: str | None) -> None:
        self._keystroke_at = time.perf_counter()
        fid = self.current.item.follow_up_id
        report_id = self.current.item.report_id
        self._decided_here.add(fid)
        self._tasks.run(
            decide,
            self._engine,
            fid,
            decision,
            reason,
            note,
            on_done=self._decision_done,
            on_error=lambda e: self._decision_error(fid, report_id, e),
        )
        self._hide_reasons()
        row = self.model.remove(fid)
        self._queue_view.setFocus()
        self._count.setText(fill(self.tr("%1 follow-ups waiting"), str(self.model.rowCount())))
        if self.model.rowCount():
            self._select_row(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self.current = None
            self._keystroke_at = None
            self._clear_item(self.tr("No follow-up is waiting for a decision."))

    def _decision_done(self, result: Decision) -> None:
        self._decided_here.discard(result.follow_up_id)
        overridden = result.follow_up_id in self._overridden
        self._overridden.discard(result.follow_up_id)
        if result.decision == "approve" and overridden:
            text = fill(
                self.tr(
                    "Approved despite failed checks: report #%1 is closed; your reason is on its timeline."
                ),
                str(result.report_id),
            )
        elif result.decision == "approve":
            text = fill(self.tr("Approved: report #%1 is closed."), str(result.report_id))
        else:
            handles = ", ".join("@" + m.handle for m in result.mentions) or "–"
            text = fill(
                self.tr("Rejected: report #%1 reopened for %2, due %3."),
                str(result.report_id),
                handles,
                moment_text(result.due_at),
            )
        self._status.setText(text)
        self._tell(text)
        self.decided.emit(result)

    def _decision_error(self, follow_up_id: int, report_id: int, error: Exception) -> None:
        self._decided_here.discard(follow_up_id)
        self._overridden.discard(follow_up_id)
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if isinstance(error, ConflictError):
            actor = error.details.get("actor") or "?"
            text = fill(
                self.tr("Report #%1 was decided by %2 before you: %3"),
                str(report_id),
                actor,
                message,
            )
            self._status.setText(text)
            self._tell(text)
        else:
            title = (
                self.tr("Not allowed")
                if isinstance(error, PermissionDeniedError)
                else self.tr("Decision refused")
            )
            if not isinstance(error, (ContractError, PermissionDeniedError)):
                log.error("decision on follow-up %s failed: %s", follow_up_id, error)
            QMessageBox.warning(
                self.widget,
                title,
                fill(
                    self.tr("The decision on report #%1 was not saved: %2"), str(report_id), message
                ),
            )
        self.decision_failed.emit(follow_up_id, message)
        self.refresh_queue()

    # -- reuse ---------------------------------------------------------------------------------
    def open_reuse(self, photo_id: int | None = None) -> None:
        """Opens the report of a reused proof (the closest one by default) in a window."""
        if self.current is None or not self.current.item.reuse:
            return
        hit = next(
            (h for h in self.current.item.reuse if h.photo_id == photo_id),
            self.current.item.reuse[0],
        )
        dialog = ReuseDialog(
            self._engine, self._tasks, self._language, hit, self.current, self.widget
        )
        dialog.show()
        self.reuse_dialog = dialog

    # -- events --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self._reuse_view.viewport()
            and event.type() == QEvent.Type.MouseButtonDblClick
        ):
            self.open_reuse()
            return True
        if (
            watched is self._reuse_view.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
        ):
            if event.button() == Qt.MouseButton.LeftButton and self.photos.zoom_level == 1.0:
                self.open_reuse()
                return True
        if watched in (self._reason_list, self._note) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self._hide_reasons()
                return True
            if watched is self._reason_list and Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
                self._choose_reason(REASONS[key - Qt.Key.Key_1])
                return True
            if watched is self._reason_list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._note_entered()
                return True
        return False

    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        reports = {e.report_id for e in events if e.kind in _QUEUE_KINDS}
        if not reports:
            return
        for fid, loaded in list(self._cache.items()):
            if loaded.item.report_id in reports:
                del self._cache[fid]
        if any(e.kind == "follow_up" for e in events):
            self._kick_checks()
        if (
            self.current is not None
            and self.current.item.report_id in reports
            and self.current.item.follow_up_id not in self._decided_here
        ):
            fid = self.current.item.follow_up_id
            self._tasks.run(
                load_item,
                self._engine,
                fid,
                channel="verify-item",
                on_done=lambda loaded: self._reloaded(fid, loaded),
            )
        self.refresh_queue()

    def _reloaded(self, follow_up_id: int, loaded: LoadedItem | None) -> None:
        if (
            loaded is not None
            and self.current is not None
            and self.current.item.follow_up_id == follow_up_id
        ):
            self.current = loaded
            self._show_checks(loaded.item)
            self._show_decided(loaded.item)

    # -- background checks ---------------------------------------------------------------------
    def _kick_checks(self) -> None:
        self._tasks.run(
            check_pending,
            self._engine,
            CHECK_BATCH,
            channel="verify-checks",
            coalesce=True,
            on_done=self._checks_done,
            on_error=lambda e: log.error("background checks failed: %s", e),
        )

    def _checks_done(self, stored: int) -> None:
        if not stored:
            return
        for fid in [f for f, loaded in self._cache.items() if loaded.item.risk is None]:
            del self._cache[fid]
        if self.current is not None and self.current.item.risk is None:
            fid = self.current.item.follow_up_id
            self._tasks.run(
                load_item,
                self._engine,
                fid,
                channel="verify-item",
                on_done=lambda loaded: self._reloaded(fid, loaded),
            )
        self.refresh_queue()
        self._kick_checks()

    # -- messages ------------------------------------------------------------------------------
    def _tell(self, text: str) -> None:
        window = self.widget.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def _show_error(self, template: str, error: Exception) -> None:
        text = fill(template, str(error).splitlines()[0] if str(error) else type(error).__name__)
        self._status.setText(text)
        self._tell(text)


def _shorten(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
