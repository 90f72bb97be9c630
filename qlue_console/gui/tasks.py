"""The one way the console does background work.

``TaskRunner.run(fn, *args, on_done=..., on_error=...)`` runs ``fn(*args)`` on a thread pool
and delivers its result (or its exception) back on the GUI thread. Every database call of the
Qt layer goes through it, so the UI thread never waits on the network.

A ``channel`` name makes a task supersede the earlier ones of the same channel: when an older
task of that channel finishes after a newer one was started, its result is dropped (a filter
typed quickly, a report clicked quickly: only the latest answer is shown).

With ``coalesce=True`` a channel runs at most one task at a time: a request made while one is
running waits, replacing any request already waiting, and starts when the running one ends.
Refreshes triggered by a stream of live events (counters, counts) then never pile up in the
pool ahead of the work the operator is waiting for.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(int, object, object)  # task id, result, error


class _Task(QRunnable):
    def __init__(self, task_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple) -> None:
        super().__init__()
        self._task_id, self._relay, self._fn, self._args = task_id, relay, fn, args
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            result, error = self._fn(*self._args), None
        except Exception as exc:  # delivered to the caller's on_error, never lost
            log.debug("task failed: %s", "".join(traceback.format_exception(exc)))
            result, error = None, exc
        self._relay.finished.emit(self._task_id, result, error)


class TaskRunner(QObject):
    """Owns the pool; keep one per window and pass it to the controllers that need it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[str | None, Callable | None, Callable | None]] = {}
        self._latest: dict[str, int] = {}
        self._running: set[str] = set()  # coalescing channels with a task in flight
        self._waiting: dict[str, tuple] = {}  # coalescing channel -> the request to run next

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        channel: str | None = None,
        coalesce: bool = False,
    ) -> int:
        if coalesce and channel is not None:
            if channel in self._running:
                self._waiting[channel] = (fn, args, on_done, on_error)
                return 0
            self._running.add(channel)
        task_id = next(self._ids)
        self._callbacks[task_id] = (channel, on_done, on_error)
        if channel is not None:
            self._latest[channel] = task_id
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Task(task_id, self._relay, fn, args))
        return task_id

    def pending(self) -> int:
        return len(self._callbacks)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Blocks until the pool is empty (for shutdown and tests, never from a handler)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, task_id: int, result: Any, error: Exception | None) -> None:
        channel, on_done, on_error = self._callbacks.pop(task_id, (None, None, None))
        if channel is not None and channel in self._running:
            self._running.discard(channel)
            waiting = self._waiting.pop(channel, None)
            if waiting is not None:
                fn, args, next_done, next_error = waiting
                self.run(
                    fn,
                    *args,
                    on_done=next_done,
                    on_error=next_error,
                    channel=channel,
                    coalesce=True,
                )
        if not self._callbacks:
            self.busy_changed.emit(False)
        if channel is not None and self._latest.get(channel) != task_id:
            return  # superseded by a newer task of the same channel
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task failed: %s", error)
        elif on_done is not None:
            on_done(result)
