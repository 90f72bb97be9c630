"""The queue's rows as plain Python (no Qt, no database): pages, the changed-ids answer of a
live batch (insert, update, move, remove), both sort orders, and what an observer is told."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from qlue_console.data.queue import QueueRow
from qlue_console.triage.queue_rows import QueueRows, sort_key

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def row(report_id: int, minutes: int = 0, priority: int = 1, status: str = "new") -> QueueRow:
    return QueueRow(
        id=report_id,
        created_at=T0 + timedelta(minutes=minutes),
        priority=priority,
        status=status,
        category_code="sampah",
        category_id="Sampah",
        category_en="Garbage",
        kelurahan_code="31.71.01.1001",
        kelurahan="Gambir",
        kecamatan="Gambir",
        kota="Jakarta Pusat",
        channel="app",
        excerpt="Sampah menumpuk",
        has_photo=False,
        claimed_by=None,
        outside_jurisdiction=False,
        overdue=False,
        repeat=False,
    )


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def rows_inserting(self, position: int, count: int) -> None:
        self.calls.append(("insert", position, count))

    def rows_inserted(self) -> None:
        pass

    def row_removing(self, position: int) -> None:
        self.calls.append(("remove", position))

    def row_removed(self) -> None:
        pass

    def row_changed(self, position: int) -> None:
        self.calls.append(("change", position))


def newest_first(*rows: QueueRow) -> list[QueueRow]:
    return sorted(rows, key=lambda r: sort_key(r, "newest"))


def test_pages_append_in_order_and_say_where_the_next_starts():
    rows = QueueRows()
    assert rows.can_fetch_more() and rows.next_after() is None
    rows.loading = True
    assert not rows.can_fetch_more()
    assert rows.append_page([row(3, 30), row(2, 20)], has_more=True) == 2
    assert rows.next_after() == row(2, 20).key and rows.can_fetch_more()
    assert rows.append_page([row(2, 20), row(1, 10)], has_more=False) == 1  # overlap ignored
    assert rows.ids() == [3, 2, 1] and not rows.can_fetch_more()
    assert rows.position_of(1) == 2 and rows.position_of(99) is None
    rows.reset("priority")
    assert len(rows) == 0 and rows.sort == "priority" and rows.can_fetch_more()


def test_a_live_answer_inserts_updates_and_removes():
    recorder = Recorder()
    rows = QueueRows(observer=recorder)
    rows.append_page([row(5, 50), row(3, 30), row(1, 10)], has_more=False)
    recorder.calls.clear()
    updated = replace(row(3, 30), priority=3, claimed_by="op.andi")
    # 4 is new, 3 changed, 5 left the filter (not returned), 99 never belonged
    inserted = rows.apply_changes([5, 4, 3, 99], [row(4, 40), updated])
    assert inserted == 1
    assert rows.ids() == [4, 3, 1]
    assert rows[1] == updated and rows.position_of(1) == 2
    assert ("remove", 0) in recorder.calls
    assert ("change", rows.position_of(3)) in recorder.calls
    assert ("insert", 0, 1) in recorder.calls


def test_a_new_row_beyond_the_loaded_pages_waits_for_its_page():
    rows = QueueRows()
    rows.append_page([row(5, 50), row(4, 40)], has_more=True)
    assert rows.apply_changes([1], [row(1, 10)]) == 0  # older than the rows loaded
    assert rows.ids() == [5, 4]
    assert rows.apply_changes([6], [row(6, 60)]) == 1
    assert rows.ids() == [6, 5, 4]
    rows.append_page([row(3, 30)], has_more=False)
    assert rows.apply_changes([1], [row(1, 10)]) == 1  # every page loaded: it goes last
    assert rows.ids() == [6, 5, 4, 3, 1]


@pytest.mark.parametrize("sort", ["newest", "priority"])
def test_a_row_whose_sort_key_changed_moves_to_its_place(sort):
    rows = QueueRows(sort)
    loaded = sorted(
        [row(1, 10, priority=0), row(2, 20, priority=1), row(3, 30, priority=2)],
        key=lambda r: sort_key(r, sort),
    )
    rows.append_page(loaded, has_more=False)
    rows.apply_changes([1], [replace(row(1, 10), priority=3)])
    keys = [sort_key(r, sort) for r in rows]
    assert keys == sorted(keys) and sorted(rows.ids()) == [1, 2, 3]
    if sort == "priority":
        assert rows.ids()[0] == 1


def test_a_batch_of_many_changes_keeps_the_order_and_no_duplicates():
    rows = QueueRows()
    rows.append_page(newest_first(*(row(i, i) for i in range(0, 40, 2))), has_more=False)
    changed = list(range(0, 40, 3))
    answer = [replace(row(i, i), priority=2) for i in changed if i % 2 == 1]  # odd ones join
    inserted = rows.apply_changes(changed, answer)
    expected = sorted(
        {*range(0, 40, 2)} - {i for i in changed if i % 2 == 0}
        | set(i for i in changed if i % 2 == 1)
    )
    assert inserted == len(answer)
    assert rows.ids() == sorted(expected, reverse=True)
    assert len(set(rows.ids())) == len(rows)
