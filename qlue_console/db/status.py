"""What ``qlue-console db status`` tells an operator about one server: its role (primary or
standby), its replication (on a primary each standby with its state, whether it is
synchronous, and how far behind it is; on a standby how far its replay trails what it
received and the last replayed commit), and the schema revision against this code's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.db import migrate


@dataclass(frozen=True)
class Standby:
    name: str  # its application_name (what synchronous_standby_names names)
    state: str  # streaming, catchup, …
    sync_state: str  # sync, potential, quorum, async
    lag_bytes: int | None  # WAL sent but not yet replayed there
    replay_lag_s: float | None


@dataclass(frozen=True)
class ServerStatus:
    server: str  # as a person reads it, never a password
    role: str  # 'primary' or 'standby'
    revision: str | None
    head: str
    synchronous_standby_names: str
    synchronous_commit: str
    standbys: tuple[Standby, ...] = ()  # a primary's
    receiving: str | None = None  # a standby's WAL receiver: streaming, … (None: not receiving)
    replay_behind_bytes: int | None = None  # a standby's: received, not yet replayed
    replay_delay_s: float | None = None  # a standby's: since the last replayed commit


def server_status(engine: Engine, shown: str) -> ServerStatus:
    """``shown``: the server as the person named it (:func:`db.engine.describe`)."""
    with engine.connect() as conn:
        standby, sync_names, sync_commit = conn.execute(
            text(
                "SELECT pg_is_in_recovery(), current_setting('synchronous_standby_names'), "
                "current_setting('synchronous_commit')"
            )
        ).one()
        common = {
            "server": shown,
            "revision": migrate.current_revision(engine),
            "head": migrate.head_revision(),
            "synchronous_standby_names": sync_names,
            "synchronous_commit": sync_commit,
        }
        if not standby:
            rows = conn.execute(
                text(
                    "SELECT application_name, state, sync_state, "
                    "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, "
                    "extract(epoch FROM replay_lag)::float8 "
                    "FROM pg_stat_replication ORDER BY application_name"
                )
            ).all()
            return ServerStatus(
                role="primary", standbys=tuple(Standby(*row) for row in rows), **common
            )
        receiving, behind, delay = conn.execute(
            text(
                "SELECT (SELECT status FROM pg_stat_wal_receiver), "
                "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint, "
                "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                "ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END"
            )
        ).one()
        return ServerStatus(
            role="standby",
            receiving=receiving,
            replay_behind_bytes=behind,
            replay_delay_s=delay,
            **common,
        )


def _lag(lag_bytes: int | None, seconds: float | None) -> str:
    shown = "unknown" if lag_bytes is None else f"{lag_bytes} bytes"
    if seconds is not None:
        shown += f", {seconds:.3f} s"
    return shown


def format_status(status: ServerStatus) -> list[str]:
    """The lines the command prints."""
    lines = [
        f"server: {status.server}",
        f"role: {status.role}",
        f"revision: {status.revision or 'none'} (this console needs {status.head})",
    ]
    if status.role == "primary":
        names = status.synchronous_standby_names or "none (commits do not wait for a standby)"
        lines.append(
            f"synchronous standbys: {names}; synchronous_commit={status.synchronous_commit}"
        )
        if not status.standbys:
            lines.append("replication: no standby connected")
        for s in status.standbys:
            lines.append(
                f"standby {s.name}: {s.state}, {s.sync_state}, "
                f"lag {_lag(s.lag_bytes, s.replay_lag_s)}"
            )
    else:
        lines.append(f"receiving from the primary: {status.receiving or 'no (not connected)'}")
        lines.append(
            f"replication lag: {_lag(status.replay_behind_bytes, status.replay_delay_s)} "
            "(received, not yet replayed)"
        )
    return lines
