"""A primary with a synchronous standby, from the command line and the engines: libpq's
multi-host URLs land on the primary whatever the order, read-only work goes to the standby and
falls back to the primary, LISTEN never runs on a standby, and ``db status`` tells the roles,
the replication and the revision."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import text

from qlue_console.cli import main
from qlue_console.db import migrate
from qlue_console.db.engine import make_engine, make_read_engine
from qlue_console.db.listen import EventListener, StandbyError
from qlue_console.reports.weeks import last_complete_week
from tests.failover.cluster import STANDBY_NAME, Cluster


def _server(engine) -> tuple[int, bool]:
    with engine.connect() as conn:
        return conn.execute(text("SELECT inet_server_port(), pg_is_in_recovery()")).one()


def test_multi_host_urls_reach_the_primary_in_either_order(cluster: Cluster):
    p, s = cluster.primary.port, cluster.standby.port
    for url in (
        f"postgresql://postgres@127.0.0.1:{s},127.0.0.1:{p}/qlue",  # libpq's authority form
        f"postgresql://postgres@/qlue?host=127.0.0.1,127.0.0.1&port={s},{p}",
        cluster.failover_url(),
    ):
        engine = make_engine(url)
        try:
            assert _server(engine) == (p, False)
        finally:
            engine.dispose()


def test_db_status_names_the_roles_the_replication_and_the_revision(cluster: Cluster, capsys):
    p, s = cluster.primary.port, cluster.standby.port
    primary_first = f"postgresql://postgres@127.0.0.1:{s},127.0.0.1:{p}/qlue"
    assert main(["db", "status", "--database-url", primary_first,
                 "--read-url", cluster.standby.url()]) == 0  # fmt: skip
    out = capsys.readouterr().out
    primary_part, standby_part = out.split("\n\n")
    head = migrate.head_revision()
    assert "role: primary" in primary_part
    assert f"revision: {head} (this console needs {head})" in primary_part
    assert f"standby {STANDBY_NAME}: streaming, sync, lag " in primary_part
    assert f"synchronous standbys: FIRST 1 ({STANDBY_NAME}); synchronous_commit=on" in out
    assert f"server: 127.0.0.1:{s}/qlue" in standby_part
    assert "role: standby" in standby_part
    assert f"revision: {head}" in standby_part
    assert "receiving from the primary: streaming" in standby_part
    assert "replication lag: " in standby_part

    cluster.standby.stop()
    assert main(["db", "status", "--database-url", cluster.primary.url()]) == 0
    assert "replication: no standby connected" in capsys.readouterr().out


def test_read_only_work_goes_to_the_standby_and_falls_back_to_the_primary(cluster: Cluster):
    reader = make_read_engine(cluster.standby.url(), cluster.failover_url())
    try:
        assert _server(reader) == (cluster.standby.port, True)
        cluster.standby.stop()
        reader.dispose()  # the pooled connections died with it; new ones find the primary
        assert _server(reader) == (cluster.primary.port, False)
    finally:
        reader.dispose()


def test_report_weekly_reads_from_the_standby(cluster: Cluster, tmp_path, capsys):
    out = tmp_path / "week.csv"
    week = str(last_complete_week())
    args = ["report", "weekly", "--week", week, "--by", "kota", "--out", str(out)]
    assert main([*args, "--database-url", cluster.failover_url(),
                 "--read-url", cluster.standby.url()]) == 0  # fmt: skip
    with out.open(encoding="utf-8") as f:
        from_standby = list(csv.reader(f))
    assert len(from_standby) > 1
    cluster.standby.stop()  # the standby is gone: the same report from the primary
    out.unlink()
    assert main([*args, "--database-url", cluster.failover_url(),
                 "--read-url", cluster.standby.url()]) == 0  # fmt: skip
    with out.open(encoding="utf-8") as f:
        assert list(csv.reader(f))[1:] == from_standby[1:]


def test_the_listener_never_listens_on_a_standby(cluster: Cluster):
    on_standby = EventListener(cluster.standby.url())
    with pytest.raises(StandbyError):
        on_standby.connect()
    assert not on_standby.connected
    listener = EventListener(cluster.failover_url())
    listener.connect()
    try:
        with listener._conn.cursor() as cur:  # noqa: SLF001 - which server it listens on
            cur.execute("SELECT inet_server_port()")
            assert cur.fetchone()[0] == cluster.primary.port
    finally:
        listener.close()


def test_the_reports_workspace_reads_from_the_standby(qtbot, cluster: Cluster):
    from qlue_console.db.engine import describe
    from qlue_console.gui.main_window import MainWindow

    url = cluster.failover_url()
    engine = make_engine(url)
    reader = make_read_engine(cluster.standby.url(), url)
    window = MainWindow(engine, url, describe(url), "en", workspace="reports", read_engine=reader)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.workspace_ready, timeout=60_000) as ready:
            pass
        assert ready.args == ["reports"]

        def readers(node) -> int:
            return node.sql(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE application_name = 'qlue-console reader'"
            )[0][0]

        assert readers(cluster.standby) >= 1  # the KPIs were computed there
        assert readers(cluster.primary) == 0
        assert window.is_offline() is False  # the console itself listens on the primary
    finally:
        window.close()
        reader.dispose()
        engine.dispose()
