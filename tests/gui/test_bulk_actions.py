"""Bulk actions on the queue's selection, through the GUI on a real PostgreSQL: each action
from its shortcut, a stale report refused and named while the others go through, undo (and
its refusal where an official acted), the role's refusal per report, and two consoles acting
on overlapping selections at once losing nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTableView,
    QWidget,
)
from sqlalchemy import text

from qlue_console.data.queue import QueueFilter
from qlue_console.db.engine import make_engine
from qlue_console.domain.states import ALL_STATES
from qlue_console.gui.queue.handle_completer import attach_handle_completer
from qlue_console.gui.queue_pane import QueuePane
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage import actions, bulk
from tests.triage.util import submit, version

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def tasks(qtbot):
    runner = TaskRunner()
    yield runner
    assert runner.wait_idle(20_000)


def _pane(qtbot, engine, tasks) -> QueuePane:
    host = QWidget()
    host.resize(900, 700)
    qtbot.addWidget(host)
    pane = QueuePane(engine, tasks, "en", host)
    pane.widget.resize(host.size())
    pane.host = host  # type: ignore[attr-defined]  # kept alive with the pane
    host.show()
    with qtbot.waitSignal(pane.first_page_loaded, timeout=15_000):
        pane.set_filter(QueueFilter(states=tuple(ALL_STATES)))
    return pane


def _view(pane: QueuePane) -> QTableView:
    return pane.widget.findChild(QTableView, "queueView")


def _select(qtbot, pane: QueuePane, ids) -> None:
    qtbot.waitUntil(lambda: all(pane.model.position_of(r) is not None for r in ids), timeout=10_000)
    model = _view(pane).selectionModel()
    model.clear()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in ids:
        model.select(pane.model.index(pane.model.position_of(r), 0), flags)
    assert pane.bulk.selected_ids() == sorted(ids, key=pane.model.position_of)


def _answer(values: dict, before=None):
    """An ``ask`` that answers for the operator (after ``before`` ran, when given)."""

    def ask(_parent, _kind, targets, _categories, _language, **_extra):
        if before is not None:
            before(targets)
        return values

    return ask


def _run(qtbot, pane: QueuePane, key: Qt.Key | None = None, kind: str | None = None):
    """The bulk action from its shortcut on the queue (or its QAction); its result."""
    with qtbot.waitSignal(pane.bulk.finished, timeout=20_000) as finished:
        if key is not None:
            view = _view(pane)
            view.activateWindow()
            view.setFocus()
            qtbot.keyClick(view, key, CTRL_SHIFT)
        else:
            pane.bulk.actions[kind].trigger()
    return finished.args[0]


def _row(engine, report_id: int):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT status, category_code, priority, version, duplicate_of "
                "FROM reports WHERE id = :id"
            ),
            {"id": report_id},
        ).one()


def test_set_category_with_one_stale_report_refused_and_named(qtbot, db_engine, tasks):
    ids = [submit(db_engine, n) for n in range(4)]
    pane = _pane(qtbot, db_engine, tasks)
    _select(qtbot, pane, ids)

    def elsewhere(_targets):  # another console changes one report while the dialog is open
        actions.set_priority(db_engine, ids[1], version(db_engine, ids[1]), 3)

    pane.bulk.ask = _answer({"category": "banjir"}, before=elsewhere)
    result = _run(qtbot, pane, Qt.Key.Key_C)
    assert [o.report_id for o in result.refused] == [ids[1]]
    assert [_row(db_engine, r).category_code for r in ids] == [
        "banjir",
        "sampah",
        "banjir",
        "banjir",
    ]
    shown = pane.bulk.result_dialog
    assert shown is not None and shown.dialog.isVisible()
    rows = shown.rows()
    assert rows[0][:2] == (f"#{ids[1]}", "Refused: changed by another console")
    assert rows[0][2]  # the database says why
    assert [r[1] for r in rows[1:]] == ["Done"] * 3
    assert f"Refused: 1 — #{ids[1]}." in shown.summary()
    assert "Went through: 3 of 4 reports" in shown.summary()


def test_set_priority_through_the_dialog_and_undo(qtbot, db_engine, tasks):
    ids = [submit(db_engine, 10 + n) for n in range(3)]
    before = [_row(db_engine, r).priority for r in ids]
    pane = _pane(qtbot, db_engine, tasks)
    _select(qtbot, pane, ids)

    def choose() -> None:  # the operator picks priority 4 and presses OK
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):  # not open yet
            QTimer.singleShot(50, choose)
            return
        box = dialog.findChild(QComboBox, "choiceBox")
        box.setCurrentIndex(3)
        ok = dialog.findChild(QDialogButtonBox, "buttons").button(
            QDialogButtonBox.StandardButton.Ok
        )
        ok.click()

    QTimer.singleShot(50, choose)
    result = _run(qtbot, pane, Qt.Key.Key_P)
    assert len(result.done) == 3 and result.can_undo
    assert [_row(db_engine, r).priority for r in ids] == [3, 3, 3]
    assert pane.bulk.undo_action.isEnabled()

    undone = _run_undo(qtbot, pane)
    assert undone.undo_of == bulk.PRIORITY and len(undone.done) == 3
    assert [_row(db_engine, r).priority for r in ids] == before
    assert not pane.bulk.undo_action.isEnabled()
    assert "Undone: 3 of 3 reports." in pane.bulk.result_dialog.summary()


def _run_undo(qtbot, pane: QueuePane, from_queue: bool = False):
    """Ctrl+Shift+Z in the result dialog (or, closed, on the queue)."""
    shown = pane.bulk.result_dialog
    if from_queue and shown is not None:
        shown.dialog.close()
    with qtbot.waitSignal(pane.bulk.finished, timeout=20_000) as finished:
        if from_queue:
            target: QWidget = _view(pane)
            target.window().activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is target.window(), timeout=5_000)
        else:
            assert shown is not None
            target = shown.dialog
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Z, CTRL_SHIFT)
    return finished.args[0]


def test_reject_and_undo_from_the_result_dialog(qtbot, db_engine, tasks):
    ids = [submit(db_engine, 20 + n) for n in range(3)]
    pane = _pane(qtbot, db_engine, tasks)
    _select(qtbot, pane, ids)
    pane.bulk.ask = _answer({"reason": "spam", "note": "iklan"})
    result = _run(qtbot, pane, Qt.Key.Key_R)
    assert len(result.done) == 3
    assert {_row(db_engine, r).status for r in ids} == {"rejected"}
    button = pane.bulk.result_dialog.undo_button
    assert button is not None
    with qtbot.waitSignal(pane.bulk.finished, timeout=20_000):
        button.click()
    assert {_row(db_engine, r).status for r in ids} == {"new"}


def test_merge_into_one_original_cannot_be_undone(qtbot, db_engine, tasks):
    ids = [submit(db_engine, 30 + n) for n in range(3)]
    pane = _pane(qtbot, db_engine, tasks)
    _select(qtbot, pane, ids)
    pane.bulk.ask = _answer({"original_id": ids[0]})
    result = _run(qtbot, pane, Qt.Key.Key_M)
    assert sorted(o.report_id for o in result.done) == ids[1:]
    assert [_row(db_engine, r).duplicate_of for r in ids] == [None, ids[0], ids[0]]
    assert pane.bulk.result_dialog.undo_button is None
    assert not pane.bulk.undo_action.isEnabled()
    rows = dict((r[0], r[1]) for r in pane.bulk.result_dialog.rows())
    assert rows[f"#{ids[0]}"] == "The original (kept)"


def test_dispatch_and_undo_refused_where_an_official_acted(qtbot, people_engine, tasks):
    ids = [submit(people_engine, 40 + n) for n in range(3)]
    pane = _pane(qtbot, people_engine, tasks)
    _select(qtbot, pane, ids)
    pane.bulk.ask = _answer({"message": "Mohon dicek", "handles": ["lurah.gambir"]})
    result = _run(qtbot, pane, Qt.Key.Key_D)
    assert len(result.done) == 3
    with people_engine.begin() as conn:  # the lurah acknowledges one of them
        conn.execute(
            text("UPDATE mentions SET acknowledged_at = now() WHERE report_id = :id"),
            {"id": ids[2]},
        )
    undone = _run_undo(qtbot, pane, from_queue=True)
    assert [o.report_id for o in undone.refused] == [ids[2]]
    assert [_row(people_engine, r).status for r in ids] == ["new", "new", "dispatched"]
    rows = pane.bulk.result_dialog.rows()
    assert rows[0][0] == f"#{ids[2]}" and "acted" in rows[0][2]


def test_the_dispatch_completes_the_handles_from_the_directory(qtbot, people_engine, tasks):
    """The dispatch's ask gets the directory's officials; typing part of a handle or a name in
    the "Officials" line offers them, and the chosen one replaces only the word typed."""
    ids = [submit(people_engine, 45 + n) for n in range(2)]
    pane = _pane(qtbot, people_engine, tasks)
    _select(qtbot, pane, ids)
    seen: dict = {}

    def ask(_parent, kind, _targets, _categories, _language, **extra):
        seen.update(extra, kind=kind)
        return None  # the operator cancels

    pane.bulk.ask = ask
    pane.bulk.actions[bulk.DISPATCH].trigger()
    qtbot.waitUntil(lambda: "officials" in seen, timeout=10_000)
    officials = seen["officials"]
    assert any(e.startswith("@lurah.gambir — ") for e in officials)
    assert all(e.startswith("@") for e in officials)

    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = attach_handle_completer(edit, officials)
    qtbot.keyClicks(edit, "@camat.x @lurah.gam")
    assert completer.completionPrefix() == "lurah.gam"
    offered = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert offered and all("lurah.gam" in o for o in offered)
    completer.activated.emit(next(o for o in offered if o.startswith("@lurah.gambir ")))
    assert edit.text() == "@camat.x @lurah.gambir "
    edit.clear()
    qtbot.keyClicks(edit, "gambir")  # by name too, anywhere in the entry
    assert completer.completionCount() >= 1


def test_the_roles_refusal_is_shown_per_report(qtbot, db_engine, login_url, tasks):
    ids = [submit(db_engine, 50 + n) for n in range(2)]
    analyst = make_engine(login_url("qlue_analyst"))
    try:
        pane = _pane(qtbot, analyst, tasks)
        _select(qtbot, pane, ids)
        pane.bulk.ask = _answer({"priority": 3})
        result = _run(qtbot, pane, kind=bulk.PRIORITY)
        assert tasks.wait_idle(10_000)
    finally:
        analyst.dispose()
    assert [o.result for o in result.outcomes] == [bulk.DENIED, bulk.DENIED]
    assert all(_row(db_engine, r).priority != 3 for r in ids)
    rows = pane.bulk.result_dialog.rows()
    assert [r[1] for r in rows] == ["Refused: your role may not"] * 2
    assert all(r[2] for r in rows)  # the database's refusal, per report


def test_two_consoles_on_overlapping_selections_lose_nothing(qtbot, db_engine, login_url):
    ids = [submit(db_engine, 60 + n) for n in range(12)]
    initial = {r: _row(db_engine, r).version for r in ids}
    engines = [make_engine(login_url("qlue_operator")) for _ in range(2)]
    runners = [TaskRunner(), TaskRunner()]
    try:
        first, second = (_pane(qtbot, e, t) for e, t in zip(engines, runners, strict=True))
        _select(qtbot, first, ids[:8])
        _select(qtbot, second, ids[4:])
        asked: list[str] = []

        def first_asks(*_args):
            # while the first operator's dialog is open, the second asks for theirs: both
            # consoles read the overlap at the same versions, then both run at once
            second.bulk.actions[bulk.CATEGORY].trigger()
            qtbot.waitUntil(lambda: asked == ["second"], timeout=10_000)
            return {"category": "banjir"}

        first.bulk.ask = first_asks
        second.bulk.ask = _answer(
            {"category": "jalan_rusak"}, before=lambda _t: asked.append("second")
        )
        with (
            qtbot.waitSignal(first.bulk.finished, timeout=30_000) as a,
            qtbot.waitSignal(second.bulk.finished, timeout=30_000) as b,
        ):
            first.bulk.actions[bulk.CATEGORY].trigger()
        for runner in runners:
            assert runner.wait_idle(20_000)
    finally:
        for e in engines:
            e.dispose()
    results = {"banjir": a.args[0], "jalan_rusak": b.args[0]}
    for r in ids:
        done = [
            (o.version, category)
            for category, result in results.items()
            for o in result.done
            if o.report_id == r
        ]
        refused = [o for result in results.values() for o in result.refused if o.report_id == r]
        row = _row(db_engine, r)
        # every write said done is there, none lost: one version per write, the last one's value
        assert row.version == initial[r] + len(done)
        assert done, f"report #{r} was changed by neither console"
        assert row.category_code == max(done)[1]
        assert all(o.result == bulk.STALE and o.reason for o in refused)
        # each console's outcome for each of its reports is exactly one
    assert len(results["banjir"].outcomes) == 8 and len(results["jalan_rusak"].outcomes) == 8
    # both read the overlap at the same versions: each of its reports went through once, and
    # the other console's attempt is refused and named
    for r in ids[4:8]:
        went = [c for c, result in results.items() if r in {o.report_id for o in result.done}]
        named = [c for c, result in results.items() if r in {o.report_id for o in result.refused}]
        assert len(went) == 1 and len(named) == 1 and went != named, r
    assert sum(len(result.refused) for result in results.values()) == 4
    with db_engine.connect() as conn:
        written = conn.execute(
            text(
                "SELECT count(*) FROM events WHERE kind = 'categorised' "
                "AND report_id = ANY(CAST(:ids AS bigint[]))"
            ),
            {"ids": ids},
        ).scalar_one()
    assert written == sum(len(result.done) for result in results.values())


def test_the_bulk_actions_are_named_actions_on_the_queue(qtbot, db_engine, tasks):
    pane = _pane(qtbot, db_engine, tasks)
    view = _view(pane)
    names = {
        "bulkCategoryAction": "Ctrl+Shift+C",
        "bulkPriorityAction": "Ctrl+Shift+P",
        "bulkRejectAction": "Ctrl+Shift+R",
        "bulkMergeAction": "Ctrl+Shift+M",
        "bulkDispatchAction": "Ctrl+Shift+D",
        "bulkUndoAction": "Ctrl+Shift+Z",
    }
    found = {a.objectName(): a.shortcut().toString() for a in view.actions()}
    assert {n: found.get(n) for n in names} == names
    assert [a.objectName() for a in pane.bulk.all_actions()] == list(names)
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert view.selectionMode() == QTableView.SelectionMode.ExtendedSelection
    messages: list[str] = []
    pane.bulk.message.connect(messages.append)
    view.selectionModel().clear()
    pane.bulk.actions[bulk.REJECT].trigger()  # nothing selected: says so, runs nothing
    assert messages == ["Select reports in the queue first (Shift or Ctrl with a click)."]
