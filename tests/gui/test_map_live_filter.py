"""The map's live updates answer the queue's question: with a category or an area filter, a
report submitted through the contract reaches the map only if it matches, one that stops
matching leaves it, and "N reports on the map" is the page's own count after every change.
Under every kind of filter, after live changes, the map shows exactly what a fresh marker fetch
and a fresh queue page give."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import text

from qlue_console.data.map_data import fetch_encoded_markers
from qlue_console.data.queue import QueueFilter, fetch_queue_page
from qlue_console.db import contract
from qlue_console.db.engine import describe
from qlue_console.domain.states import CLOSED_STATES
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.map.page import STATES
from qlue_console.gui.workspaces.triage import MAP_LABELS
from qlue_console.seed.demo_people import seed_people
from qlue_console.triage import actions

MONAS = (-6.1754, 106.8272)  # Jakarta Pusat (31.71)
PLUIT = (-6.1200, 106.8000)  # Jakarta Utara (31.72)


def on_the_map(n: int) -> str:
    """The count's text for n markers, in the language installed (plural forms: qlue_*.qm)."""
    return QCoreApplication.translate("TriageWorkspace", "%n report(s) on the map", "", n)


def _submit(conn, key: str, category: str, place: tuple[float, float], i: int = 0) -> int:
    return contract.submit_report(
        conn,
        channel="app",
        external_id=key,
        citizen=f"warga_{key}",
        text_=f"Laporan {key}",
        category=category,
        lat=place[0] + i * 1e-4,
        lon=place[1],
    )


