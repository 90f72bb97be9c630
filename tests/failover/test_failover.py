"""Failover under a running console: a primary and a synchronous streaming standby (the
embedded server's own binaries), a console on libpq's multi-host URL and a channel writing
20 reports a second; the primary is killed and the standby promoted. The console shows
Offline, is back on the new primary within 10 s, listens again and catches up from the events
table; every acknowledged report is there once; the KPIs are the primary's."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from qlue_console.db.engine import describe, make_engine
from qlue_console.gui.main_window import MainWindow
from qlue_console.reports.kpis import fetch_weekly_kpis
from qlue_console.reports.weeks import last_complete_week
from qlue_console.seed.demo_reports import seed_demo_reports
from tests.failover.channel import CHANNEL, PREFIX, SteadyChannel
from tests.failover.cluster import Cluster

RECOVERY_LIMIT_S = 10.0


def _drill_rows(url: str) -> list[tuple[int, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [
                (row.id, row.external_id)
                for row in conn.execute(
                    text(
                        "SELECT id, external_id FROM reports "
                        "WHERE channel = :c AND external_id LIKE :p"
                    ),
                    {"c": CHANNEL, "p": PREFIX + "%"},
                )
            ]
    finally:
        engine.dispose()


def test_console_and_channel_ride_out_a_failover(qtbot, monkeypatch, cluster: Cluster):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    url = cluster.failover_url()
    engine = make_engine(url)
    # last weeks' history, whose KPIs both servers must answer alike
    seed_demo_reports(engine, reports=120, weeks=2, processes=1)
    week = last_complete_week()
    kpis_on_primary = fetch_weekly_kpis(engine, week, ("kota", "agency"), charts=False)
    window = MainWindow(engine, url, describe(url), "en")
    qtbot.addWidget(window)
    window.show()
    channel = SteadyChannel(url, rate=20)
    try:
        with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
            pass
        triage = window.triage
        queue = triage.queue.model
        with qtbot.waitSignal(triage.detail.loaded, timeout=10_000):
            triage.open_report(queue.loaded_ids()[0])
        typed = "Mohon segera ditangani @lurah.gambir"
        triage.dispatch.composer.set_text(typed)  # half-written when the primary dies
        channel.start()
        qtbot.waitUntil(lambda: channel.count() >= 40, timeout=20_000)  # two seconds of reports
        before_kill = dict(channel.acknowledged)
        qtbot.waitUntil(
            lambda: set(before_kill.values()) <= set(queue.loaded_ids()), timeout=10_000
        )

        killed_at = time.monotonic()
        cluster.primary.kill()
        qtbot.waitUntil(window.is_offline, timeout=5_000)
        assert "Offline" in window.offline_banner.text()
        cluster.standby.promote()
        qtbot.waitUntil(lambda: not window.is_offline(), timeout=int(RECOVERY_LIMIT_S * 1000))
        recovery = time.monotonic() - killed_at
        assert recovery < RECOVERY_LIMIT_S
        written_after = channel.count()
        qtbot.waitUntil(lambda: channel.count() >= written_after + 40, timeout=15_000)
        channel.stop()

        acknowledged = dict(channel.acknowledged)
        assert channel.failures > 0  # the channel did see the primary go
        rows = _drill_rows(cluster.standby.url())
        by_external = {external: report_id for report_id, external in rows}
        assert len(rows) == len(by_external)  # none duplicated
        assert {e: by_external.get(e) for e in acknowledged} == acknowledged  # none missing
        # what the channel wrote after the failover is live in the console too (caught up or
        # heard on the new primary's LISTEN)
        qtbot.waitUntil(
            lambda: set(acknowledged.values()) <= set(queue.loaded_ids()), timeout=10_000
        )
        with engine.connect() as conn:
            assert conn.execute(text("SELECT inet_server_port()")).scalar_one() == (
                cluster.standby.port
            )
            assert not conn.execute(text("SELECT pg_is_in_recovery()")).scalar_one()
        assert triage.dispatch.composer.text() == typed  # nothing typed is lost
        kpis_on_standby = fetch_weekly_kpis(engine, week, ("kota", "agency"), charts=False)
        assert kpis_on_standby == kpis_on_primary
        assert kpis_on_primary.city.received > 0  # the history is not empty
    finally:
        if channel.is_alive():
            channel.stop()
        window.close()
        engine.dispose()
