"""The Directory writes its numbers as every other screen does ("246,8 jam", "87 %" in
Indonesian; "246.8 h" in English), not Python's "246.8"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.demo_reports import seed_demo_reports

PATTERNS = {
    "id": (r"^\d{1,3}(\.\d{3})*,\d jam$", r"^\d+ \(\d+ %\)$"),
    "en": (r"^\d{1,3}(,\d{3})*\.\d h$", r"^\d+ \(\d+ %\)$"),
}


@pytest.fixture(params=["id", "en"])
def language(request, qapp):
    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    install_translations(qapp, request.param)
    yield request.param
    uninstall_translations(qapp)
    QLocale.setDefault(before)


def test_the_directory_formats_hours_and_rates_from_the_language(
    qtbot, language, db_engine, db_url
):
    with db_engine.begin() as conn:
        seed_people(conn)
    seed_demo_reports(db_engine, reports=160, weeks=2, processes=1)
    window = MainWindow(db_engine, db_url, describe(db_url), language, workspace="directory")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        window.show()
    directory = window.workspace("directory")
    median = directory.widget.findChild(QLabel, "medianValue")
    on_time = directory.widget.findChild(QLabel, "onTimeValue")
    hours, rate = PATTERNS[language]
    title = directory.widget.findChild(QLabel, "detailTitle")
    for row in range(directory.table.model().rowCount()):  # the busiest accounts come first
        handle = directory.table.model().index(row, 0).data()
        directory.table.setCurrentIndex(directory.table.model().index(row, 1))
        qtbot.waitUntil(
            lambda handle=handle: title.text().startswith(f"{handle} ·"), timeout=10_000
        )
        if median.text() != "–":
            break
    assert re.match(hours, median.text()), median.text()
    assert re.match(rate, on_time.text()), on_time.text()
    window.close()
