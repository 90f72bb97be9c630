"""The verifier workspace offscreen on a real database: approve and reject in one keystroke,
the reason rules, the next follow-up shown from prefetched data, a concurrent decision
reported, an operator without decision buttons, synchronized zoom/pan, a reuse hit opened.

The workspace is driven as a supervisor drives it: keys on the queue, clicks on rows and
buttons, the filter combo boxes; its widgets are found by their object names."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.override_dialog import OverrideDialog
from qlue_console.gui.verify.queue_model import COL_CHECKS
from qlue_console.gui.verify.reuse_dialog import ReuseDialog
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.gui.workspaces.verify import VerifyWorkspace
from qlue_console.verify.decisions import decide

from .city import report_row


@dataclass
class Opened:
    window: QMainWindow
    ws: VerifyWorkspace
    tasks: TaskRunner

    def find(self, kind, name: str):
        found = self.ws.widget.findChild(kind, name)
        assert found is not None, name
        return found

    @property
    def queue(self) -> QTableView:
        return self.find(QTableView, "queueView")

    def status(self) -> str:
        return self.find(QLabel, "decisionStatus").text()

    def reason_panel(self) -> QFrame:
        return self.find(QFrame, "reasonPanel")

    def reason_list(self) -> QListWidget:
        return self.find(QListWidget, "reasonList")

    def override_dialog(self) -> OverrideDialog | None:
        return self.ws.widget.findChild(OverrideDialog)

    def shown(self) -> int | None:
        current = self.ws.current
        return current.item.follow_up_id if current is not None else None


def _open(qtbot, engine, db_url, monkeypatch) -> Opened:
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
    opened = Opened(window, ws, tasks)
    opened.queue.setFocus()
    return opened


@pytest.fixture
def opened(qtbot, checked_city, db_url, monkeypatch):
    engine, _ids = checked_city
    opened = _open(qtbot, engine, db_url, monkeypatch)
    yield opened
    opened.tasks.wait_idle()
    opened.window.close()


def _wait_prefetched(qtbot, opened: Opened) -> int:
    ws = opened.ws
    nxt = ws.model.row_at(ws.model.row_of(opened.shown()) + 1).follow_up_id
    qtbot.waitUntil(lambda: ws.prefetcher.has(nxt), timeout=10_000)
    return nxt


def _filter_failing(qtbot, opened: Opened, check: str) -> None:
    combo = opened.find(QComboBox, "checkFilter")
    qtbot.waitUntil(lambda: combo.findData(check) >= 0, timeout=10_000)
    with qtbot.waitSignal(opened.ws.queue_loaded, timeout=10_000):
        combo.setCurrentIndex(combo.findData(check))


def _click_row(qtbot, opened: Opened, follow_up_id: int) -> None:
    index = opened.ws.model.index(opened.ws.model.row_of(follow_up_id), 0)
    view = opened.queue
    view.scrollTo(index)
    with qtbot.waitSignal(opened.ws.item_shown, timeout=10_000):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert opened.shown() == follow_up_id


def _verification(engine, follow_up_id):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT verification, reason, reason_note FROM follow_ups WHERE id = :id"),
            {"id": follow_up_id},
        ).one()


def _open_override(qtbot, opened: Opened) -> OverrideDialog:
    qtbot.keyClick(opened.queue, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: (d := opened.override_dialog()) is not None and d.isVisible(), timeout=5_000
    )
    dialog = opened.override_dialog()
    assert dialog is not None
    return dialog


def _press_approve_and_give(qtbot, opened: Opened, reason: str) -> float:
    """A on a proof that fails a check, then the reason typed and "Approve anyway" clicked;
    returns when the click was made (perf_counter)."""
    dialog = _open_override(qtbot, opened)
    qtbot.keyClicks(dialog.reason, reason)
    clicked = time.perf_counter()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    return clicked


def test_queue_is_riskiest_first_and_supervisor_sees_buttons(opened):
    ws = opened.ws
    risks = [ws.model.row_at(row).risk for row in range(ws.model.rowCount())]
    assert len(risks) == 9 and risks == sorted(risks, reverse=True)
    assert opened.shown() == ws.model.row_at(0).follow_up_id
    assert opened.find(QWidget, "decisionBar").isVisible()
    assert opened.find(QPushButton, "approveButton").isEnabled()
    assert opened.find(QTreeWidget, "checksView").topLevelItemCount() == 12
    assert opened.find(QTableWidget, "exifView").rowCount() >= 5


def test_approve_keystroke_closes_and_shows_the_next_from_prefetch(qtbot, opened, checked_city):
    engine, ids = checked_city
    ws = opened.ws
    first = ws.current.item
    nxt = _wait_prefetched(qtbot, opened)
    shown_at: list[float] = []
    ws.item_shown.connect(lambda *_args: shown_at.append(time.perf_counter()))
    with (
        qtbot.waitSignal(ws.item_shown, timeout=5_000) as shown,
        qtbot.waitSignal(ws.decided, timeout=10_000),
    ):
        clicked = _press_approve_and_give(qtbot, opened, "Dicek langsung di lapangan")
    assert shown.args == [nxt, True]  # from the prefetched data
    assert opened.shown() == nxt
    assert (shown_at[0] - clicked) * 1000 < 200  # the next one is on screen at once
    assert _verification(engine, first.follow_up_id).verification == "approved"
    row = report_row(engine, first.report_id)
    assert row.status == "verified" and not row.is_open
    assert ws.model.row_of(first.follow_up_id) == -1 and ws.model.rowCount() == 8
    assert "closed" in opened.status()


def test_reject_keystroke_with_reason_reopens_with_new_mentions(qtbot, opened, checked_city):
    engine, ids = checked_city
    ws = opened.ws
    _filter_failing(qtbot, opened, "far_from_report")
    qtbot.waitUntil(lambda: opened.shown() == ids["far"], timeout=10_000)
    qtbot.keyClick(opened.queue, Qt.Key.Key_R)
    assert opened.reason_panel().isVisible()
    current = opened.reason_list().currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == "wrong_place"  # suggested
    with qtbot.waitSignal(ws.decided, timeout=10_000) as decided:
        qtbot.keyClick(opened.reason_list(), Qt.Key.Key_1)
    assert decided.args[0].status == "reopened"
    assert not opened.reason_panel().isVisible()
    state = _verification(engine, ids["far"])
    assert (state.verification, state.reason) == ("rejected", "wrong_place")
    row = report_row(engine, ids["report:far"])
    assert row.status == "reopened" and row.due_at is not None  # back in the triage queue
    assert row.is_open and not row.awaiting_verification
    with engine.connect() as conn:
        open_mentions = conn.execute(
            text(
                "SELECT a.handle, m.due_at FROM mentions m JOIN accounts a ON a.id = m.account_id "
                "WHERE m.report_id = :r AND m.state = 'open'"
            ),
            {"r": ids["report:far"]},
        ).all()
    assert [m.handle for m in open_mentions] == ["lurah.gambir"]
    assert open_mentions[0].due_at is not None
    assert "reopened" in opened.status() and "@lurah.gambir" in opened.status()


def test_other_needs_a_note_before_anything_is_saved(qtbot, opened, checked_city):
    engine, ids = checked_city
    target = opened.shown()
    note = opened.find(QLineEdit, "noteEdit")
    qtbot.keyClick(opened.queue, Qt.Key.Key_R)
    qtbot.keyClick(opened.reason_list(), Qt.Key.Key_6)
    assert opened.reason_panel().isVisible() and note.hasFocus()
    assert "note" in opened.find(QLabel, "reasonError").text()
    assert _verification(engine, target).verification == "pending"
    qtbot.keyClicks(note, "Foto bukan lokasi laporan")
    with qtbot.waitSignal(opened.ws.decided, timeout=10_000):
        qtbot.keyClick(note, Qt.Key.Key_Return)
    state = _verification(engine, target)
    assert (state.verification, state.reason, state.reason_note) == (
        "rejected",
        "other",
        "Foto bukan lokasi laporan",
    )


def test_escape_cancels_a_rejection(qtbot, opened, checked_city):
    engine, ids = checked_city
    target = opened.shown()
    qtbot.keyClick(opened.queue, Qt.Key.Key_R)
    assert opened.reason_panel().isVisible()
    qtbot.keyClick(opened.reason_list(), Qt.Key.Key_Escape)
    assert not opened.reason_panel().isVisible()
    assert opened.shown() == target and _verification(engine, target).verification == "pending"


def test_a_decision_made_elsewhere_first_is_reported(qtbot, opened, checked_city, login_url):
    engine, ids = checked_city
    ws = opened.ws
    target = opened.shown()
    other = make_engine(login_url("qlue_supervisor"))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET login = :l WHERE handle = 'spv.hendra'"),
            {"l": other.url.username},
        )
    decide(other, target, "reject", "reused_photo")
    other.dispose()
    with qtbot.waitSignal(ws.decision_failed, timeout=10_000):
        _press_approve_and_give(qtbot, opened, "Sudah dicek")
    assert "spv.hendra" in opened.status()
    assert _verification(engine, target).verification == "rejected"  # the first decision stands
    qtbot.waitUntil(lambda: ws.model.row_of(target) == -1, timeout=10_000)


def test_an_operator_sees_no_decision_buttons(qtbot, checked_city, db_url, login_url, monkeypatch):
    engine, ids = checked_city
    operator = make_engine(login_url("qlue_operator"))
    opened = _open(qtbot, operator, db_url, monkeypatch)
    try:
        assert not opened.ws.role.can_decide
        assert not opened.find(QWidget, "decisionBar").isVisible()
        assert opened.find(QLabel, "readOnlyLabel").isVisible()
        target = opened.shown()
        qtbot.keyClick(opened.queue, Qt.Key.Key_A)
        qtbot.keyClick(opened.queue, Qt.Key.Key_R)
        assert not opened.reason_panel().isVisible() and opened.override_dialog() is None
        assert opened.shown() == target
        assert _verification(engine, target).verification == "pending"
    finally:
        opened.tasks.wait_idle()
        opened.window.close()
        operator.dispose()


def _scale(view: QGraphicsView) -> float:
    """The view's zoom relative to its photo fitted in it."""
    photo = view.sceneRect()
    port = view.viewport().rect()
    fit = min(port.width() / photo.width(), port.height() / photo.height())
    return view.transform().m11() / fit


