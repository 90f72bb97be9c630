"""The command palette (Ctrl+K) in a console signed in as an operator, offscreen against a real
PostgreSQL: it finds an action by part of its text as shown, in English and in Bahasa
Indonesia, with its shortcut, and runs it with Enter; a workspace; a named view; a report
number; an action added to the window later; arrow keys move, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import text

from qlue_console.data.queue import QueueFilter
from qlue_console.gui.command_palette import plain, score
from qlue_console.gui.main_window import MainWindow
from qlue_console.triage.views import save_view
from tests.triage.util import submit


def _type(qtbot, win: MainWindow, query: str):
    palette = win.command_palette
    if not palette.dialog.isVisible():
        palette.action.trigger()  # Ctrl+K
    qtbot.waitUntil(palette.dialog.isVisible)
    palette.search.setText(query)
    return palette


def _handover_shown(win: MainWindow) -> bool:
    return win.handover.dialog is not None and win.handover.dialog.dialog.isVisible()


def test_matching_prefers_the_start_and_accepts_letters_in_order():
    assert score("hand", "Shift handover…") > score("sho", "Shift handover…")
    assert score("shiftho", "Shift handover…") is not None
    assert score("xyz", "Shift handover…") is None
    assert plain("Sign &out…") == "Sign out…" and plain("R&&D") == "R&D"


def test_the_palette_finds_and_runs_actions_workspaces_views_and_reports(
    qtbot, console, people_engine
):
    rid = submit(people_engine, 1)
    win = console(language="en")
    save_view(win.context.engine, "Pluit floods", QueueFilter(search="Sampah"), shared=True)
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = win.command_palette
    qtbot.waitUntil(palette.dialog.isVisible)
    assert palette.search.hasFocus()
    palette.search.setText("handov")
    top = palette.shown[0]
    assert (top.text, top.kind, top.shortcut) == ("Shift handover…", "Action", "Ctrl+Shift+H")
    assert palette.list.topLevelItem(0).text(2) == "Ctrl+Shift+H"  # the shortcut is shown
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.dialog.isVisible()
    qtbot.waitUntil(
        lambda: win.handover.dialog is not None and win.handover.dialog.dialog.isVisible()
    )
    win.handover.dialog.dialog.reject()

    # an action added to a workspace later (a colleague's bulk action, say) is found by itself
    later = QAction("Bulk set priority", win.triage.widget)
    win.triage.widget.addAction(later)
    triggered = []
    later.triggered.connect(lambda: triggered.append(True))
    _type(qtbot, win, "bulk prio")
    assert palette.texts()[0] == "Bulk set priority"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert triggered == [True]

    # a workspace
    _type(qtbot, win, "direc")
    assert palette.shown[0].kind == "Workspace" and palette.shown[0].text == "Directory"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert win.current_workspace() == "directory"

    # a named view (loaded off the UI thread when the palette opens)
    palette = _type(qtbot, win, "pluit")
    qtbot.waitUntil(lambda: "Pluit floods" in palette.texts(), timeout=10_000)
    assert palette.shown[0].kind == "Named view"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert win.current_workspace() == "triage"
    qtbot.waitUntil(lambda: win.triage.queue.current_filter().search == "Sampah", timeout=10_000)

    # arrow keys move, Esc closes
    _type(qtbot, win, "")
    assert palette.list.currentItem() is palette.list.topLevelItem(0)
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    assert palette.list.currentItem() is palette.list.topLevelItem(1)
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)
    assert palette.list.currentItem() is palette.list.topLevelItem(0)
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.dialog.isVisible()

    # a report number
    win.triage.queue.apply_filter_to_widgets(QueueFilter())
    _type(qtbot, win, f"#{rid}")
    assert palette.texts()[0] == f"Open report #{rid}"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.triage.queue.selected_report() == rid, timeout=10_000)
    assert win.triage.detail.report_id == rid


def test_the_palette_matches_the_indonesian_text_shown(qtbot, console, people_engine):
    win = console(language="id")
    palette = _type(qtbot, win, "serah ter")
    top = palette.shown[0]
    assert (top.text, top.kind) == ("Serah terima shift…", "Tindakan")
    assert "Shift handover…" not in palette.texts()
    palette.search.setText("")
    assert "Ruang kerja" not in [c.text for c in palette.shown if c.kind == "Tindakan"]
    palette.search.setText("serah ter")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: win.handover.dialog is not None and win.handover.dialog.dialog.isVisible()
    )
    assert win.handover.dialog.dialog.windowTitle() == "Serah terima shift"
    win.handover.dialog.dialog.reject()
    palette = _type(qtbot, win, "12")
    assert palette.texts()[0] == "Buka laporan #12"
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)


def test_the_open_reports_buttons_and_the_bulk_actions_are_commands(qtbot, console, people_engine):
    """The triage keys (Claim, Verified, Reject, Next) are buttons of the open report, not
    actions: the palette lists the buttons on screen and runs them; the queue's bulk actions
    are there too."""
    rid = submit(people_engine, 1)
    win = console(language="en")
    win.triage.queue.apply_filter_to_widgets(QueueFilter())
    palette = _type(qtbot, win, f"#{rid}")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.triage.detail.report_id == rid, timeout=10_000)
    button = win.findChild(QPushButton, "claimButton")
    qtbot.waitUntil(button.isEnabled, timeout=10_000)  # once the report's version is read
    palette = _type(qtbot, win, "claim")
    claim = next(c for c in palette.shown if c.kind == "Triage")
    assert claim.text.startswith("Claim")
    texts = [c.text for c in palette.commands()]
    assert any(t.startswith("Reject") for t in texts)
    assert "Reject selection…" in texts and "Dispatch selection…" in texts
    palette.list.setCurrentItem(palette.list.topLevelItem(palette.shown.index(claim)))
    palette.run_current()
    with people_engine.connect() as conn:
        qtbot.waitUntil(
            lambda: conn.execute(
                text("SELECT claimed_by IS NOT NULL FROM reports WHERE id = :r"), {"r": rid}
            ).scalar_one(),
            timeout=10_000,
        )


def test_the_workspaces_not_opened_yet_are_built_so_their_buttons_are_listed(qtbot, console):
    """The Directory was never opened: the palette builds it (one workspace per turn of the
    event loop) and lists its buttons (an admin's: the routing and template editors); running
    one shows the Directory first."""
    win = console("qlue_admin", "en")
    assert "directory" not in win.workspaces
    palette = _type(qtbot, win, "")
    qtbot.waitUntil(lambda: "directory" in win.workspaces, timeout=10_000)
    qtbot.waitUntil(lambda: any(c.kind == "Directory" for c in palette.commands()), timeout=10_000)
    command = next(c for c in palette.commands() if c.kind == "Directory")
    palette.search.setText(command.text)
    row = next(
        i for i, c in enumerate(palette.shown) if (c.text, c.kind) == (command.text, command.kind)
    )
    palette.list.setCurrentItem(palette.list.topLevelItem(row))
    palette.run_current()
    assert win.current_workspace() == "directory"
    for dialog in QApplication.topLevelWidgets():  # whatever the button opened
        if dialog is not win and dialog.isVisible() and hasattr(dialog, "reject"):
            dialog.reject()
