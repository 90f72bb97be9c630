"""Bulk actions on the queue's selection (Shift/Ctrl+click, Shift+arrows, Ctrl+A): set
category, set priority, reject, merge into one original, dispatch to the same officials, and
undo of the last one — each a ``QAction`` with an object name and a shortcut on the queue and
in its context menu, so the keyboard (and a command palette) reaches them.

The selection's versions are read once, on a worker, when the action is asked for; the dialog
asks what to apply; the bulk runs on a worker (one transaction per report, the version checked)
and the result dialog names what went through and what was refused, and why. The UI thread
only reads the selection, shows dialogs and fills the result list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView
from sqlalchemy import Engine

from qlue_console.data.reference import CategoryInfo
from qlue_console.dispatch import service
from qlue_console.gui.i18n import fill
from qlue_console.gui.queue.bulk_dialog import BulkResultDialog, ask_bulk, summary_text
from qlue_console.gui.queue.handle_completer import snapshot_for_dispatch
from qlue_console.gui.queue_model import ROW_ROLE, QueueModel
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import bulk
from qlue_console.triage.bulk import BulkResult, Target

_RUN: dict[str, Callable[..., BulkResult]] = {
    bulk.CATEGORY: bulk.set_category,
    bulk.PRIORITY: bulk.set_priority,
    bulk.REJECT: bulk.reject,
    bulk.MERGE: bulk.merge,
}

# the QAction's object name and shortcut of each bulk action
SHORTCUTS = {
    bulk.CATEGORY: ("bulkCategoryAction", "Ctrl+Shift+C"),
    bulk.PRIORITY: ("bulkPriorityAction", "Ctrl+Shift+P"),
    bulk.REJECT: ("bulkRejectAction", "Ctrl+Shift+R"),
    bulk.MERGE: ("bulkMergeAction", "Ctrl+Shift+M"),
    bulk.DISPATCH: ("bulkDispatchAction", "Ctrl+Shift+D"),
}


def run_bulk(engine: Engine, kind: str, targets: Sequence[Target], values: dict) -> BulkResult:
    """On a worker: the bulk action ``kind`` with what the dialog asked for."""
    if kind == bulk.DISPATCH:
        handles = list(values["handles"])
        send = partial(_send, message=values["message"], handles=handles)
        return bulk.dispatch(engine, targets, send, service.undo_dispatch, handles)
    return _RUN[kind](engine, targets, **values)


def _send(
    engine: Engine, report_id: int, version: int, *, message: str, handles: list[str]
) -> service.DispatchResult:
    """One report of a bulk dispatch (no nested function here: lupdate loses the class
    context after one)."""
    return service.dispatch(engine, report_id, version, message, handles)


class BulkActions(QObject):
    """``changed(ids)`` after a bulk action or its undo; ``message(text)`` for the status line;
    ``finished(BulkResult)`` once its result is shown."""

    changed = Signal(list)
    message = Signal(str)
    finished = Signal(object)

    def __init__(
        self,
        view: QTableView,
        model: QueueModel,
        engine: Engine,
        tasks: TaskRunner,
        language: str,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._view, self._model, self._engine, self._tasks = view, model, engine, tasks
        self._language = language
        self._categories: list[CategoryInfo] = []
        self._busy = False
        self.last: BulkResult | None = None  # the last bulk action, while it can be undone
        self.result_dialog: BulkResultDialog | None = None
        # asks what to apply (replaceable: a test answers for the operator)
        self.ask: Callable[..., dict | None] = ask_bulk
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        self.actions: dict[str, QAction] = {}
        texts = {
            bulk.CATEGORY: self.tr("Set category of selection…"),
            bulk.PRIORITY: self.tr("Set priority of selection…"),
            bulk.REJECT: self.tr("Reject selection…"),
            bulk.MERGE: self.tr("Merge selection into one original…"),
            bulk.DISPATCH: self.tr("Dispatch selection…"),
        }
        for kind, (name, key) in SHORTCUTS.items():
            self.actions[kind] = self._action(name, texts[kind], key, partial(self.start, kind))
        self.undo_action = self._action(
            "bulkUndoAction", self.tr("Undo last bulk action"), "Ctrl+Shift+Z", self.undo
        )
        self.undo_action.setEnabled(False)

    def _action(self, name: str, text: str, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._view)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._view.addAction(action)
        return action

    def all_actions(self) -> list[QAction]:
        """Every bulk action, undo last (what the context menu lists, and a palette may)."""
        return [*self.actions.values(), self.undo_action]

    def fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        self._categories = list(categories)

    def _context_menu(self, position) -> None:
        menu = QMenu(self._view)
        for action in self.all_actions():
            if action is self.undo_action:
                menu.addSeparator()
            menu.addAction(action)
        menu.popup(self._view.viewport().mapToGlobal(position))

    def selected_ids(self) -> list[int]:
        """The selected reports, top to bottom."""
        rows = sorted(index.row() for index in self._view.selectionModel().selectedRows())
        return [self._model.data(self._model.index(r, 0), ROW_ROLE).id for r in rows]

    # -- running ---------------------------------------------------------------------------
    def start(self, kind: str) -> None:
        """Reads the selection's versions, asks what to apply, then runs the bulk action."""
        if self._busy:
            self.message.emit(self.tr("Wait: the last bulk action is still running."))
            return
        ids = self.selected_ids()
        if not ids or (kind == bulk.MERGE and len(ids) < 2):
            self.message.emit(
                self.tr("Select two reports or more in the queue to merge them.")
                if kind == bulk.MERGE
                else self.tr("Select reports in the queue first (Shift or Ctrl with a click).")
            )
            return
        self._set_busy(True)
        if kind == bulk.DISPATCH:  # the officials to complete the handles from, with it
            self._tasks.run(
                snapshot_for_dispatch,
                self._engine,
                ids,
                on_done=lambda found: self._read(kind, *found),
                on_error=self._failed,
            )
            return
        self._tasks.run(
            bulk.snapshot,
            self._engine,
            ids,
            on_done=lambda targets: self._read(kind, targets),
            on_error=self._failed,
        )

    def _read(self, kind: str, targets: list[Target], officials: Sequence[str] = ()) -> None:
        if not targets:
            self._set_busy(False)
            self.message.emit(self.tr("None of the selected reports can be read any more."))
            return
        extra = {"officials": officials} if kind == bulk.DISPATCH else {}
        values = self.ask(self._view, kind, targets, self._categories, self._language, **extra)
        if values is None:
            self._set_busy(False)
            return
        self.message.emit(fill(self.tr("Bulk action on %1 reports running…"), str(len(targets))))
        self._tasks.run(
            run_bulk,
            self._engine,
            kind,
            targets,
            values,
            on_done=self._done,
            on_error=self._failed,
        )

    def undo(self) -> None:
        last = self.last
        if last is None:
            self.message.emit(self.tr("No bulk action to undo."))
            return
        if self._busy:
            self.message.emit(self.tr("Wait: the last bulk action is still running."))
            return
        self.last = None
        self._set_busy(True)
        self._tasks.run(bulk.undo, self._engine, last, on_done=self._done, on_error=self._failed)

    def _done(self, result: BulkResult) -> None:
        self._set_busy(False)
        self.last = result if result.can_undo else None
        self.undo_action.setEnabled(self.last is not None)
        if self.result_dialog is not None:  # one result on screen: the latest
            self.result_dialog.close()
        self.result_dialog = BulkResultDialog(self._view.window(), result, self.undo)
        self.result_dialog.show()
        self.message.emit(summary_text(result))
        self.changed.emit([o.report_id for o in result.outcomes])
        self.finished.emit(result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        lines = str(error).strip().splitlines()
        why = lines[0] if lines else type(error).__name__
        self.message.emit(fill(self.tr("The bulk action could not run: %1"), why))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for action in self.actions.values():
            action.setEnabled(not busy)
        self.undo_action.setEnabled(not busy and self.last is not None)
