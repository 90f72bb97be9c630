"""The simulator acts as citizens' channels and officials through the contract, live."""

from __future__ import annotations

import json
import select
import threading
import time
from datetime import UTC, datetime

import psycopg2
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console import simulate
from qlue_console.db import contract
from qlue_console.db.errors import ContractError
from qlue_console.seed.demo_reports import seed_demo_reports


def _listen(url: str):
    conn = psycopg2.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("LISTEN qlue_events")
    return conn


def _drain(conn, seconds: float) -> list[dict]:
    received: list[dict] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([conn], [], [], 0.2)[0]:
            conn.poll()
            while conn.notifies:
                received.append(json.loads(conn.notifies.pop(0).payload))
        elif received:
            break
    return received


def test_reports_arrive_through_the_contract_and_are_announced(people_engine, db_url):
    # A little history first, so officials have open mentions to answer.
    seed_demo_reports(people_engine, reports=60, weeks=1, seed=3)
    with people_engine.connect() as conn:
        before_fu = conn.execute(text("SELECT count(*) FROM follow_ups")).scalar_one()
    listener = _listen(db_url)
    lines: list[str] = []
    started = time.monotonic()
    try:
        summary = simulate.run_simulation(
            people_engine, rate=10, duration=2, seed=42, log=lines.append
        )
        elapsed = time.monotonic() - started
        notes = _drain(listener, 3)
    finally:
        listener.close()
    assert 1.8 <= elapsed < 4
    with people_engine.connect() as conn:
        sim = conn.execute(
            text(
                "SELECT r.id, r.channel, r.kelurahan_code, r.outside_jurisdiction, r.followers, "
                "(SELECT count(*) FROM photos p WHERE p.report_id = r.id AND p.kind = 'report' "
                "AND p.gps_lat IS NOT NULL  AND p.phash IS NOT NULL), (SELECT count(*) "
                "FROM events e WHERE e.report_id = r.id AND e.kind = 'created') FROM reports r "
                "WHERE r.external_id LIKE 'sim%'"
            )
        ).all()
        follow_ups = conn.execute(text("SELECT count(*) FROM follow_ups")).scalar_one() - before_fu
        actors = conn.execute(
            text(
                "SELECT count(*) FROM events WHERE kind = 'created' AND actor_login = session_user "
                "AND report_id = ANY(:ids)"
            ),
            {"ids": [r[0] for r in sim]},
        ).scalar_one()
    assert summary.submitted == len(sim) and 19 <= len(sim) <= 21
    assert all(r[5] == 1 and r[6] == 1 for r in sim)  # a located photo and a 'created' event each
    assert all((r[2] is None) == r[3] for r in sim)  # the contract resolved the kelurahan
    assert actors == len(sim)
    created = {n["report"] for n in notes if n["kind"] == "created"}
    assert {r[0] for r in sim} <= created  # every report announced on qlue_events
    assert summary.follow_ups == follow_ups >= 1
    assert any(n["kind"] == "follow_up" for n in notes)
    assert lines[-1] == summary.line() and "reports submitted" in lines[-1]


def test_a_refusal_is_logged_and_the_run_goes_on(people_engine, monkeypatch):
    real = contract.submit_report
    calls = {"n": 0}

    def flaky(conn, **kwargs):
        calls["n"] += 1
        if calls["n"] <= 3:
            raise ContractError("category", f"unknown category 'x{calls['n']}'")
        return real(conn, **kwargs)

    monkeypatch.setattr(contract, "submit_report", flaky)
    lines: list[str] = []
    summary = simulate.run_simulation(
        people_engine, rate=20, duration=0.5, seed=1, officials=False, log=lines.append
    )
    assert summary.refused == 3
    assert summary.submitted == calls["n"] - 3 >= 6
    assert sum("refused" in line and "unknown category" in line for line in lines) == 3
    with people_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == summary.submitted


def test_pacing_does_not_drift_and_stop_ends_the_run(people_engine):
    started = time.monotonic()
    summary = simulate.run_simulation(
        people_engine, rate=25, duration=1.0, seed=2, officials=False, log=lambda _: None
    )
    assert summary.submitted == 25
    assert 0.9 <= time.monotonic() - started < 2.5
    stop = threading.Event()
    threading.Timer(0.4, stop.set).start()
    started = time.monotonic()
    stopped = simulate.run_simulation(
        people_engine, rate=5, duration=60, seed=3, officials=False, log=lambda _: None, stop=stop
    )
    assert time.monotonic() - started < 2
    assert 1 <= stopped.submitted <= 4


def test_citizens_reopen_finished_reports(people_engine, monkeypatch):
    seed_demo_reports(people_engine, reports=40, weeks=2, seed=4, now=datetime.now(UTC))
    monkeypatch.setattr(simulate, "REOPEN_SHARE", 1.0)
    monkeypatch.setattr(simulate, "FOLLOW_UP_SHARE", 0.0)
    summary = simulate.run_simulation(
        people_engine, rate=10, duration=0.5, seed=9, log=lambda _: None
    )
    assert summary.reopened >= 3
    with people_engine.connect() as conn:
        reopened = conn.execute(
            text(
                "SELECT count(*) FROM events e JOIN reports r ON r.id = e.report_id "
                "WHERE e.kind = 'reopened' AND e.at > now() - interval '1 minute' "
                "AND e.actor = 'citizen:' || substr(e.actor, 9) "
                "AND substr(e.actor, 9) = ANY (r.followers) AND r.status = 'reopened'"
            )
        ).scalar_one()
    assert reopened == summary.reopened
