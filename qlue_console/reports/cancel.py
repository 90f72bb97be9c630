"""Cancelling a running KPI computation from another thread (the Reports workspace's Cancel)."""

from __future__ import annotations

import threading


class CancelledError(Exception):
    """The user cancelled the computation."""


class CancelToken:
    """Cancels a running KPI computation from another thread: the queries in flight are
    cancelled on the server (the driver's cancel request) and no further step starts. One token
    may cover several connections at once (the two weeks of a report are fetched in parallel)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._connections: list = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.cancel()
            except Exception:  # the query may have just finished; nothing to cancel then
                pass

    def check(self) -> None:
        if self._cancelled:
            raise CancelledError()

    def attach(self, dbapi_connection) -> None:
        with self._lock:
            self._connections.append(dbapi_connection)
        self.check()

    def detach(self, dbapi_connection=None) -> None:
        with self._lock:
            if dbapi_connection is None:
                self._connections.clear()
            else:
                self._connections = [c for c in self._connections if c is not dbapi_connection]