def _center(view: QGraphicsView) -> tuple[float, float]:
    """Where the view looks, as a fraction of its photo."""
    point = view.mapToScene(view.viewport().rect().center())
    photo = view.sceneRect()
    return point.x() / photo.width(), point.y() / photo.height()


def test_zoom_and_pan_move_both_photos(qtbot, opened):
    photos = opened.ws.photos
    citizen = opened.find(QGraphicsView, "citizenPhotoView")
    proof = opened.find(QGraphicsView, "proofPhotoView")
    assert photos.has_photo(0) and photos.has_photo(1)
    photos.zoom(3.0, (0.25, 0.25))
    assert _scale(citizen) == pytest.approx(3.0, rel=0.02)
    assert _scale(proof) == pytest.approx(3.0, rel=0.02)
    c0 = _center(citizen)
    assert c0 == pytest.approx(_center(proof), abs=0.02)
    # Drag the proof: the citizen's photo follows.
    proof.horizontalScrollBar().setValue(proof.horizontalScrollBar().value() + 80)
    proof.verticalScrollBar().setValue(proof.verticalScrollBar().value() + 40)
    assert _center(citizen) == pytest.approx(_center(proof), abs=0.02)
    assert _center(citizen) != pytest.approx(c0, abs=0.01)
    qtbot.keyClick(opened.queue, Qt.Key.Key_0)  # fit
    assert _scale(citizen) == pytest.approx(1.0, rel=0.02)
    qtbot.keyClick(opened.queue, Qt.Key.Key_Plus)
    assert _scale(citizen) == pytest.approx(1.25, rel=0.02)
    assert _scale(proof) == pytest.approx(1.25, rel=0.02)


