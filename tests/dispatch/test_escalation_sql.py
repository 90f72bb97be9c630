"""Escalation in the database: overdue mentions go one level up exactly once, whoever calls
it and however many call it at the same time; roles and the admin's editing are enforced by
PostgreSQL; the CLI command runs it for a scheduler."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, PermissionDeniedError
from qlue_console.dispatch import routing, service
from qlue_console.dispatch.cli import escalate_main
from tests.dispatch.util import (
    MONAS,
    clock_engine,
    event_kinds,
    execute,
    mention_states,
    rows,
    scalar,
    submit,
    version,
)

MONDAY_9 = "2026-12-07 09:00+07"
TUESDAY_10 = "2026-12-08 10:00+07"  # sampah (24 h) mentions of Monday 09:00 are overdue
WEDNESDAY_11 = "2026-12-09 11:00+07"


def _dispatch_at(db_url, engine, moment, report_id, message):
    clocked = clock_engine(db_url, moment)
    try:
        return service.dispatch(clocked, report_id, version(engine, report_id), message)
    finally:
        clocked.dispose()


def _escalate_at(db_url, moment):
    clocked = clock_engine(db_url, moment)
    try:
        return service.escalate_overdue(clocked)
    finally:
        clocked.dispose()


def test_overdue_mentions_escalate_one_level_once(people_engine, db_url):
    e = people_engine
    rid = submit(e)
    _dispatch_at(
        db_url,
        e,
        MONDAY_9,
        rid,
        "@lurah.gambir @ppsu.gambir @dlh.petugas1 @pamjaya mohon ditangani",
    )
    assert _escalate_at(db_url, "2026-12-08 08:59+07") == []  # not due yet
    first = _escalate_at(db_url, TUESDAY_10)
    assert [(x.from_handle, x.to_handle, x.new_mention_id is not None) for x in first] == [
        ("lurah.gambir", "camat.gambir", True),
        ("ppsu.gambir", "camat.gambir", False),  # the camat already holds it: no second mention
        ("dlh.petugas1", "dlh", True),
    ]  # pamjaya (a utility) has no next level
    assert mention_states(e, rid) == [
        ("lurah.gambir", "escalated"),
        ("ppsu.gambir", "escalated"),
        ("dlh.petugas1", "escalated"),
        ("pamjaya", "open"),
        ("camat.gambir", "open"),
        ("dlh", "open"),
    ]
    assert event_kinds(e, rid).count("escalated") == 3
    due = rows(
        e,
        "SELECT m.due_at, r.due_at FROM mentions m JOIN accounts a ON a.id = m.account_id "
        "JOIN reports r ON r.id = m.report_id WHERE a.handle = 'camat.gambir'",
    )[0]
    assert due[0].isoformat() == "2026-12-09T03:00:00+00:00"  # Wednesday 10:00 WIB: a fresh 24 h
    assert (
        due[1].isoformat() == "2026-12-08T02:00:00+00:00"
    )  # the report: its earliest open due (pamjaya's)
    assert _escalate_at(db_url, TUESDAY_10) == []  # idempotent
    second = _escalate_at(db_url, "2026-12-09 10:01+07")
    assert [(x.from_handle, x.to_handle) for x in second] == [("camat.gambir", "walikota.jakpus")]
    later = _escalate_at(db_url, "2026-12-12 10:00+07")
    assert [(x.from_handle, x.to_handle) for x in later] == []  # walikota and agency head: the top
    assert (
        scalar(e, "SELECT count(*) FROM mentions WHERE report_id = :id AND state = 'open'", id=rid)
        == 3
    )


def test_followed_up_reports_and_vacant_posts_do_not_escalate(people_engine, db_url):
    e = people_engine
    handled = submit(e)
    _dispatch_at(db_url, e, MONDAY_9, handled, "@lurah.gambir @dlh")
    with e.begin() as conn:
        from tests.photo_factory import jpeg

        conn.execute(
            text("SELECT submit_follow_up(:r, 'lurah.gambir', 'Selesai', :p)"),
            {"r": handled, "p": jpeg(1)},
        )
    vacant = submit(e, place=(-6.1352, 106.8133))  # Pinangsia, Taman Sari
    execute(e, "UPDATE accounts SET active = false WHERE handle = 'camat.taman-sari'")
    _dispatch_at(db_url, e, MONDAY_9, vacant, "@lurah.pinangsia")
    assert _escalate_at(db_url, TUESDAY_10) == []
    assert mention_states(e, handled) == [("lurah.gambir", "resolved"), ("dlh", "open")]
    assert mention_states(e, vacant) == [("lurah.pinangsia", "open")]


def test_escalation_happens_exactly_once_with_two_concurrent_callers(people_engine, db_url):
    e = people_engine
    reports = [submit(e, place=(MONAS[0] + i * 1e-4, MONAS[1])) for i in range(25)]
    for rid in reports:
        _dispatch_at(db_url, e, MONDAY_9, rid, "@lurah.gambir @dlh.petugas2 cek")
    engines = [clock_engine(db_url, TUESDAY_10) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[list] = [[], []]
    errors: list[BaseException] = []

    def caller(i: int) -> None:
        try:
            barrier.wait()
            for _ in range(3):
                results[i].extend(service.escalate_overdue(engines[i]))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for engine in engines:
        engine.dispose()
    assert not errors
    escalated = results[0] + results[1]
    assert len(escalated) == 50
    assert len({x.mention_id for x in escalated}) == 50
    assert scalar(e, "SELECT count(*) FROM events WHERE kind = 'escalated'") == 50
    assert scalar(e, "SELECT count(*) FROM mentions WHERE state = 'escalated'") == 50
    per_report = rows(
        e,
        "SELECT a.handle, count(*) FROM mentions m JOIN accounts a ON a.id = m.account_id "
        "WHERE m.state = 'open' GROUP BY a.handle ORDER BY a.handle",
    )
    assert per_report == [("camat.gambir", 25), ("dlh", 25)]


# -- roles --------------------------------------------------------------------------------


def test_postgres_refuses_an_analyst_and_lets_an_operator_dispatch(people_engine, login_url):
    e = people_engine
    rid = submit(e)
    analyst = clock_engine(login_url("qlue_analyst"), "")
    operator = clock_engine(login_url("qlue_operator"), "")
    try:
        with pytest.raises(PermissionDeniedError):
            service.dispatch(analyst, rid, version(e, rid), "@lurah.gambir")
        with pytest.raises(PermissionDeniedError):
            service.forward(analyst, rid, version(e, rid), ["pamjaya"], "air")
        with pytest.raises(PermissionDeniedError):
            service.escalate_overdue(analyst)
        assert mention_states(e, rid) == []
        service.dispatch(operator, rid, version(e, rid), "@lurah.gambir")
        assert service.escalate_overdue(operator) == []
        with pytest.raises(PermissionDeniedError):
            routing.set_holiday(operator, date(2026, 12, 31), "Libur", "Holiday")
        with pytest.raises(PermissionDeniedError):
            routing.set_routing_rule(operator, "sampah", "kecamatan", "camat", 5)
        # The directory and suggestions are readable by both.
        assert [s.handle for s in routing.suggest_mentions(analyst, rid)][:1] == ["lurah.gambir"]
    finally:
        analyst.dispose()
        operator.dispose()


def test_an_admin_edits_holidays_and_routing_rules(people_engine, login_url, db_url):
    e = people_engine
    admin = clock_engine(login_url("qlue_admin"), "")
    try:
        assert routing.can_edit_routing(admin)
        operator = make_engine(login_url("qlue_operator"))
        try:
            assert not routing.can_edit_routing(operator)
        finally:
            operator.dispose()
        rid = submit(e, category="pkl_liar")
        assert [s.handle for s in routing.suggest_mentions(e, rid)] == ["lurah.gambir", "satpolpp"]
        rule = routing.set_routing_rule(admin, "pkl_liar", "kecamatan", "camat", 2)
        assert routing.set_routing_rule(admin, "pkl_liar", "kecamatan", "camat", 4) == rule
        assert [s.handle for s in routing.suggest_mentions(e, rid)] == [
            "lurah.gambir",
            "satpolpp",
            "camat.gambir",
        ]
        with pytest.raises(ContractError, match="area level"):
            routing.set_routing_rule(admin, "pkl_liar", "planet", "camat", 2)
        assert routing.delete_routing_rule(admin, rule)
        assert [s.handle for s in routing.suggest_mentions(e, rid)] == ["lurah.gambir", "satpolpp"]

        # A new holiday moves working-day due times given after it.
        routing.set_holiday(admin, date(2026, 12, 8), "Libur daerah", "Local holiday")
        assert date(2026, 12, 8) in {h.day for h in routing.fetch_holidays(e, 2026)}
        blocked = submit(e, category="saluran_tersumbat")
        result = _dispatch_at(db_url, e, MONDAY_9, blocked, "@lurah.gambir")
        # Monday 09:00 + 3 working days, Tuesday now a holiday: Wed, Thu, Fri -> Friday 09:00 WIB
        # (not Thursday).
        assert result.added[0].due_at.isoformat() == "2026-12-11T02:00:00+00:00"
        assert routing.delete_holiday(admin, date(2026, 12, 8))
        with pytest.raises(ContractError, match="name"):
            routing.set_holiday(admin, date(2026, 12, 9), "", "x")
    finally:
        admin.dispose()


# -- the command and the migration --------------------------------------------------------


def test_the_escalate_command(people_engine, db_url, capsys):
    e = people_engine
    rid = submit(e)
    execute(
        e,
        "INSERT INTO mentions (report_id, account_id, mentioned_at, due_at) "
        "SELECT :r, id, now() - interval '2 days', now() - interval '1 day' FROM accounts "
        "WHERE handle = 'lurah.gambir'",
        r=rid,
    )
    execute(e, "UPDATE reports SET status = 'dispatched' WHERE id = :r", r=rid)
    assert escalate_main(["--database-url", db_url]) == 0
    out = capsys.readouterr().out
    assert (
        f"report #{rid}: @lurah.gambir -> @camat.gambir" in out and "1 mention(s) escalated" in out
    )
    assert escalate_main(["--database-url", db_url, "-q"]) == 0
    assert capsys.readouterr().out.strip() == "0 mention(s) escalated"
    assert escalate_main(["--database-url", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    assert "qlue-console escalate:" in capsys.readouterr().err


def test_revision_0003_goes_down_and_up(people_engine):
    e = people_engine
    migrate.downgrade(e, "0002")  # 0003 and everything after it
    names = {
        r[0]
        for r in rows(
            e,
            "SELECT proname FROM pg_proc WHERE proname LIKE '%dispatch%' "
            "OR proname LIKE '%escalat%' OR proname LIKE '%routing_rule%'",
        )
    }
    assert names == set()
    migrate.upgrade(e)
    assert migrate.current_revisions(e) == migrate.head_revisions()
    rid = submit(e)
    assert service.dispatch(e, rid, version(e, rid), "@lurah.gambir").status == "dispatched"
