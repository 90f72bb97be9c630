"""Before approving, the supervisor sees how often the place came back (issue #15): the
Verify workspace shows, for the proof being decided, the earlier fixes near its report that a
later report showed did not hold; nothing when the place has no such history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from qlue_console.verify.checking import check_pending
from qlue_console.verify.context import fetch_item
from qlue_console.verify.decisions import decide
from tests.recurrence.city import north, submit

from .city import MONAS
from .test_workspace import _click_row, _open


def test_the_place_s_history_is_shown_before_deciding(qtbot, city, db_url, monkeypatch):
    engine, ids = city
    decide(engine, ids["good"], "approve")  # report:good closed, its proof approved
    came_back = [submit(engine, north(m, of=MONAS)) for m in (5, 8)]
    check_pending(engine, limit=100)

    item = fetch_item(engine, ids["far"])
    assert [h.came_back_report_id for h in item.spot_history] == came_back[::-1]
    assert {h.closed_report_id for h in item.spot_history} == {ids["report:good"]}

    opened = _open(qtbot, engine, db_url, monkeypatch)
    try:
        _click_row(qtbot, opened, ids["far"])
        label = opened.find(QLabel, "spotHistory")
        assert label.isVisible()
        text = label.text()
        assert "came back 2 time" in text  # (the English plural comes from qlue_en.qm)
        assert f"#{ids['report:good']}" in text and f"#{came_back[0]}" in text
    finally:
        opened.tasks.wait_idle()
        opened.window.close()


def test_no_history_no_banner(qtbot, checked_city, db_url, monkeypatch):
    engine, ids = checked_city
    opened = _open(qtbot, engine, db_url, monkeypatch)
    try:
        assert opened.ws.current is not None
        assert opened.ws.current.item.spot_history == ()
        assert not opened.find(QLabel, "spotHistory").isVisible()
    finally:
        opened.tasks.wait_idle()
        opened.window.close()
