"""Every write is attributable: events.actor_login is the database login that made the write,
stamped by the database whatever the client sends, also through the functions and after a
SET ROLE."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from tests.access.conftest import connect, login_of
from tests.photo_factory import jpeg


@pytest.fixture
def report(people_engine):
    with people_engine.begin() as conn:
        return conn.execute(
            text(
                "SELECT submit_report('app', 'attr', 'warga', 'Lampu mati', 'sampah', -6.1754, "
                "106.8272)"
            )
        ).scalar_one()


def _last_event(superuser, report_id):
    with superuser.cursor() as cur:
        cur.execute(
            "SELECT kind, actor, actor_login FROM events WHERE report_id = %s "
            "ORDER BY id DESC LIMIT 1",
            (report_id,),
        )
        return cur.fetchone()


def test_a_forged_actor_login_is_overwritten(report, login_url, superuser):
    url = login_url("qlue_operator")
    conn = connect(url)
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO events (report_id, actor, kind, actor_login) "
            "VALUES (%s, 'op', 'comment', 'spv.rina')",
            (report,),
        )
        cur.execute("SET application_name = 'postgres'")
        cur.execute(
            "INSERT INTO events (report_id, actor, kind, actor_login) "
            "VALUES (%s, 'op', 'comment', DEFAULT)",
            (report,),
        )
        for sql in (
            "UPDATE events SET actor_login = 'spv.rina'",
            "UPDATE events SET actor = 'spv.rina'",
        ):
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute(sql)
    with superuser.cursor() as cur:
        cur.execute(
            "SELECT actor_login FROM events WHERE report_id = %s AND kind = 'comment'", (report,)
        )
        assert [r[0] for r in cur.fetchall()] == [login_of(url)] * 2
    conn.close()


def test_set_role_does_not_change_the_stamp(report, login_url, superuser):
    """A login made by CREATE ROLE … IN ROLE may SET ROLE to its group; the stamp is still
    the login (session_user), never the group."""
    url = login_url("qlue_operator")
    conn = connect(url)
    with conn.cursor() as cur:
        cur.execute("SET ROLE qlue_operator")
        cur.execute("SELECT comment_report(%s, 'dari grup')", (report,))
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("SET SESSION AUTHORIZATION postgres")
    kind, _actor, actor_login = _last_event(superuser, report)
    assert (kind, actor_login) == ("comment", login_of(url))
    conn.close()


def test_functions_stamp_the_caller(report, login_url, new_login, superuser):
    operator = new_login("operator", handle="op.andi")
    conn = connect(operator)
    with conn.cursor() as cur:
        cur.execute("SELECT set_report_priority(%s, 1, 3)", (report,))
    assert _last_event(superuser, report) == ("prioritised", "op.andi", login_of(operator))
    conn.close()

    channel = login_url("qlue_channel")
    conn = connect(channel)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT submit_follow_up(%s, 'lurah.gambir', 'beres', %s)",
            (report, psycopg2.Binary(jpeg(3))),
        )
        cur.execute(
            "SELECT submit_report('sms', 'attr2', 'warga2', 'Banjir', 'sampah', -6.1754, 106.8272)"
        )
        second = cur.fetchone()[0]
    # SECURITY DEFINER functions run as their owner, but the stamp is the session's login.
    assert _last_event(superuser, report) == ("follow_up", "lurah.gambir", login_of(channel))
    assert _last_event(superuser, second) == ("created", "sms:warga2", login_of(channel))
    conn.close()
