"""An action whose COMMIT lost its answer is checked by its receipt, not repeated: with the
synchronous standby away, a commit waits for it; the connection is then cut (the commit
stands, only locally: it is done once), or the primary dies and a standby that never received
it is promoted (it is not there: the person is told to do it again)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.engine import make_engine
from qlue_console.db.receipts import ActionNotSavedError
from qlue_console.triage.actions import comment
from tests.failover.cluster import Cluster

BODY = "Petugas PPSU sudah dikabari"


class _Action(threading.Thread):
    def __init__(self, engine, report_id: int) -> None:
        super().__init__(daemon=True)
        self._engine, self._report_id = engine, report_id
        self.result: int | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.result = comment(self._engine, self._report_id, BODY)
        except Exception as exc:  # handed to the test
            self.error = exc


def _report(engine) -> int:
    with engine.begin() as conn:
        return contract.submit_report(
            conn, channel="app", external_id="doubt-1", citizen="warga", text_="Sampah menumpuk",
            category="sampah", lat=-6.1754, lon=106.8272,
        )  # fmt: skip


def _waiting_for_the_standby(cluster: Cluster, timeout: float = 20) -> int:
    """The pid of the backend whose commit waits for the synchronous standby."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = cluster.primary.sql(
            "SELECT pid FROM pg_stat_activity WHERE wait_event = 'SyncRep'", database="qlue"
        )
        if rows:
            return rows[0][0]
        time.sleep(0.05)
    raise TimeoutError("no commit waits for the standby")


def _comments(url: str, report_id: int) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                text("SELECT count(*) FROM events WHERE report_id = :r AND kind = 'comment'"),
                {"r": report_id},
            ).scalar_one()
    finally:
        engine.dispose()


def test_a_commit_that_landed_is_reported_done_once(cluster: Cluster, caplog):
    caplog.set_level("INFO", logger="qlue_console.db.receipts")
    engine = make_engine(cluster.failover_url())
    try:
        report_id = _report(engine)
        cluster.standby.stop()  # from now on a commit waits for it
        action = _Action(engine, report_id)
        action.start()
        pid = _waiting_for_the_standby(cluster)
        # the connection is cut while its COMMIT waits: committed locally, the answer lost
        cluster.primary.sql(f"SELECT pg_terminate_backend({pid})")
        action.join(40)
        assert action.error is None
        assert action.result is not None  # the comment's event, as if the answer had come
        assert "checking its receipt" in caplog.text  # the answer was lost indeed
        assert "the action had committed" in caplog.text
        assert _comments(cluster.primary.url(), report_id) == 1
    finally:
        engine.dispose()


def test_a_commit_the_new_primary_never_had_is_said_not_saved(cluster: Cluster):
    engine = make_engine(cluster.failover_url())
    try:
        report_id = _report(engine)
        cluster.standby.stop()
        action = _Action(engine, report_id)
        action.start()
        _waiting_for_the_standby(cluster)
        cluster.primary.kill()  # its commit record dies with it: the standby never saw it
        cluster.standby.start()
        cluster.standby.promote()
        action.join(40)
        assert isinstance(action.error, ActionNotSavedError)
        assert "was not saved" in str(action.error)
        assert _comments(cluster.standby.url(), report_id) == 0
        # done again on the new primary: once
        comment(engine, report_id, BODY)
        assert _comments(cluster.standby.url(), report_id) == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("role", ["qlue_operator", "qlue_supervisor"])
def test_a_login_sees_only_its_own_receipts(cluster: Cluster, role: str):
    cluster.primary.sql(f"CREATE ROLE t_{role} LOGIN IN ROLE {role}")
    url = f"postgresql://t_{role}@127.0.0.1:{cluster.primary.port}/qlue"
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT qlue_action_receipt('00000000-0000-4000-8000-000000000001')"))
        with engine.connect() as conn:
            assert conn.execute(
                text("SELECT qlue_action_committed('00000000-0000-4000-8000-000000000001')")
            ).scalar_one()
            conn.rollback()
            with pytest.raises(Exception, match="permission denied"):
                conn.execute(text("SELECT * FROM action_receipts"))
        other = cluster.primary.sql(
            "SET ROLE postgres; SELECT login FROM action_receipts", database="qlue"
        )
        assert other == [(f"t_{role}",)]
    finally:
        engine.dispose()
