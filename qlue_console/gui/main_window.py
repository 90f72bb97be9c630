"""The main window: workspaces in a stack, a toolbar to switch between them, the status bar,
and the live feed that keeps every workspace current."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QToolBar
from sqlalchemy import Engine

from qlue_console.gui.live import LiveFeed
from qlue_console.gui.status_bar import StatusBarController
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.triage import TriageWorkspace

WORKSPACES = ("triage",)


class MainWindow(QMainWindow):
    workspace_ready = Signal(str)

    def __init__(self, engine: Engine, url: str, display_url: str, language: str,
                 tile_url: str | None = None, workspace: str = "triage") -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Qlue Console — Jakarta operations center"))
        self.resize(1560, 920)
        self._engine = engine
        self.tasks = TaskRunner(self)
        self._stack = QStackedWidget(self)
        self.setCentralWidget(self._stack)

        self.triage = TriageWorkspace(engine, self.tasks, language, tile_url, self._stack)
        self._stack.addWidget(self.triage.widget)
        self.triage.ready.connect(lambda: self.workspace_ready.emit("triage"))
        self._build_toolbar()
        self.status = StatusBarController(self.statusBar(), engine, self.tasks, display_url)

        self.live = LiveFeed(url, self)
        self.live.changed.connect(self._live_changes)
        self.live.online_changed.connect(self.status.set_online)
        self.live.start()
        self.show_workspace(workspace)
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Workspaces"), self)
        bar.setObjectName("workspaceToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        group = QActionGroup(self)
        self._workspace_actions: dict[str, QAction] = {}
        triage = QAction(qta.icon("fa5s.stream"), self.tr("Triage"), self, checkable=True)
        triage.setShortcut(QKeySequence("Ctrl+1"))
        triage.setToolTip(self.tr("Triage queue and map (Ctrl+1)"))
        triage.triggered.connect(lambda: self.show_workspace("triage"))
        group.addAction(triage)
        bar.addAction(triage)
        self._workspace_actions["triage"] = triage
        bar.addSeparator()
        refresh = QAction(qta.icon("fa5s.sync"), self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        bar.addAction(refresh)
        about = QAction(qta.icon("fa5s.info-circle"), self.tr("About"), self)
        about.triggered.connect(self._about)
        bar.addAction(about)

    def show_workspace(self, name: str) -> None:
        if name == "triage":
            self._stack.setCurrentWidget(self.triage.widget)
        self._workspace_actions[name].setChecked(True)

    def refresh(self) -> None:
        self.triage.queue.set_filter(self.triage.queue.current_filter())
        self.status.refresh()

    def _live_changes(self, events: list) -> None:
        self.triage.apply_changes(events)
        self.status.refresh_soon()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Qlue Console"), self.tr(
            "Qlue Console — the operations console of Jakarta's command center.\n\n"
            "Boundaries: HDX/BPS (CC BY-IGO), codes: Kemendagri via cahyadsn/wilayah (MIT)."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.live.stop()
        self.tasks.wait_idle(5000)
        super().closeEvent(event)
