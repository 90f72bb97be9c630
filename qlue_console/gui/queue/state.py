"""What the queue's controllers share: the filter shown and its generation."""

from __future__ import annotations

import itertools

from qlue_console.data.queue import QueueFilter

_panes = itertools.count(1)


class QueueState:
    """The filter now shown; ``generation`` counts filter changes, so a controller drops the
    answer to a question asked under an older filter."""

    def __init__(self) -> None:
        self.filter = QueueFilter()
        self.generation = 0
        self.me: str | None = None  # the database login, once known
        self._pane = next(_panes)

    def channel(self, name: str) -> str:
        """A TaskRunner channel of this queue's own (two queues on one runner never supersede
        each other's answers)."""
        return f"{name}:{self._pane}"

    def change(self, flt: QueueFilter) -> None:
        self.filter = flt
        self.generation += 1
