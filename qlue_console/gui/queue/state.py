"""What the queue's controllers share: the filter shown and its generation."""

from __future__ import annotations

from qlue_console.data.queue import QueueFilter


class QueueState:
    """The filter now shown; ``generation`` counts filter changes, so a controller drops the
    answer to a question asked under an older filter."""

    def __init__(self) -> None:
        self.filter = QueueFilter()
        self.generation = 0
        self.me: str | None = None  # the database login, once known

    def change(self, flt: QueueFilter) -> None:
        self.filter = flt
        self.generation += 1
