"""A factory of consoles for the handover and palette tests: a main window signed in as a new
login of a group role, in the language asked for, offscreen against a real PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from qlue_console.access.roles import whoami
from qlue_console.db.engine import describe, make_engine
from qlue_console.gui.i18n import install_translations, uninstall_translations
from qlue_console.gui.main_window import MainWindow


@pytest.fixture
def console(qtbot, qapp, login_url, people_engine, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    made = []

    def open_console(group: str = "qlue_operator", language: str = "en") -> MainWindow:
        install_translations(qapp, language)
        url = login_url(group)
        engine = make_engine(url)
        win = MainWindow(engine, url, describe(url), language, identity=whoami(engine))
        qtbot.addWidget(win)
        win.resize(1400, 850)
        win.show()
        with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
            pass
        made.append((win, engine))
        return win

    yield open_console
    for win, engine in made:
        win.tasks.wait_idle(10_000)
        win.close()
        engine.dispose()
    uninstall_translations(qapp)
