"""The operator's triage workspace end to end on a real database: keystroke actions, conflicts
shown and nothing lost, claims read-only for others, duplicates merged, map ↔ queue selection
through the real page, filters, named views and live counts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
)
from sqlalchemy import text

from qlue_console.data.queue import QueueFilter
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.seed.demo_people import seed_people
from qlue_console.triage import actions

MONAS = (-6.1754, 106.8272)


def _submit(
    conn, n, *, lat=MONAS[0], lon=MONAS[1], category="sampah", citizen=None, body="Sampah menumpuk"
):
    return conn.execute(
        text("SELECT submit_report('app', :e, :c, :t, :cat, :lat, :lon)"),
        {
            "e": f"ws{n}",
            "c": citizen or f"warga{n}",
            "t": body,
            "cat": category,
            "lat": lat,
            "lon": lon,
        },
    ).scalar_one()


@pytest.fixture
def city(db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
        ids = [
            _submit(
                conn,
                i,
                lat=MONAS[0] + i * 0.004,
                lon=MONAS[1] + (i % 5) * 0.003,
                category=("sampah", "banjir", "jalan_rusak")[i % 3],
                body=f"Laporan {i} sampah",
            )
            for i in range(15)
        ]
        ids.append(_submit(conn, 100, lat=-6.12, lon=106.80, body="Sampah di <b>Pluit</b>"))
    return db_engine, ids


@pytest.fixture
def window(qtbot, city, db_url, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    engine, _ids = city
    win = MainWindow(engine, db_url, describe(db_url), "en")
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    yield win
    win.close()


def _queue_table(ws):
    return ws.queue.widget.findChild(QTableView, "queueView")


def _detail_of(qtbot, ws, report_id):
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        ws.open_report(report_id)
    return ws.detail.detail


def test_keystrokes_set_priority_triage_and_category(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    detail = _detail_of(qtbot, ws, ids[0])
    assert detail.status == "new"
    table = _queue_table(ws)
    table.setFocus()
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_4)
    assert ws.detail.detail.priority == 3
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_T)
    assert ws.detail.detail.status == "triaged"
    kinds = [e.kind for e in ws.detail.detail.timeline]
    assert kinds[-2:] == ["prioritised", "triaged"]


def test_next_report_claims_and_shows_it(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    with engine.begin() as conn:
        conn.execute(text("UPDATE reports SET priority = 3 WHERE id = :id"), {"id": ids[7]})
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        qtbot.keyClick(_queue_table(ws), Qt.Key.Key_N)
    assert ws.detail.report_id == ids[7]
    qtbot.waitUntil(lambda: ws.detail.detail.claimed_by is not None, timeout=5_000)
    assert ws.actions.widget.findChild(QPushButton, "claimButton").text() == "Release"


def test_a_stale_edit_is_refused_and_reported_and_the_choice_kept(qtbot, window, city, monkeypatch):
    engine, ids = city
    ws = window.triage
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, body: shown.append(f"{title}: {body}")
    )
    detail = _detail_of(qtbot, ws, ids[1])
    # another console changes the report after this one read it
    actions.set_priority(engine, ids[1], detail.version, 2)
    categories = ws.actions.widget.findChild(QComboBox, "categoryBox")
    index = categories.findData("pohon_tumbang")
    assert index >= 0
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        categories.setCurrentIndex(index)
        categories.activated.emit(index)  # as a click on the entry does
    assert shown and "Changed by another console" in shown[0] and "prioritised" in shown[0]
    with engine.connect() as conn:
        category = conn.execute(
            text("SELECT category_code FROM reports WHERE id = :id"), {"id": ids[1]}
        ).scalar_one()
    assert category == "banjir"  # nothing overwritten silently


def test_a_report_claimed_elsewhere_opens_read_only(qtbot, window, city, login_url):
    from qlue_console.db.engine import make_engine

    engine, ids = city
    other = make_engine(login_url("qlue_operator"))
    actions.claim(other, ids[2])
    ws = window.triage
    _detail_of(qtbot, ws, ids[2])
    assert ws.actions.is_read_only()
    form = ws.actions.widget
    assert "read-only" in form.findChild(QLabel, "claimBanner").text()
    assert not form.findChild(QPushButton, "rejectButton").isEnabled()
    assert not form.findChild(QComboBox, "priorityBox").isEnabled()
    other.dispose()


def test_duplicates_are_suggested_and_merged(qtbot, window, city):
    engine, ids = city
    with engine.begin() as conn:
        dup = _submit(
            conn,
            200,
            lat=MONAS[0] + 0.0003,
            lon=MONAS[1],
            body="Laporan 0 sampah lagi",
            citizen="warga_lain",
        )
    ws = window.triage
    with qtbot.waitSignal(ws.related.loaded, timeout=10_000):
        ws.open_report(dup)
    qtbot.waitUntil(
        lambda: ws.detail.report_id == dup and ws.detail.detail is not None, timeout=5_000
    )
    assert ws.related.candidate_ids()[0] == ids[0]
    with qtbot.waitSignal(ws.actions.changed, timeout=10_000):
        ws.related.merge_selected()
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT status, duplicate_of FROM reports WHERE id = :id"), {"id": dup}
        ).one()
    assert row == ("duplicate", ids[0])


def test_map_click_selects_in_queue_and_queue_selection_highlights_on_map(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    qtbot.waitUntil(lambda: ws.map.marker_count() == len(ids), timeout=15_000)
    target = ids[5]
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        # Mouse events at the marker's pixel (once the map stands still), through the real page.
        qtbot.waitUntil(
            lambda: _js(qtbot, ws.map, f"QlueMap.clickMarker({target})") is True, timeout=5_000
        )
    assert ws.queue.selected_report() == target
    ws.open_report(ids[6])
    qtbot.waitUntil(lambda: _js(qtbot, ws.map, "QlueMap.selectedId") == ids[6], timeout=5_000)


def _js(qtbot, map_view, script):
    box: dict[str, object] = {}
    map_view.view.page().runJavaScript(script, 0, lambda value: box.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in box, timeout=5_000)
    return box["v"]


def test_filters_and_counts(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.set_filter(QueueFilter(category="banjir"))
    assert ws.queue.model.rowCount() == 5
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.set_filter(QueueFilter(search="<b>Pluit</b>"))
    assert ws.queue.model.rowCount() == 1
    qtbot.waitUntil(
        lambda: "(16)" in ws.queue.tab_texts()[0] or "(1)" in ws.queue.tab_texts()[0],
        timeout=5_000,
    )


def test_named_views_are_saved_and_shared(qtbot, window, city, db_engine):
    from qlue_console.triage.views import list_views, save_view

    flt = QueueFilter(category="sampah", area_code="31.72", overdue_only=True)
    save_view(db_engine, "Sampah lewat batas Jakut", flt, shared=True)
    views = list_views(db_engine)
    assert views[0].filter == flt and views[0].shared
    ws = window.triage
    ws.queue.reload_views()
    saved = ws.queue.widget.findChild(QComboBox, "savedViewSelector")
    qtbot.waitUntil(lambda: saved.count() == 2, timeout=5_000)
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        saved.setCurrentIndex(1)
        saved.activated.emit(1)  # as a click on the entry does
    assert ws.queue.current_filter() == flt
    assert ws.queue.widget.findChild(QCheckBox, "overdueCheck").isChecked()
    assert ws.queue.widget.findChild(QComboBox, "categorySelector").currentData() == "sampah"
    QApplication.processEvents()


def test_the_detail_says_when_the_citizen_marked_a_report_private(qtbot, window, city):
    engine, ids = city
    with engine.begin() as conn:
        conn.execute(text("UPDATE reports SET private = true WHERE id = :id"), {"id": ids[3]})
    ws = window.triage
    channel = ws.detail.widget.findChild(QLabel, "channelValue")
    assert _detail_of(qtbot, ws, ids[3]).private
    assert channel.text().endswith("\nPrivate: the public sees only the status")
    assert not _detail_of(qtbot, ws, ids[4]).private
    assert "Private" not in channel.text()
