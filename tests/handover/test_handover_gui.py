"""The shift handover through the console, offscreen against a real PostgreSQL, each person
signed in with their own login: a note written in the handover dialog greets the next member of
the team at sign-in (its view and report open in the queue) until acknowledged, never a member
of another team; the history keeps every note; claims go to a colleague chosen by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console.data.queue import QueueFilter
from qlue_console.gui.main_window import MainWindow
from qlue_console.triage import actions, handover
from qlue_console.triage.views import save_view
from tests.triage.util import submit


def _login(win: MainWindow) -> str:
    return win.identity.login


def _settle(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.tasks.pending() == 0, timeout=15_000)


def _notes(engine):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT author_login, body, view_ids, report_ids, acknowledged_login "
                "FROM handover_notes ORDER BY id"
            )
        ).all()


def test_a_note_greets_the_next_of_the_team_until_acknowledged(qtbot, console, people_engine):
    r1, r2 = submit(people_engine, 1), submit(people_engine, 2)
    andi = console("qlue_operator")
    view = save_view(andi.context.engine, "Banjir shared", QueueFilter(), shared=True)
    save_view(andi.context.engine, "Mine only", QueueFilter(), shared=False)
    assert andi.handover.arrival is None
    andi.handover.action.trigger()  # Shift ▸ Shift handover… (Ctrl+Shift+H)
    dialog = andi.handover.dialog
    qtbot.waitUntil(lambda: dialog.views.count() == 1 and dialog.history.count() == 1)
    assert dialog.views.item(0).text() == "Banjir shared"  # only shared views can be handed
    dialog.body.setPlainText("Flooding in Pluit: the pumps were called at 05:40.")
    dialog.views.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.reports.setText(f"{r2}, #{r1}")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Note saved" in dialog.status_text(), timeout=10_000)
    dialog.body.setPlainText("A second note")
    assert dialog.reports.text() == ""
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(_notes(people_engine)) == 2, timeout=10_000)
    first = _notes(people_engine)[0]
    assert first[:4] == (
        _login(andi),
        "Flooding in Pluit: the pumps were called at 05:40.",
        [view],
        [r2, r1],
    )

    boss = console("qlue_supervisor")  # another team: nothing waits for them
    _settle(qtbot, boss)
    assert boss.handover.arrival is None

    budi = console("qlue_operator")
    qtbot.waitUntil(lambda: budi.handover.arrival is not None, timeout=15_000)
    arrival = budi.handover.arrival
    assert arrival.dialog.isVisible() and arrival.note.body == "A second note"
    assert arrival.item_labels() == []
    # the latest note is the one shown; reading the first one's view and reports in the history
    budi.handover.open_dialog()
    history = budi.handover.dialog.history
    qtbot.waitUntil(lambda: history.count() == 2, timeout=10_000)
    assert "A second note" in history.item(0).text()
    assert "Views to watch: Banjir shared" in history.item(1).text()
    assert f"#{r2}, #{r1}" in history.item(1).text()
    budi.handover.dialog.dialog.reject()
    arrival.ack_button.click()
    qtbot.waitUntil(lambda: not arrival.dialog.isVisible(), timeout=10_000)
    assert [n[4] for n in _notes(people_engine)] == [None, _login(budi)]

    sari = console("qlue_operator")  # acknowledged: no longer shown
    _settle(qtbot, sari)
    assert sari.handover.arrival is None


def test_the_notes_view_and_reports_open_in_the_queue(qtbot, console, people_engine):
    rids = [submit(people_engine, n) for n in range(1, 4)]
    andi = console("qlue_operator")
    view = save_view(
        andi.context.engine, "Urgent", QueueFilter(search="Sampah", states=("new",)), shared=True
    )
    handover.write_note(andi.context.engine, "Watch these", [view], [rids[0]])
    budi = console("qlue_operator")
    qtbot.waitUntil(lambda: budi.handover.arrival is not None, timeout=15_000)
    arrival = budi.handover.arrival
    assert arrival.item_labels() == ["View: Urgent", f"Report #{rids[0]}"]
    arrival.open_item(1)
    qtbot.waitUntil(lambda: budi.triage.queue.selected_report() == rids[0], timeout=10_000)
    assert budi.triage.detail.report_id == rids[0]
    arrival.open_item(0)
    qtbot.waitUntil(lambda: budi.triage.queue.current_filter().search == "Sampah", timeout=10_000)


def test_claims_are_handed_to_a_colleague_chosen_by_name(qtbot, console, people_engine):
    r1, r2 = submit(people_engine, 1), submit(people_engine, 2)
    budi = console("qlue_operator")
    andi = console("qlue_operator")
    actions.claim(andi.context.engine, r1)
    actions.claim(andi.context.engine, r2)
    andi.handover.open_dialog()
    dialog = andi.handover.dialog
    qtbot.waitUntil(lambda: dialog.claims.count() == 2 and dialog.colleague.count() >= 1)
    assert dialog.reports.text() == f"{r1}, {r2}"  # the claims offered as reports to watch
    dialog.tabs.setCurrentIndex(1)
    dialog.colleague.setEditText(_login(budi))
    dialog.hand_button.click()
    qtbot.waitUntil(lambda: "handed to" in dialog.status_text(), timeout=10_000)
    assert dialog.status_text().startswith("2 claim")
    qtbot.waitUntil(lambda: dialog.claims.count() == 0, timeout=10_000)
    with people_engine.connect() as conn:
        holders = conn.execute(
            text("SELECT DISTINCT claimed_by FROM reports WHERE id IN (:a, :b)"), {"a": r1, "b": r2}
        ).scalars()
        assert list(holders) == [make_url(budi.context.database_url).username]
    andi.triage.open_report(r1)  # the timeline says to whom
    timeline = andi.triage.detail.widget.findChild(QTreeWidget, "timelineTree")
    qtbot.waitUntil(lambda: andi.triage.detail.report_id == r1 and timeline.topLevelItemCount() > 1)
    last = timeline.topLevelItem(timeline.topLevelItemCount() - 1).text(1)
    assert last == f"Claim handed over → {_login(budi)}"
