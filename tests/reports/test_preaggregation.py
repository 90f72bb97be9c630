"""The pre-aggregation of revisions 0005 and 0008 (kpi_report_facts, kpi_state_spans,
kpi_proof_facts) is exactly what a full recomputation from the events, mentions and proofs gives,
however they arrive."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from qlue_console.reports.kpis import fetch_weekly_kpis
from tests.reports.conftest import W47, assert_city_w47, at

FACTS = "SELECT * FROM kpi_report_facts ORDER BY report_id"
SPANS = (
    "SELECT report_id, event_id, state, from_at, to_at FROM kpi_state_spans "
    "ORDER BY report_id, event_id"
)
PROOFS = (
    "SELECT event_id, report_id, at, reused, follow_up_id, reused_by_photo FROM kpi_proof_facts "
    "ORDER BY event_id"
)
MENTIONS = (
    "SELECT mention_id, report_id, account_id, due_at, from_at, to_at FROM kpi_mention_spans "
    "ORDER BY mention_id"
)


def snapshot(engine):
    with engine.connect() as conn:
        return tuple(
            [tuple(r) for r in conn.execute(text(sql))] for sql in (FACTS, SPANS, PROOFS, MENTIONS)
        )


def rebuilt(engine):
    with engine.begin() as conn:
        conn.execute(text("SELECT qlue_kpi_rebuild()"))
    return snapshot(engine)


def test_triggers_keep_what_a_rebuild_computes(week_fixture):
    engine = week_fixture.engine
    kept = snapshot(engine)
    assert len(kept[0]) == 9 and len(kept[2]) == 5 and len(kept[3]) == 8 and kept == rebuilt(engine)
    with engine.connect() as conn:
        spans = conn.execute(
            text(
                "SELECT state, to_at IS NULL FROM kpi_state_spans WHERE report_id = :r "
                "ORDER BY from_at, event_id"
            ),
            {"r": week_fixture.reports["R2"]},
        ).all()
    # R2's own history; the 'merged' event it got as the original changes nothing.
    assert [s for s, _ in spans] == [
        "new",
        "triaged",
        "dispatched",
        "followed_up",
        "reopened",
        "followed_up",
        "verified",
    ]
    assert spans[-1][1] is True


def test_an_event_written_late_with_an_earlier_time(week_fixture):
    engine = week_fixture.engine
    # R9 (created Sunday 22 Nov 23:59) turns out to have been rejected at 23:59:30 that night.
    week_fixture.event("R9", "rejected", "2026-11-22 23:59:30+07", {"reason": "spam"})
    assert snapshot(engine) == rebuilt(engine)
    city = fetch_weekly_kpis(engine, W47).city
    assert (city.received, city.rejected, city.backlog) == (3, 2, 3)


def test_an_admin_correction_is_followed(week_fixture):
    engine = week_fixture.engine
    with engine.begin() as conn:  # the late follow-up of R2 was in fact posted a day earlier
        conn.execute(
            text(
                "UPDATE events SET at = :at WHERE report_id = :r AND kind = 'follow_up' "
                "AND at = :was"
            ),
            {"at": at(17, "01:00"), "was": at(18, "01:01"), "r": week_fixture.reports["R2"]},
        )
    assert snapshot(engine) == rebuilt(engine)
    city = fetch_weekly_kpis(engine, W47).city
    assert (city.sla_base, city.sla_met) == (3, 3)
    with engine.begin() as conn:  # and R5's reopening was a mistake
        conn.execute(
            text(
                "DELETE FROM mentions WHERE event_id IN (SELECT id FROM events WHERE report_id = "
                ":r "
                "AND kind = 'reopened')"
            ),
            {"r": week_fixture.reports["R5"]},
        )
        conn.execute(
            text("DELETE FROM events WHERE report_id = :r AND kind = 'reopened'"),
            {"r": week_fixture.reports["R5"]},
        )
    assert snapshot(engine) == rebuilt(engine)
    assert fetch_weekly_kpis(engine, W47).city.reopened == 0


def test_comments_and_claims_do_not_touch_the_aggregate(week_fixture):
    engine = week_fixture.engine
    before = snapshot(engine)
    week_fixture.event("R6", "comment", at(20, "09:00"), {"text": "cek lagi"})
    week_fixture.event("R6", "claimed", at(20, "09:01"), {"minutes": 10})
    assert snapshot(engine) == before
    assert_city_w47(fetch_weekly_kpis(engine, W47).city)


def facts_of(engine, report_id: int):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT second_forward_at, first_dispatch_due_at, mention_accounts, "
                "mention_first_at "
                "FROM kpi_report_facts WHERE report_id = :r"
            ),
            {"r": report_id},
        ).one()


def test_the_mention_facts(week_fixture):
    engine, acc = week_fixture.engine, week_fixture.accounts
    # R6: dispatched 08:30 to lurah A (due 14:30), passed on 09:00 to camat A, 10:00 to lurah B
    second, due, accounts, firsts = facts_of(engine, week_fixture.reports["R6"])
    assert second == datetime.fromisoformat(at(18, "10:00"))
    assert due == datetime.fromisoformat(at(18, "14:30"))
    by_account = dict(zip(accounts, firsts, strict=True))
    assert accounts == sorted(accounts) and by_account == {
        acc["lurahA"]: datetime.fromisoformat(at(18, "08:30")),
        acc["camatA"]: datetime.fromisoformat(at(18, "09:00")),
        acc["lurahB"]: datetime.fromisoformat(at(18, "10:00")),
    }
    # R5 was reopened with a new mention of lurah B: still one account, first mentioned at dispatch
    second, due, accounts, firsts = facts_of(engine, week_fixture.reports["R5"])
    assert (
        second is None
        and accounts == [acc["lurahB"]]
        and firsts == [datetime.fromisoformat(at(12, "10:00"))]
    )
    # A mention added later, moved, then deleted: the facts follow each step.
    mention = week_fixture.mention("R7", "camatA", at(20, "09:00"), at(20, "12:00"))
    assert acc["camatA"] in facts_of(engine, week_fixture.reports["R7"])[2]
    with engine.begin() as conn:  # corrected: it was made before the dispatch, due sooner
        conn.execute(
            text("UPDATE mentions SET mentioned_at = :at, due_at = :due WHERE id = :m"),
            {"at": at(19, "08:30"), "due": at(19, "12:00"), "m": mention},
        )
    assert facts_of(engine, week_fixture.reports["R7"])[1] == datetime.fromisoformat(
        at(19, "12:00")
    )
    assert snapshot(engine) == rebuilt(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM mentions WHERE id = :m"), {"m": mention})
    assert acc["camatA"] not in facts_of(engine, week_fixture.reports["R7"])[2]
    assert snapshot(engine) == rebuilt(engine)


def test_the_verifiers_checks_decide_a_proofs_reuse_from_when_they_were_recorded(week_fixture):
    engine = week_fixture.engine
    r7 = week_fixture.reports["R7"]
    passed = '{"risk": 0, "results": [{"code": "reused_proof", "verdict": "pass"}]}'
    with engine.connect() as conn:
        fu = conn.execute(
            text("SELECT id FROM follow_ups WHERE report_id = :r"), {"r": r7}
        ).scalar_one()
        reused = conn.execute(
            text("SELECT reused FROM kpi_proof_facts WHERE report_id = :r"), {"r": r7}
        ).scalar_one()
    assert reused is True  # same sha256 as R1's earlier proof, no check recorded yet
    assert fetch_weekly_kpis(engine, W47).city.reused_proofs == 2
    with (
        engine.begin() as conn
    ):  # the verifier looked and passed it (a photo of the same spot), today
        conn.execute(
            text("UPDATE follow_ups SET checks = CAST(:c AS jsonb) WHERE id = :fu"),
            {"fu": fu, "c": passed},
        )
    assert snapshot(engine) == rebuilt(engine)
    with engine.connect() as conn:
        assert conn.execute(
            text("SELECT reused, reused_by_photo FROM kpi_proof_facts WHERE report_id = :r"),
            {"r": r7},
        ).one() == (False, True)
    assert fetch_weekly_kpis(engine, W47).city.reused_proofs == 2  # W47 ended before the verdict
    with (
        engine.begin() as conn
    ):  # the same verdict recorded on Friday 20 November (the database clock)
        conn.execute(text("SELECT set_config('qlue.now', :t, true)"), {"t": at(20, "09:00")})
        conn.execute(
            text("UPDATE follow_ups SET checks = CAST(:c AS jsonb) WHERE id = :fu"),
            {"fu": fu, "c": passed.replace('"risk": 0', '"risk": 1')},
        )
    assert fetch_weekly_kpis(engine, W47).city.reused_proofs == 1


def test_a_proof_photos_hash_filled_in_later_is_followed(week_fixture):
    """R7's proof photo arrived without its perceptual hash; the verifier's first check stores
    it, and it equals R1's earlier proof: the photo rule follows, as a rebuild computes it."""
    engine = week_fixture.engine
    r7 = week_fixture.reports["R7"]
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE photos SET phash = NULL, sha256 = NULL WHERE report_id = :r AND kind = "
                "'proof'"
            ),
            {"r": r7},
        )
    assert snapshot(engine) == rebuilt(engine)
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT reused_by_photo FROM kpi_proof_facts WHERE report_id = :r"), {"r": r7}
            ).scalar_one()
            is False
        )
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE photos SET phash = 1229764173248856065 WHERE report_id = :r AND kind = "
                "'proof'"
            ),
            {"r": r7},
        )  # 0x1111_0000_0000_0001, R1's proof
    assert snapshot(engine) == rebuilt(engine)
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT reused_by_photo FROM kpi_proof_facts WHERE report_id = :r"), {"r": r7}
            ).scalar_one()
            is True
        )


