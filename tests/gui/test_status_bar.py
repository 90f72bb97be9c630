"""The status bar's counters are never cut ("diterima hari ini" stayed "diteri"): the label of
who is signed in where gives way, eliding its text, and the counts read with plurals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QMainWindow

from qlue_console.gui.status_bar import StatusBarController
from qlue_console.gui.tasks import TaskRunner
from tests.gui.clipping import wait_until_laid_out

LONG_WHERE = "Admin Jakarta Smart City · admin · postgresql://demo_admin@/qlue?host=%2Fwork%2Fwt%2Fh2-data%2Fpostgres"


@pytest.fixture
def indonesian(qapp):
    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    install_translations(qapp, "id")
    yield
    uninstall_translations(qapp)
    QLocale.setDefault(before)


def test_the_counters_keep_their_room_and_the_server_gives_way(qtbot, indonesian, people_engine):
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    status = StatusBarController(window.statusBar(), people_engine, tasks, LONG_WHERE)
    window.resize(1100, 300)
    window.show()
    qtbot.waitUntil(lambda: status.counters_text() != "", timeout=10_000)
    wait_until_laid_out(qtbot, window)
    counters = window.statusBar().findChild(QLabel, "statusCounters")
    assert "0 diterima hari ini" in status.counters_text()
    assert "0 bukti untuk diverifikasi" in status.counters_text()
    assert counters.width() >= QFontMetrics(counters.font()).horizontalAdvance(
        status.counters_text()
    )
    where = window.statusBar().findChild(QLabel, "statusWhere")
    assert where.toolTip() == LONG_WHERE
    assert where.text() != LONG_WHERE and where.text().endswith("postgres") and "…" in where.text()
    assert QFontMetrics(where.font()).horizontalAdvance(where.text()) <= where.width()
    tasks.wait_idle(5000)
