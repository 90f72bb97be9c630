"""Live changes from the database: LISTEN on 'qlue_events', and catch-up from the events table
for whatever happened while a console was not listening (never from memory).

Plain Python on a dedicated psycopg2 connection; the Qt layer runs it on a worker thread.
"""

from __future__ import annotations

import json
import logging
import select
from dataclasses import dataclass

import psycopg2

from qlue_console.db.engine import connect_kwargs

log = logging.getLogger(__name__)

CHANNEL = "qlue_events"


@dataclass(frozen=True)
class ChangeEvent:
    event_id: int
    report_id: int
    kind: str


class StandbyError(psycopg2.OperationalError):
    """The server reached is a hot standby, which refuses LISTEN: the listener waits for a
    primary."""


class EventListener:
    """One LISTEN connection. ``wait`` blocks up to ``timeout`` seconds and returns what arrived;
    a lost connection raises ``psycopg2.OperationalError`` and the owner reconnects."""

    def __init__(self, url: str) -> None:
        # several hosts: only the one that accepts writes (a hot standby refuses LISTEN)
        self._connect_kwargs = connect_kwargs(url, writable=True)
        self._conn = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def connect(self) -> None:
        self.close()
        kwargs = {
            **self._connect_kwargs,
            "connect_timeout": 5,
            "application_name": "qlue-console listener",
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        }
        conn = psycopg2.connect(**kwargs)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT pg_is_in_recovery()")
            if cur.fetchone()[0]:
                conn.close()
                raise StandbyError(
                    "the server is a standby (read-only); the console listens on the primary"
                )
            cur.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg2.Error:
                pass
        self._conn = None

    def wait(self, timeout: float) -> list[ChangeEvent]:
        conn = self._conn
        if conn is None:
            raise psycopg2.OperationalError("the listener is not connected")
        if not conn.notifies and not select.select([conn], [], [], timeout)[0]:
            return []
        conn.poll()
        events = []
        while conn.notifies:
            note = conn.notifies.pop(0)
            try:
                payload = json.loads(note.payload)
                events.append(
                    ChangeEvent(int(payload["event"]), int(payload["report"]), str(payload["kind"]))
                )
            except (ValueError, KeyError, TypeError):
                log.warning("ignored a malformed notification: %r", note.payload)
        return events

    def catch_up(self, after_event_id: int, limit: int = 50_000) -> list[ChangeEvent]:
        """The events after ``after_event_id``, oldest first, read from the table itself."""
        conn = self._conn
        if conn is None:
            raise psycopg2.OperationalError("the listener is not connected")
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, report_id, kind FROM events WHERE id > %s ORDER BY id LIMIT %s",
                (after_event_id, limit),
            )
            return [ChangeEvent(*row) for row in cur.fetchall()]

    def last_event_id(self) -> int:
        conn = self._conn
        if conn is None:
            raise psycopg2.OperationalError("the listener is not connected")
        with conn.cursor() as cur:
            cur.execute("SELECT coalesce(max(id), 0) FROM events")
            return cur.fetchone()[0]
