"""Triage actions through the 0002 functions: versions, claims, next-report fairness, merges,
rejections — each refused by the database when it must be."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ClaimedError, ConflictError, ContractError, PermissionDeniedError
from qlue_console.triage import actions
from tests.triage.util import events, submit, version


def test_actions_bump_the_version_and_write_events(db_engine):
    rid = submit(db_engine, 1)
    v = version(db_engine, rid)
    v = actions.set_category(db_engine, rid, v, "saluran_tersumbat")
    v = actions.set_priority(db_engine, rid, v, 3)
    v = actions.mark_triaged(db_engine, rid, v)
    actions.comment(db_engine, rid, "cek ke lokasi")
    assert events(db_engine, rid) == ["created", "categorised", "prioritised", "triaged", "comment"]
    with db_engine.connect() as conn:
        row = conn.execute(
            text("SELECT category_code, priority, status, version FROM reports WHERE id = :id"),
            {"id": rid},
        ).one()
    assert row == ("saluran_tersumbat", 3, "triaged", v)


def test_a_stale_version_is_refused_and_names_who_changed_it(db_engine):
    rid = submit(db_engine, 2)
    opened_at = version(db_engine, rid)
    actions.set_priority(db_engine, rid, opened_at, 2)  # another console, first
    with pytest.raises(ConflictError) as err:
        actions.set_category(db_engine, rid, opened_at, "banjir")
    assert "prioritised" in str(err.value)
    assert err.value.details["kind"] == "prioritised"
    with db_engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT category_code FROM reports WHERE id = :id"), {"id": rid}
            ).scalar_one()
            == "sampah"
        )


def test_bad_input_is_refused(db_engine):
    rid = submit(db_engine, 3)
    v = version(db_engine, rid)
    with pytest.raises(ContractError):
        actions.set_category(db_engine, rid, v, "nope")
    with pytest.raises(ContractError):
        actions.set_priority(db_engine, rid, v, 9)
    with pytest.raises(ContractError, match="note"):
        actions.reject(db_engine, rid, v, "other", "")
    with pytest.raises(ContractError):
        actions.reject(db_engine, rid, v, "because", None)
    assert version(db_engine, rid) == v


def test_reject_and_merge_close_the_report(db_engine):
    original = submit(db_engine, 4, citizen="a")
    duplicate = submit(db_engine, 5, citizen="b")
    spam = submit(db_engine, 6, citizen="c")
    actions.merge(db_engine, duplicate, version(db_engine, duplicate), original)
    actions.reject(db_engine, spam, version(db_engine, spam), "spam")
    with db_engine.connect() as conn:
        dup = conn.execute(
            text("SELECT status, duplicate_of FROM reports WHERE id = :id"), {"id": duplicate}
        ).one()
        followers = conn.execute(
            text("SELECT followers FROM reports WHERE id = :id"), {"id": original}
        ).scalar_one()
        rejected = conn.execute(
            text("SELECT status, reject_reason FROM reports WHERE id = :id"), {"id": spam}
        ).one()
    assert dup == ("duplicate", original)
    assert sorted(followers) == ["a", "b"]
    assert rejected == ("rejected", "spam")
    assert events(db_engine, original)[-1] == "merged"
    with pytest.raises(ContractError):
        actions.merge(db_engine, original, version(db_engine, original), original)
    with pytest.raises(ContractError, match="duplicate"):
        actions.merge(db_engine, submit(db_engine, 7), 1, duplicate)


def test_claims_block_other_consoles_until_expiry_by_the_database_clock(db_engine, login_url):
    rid = submit(db_engine, 8)
    alice = make_engine(login_url("qlue_operator"))
    bob = make_engine(login_url("qlue_operator"))
    actions.claim(alice, rid)
    with pytest.raises(ClaimedError) as err:
        actions.set_priority(bob, rid, version(db_engine, rid), 3)
    assert err.value.details["holder"] == actions.whoami(alice)
    with pytest.raises(PermissionDeniedError):
        actions.release(bob, rid)
    # the claim expires by the database's clock, whatever the clients think
    with db_engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE reports SET claim_expires_at = now() - interval '1 second' WHERE id = :id"
            ),
            {"id": rid},
        )
    actions.set_priority(bob, rid, version(db_engine, rid), 3)
    alice.dispose()
    bob.dispose()


def test_a_supervisor_breaks_a_claim(db_engine, login_url):
    rid = submit(db_engine, 9)
    operator = make_engine(login_url("qlue_operator"))
    supervisor = make_engine(login_url("qlue_supervisor"))
    actions.claim(operator, rid)
    actions.release(supervisor, rid)
    assert events(db_engine, rid)[-1] == "released"
    with db_engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT claimed_by FROM reports WHERE id = :id"), {"id": rid}
            ).scalar_one()
            is None
        )
    operator.dispose()
    supervisor.dispose()


def test_analyst_cannot_triage(db_engine, login_url):
    rid = submit(db_engine, 10)
    analyst = make_engine(login_url("qlue_analyst"))
    with pytest.raises(Exception) as err:
        actions.set_priority(analyst, rid, 1, 3)
    assert "permission denied" in str(err.value).lower()
    analyst.dispose()


def test_next_report_never_gives_two_operators_the_same_report(db_engine, login_url):
    ids = [submit(db_engine, 100 + i, lat=-6.17 - i * 1e-4) for i in range(60)]
    operators = [make_engine(login_url("qlue_operator"), pool_size=2) for _ in range(6)]
    claimed: list[int] = []
    lock = threading.Lock()

    def work(engine) -> None:
        while True:
            rid = actions.claim_next(engine)
            if rid is None:
                return
            with lock:
                claimed.append(rid)
            # the operator triages and dispatches it, so it leaves the next-report pool
            actions.mark_triaged(engine, rid, version(engine, rid))
            with engine.begin() as conn:
                conn.execute(
                    text("UPDATE reports SET status = 'dispatched' WHERE id = :id"), {"id": rid}
                )
            actions.release(engine, rid)

    with ThreadPoolExecutor(len(operators)) as pool:
        list(pool.map(work, operators))
    assert sorted(claimed) == sorted(ids)
    assert len(claimed) == len(set(claimed))
    for engine in operators:
        engine.dispose()


def test_next_report_takes_the_most_urgent_oldest_first(db_engine):
    first = submit(db_engine, 200)
    urgent = submit(db_engine, 201)
    actions.set_priority(db_engine, urgent, version(db_engine, urgent), 3)
    assert actions.claim_next(db_engine) == urgent
    actions.mark_triaged(db_engine, urgent, version(db_engine, urgent))
    actions.release(db_engine, urgent)
    with db_engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET status = 'dispatched' WHERE id = :id"), {"id": urgent}
        )
    assert actions.claim_next(db_engine) == first
