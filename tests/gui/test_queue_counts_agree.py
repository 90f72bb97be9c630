"""The queue and its tab counts agree with the database under every typical filter while a
channel submits, officials follow up and operators triage: after the live updates settle, each
queue's rows are a fresh ``fetch_queue_page`` of its filter and its tab counts fresh counts."""

from __future__ import annotations

import random
import re
import threading

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from qlue_console import simulate
from qlue_console.data.queue import QueueFilter, fetch_queue_page, fetch_state_counts
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import QlueDatabaseError
from qlue_console.domain.states import CLOSED_STATES
from qlue_console.gui.live import LiveFeed
from qlue_console.gui.queue.state_tabs import ARCHIVE_TABS, OPEN_TABS
from qlue_console.gui.queue_pane import QueuePane
from qlue_console.gui.tasks import TaskRunner
from qlue_console.seed.demo_reports import seed_demo_reports
from qlue_console.triage import actions

# the typical filters of bench/bench_queue.py
FILTERS: dict[str, QueueFilter] = {
    "working queue": QueueFilter(),
    "most urgent first": QueueFilter(sort="priority"),
    "Menunggu tab": QueueFilter(states=("new", "triaged")),
    "category sampah": QueueFilter(category="sampah"),
    "kota Jakarta Utara": QueueFilter(area_code="31.72"),
    "kelurahan Gambir": QueueFilter(area_code="31.71.01.1001"),
    "channel sms": QueueFilter(channel="sms"),
    "urgent only": QueueFilter(min_priority=3),
    "text 'tersumbat'": QueueFilter(search="tersumbat"),
    "overdue garbage in Jakarta Utara": QueueFilter(
        category="sampah", area_code="31.72", overdue_only=True
    ),
    "archive": QueueFilter(states=tuple(sorted(CLOSED_STATES))),
}
EVERYTHING = 10_000  # more rows than the test database holds


@pytest.fixture
def city(people_engine):
    seed_demo_reports(people_engine, reports=60, weeks=1, seed=3)
    with people_engine.begin() as conn:
        # no deadline passes while the test runs (a report turning overdue sends no event)
        conn.execute(
            text(
                "UPDATE reports SET due_at = now() + interval '1 day' "
                "WHERE due_at BETWEEN now() - interval '1 minute' AND now() + interval '1 hour'"
            )
        )
    return people_engine


def _operate(engine, rng: random.Random, steps: int) -> None:
    """An operator triaging: priorities, triage, rejections and merges, racing the channel."""
    for _ in range(steps):
        with engine.connect() as conn:
            waiting = conn.execute(
                text(
                    "SELECT id, version FROM reports WHERE status = ANY(:states) "
                    "ORDER BY random() LIMIT 2"
                ),
                {"states": ["new", "triaged"]},
            ).all()
        if len(waiting) < 2:
            return
        (report, version), (other, _) = waiting
        choice = rng.random()
        try:
            if choice < 0.4:
                actions.set_priority(engine, report, version, rng.randint(0, 3))
            elif choice < 0.7:
                actions.mark_triaged(engine, report, version)
            elif choice < 0.85:
                actions.reject(engine, report, version, "spam")
            else:
                actions.merge(engine, report, version, other)
        except QlueDatabaseError:
            pass  # another change won the race: the next step tries another report


def _tab_numbers(pane: QueuePane) -> list[int | None]:
    """The count each state tab shows (None: no count yet)."""
    found = [re.search(r"\((\d+)\)$", t) for t in pane.tab_texts()]
    return [int(m.group(1)) if m else None for m in found]


def _fresh_tab_numbers(engine, flt: QueueFilter) -> list[int]:
    specs = ARCHIVE_TABS if set(flt.states) <= CLOSED_STATES else OPEN_TABS
    counts = fetch_state_counts(engine, flt, specs[0][1])
    return [sum(counts.get(s, 0) for s in states) for _label, states in specs]


def _disagreements(engine, panes: dict[str, QueuePane]) -> list[str]:
    found = []
    for name, pane in panes.items():
        flt = pane.current_filter()
        model = pane.model
        shown = [model.row_at(i) for i in range(model.rowCount())]
        fresh = fetch_queue_page(engine, flt, None, EVERYTHING)
        if shown != fresh:
            found.append(f"{name}: rows {[r.id for r in shown]} != {[r.id for r in fresh]}")
        if model.canFetchMore():
            found.append(f"{name}: not every page loaded")
        numbers = _tab_numbers(pane)
        if numbers != _fresh_tab_numbers(engine, flt):
            found.append(f"{name}: tab counts {numbers} != {_fresh_tab_numbers(engine, flt)}")
    return found


def test_the_queue_and_its_counts_agree_with_sql_under_every_filter_while_reports_change(
    qtbot, city, db_url, login_url
):
    tasks = TaskRunner()
    panes: dict[str, QueuePane] = {}
    hosts: list[QWidget] = []  # each pane's window, kept alive for the test
    for name, flt in FILTERS.items():
        host = QWidget()
        qtbot.addWidget(host)
        hosts.append(host)
        pane = QueuePane(city, tasks, "en", host)
        with qtbot.waitSignal(pane.first_page_loaded, timeout=15_000):
            pane.apply_filter_to_widgets(flt)
        panes[name] = pane
    assert panes["working queue"].model.rowCount() > 0
    assert panes["archive"].model.rowCount() > 0
    before = {name: pane.model.loaded_ids() for name, pane in panes.items()}

    feed = LiveFeed(db_url)
    for pane in panes.values():
        feed.changed.connect(pane.apply_changes)
    operator = make_engine(login_url("qlue_operator"))
    try:
        with qtbot.waitSignal(feed.online_changed, timeout=15_000):
            feed.start()
        channel = threading.Thread(
            target=simulate.run_simulation,
            args=(city,),
            kwargs={"rate": 10, "duration": 2, "seed": 7, "log": lambda _line: None},
        )
        triage = threading.Thread(target=_operate, args=(operator, random.Random(5), 30))
        channel.start()
        triage.start()
        qtbot.waitUntil(lambda: not channel.is_alive() and not triage.is_alive(), timeout=60_000)
        channel.join()
        triage.join()
        try:
            qtbot.waitUntil(lambda: not _disagreements(city, panes), timeout=20_000)
        except qtbot.TimeoutError:
            pass
        assert _disagreements(city, panes) == []
        # the changes reached the queues through their live path (no filter was set again)
        changed = [name for name, pane in panes.items() if pane.model.loaded_ids() != before[name]]
        assert {"working queue", "most urgent first", "archive"} <= set(changed), changed
    finally:
        feed.stop()
        operator.dispose()
        qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=15_000)
        tasks.wait_idle()