def test_two_consoles_mentioning_on_one_report_at_once_lose_nothing(week_fixture):
    """T1 mentions camat A and holds its transaction open; T2 mentions lurah A on the same
    report and waits on the facts row; T1 commits, then T2: the facts hold both accounts."""
    import threading

    engine, r7 = week_fixture.engine, week_fixture.reports["R7"]
    acc = week_fixture.accounts
    insert = text(
        "INSERT INTO mentions (report_id, account_id, mentioned_at, due_at) "
        "VALUES (:r, :a, :at, :due)"
    )
    first = engine.connect()
    first.begin()
    first.execute(
        insert, {"r": r7, "a": acc["camatA"], "at": at(20, "09:00"), "due": at(20, "12:00")}
    )
    done = threading.Event()

    def second() -> None:
        with engine.begin() as conn:
            conn.execute(
                insert, {"r": r7, "a": acc["lurahA"], "at": at(20, "09:01"), "due": at(20, "12:01")}
            )
        done.set()

    worker = threading.Thread(target=second)
    worker.start()
    assert not done.wait(1.0)  # T2 waits for T1's lock on the facts row
    first.commit()
    first.close()
    worker.join(10)
    assert done.is_set()
    accounts = facts_of(engine, r7)[2]
    assert {acc["camatA"], acc["lurahA"], acc["lurahB"]} <= set(accounts)
    assert snapshot(engine) == rebuilt(engine)


