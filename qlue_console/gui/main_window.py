"""The main window: workspaces in a stack, a toolbar to switch between them (each with its fixed
Ctrl+1…4), the File menu (sign out, quit) and Help menu (about), the status bar, and the live
feed that keeps every workspace current."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine
from typing_extensions import override

from qlue_console import __version__
from qlue_console.access.roles import Identity
from qlue_console.db.engine import EMBEDDED_DEMO
from qlue_console.gui.command_palette import CommandPalette
from qlue_console.gui.dispatch import EscalationTimer
from qlue_console.gui.handover.wiring import ShiftHandover
from qlue_console.gui.i18n import fill
from qlue_console.gui.live import LiveFeed
from qlue_console.gui.sign_in import role_name
from qlue_console.gui.status_bar import StatusBarController
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import Workspace, WorkspaceContext
from qlue_console.gui.workspaces.registry import SHORTCUTS, WORKSPACES


class MainWindow(QMainWindow):
    workspace_ready = Signal(str)
    sign_out_requested = Signal()  # File ▸ Sign out: the application shows the sign-in again
    closed = Signal()  # the window has closed (Quit, the close button, sign out)

    def __init__(
        self,
        engine: Engine,
        url: str,
        display_url: str,
        language: str,
        tile_url: str | None = None,
        workspace: str = "triage",
        identity: Identity | None = None,
        read_engine: Engine | None = None,
    ) -> None:
        super().__init__()
        self.identity = identity
        self._signing_out = False
        # the workspaces this login may use (all without an identity: tests and tools)
        self._specs = [s for s in WORKSPACES if identity is None or identity.may_use(s.name)]
        self.setWindowTitle(self.tr("Qlue Console — Jakarta operations center"))
        self.resize(1560, 920)
        self.tasks = TaskRunner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.offline_banner = QLabel(central)
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet(
            "background: #b71c1c; color: white; padding: 6px; font-weight: 600;"
        )
        self.offline_banner.hide()
        layout.addWidget(self.offline_banner)
        self._stack = QStackedWidget(central)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._context = WorkspaceContext(
            engine, self.tasks, language, tile_url, url, read_engine=read_engine
        )
        self.workspaces: dict[str, Workspace] = {}
        self._actions: dict[str, QAction] = {}
        self.server = self.tr("embedded demo") if display_url == EMBEDDED_DEMO else display_url
        self.handover: ShiftHandover | None = None
        self._build_menus()
        self._build_toolbar()
        self.command_palette = CommandPalette(self)  # Ctrl+K
        self.status = StatusBarController(self.statusBar(), engine, self.tasks, self.signed_in_as())
        self.status.set_where_tooltip(
            fill(self.tr("Login %1 on %2"), identity.login, self.server)
            if identity is not None
            else self.server
        )

        self.escalation = EscalationTimer(self._context, self)
        self.escalation.escalated.connect(
            lambda n: self.statusBar().showMessage(
                self.tr("%n overdue mention(s) escalated", "", n), 8000
            )
        )
        self.escalation.start()

        self.live = LiveFeed(url, self)
        self.live.changed.connect(self._live_changes)
        self.live.online_changed.connect(self.status.set_online)
        self.live.online_changed.connect(self._online_changed)
        self.live.start()
        if not self._specs:
            raise ValueError(
                f"the login {identity.login if identity else '?'} may use no workspace"
            )
        self.show_workspace(
            workspace if any(s.name == workspace for s in self._specs) else self._specs[0].name
        )
        if self.handover is not None and identity is not None:
            self.handover.check_pending()  # the note the last shift of the team left
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def triage(self):
        return self.workspace("triage")

    def workspace(self, name: str) -> Workspace:
        """The workspace by name, built on first use so the console starts fast."""
        if name not in self.workspaces:
            spec = next(s for s in self._specs if s.name == name)
            created = spec.factory(self._context, self._stack)
            self.workspaces[name] = created
            self._stack.addWidget(created.widget)
            created.ready.connect(lambda n=name: self.workspace_ready.emit(n))
        return self.workspaces[name]

    @property
    def context(self) -> WorkspaceContext:
        return self._context

    def signed_in_as(self) -> str:
        """The person, their role and the server, as the status bar shows them."""
        if self.identity is None:
            return self.server
        return f"{self.identity.name} · {role_name(self.identity.role)} · {self.server}"

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.sign_out_action = QAction(qta.icon("fa5s.sign-out-alt"), self.tr("Sign &out…"), self)
        self.sign_out_action.setToolTip(
            self.tr("Sign out and sign in again, with another login or role")
        )
        self.sign_out_action.triggered.connect(self.sign_out)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        self.quit_action = QAction(qta.icon("fa5s.power-off"), self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        if self.identity is None or ShiftHandover.applies_to(self.identity.role):
            self.handover = ShiftHandover(self)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(
            qta.icon("fa5s.info-circle"), self.tr("&About Qlue Console"), self
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Workspaces"), self)
        bar.setObjectName("workspaceToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        group = QActionGroup(self)
        allowed = {s.name for s in self._specs}
        for spec in WORKSPACES:
            shortcut = SHORTCUTS[spec.name]
            if spec.name not in allowed:
                # the shortcut is the workspace's, whatever the role: it says why nothing opens
                refused = QAction(self, shortcut=QKeySequence(shortcut))
                refused.triggered.connect(lambda _checked=False, s=spec: self._refuse_workspace(s))
                self.addAction(refused)
                continue
            action = QAction(qta.icon(spec.icon), spec.title(), self, checkable=True)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{spec.tooltip()} ({shortcut})")
            action.triggered.connect(lambda _checked=False, n=spec.name: self.show_workspace(n))
            group.addAction(action)
            bar.addAction(action)
            self._actions[spec.name] = action

    def workspace_actions(self) -> dict[str, QAction]:
        """The toolbar's action of each workspace this login may use, by name."""
        return dict(self._actions)

    def may_use(self, workspace: str) -> bool:
        return any(s.name == workspace for s in self._specs)

    def _refuse_workspace(self, spec) -> None:
        role = role_name(self.identity.role) if self.identity is not None else ""
        self.statusBar().showMessage(
            fill(self.tr("%1 is not a workspace of your role (%2)."), spec.title(), role), 8000
        )

    def current_workspace(self) -> str:
        current = self._stack.currentWidget()
        return next((n for n, w in self.workspaces.items() if w.widget is current), "")

    def show_workspace(self, name: str) -> None:
        widget = self.workspace(name).widget
        self._stack.setCurrentWidget(widget)
        self._actions[name].setChecked(True)
        if widget.focusProxy() is not None:  # its main list, so the arrow keys move in it
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_offline(self) -> bool:
        return not self.offline_banner.isHidden()

    def _online_changed(self, online: bool, reason: str) -> None:
        if online:
            if self.is_offline():
                self.statusBar().showMessage(
                    self.tr("Connection restored; caught up with what happened meanwhile."), 8000
                )
            self.offline_banner.hide()
            return
        self.offline_banner.setText(
            fill(
                self.tr(
                    "Offline: the database cannot be reached (%1). Reconnecting… "
                    "Actions will fail until it is back; what you have typed stays in the forms."
                ),
                reason or self.tr("no answer"),
            )
        )
        self.offline_banner.show()

    def _live_changes(self, events: list) -> None:
        for workspace in self.workspaces.values():
            workspace.apply_changes(events)
        self.status.refresh_soon()

    def about_text(self) -> str:
        lines = [
            fill(
                self.tr("Qlue Console %1 — the operations console of Jakarta's command center."),
                __version__,
            ),
            "",
            fill(self.tr("Database server: %1"), self.server),
        ]
        if self.identity is not None:
            lines.append(
                fill(
                    self.tr("Signed in as %1 (login %2), %3."),
                    self.identity.name,
                    self.identity.login,
                    role_name(self.identity.role),
                )
            )
        lines += [
            "",
            self.tr(
                "Kelurahan boundaries: HDX / BPS (CC BY-IGO). Area codes: Kemendagri, via "
                "cahyadsn/wilayah (MIT)."
            ),
        ]
        return "\n".join(lines)

    def _about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Qlue Console"),
            self.about_text(),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the login and server are shown as typed
        box.open()

    def sign_out(self) -> None:
        """Closes the window and asks the application for the sign-in again."""
        self._signing_out = True
        self.close()
        self.sign_out_requested.emit()

    @property
    def signing_out(self) -> bool:
        return self._signing_out

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.live.stop()
        self.escalation.stop()
        self.tasks.wait_idle(5000)
        super().closeEvent(event)
        self.closed.emit()
