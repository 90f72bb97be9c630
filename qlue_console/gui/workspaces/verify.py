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

This module wires the controllers of ``gui/verify/`` together, each with one job: the filters,
the queue, the item shown, the prefetch, the decision bar, the reasons, the decision on its
way, the background checks and the keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from qlue_console.db.listen import ChangeEvent
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import fill
from qlue_console.gui.verify.background_checks import BackgroundChecks
from qlue_console.gui.verify.decider import Decider, first_line
from qlue_console.gui.verify.decision_bar import DecisionBar
from qlue_console.gui.verify.filter_bar import FilterBar
from qlue_console.gui.verify.item_display import ItemDisplay
from qlue_console.gui.verify.loading import LoadedItem, load_item
from qlue_console.gui.verify.prefetcher import PREFETCH_AHEAD, Prefetcher
from qlue_console.gui.verify.queue_list import QUEUE_LIMIT, QueueList
from qlue_console.gui.verify.reason_panel import ReasonPanel
from qlue_console.gui.verify.shortcuts import install_shortcuts
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.verify.decisions import VerifierRole, fetch_role, suggested_reason
from qlue_console.verify.queue import PendingItem, fetch_pending

# Events after which the queue may have changed.
_QUEUE_KINDS = frozenset(
    ("follow_up", "proof_approved", "proof_rejected", "closed", "merged", "rejected", "reopened")
)


