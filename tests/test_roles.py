"""Permissions hold in PostgreSQL itself: each role signs in with its own login and the
database refuses what the role may not do."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy.engine import make_url

from tests.photo_factory import jpeg


def _connect(url: str):
    conn = psycopg2.connect(make_url(url).render_as_string(hide_password=False))
    conn.autocommit = True
    return conn


def _refused(conn, sql: str, params=()) -> None:
    with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute(sql, params)


SUBMIT = (
    "SELECT submit_report('app', %s, 'warga', 'Jalan berlubang', 'jalan_rusak', -6.1754, "
    "106.8272, %s)"
)


@pytest.fixture
def seeded_report(db_engine):
    from sqlalchemy import text

    with db_engine.begin() as conn:
        report_id = conn.execute(
            text(
                "SELECT submit_report('app', 'seed', 'warga', 'Sampah', 'sampah', -6.1754, "
                "106.8272)"
            )
        ).scalar_one()
    return report_id


def test_channel_may_only_call_the_submission_functions(login_url, seeded_report):
    conn = _connect(login_url("qlue_channel"))
    with conn.cursor() as cur:
        cur.execute(SUBMIT, ("ch-1", psycopg2.Binary(jpeg(3))))
        assert cur.fetchone()[0] > 0
    _refused(conn, "SELECT count(*) FROM reports")
    _refused(
        conn,
        "INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon, "
        "reported_at) VALUES ('app', 'x', 'c', 't', 'sampah', 0, 0, now())",
    )
    _refused(conn, "UPDATE reports SET status = 'verified'")
    _refused(
        conn,
        "INSERT INTO events (report_id, actor, kind) VALUES (%s, 'x', 'comment')",
        (seeded_report,),
    )
    _refused(conn, "SELECT qlue_store_photo(1, 'report', '\\xffd8ff00'::bytea, NULL)")
    conn.close()


def test_analyst_only_reads(login_url, seeded_report):
    conn = _connect(login_url("qlue_analyst"))
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM reports")
        assert cur.fetchone()[0] == 1
    _refused(conn, "UPDATE reports SET priority = 3 WHERE id = %s", (seeded_report,))
    _refused(
        conn,
        "INSERT INTO events (report_id, actor, kind) VALUES (%s, 'x', 'comment')",
        (seeded_report,),
    )
    _refused(conn, SUBMIT, ("an-1", None))
    _refused(conn, "DELETE FROM reports")
    conn.close()


def test_operator_triages_but_cannot_rewrite_history_or_decide_proofs(login_url, seeded_report):
    conn = _connect(login_url("qlue_operator"))
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE reports SET priority = 3, version = version + 1 WHERE id = %s", (seeded_report,)
        )
        cur.execute(
            "INSERT INTO events (report_id, actor, kind, actor_login) "
            "VALUES (%s, 'op', 'comment', 'forged') RETURNING actor_login, session_user",
            (seeded_report,),
        )
        actor_login, session_user = cur.fetchone()
        assert actor_login == session_user != "forged"
    _refused(conn, "UPDATE events SET payload = '{}'")
    _refused(conn, "DELETE FROM events")
    _refused(conn, "UPDATE reports SET text = 'rewritten' WHERE id = %s", (seeded_report,))
    _refused(conn, "UPDATE follow_ups SET verification = 'approved'")
    _refused(conn, "DELETE FROM reports")
    _refused(conn, "UPDATE accounts SET active = false")
    conn.close()


def test_supervisor_decides_proofs_but_cannot_touch_events(login_url, seeded_report):
    conn = _connect(login_url("qlue_supervisor"))
    with conn.cursor() as cur:
        cur.execute("UPDATE follow_ups SET verification = 'approved' WHERE false")
    _refused(conn, "UPDATE events SET kind = 'closed'")
    _refused(conn, "DELETE FROM events")
    conn.close()


def test_admin_may_correct_events(login_url, seeded_report):
    conn = _connect(login_url("qlue_admin"))
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE events SET payload = payload || '{\"corrected\": true}' WHERE report_id = %s",
            (seeded_report,),
        )
        assert cur.rowcount == 1
    conn.close()
