"""The chronic spots list beneath the triage map, on a real database: most reports first, then
most that came back, sortable by its columns; a row opens as a queue filter (double-click or
Enter) that the filter bar names, with a button that clears it; names that are markup show as
text; the "Came back" toggle narrows the queue to recurrences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QToolButton, QWidget
from sqlalchemy import text

from qlue_console.data.recurrences import RecurrenceSettings, fetch_chronic_spots
from qlue_console.db.engine import describe
from qlue_console.gui.chronic_spots import (
    COL_CAME_BACK,
    COL_CATEGORY,
    COL_LAST,
    COL_PLACE,
    COL_REPORTS,
    ChronicSpotsPanel,
)
from qlue_console.gui.main_window import MainWindow
from tests.gui.chronic_city import MARKUP_EN, build_spot_city


@pytest.fixture
def spot_city(db_engine):
    return build_spot_city(db_engine)


@pytest.fixture
def triage(qtbot, spot_city, db_engine, db_url):
    win = MainWindow(db_engine, db_url, describe(db_url), "en")
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    ws = win.triage
    ws.show_chronic_spots(True)
    qtbot.waitUntil(lambda: ws.spots.model.rowCount() == 3, timeout=10_000)
    yield ws
    win.close()


def _spots(db_engine) -> dict[str, int]:
    return {s.category_code: s.id for s in fetch_chronic_spots(db_engine)}


def _cell(ws, row: int, column: int) -> str:
    return ws.spots.model.index(row, column).data()


def _queue_ids(ws) -> set[int]:
    return {ws.queue.model.row_at(r).id for r in range(ws.queue.model.rowCount())}


def test_the_list_is_sorted_by_reports_then_came_back(qtbot, triage, db_engine):
    ws, ids = triage, _spots(db_engine)
    assert ws.spots.spot_ids() == [ids["banjir"], ids["sampah"], ids["markup"]]
    assert [_cell(ws, 0, c) for c in (COL_CATEGORY, COL_REPORTS, COL_CAME_BACK)] == [
        "Flooding",
        "6",
        "0",
    ]
    assert [_cell(ws, 1, c) for c in (COL_CATEGORY, COL_REPORTS, COL_CAME_BACK)] == [
        "Garbage",
        "4",
        "3",
    ]
    assert _cell(ws, 1, COL_PLACE) == "Gambir, Jakarta Pusat"
    assert _cell(ws, 1, COL_LAST)
    # A click on "Came back" sorts by it (most first), reports breaking ties.
    header = ws.spots.view.horizontalHeader()
    header.setSortIndicator(COL_CAME_BACK, Qt.SortOrder.DescendingOrder)
    assert ws.spots.spot_ids() == [ids["sampah"], ids["banjir"], ids["markup"]]
    header.setSortIndicator(COL_REPORTS, Qt.SortOrder.DescendingOrder)
    assert ws.spots.spot_ids() == [ids["banjir"], ids["sampah"], ids["markup"]]


def test_a_row_opens_as_a_queue_filter_the_bar_names_and_clears(
    qtbot, triage, spot_city, db_engine
):
    ws, ids = triage, _spots(db_engine)
    view = ws.spots.view
    index = ws.spots.model.index(1, COL_PLACE)  # sampah
    view.scrollTo(index)
    where = view.visualRect(index).center()
    assert view.viewport().rect().contains(where)
    # A double-click as the mouse makes it: a press and release, then the double-click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert ws.queue.current_filter().chronic_spot == ids["sampah"]
    assert _queue_ids(ws) == set(spot_city["sampah:open"])
    bar = ws.queue.widget.findChild(QWidget, "spotFilterBar")
    label = ws.queue.widget.findChild(QLabel, "spotFilterLabel")
    assert bar.isVisible()
    assert label.text() == "Chronic spot: Garbage at Gambir (4 reports)"
    qtbot.waitUntil(lambda: ws.map.report_ids() == set(spot_city["sampah:open"]), timeout=10_000)

    # Enter on another row opens that one.
    view.setFocus()
    view.setCurrentIndex(ws.spots.model.index(0, COL_CATEGORY))
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert ws.queue.current_filter().chronic_spot == ids["banjir"]
    assert _queue_ids(ws) == set(spot_city["banjir:open"])

    # Another filter keeps the spot; the bar's button clears it.
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.widget.findChild(QCheckBox, "overdueCheck").setChecked(True)
    assert ws.queue.current_filter().chronic_spot == ids["banjir"]
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.widget.findChild(QCheckBox, "overdueCheck").setChecked(False)
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        qtbot.mouseClick(
            ws.queue.widget.findChild(QToolButton, "clearSpotButton"), Qt.MouseButton.LeftButton
        )
    assert ws.queue.current_filter().chronic_spot is None
    assert not bar.isVisible()
    assert len(_queue_ids(ws)) == 13
    assert ws.spots.spot_ids() and ws.spots.selected_spot() is None


def test_names_that_are_markup_show_as_text(qtbot, triage, db_engine):
    ws, ids = triage, _spots(db_engine)
    row = ws.spots.spot_ids().index(ids["markup"])
    assert _cell(ws, row, COL_CATEGORY) == MARKUP_EN
    ws.queue.open_chronic_spot(ids["markup"], ws.spots.caption(ids["markup"]))
    label = ws.queue.widget.findChild(QLabel, "spotFilterLabel")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP_EN in label.text()


def test_the_came_back_toggle_narrows_the_queue_to_recurrences(qtbot, triage, spot_city):
    ws = triage
    check = ws.queue.widget.findChild(QCheckBox, "recurrencesCheck")
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        check.setChecked(True)
    assert ws.queue.current_filter().recurrences_only
    assert _queue_ids(ws) == set(spot_city["sampah:open"])
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        check.setChecked(False)
    assert len(_queue_ids(ws)) == 13


def test_without_spots_the_list_says_so_and_names_its_rule(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    panel = ChronicSpotsPanel("en", parent)
    panel.show_spots([], RecurrenceSettings(100.0, 30, 4, 8))
    parent.show()
    empty = panel.widget.findChild(QLabel, "spotsEmptyLabel")
    assert empty.isVisible() and empty.text() == "No chronic spots now."
    rule = panel.widget.findChild(QLabel, "spotsRuleLabel").text()
    assert rule == "At least 4 reports of one category within 100 m in the last 8 weeks"
    assert panel.spot_ids() == []


def test_a_spot_whose_reports_are_all_closed_opens_in_the_archive(qtbot, triage, db_engine):
    """A spot is listed for its last weeks whatever became of its reports; when every one is
    closed, the queue opens it in the archive, where they are (not as an empty working queue)."""
    ws, ids = triage, _spots(db_engine)
    with db_engine.begin() as conn:
        members = list(
            conn.execute(
                text("SELECT report_id FROM chronic_spot_reports WHERE spot_id = :s"),
                {"s": ids["banjir"]},
            ).scalars()
        )
        conn.execute(
            text("UPDATE reports SET status = 'verified', closed_at = now() WHERE id = ANY(:ids)"),
            {"ids": members},
        )
    ws.show_chronic_spots(False)
    ws.show_chronic_spots(True)
    qtbot.waitUntil(
        lambda: (s := ws.spots.spot(ids["banjir"])) is not None and s.open_reports == 0,
        timeout=10_000,
    )
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws._spot_clicked(ids["banjir"])
    assert set(ws.queue.current_filter().states) == {"verified", "rejected", "duplicate"}
    assert _queue_ids(ws) == set(members)
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws._spot_clicked(ids["sampah"])  # some of its reports still open: the working queue
    assert "new" in ws.queue.current_filter().states