@pytest.fixture
def city(db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
        sampah = [_submit(conn, f"s{i}", "sampah", MONAS, i) for i in range(3)]
        banjir = [_submit(conn, f"b{i}", "banjir", PLUIT, i) for i in range(2)]
    return db_engine, sampah, banjir


@pytest.fixture
def triage(qtbot, city, db_url):
    engine = city[0]
    win = MainWindow(engine, db_url, describe(db_url), "en")
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    yield win.triage
    win.close()


def _from_another_connection(engine, submit) -> dict:
    """Runs ``submit(conn)`` in one transaction on another thread, as a citizen channel would."""
    box: dict = {}

    def channel() -> None:
        with engine.begin() as conn:
            box["ids"] = submit(conn)

    thread = threading.Thread(target=channel)
    thread.start()
    thread.join()
    return box


def _show(qtbot, ws, flt: QueueFilter, expected: set[int]) -> None:
    ws.queue.set_filter(flt)
    qtbot.waitUntil(
        lambda: ws.map.report_ids() == expected and ws.map.marker_count() == len(expected),
        timeout=15_000,
    )


def _recategorise(engine, report_id: int, category: str) -> None:
    actions.set_category(engine, report_id, None, category)


def test_with_a_category_filter_only_matching_reports_reach_the_map(qtbot, triage, city):
    engine, sampah, _banjir = city
    _show(qtbot, triage, QueueFilter(category="sampah"), set(sampah))
    box = _from_another_connection(
        engine,
        lambda conn: (
            _submit(conn, "new-banjir", "banjir", MONAS),
            _submit(conn, "new-sampah", "sampah", PLUIT),
        ),
    )
    other, matching = box["ids"]
    qtbot.waitUntil(
        lambda: matching in triage.map.report_ids() and triage.map.marker_count() == 4,
        timeout=10_000,
    )
    assert other not in triage.map.report_ids()
    assert triage.map_count_text() == on_the_map(4)

    _recategorise(engine, matching, "banjir")  # stops matching: leaves the map
    qtbot.waitUntil(
        lambda: matching not in triage.map.report_ids() and triage.map.marker_count() == 3,
        timeout=10_000,
    )
    _recategorise(engine, other, "sampah")  # starts matching: comes onto the map
    qtbot.waitUntil(
        lambda: other in triage.map.report_ids() and triage.map.marker_count() == 4, timeout=10_000
    )
    assert triage.map.report_ids() == set(sampah) | {other}


def test_with_an_area_filter_only_reports_in_the_area_reach_the_map(qtbot, triage, city):
    engine, _sampah, banjir = city
    _show(qtbot, triage, QueueFilter(area_code="31.72"), set(banjir))
    box = _from_another_connection(
        engine,
        lambda conn: (
            _submit(conn, "in-pusat", "banjir", MONAS),
            _submit(conn, "in-utara", "sampah", PLUIT, 5),
        ),
    )
    outside, inside = box["ids"]
    qtbot.waitUntil(
        lambda: inside in triage.map.report_ids() and triage.map.marker_count() == 3, timeout=10_000
    )
    assert outside not in triage.map.report_ids()
    assert triage.map.report_ids() == set(banjir) | {inside}


def test_the_count_is_the_maps_own_after_a_stream_and_after_a_removal(qtbot, triage, city):
    engine, sampah, banjir = city
    _show(qtbot, triage, QueueFilter(), set(sampah) | set(banjir))
    qtbot.waitUntil(lambda: triage.map_count_text() == on_the_map(5), timeout=5_000)
    for batch in range(3):  # a stream: several transactions, several flushes of the map
        _from_another_connection(
            engine,
            lambda conn, b=batch: [
                _submit(
                    conn, f"stream-{b}-{i}", ("sampah", "banjir")[i % 2], (MONAS, PLUIT)[i % 2], i
                )
                for i in range(7)
            ],
        )
    qtbot.waitUntil(lambda: triage.map.marker_count() == 26, timeout=15_000)
    qtbot.waitUntil(lambda: triage.map_count_text() == on_the_map(26), timeout=5_000)

    only = banjir[0]
    _show(qtbot, triage, QueueFilter(search="Laporan b0"), {only})
    qtbot.waitUntil(lambda: triage.map_count_text() == on_the_map(1), timeout=5_000)
    actions.reject(
        engine, only, None, "spam"
    )  # rejected elsewhere: its only marker goes (not an open state)
    qtbot.waitUntil(lambda: triage.map.marker_count() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: triage.map_count_text() == on_the_map(0), timeout=5_000)


def test_citizen_markup_arriving_live_is_shown_as_text_on_the_map(qtbot, triage, city):
    engine = city[0]
    payload = "Banjir <img src=x onerror=window.__xss=1> <b>tebal</b>"
    box = _from_another_connection(
        engine,
        lambda conn: contract.submit_report(
            conn,
            channel="sms",
            external_id="markup",
            citizen="warga_markup",
            text_=payload,
            category="sampah",
            lat=MONAS[0] - 0.01,
            lon=MONAS[1],
        ),
    )
    report = box["ids"]
    view = triage.map
    qtbot.waitUntil(
        lambda: report in view.report_ids() and view.marker_count() == 6, timeout=10_000
    )

    def js(script: str):
        with qtbot.waitCallback(timeout=5_000) as callback:
            view.view.page().runJavaScript(script, 0, callback)
        return callback.args[0]

    qtbot.waitUntil(lambda: js(f"QlueMap.hoverMarker({report})") is True, timeout=5_000)
    qtbot.waitUntil(
        lambda: (
            payload
            in (js("QlueMap.tooltipElement() && QlueMap.tooltipElement().textContent") or "")
        ),
        timeout=5_000,
    )
    assert js("document.querySelectorAll('img, .leaflet-tooltip b').length") == 0
    assert js("typeof window.__xss") == "undefined"


def _ids_everywhere(engine, flt: QueueFilter) -> tuple[set[int], set[int]]:
    """A fresh full marker fetch and a fresh queue page (a large limit) under ``flt``."""
    markers = fetch_encoded_markers(
        engine, flt, language="en", label_of=MAP_LABELS, label_order=STATES
    )
    queue = fetch_queue_page(engine, flt, limit=100_000)
    return {r[0] for r in markers.rows}, {q.id for q in queue}


def test_under_every_filter_the_map_after_live_changes_is_the_queue(qtbot, triage, city):
    engine, sampah, banjir = city
    with engine.connect() as conn:
        monas_kelurahan = conn.execute(
            text("SELECT kelurahan_code FROM reports WHERE id = :id"), {"id": sampah[0]}
        ).scalar_one()
    filters = {
        "working queue": QueueFilter(),
        "most urgent first": QueueFilter(sort="priority"),
        "Menunggu tab": QueueFilter(states=("new", "triaged")),
        "channel": QueueFilter(channel="app"),
        "overdue garbage in Jakarta Pusat": QueueFilter(
            category="sampah", area_code="31.71", overdue_only=True
        ),
        "archive": QueueFilter(states=tuple(sorted(CLOSED_STATES))),
        "states": QueueFilter(states=("triaged",)),
        "category": QueueFilter(category="banjir"),
        "kota": QueueFilter(area_code="31.72"),
        "kelurahan": QueueFilter(area_code=monas_kelurahan),
        "text": QueueFilter(search="Laporan s"),
        "overdue": QueueFilter(overdue_only=True),
        "urgent": QueueFilter(min_priority=3),
    }
    for n, (name, flt) in enumerate(filters.items()):
        shown, _queue = _ids_everywhere(engine, flt)
        _show(qtbot, triage, flt, shown)
        # Live changes from other consoles and channels: new reports, a triage, a priority, a
        # category, a report that becomes overdue (its change announced by a comment), and one
        # of the shown reports rejected.
        box = _from_another_connection(
            engine,
            lambda conn, n=n: (
                _submit(conn, f"s{n}-new", "sampah", MONAS, 30 + n),
                _submit(conn, f"b{n}-new", "banjir", PLUIT, 30 + n),
            ),
        )
        new_sampah, new_banjir = box["ids"]
        actions.mark_triaged(engine, new_sampah, None)
        actions.set_priority(engine, new_banjir, None, 3)
        actions.set_category(engine, sampah[n % len(sampah)], None, ("banjir", "sampah")[n % 2])
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE reports SET due_at = now() - interval '1 hour' WHERE id = :id"),
                {"id": new_sampah},
            )
        actions.comment(engine, new_sampah, "lewat tenggat")
        # a shown report rejected; under the archive a new one, which then enters it
        archive = set(flt.states) <= CLOSED_STATES
        target = new_banjir if archive else (max(shown) if shown else None)
        if target is not None:
            actions.reject(engine, target, None, "spam")

        def agree(flt=flt) -> bool:
            full, queue = _ids_everywhere(engine, flt)
            on_map = triage.map.report_ids()
            return on_map == full == queue and triage.map.marker_count() == len(full)

        qtbot.waitUntil(agree, timeout=15_000)
        after, _queue = _ids_everywhere(engine, flt)
        assert after != shown, f"the changes reached the {name} filter's reports"
        assert triage.map.load_count() == 1  # live changes, not a reloaded page