def mention_span(engine, mention: int):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT from_at, to_at FROM kpi_mention_spans WHERE mention_id = :m"),
            {"m": mention},
        ).one()


def test_a_mentions_interval_ends_when_it_stops_being_open(week_fixture):
    """Resolved and passed on: at resolved_at; closed with the report: when the report closed;
    escalated: at the escalation event, whichever is written first."""
    engine, fx = week_fixture.engine, week_fixture
    with engine.connect() as conn:
        r5_open = conn.execute(
            text("SELECT id FROM mentions WHERE report_id = :r AND state = 'open'"),
            {"r": fx.reports["R5"]},
        ).scalar_one()
        r6 = dict(
            conn.execute(
                text("SELECT account_id, id FROM mentions WHERE report_id = :r"),
                {"r": fx.reports["R6"]},
            ).all()
        )
    assert mention_span(engine, r6[fx.accounts["lurahA"]])[1] == datetime.fromisoformat(
        at(18, "09:00")
    )  # passed on
    assert mention_span(engine, r6[fx.accounts["lurahB"]])[1] is None  # open
    # R5 is rejected on Tuesday 24 Nov: the mention closes as the functions close it, before the
    # event
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE mentions SET state = 'closed' WHERE report_id = :r AND state = 'open'"),
            {"r": fx.reports["R5"]},
        )
    fx.event("R5", "rejected", at(24, "08:00"), {"reason": "spam"})
    assert mention_span(engine, r5_open) == (
        datetime.fromisoformat(at(17, "09:00")),
        datetime.fromisoformat(at(24, "08:00")),
    )
    # R6's lurah B mention escalated on Tuesday 24 Nov 07:00: the event first, as the escalation
    # writes it
    fx.event(
        "R6",
        "escalated",
        at(24, "07:00"),
        {"mention": r6[fx.accounts["lurahB"]], "from": "x", "to": "y"},
        actor="escalation",
    )
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE mentions SET state = 'escalated' WHERE id = :m"),
            {"m": r6[fx.accounts["lurahB"]]},
        )
    assert mention_span(engine, r6[fx.accounts["lurahB"]])[1] == datetime.fromisoformat(
        at(24, "07:00")
    )
    assert snapshot(engine) == rebuilt(engine)
    city = fetch_weekly_kpis(engine, W47).city
    assert (city.backlog, city.overdue) == (4, 2)  # as before: both were open at the week's end


