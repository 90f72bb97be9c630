"""The dispatch panel, the @-composer, the directory workspace and the escalation timer,
offscreen against a real PostgreSQL with the demo city's people."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QWidget,
)

from qlue_console.dispatch import service
from qlue_console.gui.dispatch import DispatchPanel, EscalationTimer
from qlue_console.gui.dispatch.directory_model import COL_HANDLE, COL_OVERDUE
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.gui.workspaces.directory import DirectoryWorkspace
from qlue_console.gui.workspaces.registry import NAMES
from tests.dispatch.util import execute, mention_states, scalar, submit, version


@pytest.fixture
def ctx(qtbot, people_engine, db_url):
    tasks = TaskRunner()
    yield WorkspaceContext(
        engine=people_engine, tasks=tasks, language="en", tile_url=None, database_url=db_url
    )
    assert tasks.wait_idle(10_000)


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    widget.resize(460, 560)
    qtbot.addWidget(widget)
    return widget


def find(parent: QWidget, cls, name: str):
    """The child widget the form names ``name`` (the objectName a screen reader sees too)."""
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def open_panel(qtbot, ctx, host, report_id) -> DispatchPanel:
    panel = DispatchPanel(ctx, host)
    panel.widget.setParent(host)
    panel.widget.resize(host.size())
    host.show()
    panel.set_report(report_id)
    qtbot.waitUntil(lambda: panel.context is not None and panel.composer.loaded, timeout=10_000)
    panel.composer.edit.setFocus()
    return panel


def test_autocomplete_ranks_suggested_first_and_selects_by_keyboard(qtbot, ctx, host):
    rid = submit(ctx.engine)
    panel = open_panel(qtbot, ctx, host, rid)
    edit, composer = panel.composer.edit, panel.composer
    qtbot.keyClicks(edit, "Mohon dicek @lur")
    assert composer.is_popup_visible()
    handles = composer.popup_handles()
    assert handles[0] == "lurah.gambir"  # suggested first
    assert all(h.startswith("lurah.") for h in handles) and len(handles) == 10
    assert composer.current_popup_handle() == "lurah.gambir"
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    second = handles[1]
    assert composer.current_popup_handle() == second
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == f"Mohon dicek @{second} "
    assert not composer.is_popup_visible()
    assert edit.textCursor().position() == len(edit.toPlainText())

    # Accent- and case-insensitive over display names: suggested, then the report's area.
    qtbot.keyClicks(edit, "@GÁMBIR")
    assert composer.popup_handles()[:3] == ["lurah.gambir", "ppsu.gambir", "camat.gambir"]
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # wraps to the last
    qtbot.keyClick(edit, Qt.Key.Key_Down)  # back to the first
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.toPlainText().endswith("@lurah.gambir ")

    # Esc closes the popup and leaves the text as typed; an e-mail address opens nothing.
    qtbot.keyClicks(edit, "@dl")
    assert composer.popup_handles()[0] == "dlh"  # the category's agency, suggested
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not composer.is_popup_visible() and edit.toPlainText().endswith("@dl")
    qtbot.keyClicks(edit, " budi@jak")
    assert not composer.is_popup_visible()


def _wavy_ranges(edit):
    block = edit.document().firstBlock()
    return [
        (r.start, r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def test_unknown_and_inactive_mentions_are_marked_and_block_sending(qtbot, ctx, host):
    execute(ctx.engine, "UPDATE accounts SET active = false WHERE handle = 'ppsu.gambir'")
    rid = submit(ctx.engine)
    panel = open_panel(qtbot, ctx, host, rid)
    edit = panel.composer.edit
    send = find(panel.widget, QPushButton, "sendButton")
    edit.setPlainText("Tolong @lurah.gambir dan @ppsu.gambir, cc @pak.nobody.")
    assert not send.isEnabled()
    problem = find(panel.widget, QLabel, "problemLabel").text()
    assert (
        "@ppsu.gambir (PPSU Gambir) is inactive" in problem
        and "No account is named @pak.nobody" in problem
    )
    text = edit.toPlainText()
    assert _wavy_ranges(edit) == [
        (text.index("@ppsu"), len("@ppsu.gambir")),
        (text.index("@pak"), len("@pak.nobody")),
    ]
    edit.setPlainText("Tolong @lurah.gambir")
    assert send.isEnabled() and _wavy_ranges(edit) == []
    edit.setPlainText("Tolong tanpa mention")
    assert not send.isEnabled() and "Mention at least one official" in send.toolTip()


def test_accept_suggestions_then_send_with_ctrl_enter(qtbot, ctx, host):
    rid = submit(ctx.engine)
    panel = open_panel(qtbot, ctx, host, rid)
    panel.composer.edit.setPlainText("Sampah menumpuk, mohon diangkut hari ini.")
    panel.composer.edit.moveCursor(panel.composer.edit.textCursor().MoveOperation.End)
    panel.accept_suggestions()
    text = panel.composer.text()
    assert text.endswith("hari ini. @lurah.gambir @dlh @ppsu.gambir ")
    tree = find(panel.widget, QTreeWidget, "mentionsTree")
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == [
        "to send"
    ] * 3
    with qtbot.waitSignal(panel.dispatched, timeout=10_000) as blocker:
        qtbot.keyClick(panel.composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [rid]
    assert mention_states(ctx.engine, rid) == [
        ("lurah.gambir", "open"),
        ("dlh", "open"),
        ("ppsu.gambir", "open"),
    ]
    assert panel.composer.text() == ""
    qtbot.waitUntil(
        lambda: panel.context is not None and len(panel.context.mentions) == 3, timeout=10_000
    )
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == ["Open"] * 3
    accept = find(panel.widget, QPushButton, "acceptSuggestionsButton")
    assert not accept.isEnabled()  # every suggestion holds an open mention


def test_a_refused_send_keeps_the_text_and_says_who_changed_the_report(qtbot, ctx, host):
    rid = submit(ctx.engine)
    panel = open_panel(qtbot, ctx, host, rid)
    service.dispatch(
        ctx.engine, rid, version(ctx.engine, rid), "@lurah.gambir duluan"
    )  # another console
    panel.composer.edit.setPlainText("@dlh mohon diangkut")
    panel.send()
    status = find(panel.widget, QLabel, "statusLabel")
    qtbot.waitUntil(lambda: "Not sent" in status.text(), timeout=10_000)
    assert "dispatched" in status.text() and "your text is kept" in status.text()
    assert panel.composer.text() == "@dlh mohon diangkut"
    qtbot.waitUntil(lambda: panel.context.version == version(ctx.engine, rid), timeout=10_000)
    with qtbot.waitSignal(panel.dispatched, timeout=10_000):
        panel.send()
    assert mention_states(ctx.engine, rid) == [("lurah.gambir", "open"), ("dlh", "open")]


def test_pass_on_needs_a_reason(qtbot, ctx, host):
    rid = submit(ctx.engine, category="air_bersih")
    service.dispatch(ctx.engine, rid, version(ctx.engine, rid), "@lurah.gambir")
    panel = open_panel(qtbot, ctx, host, rid)
    panel.composer.edit.setPlainText("Mohon ditangani @pamjaya")
    send = find(panel.widget, QPushButton, "sendButton")
    forward = find(panel.widget, QPushButton, "forwardButton")
    reason = find(panel.widget, QLineEdit, "reasonEdit")
    assert send.isEnabled() and not forward.isEnabled()
    reason.setText("Pipa bocor: urusan PAM Jaya")
    assert forward.isEnabled()
    with qtbot.waitSignal(panel.dispatched, timeout=10_000):
        forward.click()
    assert mention_states(ctx.engine, rid) == [("lurah.gambir", "forwarded"), ("pamjaya", "open")]
    assert scalar(ctx.engine, "SELECT status FROM reports WHERE id = :id", id=rid) == "coordination"
    assert reason.text() == ""


def test_drafts_survive_moving_between_reports(qtbot, ctx, host):
    first, second = submit(ctx.engine), submit(ctx.engine, category="banjir")
    panel = open_panel(qtbot, ctx, host, first)
    panel.composer.edit.setPlainText("draft @lurah.gambir")
    panel.set_report(second)
    assert panel.composer.text() == ""
    qtbot.waitUntil(
        lambda: panel.context is not None and panel.context.report_id == second, timeout=10_000
    )
    assert [s.handle for s in panel.context.suggestions] == ["lurah.gambir", "sda", "camat.gambir"]
    panel.set_report(first)
    assert panel.composer.text() == "draft @lurah.gambir"
    panel.set_report(None)
    assert not find(panel.widget, QPushButton, "sendButton").isEnabled()


def test_directory_workspace_lists_load_and_performance(qtbot, ctx, host):
    assert "directory" in NAMES
    rid = submit(ctx.engine)
    service.dispatch(ctx.engine, rid, version(ctx.engine, rid), "@lurah.gambir @dlh")
    execute(
        ctx.engine,
        "UPDATE mentions SET due_at = now() - interval '1 hour' WHERE account_id = "
        "(SELECT id FROM accounts WHERE handle = 'lurah.gambir')",
    )
    workspace = DirectoryWorkspace(ctx, host)
    with qtbot.waitSignal(workspace.ready, timeout=10_000):
        pass
    total = workspace.model.rowCount()
    assert total > 600
    top = workspace.table.model().index(0, COL_HANDLE)
    assert top.data() == "@lurah.gambir"  # sorted by overdue, descending
    assert workspace.table.model().index(0, COL_OVERDUE).data() == "⚠ 1"
    find(workspace.widget, QLineEdit, "searchEdit").setText("gámbir")
    qtbot.waitUntil(lambda: workspace.model.rowCount() < total, timeout=5_000)
    assert {workspace.model.row_at(r).handle for r in range(workspace.model.rowCount())} >= {
        "lurah.gambir",
        "ppsu.gambir",
        "camat.gambir",
    }
    find(workspace.widget, QCheckBox, "overdueOnlyCheck").setChecked(True)
    assert workspace.model.rowCount() == 1
    workspace.table.setCurrentIndex(workspace.table.model().index(0, 1))
    open_tree = find(workspace.widget, QTreeWidget, "openMentionsTree")
    qtbot.waitUntil(lambda: open_tree.topLevelItemCount() == 1, timeout=10_000)
    assert "1 open, 1 overdue" in find(workspace.widget, QLabel, "loadLabel").text()
    received = find(workspace.widget, QLabel, "receivedValue").text()
    assert received.startswith("1 in the last 30 days")
    # the test login is a superuser
    assert find(workspace.widget, QPushButton, "adminButton").isHidden() is False


def test_escalation_timer_escalates_through_the_task_runner(qtbot, ctx):
    rid = submit(ctx.engine)
    service.dispatch(ctx.engine, rid, version(ctx.engine, rid), "@lurah.gambir")
    execute(ctx.engine, "UPDATE mentions SET due_at = now() - interval '1 minute'")
    timer = EscalationTimer(ctx)
    with qtbot.waitSignal(timer.escalated, timeout=10_000) as blocker:
        timer.run_now()
    assert blocker.args == [1]
    assert mention_states(ctx.engine, rid) == [
        ("lurah.gambir", "escalated"),
        ("camat.gambir", "open"),
    ]
    timer.start(first_run_ms=10_000)
    assert timer.is_active()
    timer.stop()


def test_escalation_timer_stops_for_a_login_that_may_not(qtbot, ctx, login_url):
    from qlue_console.db.engine import make_engine

    analyst = make_engine(login_url("qlue_analyst"))
    try:
        timer = EscalationTimer(WorkspaceContext(analyst, ctx.tasks, "en", None, ""))
        timer.start(first_run_ms=60_000)
        with qtbot.waitSignal(timer.disabled, timeout=10_000):
            timer.run_now()
        assert not timer.is_active()
        ctx.tasks.wait_idle(5_000)
    finally:
        analyst.dispose()


MARKUP = "<img src=x onerror=alert(1)> <b>bold</b> &amp;"


def test_the_directory_shows_an_officials_name_literally(qtbot, ctx, host):
    from qlue_console.gui.dispatch.directory_model import COL_NAME

    execute(
        ctx.engine, "UPDATE accounts SET display_name = :n WHERE handle = 'lurah.gambir'", n=MARKUP
    )
    rid = submit(ctx.engine)
    service.dispatch(ctx.engine, rid, version(ctx.engine, rid), "@lurah.gambir")
    workspace = DirectoryWorkspace(ctx, host)
    with qtbot.waitSignal(workspace.ready, timeout=10_000):
        pass
    table = workspace.table.model()
    row = next(
        r for r in range(table.rowCount()) if table.index(r, COL_HANDLE).data() == "@lurah.gambir"
    )
    workspace.table.setCurrentIndex(table.index(row, COL_NAME))
    title = find(workspace.widget, QLabel, "detailTitle")
    qtbot.waitUntil(lambda: MARKUP in title.text(), timeout=10_000)
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert table.index(row, COL_NAME).data() == MARKUP