class VerifyWorkspace(QObject):
    ready = Signal()  # the queue is on screen
    item_shown = Signal(int, bool)  # follow-up id, shown from prefetched data
    decided = Signal(object)  # Decision, confirmed by the database
    decision_failed = Signal(int, str)  # follow-up id, the database's message
    queue_loaded = Signal()

    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self.tasks = ctx.engine, ctx.tasks
        self.widget = load_form("verify_workspace", parent)
        w = self.widget
        self.filters = FilterBar(w, ctx.engine, ctx.tasks)
        self.queue = QueueList(w, ctx.language)
        self.model = self.queue.model
        self.display = ItemDisplay(w, ctx)
        self.photos = self.display.photos
        self.bar = DecisionBar(w)
        self.reasons = ReasonPanel(w)
        self.decider = Decider(ctx.engine, ctx.tasks, self._may_decide_on, w)
        self.prefetcher = Prefetcher(ctx.engine, ctx.tasks, self.queue.contains, self)
        self.checks = BackgroundChecks(ctx.engine, ctx.tasks, self)
        splitter = child(w, QSplitter, "paneSplitter")
        for pane, stretch in enumerate((3, 5, 3)):
            splitter.setStretchFactor(pane, stretch)
        splitter.setSizes([470, 720, 470])

        self.filters.changed.connect(self.refresh_queue)
        self.queue.selected.connect(self.show_follow_up)
        self.bar.approve_button.clicked.connect(self.approve)
        self.bar.reject_button.clicked.connect(self.start_reject)
        self.reasons.chosen.connect(self._reason_chosen)
        self.reasons.closed.connect(self.queue.focus)
        w.setFocusProxy(self.queue.view)  # opening the workspace puts the keys on the queue
        self.decider.sent.connect(self._sent)
        self.decider.decided.connect(self.decided)
        self.decider.failed.connect(self._decision_failed)
        self.decider.message.connect(self.bar.report)
        self.decider.dialog_closed.connect(self.queue.focus)
        self.checks.stored.connect(self._checks_stored)
        install_shortcuts(
            w,
            approve=self.approve,
            reject=self.start_reject,
            zoom_in=self.display.zoom_in,
            zoom_out=self.display.zoom_out,
            fit=self.photos.fit,
        )

        self.role: VerifierRole | None = None
        self.current: LoadedItem | None = None
        self._ready_sent = False
        self._clear_item()
        ctx.tasks.run(
            fetch_role,
            ctx.engine,
            on_done=self._role_known,
            on_error=lambda e: self._show_error(self.tr("Your role could not be read: %1"), e),
        )
        self.refresh_queue()
        self.checks.run()

    # -- queue ---------------------------------------------------------------------------------
    def refresh_queue(self) -> None:
        self.tasks.run(
            fetch_pending,
            self._engine,
            self.filters.current_filter(),
            QUEUE_LIMIT,
            channel="verify-queue",
            coalesce=True,
            on_done=self._queue_arrived,
            on_error=lambda e: self._show_error(self.tr("The queue could not be loaded: %1"), e),
        )

    def _queue_arrived(self, rows: list[PendingItem]) -> None:
        rows = [r for r in rows if not self.decider.in_flight(r.follow_up_id)]
        if not self.queue.set_rows(rows, self._shown_id()):
            self.current = None
            self._clear_item(self.tr("No follow-up is waiting for a decision."))
        self.prefetcher.keep_only({r.follow_up_id for r in rows})
        self.queue_loaded.emit()
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()
        self._prefetch()

    # -- one item ------------------------------------------------------------------------------
    def show_follow_up(self, follow_up_id: int) -> None:
        if self._shown_id() == follow_up_id:
            return
        cached = self.prefetcher.take(follow_up_id)
        if cached is not None:
            self._display(cached, True)
            return
        self.display.show_loading(follow_up_id)
        self.tasks.run(
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
        if self.queue.current_id() != follow_up_id:
            return  # the supervisor moved on meanwhile
        if loaded is None:
            self._clear_item(fill(self.tr("Follow-up #%1 no longer exists."), str(follow_up_id)))
            return
        self._display(loaded, False)

    def _display(self, loaded: LoadedItem, from_prefetch: bool) -> None:
        self.current = loaded
        self.display.show(loaded)
        self._show_decided(loaded)
        self.reasons.close()
        self.item_shown.emit(loaded.item.follow_up_id, from_prefetch)
        self._prefetch()

    def _show_decided(self, loaded: LoadedItem) -> None:
        self.bar.show_decided(loaded.item, self.role is not None and self.role.can_decide)

    def _clear_item(self, message: str | None = None) -> None:
        self.display.clear(message)
        self.bar.clear()

    def _shown_id(self) -> int | None:
        return self.current.item.follow_up_id if self.current is not None else None

    def _prefetch(self) -> None:
        shown = self._shown_id()
        if shown is not None:
            self.prefetcher.fetch(self.queue.ids_after(shown, PREFETCH_AHEAD))

    # -- decisions -----------------------------------------------------------------------------
    def _role_known(self, role: VerifierRole) -> None:
        self.role = role
        self.bar.set_role(role.can_decide)
        if self.current is not None:
            self._show_decided(self.current)

    def can_decide_now(self) -> bool:
        return (
            self.role is not None
            and self.role.can_decide
            and self.current is not None
            and self.current.item.verification == "pending"
            and not self.decider.in_flight(self.current.item.follow_up_id)
        )

    def _may_decide_on(self, follow_up_id: int) -> bool:
        return self._shown_id() == follow_up_id and self.can_decide_now()

    def approve(self) -> None:
        """Approves the shown proof; over a failed check, asks for the reason first."""
        if self.reasons.is_open() or self.decider.override_dialog is not None:
            return
        if self.current is not None and self.can_decide_now():
            self.decider.approve(self.current.item)

    def start_reject(self) -> None:
        if self.current is not None and self.can_decide_now():
            self.reasons.open(suggested_reason(self.current.item.verdicts()) or "not_fixed")

    def _reason_chosen(self, code: str, note: str | None) -> None:
        if self.current is not None:
            self.decider.send(self.current.item, "reject", code, note)

    def _sent(self, follow_up_id: int) -> None:
        """The decision left: the next follow-up is shown without waiting for the answer."""
        self.reasons.close()
        if not self.queue.remove(follow_up_id):
            self.current = None
            self._clear_item(self.tr("No follow-up is waiting for a decision."))

    def _decision_failed(self, follow_up_id: int, message: str) -> None:
        self.decision_failed.emit(follow_up_id, message)
        self.refresh_queue()

    # -- live changes --------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        reports = {e.report_id for e in events if e.kind in _QUEUE_KINDS}
        if not reports:
            return
        self.prefetcher.forget_reports(reports)
        if any(e.kind == "follow_up" for e in events):
            self.checks.run()
        if (
            self.current is not None
            and self.current.item.report_id in reports
            and not self.decider.in_flight(self.current.item.follow_up_id)
        ):
            self._reload_current()
        self.refresh_queue()

    def _checks_stored(self, _stored: int) -> None:
        self.prefetcher.forget_unchecked()
        if self.current is not None and self.current.item.risk is None:
            self._reload_current()
        self.refresh_queue()

    def _reload_current(self) -> None:
        fid = self._shown_id()
        if fid is None:
            return
        self.tasks.run(
            load_item,
            self._engine,
            fid,
            channel="verify-item",
            on_done=lambda loaded: self._reloaded(fid, loaded),
        )

    def _reloaded(self, follow_up_id: int, loaded: LoadedItem | None) -> None:
        if loaded is not None and self._shown_id() == follow_up_id:
            self.current = loaded
            self.display.checks.show(loaded.item)
            self._show_decided(loaded)

    def _show_error(self, template: str, error: Exception) -> None:
        self.bar.report(fill(template, first_line(error)))
