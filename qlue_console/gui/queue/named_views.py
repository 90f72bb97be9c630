"""Named views: the saved filters of the operator and the shared ones of the team, chosen,
saved and deleted from the queue pane."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QToolButton, QWidget
from sqlalchemy import Engine

from qlue_console.data.queue import QueueFilter
from qlue_console.gui.forms import child
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage.views import SavedView, delete_view, list_views, save_view


class NamedViews(QObject):
    """``chosen(QueueFilter)`` when the operator picks a named view."""

    chosen = Signal(object)

    def __init__(
        self,
        form: QWidget,
        engine: Engine,
        tasks: TaskRunner,
        current: Callable[[], QueueFilter],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._form, self._engine, self._tasks, self._current = form, engine, tasks, current
        self._saved = child(form, QComboBox, "savedViewSelector")
        self._saved.activated.connect(self._view_chosen)
        child(form, QToolButton, "saveViewButton").clicked.connect(self._save_view)
        child(form, QToolButton, "deleteViewButton").clicked.connect(self._delete_view)

    def reload(self) -> None:
        self._tasks.run(
            list_views,
            self._engine,
            channel="views",
            on_done=self._fill_views,
            on_error=lambda _error: None,
        )

    def _fill_views(self, views: Sequence[SavedView]) -> None:
        self._saved.clear()
        self._saved.addItem(self.tr("— Named views —"), None)
        for v in views:
            owner = self.tr("mine") if v.mine else v.owner
            shared = self.tr("shared") if v.shared else self.tr("private")
            self._saved.addItem(f"{v.name}  ({owner}, {shared})", v)

    def _view_chosen(self, index: int) -> None:
        view = self._saved.itemData(index)
        if isinstance(view, SavedView):
            self.chosen.emit(view.filter)

    def _save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self._form, self.tr("Save view"), self.tr("Name of the view:")
        )
        if not ok or not name.strip():
            return
        shared = (
            QMessageBox.question(
                self._form, self.tr("Save view"), self.tr("Share this view with the team?")
            )
            == QMessageBox.StandardButton.Yes
        )
        self._tasks.run(
            save_view,
            self._engine,
            name,
            self._current(),
            shared,
            on_done=lambda _id: self.reload(),
            on_error=lambda e: self._warn(self.tr("Save view"), e),
        )

    def _delete_view(self) -> None:
        view = self._saved.currentData()
        if not isinstance(view, SavedView):
            return
        self._tasks.run(
            delete_view,
            self._engine,
            view.id,
            on_done=lambda _ok: self.reload(),
            on_error=lambda e: self._warn(self.tr("Delete view"), e),
        )

    def _warn(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self._form, title, str(error))
