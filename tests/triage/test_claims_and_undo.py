"""Revision 0013 on a real PostgreSQL: "Next report" never re-claims what the operator holds
and writes one "ClaimedError" line per claim; rejections and dispatches made during triage can be
undone while nothing happened since, refused otherwise; the KPI state history follows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ConflictError, ContractError, PermissionDeniedError
from qlue_console.dispatch import service
from qlue_console.triage import actions
from tests.triage.util import events, submit, version


def _claimed_lines(engine, report_id: int) -> int:
    return events(engine, report_id).count("claimed")


def _row(engine, report_id: int, columns: str):
    with engine.connect() as conn:
        return conn.execute(
            text(f"SELECT {columns} FROM reports WHERE id = :id"), {"id": report_id}
        ).one()


def _spans(engine, report_id: int) -> list[str]:
    with engine.connect() as conn:
        return (
            conn.execute(
                text(
                    "SELECT state FROM kpi_state_spans WHERE report_id = :id "
                    "ORDER BY from_at, event_id"
                ),
                {"id": report_id},
            )
            .scalars()
            .all()
        )


def test_next_gives_the_next_waiting_report_and_releases_the_held_one(db_engine):
    urgent = submit(db_engine, 1)
    second = submit(db_engine, 2)
    actions.set_priority(db_engine, urgent, version(db_engine, urgent), 3)
    assert actions.claim_next(db_engine) == urgent
    assert actions.claim_next(db_engine) == second  # not the one already held
    assert _claimed_lines(db_engine, urgent) == 1 and _claimed_lines(db_engine, second) == 1
    assert events(db_engine, urgent)[-1] == "released"  # the held one is given back
    assert _row(db_engine, urgent, "claimed_by")[0] is None
    assert actions.claim_next(db_engine) == urgent  # free again, the most urgent
    assert _claimed_lines(db_engine, urgent) == 2  # a new claim after a release: one new line


def test_next_with_nothing_else_waiting_keeps_the_held_claim(db_engine):
    only = submit(db_engine, 3)
    assert actions.claim_next(db_engine) == only
    assert actions.claim_next(db_engine) is None
    assert _row(db_engine, only, "claimed_by")[0] is not None
    assert _claimed_lines(db_engine, only) == 1


def test_next_never_gives_a_report_in_proses(db_engine):
    reopened = submit(db_engine, 4)
    waiting = submit(db_engine, 5)
    actions.set_priority(db_engine, reopened, version(db_engine, reopened), 3)
    with db_engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET status = 'reopened' WHERE id = :id"), {"id": reopened}
        )
    assert actions.claim_next(db_engine) == waiting


def test_renewing_ones_own_claim_writes_no_new_claimed_line(db_engine):
    rid = submit(db_engine, 6)
    actions.claim(db_engine, rid)
    actions.claim(db_engine, rid)
    # lapsed, but nobody took it in between: still one claim on the timeline
    with db_engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE reports SET claim_expires_at = now() - interval '1 minute' WHERE id = :id"
            ),
            {"id": rid},
        )
    actions.claim(db_engine, rid)
    assert _claimed_lines(db_engine, rid) == 1


def test_undo_reject_restores_the_state_before(db_engine):
    rid = submit(db_engine, 7)
    v = actions.mark_triaged(db_engine, rid, version(db_engine, rid))
    v = actions.reject(db_engine, rid, v, "spam")
    assert _spans(db_engine, rid)[-1] == "rejected"
    v2 = actions.undo_reject(db_engine, rid, v)
    assert v2 == v + 1
    assert _row(db_engine, rid, "status, reject_reason, closed_at") == ("triaged", None, None)
    assert events(db_engine, rid)[-1] == "undone"
    assert _spans(db_engine, rid) == ["new", "triaged", "rejected", "triaged"]
    with pytest.raises(ContractError, match="not rejected"):
        actions.undo_reject(db_engine, rid, v2)


def test_undo_reject_is_refused_once_the_report_changed(db_engine):
    rid = submit(db_engine, 8)
    v = actions.reject(db_engine, rid, version(db_engine, rid), "spam")
    with db_engine.begin() as conn:
        conn.execute(text("UPDATE reports SET version = version + 1 WHERE id = :id"), {"id": rid})
    with pytest.raises(ConflictError):
        actions.undo_reject(db_engine, rid, v)
    assert _row(db_engine, rid, "status")[0] == "rejected"


def test_only_who_rejected_or_a_supervisor_may_undo(db_engine, login_url):
    alice = make_engine(login_url("qlue_operator"))
    bob = make_engine(login_url("qlue_operator"))
    boss = make_engine(login_url("qlue_supervisor"))
    rid = submit(db_engine, 9)
    v = actions.reject(alice, rid, version(db_engine, rid), "spam")
    with pytest.raises(PermissionDeniedError):
        actions.undo_reject(bob, rid, v)
    assert actions.undo_reject(boss, rid, v) == v + 1
    assert _row(db_engine, rid, "status")[0] == "new"
    for e in (alice, bob, boss):
        e.dispose()


def test_undo_dispatch_withdraws_the_mentions(people_engine):
    rid = submit(people_engine, 10)
    result = service.dispatch(
        people_engine, rid, version(people_engine, rid), "Mohon dicek @lurah.gambir"
    )
    assert _row(people_engine, rid, "status")[0] == "dispatched"
    v = service.undo_dispatch(people_engine, rid, result.version)
    assert v == result.version + 1
    assert _row(people_engine, rid, "status, dispatched_at, triaged_at, due_at") == (
        "new",
        None,
        None,
        None,
    )
    with people_engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM mentions WHERE report_id = :id"), {"id": rid}
            ).scalar_one()
            == 0
        )
        payload = conn.execute(
            text("SELECT payload FROM events WHERE report_id = :id ORDER BY id DESC LIMIT 1"),
            {"id": rid},
        ).scalar_one()
    assert (
        payload["kind"] == "dispatched"
        and payload["withdrawn"] == ["lurah.gambir"]
        and payload["state"] == "new"
    )
    assert _spans(people_engine, rid) == ["new", "dispatched", "new"]
    # it can be dispatched again afterwards
    service.dispatch(people_engine, rid, v, "Mohon dicek @lurah.gambir")


def test_undo_dispatch_is_refused_once_an_official_acted(people_engine):
    rid = submit(people_engine, 11)
    result = service.dispatch(
        people_engine, rid, version(people_engine, rid), "Mohon dicek @lurah.gambir"
    )
    with people_engine.begin() as conn:
        conn.execute(
            text("UPDATE mentions SET acknowledged_at = now() WHERE report_id = :id"), {"id": rid}
        )
    with pytest.raises(ContractError, match="already acted"):
        service.undo_dispatch(people_engine, rid, result.version)
    assert _row(people_engine, rid, "status")[0] == "dispatched"


def test_undo_dispatch_is_refused_when_the_report_moved_on(people_engine):
    rid = submit(people_engine, 12)
    result = service.dispatch(
        people_engine, rid, version(people_engine, rid), "Mohon dicek @lurah.gambir"
    )
    later = service.dispatch(people_engine, rid, result.version, "Juga @camat.gambir")
    with pytest.raises(ConflictError):
        service.undo_dispatch(people_engine, rid, result.version)
    assert (
        service.undo_dispatch(people_engine, rid, later.version) == later.version + 1
    )  # the latest one only
    with people_engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM mentions WHERE report_id = :id AND state = 'open'"),
                {"id": rid},
            ).scalar_one()
            == 1
        )
    assert _row(people_engine, rid, "status")[0] == "dispatched"


_DEFINITIONS = """
    SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
     WHERE p.proname IN ('claim_next_report', 'claim_report', 'qlue_kpi_state',
                         'qlue_kpi_events_inserted', 'undo_reject', 'undo_dispatch')
    UNION ALL
    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'events_kind_check'
    ORDER BY 1"""


def _definitions(engine):
    with engine.connect() as conn:
        return conn.execute(text(_DEFINITIONS)).all()


def test_0013_goes_down_to_exactly_what_was_before_and_keeps_undone_steps_as_comments(db_engine):
    from qlue_console.db import migrate

    rid = submit(db_engine, 13)
    actions.undo_reject(
        db_engine, rid, actions.reject(db_engine, rid, version(db_engine, rid), "spam")
    )
    migrate.downgrade(db_engine, "0013")
    migrate.downgrade(db_engine, "-1")  # just below 0013
    below = migrate.current_revision(db_engine)
    assert "0013" not in migrate.current_revisions(db_engine)
    after_downgrade = _definitions(db_engine)
    assert events(db_engine, rid) == ["created", "rejected", "comment"]
    with db_engine.connect() as conn:
        note = conn.execute(
            text(
                "SELECT payload->>'text' FROM events WHERE report_id = :id ORDER BY id DESC LIMIT 1"
            ),
            {"id": rid},
        ).scalar_one()
    assert note.startswith("undone: rejected")
    # the same objects as a database that never had 0013
    with db_engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE report_id = :id"), {"id": rid})
        conn.execute(text("DELETE FROM kpi_state_spans WHERE report_id = :id"), {"id": rid})
        conn.execute(text("DELETE FROM kpi_report_facts WHERE report_id = :id"), {"id": rid})
        conn.execute(text("DELETE FROM reports WHERE id = :id"), {"id": rid})
    migrate.downgrade(db_engine, "base")
    migrate.upgrade(db_engine, below)
    assert _definitions(db_engine) == after_downgrade
    migrate.upgrade(db_engine)
    assert migrate.current_revisions(db_engine) == migrate.head_revisions()
    assert {name for name, _ in _definitions(db_engine)} >= {"undo_reject", "undo_dispatch"}
