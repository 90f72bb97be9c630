"""The main window: workspaces in a stack, a toolbar to switch between them, the status bar,
and the live feed that keeps every workspace current."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QToolBar
from sqlalchemy import Engine

from qlue_console.gui.dispatch import EscalationTimer
from qlue_console.gui.live import LiveFeed
from qlue_console.gui.status_bar import StatusBarController
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import Workspace, WorkspaceContext
from qlue_console.gui.workspaces.registry import WORKSPACES


class MainWindow(QMainWindow):
    workspace_ready = Signal(str)

    def __init__(self, engine: Engine, url: str, display_url: str, language: str,
                 tile_url: str | None = None, workspace: str = "triage") -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Qlue Console — Jakarta operations center"))
        self.resize(1560, 920)
        self.tasks = TaskRunner(self)
        self._stack = QStackedWidget(self)
        self.setCentralWidget(self._stack)
        self._context = WorkspaceContext(engine, self.tasks, language, tile_url, url)
        self.workspaces: dict[str, Workspace] = {}
        self._actions: dict[str, QAction] = {}
        self._build_toolbar()
        self.status = StatusBarController(self.statusBar(), engine, self.tasks, display_url)

        self.escalation = EscalationTimer(self._context, self)
        self.escalation.escalated.connect(lambda n: self.statusBar().showMessage(
            self.tr("%n overdue mention(s) escalated", "", n), 8000))
        self.escalation.start()

        self.live = LiveFeed(url, self)
        self.live.changed.connect(self._live_changes)
        self.live.online_changed.connect(self.status.set_online)
        self.live.start()
        self.show_workspace(workspace)
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def triage(self):
        return self.workspace("triage")

    def workspace(self, name: str) -> Workspace:
        """The workspace by name, built on first use so the console starts fast."""
        if name not in self.workspaces:
            spec = next(s for s in WORKSPACES if s.name == name)
            created = spec.factory(self._context, self._stack)
            self.workspaces[name] = created
            self._stack.addWidget(created.widget)
            created.ready.connect(lambda n=name: self.workspace_ready.emit(n))
        return self.workspaces[name]

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Workspaces"), self)
        bar.setObjectName("workspaceToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        group = QActionGroup(self)
        for number, spec in enumerate(WORKSPACES, start=1):
            action = QAction(qta.icon(spec.icon), spec.title(), self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"{spec.tooltip()} (Ctrl+{number})")
            action.triggered.connect(lambda _checked=False, n=spec.name: self.show_workspace(n))
            group.addAction(action)
            bar.addAction(action)
            self._actions[spec.name] = action
        bar.addSeparator()
        about = QAction(qta.icon("fa5s.info-circle"), self.tr("About"), self)
        about.triggered.connect(self._about)
        bar.addAction(about)

    def show_workspace(self, name: str) -> None:
        self._stack.setCurrentWidget(self.workspace(name).widget)
        self._actions[name].setChecked(True)

    def _live_changes(self, events: list) -> None:
        for workspace in self.workspaces.values():
            workspace.apply_changes(events)
        self.status.refresh_soon()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Qlue Console"), self.tr(
            "Qlue Console — the operations console of Jakarta's command center.\n\n"
            "Kelurahan boundaries: HDX / BPS (CC BY-IGO). Area codes: Kemendagri, via cahyadsn/wilayah (MIT)."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.live.stop()
        self.escalation.stop()
        self.tasks.wait_idle(5000)
        super().closeEvent(event)
