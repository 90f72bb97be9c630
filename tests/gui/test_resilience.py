"""The console rides out a database restart: it shows that it is offline, keeps what the
operator typed, reconnects by itself, and catches up with the reports submitted while it was
away — from the events table, so the queue is exact again without a restart."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from qlue_console.db import contract, migrate
from qlue_console.db.embedded import leave_embedded, start_embedded
from qlue_console.db.engine import describe, make_engine
from qlue_console.gui.main_window import MainWindow
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.reference import seed_reference


def test_database_restart_under_a_running_console(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    data_dir = tmp_path / "own-server"  # a server of its own: the test stops it
    url = start_embedded(data_dir)
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
        first = contract.submit_report(
            conn,
            channel="app",
            external_id="r0",
            citizen="w0",
            text_="Sampah",
            category="sampah",
            lat=-6.1754,
            lon=106.8272,
        )
    window = MainWindow(engine, url, describe(url), "en")
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
            pass
        triage = window.triage
        qtbot.waitUntil(lambda: triage.queue.model.rowCount() == 1, timeout=10_000)
        with qtbot.waitSignal(triage.detail.loaded, timeout=10_000):
            triage.open_report(first)
        triage.dispatch.composer.set_text("Mohon segera ditangani @lurah.gambir")

        failed_connects: list[str] = []
        window.live.online_changed.connect(
            lambda online, reason: None if online else failed_connects.append(reason)
        )
        assert leave_embedded(data_dir)  # this process, its only user, stops the server
        qtbot.waitUntil(window.is_offline, timeout=15_000)
        assert "Offline" in window.offline_banner.text()
        # a few failed reconnects: the backoff grows
        qtbot.waitUntil(lambda: len(failed_connects) >= 3, timeout=15_000)

        url_again = start_embedded(data_dir)  # the server is back; channels submit at once
        assert url_again == url
        with engine.begin() as conn:
            missed = [
                contract.submit_report(
                    conn,
                    channel="sms",
                    external_id=f"r{i}",
                    citizen=f"w{i}",
                    text_=f"Laporan saat konsol terputus {i}",
                    category="banjir",
                    lat=-6.20 - i * 0.001,
                    lon=106.84,
                )
                for i in range(1, 4)
            ]
        qtbot.waitUntil(lambda: not window.is_offline(), timeout=30_000)
        qtbot.waitUntil(lambda: triage.queue.model.rowCount() == 4, timeout=15_000)
        assert set(missed) <= set(triage.queue.model.loaded_ids())
        qtbot.waitUntil(lambda: triage.map.marker_count() == 4, timeout=15_000)
        assert triage.dispatch.composer.text() == "Mohon segera ditangani @lurah.gambir"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 4
    finally:
        window.close()
        engine.dispose()
        leave_embedded(data_dir)
