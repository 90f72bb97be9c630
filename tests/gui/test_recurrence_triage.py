"""The triage side of a fix that did not hold (revision 0030), offscreen on a real PostgreSQL:
the queue marks a recurrence and follows live changes of it; the detail pane shows the fix it
came back after (number that opens it, text, closing, officials, distance, proof thumbnail) and
labels the recurrence events of both timelines; the dispatch panel suggests the official who
closed the earlier report first."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QToolButton, QTreeWidget, QWidget

from qlue_console.data.queue import QueueFilter
from qlue_console.db.listen import ChangeEvent
from qlue_console.domain.states import ALL_STATES
from qlue_console.gui.detail_pane import DetailPane
from qlue_console.gui.dispatch import DispatchPanel
from qlue_console.gui.queue_model import COL_CATEGORY
from qlue_console.gui.queue_pane import QueuePane
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.triage import actions
from tests.dispatch.util import execute, version
from tests.recurrence.city import north, submit
from tests.recurrence.fixes import came_back
from tests.verify.city import MONAS

CLOSER = "camat.gambir"  # no routing rule of sampah names the camat
MARKUP = "Sampah <b>lagi</b> & <img src=x> di trotoar"

Decoration, ToolTip = 1, 3  # Qt.ItemDataRole.DecorationRole, ToolTipRole


@pytest.fixture
def tasks(qtbot):
    runner = TaskRunner()
    yield runner
    assert runner.wait_idle(10_000)


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    widget.resize(520, 900)
    qtbot.addWidget(widget)
    return widget


def _row_mark(pane: QueuePane, report_id: int):
    position = pane.model.position_of(report_id)
    assert position is not None, f"report #{report_id} is not in the queue"
    index = pane.model.index(position, COL_CATEGORY)
    return index.data(Decoration), index.data(ToolTip)


def test_the_queue_marks_a_recurrence_and_follows_its_live_changes(
    qtbot, people_engine, tasks, host
):
    fix = came_back(people_engine, CLOSER)
    other = submit(people_engine, north(900, of=MONAS))
    pane = QueuePane(people_engine, tasks, "en", host)
    with qtbot.waitSignal(pane.first_page_loaded, timeout=15_000):
        pane.set_filter(QueueFilter(states=tuple(ALL_STATES)))
    qtbot.waitUntil(lambda: pane.model.position_of(fix.new) is not None, timeout=10_000)

    icon, tip = _row_mark(pane, fix.new)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert tip == f"Came back after report #{fix.closed} was closed"
    assert _row_mark(pane, other) == (None, None)
    assert _row_mark(pane, fix.closed)[0] is None  # the closed report itself is no recurrence

    # Rejected, it is no recurrence any more: the live change takes the mark away ...
    v = actions.reject(people_engine, fix.new, version(people_engine, fix.new), "spam")
    pane.apply_changes([ChangeEvent(0, fix.new, "rejected")])
    qtbot.waitUntil(lambda: _row_mark(pane, fix.new)[0] is None, timeout=10_000)
    # ... and the rejection undone gives it back.
    actions.undo_reject(people_engine, fix.new, v)
    pane.apply_changes([ChangeEvent(0, fix.new, "undone")])
    qtbot.waitUntil(lambda: _row_mark(pane, fix.new)[0] is not None, timeout=10_000)
    assert "Came back after report" in _row_mark(pane, fix.new)[1]


def _timeline(pane: DetailPane) -> list[str]:
    tree = pane.widget.findChild(QTreeWidget, "timelineTree")
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def _open(qtbot, pane: DetailPane, report_id: int) -> None:
    with qtbot.waitSignal(pane.loaded, timeout=15_000, check_params_cb=lambda r: r == report_id):
        pane.show_report(report_id)


def test_the_detail_shows_the_fix_it_came_back_after(qtbot, people_engine, tasks, host):
    fix = came_back(people_engine, CLOSER, closed_text=MARKUP)
    far = submit(people_engine, north(900, of=MONAS))
    pane = DetailPane(people_engine, tasks, "en", host)
    pane.widget.resize(host.size())
    host.show()
    panel = pane.came_back

    with qtbot.waitSignal(panel.photo_shown, timeout=15_000) as shown:
        _open(qtbot, pane, fix.new)
    assert shown.args == [fix.proof_photo] and panel.has_photo()
    assert panel.box.isVisible()
    facts = panel.facts_text().splitlines()
    assert facts[0] == f"Report #{fix.closed} · 25 m away"
    assert facts[1] == f"“{MARKUP}”"  # the citizen's characters, never markup
    assert facts[2].startswith("Closed ") and " WIB by " in facts[2]
    assert facts[3] == f"Proof approved from Camat Gambir (@{CLOSER})"
    assert facts[4] == "Times this fix came back: 1"
    assert f'<a href="{fix.closed}">#{fix.closed}</a>' in panel.report_markup()
    assert (
        f"Came back after closing: after report #{fix.closed} was closed, 25 m away"
        in _timeline(pane)
    )

    # Not a recurrence: no panel.
    _open(qtbot, pane, far)
    assert not panel.box.isVisible() and panel.fix is None

    # Back to the recurrence, then its closed report's number opens that report.
    _open(qtbot, pane, fix.new)
    assert panel.box.isVisible()
    with qtbot.waitSignal(pane.loaded, timeout=15_000, check_params_cb=lambda r: r == fix.closed):
        pane.widget.findChild(QLabel, "cameBackReport").linkActivated.emit(str(fix.closed))
    assert pane.report_id == fix.closed and not panel.box.isVisible()
    assert f"The fix came back: report #{fix.new} came back here, 25 m away" in _timeline(pane)


def test_a_withdrawn_recurrence_is_labelled_on_both_timelines(qtbot, people_engine, tasks, host):
    fix = came_back(people_engine, CLOSER)
    actions.reject(people_engine, fix.new, version(people_engine, fix.new), "spam")
    pane = DetailPane(people_engine, tasks, "en", host)
    host.show()
    _open(qtbot, pane, fix.new)
    assert not pane.came_back.box.isVisible()
    assert (
        f"No longer a recurrence: the link with report #{fix.closed} is withdrawn · Ditolak"
        in _timeline(pane)
    )
    _open(qtbot, pane, fix.closed)
    assert any(
        t.startswith(f"No longer a recurrence: the link with report #{fix.new} is withdrawn")
        for t in _timeline(pane)
    )


def test_dispatch_suggests_the_official_who_closed_the_earlier_report_first(
    qtbot, people_engine, tasks, host, db_url
):
    fix = came_back(people_engine, CLOSER)
    ctx = WorkspaceContext(
        engine=people_engine, tasks=tasks, language="en", tile_url=None, database_url=db_url
    )
    panel = DispatchPanel(ctx, host)
    panel.widget.resize(host.size())
    host.show()
    panel.set_report(fix.new)
    qtbot.waitUntil(lambda: panel.context is not None and panel.composer.loaded, timeout=10_000)

    box = panel.widget.findChild(QWidget, "suggestionsBox")
    chips = [c for c in box.findChildren(QToolButton) if c.isEnabled()]
    assert chips[0].text() == f"@{CLOSER} · closed the earlier report"
    assert "Closed the earlier report at this place" in chips[0].toolTip()
    assert all("closed the earlier report" not in c.text() for c in chips[1:])
    panel.accept_suggestions()
    assert panel.composer.handles()[0] == CLOSER


def test_long_words_in_the_panel_do_not_widen_the_pane(qtbot, people_engine, tasks, host):
    long_text = "x" * 400 + " panjang" * 60
    fix = came_back(people_engine, CLOSER, closed_text=long_text)
    execute(
        people_engine,
        "UPDATE accounts SET display_name = :n WHERE handle = :h",
        n="N" * 300,
        h=CLOSER,
    )
    far = submit(people_engine, north(900, of=MONAS))
    pane = DetailPane(people_engine, tasks, "en", host)
    host.show()
    _open(qtbot, pane, far)
    narrowest = pane.widget.minimumSizeHint().width()

    _open(qtbot, pane, fix.new)

    assert pane.came_back.box.isVisible()
    # the words are thousands of pixels long; the panel asks for no more than the pane did
    # without it (the photo's width), and the pane for no more than before (give or take the
    # timeline's scroll bar)
    assert pane.came_back.box.minimumSizeHint().width() <= narrowest
    assert pane.widget.minimumSizeHint().width() < narrowest + 20
    excerpt = pane.widget.findChild(QLabel, "cameBackExcerpt")
    assert excerpt.text().startswith("“" + "x" * 100) and excerpt.text().endswith("…”")
    assert long_text in excerpt.toolTip()  # the whole text, escaped, on hovering
