"""The follow-ups after the one shown, loaded in the background before they are asked for, so
that the next one appears at once after a decision."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from functools import partial

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.loading import LoadedItem, load_item

PREFETCH_AHEAD = 2
CACHE_LIMIT = 8


class Prefetcher(QObject):
    prefetched = Signal(int)  # a follow-up's data is ready in the cache

    def __init__(
        self,
        engine: Engine,
        tasks: TaskRunner,
        wanted: Callable[[int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._wanted = engine, tasks, wanted
        self._cache: dict[int, LoadedItem] = {}
        self._inflight: set[int] = set()

    def has(self, follow_up_id: int) -> bool:
        return follow_up_id in self._cache

    def take(self, follow_up_id: int) -> LoadedItem | None:
        """The follow-up's prefetched data, once (None: not prefetched)."""
        return self._cache.pop(follow_up_id, None)

    def fetch(self, follow_up_ids: Iterable[int]) -> None:
        """Loads the follow-ups neither cached nor on their way."""
        for fid in follow_up_ids:
            if self.has(fid) or fid in self._inflight:
                continue
            self._inflight.add(fid)
            self._tasks.run(
                load_item,
                self._engine,
                fid,
                on_done=partial(self._arrived, fid),
                on_error=partial(self._failed, fid),
            )

    def keep_only(self, follow_up_ids: Collection[int]) -> None:
        self._drop(lambda fid, _loaded: fid not in follow_up_ids)

    def forget_reports(self, report_ids: Collection[int]) -> None:
        """Drops what was loaded of these reports (they changed)."""
        self._drop(lambda _fid, loaded: loaded.item.report_id in report_ids)

    def forget_unchecked(self) -> None:
        """Drops the follow-ups loaded before their checks were computed."""
        self._drop(lambda _fid, loaded: loaded.item.risk is None)

    def _drop(self, stale: Callable[[int, LoadedItem], bool]) -> None:
        for fid in [f for f, loaded in self._cache.items() if stale(f, loaded)]:
            del self._cache[fid]

    def _failed(self, follow_up_id: int, _error: Exception) -> None:
        self._inflight.discard(follow_up_id)

    def _arrived(self, follow_up_id: int, loaded: LoadedItem | None) -> None:
        self._inflight.discard(follow_up_id)
        if loaded is None or not self._wanted(follow_up_id):
            return
        self._cache[follow_up_id] = loaded
        while len(self._cache) > CACHE_LIMIT:
            self._cache.pop(next(iter(self._cache)))
        self.prefetched.emit(follow_up_id)