KPI_OBJECTS = (
    "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
    "WHERE p.proname LIKE 'qlue_kpi%' ORDER BY p.proname"
)
WEIGHT_TYPE = (
    "SELECT data_type FROM information_schema.columns "
    "WHERE table_name = 'categories' AND column_name = 'weight'"
)
TRIGGERS = (
    "SELECT tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT tgisinternal AND tgrelid "
    "IN "
    "('events'::regclass, 'mentions'::regclass, 'follow_ups'::regclass, 'photos'::regclass) ORDER "
    "BY tgname"
)


def schema(engine):
    with engine.connect() as conn:
        return (
            conn.execute(text(KPI_OBJECTS)).all(),
            conn.execute(text(WEIGHT_TYPE)).scalar_one(),
            conn.execute(text(TRIGGERS)).all(),
            conn.execute(
                text(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conname = 'categories_weight_check'"
                )
            ).scalar_one(),
            conn.execute(text("SELECT to_regclass('kpi_mention_spans') IS NOT NULL")).scalar_one(),
            conn.execute(
                text(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'mentions' "
                    "ORDER BY indexname"
                )
            ).all(),
        )


def test_0011_goes_down_to_exactly_what_was_before_it_and_up_again(db_engine):
    from qlue_console.db import migrate

    with db_engine.connect() as conn:
        weights = dict(conn.execute(text("SELECT code, weight FROM categories")).all())
    assert weights["saluran_tersumbat"] == Decimal("1.2") and weights["sampah"] == 1
    migrate.downgrade(db_engine, "0011")
    migrate.downgrade(db_engine, "-1")  # just below 0011
    under = set(migrate.current_revisions(db_engine))
    assert "0011" not in under and len(under) == 1
    below = schema(db_engine)
    assert below[1] == "real" and below[4] is False
    with db_engine.connect() as conn:  # single precision again
        assert conn.execute(
            text("SELECT weight FROM categories WHERE code = 'saluran_tersumbat'")
        ).scalar_one() == pytest.approx(1.2, rel=1e-6)
    migrate.upgrade(db_engine)  # the real weights come back as the decimals they were meant to be
    with db_engine.connect() as conn:
        assert dict(conn.execute(text("SELECT code, weight FROM categories")).all()) == weights
    # what the revisions below 0011 create, from scratch
    migrate.downgrade(db_engine, "base")
    migrate.upgrade(db_engine, under.pop())
    assert schema(db_engine) == below
    migrate.upgrade(db_engine)
    _, weight_type, _, check, spans, _ = schema(db_engine)
    assert (weight_type, check, spans) == ("numeric", "CHECK ((weight > (0)::numeric))", True)
