"""Starting the desktop console: the QApplication, translations, the database (off the UI
thread, with a small progress window), the sign-in, the main window (and back to the sign-in
after a sign out), and the screenshot mode."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from typing_extensions import override

from qlue_console.bootstrap import OpenDatabase, open_database
from qlue_console.config import DatabaseTarget
from qlue_console.db.engine import make_read_engine
from qlue_console.db.errors import QlueDatabaseError

SCREENSHOT_TIMEOUT_MS = 120_000
# The progress messages of qlue_console.bootstrap, marked here for translation.
STARTUP_MESSAGES = (
    QT_TRANSLATE_NOOP("Startup", "Starting the embedded PostgreSQL…"),
    QT_TRANSLATE_NOOP("Startup", "Migrating the database…"),
    QT_TRANSLATE_NOOP("Startup", "Preparing the demo city (first start)…"),
    QT_TRANSLATE_NOOP("Startup", "Connecting to the central database…"),
)


def make_application(argv: list[str] | None = None) -> QApplication:
    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must be imported before the QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Qlue")
    app.setOrganizationDomain("qlue.id")
    app.setApplicationName("Qlue Console")
    return app


class _Splash(QLabel):
    """The small progress window of the start-up; closing it quits."""

    closed_by_user = Signal()

    @override
    def closeEvent(self, event) -> None:
        if event.spontaneous():
            self.closed_by_user.emit()
        super().closeEvent(event)


def run_gui(
    target: DatabaseTarget,
    *,
    screenshot: Path | None = None,
    workspace: str = "triage",
    tile_url: str | None = None,
    demo_role: str | None = None,
) -> int:
    """Runs the console until its window closes (Quit, the close button); returns the exit code.

    The start-up is asynchronous (the database, then the sign-in), so between windows none may
    be open: the application quits only when the main window closes or the sign-in is
    cancelled, never because "the last window closed" (the splash closing before the demo
    login's window shows)."""
    from qlue_console.gui.i18n import chosen_language, fill, install_translations
    from qlue_console.gui.main_window import MainWindow
    from qlue_console.gui.sign_in import SignIn, open_session, saved_server_url
    from qlue_console.gui.tasks import TaskRunner

    app = make_application()
    app.setQuitOnLastWindowClosed(False)
    language = install_translations(app, chosen_language())
    if target.embedded and screenshot is None and demo_role is None and saved_server_url():
        # this workstation signed in to the central server before: go there again
        target = DatabaseTarget(
            url=saved_server_url(), data_dir=target.data_dir, read_url=target.read_url
        )
    tasks = TaskRunner(app)
    splash = _Splash()
    splash.setWindowTitle("Qlue Console")
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setMinimumSize(420, 120)
    splash.setText(QCoreApplication.translate("Startup", "Starting Qlue Console…"))
    state: dict = {"exit": 0}

    def finish(code: int) -> None:
        state["exit"] = code
        app.exit(code)

    splash.closed_by_user.connect(lambda: finish(1))
    if screenshot is None:
        splash.show()

    def progress(message: str) -> None:
        # runs on the worker thread: hand the text to the GUI thread
        QTimer.singleShot(
            0, app, lambda: splash.setText(QCoreApplication.translate("Startup", message))
        )

    def seed_progress(done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        text = fill(
            QCoreApplication.translate("Startup", "Preparing the demo city (first start)… %1%"),
            str(percent),
        )
        QTimer.singleShot(0, app, lambda: splash.setText(text))

    def window_closed(window) -> None:
        if not window.signing_out:
            finish(state["exit"])

    def signed_out(window) -> None:
        window.deleteLater()
        state.pop("window", None)
        state["session"].engine.dispose()
        reader = state.pop("reader", None)
        if reader is not None:
            reader.dispose()
        state["signed_out"] = True  # cancelling the sign-in now simply ends the console
        ask_sign_in(state["base_url"], state["embedded"])

    def signed_in(session) -> None:
        splash.close()
        state["session"] = session
        if target.read_url:  # the Reports workspace reads from the standby, as the person
            state["reader"] = make_read_engine(target.read_url, session.url)
        window = MainWindow(
            session.engine,
            session.url,
            session.server,
            language,
            tile_url=tile_url,
            workspace=workspace,
            identity=session.identity,
            read_engine=state.get("reader"),
        )
        state["window"] = window
        window.closed.connect(lambda: window_closed(window))
        window.sign_out_requested.connect(lambda: signed_out(window))
        # What start-up made (modules, Qt wrappers, the forms) lives as long as the console: the
        # garbage collector stops walking it, so its full collections stay short all day.
        gc.freeze()
        if screenshot is not None:
            _arm_screenshot(app, window, screenshot, window.current_workspace(), state)
        else:
            window.show()

    def ask_sign_in(base_url: str, embedded: bool, as_role: str | None = None) -> None:
        state["base_url"], state["embedded"] = base_url, embedded
        sign_in = SignIn(base_url, embedded, tasks)
        state["sign_in"] = sign_in
        sign_in.signed_in.connect(signed_in)
        sign_in.cancelled.connect(lambda: finish(0 if state.get("signed_out") else 1))
        if as_role:
            sign_in.sign_in_as_demo(as_role)
        else:
            splash.close()
            sign_in.start()

    def opened(db: OpenDatabase) -> None:  # the embedded server, migrated and seeded
        state["database"] = db
        ask_sign_in(db.url, True, demo_role or ("admin" if screenshot is not None else None))

    def failed(error: Exception) -> None:
        splash.close()
        message = (
            str(error)
            if isinstance(error, QlueDatabaseError)
            else f"{type(error).__name__}: {error}"
        )
        print(f"qlue-console: {message}", file=sys.stderr)
        if screenshot is None:
            QMessageBox.critical(None, "Qlue Console", message)
        finish(1)

    central = target.url or ""
    if target.embedded:
        tasks.run(open_database, target, progress, seed_progress, on_done=opened, on_error=failed)
    elif screenshot is not None or _has_password(central):
        state["base_url"], state["embedded"] = central, False
        tasks.run(open_session, central, on_done=signed_in, on_error=failed)
    else:  # a central server: the person signs in with their own login
        ask_sign_in(central, False)
    app.exec()
    window = state.get("window")
    if window is not None:
        window.close()
    tasks.wait_idle(5000)
    database = state.get("database")
    if database is not None:
        database.engine.dispose()
    if state.get("reader") is not None:
        state["reader"].dispose()
    return state["exit"]


def _has_password(url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return bool(make_url(url).password)
    except ArgumentError:
        return False


def _arm_screenshot(app: QApplication, window, path: Path, workspace: str, state: dict) -> None:
    """Once the window's data is on screen, writes the PNG and quits. Offscreen the window is
    rendered without being shown; on a real display (xcb …) it is shown and the screen's pixels
    of it are taken, as the person would see them."""
    offscreen = QGuiApplication.platformName() in ("offscreen", "minimal")
    if offscreen:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(1600, 940)
    window.show()

    def grab() -> None:
        if state.get("grabbed"):
            return
        state["grabbed"] = True
        image = window.grab() if offscreen else window.screen().grabWindow(window.winId())
        if image.isNull() or not image.save(str(path), "PNG"):
            print(f"qlue-console: could not write the screenshot to {path}", file=sys.stderr)
            state["exit"] = 1
        app.quit()

    def ready(name: str) -> None:
        if name != workspace:
            return
        if workspace != "triage":
            QTimer.singleShot(1500, grab)
            return
        triage = window.triage
        if triage.queue.model.rowCount():
            triage.queue.select_report(triage.queue.model.row_at(0).id)
            triage.detail.photo_shown.connect(lambda _id: QTimer.singleShot(1500, grab))
            # a report without a photo: still take the picture once the detail is loaded
            triage.detail.loaded.connect(lambda _id: QTimer.singleShot(4000, grab))
        else:
            QTimer.singleShot(1500, grab)

    def timeout() -> None:
        print(
            "qlue-console: the workspace did not finish loading in time; screenshot taken as it is",
            file=sys.stderr,
        )
        state["exit"] = 1
        grab()

    window.workspace_ready.connect(ready)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