def test_a_reuse_hit_shows_the_other_photo_and_opens_it(qtbot, opened, checked_city):
    engine, ids = checked_city
    ws = opened.ws
    _filter_failing(qtbot, opened, "reused_proof")
    _click_row(qtbot, opened, ids["jaki"])
    assert opened.find(QWidget, "reusePanel").isVisible() and ws.photos.has_photo(2)
    other_reports = {h.report_id for h in ws.current.item.reuse}
    assert ids["report:original"] in other_reports
    reuse_view = opened.find(QGraphicsView, "reusePhotoView")
    qtbot.mouseClick(reuse_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    dialog = ws.widget.findChild(ReuseDialog)
    assert dialog is not None and dialog.hit.report_id in other_reports
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.photos.has_photo(1) and dialog.photos.has_photo(2)
    dialog.close()


def test_approving_over_a_failed_check_asks_for_a_reason_and_cancel_leaves_it_pending(
    qtbot, opened, checked_city
):
    engine, ids = checked_city
    ws = opened.ws
    item = ws.current.item
    failed = [c.code for c in item.checks if c.verdict == "fail" and not c.skipped]
    assert failed and item.risk > 0
    dialog = _open_override(qtbot, opened)
    listed = [
        dialog.checks.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.checks.count())
    ]
    assert listed == failed
    assert not dialog.approve_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.approve_button.isEnabled()  # blank is not a reason
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: opened.override_dialog() is None, timeout=5_000)
    opened.tasks.wait_idle()
    assert _verification(engine, item.follow_up_id).verification == "pending"
    assert opened.shown() == item.follow_up_id and ws.model.row_of(item.follow_up_id) >= 0


def test_a_reason_approves_and_is_kept_on_the_timeline(qtbot, opened, checked_city):
    engine, ids = checked_city
    ws = opened.ws
    _filter_failing(qtbot, opened, "far_from_report")
    qtbot.waitUntil(lambda: opened.shown() == ids["far"], timeout=10_000)
    with qtbot.waitSignal(ws.decided, timeout=10_000) as decided:
        _press_approve_and_give(qtbot, opened, "Petugas mengirim lokasi lewat telepon")
    assert decided.args[0].status == "verified"
    assert "despite failed checks" in opened.status() and "timeline" in opened.status()
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


def test_a_proof_without_failed_checks_is_approved_at_once(qtbot, opened, checked_city):
    engine, ids = checked_city
    _click_row(qtbot, opened, ids["good"])
    with qtbot.waitSignal(opened.ws.decided, timeout=10_000):
        qtbot.keyClick(opened.queue, Qt.Key.Key_A)
    assert opened.override_dialog() is None
    assert _verification(engine, ids["good"]).verification == "approved"


def test_the_queue_names_every_check_that_makes_up_the_risk(opened):
    model = opened.ws.model
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
