"""The console as ``qlue-console --demo-role ROLE`` runs it (``run_gui`` on an embedded data
dir): the main window opens with data and stays open until it is closed; File ▸ Sign out goes
back to the sign-in dialog, where another role signs in."""

from __future__ import annotations

import gc

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox

from qlue_console.config import DatabaseTarget
from qlue_console.db import contract, migrate
from qlue_console.db.embedded import leave_embedded, start_embedded
from qlue_console.db.engine import make_engine
from qlue_console.gui.app import run_gui
from qlue_console.gui.main_window import MainWindow
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.reference import seed_reference
from tests.photo_factory import jpeg

LIMIT_MS = 150_000


def _small_demo(data_dir) -> None:
    """The embedded server of ``data_dir`` with a few reports: not empty, so no demo seeding."""
    engine = make_engine(start_embedded(data_dir))
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
        for i in range(5):
            contract.submit_report(
                conn,
                channel="app",
                external_id=f"d{i}",
                citizen=f"warga{i}",
                text_=f"Sampah menumpuk {i}",
                category="sampah",
                lat=-6.18 - i * 0.01,
                lon=106.83,
                photo=jpeg(i + 1),
            )
    engine.dispose()


def _shown_window(role: str) -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, MainWindow)
            and widget.isVisible()
            and widget.identity is not None
            and widget.identity.role == role
            and widget.current_workspace() == "triage"
            and widget.triage.queue.model.rowCount() > 0
        ):
            return widget
    return None


def _sign_in_dialog() -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QDialog)
            and widget.objectName() == "SignInDialog"
            and widget.isVisible()
        ):
            return widget
    return None


def test_demo_role_opens_the_window_and_sign_out_changes_the_role(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    _small_demo(data_dir)
    app = QApplication.instance()
    names = app.organizationName(), app.applicationName()
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    seen: list[str] = []

    def step() -> None:
        if "stopped" in seen:
            return
        if not seen:
            window = _shown_window("supervisor")
            if window is not None:
                seen.append(f"supervisor: {window.triage.queue.model.rowCount()} reports")
                window.sign_out_action.trigger()
        elif len(seen) == 1:
            dialog = _sign_in_dialog()
            if dialog is not None:
                seen.append("sign-in dialog")
                roles = dialog.findChild(QComboBox, "demoRoleBox")
                roles.setCurrentIndex(roles.findData("operator"))
                dialog.findChild(QDialogButtonBox, "buttons").button(
                    QDialogButtonBox.StandardButton.Ok
                ).click()
        elif len(seen) == 2:
            window = _shown_window("operator")
            if window is not None:
                seen.append("operator")
                window.quit_action.trigger()
                return
        QTimer.singleShot(100, step)

    QTimer.singleShot(0, step)
    # A failing test ends; it never hangs. The timer is stopped afterwards: QCoreApplication.exit
    # firing during a later test would end every event loop of the process from then on.
    limit = QTimer(singleShot=True, interval=LIMIT_MS)
    limit.timeout.connect(lambda: app.exit(99))
    limit.start()
    try:
        code = run_gui(DatabaseTarget(url=None, data_dir=data_dir), demo_role="supervisor")
    finally:
        limit.stop()
        seen.append("stopped")  # the polling step ends too, whatever it reached
        gc.unfreeze()
        app.setOrganizationName(names[0])
        app.setApplicationName(names[1])
        QSettings.setPath(
            QSettings.Format.NativeFormat,
            QSettings.Scope.UserScope,
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation),
        )
        app.setQuitOnLastWindowClosed(True)
        leave_embedded(data_dir)
    assert seen == ["supervisor: 5 reports", "sign-in dialog", "operator", "stopped"]
    assert code == 0
