"""The main window on a real database: the queue lists reports, the map draws them over the
kelurahan, selecting shows photo and timeline, and a report submitted by another connection
appears in the queue and on the map without a restart."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.seed.demo_people import seed_people
from tests.photo_factory import jpeg

PLACES = [
    (-6.1754, 106.8272),
    (-6.2088, 106.8456),
    (-6.1256, 106.8315),
    (-6.3024, 106.8950),
    (-6.2297, 106.6894),
    (-6.1380, 106.8130),
]


@pytest.fixture
def small_city(db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
        for i in range(24):
            lat, lon = PLACES[i % len(PLACES)]
            contract.submit_report(
                conn,
                channel="app",
                external_id=f"w{i}",
                citizen=f"warga{i}",
                text_=f"Laporan nomor {i}: saluran tersumbat <b>tebal</b>",
                category="saluran_tersumbat",
                lat=lat + i * 1e-4,
                lon=lon,
                photo=jpeg(i + 1),
            )
    return db_engine


@pytest.fixture
def window(qtbot, small_city, db_url):
    win = MainWindow(small_city, db_url, describe(db_url), "en")
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    yield win
    win.close()


def test_queue_map_and_detail_show_the_database(qtbot, window):
    queue = window.triage.queue
    assert queue.model.rowCount() == 24
    newest = queue.model.row_at(0)
    assert newest.excerpt.startswith("Laporan nomor 23")

    map_view = window.triage.map
    qtbot.waitUntil(lambda: map_view.marker_count() == 24, timeout=15_000)

    with qtbot.waitSignal(window.triage.detail.photo_shown, timeout=15_000):
        queue.select_report(newest.id)
    detail = window.triage.detail.detail
    assert detail.id == newest.id
    assert detail.kelurahan is not None
    assert [e.kind for e in detail.timeline] == ["created"]
    assert window.triage.detail.current_photo_id() == detail.photos[0].id


def test_a_report_from_another_connection_appears_within_a_second(qtbot, window, small_city):
    queue = window.triage.queue
    before = queue.model.rowCount()
    box: dict = {}

    def channel() -> None:  # another connection, as a citizen channel would be
        with small_city.begin() as conn:
            box["id"] = contract.submit_report(
                conn,
                channel="sms",
                external_id="live-1",
                citizen="warga_live",
                text_="Pohon tumbang di Jl. Medan Merdeka",
                category="pohon_tumbang",
                lat=-6.1760,
                lon=106.8260,
            )
        box["at"] = time.monotonic()

    thread = threading.Thread(target=channel)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: queue.model.rowCount() == before + 1, timeout=3_000)
    elapsed = time.monotonic() - box["at"]
    assert elapsed < 1.0, f"the report took {elapsed:.2f} s to reach the queue"
    assert queue.model.row_at(0).id == box["id"]
    qtbot.waitUntil(lambda: window.triage.map.marker_count() == before + 1, timeout=3_000)


def test_a_change_to_a_report_updates_its_row_in_place(qtbot, window, small_city):
    queue = window.triage.queue
    target = queue.model.row_at(3)
    with small_city.begin() as conn:
        conn.execute(
            text("UPDATE reports SET priority = 3, version = version + 1 WHERE id = :id"),
            {"id": target.id},
        )
        conn.execute(
            text(
                "INSERT INTO events (report_id, actor, kind, payload)"
                " VALUES (:id, 'op.andi', 'prioritised', '{\"priority\": 3}')"
            ),
            {"id": target.id},
        )
    qtbot.waitUntil(lambda: queue.model.row_at(3).priority == 3, timeout=3_000)
    assert queue.model.row_at(3).id == target.id


def test_switching_reports_quickly_never_shows_the_previous_photo(qtbot, window):
    queue, detail = window.triage.queue, window.triage.detail
    first, second, third = (queue.model.row_at(i).id for i in (0, 1, 2))
    shown: list[int] = []
    detail.photo_shown.connect(shown.append)
    detail.show_report(first)
    detail.show_report(second)
    detail.show_report(third)
    qtbot.waitUntil(
        lambda: detail.detail is not None and detail.detail.id == third and bool(shown),
        timeout=15_000,
    )
    # every photo load asked for has been answered (or dropped as superseded)
    qtbot.waitUntil(lambda: window.tasks.pending() == 0, timeout=15_000)
    photo_ids_of_third = {p.id for p in detail.detail.photos}
    assert shown and set(shown) <= photo_ids_of_third
    assert detail.current_photo_id() in photo_ids_of_third


def test_a_burst_of_reports_lands_in_a_few_batches(qtbot, window, small_city, monkeypatch):
    """Thirty reports committed one by one as fast as a channel can: every one reaches the
    queue, through a few batched fetches (each one repaint), not one fetch per report."""
    import qlue_console.gui.queue.live as live

    fetches: list[int] = []
    real_fetch = live.fetch_queue_changes

    def counting_fetch(engine, flt, ids):
        fetches.append(len(ids))
        return real_fetch(engine, flt, ids)

    monkeypatch.setattr(live, "fetch_queue_changes", counting_fetch)
    queue = window.triage.queue
    before = queue.model.rowCount()

    def channel() -> None:
        for i in range(30):
            with small_city.begin() as conn:
                contract.submit_report(
                    conn,
                    channel="web",
                    external_id=f"burst-{i}",
                    citizen=f"warga_b{i}",
                    text_=f"Sampah menumpuk {i}",
                    category="sampah",
                    lat=-6.18,
                    lon=106.83,
                )

    started = time.monotonic()
    thread = threading.Thread(target=channel)
    thread.start()
    thread.join()
    burst_s = time.monotonic() - started
    qtbot.waitUntil(lambda: queue.model.rowCount() == before + 30, timeout=5_000)
    assert sum(fetches) >= 30
    # at most one fetch in flight, the next waits up to LIVE_BATCH_MS for more
    assert len(fetches) <= burst_s / (live.LIVE_BATCH_MS / 1000) + 2, (fetches, burst_s)
    assert len(fetches) < 30


@pytest.fixture
def supervisor_window(qtbot, people_engine, db_url, demo_cleanup):
    from PySide6.QtWidgets import QApplication

    from qlue_console.access.demo_logins import demo_url, ensure_demo_logins
    from qlue_console.gui.sign_in import open_session

    with people_engine.begin() as conn:
        ensure_demo_logins(conn)
    session = open_session(demo_url(db_url, "supervisor"))
    win = MainWindow(session.engine, session.url, session.server, "en", identity=session.identity)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=10_000)
    yield win
    win.close()
    session.engine.dispose()


def test_each_workspace_keeps_its_shortcut_whatever_the_role(qtbot, supervisor_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QToolBar

    from qlue_console.gui.workspaces.registry import WORKSPACES

    win = supervisor_window
    name_of = {spec.title(): spec.name for spec in WORKSPACES}
    toolbar = win.findChild(QToolBar, "workspaceToolbar")
    shortcuts = {name_of[a.text()]: a.shortcut().toString() for a in toolbar.actions()}
    assert shortcuts == {
        "triage": "Ctrl+1",
        "directory": "Ctrl+2",
        "verify": "Ctrl+4",
    }
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.current_workspace() == "verify", timeout=10_000)
    # the keys go to the proofs' queue, not to the first filter (Down must not change the agency)
    focused = QApplication.focusWidget()
    verify = win.workspace("verify").widget
    assert focused is not None and focused.objectName() == "queueView", focused
    assert verify.isAncestorOf(focused)
    qtbot.keyClick(
        win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier
    )  # Reports: not a supervisor's
    assert win.current_workspace() == "verify"
    assert (
        win.statusBar().currentMessage() == "Reports is not a workspace of your role (Supervisor)."
    )
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.current_workspace() == "directory", timeout=10_000)


def test_the_status_bar_and_about_name_the_person_and_the_server(supervisor_window):
    from qlue_console import __version__

    win = supervisor_window
    server = win.server
    assert "%" not in server and "postgresql" not in server.split("/")[0] and "?" not in server
    assert win.signed_in_as() == f"Rina Kusuma · Supervisor · {server}"
    about = win.about_text()
    assert (
        __version__ in about
        and server in about
        and "demo_supervisor" in about
        and "Rina Kusuma" in about
    )


def test_ctrl_q_quits(qtbot, supervisor_window):
    from PySide6.QtCore import Qt

    win = supervisor_window
    with qtbot.waitSignal(win.closed, timeout=10_000):
        qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not win.isVisible() and not win.signing_out


def test_sign_out_closes_the_window_and_asks_for_the_sign_in(qtbot, supervisor_window):
    win = supervisor_window
    with (
        qtbot.waitSignal(win.sign_out_requested, timeout=10_000),
        qtbot.waitSignal(win.closed, timeout=10_000),
    ):
        win.sign_out_action.trigger()
    assert not win.isVisible() and win.signing_out
