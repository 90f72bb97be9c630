"""Live updates for the Qt layer: a worker thread LISTENs for database events, reconnects with
backoff when the connection drops, catches up from the events table, and hands batches of
changes to the GUI thread as a signal."""

from __future__ import annotations

import logging
import threading

import psycopg2
from PySide6.QtCore import QObject, QThread, Signal

from qlue_console.db.listen import ChangeEvent, EventListener

log = logging.getLogger(__name__)

# short enough that a promoted standby is found within seconds (see docs/scaling.md)
BACKOFF_SECONDS = (0.5, 1, 1, 2, 3, 5)


class _ListenLoop(QThread):
    changed = Signal(list)
    online_changed = Signal(bool, str)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = EventListener(url)
        self._stop = threading.Event()
        self._last_event_id: int | None = None

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self._listener.connect()
                if self._last_event_id is None:
                    self._last_event_id = self._listener.last_event_id()
                else:
                    missed = self._listener.catch_up(self._last_event_id)
                    self._publish(missed)
                attempt = 0
                self.online_changed.emit(True, "")
                while not self._stop.is_set():
                    self._publish(self._listener.wait(timeout=0.25))
            except psycopg2.Error as exc:
                reason = (
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                )
                log.warning("live connection lost: %s", reason)
                self.online_changed.emit(False, reason)
                self._listener.close()
                delay = BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)]
                attempt += 1
                self._stop.wait(delay)
        self._listener.close()

    def _publish(self, events: list[ChangeEvent]) -> None:
        if not events:
            return
        self._last_event_id = max(self._last_event_id or 0, max(e.event_id for e in events))
        self.changed.emit(events)


class LiveFeed(QObject):
    """``changed(list[ChangeEvent])`` for every batch, ``online_changed(bool, reason)`` on
    connection loss and recovery. ``start()`` once; ``stop()`` before the window closes."""

    changed = Signal(list)
    online_changed = Signal(bool, str)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = _ListenLoop(url, self)
        self._loop.changed.connect(self.changed)
        self._loop.online_changed.connect(self.online_changed)

    def start(self) -> None:
        self._loop.start()

    def stop(self) -> None:
        self._loop.stop()
        self._loop.wait(5000)
