"""The rows of the triage queue as plain Python: the loaded rows in the filter's order, keyset
paging state, and live changes applied from the database's answer for a batch of changed ids.

A live batch asks the page's own statement narrowed to the changed ids
(``data.queue.fetch_queue_changes``); ``apply_changes`` then inserts the rows it returned at
their sorted place, updates (or moves) those already loaded, and removes the ids it did not
return. No filter is checked here: the database's answer is the filter.

An observer (the Qt model) hears of every insertion, removal and change as it happens, so a view
keeps its selection and scroll position.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Protocol

from qlue_console.data.queue import QueueKey, QueueRow


def sort_key(row: QueueRow, sort: str) -> tuple:
    """The position of a row in a sort order, smaller first."""
    if sort == "priority":
        return (-row.priority, row.created_at, row.id)
    return (-row.created_at.timestamp(), -row.id)


class RowsObserver(Protocol):
    def rows_inserting(self, position: int, count: int) -> None: ...
    def rows_inserted(self) -> None: ...
    def row_removing(self, position: int) -> None: ...
    def row_removed(self) -> None: ...
    def row_changed(self, position: int) -> None: ...


class _Silent:
    def rows_inserting(self, position: int, count: int) -> None:
        pass

    def rows_inserted(self) -> None:
        pass

    def row_removing(self, position: int) -> None:
        pass

    def row_removed(self) -> None:
        pass

    def row_changed(self, position: int) -> None:
        pass


class QueueRows:
    """The loaded rows, sorted by ``sort``; ``has_more`` while pages remain to be fetched."""

    def __init__(self, sort: str = "newest", observer: RowsObserver | None = None) -> None:
        self._observer: RowsObserver = observer or _Silent()
        self._sort = sort
        self._rows: list[QueueRow] = []
        self._index_of: dict[int, int] = {}
        self.has_more = True
        self.loading = False

    # -- paging ----------------------------------------------------------------------------
    @property
    def sort(self) -> str:
        return self._sort

    def reset(self, sort: str = "newest") -> None:
        """Forget every row (a new filter): the first page is to be fetched again."""
        self._sort = sort
        self._rows, self._index_of = [], {}
        self.has_more, self.loading = True, False

    def can_fetch_more(self) -> bool:
        return self.has_more and not self.loading

    def next_after(self) -> QueueKey | None:
        """Where the next page starts: after the last row loaded (None: the first page)."""
        return self._rows[-1].key if self._rows else None

    def append_page(self, rows: Sequence[QueueRow], has_more: bool) -> int:
        """Adds a fetched page after the loaded rows; returns how many rows were new."""
        self.loading = False
        fresh = [r for r in rows if r.id not in self._index_of]
        if fresh:
            first = len(self._rows)
            self._observer.rows_inserting(first, len(fresh))
            self._rows.extend(fresh)
            self._reindex(first)
            self._observer.rows_inserted()
        self.has_more = has_more
        return len(fresh)

    # -- live changes ----------------------------------------------------------------------
    def apply_changes(self, ids: Iterable[int], rows: Sequence[QueueRow]) -> int:
        """Applies the database's answer for the changed ``ids``: ``rows`` are the ones that
        belong under the filter now. Returns how many rows were inserted."""
        fresh = {r.id: r for r in rows}
        for report_id in set(ids) - fresh.keys():
            position = self._index_of.get(report_id)
            if position is not None:
                self._remove(position)
        inserted = 0
        for row in fresh.values():
            position = self._index_of.get(row.id)
            if position is not None:
                if self._in_order_at(position, row):
                    self._rows[position] = row
                    self._observer.row_changed(position)
                    continue
                self._remove(position)  # its sort key changed: it moves
            target = self._insert_position(row)
            if target is None:
                continue  # beyond the rows loaded: the next page brings it
            self._observer.rows_inserting(target, 1)
            self._rows.insert(target, row)
            self._reindex(target)
            self._observer.rows_inserted()
            if position is None:
                inserted += 1
        return inserted

    def _in_order_at(self, position: int, row: QueueRow) -> bool:
        key = sort_key(row, self._sort)
        before = position == 0 or sort_key(self._rows[position - 1], self._sort) < key
        last = position == len(self._rows) - 1
        after = last or key < sort_key(self._rows[position + 1], self._sort)
        return before and after

    def _insert_position(self, row: QueueRow) -> int | None:
        sort = self._sort
        position = bisect.bisect_left(
            self._rows, sort_key(row, sort), key=lambda r: sort_key(r, sort)
        )
        if position == len(self._rows) and self.has_more:
            return None
        return position

    def _remove(self, position: int) -> None:
        self._observer.row_removing(position)
        removed = self._rows.pop(position)
        del self._index_of[removed.id]
        self._reindex(position)
        self._observer.row_removed()

    def _reindex(self, start: int) -> None:
        for i in range(start, len(self._rows)):
            self._index_of[self._rows[i].id] = i

    # -- access ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, position: int) -> QueueRow:
        return self._rows[position]

    def __iter__(self):
        return iter(self._rows)

    def position_of(self, report_id: int) -> int | None:
        return self._index_of.get(report_id)

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]
