"""The verifier workspace offscreen on a real database: approve and reject in one keystroke,
the reason rules, the next follow-up shown from prefetched data, a concurrent decision
reported, an operator without decision buttons, synchronized zoom/pan, a reuse hit opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from sqlalchemy import text

from qlue_console.data.queue import QueueFilter, fetch_queue_changes
from qlue_console.db.engine import make_engine
from qlue_console.domain.states import ALL_STATES
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.gui.workspaces.verify import VerifyWorkspace
from qlue_console.verify.checking import check_pending
from qlue_console.verify.decisions import decide

from .city import build_city


@pytest.fixture
def city(db_engine):
    ids = build_city(db_engine)
    check_pending(db_engine, limit=100)
    return db_engine, ids


def _open(qtbot, engine, db_url, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    ws = VerifyWorkspace(WorkspaceContext(engine, tasks, "en", None, db_url), window)
    window.setCentralWidget(ws.widget)
    window.resize(1600, 900)
    with qtbot.waitSignal(ws.item_shown, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: ws.role is not None, timeout=10_000)
    window.activateWindow()
    ws._queue_view.setFocus()
    return window, ws, tasks


@pytest.fixture
def workspace(qtbot, city, db_url, monkeypatch):
    engine, ids = city
    window, ws, tasks = _open(qtbot, engine, db_url, monkeypatch)
    yield ws
    tasks.wait_idle()
    window.close()


def _wait_prefetched(qtbot, ws):
    nxt = ws.model.row_at(ws.model.row_of(ws.current.item.follow_up_id) + 1).follow_up_id
    qtbot.waitUntil(lambda: ws.is_prefetched(nxt), timeout=10_000)
    return nxt


def _verification(engine, follow_up_id):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT verification, reason, reason_note FROM follow_ups WHERE id = :id"),
            {"id": follow_up_id},
        ).one()


def test_queue_is_riskiest_first_and_supervisor_sees_buttons(workspace, city):
    engine, ids = city
    ws = workspace
    risks = [r.risk for r in ws.model.rows()]
    assert len(risks) == 9 and risks == sorted(risks, reverse=True)
    assert ws.current.item.follow_up_id == ws.model.row_at(0).follow_up_id
    assert ws._decision_bar.isVisible() and ws._approve_button.isEnabled()
    assert ws._checks.topLevelItemCount() == 12
    assert ws._exif.rowCount() >= 5


def _press_approve_and_give(qtbot, ws, reason: str) -> None:
    """A on a proof that fails a check, then the reason typed and "Approve anyway" clicked."""
    qtbot.keyClick(ws._queue_view, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: ws.override_dialog is not None and ws.override_dialog.isVisible(), timeout=5_000
    )
    dialog = ws.override_dialog
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)


def test_approve_keystroke_closes_and_shows_the_next_from_prefetch(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    first = ws.current.item
    nxt = _wait_prefetched(qtbot, ws)
    with (
        qtbot.waitSignal(ws.item_shown, timeout=5_000) as shown,
        qtbot.waitSignal(ws.decided, timeout=10_000),
    ):
        _press_approve_and_give(qtbot, ws, "Dicek langsung di lapangan")
    assert shown.args == [nxt, True]  # from the prefetched data
    assert ws.current.item.follow_up_id == nxt
    assert ws.last_next_ms is not None and ws.last_next_ms < 200
    assert _verification(engine, first.follow_up_id).verification == "approved"
    (row,) = fetch_queue_changes(engine, QueueFilter(states=ALL_STATES), [first.report_id])
    assert row.status == "verified"
    assert ws.model.row_of(first.follow_up_id) == -1 and ws.model.rowCount() == 8
    assert "closed" in ws._status.text()


def test_reject_keystroke_with_reason_reopens_with_new_mentions(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    with qtbot.waitSignal(ws.queue_loaded, timeout=10_000):
        ws.set_filter(failing_check="far_from_report")
    qtbot.waitUntil(
        lambda: ws.current is not None and ws.current.item.follow_up_id == ids["far"],
        timeout=10_000,
    )
    qtbot.keyClick(ws._queue_view, Qt.Key.Key_R)
    assert ws._reason_panel.isVisible()
    assert (
        ws._reason_list.currentItem().data(Qt.ItemDataRole.UserRole) == "wrong_place"
    )  # suggested
    with qtbot.waitSignal(ws.decided, timeout=10_000) as decided:
        qtbot.keyClick(ws._reason_list, Qt.Key.Key_1)
    assert decided.args[0].status == "reopened"
    assert not ws._reason_panel.isVisible()
    state = _verification(engine, ids["far"])
    assert (state.verification, state.reason) == ("rejected", "wrong_place")
    (row,) = fetch_queue_changes(engine, QueueFilter(states=ALL_STATES), [ids["report:far"]])
    assert row.status == "reopened" and row.due_at is not None  # back in the triage queue
    with engine.connect() as conn:
        open_mentions = conn.execute(
            text(
                "SELECT a.handle, m.due_at FROM mentions m JOIN accounts a ON a.id = m.account_id "
                "WHERE m.report_id = :r AND m.state = 'open'"
            ),
            {"r": ids["report:far"]},
        ).all()
    assert [m.handle for m in open_mentions] == ["lurah.gambir"] and open_mentions[
        0
    ].due_at is not None
    assert "reopened" in ws._status.text() and "@lurah.gambir" in ws._status.text()


def test_other_needs_a_note_before_anything_is_saved(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    target = ws.current.item.follow_up_id
    qtbot.keyClick(ws._queue_view, Qt.Key.Key_R)
    qtbot.keyClick(ws._reason_list, Qt.Key.Key_6)
    assert ws._reason_panel.isVisible() and ws._note.hasFocus()
    assert "note" in ws._reason_error.text()
    assert _verification(engine, target).verification == "pending"
    qtbot.keyClicks(ws._note, "Foto bukan lokasi laporan")
    with qtbot.waitSignal(ws.decided, timeout=10_000):
        qtbot.keyClick(ws._note, Qt.Key.Key_Return)
    state = _verification(engine, target)
    assert (state.verification, state.reason, state.reason_note) == (
        "rejected",
        "other",
        "Foto bukan lokasi laporan",
    )


def test_escape_cancels_a_rejection(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    target = ws.current.item.follow_up_id
    qtbot.keyClick(ws._queue_view, Qt.Key.Key_R)
    qtbot.keyClick(ws._reason_list, Qt.Key.Key_Escape)
    assert not ws._reason_panel.isVisible()
    assert (
        ws.current.item.follow_up_id == target
        and _verification(engine, target).verification == "pending"
    )


def test_a_decision_made_elsewhere_first_is_reported(qtbot, workspace, city, login_url):
    engine, ids = city
    ws = workspace
    target = ws.current.item.follow_up_id
    other = make_engine(login_url("qlue_supervisor"))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET login = :l WHERE handle = 'spv.hendra'"),
            {"l": other.url.username},
        )
    decide(other, target, "reject", "reused_photo")
    other.dispose()
    with qtbot.waitSignal(ws.decision_failed, timeout=10_000):
        _press_approve_and_give(qtbot, ws, "Sudah dicek")
    assert "spv.hendra" in ws._status.text()
    assert _verification(engine, target).verification == "rejected"  # the first decision stands
    qtbot.waitUntil(lambda: ws.model.row_of(target) == -1, timeout=10_000)


def test_an_operator_sees_no_decision_buttons(qtbot, city, db_url, login_url, monkeypatch):
    engine, ids = city
    operator = make_engine(login_url("qlue_operator"))
    window, ws, tasks = _open(qtbot, operator, db_url, monkeypatch)
    try:
        assert not ws.role.can_decide
        assert not ws._decision_bar.isVisible() and ws._read_only.isVisible()
        target = ws.current.item.follow_up_id
        qtbot.keyClick(ws._queue_view, Qt.Key.Key_A)
        qtbot.keyClick(ws._queue_view, Qt.Key.Key_R)
        assert not ws._reason_panel.isVisible() and ws.current.item.follow_up_id == target
        assert _verification(engine, target).verification == "pending"
    finally:
        tasks.wait_idle()
        window.close()
        operator.dispose()


def test_zoom_and_pan_move_both_photos(qtbot, workspace):
    ws = workspace
    photos = ws.photos
    assert photos.has_photo(0) and photos.has_photo(1)
    photos.zoom(3.0, (0.25, 0.25))
    assert photos.view_scale(0) == pytest.approx(3.0, rel=0.02)
    assert photos.view_scale(1) == pytest.approx(3.0, rel=0.02)
    c0, c1 = photos.view_center(0), photos.view_center(1)
    assert c0 == pytest.approx(c1, abs=0.02)
    # Drag the proof: the citizen's photo follows.
    view = ws.widget.findChild(type(ws._reuse_view), "proofPhotoView")
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 80)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
    assert photos.view_center(0) == pytest.approx(photos.view_center(1), abs=0.02)
    assert photos.view_center(0) != pytest.approx(c0, abs=0.01)
    photos.fit()
    assert photos.view_scale(0) == pytest.approx(1.0, rel=0.02)


def test_a_reuse_hit_shows_the_other_photo_and_opens_it(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    with qtbot.waitSignal(ws.queue_loaded, timeout=10_000):
        ws.set_filter(failing_check="reused_proof")
    row = ws.model.row_of(ids["jaki"])
    with qtbot.waitSignal(ws.item_shown, timeout=10_000):
        ws._select_row(row)
    assert ws._reuse_panel.isVisible() and ws.photos.has_photo(2)
    other_reports = {h.report_id for h in ws.current.item.reuse}
    assert ids["report:original"] in other_reports
    qtbot.mouseClick(ws._reuse_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    dialog = ws.reuse_dialog
    assert dialog is not None and dialog.hit.report_id in other_reports
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.photos.has_photo(1) and dialog.photos.has_photo(2)
    dialog.close()


def test_approving_over_a_failed_check_asks_for_a_reason_and_cancel_leaves_it_pending(
    qtbot, workspace, city
):
    engine, ids = city
    ws = workspace
    item = ws.current.item
    failed = [c.code for c in item.checks if c.verdict == "fail" and not c.skipped]
    assert failed and item.risk > 0
    qtbot.keyClick(ws._queue_view, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: ws.override_dialog is not None and ws.override_dialog.isVisible(), timeout=5_000
    )
    dialog = ws.override_dialog
    listed = [
        dialog.checks.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.checks.count())
    ]
    assert listed == failed
    assert not dialog.approve_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.approve_button.isEnabled()  # blank is not a reason
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ws.override_dialog is None, timeout=5_000)
    ws._tasks.wait_idle()
    assert _verification(engine, item.follow_up_id).verification == "pending"
    assert (
        ws.current.item.follow_up_id == item.follow_up_id
        and ws.model.row_of(item.follow_up_id) >= 0
    )


def test_a_reason_approves_and_is_kept_on_the_timeline(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    with qtbot.waitSignal(ws.queue_loaded, timeout=10_000):
        ws.set_filter(failing_check="far_from_report")
    qtbot.waitUntil(
        lambda: ws.current is not None and ws.current.item.follow_up_id == ids["far"],
        timeout=10_000,
    )
    with qtbot.waitSignal(ws.decided, timeout=10_000) as decided:
        _press_approve_and_give(qtbot, ws, "Petugas mengirim lokasi lewat telepon")
    assert decided.args[0].status == "verified"
    assert "despite failed checks" in ws._status.text() and "timeline" in ws._status.text()
    state = _verification(engine, ids["far"])
    assert (state.verification, state.reason_note) == (
        "approved",
        "Petugas mengirim lokasi lewat telepon",
    )
    with engine.connect() as conn:
        payload = conn.execute(
            text("SELECT payload FROM events WHERE report_id = :r AND kind = 'proof_approved'"),
            {"r": ids["report:far"]},
        ).scalar_one()
    assert payload["override_reason"] == "Petugas mengirim lokasi lewat telepon"
    assert payload["failed_checks"] == ["far_from_report"]


def test_a_proof_without_failed_checks_is_approved_at_once(qtbot, workspace, city):
    engine, ids = city
    ws = workspace
    with qtbot.waitSignal(ws.item_shown, timeout=10_000):
        ws._select_row(ws.model.row_of(ids["good"]))
    with qtbot.waitSignal(ws.decided, timeout=10_000):
        qtbot.keyClick(ws._queue_view, Qt.Key.Key_A)
    assert ws.override_dialog is None
    assert _verification(engine, ids["good"]).verification == "approved"


def test_the_queue_names_every_check_that_makes_up_the_risk(workspace):
    from qlue_console.gui.verify.queue_model import COL_CHECKS

    ws = workspace
    model = ws.model
    assert model.headerData(COL_CHECKS, Qt.Orientation.Horizontal) == "Checks to look at"
    for row in range(model.rowCount()):
        item = model.row_at(row)
        shown = model.data(model.index(row, COL_CHECKS))
        if item.risk:
            assert item.failing or item.warning
            assert shown != "–"
            parts = shown.split(" · ")
            assert len(parts) == len(item.failing) + len(item.warning)
            assert all(p.endswith(": Fail") for p in parts[: len(item.failing)])  # fails first
            assert all(p.endswith(": Warning") for p in parts[len(item.failing) :])
        else:
            assert shown == "–"
