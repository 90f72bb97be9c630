"""Bulk actions as plain Python on a real PostgreSQL: one transaction per report with its
version checked, a stale report refused and named while the others go through, undo where it
is safe, the role's refusal per report."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.dispatch import service
from qlue_console.triage import actions, bulk
from tests.triage.util import submit, version


def _status(engine, report_id: int) -> tuple:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT status, category_code, priority FROM reports WHERE id = :id"),
            {"id": report_id},
        ).one()


def test_a_stale_report_is_refused_and_named_the_others_go_through(db_engine):
    ids = [submit(db_engine, n) for n in range(5)]
    targets = bulk.snapshot(db_engine, ids)
    assert [t.report_id for t in targets] == ids
    actions.set_priority(db_engine, ids[2], version(db_engine, ids[2]), 3)  # another console

    result = bulk.set_category(db_engine, targets, "banjir")
    assert [o.report_id for o in result.done] == [ids[0], ids[1], ids[3], ids[4]]
    assert [(o.report_id, o.result) for o in result.refused] == [(ids[2], bulk.STALE)]
    assert result.refused[0].reason  # the database's own words
    assert _status(db_engine, ids[2])[1] == "sampah"
    assert all(_status(db_engine, r)[1] == "banjir" for r in ids if r != ids[2])


def test_undo_sets_the_values_back_unless_the_report_changed(db_engine):
    ids = [submit(db_engine, 10 + n) for n in range(3)]
    before = _status(db_engine, ids[1])[2]
    done = bulk.set_priority(db_engine, bulk.snapshot(db_engine, ids), 3)
    assert len(done.done) == 3 and done.can_undo
    actions.set_category(db_engine, ids[0], version(db_engine, ids[0]), "banjir")
    undone = bulk.undo(db_engine, done)
    assert undone.undo_of == bulk.PRIORITY and not undone.can_undo
    assert [o.report_id for o in undone.refused] == [ids[0]]
    assert [o.report_id for o in undone.done] == ids[1:]
    assert [_status(db_engine, r)[2] for r in ids] == [3, before, before]


def test_bulk_reject_and_its_undo(db_engine):
    ids = [submit(db_engine, 20 + n) for n in range(3)]
    result = bulk.reject(db_engine, bulk.snapshot(db_engine, ids), "spam", "iklan")
    assert len(result.done) == 3
    assert all(_status(db_engine, r)[0] == "rejected" for r in ids)
    undone = bulk.undo(db_engine, result)
    assert len(undone.done) == 3 and not undone.refused
    assert all(_status(db_engine, r)[0] == "new" for r in ids)


def test_bulk_merge_leaves_the_original_and_cannot_be_undone(db_engine):
    ids = [submit(db_engine, 30 + n) for n in range(4)]
    result = bulk.merge(db_engine, bulk.snapshot(db_engine, ids), ids[0])
    assert [(o.report_id, o.result) for o in result.outcomes][0] == (ids[0], bulk.ORIGINAL)
    assert [o.report_id for o in result.done] == ids[1:]
    assert not result.can_undo and not result.refused
    assert _status(db_engine, ids[0])[0] == "new"
    assert all(_status(db_engine, r)[0] == "duplicate" for r in ids[1:])


def test_bulk_dispatch_and_undo_refused_where_an_official_acted(people_engine):
    ids = [submit(people_engine, 40 + n) for n in range(3)]

    def send(engine, report_id, v):
        return service.dispatch(engine, report_id, v, "Mohon dicek", ["lurah.gambir"])

    result = bulk.dispatch(
        people_engine, bulk.snapshot(people_engine, ids), send, service.undo_dispatch
    )
    assert len(result.done) == 3
    with people_engine.begin() as conn:
        conn.execute(
            text("UPDATE mentions SET acknowledged_at = now() WHERE report_id = :id"),
            {"id": ids[1]},
        )
    undone = bulk.undo(people_engine, result)
    assert [(o.report_id, o.result) for o in undone.refused] == [(ids[1], bulk.REFUSED)]
    assert "acted" in undone.refused[0].reason
    assert [_status(people_engine, r)[0] for r in ids] == ["new", "dispatched", "new"]


def test_the_role_refusal_is_kept_per_report(db_engine, login_url):
    ids = [submit(db_engine, 50 + n) for n in range(2)]
    analyst = make_engine(login_url("qlue_analyst"))
    try:
        targets = bulk.snapshot(db_engine, ids)
        result = bulk.set_priority(analyst, targets, 3)
    finally:
        analyst.dispose()
    assert [(o.report_id, o.result) for o in result.refused] == [
        (ids[0], bulk.DENIED),
        (ids[1], bulk.DENIED),
    ]
    assert all(_status(db_engine, r)[2] != 3 for r in ids)
