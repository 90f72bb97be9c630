"""The reply composer and the templates in the triage pane, offscreen against a real
PostgreSQL: Ctrl+T inserts the suggested template filled for the report (reply and dispatch),
Ctrl+Enter sends a public reply, P opens the reply."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import text

from qlue_console.dispatch import service
from qlue_console.gui.dispatch import DispatchPanel
from qlue_console.gui.replies.reply_panel import ReplyPanel
from qlue_console.gui.replies.wiring import add_reply_tab
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import WorkspaceContext
from tests.triage.util import submit


@pytest.fixture
def pane(qtbot, people_engine, db_url):
    tasks = TaskRunner()
    ctx = WorkspaceContext(
        engine=people_engine, tasks=tasks, language="en", tile_url=None, database_url=db_url
    )
    host = QWidget()
    host.resize(520, 600)
    qtbot.addWidget(host)
    tabs = QTabWidget(host)
    QVBoxLayout(host).addWidget(tabs)
    dispatch = DispatchPanel(ctx, host)
    tabs.addTab(dispatch.widget, "Dispatch")
    reply = ReplyPanel(people_engine, tasks, "en", host)
    actions = add_reply_tab(host, tabs, reply, dispatch)
    host.show()
    yield host, tabs, dispatch, reply, actions
    assert tasks.wait_idle(10_000)


def _dispatched(engine, n: int, category: str = "sampah") -> int:
    rid = submit(engine, n, category=category)
    ctx = service.load_dispatch_context(engine, rid)
    handles = [s.handle for s in ctx.suggestions]
    service.dispatch(engine, rid, ctx.version, " ".join("@" + h for h in handles), handles)
    return rid


def _replies(engine, rid):
    with engine.connect() as conn:
        return (
            conn.execute(
                text("SELECT payload FROM events WHERE report_id = :r AND kind = 'reply'"),
                {"r": rid},
            )
            .scalars()
            .all()
        )


def test_ctrl_t_inserts_the_suggested_reply_and_ctrl_enter_sends_it(qtbot, pane, people_engine):
    host, tabs, _dispatch, reply, actions = pane
    rid = _dispatched(people_engine, 1)
    reply.set_report(rid)
    qtbot.waitUntil(lambda: reply.template_box.count() > 0, timeout=10_000)
    assert reply.template_box.itemText(0) == "★ Diteruskan / Sent to the officials"
    qtbot.keyClick(tabs, Qt.Key.Key_P)  # "Reply to the citizen"
    assert tabs.currentWidget() is reply.widget and reply.edit.hasFocus()
    qtbot.keyClick(reply.edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    body = reply.edit.toPlainText()
    assert body.startswith(f"Laporan #{rid} sudah diteruskan ke ")
    assert "{" not in body and "WIB" in body  # the officials and the due time filled
    reply.language_box.setCurrentIndex(1)
    qtbot.keyClick(reply.edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert reply.edit.toPlainText().startswith(f"Report #{rid} has been sent to ")
    sent = reply.edit.toPlainText()
    qtbot.keyClick(reply.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reply.edit.toPlainText() == "", timeout=10_000)
    assert _replies(people_engine, rid) == [{"text": sent, "lang": "en"}]
    assert "Reply sent" in reply.status_text()
    assert [a.shortcut().toString() for a in actions] == ["P", "Ctrl+T"]
    assert all(a in host.actions() for a in actions)


def test_ctrl_t_on_the_dispatch_tab_writes_the_message_with_the_suggested_mentions(
    qtbot, pane, people_engine
):
    _host, tabs, dispatch, reply, _actions = pane
    rid = submit(people_engine, 2, category="banjir")
    dispatch.set_report(rid)
    reply.set_report(rid)
    qtbot.waitUntil(
        lambda: dispatch.context is not None and dispatch.composer.loaded and bool(reply.templates),
        timeout=10_000,
    )
    tabs.setCurrentWidget(dispatch.widget)
    dispatch.composer.edit.setFocus()
    qtbot.keyClick(dispatch.composer.edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    body = dispatch.composer.text()
    assert "MENDESAK: genangan" in body and f"#{rid}" in body
    suggested = {s.handle for s in dispatch.context.suggestions}
    assert suggested and set(dispatch.composer.handles()) == suggested
    assert not dispatch.composer.problems()


def test_a_refused_reply_keeps_its_text(qtbot, pane, people_engine):
    _host, _tabs, _dispatch, reply, _actions = pane
    rid = submit(people_engine, 3)
    reply.set_report(rid)
    qtbot.waitUntil(lambda: reply.template_box.count() > 0, timeout=10_000)
    reply.edit.setPlainText("x" * 2001)
    reply.send()
    qtbot.waitUntil(lambda: "Not sent" in reply.status_text(), timeout=10_000)
    assert "longer than 2000" in reply.status_text()
    assert reply.edit.toPlainText() == "x" * 2001 and _replies(people_engine, rid) == []


def test_an_admin_edits_a_template_in_the_console_and_an_operator_sees_no_editor(
    qtbot, login_url, db_url, db_engine
):
    from qlue_console.db.engine import make_engine
    from qlue_console.gui.replies.template_admin import TemplateAdminDialog, add_templates_button
    from qlue_console.replies.templates import fetch_templates

    tasks = TaskRunner()
    admin = make_engine(login_url("qlue_admin"))
    operator = make_engine(login_url("qlue_operator"))
    try:
        host = QWidget()
        qtbot.addWidget(host)
        row = QVBoxLayout(host)
        anchor = QWidget(host)
        row.addWidget(anchor)
        for engine, visible in ((admin, True), (operator, False)):
            ctx = WorkspaceContext(engine, tasks, "en", None, db_url)
            button, _holder = add_templates_button(ctx, host, anchor)
            assert tasks.wait_idle(10_000)
            qtbot.waitUntil(lambda b=button, v=visible: b.isVisibleTo(host) == v, timeout=10_000)
        ctx = WorkspaceContext(admin, tasks, "en", None, db_url)
        editor = TemplateAdminDialog(ctx, host)
        qtbot.waitUntil(lambda: editor.template_count() > 0, timeout=10_000)
        editor.list.setCurrentRow(0)
        editor.body_id.setPlainText("Laporan {nomor}")
        editor.save()
        assert "Unknown placeholder {nomor}" in editor.status_text()
        editor.body_id.setPlainText("{official} mohon segera: laporan {report}, batas {due}.")
        editor.save()
        qtbot.waitUntil(lambda: "Template saved" in editor.status_text(), timeout=10_000)
        first = fetch_templates(db_engine)[0]
        assert first.body_id == "{official} mohon segera: laporan {report}, batas {due}."
        assert first.version == 2
        # New while a save is still on its way: the list that comes back after the
        # save must not select the saved template over the one being typed.
        editor.body_en.setPlainText("Report {report}: please act before {due}.")
        editor.save()
        editor.new()
        editor.title.setText("Kosong")
        assert tasks.wait_idle(10_000)
        qtbot.waitUntil(lambda: editor.list.count() > 0 and "saved" in editor.status_text())
        qtbot.wait(100)
        assert editor.title.text() == "Kosong" and editor.body_en.toPlainText() == ""
        editor.save()  # no texts: the database refuses, the form keeps the title
        qtbot.waitUntil(lambda: "Not saved" in editor.status_text(), timeout=10_000)
        # The list reloaded after the first save may arrive only now: it must not
        # select the saved template over the new one being typed.
        assert tasks.wait_idle(10_000)
        qtbot.wait(100)
        assert editor.title.text() == "Kosong"
    finally:
        admin.dispose()
        operator.dispose()


def test_ctrl_t_in_the_rejection_dialog_writes_the_reasons_note(qtbot, pane, people_engine):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QPlainTextEdit, QPushButton

    from qlue_console.gui.reject_dialog import ask_reject_reason

    host, _tabs, _dispatch, reply, _actions = pane
    rid = submit(people_engine, 4)
    reply.set_report(rid)
    qtbot.waitUntil(
        lambda: bool(reply.templates) and reply.template_box.count() > 0, timeout=10_000
    )
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        reasons = dialog.findChild(QListWidget, "reasonList")
        reasons.setCurrentRow(2)  # incomplete
        dialog.findChild(QPushButton, "templateButton").click()
        seen["note"] = dialog.findChild(QPlainTextEdit, "noteEdit").toPlainText()
        dialog.accept()

    QTimer.singleShot(300, answer)
    result = ask_reject_reason(host, None, reply.rejection_template_text)
    assert seen["note"].startswith(f"Foto atau lokasi laporan #{rid} kurang jelas")
    assert result == ("incomplete", seen["note"])
    qtbot.waitUntil(lambda: not host.findChildren(QDialog), timeout=5_000)
